import { ContactError } from '../errors/errors.js';
import { ownValue } from '../util/own-value.js';
import type { EmulatorFault } from './emulator-types.js';

/** A fault still waiting for its calls: `times` is how many it has left. */
type PendingFault = EmulatorFault & { readonly times: number };

interface QueuedFault {
  readonly fault: EmulatorFault;
  remaining: number;
}

/** What each fault kind needs besides `kind`, `action` and `times`: name → check of its value. */
const FAULT_FIELDS: Readonly<Record<EmulatorFault['kind'], Readonly<Record<string, (value: unknown) => boolean>>>> = {
  'vendor-error': {
    code: (value) => typeof value === 'string' && value !== '',
    httpStatus: (value) => value === undefined || isStatus(value),
    message: (value) => value === undefined || typeof value === 'string',
  },
  reset: {},
  hang: {},
  'reset-after-apply': {},
  'hang-after-apply': {},
  'http-status': { status: isStatus, body: (value) => value === undefined || typeof value === 'string' },
  'malformed-body': {},
  delay: { ms: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 },
};

function isStatus(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

/**
 * Checks a fault before it is queued, so a typo in a test fails loudly instead of injecting nothing.
 *
 * @throws ContactError `invalid-input` naming the bad part of the fault.
 */
function checkFault(fault: unknown): EmulatorFault {
  const problem = faultProblem(fault);
  if (problem !== undefined) throw new ContactError({ code: 'invalid-input', operation: 'failNext', field: 'fault', message: problem });
  return fault as EmulatorFault;
}

function faultProblem(fault: unknown): string | undefined {
  if (typeof fault !== 'object' || fault === null) return 'a fault must be an object such as { kind: "reset" }';
  const record = fault as Record<string, unknown>;
  const kind = record['kind'];
  const fields = typeof kind === 'string' ? ownValue(FAULT_FIELDS, kind) : undefined;
  if (fields === undefined) return `fault.kind must be one of ${Object.keys(FAULT_FIELDS).join(', ')}, not ${JSON.stringify(kind)}`;
  if (record['action'] !== undefined && (typeof record['action'] !== 'string' || record['action'] === '')) return 'fault.action must be a vendor action name';
  const times = record['times'];
  if (times !== undefined && !(typeof times === 'number' && Number.isInteger(times) && times >= 1)) return 'fault.times must be a whole number, 1 or more';
  for (const [name, check] of Object.entries(fields)) {
    if (!check(record[name])) return `fault.${name} is missing or invalid for a ${kind} fault`;
  }
  const unknown = Object.keys(record).filter((key) => !['kind', 'action', 'times', ...Object.keys(fields)].includes(key));
  return unknown.length === 0 ? undefined : `a ${kind} fault has no ${unknown.map((key) => `"${key}"`).join(', ')}`;
}

/** Faults waiting for their calls, matched in the order they were queued. */
export class FaultQueue {
  #queue: QueuedFault[] = [];

  /** Queues a fault for its next `times` matching calls. */
  add(fault: EmulatorFault): void {
    const checked = checkFault(fault);
    this.#queue.push({ fault: checked, remaining: checked.times ?? 1 });
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

  /** The faults still waiting, in order, each with the uses it has left. */
  pending(): PendingFault[] {
    return this.#queue.map(({ fault, remaining }) => ({ ...fault, times: remaining }));
  }
}
