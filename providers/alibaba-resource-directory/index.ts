/**
 * `cloud-contacts/alibaba-resource-directory`: Alibaba Cloud Resource Directory message contacts
 * (`ResourceDirectoryMaster` 2022-04-19) behind the neutral contract, with the vendor's member
 * bindings, verification targets and deletion progress as extra methods.
 *
 * @packageDocumentation
 */
export { alibabaResourceDirectory } from './alibaba-resource-directory-provider.js';
export type { AlibabaResourceDirectorySettings, ResolvedAlibabaResourceDirectorySettings } from './alibaba-resource-directory-settings.js';
export {
  alibabaResourceDirectoryCapabilities,
  alibabaResourceDirectoryInternationalCapabilities,
} from './alibaba-resource-directory-capabilities.js';
export type { AlibabaSite } from './alibaba-resource-directory-capabilities.js';
export type {
  AlibabaResourceDirectoryContact,
  AlibabaResourceDirectoryContactDetails,
  AlibabaResourceDirectoryContactInput,
  AlibabaResourceDirectoryContactPatch,
  AlibabaResourceDirectoryDeleteOptions,
  AlibabaResourceDirectoryListQuery,
  AlibabaResourceDirectoryProvider,
  AlibabaVerificationChannel,
  ContactDeletionStatus,
  DeletionFailure,
  MemberBinding,
  PendingVerification,
  PendingVerificationQuery,
} from './alibaba-resource-directory-types.js';
