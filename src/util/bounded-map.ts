/**
 * Maps a list with at most `limit` calls in flight, each item started as soon as a slot frees;
 * resolves to the results in the list's order. `work` must not reject (sync's work reports its
 * failures as results), so one item never stops the others.
 */
export async function boundedMap<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
