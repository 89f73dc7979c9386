/**
 * Walking a vendor's paged listing: one generator that every listing, lookup and collection
 * uses, so "scan the pages until found" is written once.
 */

/** A position in a vendor's listing: a page number, an offset or an opaque token. */
export type PageCursor = string | number;

/** One vendor page, and where the next one starts (absent on the last page). */
export interface Page<T> {
  /** The items of this page. */
  readonly items: readonly T[];
  /** Where the next page starts; absent when this is the last. */
  readonly next?: PageCursor | undefined;
}

/** Fetches the page that starts at `cursor` (the first page when undefined). */
export type PageFetcher<T> = (cursor: PageCursor | undefined) => Promise<Page<T>>;

/**
 * Yields the vendor's pages in order until the last one, or until `limit` items were yielded.
 *
 * @remarks An empty page ends the walk even when the vendor offers a next cursor, so a vendor
 * whose counts drift while it is walked cannot loop forever.
 */
export async function* pagesOf<T>(fetchPage: PageFetcher<T>, limit = Number.POSITIVE_INFINITY): AsyncGenerator<T[]> {
  let remaining = limit;
  let cursor: PageCursor | undefined;
  while (remaining > 0) {
    const page = await fetchPage(cursor);
    const items = page.items.slice(0, remaining);
    if (items.length > 0) yield items;
    remaining -= items.length;
    if (page.next === undefined || page.items.length === 0) return;
    cursor = page.next;
  }
}

/** The first item any page holds that matches, fetching only as many pages as it takes. */
export async function findInPages<T>(fetchPage: PageFetcher<T>, matches: (item: T) => boolean): Promise<T | undefined> {
  for await (const page of pagesOf(fetchPage)) {
    const found = page.find(matches);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every item of every page. */
export async function collectPages<T>(fetchPage: PageFetcher<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pagesOf(fetchPage)) all.push(...page);
  return all;
}
