/**
 * One attempt in flight: its timeout and the caller's cancel stop it. Stopping rejects the race
 * in {@link AttemptControl.run} at once, whatever the sender does, and tells the sender to stop.
 */
import type { Attempt } from './call-scope.js';

/** Why an attempt's signal aborted: its own time ran out. */
export const ATTEMPT_TIMEOUT = Symbol('attempt timeout');
/** Why an attempt's signal aborted: the caller's signal fired. */
export const CALLER_ABORT = Symbol('caller abort');

/**
 * The control of one attempt. The AbortSignal is made only for senders that read it: most calls
 * never need one, and a signal with a listener costs more than a callback in a list.
 */
export class AttemptControl implements Attempt {
  readonly number: number;
  readonly timeoutMs: number;
  #controller: AbortController | undefined;
  #callbacks: Array<() => void> | undefined;
  #reject: ((reason: unknown) => void) | undefined;
  /** Why the attempt was stopped, once it was. */
  reason: symbol | undefined;

  constructor(number: number, timeoutMs: number) {
    this.number = number;
    this.timeoutMs = timeoutMs;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.reason !== undefined) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  onAbort(callback: () => void): () => void {
    if (this.reason !== undefined) {
      queueMicrotask(callback);
      return () => undefined;
    }
    (this.#callbacks ??= []).push(callback);
    return () => {
      const index = this.#callbacks?.indexOf(callback) ?? -1;
      if (index >= 0) this.#callbacks!.splice(index, 1);
    };
  }

  /** Settles with the send, or rejects as soon as the attempt is stopped. */
  run<T>(sending: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.reason !== undefined) reject(this.reason);
      this.#reject = reject;
      // Once stopped, the race is lost: the send's own outcome, later, settles nothing.
      sending.then(resolve, reject);
    });
  }

  /** Stops the attempt (once): aborts its signal, runs its callbacks and loses the race. */
  stop(reason: symbol): void {
    if (this.reason !== undefined) return;
    this.reason = reason;
    this.#controller?.abort(reason);
    for (const callback of this.#callbacks?.splice(0) ?? []) callback();
    this.#reject?.(reason);
  }
}
