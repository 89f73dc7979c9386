/**
 * Shared helpers of the ChatApp tests: distinct valid numbers, a provider and an emulator wired
 * together (in the emulator's customer space).
 */
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import type { AlibabaChatAppSettings } from '../../providers/alibaba-chatapp/index.js';
import type { EmulatorMap } from '../../providers/testing.js';
import type { Emulator } from '../../src/testing/emulator-types.js';

/** The ChatApp emulator with its hooks. */
export type ChatAppEmulator = EmulatorMap['alibaba-chatapp'];

/** A mainland China mobile number in E.164, different for each n below 10^8. */
export function phoneOf(n: number): string {
  return `+86138${String(n).padStart(8, '0')}`;
}

/** The id of that number: as the vendor writes it. */
export function idOf(n: number): string {
  return phoneOf(n).slice(1);
}

/** A valid input for `create`, with a profile email. */
export function numberInput(n: number, email = `support${n}@acme.example`) {
  return { name: `Acme Support ${n}`, phone: phoneOf(n), email };
}

/** A provider pointed at an emulator's customer space, without retries or a client-side rate limit unless asked. */
export function providerFor(emulator: Emulator, settings: AlibabaChatAppSettings = {}) {
  return alibabaChatApp({
    endpoint: emulator.endpoint,
    credentials: emulator.credentials,
    custSpaceId: (emulator as ChatAppEmulator).custSpaceId,
    maxRetries: 0,
    rateLimit: false,
    ...settings,
  });
}
