/**
 * What a provider may offer sync so that a sync spends the vendor's rate limit on the change
 * alone: changes made knowing what the plan read (no read before, none after), creates whose ids
 * are resolved together with one listing, and reads of only what a listing lacks.
 *
 * Optional: `planSync` and `applySync` use a provider's `syncOperations` when it has them, and
 * otherwise the contract methods (a provider of your own keeps working, at the cost of the reads
 * around each change).
 */
import type { Contact, ContactField, ContactInput, ContactPatch } from '../model/contact.js';
import type { CallOptions } from './provider.js';

/**
 * Called by {@link SyncOperations.replace} as its steps complete.
 *
 * @advanced
 */
export interface ReplaceProgress {
  /** The old contact is deleted: from here on a failure leaves it to be restored. */
  deleted(): void;
}

/**
 * The operations of a provider that sync uses instead of the contract methods when present.
 * Each takes the contact as a listing showed it moments before (the plan's read), and rejects only
 * with `ContactError`.
 *
 * @advanced
 */
export interface SyncOperations<C extends Contact<object> = Contact<object>> {
  /**
   * The fields a listing may show otherwise than a read of the contact (Resource Directory lists
   * no change waiting for confirmation; ChatApp lists no profile email). A plan asks
   * {@link SyncOperations.complete} only about contacts whose listing differs from the roster in one of them.
   */
  readonly listingLacks: readonly ContactField[];
  /** The listed contacts with what the listing lacks read in, with as few vendor calls as the vendor allows. */
  complete(listed: readonly C[], options?: CallOptions): Promise<C[]>;
  /**
   * Creates a contact and does not read it back: resolves to it when the vendor's answer says
   * its id, else to undefined (then {@link SyncOperations.resolveCreated} finds it).
   */
  create(input: ContactInput, options?: CallOptions): Promise<C | undefined>;
  /** Contacts just created whose id their create did not say, found with one listing; undefined for any not listed (yet). */
  resolveCreated(inputs: readonly ContactInput[], options?: CallOptions): Promise<Array<C | undefined>>;
  /** Changes a contact the caller has just read, with one vendor call; resolves to it as changed. */
  update(current: C, patch: ContactPatch, options?: CallOptions): Promise<C>;
  /** Deletes a contact the caller has just read, without reading it again. */
  delete(current: C, options?: CallOptions): Promise<void>;
  /**
   * Deletes a contact the caller has just read and creates it anew (the vendor cannot make the
   * change in place). The daily-quota unit of the create is reserved before the delete, so a
   * used-up quota fails it (`quota-exceeded`) with the old contact intact. Resolves like
   * {@link SyncOperations.create}; `progress.deleted` is called once the old contact is gone.
   */
  replace(current: C, input: ContactInput, options?: CallOptions, progress?: ReplaceProgress): Promise<C | undefined>;
  /** How many creates the account's daily quota has left today as the client counts it; undefined when it counts none. */
  createsLeft(): Promise<number | undefined>;
}
