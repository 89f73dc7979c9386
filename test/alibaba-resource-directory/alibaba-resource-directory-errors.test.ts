/**
 * Every vendor code of the seeds and the reference, injected with `failNext`, reaches the caller
 * as the right ContactError; and so do the answers without a code (gateway pages, empty and
 * broken bodies), throttling hints, retries and the emulator's own quotas.
 */
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/use-emulator.js';
import { DEFAULT_RETRYABLE } from '../../src/errors/errors.js';
import type { ContactErrorCode } from '../../src/errors/errors.js';
import { startEmulator } from '../../providers/testing.js';
import { contactInput, providerFor } from './alibaba-resource-directory-fixtures.js';
import { expectContactError } from '../support/expect-contact-error.js';
import type { RdEmulator } from './alibaba-resource-directory-fixtures.js';

const emulator = useEmulator('alibaba-resource-directory', { rateLimit: false });


interface CodeCase {
  readonly code: string;
  readonly expect: ContactErrorCode;
  readonly status: number;
  readonly field?: string;
  readonly retryable?: boolean;
}

const CODES: readonly CodeCase[] = [
  { code: 'MissingParameter.Name', expect: 'invalid-input', status: 400, field: 'name' },
  { code: 'MissingParameter.EmailAddress', expect: 'invalid-input', status: 400, field: 'email' },
  { code: 'MissingParameter.PhoneNumber', expect: 'invalid-input', status: 400, field: 'phone' },
  { code: 'MissingParameter.Title', expect: 'invalid-input', status: 400, field: 'title' },
  { code: 'MissingParameter.MessageTypes', expect: 'invalid-input', status: 400, field: 'messageTypes' },
  { code: 'MissingParameter.ContactId', expect: 'invalid-input', status: 400, field: 'id' },
  { code: 'InvalidParameter.Name', expect: 'invalid-input', status: 400, field: 'name' },
  { code: 'InvalidParameter.Name.Length', expect: 'invalid-input', status: 400, field: 'name' },
  { code: 'InvalidParameter.EmailAddress', expect: 'invalid-input', status: 400, field: 'email' },
  { code: 'InvalidParameter.EmailAddress.Length', expect: 'invalid-input', status: 400, field: 'email' },
  { code: 'InvalidParameter.PhoneNumber', expect: 'invalid-input', status: 400, field: 'phone' },
  { code: 'InvalidParameter.MobileCountryCode', expect: 'invalid-input', status: 400, field: 'phone' },
  { code: 'InvalidParameter.Title', expect: 'invalid-input', status: 400, field: 'title' },
  { code: 'InvalidParameter.MessageTypes', expect: 'invalid-input', status: 400, field: 'messageTypes' },
  { code: 'InvalidParameter.ContactId', expect: 'invalid-input', status: 400, field: 'id' },
  { code: 'InvalidParameter.Members', expect: 'invalid-input', status: 400, field: 'members' },
  { code: 'InvalidParameter.Members.Duplicate', expect: 'invalid-input', status: 400, field: 'members' },
  { code: 'InvalidParameter.Members.Length', expect: 'invalid-input', status: 400, field: 'members' },
  { code: 'InvalidParameter.Member', expect: 'invalid-input', status: 400, field: 'member' },
  { code: 'InvalidParameter.Name.AlreadyUsed', expect: 'already-exists', status: 400, field: 'name' },
  { code: 'LimitExceeded.Contacts', expect: 'quota-exceeded', status: 400 },
  { code: 'LimitExceeded.ContactMembers', expect: 'quota-exceeded', status: 400 },
  { code: 'QuotaExceeded.Members', expect: 'quota-exceeded', status: 400, field: 'members' },
  { code: 'SendValidateCodeExceedsLimitForAccount', expect: 'quota-exceeded', status: 409 },
  { code: 'EntityNotExists.Contact', expect: 'not-found', field: 'id', status: 404 },
  { code: 'EntityNotExists.Contact.Verification', expect: 'not-found', status: 404 },
  { code: 'EntityNotExists.Member', expect: 'not-found', status: 404, field: 'member' },
  { code: 'InvalidMember', expect: 'not-found', status: 400, field: 'members' },
  { code: 'ContactStatusMismatchAction', expect: 'conflict', status: 400, retryable: false },
  { code: 'ConcurrentCallNotSupported', expect: 'conflict', status: 429, retryable: true },
  { code: 'Throttling', expect: 'rate-limited', status: 400 },
  { code: 'Throttling.User', expect: 'rate-limited', status: 400 },
  { code: 'Throttling.Api', expect: 'rate-limited', status: 400 },
  { code: 'InvalidAccessKeyId.NotFound', expect: 'unauthenticated', status: 404 },
  { code: 'InvalidAccessKeyId.Inactive', expect: 'unauthenticated', status: 400 },
  { code: 'SignatureDoesNotMatch', expect: 'unauthenticated', status: 400 },
  { code: 'IncompleteSignature', expect: 'unauthenticated', status: 400 },
  { code: 'SignatureNonceUsed', expect: 'unauthenticated', status: 400 },
  { code: 'InvalidTimeStamp.Expired', expect: 'unauthenticated', status: 400 },
  { code: 'Forbidden.RAM', expect: 'permission-denied', status: 403 },
  { code: 'Forbidden.RiskControl', expect: 'permission-denied', status: 403 },
  { code: 'NoPermission', expect: 'permission-denied', status: 403 },
  { code: 'InternalError', expect: 'unavailable', status: 500 },
  { code: 'ServiceUnavailable', expect: 'unavailable', status: 503 },
];

