/**
 * The emulator's catalogue of the message-contact API's own errors: HTTP status and documented
 * message of each code (the API reference of each action, such as https://www.alibabacloud.com/help/en/resource-management/developer-reference/api-resourcedirectorymaster-2022-04-19-addmessagecontact). The gateway's codes are in `alibaba-common`.
 */
import type { ErrorCatalogue } from '../alibaba-common/alibaba-emulator-errors.js';

/** Each product code's status and message. */
export const RD_ERRORS: ErrorCatalogue = {
  'InvalidParameter.Name': [400, 'The Name is invalid.'],
  'InvalidParameter.Name.Length': [400, 'The Name exceeds the length limit.'],
  'InvalidParameter.Name.AlreadyUsed': [400, 'The Name already exists. Please change to another name.'],
  'InvalidParameter.EmailAddress.Length': [400, 'The EmailAddress exceeds the length limit.'],
  'InvalidParameter.MobileCountryCode': [400, 'The current site does not support the country code.'],
  'InvalidParameter.Members.Duplicate': [400, 'The Members contains duplicate values.'],
  'InvalidParameter.Members.Length': [400, 'The maximum number of Members exceeds the limit.'],
  'LimitExceeded.Contacts': [400, 'The maximum number of contacts in a resource directory exceeds the limit.'],
  'LimitExceeded.ContactMembers': [400, 'The maximum number of contact members exceeds the limit.'],
  'QuotaExceeded.Members': [400, 'The maximum number of Members exceeds the limit.'],
  InvalidMember: [400, 'The member does not exist in the resource directory.'],
  ContactStatusMismatchAction: [400, 'The status of the contact does not allow the specified operation.'],
  'EntityNotExists.Contact': [404, 'This Contact does not exist.'],
  'EntityNotExists.Contact.Verification': [404, 'This contact verification does not exist.'],
  'EntityNotExists.Member': [404, 'This Member does not exist.'],
  SendValidateCodeExceedsLimitForAccount: [409, 'For the same account, the number of verification codes sent exceeds the limit.'],
  ConcurrentCallNotSupported: [429, 'The operation conflicts with other operations. Please try again later.'],
};
