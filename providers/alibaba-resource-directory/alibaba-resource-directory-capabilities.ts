import type { Capabilities, FieldCapability } from '../../src/contract/provider.js';

/** The Alibaba Cloud site a resource directory lives on; it decides the endpoint and the phone rule. */
export type AlibabaSite = 'china' | 'international';

const unsupported = (rule: string) => ({ support: 'unsupported', rule }) as const satisfies FieldCapability;

/** Letters or Chinese characters only, as the vendor's `InvalidParameter.Name` describes. */
const NAME_PATTERN = /^[A-Za-z\p{Script=Han}]+$/u;

/**
 * What the Resource Directory message-contact API can do on the China site, as data: the single
 * source of validation before any request and of the README's capability matrix.
 *
 * @remarks Numbers the vendor does not publish (contacts per directory, members per contact,
 * verification messages per day, the maximum page size) are `unknown` or the usual RD value.
 */
export const alibabaResourceDirectoryCapabilities = {
  provider: 'alibaba-resource-directory',
  api: 'ResourceDirectoryMaster 2022-04-19 (RPC, ACS3-HMAC-SHA256)',
  id: { pattern: /^c-[A-Za-z0-9]{1,64}$/, rule: 'a message contact id (c- and letters or digits)', example: 'c-qL4HqKONzOM7' },
  operations: {
    create: { support: 'native', vendorOperations: ['AddMessageContact'], note: 'a new contact is pending verification until its owner confirms the email' },
    get: {
      support: 'native',
      vendorOperations: ['GetMessageContact', 'ListMessageContactVerifications'],
      note: 'one GetMessageContact; pending email or phone changes are read from the verification list with { includePending: true }',
    },
    update: {
      support: 'native',
      vendorOperations: ['UpdateMessageContact', 'GetMessageContact', 'ListMessageContactVerifications'],
      note: 'a new email or phone stays pending (details.pendingEmail / pendingPhone) until its owner confirms it',
    },
    delete: {
      support: 'native',
      vendorOperations: ['DeleteMessageContact', 'GetMessageContactDeletionStatus'],
      note: 'retainInMembers: false deletes asynchronously; the call waits for the outcome',
    },
    list: { support: 'native', vendorOperations: ['ListMessageContacts'], note: 'filter by member with { member }' },
    findByName: { support: 'emulated', vendorOperations: ['ListMessageContacts'], note: 'the API has no name filter: pages are scanned' },
    sendVerification: {
      support: 'native',
      vendorOperations: ['ListMessageContactVerifications', 'SendEmailVerificationForMessageContact', 'SendPhoneVerificationForMessageContact'],
    },
  },
  fields: {
    name: {
      support: 'required',
      minLength: 2,
      maxLength: 12,
      pattern: NAME_PATTERN,
      rule: '2-12 letters or Chinese characters',
      note: 'unique in the resource directory',
    },
    email: { support: 'required', note: 'takes effect once its owner confirms it' },
    phone: {
      support: 'optional',
      clearable: false,
      phoneRegions: ['CN'],
      rule: 'mainland China numbers only on the China site',
      note: 'sent as 86-<number>; takes effect once confirmed',
    },
    title: { support: 'required', note: 'all six titles, FinanceDirector included' },
    messageTypes: { support: 'required', rule: 'at least one message type' },
    remark: unsupported('message contacts have no remark'),
    'webhooks.generic': unsupported('message contacts have no webhooks'),
    'webhooks.lark': unsupported('message contacts have no webhooks'),
    'webhooks.dingtalk': unsupported('message contacts have no webhooks'),
    'webhooks.wecom': unsupported('message contacts have no webhooks'),
    groupIds: unsupported('bind contacts to members with associateMembers instead'),
  },
  verificationChannels: ['email', 'phone'],
  pageSize: { default: 100, max: 100 },
  rateLimits: [{ operations: ['*'], perSecond: 20 }],
  quotas: [
    { name: 'contacts per resource directory', limit: 'unknown', period: 'total', vendorCode: 'LimitExceeded.Contacts' },
    { name: 'members per contact', limit: 'unknown', period: 'total', vendorCode: 'LimitExceeded.ContactMembers' },
    { name: 'verification messages per account', limit: 'unknown', period: 'day', vendorCode: 'SendValidateCodeExceedsLimitForAccount' },
  ],
} as const satisfies Capabilities;

/**
 * The capabilities on the international site: the same, except that phone numbers are not
 * limited to mainland China.
 *
 * @remarks Which country codes the international site accepts is not documented (UNCONFIRMED);
 * rather than guess, this provider lets the vendor decide and reports its
 * `InvalidParameter.MobileCountryCode` as `invalid-input` on `phone`.
 */
export const alibabaResourceDirectoryInternationalCapabilities: Capabilities = {
  ...alibabaResourceDirectoryCapabilities,
  fields: {
    ...alibabaResourceDirectoryCapabilities.fields,
    phone: { support: 'optional', clearable: false, note: 'the international site decides which country codes it takes; takes effect once confirmed' },
  },
};

/** The capabilities of one site. */
export function capabilitiesForSite(site: AlibabaSite): Capabilities {
  return site === 'china' ? alibabaResourceDirectoryCapabilities : alibabaResourceDirectoryInternationalCapabilities;
}
