/**
 * The message-contact API's error codes (each action's API reference, such as https://www.alibabacloud.com/help/en/resource-management/developer-reference/api-resourcedirectorymaster-2022-04-19-addmessagecontact), on top of the gateway's in
 * `alibaba-common`, with the neutral field each parameter is and when a daily quota starts over.
 */
import { nextChinaMidnight } from '../../src/util/china-time.js';
import { ownValue } from '../../src/util/own-value.js';
import type { VendorCodeTable } from '../../src/errors/vendor-errors.js';
import type { AlibabaProductErrors } from '../alibaba-common/alibaba-rpc-errors.js';

/** Every code of the message-contact API, and what it means to a caller. */
const alibabaResourceDirectoryCodes = {
  exact: {
    'InvalidParameter.Name.AlreadyUsed': { code: 'already-exists', field: 'name' },
    'LimitExceeded.Contacts': { code: 'quota-exceeded', explanation: 'the resource directory has as many contacts as it may' },
    'LimitExceeded.ContactMembers': { code: 'quota-exceeded', explanation: 'the contact is bound to as many members as it may' },
    'QuotaExceeded.Members': { code: 'quota-exceeded', field: 'members' },
    SendValidateCodeExceedsLimitForAccount: { code: 'quota-exceeded', explanation: 'the daily number of verification messages is used up' },
    ContactStatusMismatchAction: { code: 'conflict', retryable: false, explanation: "the contact's status does not allow this now." },
    ConcurrentCallNotSupported: { code: 'conflict', retryable: true, explanation: 'another change to the contact is in progress' },
    'EntityNotExists.Contact.Verification': { code: 'not-found', explanation: 'nothing is waiting for confirmation on that channel' },
    'EntityNotExists.ResourceDirectory': { code: 'not-subscribed', explanation: 'the account has no resource directory enabled' },
    InvalidMember: { code: 'not-found', field: 'members', explanation: 'a member is not in the resource directory' },
    'EntityNotExists.Contact': { code: 'not-found', field: 'id' },
  },
  prefixes: {
    'EntityNotExists.': 'not-found',
  },
} satisfies VendorCodeTable;

/** Vendor parameter names → the neutral names callers know. */
const NEUTRAL_FIELDS: Readonly<Record<string, string>> = {
  Name: 'name',
  EmailAddress: 'email',
  PhoneNumber: 'phone',
  MobileCountryCode: 'phone',
  Title: 'title',
  MessageTypes: 'messageTypes',
  ContactId: 'id',
  Members: 'members',
  Member: 'member',
  PageSize: 'pageSize',
  PageNumber: 'pageNumber',
  RetainContactInMembers: 'retainInMembers',
};

/** What the Resource Directory adds to the gateway's errors. */
export const alibabaResourceDirectoryErrors: AlibabaProductErrors = {
  codes: alibabaResourceDirectoryCodes,
  // `InvalidParameter.EmailAddress.Length` names `email`.
  fieldOf: (code) => {
    const parameter = /^(?:MissingParameter|InvalidParameter|EntityNotExists)\.([A-Za-z]+)/.exec(code)?.[1];
    return parameter === undefined ? undefined : ownValue(NEUTRAL_FIELDS, parameter);
  },
  resetsAt: (code, now) => (code === 'SendValidateCodeExceedsLimitForAccount' ? nextChinaMidnight(now) : undefined),
};
