import { cleanCredentialEnvironment, NOTHING_LISTENS } from '../support/credential-environment.js';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEmulator } from '../support/use-emulator.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { isContactError } from '../../src/errors/errors.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import type { TencentCamSettings } from '../../providers/tencent-cam/index.js';
import { startEmulator } from '../../providers/testing.js';

const emulator = useEmulator('tencent-cam', { rateLimit: false });

// Client-side quota counting is off here (every test resets the emulator's day, not this process's count);
// the quota tests below turn it on, each against an emulator of its own.
const cam = (settings: TencentCamSettings = {}) =>
  tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, quotas: false, ...settings });
const oncall = { name: 'oncall', email: 'oncall.team@example.com', phone: '+86 139-0000-1234', remark: 'primary' };


describe('tencentCam: what CAM stores and shows', () => {
  it('sends the phone as CountryCode + national number, and returns the receiver masked, with its Uid as id', async () => {
    const created = await cam().create(oncall);
    expect(JSON.parse(emulator.requests[0]!.body)).toEqual({ Name: 'oncall', CountryCode: '86', PhoneNumber: '13900001234', Email: 'oncall.team@example.com', Remark: 'primary' });
    expect(emulator.storedReceivers()).toEqual([expect.objectContaining({ uid: created.id, email: 'oncall.team@example.com', phoneNumber: '13900001234' })]);
    expect(created).toMatchObject({
      provider: 'tencent-cam',
      id: expect.stringMatching(/^\d+$/),
      email: 'onca****@example.com',
      phone: '+86 139****1234',
      masked: ['email', 'phone'],
      verification: { email: 'unverified', phone: 'unverified' },
      status: 'pending-verification',
      details: { isReceiverOwner: false, wechatEnabled: false, uin: '100000000001', countryCode: '86' },
    });
  });

  it('maps EmailFlag and PhoneFlag to verification states as the receiver confirms', async () => {
    const created = await cam().create(oncall);
    emulator.verifyReceiver(created.id, 'email');
    expect((await cam().get(created.id)).verification).toEqual({ email: 'verified', phone: 'unverified' });
    emulator.verifyReceiver(created.id, 'phone');
    expect(await cam().get(created.id)).toMatchObject({ status: 'active', verification: { email: 'verified', phone: 'verified' } });
  });

  it('deletes by name, resolving the name from the Uid first', async () => {
    const created = await cam().create(oncall);
    emulator.reset();
    await expect(cam().delete(created.id)).rejects.toMatchObject({ code: 'not-found' });
    const again = await cam().create(oncall);
    await cam().delete(again.id);
    const deletion = emulator.requests.find((r) => r.action === 'DeleteMessageReceiver');
    expect(JSON.parse(deletion!.body)).toEqual({ Name: 'oncall' });
  });

  it('when the lookup after a create fails, says the receiver was created so nobody repeats it', async () => {
    emulator.failNext({ kind: 'vendor-error', code: 'InternalError', action: 'ListReceiver' });
    const error = await expectContactError(cam().create(oncall), 'unavailable');
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/CreateMessageReceiver had already succeeded/);
    expect(emulator.storedReceivers()).toHaveLength(1);
  });

  it('finds a new receiver in a large account with two listings: the first page (for the count), then the last', async () => {
    const large = await startEmulator('tencent-cam', { rateLimit: false, quotas: { createsPerDay: 300, receivers: 300 } });
    try {
      const client = tencentCam({ endpoint: large.endpoint, credentials: large.credentials, maxRetries: 0, rateLimit: false, quotas: false });
      for (let n = 0; n < 250; n += 1) await client.create({ name: `receiver-${n}`, email: `r${n}@example.com`, phone: '+86 139 0000 1234' });
      const before = large.requests.length;
      const created = await client.create({ name: 'newest', email: 'newest@example.com', phone: '+86 139 0000 1234' });
      const listings = large.requests.slice(before).filter((request) => request.action === 'ListReceiver');
      expect(listings.map((request) => JSON.parse(request.body))).toEqual([
        { Offset: 0, Limit: 100 },
        { Offset: 200, Limit: 100 },
      ]);
      expect(created).toMatchObject({ name: 'newest', id: large.storedReceivers().at(-1)!.uid });
    } finally {
      await large.close();
    }
  });

  it('reads 64-bit Uids exactly', async () => {
    emulator.failNext({
      kind: 'http-status',
      status: 200,
      action: 'ListReceiver',
      body: '{"Response":{"TotalCount":1,"Receivers":[{"Uid":18446744073709551615,"Name":"big","PhoneNumber":"+86 139****1234","Email":"big****@example.com","PhoneFlag":1,"EmailFlag":1,"Uin":100000000001}],"RequestId":"r-1"}}',
    });
    expect((await cam().list().all())[0]).toMatchObject({ id: '18446744073709551615', status: 'active' });
  });
});

