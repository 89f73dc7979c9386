/**
 * The fault matrix: every landed provider × every fault kind × every operation, through the
 * public API against the provider's emulator. Each cell says what the caller gets: the call
 * recovers within `maxRetries` (transient faults, lost answers, throttling), or rejects with the
 * right ContactError. Creates are settled (exactly one contact whenever the vendor made it), and
 * canary credentials and emails planted in every call appear in no error, cause or event.
 *
 * Each cell has an emulator and a provider of its own, so the cells run side by side. Only the
 * cells whose fault outlasts an attempt (hangs, delays) shorten the attempt timeout; the others
 * keep the default, so a busy machine cannot turn their outcome into a timeout.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectStatic } from 'vitest';
import type { ContactInput, ProviderId } from '../../src/model/contact.js';
import { isContactError } from '../../src/errors/errors.js';
import type { ContactErrorCode } from '../../src/errors/errors.js';
import type { Emulator, EmulatorFault } from '../../src/testing/emulator-types.js';
import type { ContactEvent } from '../../src/contract/events.js';
import { FAULT_TARGETS } from './fault-targets.js';
import type { FaultTarget, MatrixOperation } from './fault-targets.js';

/** A transient fault is recovered; the others reach the caller as this code. */
type Outcome = ContactErrorCode | 'ok';

/**
 * The attempt timeout of the cells that wait one out: long enough that an answer delayed by a busy
 * machine still arrives within it, short enough to keep those cells quick.
 */
const ATTEMPT_MS = 400;
/** The faults that make an attempt time out. */
const OUTLASTS_ATTEMPT = new Set(['hang', 'hang-after-apply', 'delay past the attempt timeout']);
const FAULTS: ReadonlyArray<{ readonly name: string; readonly fault: (target: FaultTarget) => Omit<EmulatorFault, 'action'>; readonly outcome: (op: MatrixOperation) => Outcome }> = [
  { name: 'reset', fault: () => ({ kind: 'reset' }), outcome: () => 'ok' },
  { name: 'reset-after-apply', fault: () => ({ kind: 'reset-after-apply' }), outcome: () => 'ok' },
  { name: 'hang', fault: () => ({ kind: 'hang' }), outcome: () => 'ok' },
  { name: 'hang-after-apply', fault: () => ({ kind: 'hang-after-apply' }), outcome: () => 'ok' },
  ...[500, 502, 503, 504].map((status) => ({ name: `http ${status}`, fault: () => ({ kind: 'http-status', status }) as const, outcome: (): Outcome => 'ok' })),
  { name: 'malformed-body', fault: () => ({ kind: 'malformed-body' }), outcome: () => 'invalid-response' },
  { name: 'delay past the attempt timeout', fault: () => ({ kind: 'delay', ms: ATTEMPT_MS + 150 }), outcome: () => 'ok' },
  { name: 'throttled', fault: (t) => ({ kind: 'vendor-error', ...t.throttle }), outcome: () => 'ok' },
  { name: 'auth failure', fault: (t) => ({ kind: 'vendor-error', ...t.authFailure }), outcome: () => 'unauthenticated' },
  { name: 'not-found', fault: (t) => ({ kind: 'vendor-error', ...t.notFound }), outcome: () => 'not-found' },
];
const OPERATIONS: readonly MatrixOperation[] = ['create', 'get', 'update', 'delete', 'list', 'findByName'];
const CANARY_SECRET = 'CANARYsecretCANARYsecretCANARY99';

