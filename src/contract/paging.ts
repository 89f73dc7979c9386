/**
 * Walking a vendor's paged listing: one walk that every listing, lookup and collection uses, so
 * "scan the pages until found" is written once, and so is distrust of what the pages say.
 */
import { errorIn } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';

/** A position in a vendor's listing: a page number, an offset or an opaque token. */
type PageCursor = string | number;

/** One vendor page, and where the next one starts (absent on the last page). */
export interface Page<T> {
  /** The items of this page. */
  readonly items: readonly T[];
  /** Where the next page starts; absent when this is the last. */
  readonly next?: PageCursor | undefined;
  /** How many items the whole listing holds, when the vendor's answer says it (`TotalCount`, `Total`). */
  readonly total?: number | undefined;
}

/** Fetches the page that starts at `cursor` (the first page when undefined). */
export type PageFetcher<T> = (cursor: PageCursor | undefined) => Promise<Page<T>>;

/** A vendor listing: how to fetch its pages, and what the walk needs to check them. */
export interface PagedListing<T> {
  /** Fetches one page. */
  readonly fetchPage: PageFetcher<T>;
  /** An item's id (undefined: the item is not checked for repeats). */
  readonly idOf?: ((item: T) => string | undefined) | undefined;
  /** Items per page the walk asks for: with the vendor's total, it bounds the pages requested. */
  readonly pageSize?: number | undefined;
  /** The vendor action, for the message of a listing that contradicts itself. */
  readonly action?: string | undefined;
  /** Who is listing, for that error. */
  readonly context?: ErrorContext | undefined;
}

/** A listing whose pages are numbered from 1 and whose every answer states the total (Alibaba's and Volcengine's). */
interface NumberedListing<T> extends Omit<PagedListing<T>, 'fetchPage' | 'pageSize'> {
  /** Items per page asked for. */
  readonly pageSize: number;
  /** Fetches page `number` (from 1): its items and the total the answer states. */
  readonly fetchNumber: (number: number) => Promise<{ readonly items: readonly T[]; readonly total: number | undefined }>;
}

/** A {@link PagedListing} over numbered pages: the next page is asked while the pages so far hold fewer than the total. */
export function numberedPages<T>(listing: NumberedListing<T>): PagedListing<T> {
  const { fetchNumber, ...rest } = listing;
  return {
    ...rest,
    fetchPage: async (cursor) => {
      const number = typeof cursor === 'number' ? cursor : 1;
      const { items, total } = await fetchNumber(number);
      return { items, total, next: number * listing.pageSize < (total ?? 0) ? number + 1 : undefined };
    },
  };
}

/**
 * The one walk over a vendor's listing: each call fetches the next page and resolves to its new
 * items (cut at `limit`), or to undefined once the walk is over.
 *
 * @remarks A vendor's pages are not trusted blindly:
 * - an item already seen (by id) is dropped, so a listing that shifts while it is walked yields
 *   each contact once;
 * - the walk ends on an empty page, on a page whose items were all seen before, and on a cursor
 *   it has already fetched, even when the vendor offers another page;
 * - it never fetches more pages than the vendor's own total implies, plus one;
 * - a listing that contradicts itself (a page larger than asked for, more distinct items than
 *   its total, a next page offered past that bound, a total that is not a count) rejects with
 *   `invalid-response`.
 */
function pageWalk<T>(listing: PagedListing<T>, limit = Number.POSITIVE_INFINITY): () => Promise<readonly T[] | undefined> {
  const { fetchPage, idOf, pageSize } = listing;
  const seen = new Set<string>();
  const fetched = new Set<PageCursor | undefined>();
  let remaining = limit;
  let cursor: PageCursor | undefined;
  let over = false;
  let largestTotal: number | undefined;
  return async () => {
    if (over || remaining <= 0) return undefined;
    fetched.add(cursor);
    const page = await fetchPage(cursor);
    if (pageSize !== undefined && page.items.length > pageSize) contradiction(listing, `answered ${page.items.length} items to a page of ${pageSize}`);
    if (page.total !== undefined) {
      if (!Number.isInteger(page.total) || page.total < 0) contradiction(listing, `gave ${String(page.total)} as its total`);
      largestTotal = Math.max(largestTotal ?? 0, page.total);
    }
    const fresh = idOf === undefined ? page.items : page.items.filter((item) => isNew(seen, idOf(item)));
    if (largestTotal !== undefined && seen.size > largestTotal) contradiction(listing, `listed ${seen.size} different items but says it holds ${largestTotal}`);
    const next = page.next;
    if (next === undefined || page.items.length === 0 || fresh.length === 0 || fetched.has(next)) over = true;
    else if (fetched.size >= pageBound(largestTotal, pageSize)) contradiction(listing, `offers more than the ${fetched.size} pages its total of ${largestTotal} items implies`);
    else cursor = next;
    const items = fresh.length <= remaining ? fresh : fresh.slice(0, remaining);
    remaining -= items.length;
    return items.length > 0 ? items : undefined;
  };
}

/** The most pages a listing of `total` items may take: the pages the total implies, plus one. */
function pageBound(total: number | undefined, pageSize: number | undefined): number {
  if (total === undefined) return Number.POSITIVE_INFINITY;
  return Math.ceil(total / Math.max(1, pageSize ?? 1)) + 1;
}

function isNew(seen: Set<string>, id: string | undefined): boolean {
  if (id === undefined) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}

function contradiction(listing: Pick<PagedListing<unknown>, 'action' | 'context'>, what: string): never {
  throw errorIn(listing.context ?? {}, { code: 'invalid-response', message: `the vendor's listing contradicts itself: ${listing.action ?? 'the listing'} ${what}` });
}

/** Yields the vendor's pages in order until the last one, or until `limit` items were yielded. */
export async function* pagesOf<T>(listing: PagedListing<T>, limit?: number): AsyncGenerator<T[]> {
  const next = pageWalk(listing, limit);
  for (let items = await next(); items !== undefined; items = await next()) yield [...items];
}

/** The first item any page holds that matches, fetching only as many pages as it takes. */
export async function findInPages<T>(listing: PagedListing<T>, matches: (item: T) => boolean): Promise<T | undefined> {
  const next = pageWalk(listing);
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
export async function collectPages<T>(listing: PagedListing<T>, limit?: number): Promise<T[]> {
  const next = pageWalk(listing, limit);
  const all: T[] = [];
  for (let items = await next(); items !== undefined; items = await next()) {
    for (const item of items) all.push(item);
  }
  return all;
}
