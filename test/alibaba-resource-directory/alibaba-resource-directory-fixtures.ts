/**
 * Shared helpers of the Resource Directory tests: contact names (letters only), a provider and an
 * emulator wired together.
 */
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import type { AlibabaResourceDirectorySettings } from '../../providers/alibaba-resource-directory/index.js';
import type { EmulatorMap } from '../../providers/testing.js';

/** A number spelt in lower-case letters (0 → a, 25 → z, 26 → ba), for names that take no digits. */
export function lettersOf(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

/** The Resource Directory emulator with its hooks. */
export type RdEmulator = EmulatorMap['alibaba-resource-directory'];

/** A provider pointed at an emulator, without retries or a client-side rate limit unless asked. */
export function providerFor(emulator: RdEmulator, settings: AlibabaResourceDirectorySettings = {}) {
  return alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, ...settings });
}

/** A valid contact input. */
export function contactInput(name: string, extra: Record<string, unknown> = {}) {
  return { name, email: `${name.toLowerCase()}@example.com`, title: 'TechnicalDirector' as const, messageTypes: ['FaultMessage' as const], ...extra };
}
