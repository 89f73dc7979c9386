/**
 * Model-based property tests of sync over one provider's emulator (fast-check commands): random
 * accounts made by hand (names near the roster's prefix, duplicates of a name, values the vendor
 * masks), random rosters synced with or without prune, random faults injected mid-apply, the
 * same roster synced again, and another roster after it. After every apply the rules of
 * DESIGN section 7 are checked against what the emulator holds before and after:
 * - no contact is deleted that a roster entry names for the provider, or that `managed` does not
 *   own, and nothing at all without `prune` (a replace excepted: it recreates what it deletes, and
 *   when it cannot, its result says how to restore the old contact);
 * - nothing is created that the roster did not ask for, and no key gets a second contact;
 * - no more deletes than the deletion guard allows;
 * - every entry has exactly one result;
 * - no secret in any printed or serialised plan or report (JSON, util.inspect, the CLI's text);
 * - after a fault-free apply, planning the same roster again finds nothing to change.
 *
 * `SYNC_PROPERTY_RUNS` sets the runs per provider (default 25, a few seconds each); a long run
 * sets it to hundreds.
 */
import { inspect } from 'node:util';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact, ContactInput, ProviderId } from '../../src/model/contact.js';
import { applySync, planSync } from '../../src/index.js';
import type { DeletionGuard, DesiredContact, ManagedContacts, SyncPlan, SyncProvider, SyncReport } from '../../src/index.js';
import { renderPlan, renderReport } from '../../src/cli/cli-sync-output.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { startEmulator } from '../../providers/testing.js';
import { tencentCam } from '../../providers/tencent-cam/index.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';

const RUNS = Number(process.env['SYNC_PROPERTY_RUNS'] ?? 25);

/** What the properties need of one provider: its emulator, contacts drawn from small pools so that they collide. */
interface PropertyTarget {
  readonly id: ProviderId;
  start(): Promise<Emulator>;
  provider(emulator: Emulator): SyncProvider;
  /** Names to draw from: owned ones, hand-made ones near the prefix, strangers. */
  readonly names: readonly string[];
  /** The prefix the roster manages by (names it cannot own by prefix are owned through `names`). */
  readonly prefix: string;
  /** A contact of a name, its other fields drawn from small sets by `variant`. */
  contact(name: string, variant: readonly number[]): ContactInput;
  /** Whether contacts are keyed by phone (ChatApp) rather than by name. */
  readonly keyedByPhone?: boolean;
  /** The vendor actions that change something: where faults go. */
  readonly mutating: readonly string[];
  /** Vendor codes to inject: one that refuses (not retryable), one that throttles. */
  readonly codes: readonly string[];
}

const pick = <T>(values: readonly T[], index: number | undefined): T => values[(index ?? 0) % values.length]!;
const SECRETS = ['LARKSECRETone', 'LARKSECRETtwo', 'TOKENgenericA', 'TOKENgenericB'];

