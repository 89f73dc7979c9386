/**
 * "Did you mean …?": the known word closest to a misspelt one, for messages about a roster
 * field, a provider id or a command-line option.
 */

/**
 * The candidate closest to `word` by edit distance (case ignored), when it is close enough to be
 * a slip of the keyboard: at most a third of the word's length, and at least 1. A candidate that
 * starts with the word (`--detail` for `--detailed-exitcode`) counts as close.
 *
 * @example
 * ```ts
 * didYouMean('titel', ['name', 'title', 'email']); // 'title'
 * didYouMean('colour', ['name', 'title']);        // undefined
 * ```
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const distance = lower.length >= 3 && other.startsWith(lower) ? 1 : editDistance(lower, other);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(1, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

/** The text a message appends: ` (did you mean "title"?)`, or nothing. */
export function didYouMeanNote(word: string, candidates: Iterable<string>, quote = (text: string) => `"${text}"`): string {
  const guess = didYouMean(word, candidates);
  return guess === undefined ? '' : ` (did you mean ${quote(guess)}?)`;
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit (`tilte` → `title`). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
