/**
 * The steps only Alibaba Cloud's chain has, end to end over loopback in a clean HOME: the SDKs'
 * INI credentials file, a credentials URI, the CLI's chained and instance-role profile modes,
 * and the hardened metadata service that requires its session token.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, startMetadataEmulator, startStsEmulator } from '../../providers/testing.js';
import type { Emulator, MetadataEmulator, StsEmulatorMap } from '../../providers/testing.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import type { AlibabaResourceDirectorySettings } from '../../providers/alibaba-resource-directory/index.js';
import { cleanCredentialEnvironment, NOTHING_LISTENS } from '../support/credential-environment.js';
import type { CleanEnvironment } from '../support/credential-environment.js';
import { expectContactError } from '../support/expect-contact-error.js';

const ROLE = 'acs:ram::1234567890123456:role/member-access';

let rd: Emulator;
let sts: StsEmulatorMap['alibaba'];
let metadata: MetadataEmulator<'alibaba'>;
let env: CleanEnvironment;

beforeAll(async () => {
  rd = await startEmulator('alibaba-resource-directory', { rateLimit: false });
  sts = await startStsEmulator('alibaba', { roles: [{ arn: ROLE }] });
  metadata = await startMetadataEmulator('alibaba', { roleName: 'EcsOps', requireToken: true });
});
afterAll(async () => {
  await Promise.all([rd.close(), sts.close(), metadata.close()]);
});
beforeEach(() => {
  for (const emulator of [rd, sts, metadata]) emulator.reset();
  env = cleanCredentialEnvironment();
});
afterEach(() => vi.unstubAllEnvs());

const provider = (settings: AlibabaResourceDirectorySettings = {}) =>
  alibabaResourceDirectory({ endpoint: rd.endpoint, stsEndpoint: sts.endpoint, metadataEndpoint: NOTHING_LISTENS, rateLimit: false, maxRetries: 0, ...settings });

describe("Alibaba Cloud's own chain steps", () => {
  it('the INI credentials file: [default], a named section, and ALIBABA_CLOUD_CREDENTIALS_FILE', async () => {
    const keys = rd.credentials;
    env.write('.alibabacloud/credentials', `[default]\ntype = access_key\naccess_key_id = ${keys.accessKeyId}\naccess_key_secret = ${keys.accessKeySecret}\n\n[member]\ntype = ram_role_arn\naccess_key_id = ${keys.accessKeyId}\naccess_key_secret = ${keys.accessKeySecret}\nrole_arn = ${ROLE}\n`);
    const byDefault = provider();
    await byDefault.list().all();
    expect(byDefault.settings.credentials.describe()).toBe('profile default');
    const member = provider({ profile: 'member' });
    await member.list().all();
    expect(member.settings.credentials.describe()).toBe(`profile member (assumed role ${ROLE})`);
    const elsewhere = env.write('elsewhere/credentials', `[default]\naccess_key_id = ${keys.accessKeyId}\naccess_key_secret = ${keys.accessKeySecret}\n`);
    vi.stubEnv('ALIBABA_CLOUD_CREDENTIALS_FILE', elsewhere);
    await provider().list().all();
  });

  it("a credentials URI, last, after the instance's role is found absent", async () => {
    // A server answering in the URI's format ({ Code: "Success", AccessKeyId, ... }): the metadata emulator's key path is one.
    const server = await startMetadataEmulator('alibaba', { roleName: 'UriRole' });
    try {
      vi.stubEnv('ALIBABA_CLOUD_CREDENTIALS_URI', `${server.endpoint}/latest/meta-data/ram/security-credentials/UriRole`);
      const made = provider();
      await made.list().all();
      expect(made.settings.credentials.describe()).toBe(`credentials URI ${server.endpoint}`);
      expect(server.keysHandedOut()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("the CLI's ChainableRamRoleArn and EcsRamRole modes, and a mode it cannot read", async () => {
    const keys = sts.credentials;
    env.write(
      '.aliyun/config.json',
      JSON.stringify({
        current: 'operator',
        profiles: [
          { name: 'operator', mode: 'AK', access_key_id: keys.accessKeyId, access_key_secret: keys.accessKeySecret },
          { name: 'member', mode: 'ChainableRamRoleArn', source_profile: 'operator', ram_role_arn: ROLE, ram_session_name: 'chained' },
          { name: 'instance', mode: 'EcsRamRole', ram_role_name: 'EcsOps' },
          { name: 'sso', mode: 'CloudSSO' },
          { name: 'loop', mode: 'ChainableRamRoleArn', source_profile: 'loop', ram_role_arn: ROLE },
        ],
      }),
    );
    const chained = provider({ profile: 'member' });
    await chained.list().all();
    expect(chained.settings.credentials.describe()).toBe(`profile member (assumed role ${ROLE}, from profile operator)`);
    expect(sts.sessions()).toMatchObject([{ roleArn: ROLE, sessionName: 'chained' }]);
    vi.stubEnv('ALIBABA_CLOUD_IMDSV1_DISABLED', 'true');
    const onInstance = provider({ profile: 'instance', metadataEndpoint: metadata.endpoint });
    await onInstance.list().all();
    expect(onInstance.settings.credentials.describe()).toBe('profile instance (instance role EcsOps)');
    expect(metadata.requests.map((request) => request.action)).toEqual(['CreateToken', 'GetRoleCredentials']);
    expect((await expectContactError(provider({ profile: 'sso' }).list().all(), 'invalid-config')).message).toMatch(/mode CloudSSO, which this library does not read/);
    expect((await expectContactError(provider({ profile: 'loop' }).list().all(), 'invalid-config')).message).toMatch(/leads back to itself/);
    const current = provider();
    await current.list().all();
    expect(current.settings.credentials.describe()).toBe('profile operator');
  });

  it('the hardened metadata service: without IMDSv1 the token is required, and a refused token stops the chain', async () => {
    vi.stubEnv('ALIBABA_CLOUD_IMDSV1_DISABLED', 'true');
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA', 'EcsOps');
    const made = provider({ metadataEndpoint: metadata.endpoint });
    await made.list().all();
    expect(made.settings.credentials.describe()).toBe('instance role EcsOps');
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA', 'Another');
    const wrongRole = await expectContactError(provider({ metadataEndpoint: metadata.endpoint }).list().all(), 'invalid-config');
    expect(wrongRole.field).toBe('ALIBABA_CLOUD_ECS_METADATA');
    vi.stubEnv('ALIBABA_CLOUD_ECS_METADATA_DISABLED', 'true');
    expect((await expectContactError(provider({ metadataEndpoint: metadata.endpoint }).list().all(), 'invalid-config')).message).toMatch(/disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED/);
  });
});
