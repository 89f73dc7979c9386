/**
 * The shapes of declarative sync: what a roster wants, the plan per provider, and the result of
 * carrying it out.
 */
import type { Contact, ContactField, ContactInput, ContactPatch, ProviderId } from '../model/contact.js';
import type { ContactError } from '../errors/errors.js';
import type { ContactProvider, SyncCapability } from '../contract/provider.js';

/** The fields of a contact a roster can set for one provider only; `null` leaves a shared field out there. */
export type ContactOverride = { [K in keyof ContactInput]?: ContactInput[K] | null };

/**
 * A target's name (a provider object's `target` setting, such as `cam-prod`) or a provider id,
 * which names every target of that provider.
 */
export type TargetName = ProviderId | (string & Record<never, never>);

/** A person or endpoint the roster wants in the clouds. */
export interface DesiredContact extends ContactInput {
  /**
   * Only these targets hold this contact: target names, or provider ids for every target of a
   * provider (default: every target synced, except those that take only entries naming them,
   * such as ChatApp: see {@link SyncCapability.entries}).
   */
  only?: TargetName[];
  /**
   * What differs per provider or target: a name a provider accepts, a title, webhooks only one
   * vendor holds. Keyed by provider id (every target of it) or target name; a target's own
   * override goes on top of its provider's.
   */
  providers?: { [P in ProviderId]?: ContactOverride } & { [target: string]: ContactOverride | undefined };
  /**
   * Someone who must be reachable: {@link reachability} reports whether they can be reached on
   * some channel somewhere, and `cloud-contacts status` exits 1 when one of them cannot. Sync
   * ignores it.
   */
  oncall?: boolean | undefined;
}

/**
 * Which existing contacts the roster owns, by the name a provider shows. Pruning deletes only
 * owned contacts that no roster entry names for that provider.
 *
 * The ownership rule: a name is owned when it is in `names`, or when it is `prefix` followed by a
 * separator (any character but a letter or digit) and more, the separator being the prefix's
 * own last character or the next one. `prefix: Oncall` owns `Oncall-Alice`, `Oncall.bob` and
 * `Oncall Support Desk`; it does not own `OncallManager` or `Oncaller`, which someone may have
 * made by hand (a plan with `prune` warns about such names and leaves them alone).
 */
export interface ManagedContacts {
  /** Names that are this and then a separator and more are owned (`Oncall` owns `Oncall-Alice`). */
  readonly prefix?: string | undefined;
  /**
   * These exact names are owned: how a roster owns names that cannot carry a separator, such as
   * Resource Directory's (2-12 letters).
   */
  readonly names?: readonly string[] | undefined;
}

/**
 * How many deletes a plan may make on one provider before it stops deleting there: a plan over
 * either bound plans none of its deletes on that provider, each a skip saying why. Raise it
 * when a large departure is meant (`{ maxCount: 50, maxShare: 1 }`).
 */
export interface DeletionGuard {
  /** At most this many deletes per provider (default 10; `Infinity` for no bound). */
  readonly maxCount?: number | undefined;
  /**
   * At most this share, from 0 to 1, of the contacts the roster manages on a provider (those it
   * owns or matched to an entry, and those the plan creates): default 0.5; 1 for no bound.
   */
  readonly maxShare?: number | undefined;
}

/**
 * A provider object the plan covers: a target. Any {@link ContactProvider}; one built by this
 * package names its target with the `target` setting (default: its provider id), and a provider
 * of your own can do the same with a `settings.target` string.
 */
export type SyncProvider = ContactProvider<Contact<object>>;

