import { collectPages, pagesOf } from './paging.js';
import type { PagedListing } from './paging.js';
import type { ContactList } from './provider.js';

/**
 * What a listing resolves to once its query is checked: how to fetch a page, and where to stop.
 * Items are told apart by their `id` unless `idOf` says otherwise (see {@link pageWalk} for the
 * checks every page goes through).
 */
interface ListPlan<C> extends PagedListing<C> {
  /** Stop after this many contacts. */
  readonly limit?: number | undefined;
}

/** An item's `id`, when it has one: contacts and groups are told apart by it. */
function idOfItem(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Builds a {@link ContactList}. Nothing runs until iteration starts, not even the query's
 * checks: `plan` runs then, so a bad query rejects while iterating (as every error of a list
 * does) instead of throwing where `list()` was called. Each iteration starts from the first page.
 */
export function createContactList<C>(plan: () => ListPlan<C>): ContactList<C> {
  const listingOf = (): ListPlan<C> => {
    const resolved = plan();
    return { idOf: idOfItem, ...resolved, context: resolved.context ?? { operation: 'list' } };
  };
  async function* pages(): AsyncGenerator<C[]> {
    const listing = listingOf();
    yield* pagesOf(listing, listing.limit);
  }
  async function* contacts(): AsyncGenerator<C> {
    for await (const page of pages()) yield* page;
  }
  return {
    [Symbol.asyncIterator]: () => contacts(),
    pages: () => ({ [Symbol.asyncIterator]: () => pages() }),
    async all() {
      const listing = listingOf();
      return collectPages(listing, listing.limit);
    },
  };
}