/** Registers the whole matrix of one provider (one test file per provider, so they run in parallel). */
export function runFaultMatrix(id: ProviderId): void {
  const target = FAULT_TARGETS.find((candidate) => candidate.id === id);
  if (target === undefined) throw new Error(`${id} has no row in FAULT_TARGETS`);
  const cells = OPERATIONS.filter((op) => op !== 'update' || target.patch !== undefined).flatMap((op) =>
    FAULTS.map((fault) => [op, fault.name, target.overrides?.[`${op} ${fault.name}`] ?? fault.outcome(op), fault] as const),
  );

  describe.concurrent(`fault matrix: ${target.id}`, () => {
    let timersBefore = 0;
    beforeAll(() => {
      // Counted inside a hook, as the check in afterAll is: vitest's own hook timer is in both.
      timersBefore = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    });
    afterAll(() => {
      // No timer of a call outlives it: what is left once every cell's emulator is gone was there before.
      expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length).toBeLessThanOrEqual(timersBefore);
    });

    it.for(cells)('%s × %s → %s', async ([op, name, expected, fault], { expect }) => {
      const emulator = await target.start({ rateLimit: false, credentials: { accessKeyId: 'CANARYKEYID0001', accessKeySecret: CANARY_SECRET } });
      try {
        await runCell({ target, emulator, op, name, expected, fault, expect });
      } finally {
        await emulator.close();
      }
    });
  });
}

let serial = 0;
const canaryEmail = (n: number) => `canary.person${n}@private.example.com`;

interface Cell {
  readonly target: FaultTarget;
  readonly emulator: Emulator;
  readonly op: MatrixOperation;
  readonly name: string;
  readonly expected: Outcome;
  readonly fault: (typeof FAULTS)[number];
  readonly expect: ExpectStatic;
}

/** One cell: a provider of its own against the cell's emulator, the fault aimed at the operation's action. */
async function runCell({ target, emulator, op, name, expected, fault, expect }: Cell): Promise<void> {
  const events: ContactEvent[] = [];
  const settings = { maxRetries: 2, rateLimit: false as const, onEvent: (event: ContactEvent) => void events.push(event) };
  const provider = target.provider(emulator, OUTLASTS_ATTEMPT.has(name) ? { ...settings, timeoutMs: ATTEMPT_MS } : settings);
  const canaries: string[] = [];
  const nextInput = (): ContactInput => {
    serial += 1;
    canaries.push(canaryEmail(serial));
    return target.input(serial, canaryEmail(serial));
  };
  const seeded = op === 'create' || op === 'list' || op === 'findByName' ? undefined : await provider.create(nextInput());
  const input = nextInput();
  const action = target.actions[op];
  if (action === undefined) throw new Error(`${target.id} names no action for ${op}`);
  emulator.failNext({ ...fault.fault(target), action } as EmulatorFault);
  const before = events.length;
  const call = (): Promise<unknown> => {
    switch (op) {
      case 'create':
        return provider.create(input);
      case 'get':
        return provider.get(seeded!.id);
      case 'update':
        return provider.update(seeded!.id, target.patch!);
      case 'delete':
        return provider.delete(seeded!.id);
      case 'list':
        return provider.list().all();
      case 'findByName':
        return provider.findByName(input.name);
    }
  };
  const outcome = await call().then(
    () => 'ok' as const,
    (error: unknown) => error,
  );
  if (expected === 'ok') {
    if (outcome !== 'ok') throw outcome;
  } else {
    expect(isContactError(outcome, expected as ContactErrorCode), inspect(outcome)).toBe(true);
    for (const text of [(outcome as Error).message, JSON.stringify(outcome), inspect(outcome, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(CANARY_SECRET);
      for (const canary of canaries) expect(text).not.toContain(canary);
    }
  }
  for (const event of events.slice(before)) {
    const text = JSON.stringify(event);
    expect(text).not.toContain(CANARY_SECRET);
    expect(text).not.toContain('@');
  }
  if (op === 'create') {
    // Settled: exactly one contact when the create resolved, none when it failed before the vendor acted.
    const named = (await provider.list().all()).filter((contact) => contact.name === input.name);
    expect(named).toHaveLength(outcome === 'ok' ? 1 : 0);
  }
  if (op === 'delete' && outcome === 'ok' && fault.name !== 'not-found') await expect(provider.get(seeded!.id)).rejects.toMatchObject({ code: 'not-found' });
}
