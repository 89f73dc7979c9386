/**
 * Declarative sync on one provider, against its emulator: every kind of plan entry, prune safety,
 * partial failure finished by a second run, quota-limited plans and cancellation. Each provider
 * runs it through a one-line test file, like the fault matrix.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ContactInput, ProviderId } from '../../src/model/contact.js';
import type { ContactProvider } from '../../src/contract/provider.js';
import { applySync, planSync, syncContacts } from '../../src/index.js';
import type { DesiredContact, PlanEntry } from '../../src/index.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { FAULT_TARGETS } from './fault-targets.js';

const kinds = (entries: readonly PlanEntry[]) => Object.fromEntries(entries.map((entry) => [entry.name, entry.kind]));

export function runSyncSuite(id: ProviderId): void {
  const target = FAULT_TARGETS.find((candidate) => candidate.id === id)!;
  describe(`sync: ${id}`, () => {
    let emulator: Emulator;
    let provider: ContactProvider<Contact<object>>;
    // Every entry names the provider: ChatApp takes only entries that do.
    const person = (n: number, email?: string): DesiredContact & ContactInput => ({ ...target.input(n, email), only: [id] });
    const refused: DesiredContact = { ...target.refusedInput, only: [id] };
    beforeAll(async () => {
      emulator = await target.start({ rateLimit: false });
      provider = target.provider(emulator, { rateLimit: false, maxRetries: 0 });
    });
    afterAll(async () => {
      await emulator.close();
    });
    beforeEach(() => emulator.reset());

    it('plans every kind of entry: create, update or replace, unchanged, delete, skip', async () => {
      const [keep, change, leave] = [person(1, 'keep.person@example.com'), person(2, 'first.person@example.com'), person(3, 'leaving.person@example.com')];
      const first = await syncContacts({ desired: [keep, change, leave], providers: [provider] });
      expect(first.report.summary).toMatchObject({ done: 3, failed: 0 });
      expect(kinds(first.plan.providers[0]!.entries)).toEqual({ [keep.name]: 'create', [change.name]: 'create', [leave.name]: 'create' });

      const changed = person(2, 'second.person@example.com');
      const desired: DesiredContact[] = [keep, changed, refused];
      const plan = await planSync({ desired, providers: [provider], prune: true, managed: { names: [leave.name] } });
      const entries = plan.providers[0]!.entries;
      const changeKind = provider.capabilities.operations.update.support === 'unsupported' ? 'replace' : 'update';
      expect(kinds(entries)).toEqual({ [keep.name]: 'unchanged', [changed.name]: changeKind, [target.refusedInput.name]: 'skip', [leave.name]: 'delete' });
      const change2 = entries.find((entry) => entry.name === changed.name)!;
      expect(change2.kind === 'update' || change2.kind === 'replace' ? change2.changes.map((c) => c.field) : []).toEqual(['email']);
      if (change2.kind === 'replace') expect(change2.cost).toMatch(/deleted, then created again/);
      const skip = entries.find((entry) => entry.kind === 'skip');
      expect(skip?.kind === 'skip' && skip.reason).toMatch(/^field "\w+"/);

      const report = await applySync(plan);
      expect(report.summary).toEqual({ done: 2, unchanged: 1, skipped: 1, failed: 0 });
      for (const result of report.results.filter((r) => r.status === 'done')) expect(result.requestId).toEqual(expect.any(String));
      const again = await planSync({ desired, providers: [provider], prune: true, managed: { names: [leave.name] } });
      expect(kinds(again.providers[0]!.entries)).toEqual({ [keep.name]: 'unchanged', [changed.name]: 'unchanged', [target.refusedInput.name]: 'skip' });
    });

    it('never prunes a contact the roster does not manage, nor anything without a managed marker', async () => {
      const [ours, theirs] = [person(10), person(11)];
      await syncContacts({ desired: [ours, theirs], providers: [provider] });
      const noMarker = await planSync({ desired: [], providers: [provider], prune: true });
      expect(noMarker.providers[0]!.entries).toEqual([]);
      expect(noMarker.providers[0]!.warnings.join(' ')).toMatch(/nothing is deleted/);
      // The one managed contact going is all of them: the deletion guard must be raised for it.
      const guarded = await planSync({ desired: [], providers: [provider], prune: true, managed: { names: [ours.name] } });
      expect(guarded.providers[0]!.entries.map((entry) => [entry.kind, entry.name])).toEqual([['skip', ours.name]]);
      expect(guarded.providers[0]!.warnings.join(' ')).toMatch(/deletion guard stops 1 deletes .*more than 50% of the 1/);
      const marked = await planSync({ desired: [], providers: [provider], prune: true, managed: { names: [ours.name] }, deletionGuard: { maxShare: 1 } });
      expect(marked.providers[0]!.entries.map((entry) => [entry.kind, entry.name])).toEqual([['delete', ours.name]]);
      const byDefault = await planSync({ desired: [], providers: [provider], managed: { names: [ours.name] } });
      expect(byDefault.providers[0]!.entries).toEqual([]);
    });

    it('a field the provider cannot store is a warning, never a change', async () => {
      const unsupported = (['title', 'remark', 'groupIds'] as const).find((field) => provider.capabilities.fields[field].support === 'unsupported');
      if (unsupported === undefined) throw new Error(`${id} stores title, remark and groupIds: pick another field`);
      const extra = { title: 'CEO', remark: 'on call', groupIds: ['g-1'] }[unsupported];
      const wanted = { ...person(20), [unsupported]: extra };
      await syncContacts({ desired: [wanted], providers: [provider] });
      const plan = await planSync({ desired: [wanted], providers: [provider] });
      const entry = plan.providers[0]!.entries[0]!;
      expect(entry.kind).toBe('unchanged');
      expect(entry.kind === 'unchanged' && entry.warnings.join(' ')).toContain(`${unsupported} is not stored by ${id}`);
    });

    it('one failure neither stops nor hides the others, and a second run finishes the job', async () => {
      const people = [person(30), person(31), person(32), person(33)];
      emulator.failNext({ kind: 'vendor-error', ...target.authFailure, action: target.actions.create! });
      const first = await syncContacts({ desired: people, providers: [provider], concurrency: 1 });
      expect(first.report.summary).toMatchObject({ done: 3, failed: 1 });
      const failed = first.report.results.find((result) => result.status === 'failed')!;
      expect(failed.error?.code).toBe('unauthenticated');
      expect(failed.requestId).toEqual(expect.any(String));
      expect(first.report.ok).toBe(false);
      const second = await syncContacts({ desired: people, providers: [provider] });
      expect(second.report.summary).toMatchObject({ done: 1, unchanged: 3, failed: 0 });
      expect(second.report.ok).toBe(true);
    });

    it('a cancelled apply starts nothing more and sends no change', async () => {
      const plan = await planSync({ desired: [person(40), person(41)], providers: [provider] });
      const before = emulator.requests.length;
      const report = await applySync(plan, { signal: AbortSignal.abort() });
      expect(report.results.map((result) => result.status)).toEqual(['skipped', 'skipped']);
      expect(emulator.requests.length).toBe(before);
    });
  });
}
