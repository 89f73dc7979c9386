/**
 * Every code of the seed and the reference, injected with `failNext` as HTTP 400 or inside a 200
 * answer whose `Code` is not `OK`, reaches the caller as the right ContactError; and so do answers
 * without a code, answers of the wrong shape, and retries that follow what a code proves.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRYABLE } from '../../src/errors/errors.js';
import type { ContactErrorCode } from '../../src/errors/errors.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';
import { idOf, numberInput, providerFor } from './alibaba-chatapp-fixtures.js';

const emulator = useEmulator('alibaba-chatapp', { rateLimit: false });

interface CodeCase {
  readonly code: string;
  readonly expect: ContactErrorCode;
  /** The status the emulator answers it with (200: inside the success envelope). */
  readonly status: number;
  readonly field?: string;
  readonly says?: RegExp;
}

const CODES: readonly CodeCase[] = [
  // The four codes every phone operation documents.
  { code: 'Product.Unsubscript', expect: 'not-subscribed', status: 400, says: /not activated/ },
  { code: 'Ram.PermissionDeny', expect: 'permission-denied', status: 400 },
  { code: 'System.LimitControl', expect: 'rate-limited', status: 400 },
  { code: 'Unknown.ResourceOwnerId', expect: 'permission-denied', status: 400, says: /belongs to another account/ },
  // The business codes of the reference.
  { code: 'Authentication.NoAuth', expect: 'unauthenticated', status: 200 },
  { code: 'InvalidParameter.PhoneNumberError', expect: 'invalid-input', status: 200, field: 'phone' },
  { code: 'InvalidParameter.VerifiedName', expect: 'invalid-input', status: 200, field: 'name' },
  { code: 'InvalidParameter.Vertical', expect: 'invalid-input', status: 200, field: 'vertical' },
  { code: 'InvalidParameter.Websites', expect: 'invalid-input', status: 200, field: 'websites' },
  { code: 'InvalidParameter.VerifyCode', expect: 'invalid-input', status: 200, field: 'code' },
  { code: 'InvalidParameter.PageInvalid', expect: 'invalid-input', status: 400 },
  { code: 'ERR-OPERATION-MAAP-0060', expect: 'not-subscribed', status: 400, says: /no WhatsApp Business Account/ },
  { code: 'ERR-OPERATION-MAAP-0065', expect: 'not-found', field: 'id', status: 400 },
  { code: 'ERR-OPERATION-MAAP-0085', expect: 'invalid-input', status: 400, field: 'websites' },
  { code: 'InvalidParameter.PhoneNumberExist', expect: 'already-exists', status: 200, field: 'phone' },
  { code: 'InvalidParameter.PhoneNumberNotVerified', expect: 'conflict', status: 200 },
  { code: 'InvalidParameter.PhoneNumberLimitExceeded', expect: 'quota-exceeded', status: 200 },
  // The gateway's.
  { code: 'MissingParameter.CustSpaceId', expect: 'invalid-input', status: 400, field: 'custSpaceId' },
  { code: 'InvalidAccessKeyId.NotFound', expect: 'unauthenticated', status: 404 },
  { code: 'SignatureDoesNotMatch', expect: 'unauthenticated', status: 400 },
  { code: 'SignatureNonceUsed', expect: 'unauthenticated', status: 400 },
  { code: 'InvalidTimeStamp.Expired', expect: 'unauthenticated', status: 400 },
  { code: 'Throttling.User', expect: 'rate-limited', status: 400 },
  { code: 'Forbidden.RAM', expect: 'permission-denied', status: 403 },
  { code: 'InternalError', expect: 'unavailable', status: 500 },
  { code: 'ServiceUnavailable', expect: 'unavailable', status: 503 },
];

describe('every vendor code becomes the right ContactError', () => {
  it.each(CODES.map((testCase) => [testCase.code, testCase] as const))('%s', async (_code, testCase) => {
    const chatapp = providerFor(emulator);
    emulator.failNext({ kind: 'vendor-error', code: testCase.code, action: 'ChatappSyncPhoneNumber' });
    const error = await expectContactError(chatapp.get(idOf(1)), testCase.expect, { provider: 'alibaba-chatapp', secrets: [emulator.credentials.accessKeySecret] });
    expect(error.vendor).toEqual({ code: testCase.code, message: expect.any(String), httpStatus: testCase.status, requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) });
    expect(error.field).toBe(testCase.field);
    expect(error.retryable).toBe(DEFAULT_RETRYABLE[testCase.expect]);
    expect(error.message).toContain(testCase.code);
    if (testCase.says !== undefined) expect(error.message).toMatch(testCase.says);
  });

  it('a Code other than OK in an HTTP 200 answer is an error, never a result: known, unknown, or a gateway code', async () => {
    const chatapp = providerFor(emulator);
    for (const [code, expected] of [['Throttling', 'rate-limited'], ['Brand.New.Code', 'unknown'], ['InvalidParameter.Cc', 'invalid-input']] as const) {
      emulator.failNext({ kind: 'vendor-error', code, httpStatus: 200, message: 'Said in the envelope.', action: 'ChatappSyncPhoneNumber' });
      const error = await expectContactError(chatapp.list().all(), expected);
      expect(error.vendor).toMatchObject({ code, message: 'Said in the envelope.', httpStatus: 200 });
    }
    const [answer] = emulator.requests.slice(-1);
    expect(answer?.action).toBe('ChatappSyncPhoneNumber');
  });

  it('an unknown code keeps code, message and request id; an unknown 5xx says the vendor is failing', async () => {
    const chatapp = providerFor(emulator);
    emulator.failNext({ kind: 'vendor-error', code: 'Brand.New.Code', httpStatus: 400, message: 'Something new.' });
    expect((await expectContactError(chatapp.list().all(), 'unknown')).vendor).toEqual({ code: 'Brand.New.Code', message: 'Something new.', httpStatus: 400, requestId: expect.any(String) });
    emulator.failNext({ kind: 'vendor-error', code: 'Brand.New.Failure', httpStatus: 502 });
    expect((await expectContactError(chatapp.list().all(), 'unavailable')).retryable).toBe(true);
  });
});

