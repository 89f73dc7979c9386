import type { SyncOperations } from '../../src/contract/sync-operations.js';
import type { Contact, ContactWebhooks } from '../../src/model/contact.js';
import type { CallOptions, ContactList, ContactProvider, ListQuery, VerificationChannel, VerificationResult } from '../../src/contract/provider.js';
import type { InputFor, PatchFor } from '../../src/contract/provider-input.js';
import type { volcengineVmpCapabilities } from './volcengine-vmp-capabilities.js';
import type { ResolvedVolcengineVmpSettings } from './volcengine-vmp-settings.js';

/** What a VMP contact holds beyond the neutral model. */
export interface VolcengineVmpContactDetails {
  /** The Lark group the Lark bot posts to, as GetContact reports it. */
  larkBot?: { chatId?: string; groupName?: string; tenantKey?: string };
}

/** A Volcengine VMP alert contact. Webhook secrets and tokens print masked. */
export interface VolcengineVmpContact extends Contact<VolcengineVmpContactDetails> {
  /** What the vendor holds beyond the neutral model: always present on a contact this provider returns. */
  details: VolcengineVmpContactDetails;
}

/** What `create` takes: a name, and optionally an email, webhooks and groups (derived from the capabilities data). */
export type VolcengineVmpContactInput = InputFor<typeof volcengineVmpCapabilities.fields>;

/** What `update` takes: any of the fields; `null` clears one, and webhooks left out are kept. */
export type VolcengineVmpContactPatch = PatchFor<typeof volcengineVmpCapabilities.fields>;

/** What `list` can be asked for: the neutral paging plus the vendor's filters. */
export interface VolcengineVmpListQuery extends ListQuery {
  /** Only contacts whose name contains this (the vendor's fuzzy match). */
  name?: string | undefined;
  /** Only contacts whose email contains this (the vendor's fuzzy match). */
  email?: string | undefined;
}

/** A kind of webhook a contact can have. */
export type WebhookKind = keyof ContactWebhooks;

/** What one Test*Webhook call found: the chat platform's own answer to the test message. */
export interface WebhookTestResult {
  /** Which webhook of the contact was tested. */
  kind: WebhookKind;
  /** Whether the platform took the message: HTTP 2xx and, for bots, platform code 0. */
  delivered: boolean;
  /** The HTTP status the platform answered with (absent when it could not be reached). */
  httpStatus?: number;
  /** The bot platform's own code (Lark `code`, DingTalk and WeCom `errcode`). */
  platformCode?: string;
  /** The bot platform's own message, or the generic webhook's answer body. */
  platformMessage?: string;
  /** Why VMP could not deliver it (unreachable, timed out), as VMP says. */
  error?: string;
}

/** What `sendVerification` resolves to; for `'webhook'`, one result per webhook of the contact. */
export interface VolcengineVmpVerificationResult extends VerificationResult {
  /** For the `webhook` channel: each webhook's test, in the order generic, lark, dingtalk, wecom. */
  webhooks?: WebhookTestResult[];
}

/** A VMP contact group: the unit notify policies send to. */
export interface VolcengineVmpGroup {
  /** The group's id (a UUID). */
  id: string;
  /** The group's name (the contact name rules; unique among groups). */
  name: string;
  /** The contacts in the group. */
  contactIds: string[];
  /** Creation time, RFC 3339. */
  createdAt?: string;
}

/** What `createGroup` takes. */
export interface VolcengineVmpGroupInput {
  /** The group's name. */
  name: string;
  /** Contacts to put in it. */
  contactIds?: string[];
}

/** What `updateGroup` takes: a new name, the whole member list, or both. */
export interface VolcengineVmpGroupPatch {
  /** A new name. */
  name?: string;
  /** The members, replacing the current ones. */
  contactIds?: string[];
}

/** What `listGroups` can be asked for. */
export interface VolcengineVmpGroupQuery extends ListQuery {
  /** Only groups whose name contains this. */
  name?: string | undefined;
}

/**
 * The Volcengine VMP provider: alert contacts behind the neutral contract, plus contact groups,
 * which notify policies send to.
 */
export interface VolcengineVmpProvider
  extends ContactProvider<VolcengineVmpContact, VolcengineVmpContactInput, VolcengineVmpListQuery, VolcengineVmpContactPatch> {
  /** The settings in use (credentials print masked). */
  readonly settings: ResolvedVolcengineVmpSettings;
  /** What sync uses to spend fewer vendor calls (see {@link SyncOperations}). */
  readonly syncOperations: SyncOperations<VolcengineVmpContact>;
  /**
   * Sends a verification: `'email'` asks VMP to mail the contact's address (at most once a
   * minute per address); `'webhook'` has VMP post a test message to each webhook of the contact.
   * @throws ContactError `invalid-input` when the contact has no email or no webhook;
   * `rate-limited` (with `retryAfterMs`) when the address was mailed less than a minute ago;
   * `unavailable` when VMP could not send the mail; `unsupported` for `'phone'`; and the transport codes.
   */
  sendVerification(id: string, channel: VerificationChannel, options?: CallOptions): Promise<VolcengineVmpVerificationResult>;
  /**
   * Creates a contact group.
   * @throws ContactError `invalid-input`, `already-exists` (the name), `not-found` (a contact), and the transport codes.
   */
  createGroup(input: VolcengineVmpGroupInput, options?: CallOptions): Promise<VolcengineVmpGroup>;
  /**
   * Reads a contact group.
   * @throws ContactError `not-found`, and the transport codes.
   */
  getGroup(id: string, options?: CallOptions): Promise<VolcengineVmpGroup>;
  /**
   * Renames a group or replaces its members.
   * @throws ContactError `not-found`, `invalid-input`, `already-exists`, and the transport codes.
   */
  updateGroup(id: string, patch: VolcengineVmpGroupPatch, options?: CallOptions): Promise<VolcengineVmpGroup>;
  /**
   * Deletes a contact group (its contacts stay).
   * @throws ContactError `not-found`, and the transport codes.
   */
  deleteGroup(id: string, options?: CallOptions): Promise<void>;
  /** Lists contact groups, fetching pages lazily; errors surface while iterating. */
  listGroups(query?: VolcengineVmpGroupQuery, options?: CallOptions): ContactList<VolcengineVmpGroup>;
  /**
   * Adds contacts to a group (those already in it are left as they are); resolves to the group.
   * @throws ContactError `not-found` (the group or a contact), and the transport codes.
   */
  addToGroup(groupId: string, contactIds: readonly string[], options?: CallOptions): Promise<VolcengineVmpGroup>;
  /**
   * Removes contacts from a group (those not in it are ignored); resolves to the group.
   * @throws ContactError `not-found` (the group), and the transport codes.
   */
  removeFromGroup(groupId: string, contactIds: readonly string[], options?: CallOptions): Promise<VolcengineVmpGroup>;
}
