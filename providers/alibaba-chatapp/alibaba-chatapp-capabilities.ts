import type { Capabilities, FieldCapability } from '../../src/contract/provider.js';

const unsupported = (rule: string) => ({ support: 'unsupported', rule }) as const satisfies FieldCapability;

/** The `Status` values of a number (https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-chatappsyncphonenumber), as data for the `status` filter. */
export const CHATAPP_NUMBER_STATUSES = [
  'PENDING',
  'DELETED',
  'MIGRATED',
  'BANNED',
  'RESTRICTED',
  'RATE_LIMITED',
  'FLAGGED',
  'CONNECTED',
  'DISCONNECTED',
  'UNKNOWN',
  'UNVERIFIED',
] as const;

/** The business categories ModifyPhoneBusinessProfile takes as `Vertical`. */
export const CHATAPP_VERTICALS = [
  'OTHER',
  'AUTO',
  'BEAUTY',
  'APPAREL',
  'EDU',
  'ENTERTAIN',
  'EVENT_PLAN',
  'FINANCE',
  'GROCERY',
  'GOVT',
  'HOTEL',
  'HEALTH',
  'NONPROFIT',
  'PROF_SERVICES',
  'RETAIL',
  'TRAVEL',
  'RESTAURANT',
] as const;

/** The message-QR-code and encryption-key operations the vendor limits to 5 per second. */
const FIVE_PER_SECOND = [
  'ListPhoneMessageQrdl',
  'CreatePhoneMessageQrdl',
  'UpdatePhoneMessageQrdl',
  'DeletePhoneMessageQrdl',
  'GetPhoneEncryptionPublicKey',
  'UpdatePhoneEncryptionPublicKey',
] as const;

/**
 * What the ChatApp phone-number API can do, as data: the single source of validation before any
 * request and of the README's capability matrix. A contact is a WhatsApp Business number in a
 * customer space (`CustSpaceId`).
 *
 * @remarks The vendor publishes no count of numbers per space and no page size: its listings
 * answer every number at once, and `pageSize` only cuts that answer into pages.
 */
export const alibabaChatAppCapabilities = {
  provider: 'alibaba-chatapp',
  api: 'cams 2020-06-06 (RPC, ACS3-HMAC-SHA256)',
  id: { pattern: /^[1-9]\d{6,14}$/, rule: 'a phone number as the vendor writes it (country code and number, digits only, no +)', example: '8613800001234' },
  operations: {
    create: {
      support: 'native',
      vendorOperations: ['AddChatappPhoneNumber', 'ModifyPhoneBusinessProfile', 'ChatappSyncPhoneNumber'],
      note: 'a new number is pending verification until its code is verified (sendVerification, then verifyAndRegister)',
    },
    get: { support: 'emulated', vendorOperations: ['ChatappSyncPhoneNumber', 'QueryPhoneBusinessProfile'], note: 'the number is read from the listing, its email from the business profile' },
    update: {
      support: 'native',
      vendorOperations: ['ModifyPhoneBusinessProfile', 'ChatappSyncPhoneNumber', 'QueryPhoneBusinessProfile'],
      note: "update changes the business profile's email; updateBusinessProfile and updateCallbacks change the rest",
    },
    delete: {
      support: 'native',
      vendorOperations: ['ChatappPhoneNumberDeregister'],
      note: 'a registered number is deregistered, then taken out of the customer space',
    },
    list: {
      support: 'native',
      vendorOperations: ['ChatappSyncPhoneNumber', 'QueryChatappPhoneNumbers'],
      note: 'one request answers every number; filter by vendor status with { status }; emails need get',
    },
    findByName: { support: 'emulated', vendorOperations: ['ChatappSyncPhoneNumber'], note: 'the first number whose verified name matches' },
    sendVerification: {
      support: 'native',
      vendorOperations: ['GetPhoneNumberVerificationStatus', 'GetChatappVerifyCode'],
      note: 'a code by SMS (default) or voice: { method: "VOICE" }; nothing is sent to a verified number',
    },
  },
  fields: {
    name: { support: 'required', updatable: false, rule: "the number's verified business name", note: 'VerifiedName; the API cannot rename a number' },
    email: { support: 'optional', clearable: false, note: "the business profile's email" },
    phone: { support: 'required', updatable: false, note: 'the number itself (its id without +); any country' },
    title: unsupported('business numbers have no title'),
    messageTypes: unsupported('business numbers have no message types'),
    remark: unsupported('business numbers have no remark'),
    'webhooks.generic': unsupported('the status and inbound callback URLs are details; set them with updateCallbacks'),
    'webhooks.lark': unsupported('business numbers have no chat-bot webhooks'),
    'webhooks.dingtalk': unsupported('business numbers have no chat-bot webhooks'),
    'webhooks.wecom': unsupported('business numbers have no chat-bot webhooks'),
    groupIds: unsupported('business numbers have no groups'),
  },
  verificationChannels: ['phone'],
  pageSize: { default: 100, max: 1000 },
  rateLimits: [
    { operations: ['*'], perSecond: 10 },
    { operations: FIVE_PER_SECOND, perSecond: 5 },
  ],
  quotas: [],
  // A number is its own key (verified names are display names two numbers may share), a line of
  // a business rather than a person's (only roster entries that name ChatApp go there), and
  // never replaced: deleting a registered number deregisters it.
  sync: { key: 'phone', entries: 'named', replace: false },
} as const satisfies Capabilities;