/** What {@link planSync} is asked. */
export interface PlanRequest {
  /** The contacts wanted. */
  readonly desired: readonly DesiredContact[];
  /**
   * The provider objects to sync them to: each is a target, named by its `target` setting. Two
   * with one target name, or two reaching the same account and place (provider, endpoint,
   * region or customer space, and keys), are refused: nothing is synced twice.
   */
  readonly providers: readonly SyncProvider[];
  /** Delete owned contacts the roster no longer wants (default false: nothing is ever deleted). */
  readonly prune?: boolean | undefined;
  /** Which contacts the roster owns; prune needs it. */
  readonly managed?: ManagedContacts | undefined;
  /** How many deletes a plan may make per provider (default: 10, and half the managed contacts). */
  readonly deletionGuard?: DeletionGuard | undefined;
  /**
   * Changes contacts even where a difference may hide behind a vendor's mask (CAM lists
   * `alic****@example.com`, so a new address with the same visible parts cannot be told from the
   * old): `true` for every such contact, or the names (as the provider shows them) of those to
   * change. Without it, such a contact is `unchanged` with a warning saying so. On CAM the
   * change is a replace, using one of its daily creates.
   */
  readonly replaceMasked?: boolean | readonly string[] | undefined;
  /** Cancels the reads the plan makes. */
  readonly signal?: AbortSignal | undefined;
  /** Targets read at once, a whole number from 1 (each paces itself within its own account's limits); default 32. */
  readonly targetConcurrency?: number | undefined;
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

/**
 * What to do with one contact on one provider. An entry that changes an existing contact holds
 * it as the plan read it (`current`), so the apply makes the change without reading it again;
 * printed and serialised, an entry leaves `current` out and masks webhook secrets.
 */
export type PlanEntry =
  | { readonly kind: 'create'; readonly name: string; readonly input: ContactInput; readonly warnings: readonly string[] }
  | {
      readonly kind: 'update';
      readonly name: string;
      readonly id: string;
      readonly patch: ContactPatch;
      readonly changes: readonly FieldChange[];
      readonly warnings: readonly string[];
      /** The contact as the plan read it. */
      readonly current: Contact<object>;
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
      /** The contact as the plan read it: what a failed replace's result says how to restore. */
      readonly current: Contact<object>;
    }
  | {
      readonly kind: 'delete';
      readonly name: string;
      readonly id: string;
      /** Why it goes: the roster owns it and no entry names it for this provider. */
      readonly reason: string;
      /** The contact as the plan read it. */
      readonly current: Contact<object>;
    }
  | { readonly kind: 'unchanged'; readonly name: string; readonly id: string; readonly warnings: readonly string[] }
  | { readonly kind: 'skip'; readonly name: string; readonly reason: string; readonly error?: ContactError };

/** The plan for one target (one provider object). */
export interface ProviderPlan {
  /** The provider object. */
  readonly provider: SyncProvider;
  /** Its provider id. */
  readonly id: ProviderId;
  /** Its target name (its `target` setting; default: the provider id). */
  readonly target: string;
  /** One entry per contact: every desired one, and every owned one to prune. */
  readonly entries: readonly PlanEntry[];
  /** What applies to the whole provider (a quota the plan would exceed, an unreadable listing). */
  readonly warnings: readonly string[];
  /** Why nothing can be planned for this provider (its listing failed). */
  readonly error?: ContactError;
}

/** What {@link planSync} returns: a plan per target, carried out by {@link applySync}. */
export interface SyncPlan {
  /** The plans, one per target, in the order the providers were given. */
  readonly providers: readonly ProviderPlan[];
}

/**
 * A field a failed replace's restore cannot fill in: the vendor only ever showed it masked.
 *
 * @advanced
 */
export interface UnknownField {
  /** The field. */
  readonly field: ContactField;
  /** What the vendor showed (`+86 139****1234`). */
  readonly shown: string;
}

/**
 * What it takes to put back a contact that a replace deleted and could not create again: the
 * input to create it as it was, from what the plan read. A value the vendor only shows masked is
 * the roster's where that fits the mask, else listed in `unknown` for a person to complete.
 */
export interface RestoreInfo {
  /**
   * `true`: the old contact was deleted; `false`: the replace failed in a way that leaves unknown
   * whether its delete went through (check the provider before restoring).
   */
  readonly deleted: boolean;
  /** The contact as the plan read it, before the delete. */
  readonly contact: Contact<object>;
  /** What to create to restore it (without the `unknown` fields). */
  readonly input: ContactInput;
  /** Fields the input lacks because the vendor showed them masked. */
  readonly unknown: readonly UnknownField[];
}

/** How one entry ended. */
export interface SyncResult {
  /** The provider. */
  readonly provider: ProviderId;
  /** The target (the provider object's `target` setting; default: the provider id). */
  readonly target: string;
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
  /** A failed replace that deleted, or may have deleted, the old contact: how to restore it (the CLI prints the command). */
  readonly restore?: RestoreInfo;
}

/** Options of {@link applySync}; unknown keys are refused. */
export interface ApplyOptions {
  /**
   * Called after each entry, with the count so far. What it throws, and a promise it returns that
   * rejects, are ignored: a listener never stops, hides or reorders the work.
   */
  readonly onProgress?: ((progress: { readonly done: number; readonly total: number; readonly result: SyncResult }) => void) | undefined;
  /** Changes in flight per target, a whole number from 1 (each target also paces itself at its vendor's limit); default 4. */
  readonly concurrency?: number | undefined;
  /**
   * Targets applied at once, a whole number from 1; default 32. Each target keeps to its own
   * account's limits, so targets side by side take about as long as the slowest one alone.
   */
  readonly targetConcurrency?: number | undefined;
  /** Stops the apply: entries not started are reported `skipped`, those in flight are cancelled. */
  readonly signal?: AbortSignal | undefined;
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
