/**
 * The message-contact lifecycle end to end, through the public API and the emulator's hooks:
 * verification, pending updates, member bindings and both kinds of deletion.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../support/use-emulator.js';
import type { AlibabaResourceDirectoryProvider } from '../../providers/alibaba-resource-directory/index.js';
import { contactInput, providerFor } from './alibaba-resource-directory-fixtures.js';
import { expectContactError } from '../support/expect-contact-error.js';

const emulator = useEmulator('alibaba-resource-directory', { rateLimit: false });
let rd: AlibabaResourceDirectoryProvider;
beforeAll(() => {
  rd = providerFor(emulator);
});


/** A contact whose owner confirmed its email. */
async function activeContact(name: string) {
  const created = await rd.create(contactInput(name));
  await rd.sendVerification(created.id, 'email');
  emulator.confirmVerification(created.id, created.email ?? '');
  return rd.get(created.id);
}

const actionsSince = (start: number) => emulator.requests.slice(start).map((request) => request.action);
const accounts = () => emulator.members().filter((member) => /^\d{16}$/.test(member));

describe('verification', () => {
  it('create → pending → the owner confirms the email (test hook) → active; the phone is verified on its own', async () => {
    const created = await rd.create(contactInput('Alice', { phone: '+86 139 0000 1234', title: 'FinanceDirector' }));
    expect(created).toMatchObject({
      status: 'pending-verification',
      title: 'FinanceDirector',
      verification: { email: 'pending', phone: 'pending' },
      details: { members: [], pendingEmail: 'alice@example.com', pendingPhone: '+8613900001234' },
    });
    expect(await rd.listPendingVerifications({ contactId: created.id })).toEqual([
      { contactId: created.id, channel: 'email', target: 'alice@example.com' },
      { contactId: created.id, channel: 'phone', target: '+8613900001234' },
    ]);
    // Nobody can confirm a message that was never sent.
    expect(() => emulator.confirmVerification(created.id, 'alice@example.com')).toThrow(/no verification message was sent/);

    expect(await rd.sendVerification(created.id, 'email')).toMatchObject({ channel: 'email', status: 'sent', target: 'alice@example.com', requestId: expect.any(String) });
    emulator.confirmVerification(created.id, 'alice@example.com');
    const sent = emulator.requests.length;
    // A plain get is one request: the status says the email is confirmed; the phone's state needs the verification list.
    expect(await rd.get(created.id)).toMatchObject({ status: 'active', verification: { email: 'verified' } });
    expect(emulator.requests.slice(sent).map((request) => request.action)).toEqual(['GetMessageContact']);
    expect(await rd.get(created.id, { includePending: true })).toMatchObject({ status: 'active', verification: { email: 'verified', phone: 'pending' }, details: { pendingPhone: '+8613900001234' } });

    await rd.sendVerification(created.id, 'phone');
    expect(emulator.sentVerifications().map((sent) => sent.target)).toEqual(['alice@example.com', '86-13900001234']);
    emulator.confirmVerification(created.id, '+8613900001234');
    const verified = await rd.get(created.id, { includePending: true });
    expect(verified.verification).toEqual({ email: 'verified', phone: 'verified' });
    expect(verified.details).toEqual({ members: [] });
    expect(await rd.sendVerification(created.id, 'email')).toEqual({ channel: 'email', status: 'already-verified', target: 'alice@example.com' });
    expect(await rd.listPendingVerifications()).toEqual([]);
  });

  it('refuses channels the vendor does not verify on, and a phone the contact does not have', async () => {
    const created = await rd.create(contactInput('Carol'));
    const before = emulator.requests.length;
    await expectContactError(rd.sendVerification(created.id, 'webhook'), 'unsupported');
    await expectContactError(rd.sendVerification(created.id, 'fax' as 'email'), 'invalid-input');
    expect(emulator.requests.length).toBe(before);
    expect((await expectContactError(rd.sendVerification(created.id, 'phone'), 'invalid-input')).field).toBe('phone');
  });
});

describe('pending updates', () => {
  it('update email → the contact keeps its confirmed address, the new one waits → cancel', async () => {
    const bob = await activeContact('Bob');
    const updated = await rd.update(bob.id, { email: 'bob.new@example.com', title: 'CEO' });
    expect(updated).toMatchObject({
      email: 'bob@example.com',
      title: 'CEO',
      status: 'active',
      verification: { email: 'pending' },
      details: { pendingEmail: 'bob.new@example.com' },
    });
    expect(await rd.listPendingVerifications()).toEqual([{ contactId: bob.id, channel: 'email', target: 'bob.new@example.com' }]);
    expect((await rd.sendVerification(bob.id, 'email')).target).toBe('bob.new@example.com');

    const cancelled = await rd.cancelPendingUpdate(bob.id, 'email');
    expect(cancelled).toMatchObject({ email: 'bob@example.com', verification: { email: 'verified' } });
    expect(cancelled.details?.pendingEmail).toBeUndefined();
    expect(await rd.listPendingVerifications()).toEqual([]);
    await expectContactError(rd.cancelPendingUpdate(bob.id, 'email'), 'conflict');
  });

  it('a confirmed change replaces the address', async () => {
    const dave = await activeContact('Dave');
    await rd.update(dave.id, { email: 'dave.new@example.com' });
    await rd.sendVerification(dave.id, 'email');
    emulator.confirmVerification(dave.id, 'dave.new@example.com');
    expect(await rd.get(dave.id)).toMatchObject({ email: 'dave.new@example.com', verification: { email: 'verified' } });
  });

  it('the original address of a contact never confirmed cannot be "cancelled": the vendor says the state forbids it', async () => {
    const erin = await rd.create(contactInput('Erin'));
    const error = await expectContactError(rd.cancelPendingUpdate(erin.id, 'email'), 'conflict');
    expect(error).toMatchObject({ retryable: false, vendor: { code: 'ContactStatusMismatchAction', httpStatus: 400 } });
  });
});

