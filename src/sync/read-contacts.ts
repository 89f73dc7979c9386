/**
 * Reading everything a target holds, as a plan sees it: its listing, with what the listing lacks
 * read in (Resource Directory's values waiting for confirmation, ChatApp's profile emails) where
 * the reader needs those fields, in as few vendor calls as the provider's sync operations allow.
 */
import type { Contact, ContactField } from '../model/contact.js';
import type { CallOptions } from '../contract/provider.js';
import { syncOperationsOf } from './sync-plan.js';
import type { SyncProvider } from './sync-types.js';

/**
 * Every contact of a target, completed in the fields `needs` names where its listing lacks them.
 * A provider without sync operations gives its listing as it is (its own `get` per contact would
 * cost a call each).
 *
 * @throws ContactError from the listing or the completing read.
 */
export async function readContacts(provider: SyncProvider, needs: readonly ContactField[], options: CallOptions = {}): Promise<Array<Contact<object>>> {
  const listed = await provider.list({}, options).all();
  const operations = syncOperationsOf(provider);
  if (operations === undefined || listed.length === 0 || !operations.listingLacks.some((field) => needs.includes(field))) return listed;
  return operations.complete(listed, options);
}
