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
