import { collectPages, pagesOf } from './paging.js';
import type { PageFetcher } from './paging.js';
import type { ContactList } from './provider.js';

/** What a listing resolves to once its query is checked: how to fetch a page, and where to stop. */
export interface ListPlan<C> {
  /** Fetches one page. */
  readonly fetchPage: PageFetcher<C>;
  /** Stop after this many contacts. */
  readonly limit?: number | undefined;
}

/**
 * Builds a {@link ContactList}. Nothing runs until iteration starts, not even the query's
 * checks: `plan` runs then, so a bad query rejects while iterating (as every error of a list
 * does) instead of throwing where `list()` was called. Each iteration starts from the first page.
 */
export function createContactList<C>(plan: () => ListPlan<C>): ContactList<C> {
  async function* pages(): AsyncGenerator<C[]> {
    const { fetchPage, limit } = plan();
    yield* pagesOf(fetchPage, limit);
  }
  async function* contacts(): AsyncGenerator<C> {
    for await (const page of pages()) yield* page;
  }
  return {
    [Symbol.asyncIterator]: () => contacts(),
    pages: () => ({ [Symbol.asyncIterator]: () => pages() }),
    async all() {
      const { fetchPage, limit } = plan();
      return collectPages(fetchPage, limit);
    },
  };
}
