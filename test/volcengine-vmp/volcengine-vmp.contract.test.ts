import { expect } from 'vitest';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { startEmulator } from '../../providers/testing.js';
import { runContractSuite } from '../contract/contract-suite.js';

const wecom = (n: number) => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k${n}`;

runContractSuite({
  name: 'volcengine-vmp',
  start: (options) => startEmulator('volcengine-vmp', options),
  provider: (emulator, settings) =>
    volcengineVmp({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, ...settings }),
  input: (n) => ({ name: `oncall-${n}`, email: `oncall${n}@example.com`, webhooks: { wecom: { url: wecom(n), atUserIds: ['zhangsan'] } } }),
  update: {
    patch: { webhooks: { lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc123', secret: 'LarkSecret123' } } },
    check: (contact) => {
      expect(contact.webhooks?.lark).toEqual({ url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc123', secret: 'LarkSecret123' });
      // UpdateContact replaces every channel: the WeCom bot the patch did not name is still there.
      expect(contact.webhooks?.wecom?.url).toMatch(/^https:\/\/qyapi\.weixin\.qq\.com\//);
    },
  },
  matches: (contact, input) => {
    expect(contact).toMatchObject({
      name: input.name,
      email: input.email,
      webhooks: input.webhooks,
      status: 'pending-verification',
      verification: { email: 'pending' },
    });
    expect(contact.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  },
  invalidInputs: [
    { label: 'no name', input: { email: 'a@example.com' }, field: 'name' },
    { label: 'a name starting with a digit', input: { name: '1oncall' }, field: 'name' },
    { label: 'a name starting with -', input: { name: '-oncall' }, field: 'name' },
    { label: 'a name with a space', input: { name: 'on call' }, field: 'name' },
    { label: 'a name of 128 characters', input: { name: `a${'b'.repeat(127)}` }, field: 'name' },
    { label: 'a bad email', input: { name: 'oncall', email: 'nope' }, field: 'email' },
    { label: 'a DingTalk secret without its address', input: { name: 'oncall', webhooks: { dingtalk: { secret: 'SECabcdef123' } } }, field: 'webhooks.dingtalk.url' },
    { label: 'a webhook token without its address', input: { name: 'oncall', webhooks: { generic: { token: 'tok-123456' } } }, field: 'webhooks.generic.url' },
    { label: 'a webhook that is not http(s)', input: { name: 'oncall', webhooks: { lark: { url: 'ftp://example.com/hook' } } }, field: 'webhooks.lark.url' },
    { label: 'a misspelt field', input: { name: 'oncall', emial: 'a@example.com' }, field: 'emial' },
  ],
  unsupportedInputs: [
    { label: 'a phone', input: { name: 'oncall', phone: '+8613900001234' }, field: 'phone' },
    { label: 'a title', input: { name: 'oncall', title: 'CEO' }, field: 'title' },
    { label: 'message types', input: { name: 'oncall', messageTypes: ['FaultMessage'] }, field: 'messageTypes' },
    { label: 'a remark', input: { name: 'oncall', remark: 'x' }, field: 'remark' },
  ],
  vendorErrors: [
    { code: 'FlowLimitExceeded', httpStatus: 429, expect: 'rate-limited' },
    { code: 'AccountFlowLimitExceeded', expect: 'rate-limited' },
    { code: 'SignatureDoesNotMatch', expect: 'unauthenticated' },
    { code: 'AccessDenied', expect: 'permission-denied' },
    { code: 'ProductUnsubscribed', expect: 'not-subscribed' },
    { code: 'InternalError', expect: 'unavailable' },
    { code: 'InvalidParameter.Id', expect: 'invalid-input' },
    { code: 'NotFound.Contact', expect: 'not-found' },
    { code: 'Brand.New.Code', httpStatus: 400, expect: 'unknown' },
  ],
  getAction: 'GetContact',
  createAction: 'CreateContact',
  createdAt: true,
  invalidIds: ['abc', 'c-abc', 'e28ae750', 'e28ae750-bbb8-4ff4-abf4-1e0e0f88808cX', 'e28ae750_bbb8_4ff4_abf4_1e0e0f88808c'],
  missingId: '00000000-0000-4000-8000-000000000000',
  pageSize: 2,
  verificationChannel: 'webhook',
});
