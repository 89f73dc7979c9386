/**
 * The emulator's ChatApp actions: parameters checked as the vendor documents them
 * (https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-chatappsyncphonenumber
 * and the pages of the other phone-number actions), state changed through the account, answers in the vendor's shapes. The envelope (`Code`,
 * `Message`, `AccessDeniedDetail`, `Success` where the operation has it) is added by the protocol.
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../../src/testing/emulator-protocol.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import type { RpcHandler, RpcParams } from '../alibaba-common/alibaba-emulator-rpc.js';
import { checkEmail, checkOneOf, checkStatus, checkUrl, checkVertical, checkWebsites } from './alibaba-chatapp-emulator-state.js';
import type { ChatAppAccount, StoredNumber, StoredQrdl } from './alibaba-chatapp-emulator-state.js';

/** What a handler works with. */
interface ActionEnvironment {
  /** The emulated account. */
  readonly account: ChatAppAccount;
  /** The harness context (clock, quotas). */
  readonly context: EmulatorContext;
  /** The time of this request. */
  readonly now: Date;
}

type Handler = RpcHandler<ActionEnvironment>;

/** Quotas the emulator declares, with defaults (the vendor publishes none; Meta's usual limit is 20). */
export const CHATAPP_QUOTAS = {
  numbers: { limit: 20, daily: false },
} as const;

/** The actions whose answers carry `Success` (https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-error-codes). */
export const ACTIONS_WITH_SUCCESS = new Set([
  'ChatappSyncPhoneNumber',
  'ChatappPhoneNumberRegister',
  'ChatappVerifyAndRegister',
  'GetChatappVerifyCode',
  'QueryPhoneBusinessProfile',
  'ModifyPhoneBusinessProfile',
  'QueryChatappPhoneNumbers',
  'AddChatappPhoneNumber',
]);

const flag = (params: RpcParams, name: string): boolean | undefined => {
  const value = params.text(name);
  return value === undefined ? undefined : checkOneOf(name, value, ['Y', 'N']) === 'Y';
};

/** Every phone-number action, by name. */
export const CHATAPP_HANDLERS: Readonly<Record<string, Handler>> = {
  ChatappSyncPhoneNumber(params, { account, now }) {
    const space = account.space(params.required('CustSpaceId'));
    return { PhoneNumbers: [...space.values()].map((number) => view(account, number, now, 'sync')) };
  },
  QueryChatappPhoneNumbers(params, { account, now }) {
    const space = account.space(params.required('CustSpaceId'));
    const status = optional(params.text('Status'), checkStatus);
    const numbers = [...space.values()].filter((number) => status === undefined || number.status === status);
    return { PhoneNumbers: numbers.map((number) => view(account, number, now, 'query')) };
  },
  AddChatappPhoneNumber(params, { account, context }) {
    const spaceId = params.required('CustSpaceId');
    account.add(spaceId, params.required('Cc'), params.required('PhoneNumber'), params.required('VerifiedName'), context.quota('numbers').limit);
    return {};
  },
  GetPhoneNumberVerificationStatus(params, { account, now }) {
    const number = numberOf(params, account);
    return { Data: { PhoneNumber: number.phoneNumber, Id: number.metaId, CodeVerificationStatus: account.codeStatus(number, now.getTime()) } };
  },
  GetChatappVerifyCode(params, { account, now }) {
    const spaceId = params.required('CustSpaceId');
    const number = account.number(spaceId, params.required('PhoneNumber'));
    const method = checkOneOf('Method', params.required('Method'), ['SMS', 'VOICE']);
    account.sendCode(spaceId, number, method, checkOneOf('Locale', params.required('Locale'), ['zh_CN', 'en_US']), now);
    return {};
  },
  ChatappVerifyAndRegister(params, { account, now }) {
    const number = numberOf(params, account);
    account.verifyAndRegister(number, params.required('VerifyCode'), now.getTime());
    return {};
  },
  ChatappPhoneNumberRegister(params, { account, now }) {
    account.register(numberOf(params, account), now.getTime());
    return {};
  },
  ChatappPhoneNumberDeregister(params, { account }) {
    const spaceId = params.required('CustSpaceId');
    account.deregister(spaceId, account.number(spaceId, params.required('PhoneNumber')));
    return {};
  },
  QueryPhoneBusinessProfile(params, { account }) {
    return { Data: { ...numberOf(params, account).profile } };
  },
  ModifyPhoneBusinessProfile(params, { account }) {
    const { profile } = numberOf(params, account);
    // Every value is checked before any is applied, so a refused change changes nothing.
    const changes = {
      About: params.text('About'),
      Address: params.text('Address'),
      Description: params.text('Description'),
      Email: optional(params.text('Email'), checkEmail),
      ProfilePictureUrl: optional(params.text('ProfilePictureUrl'), (url) => checkUrl('ProfilePictureUrl', url)),
      Vertical: optional(params.text('Vertical'), checkVertical),
    };
    const websites = params.text('Websites') === undefined ? undefined : checkWebsites(params.json('Websites'));
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) (profile as unknown as Record<string, string>)[key] = value;
    if (websites !== undefined) profile.Websites = websites;
    return {};
  },
  UpdatePhoneWebhook(params, { account }) {
    const number = numberOf(params, account);
    const statusUrl = optional(params.text('StatusCallbackUrl'), (url) => checkUrl('StatusCallbackUrl', url));
    const upUrl = optional(params.text('UpCallbackUrl'), (url) => checkUrl('UpCallbackUrl', url));
    const http = flag(params, 'HttpFlag');
    const queue = flag(params, 'QueueFlag');
    if (statusUrl !== undefined) number.statusCallbackUrl = statusUrl;
    if (upUrl !== undefined) number.upCallbackUrl = upUrl;
    if (http !== undefined) number.httpFlag = http;
    if (queue !== undefined) number.queueFlag = queue;
    return {};
  },
  ListPhoneMessageQrdl(params, { account }) {
    const number = qrdlNumberOf(params, account);
    return { Data: [...number.qrdls.values()].map((qrdl) => qrdlView(number, qrdl)) };
  },
  CreatePhoneMessageQrdl(params, { account }) {
    const number = qrdlNumberOf(params, account);
    const qrdl: StoredQrdl = { QrdlCode: randomBytes(4).toString('hex').toUpperCase(), ...qrdlFields(params) };
    number.qrdls.set(qrdl.QrdlCode, qrdl);
    return { Data: qrdlView(number, qrdl) };
  },
  UpdatePhoneMessageQrdl(params, { account }) {
    const number = qrdlNumberOf(params, account);
    const qrdl = qrdlOf(number, params);
    Object.assign(qrdl, qrdlFields(params));
    return { Data: qrdlView(number, qrdl) };
  },
  DeletePhoneMessageQrdl(params, { account }) {
    const number = qrdlNumberOf(params, account);
    number.qrdls.delete(qrdlOf(number, params).QrdlCode);
    return {};
  },
};

