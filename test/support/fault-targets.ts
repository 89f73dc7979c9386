/**
 * How each landed provider plugs into the fault matrix, the load tests and the property tests:
 * its emulator (quotas raised so tests are not cut short), a provider, valid inputs, and the
 * vendor actions and codes faults aim at. A provider that lands adds one row to FAULT_TARGETS.
 */
import type { Contact, ContactInput, ContactPatch, ProviderId } from '../../src/model/contact.js';
import type { ContactErrorCode } from '../../src/errors/errors.js';
import type { ContactOperation, ContactProvider } from '../../src/contract/provider.js';
import type { BaseProviderSettings } from '../../src/settings/settings.js';
import type { Emulator, EmulatorCredentials, EmulatorOptions } from '../../src/testing/emulator-types.js';
import { startEmulator } from '../../providers/testing.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { lettersOf } from '../alibaba-resource-directory/alibaba-resource-directory-fixtures.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { numberInput } from '../alibaba-chatapp/alibaba-chatapp-fixtures.js';
import type { ChatAppEmulator } from '../alibaba-chatapp/alibaba-chatapp-fixtures.js';

/** The operations the matrix drives. */
export type MatrixOperation = Extract<ContactOperation, 'create' | 'get' | 'update' | 'delete' | 'list' | 'findByName'>;

/** A vendor error to inject. */
export interface VendorCode {
  readonly code: string;
  readonly httpStatus?: number;
}

export interface FaultTarget {
  readonly id: ProviderId;
  /** Starts the emulator, with whatever quotas a long test needs raised. */
  start(options: EmulatorOptions & { credentials?: EmulatorCredentials }): Promise<Emulator>;
  /** A provider pointed at the emulator. */
  provider(emulator: Emulator, settings?: BaseProviderSettings): ContactProvider<Contact<object>>;
  /** A valid input, different for each n; `email` lets a test plant a canary. */
  input(n: number, email?: string): ContactInput;
  /** An input the neutral rules allow but this provider's own rules refuse (a sync skips it). */
  readonly refusedInput: ContactInput;
  /** A valid patch, when the provider can update. */
  readonly patch?: ContactPatch;
  /** The vendor action each operation's fault aims at (the one that matters: the change, or the read). */
  readonly actions: Readonly<Partial<Record<MatrixOperation, string>>>;
  /** The vendor's throttling, authentication and not-found codes. */
  readonly throttle: VendorCode;
  readonly authFailure: VendorCode;
  readonly notFound: VendorCode;
  /** Cells where this vendor's semantics differ from the default expectation. */
  readonly overrides?: Readonly<Record<string, ContactErrorCode | 'ok'>>;
}

export const FAULT_TARGETS: readonly FaultTarget[] = [
  {
    id: 'tencent-cam',
    start: (options) => startEmulator('tencent-cam', { ...options, quotas: { createsPerDay: 100_000, receivers: 100_000 } }),
    provider: (emulator, settings = {}) => tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, quotas: { createsPerDay: 100_000 }, ...settings }),
    input: (n, email = `r${n}.ops@example.com`) => ({ name: `receiver-${n}`, email, phone: `+86 139 ${String(n % 10_000).padStart(4, '0')} 1234` }),
    refusedInput: { name: 'n'.repeat(65), email: 'long.name@example.com', phone: '+8613900001234' },
    actions: { create: 'CreateMessageReceiver', get: 'ListReceiver', delete: 'DeleteMessageReceiver', list: 'ListReceiver', findByName: 'ListReceiver' },
    throttle: { code: 'RequestLimitExceeded' },
    authFailure: { code: 'AuthFailure.SignatureFailure' },
    notFound: { code: 'ResourceNotFound.UserNotExists' },
    // CAM deletes by name after resolving it: a receiver gone by then is the caller's goal met.
    overrides: { 'delete not-found': 'ok' },
  },
  {
    id: 'alibaba-resource-directory',
    start: (options) => startEmulator('alibaba-resource-directory', { ...options, quotas: { contacts: 100_000 } }),
    provider: (emulator, settings = {}) => alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials, ...settings }),
    input: (n, email = `${lettersOf(n)}@example.com`) => ({ name: `Ops${lettersOf(n)}`.slice(0, 12), email, title: 'TechnicalDirector', messageTypes: ['FaultMessage'] }),
    refusedInput: { name: 'Ops 2', email: 'digits@example.com', title: 'Other', messageTypes: ['FaultMessage'] },
    patch: { title: 'CEO' },
    actions: {
      create: 'AddMessageContact',
      get: 'GetMessageContact',
      update: 'UpdateMessageContact',
      delete: 'DeleteMessageContact',
      list: 'ListMessageContacts',
      findByName: 'ListMessageContacts',
    },
    throttle: { code: 'Throttling.User' },
    authFailure: { code: 'SignatureDoesNotMatch' },
    notFound: { code: 'EntityNotExists.Contact' },
  },
  {
    id: 'volcengine-vmp',
    start: (options) => startEmulator('volcengine-vmp', options),
    provider: (emulator, settings = {}) => volcengineVmp({ endpoint: emulator.endpoint, credentials: emulator.credentials, ...settings }),
    input: (n, email = `oncall${n}@example.com`) => ({
      name: `oncall-${n}`,
      email,
      webhooks: { lark: { url: `https://open.feishu.cn/open-apis/bot/v2/hook/hook-${n}`, secret: `lark-secret-${n}` } },
    }),
    refusedInput: { name: '2fast', email: 'digit.first@example.com' },
    patch: { webhooks: { wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix' } } },
    actions: { create: 'CreateContact', get: 'GetContact', update: 'UpdateContact', delete: 'DeleteContacts', list: 'ListContacts', findByName: 'ListContacts' },
    throttle: { code: 'FlowLimitExceeded', httpStatus: 429 },
    authFailure: { code: 'SignatureDoesNotMatch' },
    notFound: { code: 'NotFound.Contact' },
  },
  {
    id: 'alibaba-chatapp',
    start: (options) => startEmulator('alibaba-chatapp', { ...options, quotas: { numbers: 100_000 } }),
    provider: (emulator, settings = {}) =>
      alibabaChatApp({ endpoint: emulator.endpoint, credentials: emulator.credentials, custSpaceId: (emulator as ChatAppEmulator).custSpaceId, ...settings }),
    input: (n, email) => numberInput(n, email),
    refusedInput: { name: 'No Number', email: 'nonumber@example.com' },
    patch: { email: 'help@acme.example' },
    actions: {
      create: 'AddChatappPhoneNumber',
      get: 'QueryPhoneBusinessProfile',
      update: 'ModifyPhoneBusinessProfile',
      delete: 'ChatappPhoneNumberDeregister',
      list: 'ChatappSyncPhoneNumber',
      findByName: 'ChatappSyncPhoneNumber',
    },
    throttle: { code: 'System.LimitControl' },
    authFailure: { code: 'SignatureDoesNotMatch' },
    notFound: { code: 'ERR-OPERATION-MAAP-0065' },
  },
];
