import { expect } from 'vitest';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { startEmulator } from '../../providers/testing.js';
import { runContractSuite } from '../contract/contract-suite.js';

runContractSuite({
  name: 'tencent-cam',
  start: (options) => startEmulator('tencent-cam', { ...options, quotas: { createsPerDay: 1_000 } }),
  provider: (emulator, settings) =>
    tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, quotas: { createsPerDay: 1_000 }, ...settings }),
  input: (n) => ({ name: `receiver-${n}`, email: `r${n}.ops@example.com`, phone: `+86 139 ${String(n).padStart(4, '0')} 1234`, remark: 'on call' }),
  matches: (contact, input) => {
    expect(contact.name).toBe(input.name);
    expect(contact.remark).toBe(input.remark);
    // ListReceiver masks both: keep the mask, say so, and never pretend to know more.
    expect(contact.email).toMatch(/^r.{1,3}\*\*\*\*@example\.com$/);
    expect(contact.phone).toMatch(/^\+86 139\*\*\*\*1234$/);
    expect(contact.masked).toEqual(['email', 'phone']);
    expect(contact.status).toBe('pending-verification');
  },
  invalidInputs: [
    { label: 'a bad email', input: { name: 'a', email: 'nope', phone: '+8613900001234' }, field: 'email' },
    { label: 'no phone (CAM requires one)', input: { name: 'a', email: 'a@example.com' }, field: 'phone' },
    { label: 'no email (CAM requires one)', input: { name: 'a', phone: '+8613900001234' }, field: 'email' },
    { label: 'a phone without country code', input: { name: 'a', email: 'a@example.com', phone: '13900001234' }, field: 'phone' },
    { label: 'an impossible phone number', input: { name: 'a', email: 'a@example.com', phone: '+8610000000000' }, field: 'phone' },
    { label: 'a name over 64 characters', input: { name: 'n'.repeat(65), email: 'a@example.com', phone: '+8613900001234' }, field: 'name' },
    { label: 'a misspelt field', input: { name: 'a', email: 'a@example.com', phone: '+8613900001234', remarks: 'x' }, field: 'remarks' },
  ],
  unsupportedInputs: [
    { label: 'a title', input: { name: 'a', email: 'a@example.com', phone: '+8613900001234', title: 'CEO' }, field: 'title' },
    { label: 'message types', input: { name: 'a', email: 'a@example.com', phone: '+8613900001234', messageTypes: ['FaultMessage'] }, field: 'messageTypes' },
    { label: 'a Lark webhook', input: { name: 'a', email: 'a@example.com', phone: '+8613900001234', webhooks: { lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x' } } }, field: 'webhooks.lark' },
    { label: 'contact groups', input: { name: 'a', email: 'a@example.com', phone: '+8613900001234', groupIds: ['g-1'] }, field: 'groupIds' },
  ],
  vendorErrors: [
    { code: 'RequestLimitExceeded', expect: 'rate-limited' },
    { code: 'RequestLimitExceeded.UinLimitExceeded', expect: 'rate-limited' },
    { code: 'AuthFailure.SignatureFailure', expect: 'unauthenticated' },
    { code: 'AuthFailure.UnauthorizedOperation', expect: 'permission-denied' },
    { code: 'InternalError.SystemError', expect: 'unavailable' },
    { code: 'ServiceUnavailable', expect: 'unavailable' },
    { code: 'InvalidParameter.ParamError', expect: 'invalid-input' },
    { code: 'ResourceNotFound.PolicyIdNotFound', expect: 'not-found' },
    { code: 'FailedOperation.SomethingNew', expect: 'unknown' },
  ],
  getAction: 'ListReceiver',
  createAction: 'CreateMessageReceiver',
  createdAt: false,
  invalidIds: ['c-abc', 'abc', '-1', '1.5', '123456789012345678901'],
  missingId: '999999999',
  pageSize: 2,
});