describe('tencentCam: what CAM cannot do', () => {
  it('update is unsupported, says a replace is the only way and what it costs, and sends nothing', async () => {
    const error = await expectContactError(cam().update('100012345', { remark: 'x' }), 'unsupported');
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/delete, then create/);
    expect(error.message).toMatch(/10 CreateMessageReceiver calls/);
    expect(emulator.requests).toHaveLength(0);
  });

  it('sendVerification is unsupported and sends nothing', async () => {
    expect((await expectContactError(cam().sendVerification('100012345', 'email'), 'unsupported')).code).toBe('unsupported');
    expect(emulator.requests).toHaveLength(0);
  });

  it('rejects an id that cannot be a Uid before any request', async () => {
    const error = await expectContactError(cam().get('c-abc'), 'invalid-input');
    expect(error).toMatchObject({ code: 'invalid-input', field: 'id' });
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('tencentCam: limits and account states', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows 10 creates per Beijing day, then fails fast with the reset time, sending nothing; the next day it works again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00+08:00'));
    const own = await startEmulator('tencent-cam', { rateLimit: false });
    try {
      const counted = () => tencentCam({ endpoint: own.endpoint, credentials: own.credentials, maxRetries: 0, rateLimit: false });
      for (let n = 0; n < 10; n += 1) await counted().create({ ...oncall, name: `r${n}` });
      const sent = own.requests.length;
      const error = await expectContactError(counted().create({ ...oncall, name: 'r10' }), 'quota-exceeded');
      expect(error).toMatchObject({ code: 'quota-exceeded', retryable: false, resetsAt: '2026-03-02T00:00:00+08:00' });
      expect(error.message).toMatch(/nothing was sent/);
      expect(own.requests.length).toBe(sent);
      vi.setSystemTime(new Date('2026-03-02T00:00:01+08:00'));
      expect((await counted().create({ ...oncall, name: 'r10' })).name).toBe('r10');
    } finally {
      await own.close();
    }
  });

  it("the vendor's own LimitExceeded.Uin (creates made elsewhere) stops this client's creates for the day", async () => {
    const own = await startEmulator('tencent-cam', { rateLimit: false, quotas: { createsPerDay: 1 } });
    try {
      const counted = tencentCam({ endpoint: own.endpoint, credentials: own.credentials, maxRetries: 0, rateLimit: false });
      await counted.create({ ...oncall, name: 'first' });
      const vendor = await expectContactError(counted.create({ ...oncall, name: 'second' }), 'quota-exceeded');
      expect(vendor.vendor?.code).toBe('LimitExceeded.Uin');
      const sent = own.requests.length;
      const local = await expectContactError(counted.create({ ...oncall, name: 'third' }), 'quota-exceeded');
      expect(local.vendor).toBeUndefined();
      expect(own.requests.length).toBe(sent);
    } finally {
      await own.close();
    }
  });

  it('reports the receiver quota as quota-exceeded', async () => {
    const small = await startEmulator('tencent-cam', { quotas: { receivers: 1 } });
    try {
      const provider = tencentCam({ endpoint: small.endpoint, credentials: small.credentials, maxRetries: 0 });
      await provider.create(oncall);
      expect(await expectContactError(provider.create({ ...oncall, name: 'second' }), 'quota-exceeded')).toMatchObject({
        code: 'quota-exceeded',
        vendor: { code: 'InvalidParameter.ReceiverOverLimit' },
      });
    } finally {
      await small.close();
    }
  });

  it('says when the account is not real-name verified', async () => {
    emulator.setRealNameVerified(false);
    const error = await expectContactError(cam().create(oncall), 'permission-denied');
    expect(error).toMatchObject({ code: 'permission-denied', vendor: { code: 'InvalidParameter.UserNotAuth' } });
    expect(error.message).toMatch(/real-name verification/);
  });

  it('reports a name taken by a sub-user as already-exists on the name field', async () => {
    emulator.addSubUser('oncall');
    expect(await expectContactError(cam().create(oncall), 'already-exists')).toMatchObject({ code: 'already-exists', field: 'name', vendor: { code: 'InvalidParameter.SubUserNameInUse' } });
  });
});