describe('answers without a usable Code', () => {
  it.each([
    ['a 200 JSON answer without a Code', { kind: 'http-status', status: 200, body: '{"RequestId":"R-1","PhoneNumbers":[]}' }, 'invalid-response', /HTTP 200 .*RequestId/],
    ['a 200 body that is not JSON', { kind: 'malformed-body' }, 'invalid-response', /HTTP 200 .*not JSON/],
    ['a 502 gateway page', { kind: 'http-status', status: 502 }, 'unavailable', /HTTP 502/],
    ['an OK answer of the wrong shape', { kind: 'http-status', status: 200, body: '{"RequestId":"R-1","Code":"OK","PhoneNumbers":{"PhoneNumber":1}}' }, 'invalid-response', /ChatappSyncPhoneNumber answer does not have its documented shape \(at PhoneNumbers\)/],
  ] as const)('%s', async (_label, fault, code, message) => {
    emulator.failNext({ ...fault, action: 'ChatappSyncPhoneNumber' });
    expect((await expectContactError(providerFor(emulator).list().all(), code)).message).toMatch(message);
  });
});

describe('retries follow what the code proves', () => {
  it('a throttled add (System.LimitControl) is sent again and made once', async () => {
    const chatapp = providerFor(emulator, { maxRetries: 1 });
    emulator.failNext({ kind: 'vendor-error', code: 'System.LimitControl', action: 'AddChatappPhoneNumber' });
    await chatapp.create(numberInput(1));
    expect(emulator.requests.filter((request) => request.action === 'AddChatappPhoneNumber')).toHaveLength(2);
    expect(await chatapp.list().all()).toHaveLength(1);
  });

  it('an add whose answer was lost is settled from the listing; a code sent whose answer was lost is not sent again', async () => {
    const chatapp = providerFor(emulator, { maxRetries: 2 });
    emulator.failNext({ kind: 'reset-after-apply', action: 'AddChatappPhoneNumber' });
    const added = await chatapp.create(numberInput(2));
    expect(added.id).toBe(idOf(2));
    expect(emulator.requests.filter((request) => request.action === 'AddChatappPhoneNumber')).toHaveLength(1);
    emulator.failNext({ kind: 'reset-after-apply', action: 'GetChatappVerifyCode' });
    const error = await expectContactError(chatapp.sendVerification(added.id, 'phone'), 'network');
    expect(error.message).toMatch(/may or may not have been made/);
    expect(emulator.sentCodes()).toHaveLength(1);
  });

  it('a verify-and-register whose answer was lost resolves once the listing shows the number registered', async () => {
    const chatapp = providerFor(emulator, { maxRetries: 1 });
    const added = await chatapp.create(numberInput(3));
    await chatapp.sendVerification(added.id, 'phone');
    emulator.failNext({ kind: 'reset-after-apply', action: 'ChatappVerifyAndRegister' });
    expect((await chatapp.verifyAndRegister(added.id, emulator.verificationCode(added.id)!)).status).toBe('active');
    expect(emulator.requests.filter((request) => request.action === 'ChatappVerifyAndRegister')).toHaveLength(1);
  });

  it('a deregistration whose answer was lost is not sent again (a second one would take the number out)', async () => {
    const chatapp = providerFor(emulator, { maxRetries: 2 });
    const added = await chatapp.create(numberInput(4));
    await chatapp.sendVerification(added.id, 'phone');
    await chatapp.verifyAndRegister(added.id, emulator.verificationCode(added.id)!);
    emulator.failNext({ kind: 'hang-after-apply', action: 'ChatappPhoneNumberDeregister' });
    expect((await chatapp.deregister(added.id, { timeoutMs: 200 })).details?.vendorStatus).toBe('DISCONNECTED');
    expect(emulator.requests.filter((request) => request.action === 'ChatappPhoneNumberDeregister')).toHaveLength(1);
  });
});
