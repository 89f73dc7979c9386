import { expect } from 'vitest';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { startEmulator } from '../../providers/testing.js';
import { runContractSuite } from '../contract/contract-suite.js';
import { lettersOf } from './alibaba-resource-directory-fixtures.js';

runContractSuite({
  name: 'alibaba-resource-directory',
  start: (options) => startEmulator('alibaba-resource-directory', options),
  provider: (emulator, settings) =>
    alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, ...settings }),
  // Names take only letters (or Chinese characters), so the serial number is spelt in letters.
  input: (n) => ({
    name: `Oncall${lettersOf(n)}`,
    email: `oncall${n}@example.com`,
    phone: '+86 139 0000 1234',
    title: 'TechnicalDirector',
    messageTypes: ['FaultMessage', 'ServiceMessage'],
  }),
  update: {
    patch: { title: 'FinanceDirector', messageTypes: ['AccountExpenses'] },
    check: (contact) => {
      expect(contact.title).toBe('FinanceDirector');
      expect(contact.messageTypes).toEqual(['AccountExpenses']);
    },
  },
  matches: (contact, input) => {
    expect(contact).toMatchObject({
      name: input.name,
      email: input.email,
      phone: '+8613900001234',
      title: input.title,
      messageTypes: input.messageTypes,
      status: 'pending-verification',
    });
    expect(contact.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  },
  invalidInputs: [
    { label: 'a one-letter name', input: { name: 'a', email: 'a@example.com', title: 'CEO', messageTypes: ['FaultMessage'] }, field: 'name' },
    { label: 'a name of 13 letters', input: { name: 'abcdefghijklm', email: 'a@example.com', title: 'CEO', messageTypes: ['FaultMessage'] }, field: 'name' },
    { label: 'a name with digits', input: { name: 'oncall1', email: 'a@example.com', title: 'CEO', messageTypes: ['FaultMessage'] }, field: 'name' },
    { label: 'no email', input: { name: 'oncall', title: 'CEO', messageTypes: ['FaultMessage'] }, field: 'email' },
    { label: 'a bad email', input: { name: 'oncall', email: 'not-an-email', title: 'CEO', messageTypes: ['FaultMessage'] }, field: 'email' },
    { label: 'no title', input: { name: 'oncall', email: 'a@example.com', messageTypes: ['FaultMessage'] }, field: 'title' },
    { label: 'no message type', input: { name: 'oncall', email: 'a@example.com', title: 'CEO', messageTypes: [] }, field: 'messageTypes' },
    { label: 'a phone outside mainland China', input: { name: 'oncall', email: 'a@example.com', phone: '+14155550123', title: 'CEO', messageTypes: ['FaultMessage'] }, field: 'phone' },
    { label: 'a misspelt field', input: { name: 'oncall', emial: 'a@example.com' }, field: 'emial' },
  ],
  unsupportedInputs: [
    { label: 'a remark', input: { name: 'oncall', email: 'a@example.com', title: 'CEO', messageTypes: ['FaultMessage'], remark: 'x' }, field: 'remark' },
    { label: 'a DingTalk webhook', input: { name: 'oncall', webhooks: { dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=x' } } }, field: 'webhooks.dingtalk' },
    { label: 'groups', input: { name: 'oncall', groupIds: ['g-1'] }, field: 'groupIds' },
  ],
  vendorErrors: [
    { code: 'Throttling.User', expect: 'rate-limited' },
    { code: 'SignatureDoesNotMatch', expect: 'unauthenticated' },
    { code: 'InternalError', expect: 'unavailable' },
    { code: 'InvalidParameter.ContactId', expect: 'invalid-input' },
    { code: 'EntityNotExists.Contact', expect: 'not-found' },
    { code: 'Brand.New.Code', httpStatus: 400, expect: 'unknown' },
  ],
  getAction: 'GetMessageContact',
  createAction: 'AddMessageContact',
  createdAt: true,
  invalidIds: ['CEO', '0', 'c-', 'c-abc def', 'C-abc'],
  missingId: 'c-0000000000000000',
  pageSize: 2,
  verificationChannel: 'email',
});