const TARGETS: Readonly<Record<ProviderId, PropertyTarget>> = {
  'tencent-cam': {
    id: 'tencent-cam',
    start: () => startEmulator('tencent-cam', { rateLimit: false, quotas: { createsPerDay: 1_000_000, receivers: 1_000_000 } }),
    provider: (emulator) => tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false, maxRetries: 0, quotas: { createsPerDay: 1_000_000 } }),
    names: ['Oncall-a', 'Oncall-b', 'Oncall.c', 'OncallMgr', 'Oncaller', 'Oncall', 'Other-e'],
    prefix: 'Oncall',
    // alice@ and alice.new@ share CAM's mask, and so do the first two phones.
    contact: (name, [email, phone, remark] = []) => ({
      name,
      email: pick(['alice@example.com', 'alice.new@example.com', 'bob@example.com'], email),
      phone: pick(['+8613900001234', '+8613955551234', '+8613700009999'], phone),
      ...(pick([0, 1, 2], remark) === 0 ? {} : { remark: pick(['', 'primary', 'backup'], remark) }),
    }),
    mutating: ['CreateMessageReceiver', 'DeleteMessageReceiver'],
    codes: ['AuthFailure.SignatureFailure', 'RequestLimitExceeded'],
  },
  'alibaba-resource-directory': {
    id: 'alibaba-resource-directory',
    start: () => startEmulator('alibaba-resource-directory', { rateLimit: false, quotas: { contacts: 1_000_000 } }),
    provider: (emulator) => alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false, maxRetries: 0 }),
    // Letters only: the prefix owns none of them, managed.names does.
    names: ['OncallA', 'OncallB', 'OncallC', 'OncallMgr', 'Oncaller', 'Oncall', 'Otherx'],
    prefix: 'Oncall',
    contact: (name, [email, title, phone] = []) => ({
      name,
      email: pick(['a@example.com', 'b@example.com', 'c@example.com'], email),
      title: pick(['TechnicalDirector', 'CEO', 'Other'] as const, title),
      messageTypes: ['FaultMessage'],
      // No phone is a replace (Resource Directory cannot clear one); a Hong Kong one is refused.
      ...(pick([0, 1, 2, 3], phone) === 0 ? {} : { phone: pick(['', '+8613900001234', '+8613900005678', '+85291234567'], phone) }),
    }),
    mutating: ['AddMessageContact', 'UpdateMessageContact', 'DeleteMessageContact'],
    codes: ['SignatureDoesNotMatch', 'Throttling.User'],
  },
  'volcengine-vmp': {
    id: 'volcengine-vmp',
    start: () => startEmulator('volcengine-vmp', { rateLimit: false }),
    provider: (emulator) => volcengineVmp({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false, maxRetries: 0 }),
    names: ['Oncall-a', 'Oncall-b', 'Oncall_c', 'OncallMgr', 'Oncaller', 'Oncall', 'Other-e'],
    prefix: 'Oncall',
    contact: (name, [email, lark, generic] = []) => ({
      name,
      ...(pick([0, 1, 2], email) === 0 ? {} : { email: pick(['', 'a@example.com', 'b@example.com'], email) }),
      webhooks: {
        lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', secret: pick(SECRETS.slice(0, 2), lark) },
        ...(pick([0, 1, 2], generic) === 0 ? {} : { generic: { url: 'https://hooks.example.com/a', token: pick(SECRETS.slice(2), generic) } }),
      },
    }),
    mutating: ['CreateContact', 'UpdateContact', 'DeleteContacts'],
    codes: ['SignatureDoesNotMatch', 'FlowLimitExceeded'],
  },
  'alibaba-chatapp': {
    id: 'alibaba-chatapp',
    start: () => startEmulator('alibaba-chatapp', { rateLimit: false, quotas: { numbers: 1_000_000 } }),
    provider: (emulator) =>
      alibabaChatApp({ endpoint: emulator.endpoint, credentials: emulator.credentials, custSpaceId: (emulator as unknown as { custSpaceId: string }).custSpaceId, rateLimit: false, maxRetries: 0 }),
    // Numbers share display names: a name is not a key here.
    names: ['Oncall Desk', 'Oncall-Sales', 'OncallMgr', 'Other Line'],
    prefix: 'Oncall',
    contact: (name, [phone, email] = []) => ({
      name,
      phone: pick(['+8613800001234', '+8613800005678', '+6581234567', '+6581234568'], phone),
      ...(pick([0, 1, 2], email) === 0 ? {} : { email: pick(['', 'help@acme.example', 'desk@acme.example'], email) }),
    }),
    keyedByPhone: true,
    mutating: ['AddChatappPhoneNumber', 'ModifyPhoneBusinessProfile', 'ChatappPhoneNumberDeregister'],
    codes: ['SignatureDoesNotMatch', 'System.LimitControl'],
  },
};

/** A roster, and how it is synced. */
interface SyncSpec {
  readonly desired: readonly DesiredContact[];
  readonly prune: boolean;
  readonly managed: ManagedContacts;
  readonly guard?: DeletionGuard;
}

/** A fault for the apply: a vendor error, a reset before the vendor acts, or the answer lost after it did. */
type FaultSpec = { readonly kind: 'vendor-error' | 'reset' | 'reset-after-apply'; readonly action: number; readonly code: number; readonly times: number };

function specArbitrary(target: PropertyTarget): fc.Arbitrary<SyncSpec> {
  const variant = fc.array(fc.nat(5), { minLength: 3, maxLength: 3 });
  const entry = fc.record({
    name: fc.constantFrom(...target.names),
    variant,
    // An entry the provider refuses still names its contact: an address no provider takes (one in eight).
    refused: fc.nat(7).map((value) => value === 0),
    // ChatApp takes only entries that name it: most do.
    names: fc.nat(3),
  });
  return fc.record({
    entries: fc.array(entry, { maxLength: 5 }),
    prune: fc.boolean(),
    owned: fc.subarray([...target.names]),
    usePrefix: fc.boolean(),
    guard: fc.option(fc.record({ maxCount: fc.nat(4), maxShare: fc.constantFrom(0.3, 0.5, 1) }), { nil: undefined }),
  }).map(({ entries, prune, owned, usePrefix, guard }) => ({
    desired: entries.map(({ name, variant: values, refused, names }) => {
      const contact: DesiredContact = { ...target.contact(name, values), ...(refused ? { email: 'not-an-email' } : {}) };
      return target.keyedByPhone === true && names === 0 ? contact : { ...contact, ...(names === 1 && target.keyedByPhone === true ? { providers: { [target.id]: {} } } : { only: [target.id] }) };
    }),
    prune,
    managed: { ...(usePrefix ? { prefix: target.prefix } : {}), ...(owned.length === 0 && usePrefix ? {} : { names: owned.length === 0 ? ['Nobody'] : owned }) },
    ...(guard === undefined ? {} : { guard }),
  }));
}

