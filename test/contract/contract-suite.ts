/**
 * The contract suite: one scenario table every provider runs against its emulator, through the
 * public API and over real loopback HTTP. A provider plugs in with a {@link ContractTarget}.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactInput, ContactPatch } from '../../src/model/contact.js';
import { isContactError } from '../../src/errors/errors.js';
import type { ContactErrorCode } from '../../src/errors/errors.js';
import type { ContactProvider, VerificationChannel } from '../../src/contract/provider.js';
import type { Emulator, EmulatorFault, EmulatorOptions } from '../../src/testing/emulator-types.js';
import { expectContactError } from '../support/expect-contact-error.js';

/** Settings the suite passes when it builds a provider. */
export interface SuiteProviderSettings {
  maxRetries?: number;
  timeoutMs?: number;
  rateLimit?: number | false;
}

/** How one provider plugs into the suite. */
export interface ContractTarget {
  /** Suite title. */
  readonly name: string;
  /** Starts the provider's emulator; the suite passes `rateLimit: false` unless a scenario needs it. */
  start(options: EmulatorOptions): Promise<Emulator>;
  /** A provider pointed at the emulator (defaults: no retries, no client rate limit). */
  provider(emulator: Emulator, settings: SuiteProviderSettings): ContactProvider<Contact<object>>;
  /** A valid input, different for each n (names must be unique). */
  input(n: number): ContactInput;
  /** A valid patch and how to recognise it applied; absent when update is unsupported. */
  readonly update?: { readonly patch: ContactPatch; readonly check: (contact: Contact<object>) => void };
  /** Checks a returned contact against the input it came from (the vendor may mask fields). */
  matches(contact: Contact<object>, input: ContactInput): void;
  /** Inputs breaking a rule: each must be `invalid-input` naming `field`, with no request sent. */
  readonly invalidInputs: ReadonlyArray<{ readonly label: string; readonly input: unknown; readonly field: string }>;
  /** Inputs with a field the provider cannot store: each must be `unsupported` naming `field`. */
  readonly unsupportedInputs: ReadonlyArray<{ readonly label: string; readonly input: unknown; readonly field: string }>;
  /** Vendor codes and what each must become. */
  readonly vendorErrors: ReadonlyArray<{ readonly code: string; readonly httpStatus?: number; readonly expect: ContactErrorCode }>;
  /** The vendor action `get` sends last (faults aim at it). */
  readonly getAction: string;
  /** The vendor action `create` changes state with. */
  readonly createAction: string;
  /** An id that does not exist. */
  readonly missingId: string;
  /** Ids the vendor would refuse, refused before any request. */
  readonly invalidIds: readonly string[];
  /** A page size small enough to make the suite's listing span several pages. */
  readonly pageSize: number;
  /**
   * The vendor answers a listing whole, in one request (ChatApp's take no page parameters): the
   * provider cuts that answer into pages of `pageSize`, so a listing costs one request, not one a page.
   */
  readonly wholeListing?: boolean;
  /** A channel for sendVerification the provider supports, if any. */
  readonly verificationChannel?: VerificationChannel;
  /** Whether the vendor records when a contact was made: then `create` returns `createdAt`, as `get` does. */
  readonly createdAt: boolean;
}

