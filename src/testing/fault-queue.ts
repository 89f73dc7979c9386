import type { EmulatorFault } from './emulator-types.js';

interface QueuedFault {
  readonly fault: EmulatorFault;
  remaining: number;
}

/** Faults waiting for their calls, matched in the order they were queued. */
export class FaultQueue {
  #queue: QueuedFault[] = [];

  /** Queues a fault for its next `times` matching calls. */
  add(fault: EmulatorFault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('fault.times must be a positive whole number');
    this.#queue.push({ fault, remaining: times });
  }

  /** Takes the first fault matching this action, using up one of its times. */
  take(action: string): EmulatorFault | undefined {
    const entry = this.#queue.find((queued) => queued.fault.action === undefined || queued.fault.action === action);
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.#queue = this.#queue.filter((queued) => queued !== entry);
    return entry.fault;
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#queue = [];
  }
}
