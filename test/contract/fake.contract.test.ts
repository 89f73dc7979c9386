import { expect } from 'vitest';
import { startEmulatorServer } from '../../src/testing/emulator-server.js';
import { createFakeProtocol } from '../fake/fake-emulator.js';
import { fakeProvider } from '../fake/fake-provider.js';
import { runContractSuite } from './contract-suite.js';

runContractSuite({
  name: 'fake (harness self-test)',
  start: (options) => startEmulatorServer(createFakeProtocol(), options),
  provider: (emulator, settings) =>
    fakeProvider({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, ...settings }),
  input: (n) => ({ name: `contact-${n}`, email: `c${n}@example.com`, phone: '+8613900001234' }),
  update: { patch: { remark: 'on call' }, check: (contact) => expect(contact.remark).toBe('on call') },
  matches: (contact, input) => {
    expect(contact.name).toBe(input.name);
    expect(contact.email).toBe(input.email);
    expect(contact.phone).toBe('+8613900001234');
  },
  invalidInputs: [
    { label: 'a bad email', input: { name: 'a', email: 'not-an-email' }, field: 'email' },
    { label: 'a phone without country code', input: { name: 'a', phone: '13900001234' }, field: 'phone' },
    { label: 'a name over 32 characters', input: { name: 'x'.repeat(33) }, field: 'name' },
    { label: 'no name', input: { email: 'a@example.com' }, field: 'name' },
    { label: 'a misspelt field', input: { name: 'a', emial: 'a@example.com' }, field: 'emial' },
  ],
  unsupportedInputs: [
    { label: 'a title', input: { name: 'a', title: 'CEO' }, field: 'title' },
    { label: 'a DingTalk webhook', input: { name: 'a', webhooks: { dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=x' } } }, field: 'webhooks.dingtalk' },
  ],
  vendorErrors: [
    { code: 'Throttled', expect: 'rate-limited' },
    { code: 'AuthFailed', expect: 'unauthenticated' },
    { code: 'Internal', expect: 'unavailable' },
    { code: 'Invalid.Id', expect: 'invalid-input' },
    { code: 'Brand.New.Code', httpStatus: 400, expect: 'unknown' },
  ],
  getAction: 'GetContact',
  createAction: 'CreateContact',
  createdAt: true,
  invalidIds: ['1', 'f-x'],
  missingId: 'f-404',
  pageSize: 2,
});