describe('every vendor code becomes the right ContactError', () => {
  it.each(CODES.map((testCase) => [testCase.code, testCase] as const))('%s', async (_code, testCase) => {
    const rd = providerFor(emulator);
    emulator.failNext({ kind: 'vendor-error', code: testCase.code, action: 'GetMessageContact' });
    const error = await expectContactError(rd.get('c-0000000000000000'), testCase.expect);
    expect(error.vendor).toEqual({ code: testCase.code, message: expect.any(String), httpStatus: testCase.status, requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) });
    expect(error.field).toBe(testCase.field);
    expect(error.retryable).toBe(testCase.retryable ?? DEFAULT_RETRYABLE[testCase.expect]);
    expect(error.message).toContain(testCase.code);
    expect(error.cause).toBeUndefined();
  });

  it('a code the table does not know is kept as unknown, or read from its status when that says more', async () => {
    const rd = providerFor(emulator);
    emulator.failNext({ kind: 'vendor-error', code: 'Brand.New.Code', httpStatus: 400, message: 'Something new.' });
    expect((await expectContactError(rd.get('c-0000000000000000'), 'unknown')).vendor).toMatchObject({ code: 'Brand.New.Code', message: 'Something new.' });
    emulator.failNext({ kind: 'vendor-error', code: 'Brand.New.Failure', httpStatus: 502 });
    expect((await expectContactError(rd.get('c-0000000000000000'), 'unavailable')).retryable).toBe(true);
    emulator.failNext({ kind: 'vendor-error', code: 'Brand.New.Limit', httpStatus: 429 });
    await expectContactError(rd.get('c-0000000000000000'), 'rate-limited');
  });

  it('x-acs-retry-after becomes retryAfterMs when the vendor sends it', async () => {
    const rd = providerFor(emulator);
    emulator.failNext({ kind: 'vendor-error', code: 'Throttling.User' });
    expect((await expectContactError(rd.get('c-0000000000000000'), 'rate-limited')).retryAfterMs).toBeUndefined();
    emulator.setRetryAfter(1500);
    emulator.failNext({ kind: 'vendor-error', code: 'Throttling.User' });
    expect((await expectContactError(rd.get('c-0000000000000000'), 'rate-limited')).retryAfterMs).toBe(1500);
  });

  it('the daily verification limit says when it resets: the next midnight in China', async () => {
    emulator.failNext({ kind: 'vendor-error', code: 'SendValidateCodeExceedsLimitForAccount' });
    const error = await expectContactError(providerFor(emulator).get('c-0000000000000000'), 'quota-exceeded');
    const resetsAt = new Date(error.resetsAt ?? '');
    expect(resetsAt.getTime()).toBeGreaterThan(Date.now());
    expect(resetsAt.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect((resetsAt.getTime() + 8 * 3_600_000) % 86_400_000).toBe(0);
  });
});

describe('answers without a vendor code keep their HTTP status', () => {
  const cases: ReadonlyArray<readonly [string, Parameters<RdEmulator['failNext']>[0], ContactErrorCode, number, RegExp]> = [
    ['a 502 HTML page', { kind: 'http-status', status: 502 }, 'unavailable', 502, /HTTP 502 .*not JSON/],
    ['a 503 with an empty body', { kind: 'http-status', status: 503, body: '' }, 'unavailable', 503, /HTTP 503 .*empty body/],
    ['a 400 JSON body without a Code', { kind: 'http-status', status: 400, body: '{"RequestId":"R-1"}' }, 'invalid-response', 400, /HTTP 400 .*RequestId/],
    ['a 200 body that is not JSON', { kind: 'malformed-body' }, 'invalid-response', 200, /HTTP 200 .*not JSON/],
  ];
  it.each(cases)('%s', async (_label, fault, code, status, message) => {
    emulator.failNext({ ...fault, action: 'GetMessageContact' });
    const error = await expectContactError(providerFor(emulator).get('c-0000000000000000'), code);
    expect(error.vendor?.httpStatus).toBe(status);
    expect(error.message).toMatch(message);
  });

  it('a 200 JSON answer of the wrong shape is invalid-response naming the action', async () => {
    emulator.failNext({ kind: 'http-status', status: 200, body: '{"RequestId":"R-1","Contact":42}', action: 'GetMessageContact' });
    const error = await expectContactError(providerFor(emulator).get('c-0000000000000000'), 'invalid-response');
    expect(error.message).toMatch(/GetMessageContact answer does not have its documented shape \(at Contact\)/);
  });
});

