/**
 * The shapes of declarative sync: what a roster wants, the plan per provider, and the result of
 * carrying it out.
 */
import type { Contact, ContactField, ContactInput, ContactPatch, ProviderId } from '../model/contact.js';
import type { ContactError } from '../errors/errors.js';
import type { ContactProvider } from '../contract/provider.js';

/** The fields of a contact a roster can set for one provider only; `null` leaves a shared field out there. */
export type ContactOverride = { [K in keyof ContactInput]?: ContactInput[K] | null };

/** A person or endpoint the roster wants in the clouds. */
export interface DesiredContact extends ContactInput {
  /** Only these providers hold this contact (default: every provider synced). */
  only?: ProviderId[];
  /** What differs per provider: a name a provider accepts, a title, webhooks only one vendor holds. */
  providers?: { [P in ProviderId]?: ContactOverride };
}

/**
 * Which existing contacts the roster owns, by the name a provider shows: those starting with
 * `prefix`, and those in `names`. Pruning deletes only owned contacts the roster no longer wants.
 */
export interface ManagedContacts {
  /** Names starting with this are owned. */
  readonly prefix?: string;
  /** These names are owned. */
  readonly names?: readonly string[];
}

/** A provider the plan covers; any {@link ContactProvider}. */
export type SyncProvider = ContactProvider<Contact<object>>;

/** What {@link planSync} is asked. */
export interface PlanRequest {
  /** The contacts wanted. */
  readonly desired: readonly DesiredContact[];
  /** The providers to sync them to. */
  readonly providers: readonly SyncProvider[];
  /** Delete owned contacts the roster no longer wants (default false: nothing is ever deleted). */
  readonly prune?: boolean;
  /** Which contacts the roster owns; prune needs it. */
  readonly managed?: ManagedContacts;
  /** Cancels the reads the plan makes. */
  readonly signal?: AbortSignal;
}

/** One field that differs: what the provider holds now, and what the roster wants. */
export interface FieldChange {
  /** The neutral field. */
  readonly field: ContactField;
  /** What the provider shows now (masked where the vendor masks it); absent when unset. */
  readonly from?: unknown;
  /** What the roster wants; absent to clear it. */
  readonly to?: unknown;
}

/** What to do with one contact on one provider. */
export type PlanEntry =
  | { readonly kind: 'create'; readonly name: string; readonly input: ContactInput; readonly warnings: readonly string[] }
  | {
      readonly kind: 'update';
      readonly name: string;
      readonly id: string;
      readonly patch: ContactPatch;
      readonly changes: readonly FieldChange[];
      readonly warnings: readonly string[];
    }
  | {
      readonly kind: 'replace';
      readonly name: string;
      readonly id: string;
      readonly input: ContactInput;
      readonly changes: readonly FieldChange[];
      /** What replacing costs (the vendor has no update: delete, then create). */
      readonly cost: string;
      readonly warnings: readonly string[];
    }
  | { readonly kind: 'delete'; readonly name: string; readonly id: string }
  | { readonly kind: 'unchanged'; readonly name: string; readonly id: string; readonly warnings: readonly string[] }
  | { readonly kind: 'skip'; readonly name: string; readonly reason: string; readonly error?: ContactError };

/** The plan for one provider. */
export interface ProviderPlan {
  /** The provider. */
  readonly provider: SyncProvider;
  /** Its id. */
  readonly id: ProviderId;
  /** One entry per contact: every desired one, and every owned one to prune. */
  readonly entries: readonly PlanEntry[];
  /** What applies to the whole provider (a quota the plan would exceed, an unreadable listing). */
  readonly warnings: readonly string[];
  /** Why nothing can be planned for this provider (its listing failed). */
  readonly error?: ContactError;
}

/** What {@link planSync} returns: a plan per provider, carried out by {@link applySync}. */
export interface SyncPlan {
  /** The plans. */
  readonly providers: readonly ProviderPlan[];
}

/** How one entry ended. */
export interface SyncResult {
  /** The provider. */
  readonly provider: ProviderId;
  /** The contact's name there. */
  readonly name: string;
  /** What was planned. */
  readonly kind: PlanEntry['kind'];
  /** `done`: the change was made; `unchanged`: nothing was needed; `skipped`: the plan said not to; `failed`: see `error`. */
  readonly status: 'done' | 'unchanged' | 'skipped' | 'failed';
  /** The contact as it is now, after a create, update or replace. */
  readonly contact?: Contact<object>;
  /** Why it failed, or why it was skipped. */
  readonly error?: ContactError;
  /** Why it was skipped. */
  readonly reason?: string;
  /** The vendor request id of the call that made or failed the change. */
  readonly requestId?: string;
}

/** Options of {@link applySync}. */
export interface ApplyOptions {
  /** Called after each entry, with the count so far. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly result: SyncResult }) => void;
  /** Changes in flight per provider (each provider also paces itself at its vendor's limit); default 4. */
  readonly concurrency?: number;
  /** Stops the apply: entries not started are reported `skipped`, those in flight are cancelled. */
  readonly signal?: AbortSignal;
}

/** What {@link applySync} returns. */
export interface SyncReport {
  /** One result per entry of the plan. */
  readonly results: readonly SyncResult[];
  /** Counts by status. */
  readonly summary: Readonly<Record<SyncResult['status'], number>>;
  /** Whether every entry is done, unchanged or skipped by the plan. */
  readonly ok: boolean;
}