describe('member bindings', () => {
  it('associates 7 members in two vendor calls, lists by member, and disassociates them in two more', async () => {
    const frank = await activeContact('Frank');
    const members = accounts().slice(0, 7);
    const start = emulator.requests.length;
    const bound = await rd.associateMembers(frank.id, members);
    expect(bound.map((binding) => binding.memberId)).toEqual(members);
    expect(bound[0]).toEqual({ contactId: frank.id, memberId: members[0], modifiedAt: expect.stringMatching(/\+08:00$/) });
    const calls = emulator.requests.slice(start).filter((request) => request.action === 'AssociateMembers');
    expect(calls.map((call) => (call.url.match(/Members\.\d+=/g) ?? []).length)).toEqual([5, 2]);

    expect((await rd.get(frank.id)).details?.members).toEqual(members);
    const listed = await rd.list({ member: members[6] ?? '' }).all();
    expect(listed.map((contact) => contact.id)).toEqual([frank.id]);
    expect(listed[0]?.details?.associatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

    const unboundStart = emulator.requests.length;
    expect(await rd.disassociateMembers(frank.id, members)).toHaveLength(7);
    expect(actionsSince(unboundStart)).toEqual(['DisassociateMembers', 'DisassociateMembers']);
    expect((await rd.get(frank.id)).details?.members).toEqual([]);
    expect(await rd.list({ member: members[6] ?? '' }).all()).toEqual([]);
  });

  it('refuses a contact not yet verified, an unknown member, and says what earlier calls already bound', async () => {
    const grace = await rd.create(contactInput('Grace'));
    const unverified = await expectContactError(rd.associateMembers(grace.id, ['fd-FAKEfolder01']), 'conflict');
    expect(unverified.vendor?.code).toBe('ContactStatusMismatchAction');
    expect(unverified.message).toMatch(/must be verified first: its owner confirms the email/);
    const heidi = await activeContact('Heidi');
    const unknown = await expectContactError(rd.associateMembers(heidi.id, ['fd-NotInTheDirectory']), 'not-found');
    expect(unknown).toMatchObject({ field: 'members', vendor: { code: 'InvalidMember' } });
    const partial = await expectContactError(rd.associateMembers(heidi.id, [...accounts().slice(0, 5), 'fd-NotInTheDirectory']), 'not-found');
    expect(partial.message).toContain(`earlier calls did bind or unbind ${accounts().slice(0, 5).join(', ')}`);
    await expectContactError(rd.associateMembers(heidi.id, []), 'invalid-input');
  });
});

describe('deletion', () => {
  async function boundContact(name: string) {
    const contact = await activeContact(name);
    await rd.associateMembers(contact.id, accounts().slice(0, 2));
    return contact;
  }

  it('deleting a bound contact that members retain is one call, and it is gone at once', async () => {
    const ivan = await boundContact('Ivan');
    const start = emulator.requests.length;
    await rd.delete(ivan.id);
    expect(actionsSince(start)).toEqual(['DeleteMessageContact']);
    expect(emulator.requests.at(-1)?.url).toContain('RetainContactInMembers=true');
    await expectContactError(rd.get(ivan.id), 'not-found');
  });

  it('deleting a bound contact that members lose is asynchronous: the call waits until it is gone', async () => {
    const judy = await boundContact('Judy');
    const start = emulator.requests.length;
    await rd.delete(judy.id, { retainInMembers: false });
    const actions = actionsSince(start);
    expect(actions[0]).toBe('DeleteMessageContact');
    expect(emulator.requests[start]?.url).toContain('RetainContactInMembers=false');
    expect(actions.slice(1).every((action) => action === 'GetMessageContactDeletionStatus')).toBe(true);
    expect(actions.length).toBeGreaterThan(1);
    await expectContactError(rd.get(judy.id), 'not-found');
  });

  it('a failed asynchronous deletion is reported with its reasons, and the contact stays', async () => {
    const ken = await boundContact('Ken');
    emulator.failDeletion(ken.id);
    const error = await expectContactError(rd.delete(ken.id, { retainInMembers: false }), 'conflict');
    const [first, second] = accounts();
    expect(error.message).toContain(`member ${first} (FaultMessage)`);
    expect(error.message).toContain(`member ${second} (FaultMessage)`);
    expect(error.retryable).toBe(false);
    expect(await rd.deletionStatus(ken.id)).toEqual({
      contactId: ken.id,
      status: 'failed',
      failures: [
        { accountId: first, messageTypes: ['FaultMessage'] },
        { accountId: second, messageTypes: ['FaultMessage'] },
      ],
    });
    expect((await rd.get(ken.id)).status).toBe('active');
  });

  it('a deletion still running at the deadline is a timeout; meanwhile the contact is deleting and cannot change', async () => {
    const leo = await boundContact('Leo');
    emulator.setDeletionDelay(60_000);
    const error = await expectContactError(rd.delete(leo.id, { retainInMembers: false, timeoutMs: 600 }), 'timeout');
    expect(error.message).toContain('still being deleted');
    expect(await rd.deletionStatus(leo.id)).toEqual({ contactId: leo.id, status: 'deleting', failures: [] });
    expect((await rd.get(leo.id)).status).toBe('deleting');
    expect((await expectContactError(rd.update(leo.id, { title: 'CEO' }), 'conflict')).vendor?.code).toBe('ContactStatusMismatchAction');
    emulator.finishDeletions();
    await expectContactError(rd.deletionStatus(leo.id), 'not-found');
    await expectContactError(rd.get(leo.id), 'not-found');
  });
});
