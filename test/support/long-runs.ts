/**
 * Long runs are opt-in: `npm test` keeps each load and property run to a size that still proves
 * its point and finishes in seconds on a busy two-core machine; `LONG_TESTS=1 npm test` runs the
 * long sizes (more requests, more windows, more generated cases) before a release or after a
 * change to pacing, retries or the emulators.
 */
export const LONG_TESTS = process.env['LONG_TESTS'] === '1';

/** `short` in the default run, `long` when `LONG_TESTS=1`. */
export function sized(short: number, long: number): number {
  return LONG_TESTS ? long : short;
}
