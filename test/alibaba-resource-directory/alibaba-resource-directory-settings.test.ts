/**
 * Settings (credentials from the environment, sites, endpoints, timeouts) and secrets: no access
 * key secret or security token in any error, printed provider or serialised object.
 */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEmulator } from '../support/use-emulator.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { contactInput, providerFor } from './alibaba-resource-directory-fixtures.js';
import { configErrorOf } from '../support/config-error.js';
import { expectContactError } from '../support/expect-contact-error.js';

const emulator = useEmulator('alibaba-resource-directory', { rateLimit: false });
afterEach(() => vi.unstubAllEnvs());

const configError = (settings: unknown) => configErrorOf(() => alibabaResourceDirectory(settings as never));

describe('settings', () => {
  it('reads credentials from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, and names them when they are missing', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', emulator.credentials.accessKeyId);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', emulator.credentials.accessKeySecret);
    const rd = alibabaResourceDirectory({ endpoint: emulator.endpoint });
    expect(await rd.list().all()).toEqual([]);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', '');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', '');
    // Made at module load without the variables, the provider waits for its first call to say so.
    const early = alibabaResourceDirectory({ endpoint: emulator.endpoint });
    const missing = await expectContactError(early.get('c-0000000000000000'), 'invalid-config');
    expect(missing.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID.*ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    expect(emulator.requests).toHaveLength(1);
  });

  it('uses the documented host of each site, never the SDK default, and refuses settings it cannot honour', () => {
    const credentials = { accessKeyId: 'LTAI5tEXAMPLE', accessKeySecret: 'EXAMPLEsecretEXAMPLEsecret' };
    expect(alibabaResourceDirectory({ credentials }).settings).toMatchObject({ site: 'china', endpoint: 'https://resourcedirectory.aliyuncs.com' });
    expect(alibabaResourceDirectory({ credentials, site: 'international' }).settings).toMatchObject({ endpoint: 'https://resourcedirectory-intl.aliyuncs.com' });
    const region = configError({ credentials, region: 'cn-hangzhou' });
    expect(region.field).toBe('settings.region');
    expect(region.message).toMatch(/no regions: choose site/);
    expect(configError({ credentials, site: 'mars' }).field).toBe('settings.site');
    expect(configError({ credentials, endpoint: 'http://127.0.0.1:4010/gateway' }).field).toBe('settings.endpoint');
  });

  it("gives the SDK each attempt's own time, not its silent 3 s default (on a fake clock)", async () => {
    const rd = providerFor(emulator, { timeoutMs: 6_000 });
    await rd.list().all();
    emulator.failNext({ kind: 'hang', action: 'ListMessageContacts' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const outcome = rd.list().all().then(() => 'resolved', (e: unknown) => e);
      await vi.waitFor(() => expect(emulator.requests.filter((r) => r.action === 'ListMessageContacts')).toHaveLength(2));
      await vi.advanceTimersByTimeAsync(3_500);
      await vi.advanceTimersByTimeAsync(3_000);
      const error = await outcome;
      expect(error).toMatchObject({ code: 'timeout' });
      expect((error as Error).message).toMatch(/ListMessageContacts got no answer within 6000 ms/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on the international site, numbers outside mainland China go to the vendor, which decides', async () => {
    const intl = providerFor(emulator, { site: 'international' });
    const refused = await intl.create(contactInput('Trent', { phone: '+1 415 555 0123' })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid-input', field: 'phone', vendor: { code: 'InvalidParameter.MobileCountryCode' } });
    expect(emulator.requests.at(-1)?.url).toContain('PhoneNumber=1-4155550123');
    emulator.setSite('international');
    expect((await intl.create(contactInput('Trent', { phone: '+1 415 555 0123' }))).phone).toBe('+14155550123');
    const before = emulator.requests.length;
    await expect(providerFor(emulator).create(contactInput('Uma', { phone: '+1 415 555 0123' }))).rejects.toMatchObject({ code: 'invalid-input', field: 'phone' });
    expect(emulator.requests.length).toBe(before);
  });
});

describe('secrets', () => {
  const secret = 'CANARYsecretCANARYsecretCANARY12';
  const token = 'CANARYtokenCANARYtokenCANARYtoken';

  it('never appear in errors, in the printed provider or in what it serialises', async () => {
    const rd = providerFor(emulator, { credentials: { accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: secret, securityToken: token } });
    const refused = await rd.get('c-0000000000000000').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unauthenticated', vendor: { code: 'SignatureDoesNotMatch' } });
    expect(emulator.requests.at(-1)?.headers['x-acs-security-token']).toBe(token);

    const unreachable = alibabaResourceDirectory({ endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'LTAI5tCANARY', accessKeySecret: secret, securityToken: token } });
    const network = await unreachable.create(contactInput('Victor')).catch((e: unknown) => e);
    expect(network).toMatchObject({ code: 'network' });
    emulator.failNext({ kind: 'hang', action: 'GetMessageContact' });
    const timeout = await rd.get('c-0000000000000000', { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(timeout).toMatchObject({ code: 'timeout' });

    for (const printed of [refused, network, timeout, rd, unreachable].flatMap((value) => [
      inspect(value, { depth: 10, showHidden: true }),
      JSON.stringify(value),
      String(value),
    ])) {
      expect(printed).not.toContain(secret);
      expect(printed).not.toContain(token);
    }
    expect(inspect(rd)).toContain('[redacted]');
  });
});