/** Registers the whole scenario table for one provider. */
export function runContractSuite(target: ContractTarget): void {
  describe(`contract: ${target.name}`, () => {
    let emulator: Emulator;
    let provider: ContactProvider<Contact<object>>;
    let serial = 0;
    const nextInput = (): ContactInput => target.input(serial++);
    const expectCode = <C extends ContactErrorCode>(promise: Promise<unknown>, code: C) =>
      expectContactError(promise, code, { provider: provider.id, secrets: [emulator.credentials.accessKeySecret] });

    beforeAll(async () => {
      emulator = await target.start({ rateLimit: false });
      provider = target.provider(emulator, {});
    });
    afterAll(async () => {
      await emulator.close();
    });
    beforeEach(() => {
      emulator.reset();
    });

    it('creates a contact and returns it', async () => {
      const input = nextInput();
      const created = await provider.create(input);
      expect(created.provider).toBe(provider.id);
      expect(created.id).toEqual(expect.any(String));
      target.matches(created, input);
      if (target.createdAt) expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      else expect(created.createdAt).toBeUndefined();
      expect((await provider.get(created.id)).createdAt).toBe(created.createdAt);
    });

    it('gets a contact by id', async () => {
      const input = nextInput();
      const created = await provider.create(input);
      const got = await provider.get(created.id);
      expect(got.id).toBe(created.id);
      target.matches(got, input);
    });

    it('finds a contact by name, and resolves undefined for a name nobody has', async () => {
      const input = nextInput();
      const created = await provider.create(input);
      expect((await provider.findByName(input.name))?.id).toBe(created.id);
      expect(await provider.findByName(target.input(9_999).name)).toBeUndefined();
    });

    it('updates a contact, or says update is unsupported without sending anything', async () => {
      const created = await provider.create(nextInput());
      if (target.update === undefined) {
        const before = emulator.requests.length;
        await expectCode(provider.update(created.id, { remark: 'x' }), 'unsupported');
        expect(emulator.requests.length).toBe(before);
        return;
      }
      const updated = await provider.update(created.id, target.update.patch);
      target.update.check(updated);
      target.update.check(await provider.get(created.id));
    });

    it('lists more than one page, lazily', async () => {
      const inputs = Array.from({ length: target.pageSize * 2 + 1 }, nextInput);
      for (const input of inputs) await provider.create(input);
      const before = emulator.requests.length;
      const list = provider.list({ pageSize: target.pageSize });
      expect(emulator.requests.length).toBe(before);
      const all = await list.all();
      expect(all.map((c) => c.name).sort()).toEqual(inputs.map((i) => i.name).sort());
      if (target.wholeListing === true) expect(emulator.requests.length - before).toBe(1);
      else expect(emulator.requests.length - before).toBeGreaterThanOrEqual(3);
      const firstOnly = emulator.requests.length;
      for await (const page of list.pages()) {
        expect(page.length).toBe(target.pageSize);
        break;
      }
      expect(emulator.requests.length - firstOnly).toBe(1);
      expect(await provider.list({ pageSize: target.pageSize, limit: 2 }).all()).toHaveLength(2);
    });

    it('deletes a contact; it is then not found', async () => {
      const created = await provider.create(nextInput());
      await provider.delete(created.id);
      await expectCode(provider.get(created.id), 'not-found');
    });

    it('reports not-found for an id that does not exist, naming the id as the field', async () => {
      for (const failing of [provider.get(target.missingId), provider.delete(target.missingId)]) {
        const error = await expectCode(failing, 'not-found');
        expect(isContactError(error) && error.field).toBe('id');
      }
    });

    it('reports already-exists for a taken name', async () => {
      const input = nextInput();
      await provider.create(input);
      const error = await expectCode(provider.create(input), 'already-exists');
      expect(isContactError(error) && error.vendor?.code).toEqual(expect.any(String));
    });

    it.each(target.invalidInputs.map((c) => [c.label, c] as const))('rejects invalid input before any request: %s', async (_label, testCase) => {
      const before = emulator.requests.length;
      const error = await expectCode(provider.create(testCase.input as ContactInput), 'invalid-input');
      expect(isContactError(error) && error.field).toBe(testCase.field);
      expect(error.message).toContain(testCase.field);
      expect(emulator.requests.length).toBe(before);
    });

    it.each(target.unsupportedInputs.map((c) => [c.label, c] as const))('rejects unsupported fields before any request: %s', async (_label, testCase) => {
      const before = emulator.requests.length;
      const error = await expectCode(provider.create(testCase.input as ContactInput), 'unsupported');
      expect(isContactError(error) && error.field).toBe(testCase.field);
      expect(emulator.requests.length).toBe(before);
    });

    it('rejects operations and channels the provider lacks, before any request', async () => {
      const created = await provider.create(nextInput());
      const before = emulator.requests.length;
      const { operations, verificationChannels } = provider.capabilities;
      const lacking = (['email', 'phone', 'webhook'] as const).filter((channel) => !verificationChannels.includes(channel));
      if (operations.sendVerification.support === 'unsupported') expect(lacking).toHaveLength(3);
      for (const channel of lacking) await expectCode(provider.sendVerification(created.id, channel), 'unsupported');
      await expectCode(provider.sendVerification(created.id, 'carrier-pigeon' as VerificationChannel), operations.sendVerification.support === 'unsupported' ? 'unsupported' : 'invalid-input');
      expect(emulator.requests.length).toBe(before);
    });

    it.runIf(target.verificationChannel !== undefined)('sends a verification message on a channel it supports', async () => {
      const created = await provider.create(nextInput());
      const result = await provider.sendVerification(created.id, target.verificationChannel!);
      expect(result.channel).toBe(target.verificationChannel);
      expect(['sent', 'already-verified']).toContain(result.status);
    });

    it('rejects a bad id and bad call options before any request', async () => {
      const before = emulator.requests.length;
      for (const id of ['', ' ', 'x'.repeat(100_000), ...target.invalidIds]) {
        const error = await expectCode(provider.get(id), 'invalid-input');
        expect(error.field).toBe('id');
        expect(error.message).toMatch(/such as/);
        await expectCode(provider.delete(id), 'invalid-input');
      }
      for (const id of [undefined, null, 42, {}]) await expectCode(provider.get(id as never), 'invalid-input');
      await expectCode(provider.get(target.missingId, { timeoutMs: -1 }), 'invalid-input');
      expect(emulator.requests.length).toBe(before);
    });

    it('prints what it has: its id, capabilities and settings, with secrets masked', () => {
      const printed = JSON.parse(JSON.stringify(provider)) as Record<string, unknown>;
      expect(Object.keys(printed).sort()).toEqual(['capabilities', 'id', 'settings']);
      expect(printed['id']).toBe(provider.id);
      const settings = (provider as unknown as { settings: Record<string, unknown> }).settings;
      expect(Object.keys(printed['settings'] as object).sort()).toEqual(Object.keys(settings).sort());
      expect((printed['settings'] as { endpoint: unknown }).endpoint).toBe(emulator.endpoint);
      expect(JSON.stringify(provider)).not.toContain(emulator.credentials.accessKeySecret);
    });

    it('sends nothing, on any operation, when the caller has already aborted', async () => {
      const created = await provider.create(nextInput());
      const before = emulator.requests.length;
      const signal = AbortSignal.abort();
      const calls: Array<Promise<unknown>> = [
        provider.create(nextInput(), { signal }),
        provider.get(created.id, { signal }),
        provider.delete(created.id, { signal }),
        provider.list({}, { signal }).all(),
        provider.findByName(created.name, { signal }),
      ];
      if (target.update !== undefined) calls.push(provider.update(created.id, target.update.patch, { signal }));
      if (target.verificationChannel !== undefined) calls.push(provider.sendVerification(created.id, target.verificationChannel, { signal }));
      for (const call of calls) {
        const error = await expectCode(call, 'timeout');
        expect(error.retryable).toBe(false);
        expect(error.message).toMatch(/before anything was sent/);
      }
      expect(emulator.requests.length).toBe(before);
    });

    it('refuses a bad listing query or call option the same way, lazily, naming the right place', async () => {
      const bad: Array<[unknown, unknown, string]> = [
        [{ pageSize: 0 }, undefined, 'pageSize'],
        [{ pageSize: provider.capabilities.pageSize.max + 1 }, undefined, 'pageSize'],
        [{ limit: Number.NaN }, undefined, 'limit'],
        [{ limit: -5 }, undefined, 'limit'],
        [null, undefined, 'query'],
        ['abc', undefined, 'query'],
        [{ timeoutMs: 50 }, undefined, 'timeoutMs'],
        [{}, { maxRetires: 0 }, 'options.maxRetires'],
        [{}, { pageSize: 2 }, 'options.pageSize'],
      ];
      for (const [query, options, field] of bad) {
        const list = provider.list(query as never, options as never);
        const error = await expectCode(list.all(), 'invalid-input');
        expect(error.field).toBe(field);
      }
      const misplaced = await expectCode(provider.list({ timeoutMs: 50 } as never).all(), 'invalid-input');
      expect(misplaced.message).toMatch(/second argument/);
      await expectCode(provider.get(target.missingId, { timeoutMs: 50, retries: 1 } as never), 'invalid-input');
      expect(emulator.requests).toHaveLength(0);
    });

    it('turns a Proxy or a throwing getter in any argument into a ContactError', async () => {
      const throwing = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
      const getter = Object.defineProperty({ name: 'x' }, 'email', { enumerable: true, get: () => { throw new TypeError('nope'); } });
      for (const call of [
        () => provider.create(throwing as never),
        () => provider.create(getter as never),
        () => provider.get(target.missingId, throwing as never),
        () => provider.list(throwing as never).all(),
        () => provider.findByName(throwing as never),
      ]) {
        await expectCode(call(), 'invalid-input');
      }
      expect(emulator.requests).toHaveLength(0);
    });

    describe('faults become the right ContactError', () => {
      const cases: ReadonlyArray<readonly [string, EmulatorFault, ContactErrorCode]> = [
        ['a connection reset', { kind: 'reset' }, 'network'],
        ['a gateway 502 page', { kind: 'http-status', status: 502 }, 'unavailable'],
        ['a 503 with an empty body', { kind: 'http-status', status: 503, body: '' }, 'unavailable'],
        ['a body that is not JSON', { kind: 'malformed-body' }, 'invalid-response'],
      ];
      it.each(cases)('%s', async (_label, fault, code) => {
        const created = await provider.create(nextInput());
        emulator.failNext({ ...fault, action: target.getAction });
        await expectCode(provider.get(created.id), code);
      });

      it('a hang becomes a timeout within the call budget', async () => {
        const created = await provider.create(nextInput());
        emulator.failNext({ kind: 'hang', action: target.getAction });
        const error = await expectCode(provider.get(created.id, { timeoutMs: 300 }), 'timeout');
        expect(isContactError(error) && error.retryable).toBe(true);
      });

      it('a delay within the budget still succeeds', async () => {
        const created = await provider.create(nextInput());
        emulator.failNext({ kind: 'delay', ms: 50, action: target.getAction });
        expect((await provider.get(created.id)).id).toBe(created.id);
      });

      it.each(target.vendorErrors.map((c) => [c.code, c] as const))('vendor code %s', async (_code, testCase) => {
        const created = await provider.create(nextInput());
        emulator.failNext({ kind: 'vendor-error', code: testCase.code, action: target.getAction, ...(testCase.httpStatus === undefined ? {} : { httpStatus: testCase.httpStatus }) });
        const error = await expectCode(provider.get(created.id), testCase.expect);
        expect(isContactError(error) && error.vendor).toMatchObject({ code: testCase.code, requestId: expect.any(String) });
      });

      it.each([
        ['its answer hangs', { kind: 'hang-after-apply' }],
        ['its connection resets', { kind: 'reset-after-apply' }],
      ] as const)('a create the vendor made but whose answer is lost (%s) is settled by name: it resolves, made once', async (_label, fault) => {
        const input = nextInput();
        emulator.failNext({ ...fault, action: target.createAction });
        const created = await provider.create(input, { timeoutMs: 300 });
        target.matches(created, input);
        expect(emulator.requests.filter((r) => r.action === target.createAction)).toHaveLength(1);
        expect((await provider.list().all()).filter((c) => c.name === input.name)).toHaveLength(1);
      });

      it('a create lost before the vendor made it is settled as not made and sent again', async () => {
        const retrying = target.provider(emulator, { maxRetries: 1 });
        const input = nextInput();
        emulator.failNext({ kind: 'reset', action: target.createAction });
        target.matches(await retrying.create(input), input);
        expect(emulator.requests.filter((r) => r.action === target.createAction)).toHaveLength(2);
        await expectCode(provider.create(nextInput(), { signal: AbortSignal.abort() }), 'timeout');
      });
    });

    describe('retries', () => {
      it('retries an idempotent read after a reset and succeeds', async () => {
        const retrying = target.provider(emulator, { maxRetries: 1 });
        const created = await provider.create(nextInput());
        emulator.failNext({ kind: 'reset', action: target.getAction });
        expect((await retrying.get(created.id)).id).toBe(created.id);
      });

      it('retries a throttled create, which the vendor refused, and creates it once', async () => {
        const retrying = target.provider(emulator, { maxRetries: 2 });
        const throttle = target.vendorErrors.find((c) => c.expect === 'rate-limited');
        if (throttle === undefined) throw new Error('the target lists no rate-limited vendor code');
        const input = nextInput();
        emulator.failNext({ kind: 'vendor-error', code: throttle.code, action: target.createAction, ...(throttle.httpStatus === undefined ? {} : { httpStatus: throttle.httpStatus }) });
        const created = await retrying.create(input);
        target.matches(created, input);
        expect(await provider.list().all()).toHaveLength(1);
      });

      it('gives up after maxRetries and reports the last failure', async () => {
        const retrying = target.provider(emulator, { maxRetries: 1 });
        const created = await provider.create(nextInput());
        emulator.failNext({ kind: 'http-status', status: 503, action: target.getAction, times: 2 });
        await expectCode(retrying.get(created.id), 'unavailable');
      });
    });

    describe('rate limits', () => {
      it("the emulator throttles a burst over its per-action limit with the vendor's code, as rate-limited", async () => {
        const limited = await target.start({ rateLimit: 3 });
        try {
          const unthrottled = target.provider(limited, { rateLimit: false });
          const results = await Promise.allSettled(Array.from({ length: 6 }, () => unthrottled.get(target.missingId)));
          const codes = results.map((r) => (r.status === 'rejected' && isContactError(r.reason) ? r.reason.code : 'ok'));
          expect(codes.filter((code) => code === 'rate-limited').length).toBeGreaterThanOrEqual(3);
        } finally {
          await limited.close();
        }
      });
    });
  });
}
