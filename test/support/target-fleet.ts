/**
 * A fleet of targets, as an organisation with many accounts has: several emulators per provider,
 * each its own account (its own endpoint; CAM's daily create quota raised, as the account's own
 * `quotas` setting says), and a roster of people and WhatsApp desk numbers for all of them. The
 * 20-target proof runs it through the API and the CLI; `bench/targets.mjs` times it.
 */
import type { ProviderId } from '../../src/model/contact.js';
import { PROVIDER_IDS } from '../../src/model/contact.js';
import type { DesiredContact } from '../../src/sync/sync-types.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { startEmulator } from '../../providers/testing.js';
import { lettersOf } from '../alibaba-resource-directory/alibaba-resource-directory-fixtures.js';
import { phoneOf } from '../alibaba-chatapp/alibaba-chatapp-fixtures.js';

/** One target of the fleet: its name, provider, emulator, and the settings (no keys) that reach it. */
export interface FleetTarget {
  readonly name: string;
  readonly provider: ProviderId;
  readonly emulator: Emulator;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** The fleet, and how to stop it. */
export interface Fleet {
  readonly targets: readonly FleetTarget[];
  close(): Promise<void>;
}

/** What each provider's emulator needs raised, and the settings beyond its endpoint a target gives. */
const PER_PROVIDER: Readonly<Record<ProviderId, { readonly quotas?: Record<string, number>; readonly settings: (emulator: Emulator) => Record<string, unknown> }>> = {
  'tencent-cam': { quotas: { createsPerDay: 1000, receivers: 1000 }, settings: () => ({ quotas: { createsPerDay: 1000 } }) },
  'alibaba-resource-directory': { quotas: { contacts: 1000 }, settings: () => ({}) },
  'volcengine-vmp': { settings: () => ({}) },
  'alibaba-chatapp': { quotas: { numbers: 1000 }, settings: (emulator) => ({ custSpaceId: (emulator as Emulator & { custSpaceId: string }).custSpaceId }) },
};

/** Short names of the targets: `cam-1`, `rd-1`, `vmp-1`, `wa-1`. */
const SHORT: Readonly<Record<ProviderId, string>> = { 'tencent-cam': 'cam', 'alibaba-resource-directory': 'rd', 'volcengine-vmp': 'vmp', 'alibaba-chatapp': 'wa' };

/**
 * Starts `perProvider` emulators of every provider, each its own account, enforcing the vendor's
 * documented rate limits unless `rateLimit` says otherwise.
 */
export async function startFleet(perProvider: number, options: { readonly rateLimit?: number | false } = {}): Promise<Fleet> {
  const targets: FleetTarget[] = [];
  const close = async (): Promise<void> => void (await Promise.all(targets.map((target) => target.emulator.close())));
  try {
    for (const provider of PROVIDER_IDS) {
      for (let index = 1; index <= perProvider; index += 1) {
        const spec = PER_PROVIDER[provider];
        // Both Alibaba products read the same environment variables: one set of keys for both, as the CLI runs them.
        const alibaba = provider === 'alibaba-chatapp' ? targets.find((target) => target.provider === 'alibaba-resource-directory')?.emulator.credentials : undefined;
        const emulator = await startEmulator(provider, {
          ...(spec.quotas === undefined ? {} : { quotas: spec.quotas }),
          ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
          ...(alibaba === undefined ? {} : { credentials: alibaba }),
        });
        targets.push({ name: `${SHORT[provider]}-${index}`, provider, emulator, settings: { endpoint: emulator.endpoint, ...spec.settings(emulator) } });
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { targets, close };
}

/**
 * The roster's contacts: `people` on-call people for CAM, Resource Directory and VMP (Resource
 * Directory's names are letters only), and `desks` WhatsApp desk numbers, which ChatApp takes.
 */
export function fleetContacts(people: number, desks: number): DesiredContact[] {
  const persons = Array.from({ length: people }, (_, n) => ({
    name: `oncall-${n}`,
    email: `person${n}@example.com`,
    phone: phoneOf(n),
    title: 'TechnicalDirector' as const,
    messageTypes: ['FaultMessage' as const],
    only: ['tencent-cam', 'alibaba-resource-directory', 'volcengine-vmp'],
    providers: { 'alibaba-resource-directory': { name: `Oncall${lettersOf(n)}` } },
  }));
  const numbers = Array.from({ length: desks }, (_, n) => ({ name: `Support Desk ${n}`, phone: phoneOf(10_000 + n), only: ['alibaba-chatapp'] }));
  return [...persons, ...numbers];
}

/** The fleet as a roster file's `targets:` block, one line per target (endpoints and non-secret settings only). */
export function fleetTargetsYaml(fleet: Fleet): string {
  return `targets:\n${fleet.targets.map((target) => `  ${target.name}: ${JSON.stringify({ provider: target.provider, ...target.settings })}\n`).join('')}`;
}
