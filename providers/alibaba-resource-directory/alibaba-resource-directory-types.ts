import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { Contact } from '../../src/model/contact.js';
import type { CallOptions, ContactProvider, ListQuery } from '../../src/contract/provider.js';
import type { InputFor, PatchFor } from '../../src/contract/provider-input.js';
import type { alibabaResourceDirectoryCapabilities } from './alibaba-resource-directory-capabilities.js';
import type { ResolvedAlibabaResourceDirectorySettings } from './alibaba-resource-directory-settings.js';

/** Resource Directory fields of a contact that the neutral model has no place for. */
export interface AlibabaResourceDirectoryContactDetails {
  /** The resource directory (`rd-…`), folders (`fd-…`, root `r-…`) and member accounts (16 digits) the contact is bound to. */
  members: string[];
  /**
   * An email address waiting for its owner's confirmation: the contact's own address while it
   * was never confirmed, or the new address of an update (the contact keeps sending to `email`
   * until the new one is confirmed). Read by `get` with `{ includePending: true }`, by an `update` of the email or phone, and by `cancelPendingUpdate`.
   */
  pendingEmail?: string;
  /** A phone number (E.164) waiting for its owner's confirmation, like {@link pendingEmail}. */
  pendingPhone?: string;
  /** When the contact was bound to the member a listing was filtered by (ISO 8601). */
  associatedAt?: string;
}

/** A Resource Directory message contact. */
export interface AlibabaResourceDirectoryContact extends Contact<AlibabaResourceDirectoryContactDetails> {
  /** What the vendor holds beyond the neutral model: always present on a contact this provider returns. */
  details: AlibabaResourceDirectoryContactDetails;
}

/**
 * What `create` takes: name, email, title and message types required, phone optional; nothing
 * else (derived from the capabilities data, so the two cannot disagree).
 */
export type AlibabaResourceDirectoryContactInput = InputFor<typeof alibabaResourceDirectoryCapabilities.fields>;

/** What `update` takes: any of the fields; the phone can be changed but not removed. */
export type AlibabaResourceDirectoryContactPatch = PatchFor<typeof alibabaResourceDirectoryCapabilities.fields>;

/** What `list` can be asked for: the neutral paging plus a member filter. */
export interface AlibabaResourceDirectoryListQuery extends ListQuery {
  /** Only contacts bound to this resource directory, folder or member account id. */
  member?: string | undefined;
}

/** Options of `delete`. */
export interface AlibabaResourceDirectoryDeleteOptions extends CallOptions {
  /**
   * `true` (the vendor's default): members the contact is bound to keep it, so it still receives
   * their messages, and the deletion is immediate. `false`: it is removed from those members too;
   * the vendor then deletes asynchronously and `delete` waits for the outcome within the call's time.
   * @default true
   */
  retainInMembers?: boolean | undefined;
}

/** A channel a contact is verified on. */
export type AlibabaVerificationChannel = 'email' | 'phone';

/** An email address or phone number waiting for its owner's confirmation. */
export interface PendingVerification {
  /** The contact it belongs to. */
  contactId: string;
  /** Whether it is an email address or a phone number. */
  channel: AlibabaVerificationChannel;
  /** The address, or the phone number in E.164. */
  target: string;
}

/** What `listPendingVerifications` can be asked for. */
export interface PendingVerificationQuery {
  /** Only the targets of this contact. */
  contactId?: string | undefined;
}

/** A contact's binding to a member, as AssociateMembers and DisassociateMembers report it. */
export interface MemberBinding {
  /** The contact. */
  contactId: string;
  /** The resource directory, folder or member account. */
  memberId: string;
  /** When the binding was made or removed (ISO 8601). */
  modifiedAt?: string;
}

/** One member and message types that kept a contact from being deleted. */
export interface DeletionFailure {
  /** The member account. */
  accountId: string;
  /** The message types that would have been left without a contact, as the vendor names them. */
  messageTypes: string[];
}

/** The progress of an asynchronous deletion. */
export interface ContactDeletionStatus {
  /** The contact being deleted. */
  contactId: string;
  /** `deleting` while in progress; `failed` when the vendor refused it (see `failures`). */
  status: 'deleting' | 'failed' | 'unknown';
  /** Why the deletion failed; empty while deleting. */
  failures: DeletionFailure[];
}

/**
 * The Resource Directory message-contact provider: the neutral contract plus the vendor's own
 * operations (verification targets, member bindings, deletion progress).
 */
export interface AlibabaResourceDirectoryProvider
  extends ContactProvider<
    AlibabaResourceDirectoryContact,
    AlibabaResourceDirectoryContactInput,
    AlibabaResourceDirectoryListQuery,
    AlibabaResourceDirectoryContactPatch
  > {
  /** The settings in use (credentials print masked). */
  readonly settings: ResolvedAlibabaResourceDirectorySettings;
  /** What sync uses to spend fewer vendor calls (see {@link SyncOperations}). */
  readonly syncOperations: SyncOperations<AlibabaResourceDirectoryContact>;
  /**
   * Deletes a contact. With `retainInMembers: false` the vendor deletes asynchronously: the call
   * waits on GetMessageContactDeletionStatus until the contact is gone, within the call's time.
   * @throws ContactError `not-found`; `conflict` when the vendor refuses the deletion (the message
   * lists the members and message types that kept it); `timeout` when it is still deleting at the
   * deadline; and the transport codes.
   */
  delete(id: string, options?: AlibabaResourceDirectoryDeleteOptions): Promise<void>;
  /**
   * Lists the email addresses and phone numbers waiting for their owners' confirmation.
   * @throws ContactError `not-found` for an unknown `contactId`, and the transport codes.
   */
  listPendingVerifications(query?: PendingVerificationQuery, options?: CallOptions): Promise<PendingVerification[]>;
  /**
   * Drops a pending change of email or phone, so the contact keeps its confirmed value; resolves
   * to the contact as it is then.
   * @throws ContactError `conflict` when no change is pending on that channel (or only the
   * never-confirmed original is), `not-found`, and the transport codes.
   */
  cancelPendingUpdate(id: string, channel: AlibabaVerificationChannel, options?: CallOptions): Promise<AlibabaResourceDirectoryContact>;
  /**
   * Binds a contact to resource directories, folders or member accounts, five per vendor call.
   * @throws ContactError `not-found` (contact, or a member not in the directory), `conflict`
   * (a contact not yet verified), `quota-exceeded` (too many members), `invalid-input`; when a
   * later call fails, the message names the members bound by the earlier ones.
   */
  associateMembers(id: string, members: readonly string[], options?: CallOptions): Promise<MemberBinding[]>;
  /**
   * Unbinds a contact from members, five per vendor call.
   * @throws ContactError like {@link AlibabaResourceDirectoryProvider.associateMembers}.
   */
  disassociateMembers(id: string, members: readonly string[], options?: CallOptions): Promise<MemberBinding[]>;
  /**
   * Reports an asynchronous deletion: `deleting`, or `failed` with the reasons.
   * @throws ContactError `not-found` when there is no deletion to report (the contact is gone, or
   * was never being deleted), and the transport codes.
   */
  deletionStatus(id: string, options?: CallOptions): Promise<ContactDeletionStatus>;
}
