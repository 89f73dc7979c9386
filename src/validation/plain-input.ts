import { errorIn } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';

const MAX_DEPTH = 8;

/**
 * A copy of caller input as plain data: objects and arrays copied through their own enumerable
 * keys, everything else as it is. Reading a Proxy or a throwing getter happens here, once, so the
 * checks that follow see data that cannot throw or change under them.
 *
 * @throws ContactError `invalid-input` naming `what` when reading the input throws.
 */
export function plainInput(value: unknown, what: string, context: ErrorContext): unknown {
  try {
    return copy(value, 0);
  } catch (error) {
    throw errorIn(context, {
      code: 'invalid-input',
      field: what,
      message: `field "${what}" could not be read (${error instanceof Error ? error.name : typeof error} while reading it): pass plain data`,
      issues: [{ path: what, code: 'unreadable', message: 'could not be read: pass plain data' }],
    });
  }
}

function copy(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return Array.from(value, (item: unknown) => copy(item, depth + 1));
  // Only plain objects are data; an AbortSignal, an Agent or a Date is handed on as it is.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], depth + 1);
  return out;
}
