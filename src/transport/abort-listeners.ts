/**
 * One `abort` listener per signal, however many calls wait on it: a service that passes one
 * shutdown signal to a thousand concurrent calls must not trip Node's MaxListenersExceededWarning.
 */

const callbacks = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Runs `callback` once when `signal` aborts (at once, on a later tick, if it already has) and
 * returns the function that cancels that. Without a signal it does nothing.
 */
export function onAbort(signal: AbortSignal | undefined, callback: () => void): () => void {
  if (signal === undefined) return () => undefined;
  if (signal.aborted) {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) callback();
    });
    return () => {
      cancelled = true;
    };
  }
  let set = callbacks.get(signal);
  if (set === undefined) {
    const fresh = new Set<() => void>();
    set = fresh;
    callbacks.set(signal, fresh);
    signal.addEventListener(
      'abort',
      () => {
        callbacks.delete(signal);
        for (const run of [...fresh]) run();
      },
      { once: true },
    );
  }
  const entry = (): void => callback();
  set.add(entry);
  return () => {
    set.delete(entry);
  };
}
