/**
 * The walk every paged listing takes (src/contract/paging.ts), against pages a vendor could send:
 * items repeated across pages, a page seen before, a cursor fetched before, an empty page, more
 * pages than the vendor's own total implies, and listings that contradict themselves.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectPages, findInPages } from '../src/contract/paging.js';
import type { Page, PagedListing } from '../src/contract/paging.js';
import { expectContactError } from './support/expect-contact-error.js';

interface Item {
  readonly id: string;
}

/** A listing over fixed pages by number, counting the fetches. */
function listing(pages: ReadonlyArray<Page<Item>>, pageSize = 2): PagedListing<Item> & { fetches: number } {
  const state = {
    fetches: 0,
    pageSize,
    idOf: (item: Item) => item.id,
    action: 'ListThings',
    context: { operation: 'list' },
    fetchPage: async (cursor: string | number | undefined) => {
      state.fetches += 1;
      return pages[typeof cursor === 'number' ? cursor : 0] ?? { items: [] };
    },
  };
  return state;
}

const items = (...ids: string[]): Item[] => ids.map((id) => ({ id }));

describe('pageWalk', () => {
  it('drops an item a page repeats (a listing that shifted while it was walked)', async () => {
    const list = listing([{ items: items('a', 'b'), next: 1, total: 4 }, { items: items('b', 'c'), next: 2, total: 4 }, { items: items('d'), total: 4 }]);
    expect((await collectPages(list)).map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ends on a page it has seen before, whatever total the vendor claims', async () => {
    const same = { items: items('a'), next: 1, total: 1_000_000 };
    const list = listing([same, { ...same, next: 2 }, { ...same, next: 3 }]);
    expect(await collectPages(list)).toEqual(items('a'));
    expect(list.fetches).toBe(2);
  });

  it('ends on a cursor it has fetched before, and on an empty page', async () => {
    const looping = listing([{ items: items('a'), next: 1 }, { items: items('b'), next: 1 }]);
    expect(await collectPages(looping)).toEqual(items('a', 'b'));
    expect(looping.fetches).toBe(2);
    const empty = listing([{ items: items('a'), next: 1, total: 10 }, { items: [], next: 2, total: 10 }]);
    expect(await collectPages(empty)).toEqual(items('a'));
    expect(empty.fetches).toBe(2);
  });

  it('fetches no more pages than the total implies plus one; a vendor offering more contradicts itself', async () => {
    // Total 4 in pages of 2: two pages, and a third in case the total grew; a fourth is not fetched.
    const pages = Array.from({ length: 10 }, (_, n) => ({ items: items(`x${n}a`, `x${n}b`), next: n + 1, total: 4 }));
    const list = listing(pages);
    const error = await expectContactError(collectPages(list), 'invalid-response');
    expect(error.message).toMatch(/ListThings/);
    expect(list.fetches).toBe(3);
  });

  it('a page larger than asked for, more items than the total, or a total that is no count is invalid-response', async () => {
    await expectContactError(collectPages(listing([{ items: items('a', 'b', 'c') }])), 'invalid-response');
    await expectContactError(collectPages(listing([{ items: items('a', 'b'), total: 1 }])), 'invalid-response');
    await expectContactError(collectPages(listing([{ items: items('a'), total: -1 }])), 'invalid-response');
    await expectContactError(collectPages(listing([{ items: items('a'), total: 1.5 }])), 'invalid-response');
  });

  it('a lookup fetches only the pages it needs', async () => {
    const list = listing([{ items: items('a', 'b'), next: 1, total: 6 }, { items: items('c', 'd'), next: 2, total: 6 }, { items: items('e', 'f'), total: 6 }]);
    expect(await findInPages(list, (item) => item.id === 'c')).toEqual({ id: 'c' });
    expect(list.fetches).toBe(2);
  });

  it('whatever pages a vendor sends: each id once, and at most the pages its total implies plus one', async () => {
    // Vendors state their total on every page (or on none); the ids and cursors are anything.
    const page = fc.record({ ids: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 3 }), next: fc.option(fc.nat(6), { nil: undefined }) });
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 7 }), fc.option(fc.nat(8), { nil: undefined }), async (raw, total) => {
        const pages = raw.map(({ ids, next }) => ({ items: items(...ids), next, total }));
        const list = listing(pages, 3);
        const outcome = await collectPages(list).then(
          (found) => ({ found }),
          (error: unknown) => ({ error }),
        );
        if (total !== undefined) expect(list.fetches).toBeLessThanOrEqual(Math.ceil(total / 3) + 1);
        expect(list.fetches).toBeLessThanOrEqual(pages.length + 1);
        if ('error' in outcome) {
          expect(outcome.error).toMatchObject({ code: 'invalid-response' });
          return;
        }
        const ids = outcome.found.map((item) => item.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: Number(process.env['PAGING_RUNS'] ?? 100) },
    );
  });
});
