import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isContactError } from '../src/errors/errors.js';
import type { Emulator } from '../src/testing/emulator-types.js';
import { FAULT_TARGETS } from './support/fault-targets.js';

// Names a vendor (or an emulator's fault) can send that are also properties of every object:
// looked up in a plain table they must find nothing, not Object.prototype's functions.
const CODES = ['constructor', 'toString', '__proto__', 'InvalidParameter.constructor', 'MissingParameter.toString', 'InvalidParameter.Name.constructor'];

describe.each(FAULT_TARGETS.map((target) => [target.id, target] as const))('%s: vendor codes named like Object.prototype properties', (_id, target) => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await target.start({ rateLimit: false });
  });
  afterAll(() => emulator.close());

  it.each(CODES)('%s becomes a ContactError keeping the code, with no field that is not a field name', async (code) => {
    const provider = target.provider(emulator, { maxRetries: 0 });
    emulator.failNext({ kind: 'vendor-error', code });
    const error: unknown = await provider.list().all().then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(isContactError(error)).toBe(true);
    if (!isContactError(error)) return;
    expect(error.field === undefined || typeof error.field === 'string').toBe(true);
    expect(error.vendor?.code).toBe(code);
  });
});
