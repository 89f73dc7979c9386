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
 * The one walk over a vendor's listing: each call fetches the next page and resolves to its
 * items (cut at `limit`), or to undefined once the walk is over.
 *
 * @remarks An empty page ends the walk even when the vendor offers a next cursor, so a vendor
 * whose counts drift while it is walked cannot loop forever.
 */
export function pageWalk<T>(fetchPage: PageFetcher<T>, limit = Number.POSITIVE_INFINITY): () => Promise<readonly T[] | undefined> {
  let remaining = limit;
  let cursor: PageCursor | undefined;
  let over = false;
  return async () => {
    if (over || remaining <= 0) return undefined;
    const page = await fetchPage(cursor);
    const items = page.items.length <= remaining ? page.items : page.items.slice(0, remaining);
    remaining -= items.length;
    if (page.next === undefined || page.items.length === 0) over = true;
    else cursor = page.next;
    return items.length > 0 ? items : undefined;
  };
}

/** Yields the vendor's pages in order until the last one, or until `limit` items were yielded. */
export async function* pagesOf<T>(fetchPage: PageFetcher<T>, limit?: number): AsyncGenerator<T[]> {
  const next = pageWalk(fetchPage, limit);
  for (let items = await next(); items !== undefined; items = await next()) yield [...items];
}

/** The first item any page holds that matches, fetching only as many pages as it takes. */
export async function findInPages<T>(fetchPage: PageFetcher<T>, matches: (item: T) => boolean): Promise<T | undefined> {
  const next = pageWalk(fetchPage);
  for (let items = await next(); items !== undefined; items = await next()) {
    const found = items.find(matches);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Every item of every page (up to `limit`). A plain loop, not the generator: a listing read
 * whole, the common case, does not pay for async iteration.
 */
export async function collectPages<T>(fetchPage: PageFetcher<T>, limit?: number): Promise<T[]> {
  const next = pageWalk(fetchPage, limit);
  const all: T[] = [];
  for (let items = await next(); items !== undefined; items = await next()) {
    for (const item of items) all.push(item);
  }
  return all;
}