const faultArbitrary = (target: PropertyTarget): fc.Arbitrary<FaultSpec[]> =>
  fc.array(
    fc.record({ kind: fc.constantFrom('vendor-error' as const, 'reset' as const, 'reset-after-apply' as const), action: fc.nat(target.mutating.length - 1), code: fc.nat(1), times: fc.integer({ min: 1, max: 2 }) }),
    { maxLength: 2 },
  );

/** What the emulator holds, read through the provider. */
async function snapshot(provider: SyncProvider): Promise<Array<Contact<object>>> {
  return provider.list().all();
}

/** The rule of ownership, restated here so that the tests do not lean on the code they test. */
function ownedBy(managed: ManagedContacts, name: string): boolean {
  if (managed.names?.includes(name) === true) return true;
  const prefix = managed.prefix;
  if (prefix === undefined || name.length <= prefix.length || !name.startsWith(prefix)) return false;
  const separator = /[^\p{L}\p{N}]/u;
  return separator.test(prefix.slice(-1)) || separator.test(name.charAt(prefix.length));
}

const digits = (phone: string | undefined): string | undefined => (phone === undefined || phone === '' ? undefined : phone.replace(/\D/g, ''));

/** The names (and numbers) the roster's entries aimed at this provider give it, whatever became of them. */
function namedBy(target: PropertyTarget, desired: readonly DesiredContact[]): { names: Set<string>; phones: Set<string> } {
  const aimed = desired.filter((entry) => (entry.only === undefined ? target.keyedByPhone !== true || entry.providers?.[target.id] !== undefined : entry.only.includes(target.id)));
  return { names: new Set(aimed.map((entry) => entry.name)), phones: new Set(aimed.map((entry) => digits(entry.phone)).filter((phone): phone is string => phone !== undefined)) };
}

/** The checks after one apply. */
function checkApply(target: PropertyTarget, spec: SyncSpec, plan: SyncPlan, report: SyncReport, before: readonly Contact<object>[], after: readonly Contact<object>[], secrets: readonly string[]): void {
  const entries = plan.providers.flatMap((provider) => provider.entries);
  // Every entry has exactly one result, in the plan's order.
  expect(report.results.map((result) => [result.kind, result.name])).toEqual([...(plan.providers[0]!.error === undefined ? [] : [['skip', '*']]), ...entries.map((entry) => [entry.kind, entry.name])]);
  const named = namedBy(target, spec.desired);
  const isNamed = (contact: Contact<object>): boolean => named.names.has(contact.name) || (target.keyedByPhone === true && named.phones.has(digits(contact.phone) ?? ''));
  const afterIds = new Set(after.map((contact) => contact.id));
  const replaced = (contact: Contact<object>) => report.results.find((result) => result.kind === 'replace' && result.name === contact.name);
  let pruned = 0;
  for (const contact of before) {
    if (afterIds.has(contact.id)) continue;
    const replace = replaced(contact);
    if (replace !== undefined) {
      // A replace recreates what it deletes, or says how to restore it.
      if (replace.status === 'done') expect(after.some((other) => other.name === contact.name), `${contact.name} was replaced`).toBe(true);
      else expect(replace.restore, `${contact.name}: a failed replace holds its restore`).toBeDefined();
      continue;
    }
    expect(spec.prune, `${contact.name} was deleted without prune`).toBe(true);
    expect(isNamed(contact), `${contact.name} was deleted though the roster names it`).toBe(false);
    expect(ownedBy(spec.managed, contact.name), `${contact.name} was deleted though the roster does not own it`).toBe(true);
    pruned += 1;
  }
  expect(pruned, 'deletes within the deletion guard').toBeLessThanOrEqual(spec.guard?.maxCount ?? 10);
  // Nothing created that the roster did not ask for, and no key with a second contact.
  const beforeIds = new Set(before.map((contact) => contact.id));
  for (const contact of after.filter((candidate) => !beforeIds.has(candidate.id))) expect(isNamed(contact), `${contact.name} was created though no entry names it`).toBe(true);
  const keyOf = (contact: Contact<object>) => (target.keyedByPhone === true ? (digits(contact.phone) ?? contact.id) : contact.name);
  const counts = (contacts: readonly Contact<object>[]) => contacts.reduce((map, contact) => map.set(keyOf(contact), (map.get(keyOf(contact)) ?? 0) + 1), new Map<string, number>());
  const beforeCounts = counts(before);
  for (const [key, count] of counts(after)) expect(count, `contacts under ${key}`).toBeLessThanOrEqual(Math.max(1, beforeCounts.get(key) ?? 0));
  // No secret in anything printed or serialised.
  const printed = [JSON.stringify(plan), inspect(plan, { depth: 30 }), JSON.stringify(report), inspect(report, { depth: 30 }), renderPlan(plan), renderReport(report)].join('\n');
  for (const secret of secrets) expect(printed.includes(secret), `a secret in the printed plan or report`).toBe(false);
}

