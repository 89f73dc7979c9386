/**
 * `sleepUntil` ends at its deadline on the clock it is given, never before: a timer that fires
 * early (the event loop's cached clock lags the precise one) is followed by another for what is
 * left. The clock here is a counter the test advances, so nothing depends on this machine's speed.
 */
import { expect, it } from 'vitest';
import { sleepUntil } from '../src/transport/sleep.js';

it('wakes as often as it takes for the clock to reach the deadline, and no more', async () => {
  // Each reading of this clock has moved on by 4 ms only, as if each timer fired well ahead of time.
  const readings: number[] = [];
  let at = 0;
  const now = () => {
    readings.push(at);
    const reading = at;
    at += 4;
    return reading;
  };
  await sleepUntil(10, undefined, now);
  // Read at 0 (10 ms left: wait), 4 (6 left: wait), 8 (2 left: wait), 12: done.
  expect(readings).toEqual([0, 4, 8, 12]);
});

it('returns at once for a deadline already passed, and rejects with the reason of an aborted signal', async () => {
  let reads = 0;
  await sleepUntil(5, undefined, () => {
    reads += 1;
    return 5;
  });
  expect(reads).toBe(1);
  const controller = new AbortController();
  controller.abort(new Error('stopped'));
  await expect(sleepUntil(performance.now() + 60_000, controller.signal)).rejects.toThrow('stopped');
});
