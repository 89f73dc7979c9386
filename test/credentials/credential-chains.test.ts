/**
 * Every step of every vendor's default chain, end to end over loopback: a clean environment
 * (a temporary HOME, no vendor variable), the vendor's STS and metadata emulators, the product
 * emulator accepting the temporary keys with the vendor's token header. No step reaches
 * anything but 127.0.0.1.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, startMetadataEmulator, startStsEmulator } from '../../providers/testing.js';
import type { Emulator, MetadataEmulator, StsEmulatorMap } from '../../providers/testing.js';
import type { ContactEvent } from '../../src/contract/events.js';
import type { BaseProviderSettings } from '../../src/settings/settings.js';
import { signingKeys } from '../../src/credentials/credentials.js';
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { cleanCredentialEnvironment, NOTHING_LISTENS } from '../support/credential-environment.js';
import type { CleanEnvironment } from '../support/credential-environment.js';
import { CHAIN_TARGETS } from '../support/credential-targets.js';
import { expectContactError } from '../support/expect-contact-error.js';

const SUBJECT = 'system:serviceaccount:ops:notifier';
const CANARY_SECRET = 'CANARY-secret-0f9e8d7c6b5a4f3e';
const CANARY_TOKEN = 'CANARY-token-1a2b3c4d5e6f7a8b';

describe.each(CHAIN_TARGETS)('$vendor credentials, end to end', (target) => {
  let product: Emulator<typeof target.product>;
  let sts: StsEmulatorMap[typeof target.vendor];
  let metadata: MetadataEmulator;
  let env: CleanEnvironment;

  beforeAll(async () => {
    product = (await startEmulator(target.product, { rateLimit: false })) as Emulator<typeof target.product>;
    sts = await startStsEmulator(target.vendor);
    metadata = await startMetadataEmulator(target.vendor);
  });
  afterAll(async () => {
    await Promise.all([product.close(), sts.close(), metadata.close()]);
  });
  beforeEach(() => {
    for (const emulator of [product, sts, metadata]) emulator.reset();
    metadata.attachRole('EmulatedInstanceRole');
    env = cleanCredentialEnvironment();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  /** A provider of the product, with every credential service on loopback (no metadata service unless given). */
  const provider = (settings: BaseProviderSettings = {}) =>
    target.make({ endpoint: product.endpoint, stsEndpoint: sts.endpoint, metadataEndpoint: NOTHING_LISTENS, rateLimit: false, maxRetries: 0, ...settings });
  const sourceOf = (made: { readonly settings: { readonly credentials: CredentialSource } }): CredentialSource => made.settings.credentials;
  const stubAll = (variables: Record<string, string>): void => {
    for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  };
  const tokensSent = (): string[] => product.requests.map((request) => String(request.headers[target.tokenHeader] ?? '')).filter((token) => token !== '');

  it('environment: the vendor variables', async () => {
    stubAll(target.envFor(product.credentials));
    const made = provider();
    expect(sourceOf(made).describe()).toBe('default chain (not resolved yet)');
    await made.list().all();
    expect(sourceOf(made).describe()).toBe('environment');
    expect(tokensSent()).toEqual([]);
  });

  it("profile file: the default profile, then a named one by the profile setting and by the vendor's variable", async () => {
    target.writeProfile(env, 'default', product.credentials);
    target.writeProfile(env, 'prod', product.credentials);
    target.writeProfile(env, 'stale', { accessKeyId: product.credentials.accessKeyId, accessKeySecret: CANARY_SECRET });
    const byDefault = provider();
    await byDefault.list().all();
    expect(sourceOf(byDefault).describe()).toBe('profile default');

    // The setting reads only the profile files: keys in the environment do not win over it.
    stubAll(target.envFor({ accessKeyId: product.credentials.accessKeyId, accessKeySecret: CANARY_SECRET }));
    const bySetting = provider({ profile: 'prod' });
    await bySetting.list().all();
    expect(sourceOf(bySetting).describe()).toBe('profile prod');

    const stale = await expectContactError(provider({ profile: 'stale' }).list().all(), 'unauthenticated', { secrets: [CANARY_SECRET] });
    expect(stale.operation).toBe('list');
    if (target.profileVariable !== undefined) {
      vi.stubEnv(target.profileVariable, 'prod');
      for (const name of Object.keys(target.envFor(product.credentials))) vi.stubEnv(name, undefined);
      const byVariable = provider();
      await byVariable.list().all();
      expect(sourceOf(byVariable).describe()).toBe('profile prod');
    }
    const missing = await expectContactError(provider({ profile: 'nope' }).list().all(), 'invalid-config');
    expect(missing.message).toMatch(/no (profile named nope|\[nope\] section)/);
  });

  it("the Kubernetes OIDC token, exchanged at the vendor's STS for a role the subject is trusted with", async () => {
    const roleArn = target.roleArn('notifier');
    sts.addRole({ arn: roleArn, oidcSubjects: [SUBJECT] });
    const tokenFile = env.write('var/run/oidc/token', sts.issueOidcToken(SUBJECT));
    stubAll(target.oidcEnv(tokenFile, roleArn, sts));
    const made = provider();
    await made.list().all();
    expect(sourceOf(made).describe()).toBe(`OIDC role ${roleArn}`);
    expect(sts.sessions()).toMatchObject([{ roleArn, via: 'OIDC' }]);
    expect(tokensSent()).toHaveLength(1);

    // A token for a subject the role does not trust: STS refuses, and nothing reaches the product.
    product.reset();
    env.write('var/run/oidc/token', sts.issueOidcToken('system:serviceaccount:other:intruder'));
    const refused = await expectContactError(provider().list().all(), 'permission-denied');
    expect(refused.operation).toBe('credentials');
    expect(product.requests).toHaveLength(0);
  });

  it("the instance's role, from the metadata service", async () => {
    const made = provider({ metadataEndpoint: metadata.endpoint });
    await made.list().all();
    await made.list().all();
    expect(sourceOf(made).describe()).toBe('instance role EmulatedInstanceRole');
    expect(metadata.keysHandedOut()).toBe(1);
    expect(tokensSent()).toHaveLength(2);
    if (target.vendor !== 'tencent') expect(metadata.requests.map((request) => request.action)).toContain('CreateToken');
  });

  it('an assumed role on top of static keys, with its trust rule, external id and errors', async () => {
    const roleArn = target.roleArn('ops');
    const externalId = target.vendor === 'volcengine' ? undefined : 'ext-7f3a';
    sts.addRole({ arn: roleArn, ...(externalId === undefined ? {} : { externalId }) });
    sts.addRole({ arn: target.roleArn('stranger'), trustedCallers: ['someone-else'] });
    const made = provider({ credentials: sts.credentials, assumeRole: { roleArn, sessionName: 'operator', ...(externalId === undefined ? {} : { externalId }) } });
    await made.list().all();
    expect(sourceOf(made).describe()).toBe(`assumed role ${roleArn} (from settings)`);
    expect(sts.sessions()).toMatchObject([{ roleArn, sessionName: 'operator', via: 'AssumeRole' }]);
    expect(tokensSent()).toHaveLength(1);

    product.reset();
    if (externalId !== undefined) {
      await expectContactError(provider({ credentials: sts.credentials, assumeRole: { roleArn, externalId: 'wrong' } }).list().all(), 'permission-denied');
    }
    await expectContactError(provider({ credentials: sts.credentials, assumeRole: { roleArn: target.roleArn('stranger') } }).list().all(), 'permission-denied');
    const unknown = await expectContactError(provider({ credentials: sts.credentials, assumeRole: { roleArn: target.roleArn('missing') } }).list().all(), 'invalid-config');
    expect(unknown.vendor?.requestId).toBeTruthy();
    await expectContactError(provider({ credentials: { accessKeyId: sts.credentials.accessKeyId, accessKeySecret: CANARY_SECRET }, assumeRole: { roleArn } }).list().all(), 'unauthenticated', {
      secrets: [CANARY_SECRET],
    });
    expect(product.requests).toHaveLength(0);
  });

  it('an assumed role on top of a profile, and the profile modes that assume one themselves', async () => {
    const roleArn = target.roleArn('member-access');
    sts.addRole({ arn: roleArn });
    target.writeProfile(env, 'operator', sts.credentials);
    const made = provider({ profile: 'operator', assumeRole: { roleArn } });
    await made.list().all();
    expect(sourceOf(made).describe()).toBe(`assumed role ${roleArn} (from profile operator)`);
    if (target.writeRoleProfile !== undefined) {
      target.writeRoleProfile(env, 'member', sts.credentials, roleArn);
      const byMode = provider({ profile: 'member' });
      await byMode.list().all();
      expect(sourceOf(byMode).describe()).toBe(`profile member (assumed role ${roleArn})`);
    }
    expect(sts.sessions().length).toBe(target.writeRoleProfile === undefined ? 1 : 2);
  });

  it('temporary keys are fetched again a few minutes before they expire, one fetch for concurrent calls', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const roleArn = target.roleArn('short');
    sts.addRole({ arn: roleArn });
    const made = provider({ credentials: sts.credentials, assumeRole: { roleArn, durationSeconds: 900 } });
    await Promise.all(Array.from({ length: 5 }, () => made.list().all()));
    expect(sts.sessions()).toHaveLength(1);
    vi.setSystemTime(Date.now() + 9 * 60_000);
    await made.list().all();
    expect(sts.sessions()).toHaveLength(1);
    // 15-minute keys are renewed 5 minutes ahead: at 10:30 they are, by five concurrent calls, once.
    vi.setSystemTime(Date.now() + 90_000);
    await Promise.all(Array.from({ length: 5 }, () => made.list().all()));
    expect(sts.sessions()).toHaveLength(2);
    expect(new Set(tokensSent()).size).toBe(2);
    // The vendors' answers give the expiry to the second.
    expect(Math.floor((sourceOf(made).expiration?.getTime() ?? 0) / 1000)).toBe(Math.floor(sts.sessions()[1]!.expiration.getTime() / 1000));
  });

  it("keys the product refuses as expired are fetched again and the call sent once more", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const instance = provider({ metadataEndpoint: metadata.endpoint });
    let calls = 0;
    // A function that hands out keys without saying when they expire (a vault cache, say).
    const made = provider({
      credentials: async () => {
        calls += 1;
        const keys = signingKeys(await sourceOf(instance).resolve());
        return { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, securityToken: keys.securityToken };
      },
    });
    await made.list().all();
    vi.setSystemTime(Date.now() + 7 * 3_600_000);
    await made.list().all();
    expect(calls).toBe(2);
    const answers = product.requests.map((request) => request.headers[target.tokenHeader]);
    expect(answers).toHaveLength(3);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).not.toBe(answers[1]);
  });

  it('a chain that finds nothing fails with invalid-config naming every place it looked, and sends nothing', async () => {
    const error = await expectContactError(provider().list().all(), 'invalid-config');
    expect(error.operation).toBe('credentials');
    expect(error.message).toMatch(/environment \(/);
    expect(error.message).toMatch(/OIDC/);
    expect(error.message).toMatch(/profile/);
    expect(error.message).toMatch(/role at http:\/\/127\.0\.0\.1:9/);
    expect(error.message).not.toContain(env.home);
    expect(product.requests).toHaveLength(0);
  });

  it('canary secrets and issued tokens appear in no error, event, printed provider or description', async () => {
    const events: ContactEvent[] = [];
    const roleArn = target.roleArn('audited');
    sts.addRole({ arn: roleArn });
    const made = provider({ credentials: sts.credentials, assumeRole: { roleArn }, onEvent: (event) => events.push(event) });
    await made.list().all();
    product.failNext({ kind: 'vendor-error', code: target.expiredCode });
    product.failNext({ kind: 'vendor-error', code: target.expiredCode });
    const failure = await made.list().all().catch((error: unknown) => error);
    const canary = provider({ credentials: { accessKeyId: product.credentials.accessKeyId, accessKeySecret: CANARY_SECRET, securityToken: CANARY_TOKEN } });
    const refused = await canary.list().all().catch((error: unknown) => error);
    // A gateway that echoes what it signed (Alibaba quotes its string to sign): the caller's token is scrubbed.
    sts.failNext({ kind: 'vendor-error', code: 'SignatureDoesNotMatch', message: `server string to sign is:POST&%2F&SecurityToken%3D${CANARY_TOKEN}` });
    const echoed = await provider({ credentials: { ...sts.credentials, securityToken: CANARY_TOKEN }, assumeRole: { roleArn } }).list().all().catch((error: unknown) => error);
    expect(String(echoed)).toMatch(/SignatureDoesNotMatch/);
    const secrets = [...tokensSent(), CANARY_SECRET, CANARY_TOKEN, sts.credentials.accessKeySecret];
    expect(tokensSent().length).toBeGreaterThan(1);
    const outputs = [made, canary, failure, refused, echoed, events, made.settings, sourceOf(made), canary.settings].flatMap((value) => [inspect(value, { depth: 20, showHidden: true }), JSON.stringify(value) ?? '']);
    outputs.push(sourceOf(made).describe(), String(failure), String(refused), String(echoed));
    for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
