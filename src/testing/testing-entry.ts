/**
 * The part of `cloud-contacts/testing` the CLI uses. The CLI loads that entry by package name
 * (the core never imports the emulators), so this is the one declaration of what it expects; a
 * type test checks the entry against it.
 */
import type { ProviderId } from '../model/contact.js';
import type { Emulator, EmulatorOptions } from './emulator-types.js';

/** A running emulator as the CLI sees it: ChatApp's also names its customer space. */
export type CliEmulator = Emulator & { readonly custSpaceId?: string };

/** What the CLI calls in `cloud-contacts/testing`. */
export interface TestingEntry {
  /** Starts one provider's emulator. */
  startEmulator(provider: ProviderId, options?: EmulatorOptions): Promise<CliEmulator>;
}
