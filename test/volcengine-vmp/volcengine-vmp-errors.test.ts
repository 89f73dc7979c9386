/**
 * Every code of the issue and the reference, injected with `failNext`, reaches the caller as the
 * right ContactError; so do gateway pages, broken bodies, and the emulator's own refusals.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRYABLE } from '../../src/errors/errors.js';
import type { ContactErrorCode } from '../../src/errors/errors.js';
import type { EmulatorFault } from '../../providers/testing.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';
import { providerFor } from './volcengine-vmp-fixtures.js';

const emulator = useEmulator('volcengine-vmp');
const MISSING = '00000000-0000-4000-8000-000000000000';

interface CodeCase {
  readonly code: string;
  readonly expect: ContactErrorCode;
  readonly status: number;
  readonly field?: string;
}

const CODES: readonly CodeCase[] = [
  { code: 'InvalidParameter.Name', expect: 'invalid-input', status: 400, field: 'name' },
  { code: 'InvalidParameter.Email', expect: 'invalid-input', status: 400, field: 'email' },
  { code: 'InvalidParameter.Webhook', expect: 'invalid-input', status: 400, field: 'webhooks.generic' },
  { code: 'InvalidParameter.LarkBotWebhook.Address', expect: 'invalid-input', status: 400, field: 'webhooks.lark.url' },
  { code: 'InvalidParameter.DingTalkBotWebhook.AtMobiles', expect: 'invalid-input', status: 400, field: 'webhooks.dingtalk.atMobiles' },
  { code: 'InvalidParameter.WeComBotWebhook', expect: 'invalid-input', status: 400, field: 'webhooks.wecom' },
  { code: 'InvalidParameter.ContactGroupIds', expect: 'invalid-input', status: 400, field: 'groupIds' },
  { code: 'InvalidParameter.Id', expect: 'invalid-input', status: 400, field: 'id' },
  { code: 'InvalidParameter.PageSize', expect: 'invalid-input', status: 400, field: 'pageSize' },
  { code: 'MissingParameter.Name', expect: 'invalid-input', status: 400, field: 'name' },
  { code: 'MissingParameter.Webhook.Address', expect: 'invalid-input', status: 400, field: 'webhooks.generic.url' },
  { code: 'MissingParameter', expect: 'invalid-input', status: 400 },
  { code: 'Conflict.Name', expect: 'already-exists', status: 409, field: 'name' },
  { code: 'NotFound.Contact', expect: 'not-found', field: 'id', status: 404 },
  { code: 'NotFound.ContactGroup', expect: 'not-found', field: 'id', status: 404 },
  { code: 'NotFound.Ids', expect: 'not-found', field: 'id', status: 404 },
  { code: 'ProductUnsubscribed', expect: 'not-subscribed', status: 403 },
  { code: 'InvalidAccessKey', expect: 'unauthenticated', status: 401 },
  { code: 'SignatureDoesNotMatch', expect: 'unauthenticated', status: 401 },
  { code: 'InvalidTimestamp', expect: 'unauthenticated', status: 400 },
  { code: 'MissingSignature', expect: 'unauthenticated', status: 401 },
  { code: 'MissingAuthenticationToken', expect: 'unauthenticated', status: 401 },
  { code: 'InvalidSecretToken', expect: 'unauthenticated', status: 401 },
  { code: 'InvalidAuthorization', expect: 'unauthenticated', status: 400 },
  { code: 'InvalidCredential', expect: 'unauthenticated', status: 400 },
  { code: 'AccessDenied', expect: 'permission-denied', status: 403 },
  { code: 'LackProjectPolicy', expect: 'permission-denied', status: 403 },
  { code: 'FlowLimitExceeded', expect: 'rate-limited', status: 429 },
  { code: 'AccountFlowLimitExceeded', expect: 'rate-limited', status: 429 },
  { code: 'Throttling.FlowLimitExceeded', expect: 'rate-limited', status: 429 },
  { code: 'InternalError', expect: 'unavailable', status: 500 },
  { code: 'InternalServiceTimeout', expect: 'unavailable', status: 500 },
  { code: 'InvalidActionOrVersion', expect: 'unsupported', status: 404 },
];

describe('every vendor code becomes the right ContactError', () => {
  it.each(CODES.map((testCase) => [testCase.code, testCase] as const))('%s', async (_code, testCase) => {
    emulator.failNext({ kind: 'vendor-error', code: testCase.code, action: 'ListContacts' });
    const error = await expectContactError(providerFor(emulator).list().all(), testCase.expect, { secrets: [emulator.credentials.accessKeySecret] });
    expect(error.vendor).toEqual({ code: testCase.code, message: expect.any(String), httpStatus: testCase.status, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(error.field).toBe(testCase.field);
    expect(error.retryable).toBe(DEFAULT_RETRYABLE[testCase.expect]);
    expect(error.message).toContain(testCase.code);
  });

  it('a code the table does not know is unknown on a 4xx, and read from a 5xx or 429 status', async () => {
    const vmp = providerFor(emulator);
    for (const [status, code] of [[400, 'unknown'], [502, 'unavailable'], [503, 'unavailable'], [429, 'rate-limited']] as const) {
      emulator.failNext({ kind: 'vendor-error', code: 'Brand.New.Code', httpStatus: status, message: 'Something new.' });
      expect((await expectContactError(vmp.get(MISSING), code)).vendor).toMatchObject({ code: 'Brand.New.Code', message: 'Something new.', httpStatus: status });
    }
  });
});

describe('answers without a vendor code keep their HTTP status', () => {
  const cases: ReadonlyArray<readonly [string, EmulatorFault, ContactErrorCode, RegExp]> = [
    ['a gateway 502 HTML page', { kind: 'http-status', status: 502 }, 'unavailable', /HTTP 502 .*502 Bad Gateway/],
    ['a gateway 504 HTML page', { kind: 'http-status', status: 504 }, 'unavailable', /HTTP 504/],
    ['a 429 HTML page', { kind: 'http-status', status: 429 }, 'rate-limited', /HTTP 429/],
    ['a 503 with an empty body', { kind: 'http-status', status: 503, body: '' }, 'unavailable', /HTTP 503 .*empty body/],
    ['a 400 JSON body without an Error', { kind: 'http-status', status: 400, body: '{"ResponseMetadata":{"RequestId":"R-1"}}' }, 'invalid-response', /HTTP 400/],
    ['a 200 HTML page', { kind: 'http-status', status: 200, body: '<html>maintenance</html>' }, 'invalid-response', /without a vendor error code/],
    ['a 200 body that is not JSON', { kind: 'malformed-body' }, 'invalid-response', /without a vendor error code/],
  ];
  it.each(cases)('%s', async (_label, fault, code, message) => {
    emulator.failNext({ ...fault, action: 'GetContact' });
    const error = await expectContactError(providerFor(emulator).get(MISSING), code);
    expect(error.message).toMatch(message);
  });

  it('a 200 envelope of the wrong shape is invalid-response naming the action', async () => {
    emulator.failNext({ kind: 'http-status', status: 200, body: '{"ResponseMetadata":{"RequestId":"R-1"},"Result":{"Id":42}}', action: 'GetContact' });
    const error = await expectContactError(providerFor(emulator).get(MISSING), 'invalid-response');
    expect(error.message).toMatch(/GetContact answer does not have its documented shape \(at Id\)/);
  });
});

describe("the emulator's own refusals reach the caller", () => {
  it('a wrong secret and an unknown key are unauthenticated; an unsubscribed account not-subscribed', async () => {
    const wrong = providerFor(emulator, { credentials: { accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: 'not-the-secret-at-all' } });
    const error = await expectContactError(wrong.list().all(), 'unauthenticated', { secrets: ['not-the-secret-at-all'] });
    expect(error.vendor).toMatchObject({ code: 'SignatureDoesNotMatch', httpStatus: 401 });
    const stranger = providerFor(emulator, { credentials: { accessKeyId: 'AKLTstranger000', accessKeySecret: 'whatever-secret-000' } });
    expect((await expectContactError(stranger.list().all(), 'unauthenticated')).vendor?.code).toBe('InvalidAccessKey');
    emulator.setSubscribed(false);
    await expectContactError(providerFor(emulator).list().all(), 'not-subscribed');
  });

  it('a throttled create is retried and made once; an unknown group on create is invalid-input on groupIds', async () => {
    const vmp = providerFor(emulator, { maxRetries: 1 });
    emulator.failNext({ kind: 'vendor-error', code: 'FlowLimitExceeded', action: 'CreateContact' });
    await vmp.create({ name: 'once' });
    expect(emulator.requests.filter((r) => r.action === 'CreateContact')).toHaveLength(2);
    expect(await vmp.list().all()).toHaveLength(1);
    const error = await expectContactError(vmp.create({ name: 'grouped', groupIds: [MISSING] }), 'invalid-input');
    expect(error).toMatchObject({ field: 'groupIds', vendor: { code: 'InvalidParameter.ContactGroupIds' } });
  });
});
