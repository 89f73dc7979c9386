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
 * Settles with `promise`, or rejects with the signal's reason when it aborts first. The losing
 * promise's rejection is absorbed so it cannot surface as an unhandled rejection later.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const detach = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        detach();
        resolve(value);
      },
      (error: unknown) => {
        detach();
        reject(error);
      },
    );
  });
}
