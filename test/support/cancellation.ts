/**
 * Cancellation that cancels: an abort while an attempt is on the wire destroys its socket at
 * once (the emulator's end of it closes too), and says whether a change may have been made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ProviderId } from '../../src/model/contact.js';
import type { ContactProvider } from '../../src/contract/provider.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { expectContactError } from './expect-contact-error.js';
import { FAULT_TARGETS } from './fault-targets.js';

const sockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

export function runCancellationTests(id: ProviderId): void {
  const target = FAULT_TARGETS.find((candidate) => candidate.id === id)!;
  describe(`cancellation: ${id}`, () => {
    let emulator: Emulator;
    let provider: ContactProvider<Contact<object>>;
    beforeAll(async () => {
      emulator = await target.start({ rateLimit: false });
      // A long attempt timeout: only the abort can end these calls.
      provider = target.provider(emulator, { rateLimit: false, maxRetries: 0, timeoutMs: 60_000 });
    });
    afterAll(async () => {
      await emulator.close();
    });

    it.each(['get', 'create'] as const)('an abort during %s destroys the socket at once and says what was sent', async (op) => {
      emulator.reset();
      const seeded = await provider.create(target.input(1));
      await settle();
      const before = sockets();
      emulator.failNext({ kind: op === 'create' ? 'hang-after-apply' : 'hang', action: target.actions[op]! });
      const controller = new AbortController();
      const call = op === 'get' ? provider.get(seeded.id, { signal: controller.signal }) : provider.create(target.input(2), { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(emulator.requests.at(-1)?.action).toBe(target.actions[op]);
      controller.abort();
      const error = await expectContactError(call, 'timeout');
      expect(error.retryable).toBe(false);
      if (op === 'create') expect(error.message).toMatch(/was in flight, so the change may or may not have been made/);
      await settle();
      expect(sockets()).toBeLessThanOrEqual(before);
    });
  });
}