describe('retries follow what the code proves', () => {
  it('a throttled create is retried after the time the vendor asked for, and made once', async () => {
    const rd = providerFor(emulator, { maxRetries: 1 });
    emulator.setRetryAfter(50);
    emulator.failNext({ kind: 'vendor-error', code: 'Throttling.User', action: 'AddMessageContact' });
    await rd.create(contactInput('Mallory'));
    expect(emulator.requests.filter((request) => request.action === 'AddMessageContact')).toHaveLength(2);
    expect(await rd.list().all()).toHaveLength(1);
  });

  it('a delete whose answer was lost is retried, and finding the contact gone then means it is done', async () => {
    const rd = providerFor(emulator, { maxRetries: 1 });
    const created = await rd.create(contactInput('Walter'));
    emulator.failNext({ kind: 'reset-after-apply', action: 'DeleteMessageContact' });
    await rd.delete(created.id);
    expect(emulator.requests.filter((request) => request.action === 'DeleteMessageContact')).toHaveLength(2);
    await expectContactError(rd.get(created.id), 'not-found');
    await expectContactError(rd.delete(created.id), 'not-found');
  });

  it('a concurrent-call conflict is retried even for a create; a state conflict is not retried at all', async () => {
    const rd = providerFor(emulator, { maxRetries: 2 });
    emulator.failNext({ kind: 'vendor-error', code: 'ConcurrentCallNotSupported', action: 'AddMessageContact' });
    const created = await rd.create(contactInput('Niaj'));
    expect(emulator.requests.filter((request) => request.action === 'AddMessageContact')).toHaveLength(2);
    emulator.failNext({ kind: 'vendor-error', code: 'ContactStatusMismatchAction', action: 'UpdateMessageContact', times: 3 });
    await expectContactError(rd.update(created.id, { title: 'CEO' }), 'conflict');
    expect(emulator.requests.filter((request) => request.action === 'UpdateMessageContact')).toHaveLength(1);
  });
});

describe("the emulator's own rules reach the caller as vendor errors", () => {
  it('the contact quota, the members-per-contact limit and the daily verification limit', async () => {
    const limited = await startEmulator('alibaba-resource-directory', { rateLimit: false, quotas: { contacts: 1, membersPerContact: 2, verificationsPerDay: 1 } });
    try {
      const rd = providerFor(limited);
      const olivia = await rd.create(contactInput('Olivia'));
      expect((await expectContactError(rd.create(contactInput('Peggy')), 'quota-exceeded')).vendor?.code).toBe('LimitExceeded.Contacts');
      await rd.sendVerification(olivia.id, 'email');
      expect((await expectContactError(rd.sendVerification(olivia.id, 'email'), 'quota-exceeded')).vendor?.code).toBe('SendValidateCodeExceedsLimitForAccount');
      limited.confirmVerification(olivia.id, 'olivia@example.com');
      const members = limited.members().filter((member) => /^\d{16}$/.test(member)).slice(0, 3);
      expect((await expectContactError(rd.associateMembers(olivia.id, members), 'quota-exceeded')).vendor?.code).toBe('LimitExceeded.ContactMembers');
    } finally {
      await limited.close();
    }
  });

  it('rules only the vendor checks come back with the neutral field', async () => {
    const rd = providerFor(emulator);
    const longEmail = `${'x'.repeat(95)}@example.com`;
    const error = await expectContactError(rd.create(contactInput('Quentin', { email: longEmail })), 'invalid-input');
    expect(error).toMatchObject({ field: 'email', vendor: { code: 'InvalidParameter.EmailAddress.Length' } });
    const created = await rd.create(contactInput('Rupert'));
    await rd.create(contactInput('Sybil'));
    expect(await expectContactError(rd.update(created.id, { name: 'Sybil' }), 'already-exists')).toMatchObject({ field: 'name' });
  });
});
