/**
 * cloud-contacts: one Contact model and one error union over the notification contacts of
 * Alibaba Cloud, Volcengine and Tencent Cloud. Providers live in their own entry points
 * (`cloud-contacts/tencent-cam`, ...); emulators in `cloud-contacts/testing`.
 *
 * @packageDocumentation
 */
export type {
  Contact,
  ContactField,
  ContactInput,
  ContactPatch,
  ContactStatus,
  ContactTitle,
  ContactVerification,
  ContactWebhooks,
  ContactWebhooksPatch,
  DingTalkWebhook,
  GenericWebhook,
  LarkWebhook,
  MessageType,
  ProviderId,
  VerificationState,
  WeComWebhook,
} from './model/contact.js';
export { CONTACT_FIELDS, CONTACT_TITLES, MESSAGE_TYPES, PROVIDER_IDS } from './model/contact.js';
export { contactInputSchema, contactPatchSchema, parseContactInput } from './validation/contact-schema.js';
export type { ContactErrorCode, ContactErrorOptions, ContactIssue, VendorErrorInfo } from './errors/errors.js';
export { CONTACT_ERROR_CODES, ContactError, DEFAULT_RETRYABLE, isContactError } from './errors/errors.js';
export type {
  CallOptions,
  Capabilities,
  ContactList,
  ContactOperation,
  ContactProvider,
  FieldCapability,
  ListQuery,
  OperationCapability,
  QuotaCapability,
  RateLimitCapability,
  SyncCapability,
  VerificationChannel,
  VerificationResult,
} from './contract/provider.js';
export { CONTACT_OPERATIONS } from './contract/provider.js';
export type { ReplaceProgress, SyncOperations } from './contract/sync-operations.js';
export type { AgentSettings, BaseProviderSettings, RegionSettings, ResolvedBaseSettings } from './settings/settings.js';
export type { ContactEvent, ContactEventBase, ContactEventListener } from './contract/events.js';
export type { RateLimiter, RateLimitRequest } from './transport/rate-limiter.js';
export { localRateLimiter } from './transport/rate-limiter.js';
export type { QuotaRequest, QuotaReservation, QuotaStore } from './transport/quota-store.js';
export { localQuotaStore } from './transport/quota-store.js';
export type { InputFor, PatchFor } from './contract/provider-input.js';
export type { AssumeRoleSettings, Credentials, CredentialsFunction, CredentialsInput, TemporaryCredentials } from './credentials/credentials.js';
export type { CredentialSource } from './credentials/credential-source.js';
export type { PhoneParts, PhoneProblem } from './model/phone.js';
export { parsePhone } from './model/phone.js';
export { planSync } from './sync/sync-plan.js';
export { applySync, syncContacts } from './sync/sync-apply.js';
export { checkRoster, parseRoster, ROSTER_VERSIONS } from './sync/roster.js';
export type { Roster, RosterIssue, RosterOptions, RosterTarget } from './sync/roster.js';
export { exportRoster } from './export/export-roster.js';
export type { ExportOptions } from './export/export-roster.js';
export { formatRoster } from './export/export-text.js';
export type { FormatOptions } from './export/export-text.js';
export type {
  ExportedEntry,
  ExportedOverride,
  ExportedRoster,
  ExportedRosterData,
  ExportedTarget,
  ExportedVariable,
  ExportedWebhooks,
  VariableRef,
} from './export/export-types.js';
export { reachability } from './reach/reachability.js';
export type { ChannelReach, PersonReach, ReachabilityReport, ReachabilityRequest, ReachChannel, ReachState, TargetRead, TargetReach } from './reach/reach-types.js';
export { sendPendingVerifications } from './reach/pending-verifications.js';
export type { PendingVerificationReport, PendingVerificationRequest, VerificationSent } from './reach/pending-verifications.js';
export type {
  ApplyOptions,
  ContactOverride,
  DeletionGuard,
  DesiredContact,
  FieldChange,
  ManagedContacts,
  PlanEntry,
  PlanRequest,
  ProviderPlan,
  RestoreInfo,
  SyncPlan,
  SyncProvider,
  SyncReport,
  SyncResult,
  TargetName,
  UnknownField,
} from './sync/sync-types.js';
