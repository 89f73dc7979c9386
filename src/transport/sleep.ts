import { onAbort } from './abort-listeners.js';

/**
 * Waits `ms` milliseconds; rejects with the signal's reason as soon as it aborts, and leaves no
 * timer or listener behind either way.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const detach = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal?.reason);
    });
    const timer = setTimeout(() => {
      detach();
      resolve();
    }, Math.max(0, ms));
  });
}

/**
 * Waits until `deadline` on the `now` clock (`performance.now()` by default). A timer counts from
 * the event loop's cached clock, in whole milliseconds, and that clock may be a coarse one a few
 * milliseconds behind: a plain `sleep` can end before its time by that much, so this checks the
 * clock on waking and waits out what is left.
 */
export async function sleepUntil(deadline: number, signal?: AbortSignal, now: () => number = () => performance.now()): Promise<void> {
  for (let left = deadline - now(); left > 0; left = deadline - now()) await sleep(Math.ceil(left), signal);
}
