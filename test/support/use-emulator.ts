/**
 * One emulator per test file: started before the file's tests, reset before each test, closed
 * after them. Returns a stand-in that forwards to the running emulator, so tests read
 * `emulator.endpoint` as they would with a plain variable.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { ProviderId } from '../../src/model/contact.js';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap, EmulatorOptions } from '../../providers/testing.js';

export function useEmulator<P extends ProviderId>(provider: P, options: EmulatorOptions = { rateLimit: false }): EmulatorMap[P] {
  let current: EmulatorMap[P] | undefined;
  beforeAll(async () => {
    current = await startEmulator(provider, options);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => current?.reset());
  return new Proxy({} as EmulatorMap[P], {
    get(_target, key) {
      if (current === undefined) throw new Error(`the ${provider} emulator is used outside a test`);
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