/** Runs the model-based properties against one provider's emulator. */
export function runSyncProperties(id: ProviderId): void {
  const target = TARGETS[id];
  describe(`sync properties: ${id}`, () => {
    let emulator: Emulator;
    let provider: SyncProvider;
    beforeAll(async () => {
      emulator = await target.start();
      provider = target.provider(emulator);
    });
    afterAll(async () => {
      await emulator.close();
    });

    interface Model {
      last?: SyncSpec;
    }
    interface Real {
      readonly secrets: string[];
    }
    const sync = async (spec: SyncSpec, faults: readonly FaultSpec[], real: Real): Promise<SyncPlan> => {
      const before = await snapshot(provider);
      const plan = await planSync({ desired: spec.desired, providers: [provider], prune: spec.prune, managed: spec.managed, ...(spec.guard === undefined ? {} : { deletionGuard: spec.guard }) });
      for (const fault of faults) {
        const action = pick(target.mutating, fault.action);
        if (fault.kind === 'vendor-error') emulator.failNext({ kind: 'vendor-error', code: pick(target.codes, fault.code), action, times: fault.times });
        else emulator.failNext({ kind: fault.kind, action, times: fault.times });
      }
      const report = await applySync(plan, { concurrency: 2 });
      emulator.clearFaults();
      checkApply(target, spec, plan, report, before, await snapshot(provider), real.secrets);
      return plan;
    };

    class HandMade implements fc.AsyncCommand<Model, Real> {
      constructor(readonly name: string, readonly variant: number[]) {}
      check = (): boolean => true;
      async run(_model: Model, real: Real): Promise<void> {
        const input = target.contact(this.name, this.variant);
        // A name (or number) already taken is refused by the vendor, as it would be by hand.
        await provider.create(input).catch(() => undefined);
        real.secrets.push(...secretsOf(input));
      }
      toString = (): string => `handMade(${this.name}, ${this.variant.join('/')})`;
    }

    class Sync implements fc.AsyncCommand<Model, Real> {
      constructor(readonly spec: SyncSpec, readonly faults: FaultSpec[]) {}
      check = (): boolean => true;
      async run(model: Model, real: Real): Promise<void> {
        real.secrets.push(...this.spec.desired.flatMap(secretsOf));
        await sync(this.spec, this.faults, real);
        model.last = this.spec;
      }
      toString = (): string => `sync(${JSON.stringify(this.spec)}, faults ${JSON.stringify(this.faults)})`;
    }

    class Again implements fc.AsyncCommand<Model, Real> {
      check = (model: Readonly<Model>): boolean => model.last !== undefined;
      async run(model: Model, real: Real): Promise<void> {
        // A fault-free apply finishes what failed; after it, nothing is left to change.
        await sync(model.last!, [], real);
        const plan = await planSync({ desired: model.last!.desired, providers: [provider], prune: model.last!.prune, managed: model.last!.managed, ...(model.last!.guard === undefined ? {} : { deletionGuard: model.last!.guard }) });
        const changes = plan.providers[0]!.entries.filter((entry) => entry.kind !== 'unchanged' && entry.kind !== 'skip');
        expect(changes.map((entry) => `${entry.kind} ${entry.name}`), 'a second apply of the same roster changes nothing').toEqual([]);
      }
      toString = (): string => 'again()';
    }

    const commands = [
      fc.tuple(fc.constantFrom(...target.names), fc.array(fc.nat(5), { minLength: 3, maxLength: 3 })).map(([name, variant]) => new HandMade(name, variant)),
      fc.tuple(specArbitrary(target), faultArbitrary(target)).map(([spec, faults]) => new Sync(spec, faults)),
      fc.constant(new Again()),
    ];

    it(`keeps the safety rules over random accounts, rosters, faults and a second roster (${RUNS} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 6 }), async (sequence) => {
          emulator.reset();
          const real: Real = { secrets: [emulator.credentials.accessKeySecret] };
          await fc.asyncModelRun(() => ({ model: {}, real }), sequence);
        }),
        { numRuns: RUNS },
      );
    }, 60_000 + RUNS * 5_000);
  });
}

function secretsOf(contact: ContactInput): string[] {
  const hooks = contact.webhooks ?? {};
  return [hooks.lark?.secret, hooks.generic?.token, hooks.dingtalk?.secret].filter((secret): secret is string => secret !== undefined && secret !== '');
}