/** A number as ChatappSyncPhoneNumber (`sync`) or QueryChatappPhoneNumbers (`query`) shows it. */
function view(account: ChatAppAccount, number: StoredNumber, now: Date, shape: 'sync' | 'query'): object {
  return {
    VerifiedName: number.verifiedName,
    Status: number.status,
    QualityRating: number.qualityRating,
    CodeVerificationStatus: account.codeStatus(number, now.getTime()),
    ...(number.newNameStatus === undefined ? {} : { NewNameStatus: number.newNameStatus }),
    PhoneNumber: number.phoneNumber,
    ...(number.queueFlag ? { StatusQueue: account.queue, UpQueue: account.queue } : {}),
    NameStatus: number.nameStatus,
    ...(number.upCallbackUrl === undefined ? {} : { UpCallbackUrl: number.upCallbackUrl }),
    MessagingLimitTier: number.messagingLimitTier,
    ...(number.statusCallbackUrl === undefined ? {} : { StatusCallbackUrl: number.statusCallbackUrl }),
    IsOfficial: number.official ? 'Y' : 'N',
    ...(number.calling === undefined ? {} : { CallingConfigure: shape === 'sync' ? number.calling : toQueryShape(number.calling) }),
  };
}

/** In QueryChatappPhoneNumbers' answer the icon and permission fields sit under CallHours. */
function toQueryShape(calling: object): object {
  const { Calling, ...rest } = calling as { Calling?: Record<string, unknown> };
  if (Calling === undefined) return calling;
  const { CallIconVisibility, CallbackPermissionStatus, CallHours, ...others } = Calling;
  return { ...rest, Calling: { ...others, CallHours: { ...(CallHours as object | undefined), CallIconVisibility, CallbackPermissionStatus } } };
}

function qrdlView(number: StoredNumber, qrdl: StoredQrdl): object {
  return {
    PhoneNumber: number.phoneNumber,
    ...qrdl,
    DeepLinkUrl: `https://wa.me/message/${qrdl.QrdlCode}`,
    QrImageUrl: `https://scontent.whatsapp.net/qr/${qrdl.QrdlCode}.${qrdl.GenerateQrImage.toLowerCase()}`,
  };
}

function qrdlFields(params: RpcParams): Omit<StoredQrdl, 'QrdlCode'> {
  return { GenerateQrImage: checkOneOf('GenerateQrImage', params.required('GenerateQrImage'), ['PNG', 'SVG']), PrefilledMessage: params.required('PrefilledMessage') };
}

function qrdlOf(number: StoredNumber, params: RpcParams): StoredQrdl {
  const qrdl = number.qrdls.get(params.required('QrdlCode'));
  if (qrdl === undefined) throw new VendorFault('InvalidParameter.QrdlCode');
  return qrdl;
}

/** The number a request names in its space. */
function numberOf(params: RpcParams, account: ChatAppAccount): StoredNumber {
  return account.number(params.required('CustSpaceId'), params.required('PhoneNumber'));
}

/** The QR-code operations take `CustSpaceId` optionally: without it, the number is looked up in every space. */
function qrdlNumberOf(params: RpcParams, account: ChatAppAccount): StoredNumber {
  const phoneNumber = params.required('PhoneNumber');
  const spaceId = params.text('CustSpaceId') ?? account.spaceOf(phoneNumber);
  if (spaceId === undefined) throw new VendorFault('ERR-OPERATION-MAAP-0065');
  return account.number(spaceId, phoneNumber);
}

function optional<T>(value: string | undefined, check: (value: string) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}
