/**
 * Whatever a caller passes, from plain JavaScript or the REPL, every public method of every
 * provider resolves or rejects with a ContactError: never a synchronous throw, never another
 * exception, not for Proxies, throwing getters, cycles or values of the wrong type.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Contact } from '../src/model/contact.js';
import { isContactError } from '../src/errors/errors.js';
import type { ContactProvider } from '../src/contract/provider.js';
import type { Emulator } from '../src/testing/emulator-types.js';
import { FAULT_TARGETS } from './support/fault-targets.js';

const hostile = fc.constantFrom<unknown>(
  new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getPrototypeOf: () => { throw new Error('trap'); } }),
  Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new RangeError('getter'); } }),
  (() => { const cycle: Record<string, unknown> = { name: 'cycle' }; cycle['self'] = cycle; return cycle; })(),
  Object.create(null) as unknown,
  new Date(),
  Symbol('s'),
  () => 'fn',
  10n,
  new AbortController().signal,
);
const value = fc.oneof(fc.anything({ maxDepth: 3 }), hostile);

for (const target of FAULT_TARGETS) {
  describe(`any input: ${target.id}`, () => {
    let emulator: Emulator;
    let provider: ContactProvider<Contact<object>>;
    beforeAll(async () => {
      emulator = await target.start({ rateLimit: false });
      provider = target.provider(emulator, { rateLimit: false, maxRetries: 0, timeoutMs: 2000 });
    });
    afterAll(async () => {
      await emulator.close();
    });

    it('every method resolves or rejects with a ContactError, whatever it is given (property)', async () => {
      const methods: Array<(a: unknown, b: unknown, c: unknown) => Promise<unknown>> = [
        (a, b) => provider.create(a as never, b as never),
        (a, b) => provider.get(a as never, b as never),
        (a, b, c) => provider.update(a as never, b as never, c as never),
        (a, b) => provider.delete(a as never, b as never),
        (a, b) => provider.list(a as never, b as never).all(),
        (a, b) => provider.findByName(a as never, b as never),
        (a, b, c) => provider.sendVerification(a as never, b as never, c as never),
      ];
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: methods.length - 1 }), value, value, value, async (index, a, b, c) => {
          let promise: Promise<unknown>;
          try {
            promise = methods[index]!(a, b, c);
          } catch (error) {
            throw new Error(`method ${index} threw synchronously: ${String(error)}`);
          }
          const outcome = await promise.then(() => undefined, (error: unknown) => error);
          if (outcome !== undefined && !isContactError(outcome)) throw new Error(`method ${index} rejected with ${String(outcome)}`);
        }),
        { numRuns: 300 },
      );
    });
  });
}