describe('tencentCam: every vendor code of the seed and the reference', () => {
  const table = [
    ['InvalidParameter', 'invalid-input'],
    ['InvalidParameter.InterfaceNotExist', 'invalid-input'],
    ['InvalidParameter.ReceiverOverLimit', 'quota-exceeded'],
    ['InvalidParameter.SubUserNameInUse', 'already-exists'],
    ['InvalidParameter.UserNotAuth', 'permission-denied'],
    ['LimitExceeded.Uin', 'quota-exceeded'],
    ['ResourceNotFound.UserNotExist', 'not-found'],
    ['ResourceNotFound.UserNotExists', 'not-found'],
    ['MissingParameter', 'invalid-input'],
    ['AuthFailure.SecretIdNotFound', 'unauthenticated'],
    ['AuthFailure.SignatureExpire', 'unauthenticated'],
    ['AuthFailure.SignatureFailure', 'unauthenticated'],
    ['AuthFailure.TokenFailure', 'unauthenticated'],
    ['AuthFailure.UnauthorizedOperation', 'permission-denied'],
    ['UnauthorizedOperation', 'permission-denied'],
    ['RequestLimitExceeded', 'rate-limited'],
    ['RequestLimitExceeded.IPLimitExceeded', 'rate-limited'],
    ['InternalError', 'unavailable'],
    ['InternalError.SystemError', 'unavailable'],
    ['ServiceUnavailable', 'unavailable'],
    ['ResourceInUse', 'unknown'],
  ] as const;

  it.each(table)('%s → %s, keeping the vendor code and request id', async (code, expected) => {
    emulator.failNext({ kind: 'vendor-error', code, message: `${code} said the vendor`, action: 'CreateMessageReceiver' });
    const error = await expectContactError(cam().create(oncall), expected);
    expect(error.code).toBe(expected);
    expect(error.vendor).toEqual({ code, message: `${code} said the vendor`, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), httpStatus: 200 });
    expect(error.message).toContain(code);
  });

  it('names the neutral field when CAM names its parameter', async () => {
    emulator.failNext({ kind: 'vendor-error', code: 'InvalidParameter', message: 'Email is invalid.', action: 'CreateMessageReceiver' });
    expect(await expectContactError(cam().create(oncall), 'invalid-input')).toMatchObject({ code: 'invalid-input', field: 'email' });
  });
});

