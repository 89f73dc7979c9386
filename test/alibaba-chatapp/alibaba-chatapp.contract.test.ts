import { expect } from 'vitest';
import { startEmulator } from '../../providers/testing.js';
import { runContractSuite } from '../contract/contract-suite.js';
import { numberInput, providerFor } from './alibaba-chatapp-fixtures.js';

runContractSuite({
  name: 'alibaba-chatapp',
  start: (options) => startEmulator('alibaba-chatapp', { ...options, quotas: { numbers: 1000 } }),
  provider: (emulator, settings) => providerFor(emulator, settings),
  input: (n) => numberInput(n),
  update: {
    patch: { email: 'help@acme.example' },
    check: (contact) => expect(contact.email).toBe('help@acme.example'),
  },
  matches: (contact, input) => {
    expect(contact).toMatchObject({
      name: input.name,
      email: input.email,
      phone: input.phone,
      status: 'pending-verification',
      verification: { phone: 'pending' },
      details: { vendorStatus: 'UNVERIFIED', codeVerificationStatus: 'NOT_VERIFIED' },
    });
    expect(contact.id).toBe(input.phone?.slice(1));
  },
  invalidInputs: [
    { label: 'no verified name', input: { phone: '+8613800001234' }, field: 'name' },
    { label: 'no number', input: { name: 'Acme' }, field: 'phone' },
    { label: 'a number without its country code', input: { name: 'Acme', phone: '13800001234' }, field: 'phone' },
    { label: 'a number that cannot exist', input: { name: 'Acme', phone: '+86 123' }, field: 'phone' },
    { label: 'a bad email', input: { name: 'Acme', phone: '+8613800001234', email: 'not-an-email' }, field: 'email' },
    { label: 'a misspelt field', input: { name: 'Acme', phone: '+8613800001234', emial: 'a@example.com' }, field: 'emial' },
  ],
  unsupportedInputs: [
    { label: 'a remark', input: { name: 'Acme', phone: '+8613800001234', remark: 'x' }, field: 'remark' },
    { label: 'a generic webhook (callbacks are set with updateCallbacks)', input: { name: 'Acme', phone: '+8613800001234', webhooks: { generic: { url: 'https://acme.example/status' } } }, field: 'webhooks.generic' },
    { label: 'a title', input: { name: 'Acme', phone: '+8613800001234', title: 'CEO' }, field: 'title' },
    { label: 'groups', input: { name: 'Acme', phone: '+8613800001234', groupIds: ['g-1'] }, field: 'groupIds' },
  ],
  vendorErrors: [
    { code: 'System.LimitControl', expect: 'rate-limited' },
    { code: 'SignatureDoesNotMatch', expect: 'unauthenticated' },
    { code: 'InternalError', expect: 'unavailable' },
    { code: 'Product.Unsubscript', expect: 'not-subscribed' },
    { code: 'Ram.PermissionDeny', expect: 'permission-denied' },
    { code: 'ERR-OPERATION-MAAP-0065', expect: 'not-found' },
    { code: 'InvalidParameter.PhoneNumberError', httpStatus: 200, expect: 'invalid-input' },
    { code: 'Brand.New.Code', httpStatus: 200, expect: 'unknown' },
    { code: 'Brand.New.Code', httpStatus: 400, expect: 'unknown' },
  ],
  getAction: 'QueryPhoneBusinessProfile',
  createAction: 'AddChatappPhoneNumber',
  createdAt: false,
  invalidIds: ['+8613800001234', '86-13800001234', 'acme', '0861380000123', '123'],
  missingId: '8613899999999',
  pageSize: 2,
  verificationChannel: 'phone',
  wholeListing: true,
});
