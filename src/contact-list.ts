import type { ContactList } from './provider.js';

/** A position in a vendor's listing: a page number, an offset or an opaque token. */
export type PageCursor = string | number;

/** One vendor page, and where the next one starts (absent on the last page). */
export interface ContactPage<C> {
  /** The contacts of this page. */
  readonly contacts: readonly C[];
  /** Where the next page starts; absent when this is the last. */
  readonly next?: PageCursor | undefined;
}

/** Fetches the page that starts at `cursor` (the first page when undefined). */
export type PageFetcher<C> = (cursor: PageCursor | undefined) => Promise<ContactPage<C>>;

/**
 * Builds a {@link ContactList} over a page fetcher. Nothing is fetched until iteration starts;
 * each iteration starts again from the first page; `limit` stops early.
 *
 * @remarks An empty page ends the listing even when the vendor offers a next cursor, so a vendor
 * whose counts drift while you iterate cannot loop forever.
 */
export function createContactList<C>(fetchPage: PageFetcher<C>, limit?: number): ContactList<C> {
  async function* pages(): AsyncGenerator<C[]> {
    let remaining = limit ?? Number.POSITIVE_INFINITY;
    let cursor: PageCursor | undefined;
    while (remaining > 0) {
      const page = await fetchPage(cursor);
      const contacts = page.contacts.slice(0, remaining);
      if (contacts.length > 0) yield contacts;
      remaining -= contacts.length;
      if (page.next === undefined || page.contacts.length === 0) return;
      cursor = page.next;
    }
  }
  async function* contacts(): AsyncGenerator<C> {
    for await (const page of pages()) yield* page;
  }
  return {
    [Symbol.asyncIterator]: () => contacts(),
    pages: () => ({ [Symbol.asyncIterator]: () => pages() }),
    async all() {
      const out: C[] = [];
      for await (const page of pages()) out.push(...page);
      return out;
    },
  };
}