describe('tencentCam: answers that are not CAM envelopes', () => {
  it('a non-200 answer with a CAM envelope keeps both the code and the status', async () => {
    emulator.failNext({ kind: 'vendor-error', code: 'InternalError', httpStatus: 500, action: 'ListReceiver' });
    expect(await expectContactError(cam().list().all(), 'unavailable')).toMatchObject({ code: 'unavailable', vendor: { code: 'InternalError', httpStatus: 500 } });
  });

  it('a gateway page is unavailable with its status; a 200 that is not JSON, or not the documented shape, is invalid-response', async () => {
    emulator.failNext({ kind: 'http-status', status: 504, action: 'ListReceiver' });
    expect(await expectContactError(cam().list().all(), 'unavailable')).toMatchObject({ code: 'unavailable', vendor: { httpStatus: 504 } });
    emulator.failNext({ kind: 'http-status', status: 200, body: '<html>maintenance</html>', action: 'ListReceiver' });
    expect((await expectContactError(cam().list().all(), 'invalid-response')).code).toBe('invalid-response');
    emulator.failNext({ kind: 'http-status', status: 200, body: '{"Response":{"RequestId":"r-2","TotalCount":"many"}}', action: 'ListReceiver' });
    const error = await expectContactError(cam().list().all(), 'invalid-response');
    expect(error).toMatchObject({ code: 'invalid-response', vendor: { requestId: 'r-2' } });
    expect(error.message).toMatch(/ListReceiver/);
  });

  it('a refused connection is network', async () => {
    const closed = await startEmulator('tencent-cam');
    await closed.close();
    expect((await expectContactError(tencentCam({ endpoint: closed.endpoint, credentials: closed.credentials, maxRetries: 0 }).list().all(), 'network')).code).toBe('network');
  });
});

describe('tencentCam: settings and secrets', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads credentials from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY', async () => {
    vi.stubEnv('TENCENTCLOUD_SECRET_ID', emulator.credentials.accessKeyId);
    vi.stubEnv('TENCENTCLOUD_SECRET_KEY', emulator.credentials.accessKeySecret);
    const provider = tencentCam({ endpoint: emulator.endpoint });
    expect(await provider.list().all()).toEqual([]);
  });

  it('without credentials, the first call (not the factory) rejects with invalid-config naming the setting and the variables', async () => {
    cleanCredentialEnvironment();
    const provider = tencentCam({ endpoint: emulator.endpoint, metadataEndpoint: NOTHING_LISTENS });
    const caught = await expectContactError(provider.list().all(), 'invalid-config');
    expect(caught.code).toBe('invalid-config');
    expect(caught.message).toMatch(/the credentials setting, or one of these .*environment \(TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY/);
    expect(emulator.requests).toHaveLength(0);
    vi.stubEnv('TENCENTCLOUD_SECRET_ID', emulator.credentials.accessKeyId);
    vi.stubEnv('TENCENTCLOUD_SECRET_KEY', emulator.credentials.accessKeySecret);
    expect(await provider.list().all()).toEqual([]);
  });

  it('rejects bad settings with invalid-config naming the setting', () => {
    expect(() => tencentCam({ endpoint: 'ftp://x', credentials: emulator.credentials })).toThrow(/settings\.endpoint/);
    expect(() => tencentCam({ endpoint: 'http://127.0.0.1:4010/gateway', credentials: emulator.credentials })).toThrow(/without a path/);
    expect(() => tencentCam({ timeoutMs: 0, credentials: emulator.credentials })).toThrow(/settings\.timeoutMs/);
  });

  it('never shows the secret: not in the provider printed or serialised, not in errors', async () => {
    const canary = 'CANARY-secret-key-7f3a9c1e5d2b8a4f';
    const token = 'CANARY-session-token-0a1b2c3d4e5f';
    const provider = tencentCam({ endpoint: emulator.endpoint, credentials: { accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: canary, securityToken: token }, maxRetries: 0 });
    const error = await expectContactError(provider.create(oncall), 'unauthenticated');
    expect(error.code).toBe('unauthenticated');
    const outputs = [
      inspect(provider, { depth: 20, showHidden: true }),
      JSON.stringify(provider),
      inspect(provider.settings, { depth: 20, showHidden: true }),
      JSON.stringify(provider.settings),
      error.message,
      error.stack ?? '',
      inspect(error, { depth: 20, showHidden: true }),
      JSON.stringify(error),
    ];
    for (const output of outputs) {
      expect(output).not.toContain(canary);
      expect(output).not.toContain(token);
    }
    expect(inspect(provider)).toContain('[redacted]');
    // Where the keys came from, never their values, and no property or method that returns them.
    expect(provider.settings.credentials.describe()).toBe('settings');
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(provider.settings.credentials))).not.toContain('secretValues');
  });
});
