/**
 * `reachability`: who a message would actually reach. A contact that exists is not a contact that
 * is reachable: addresses wait for their owners to confirm them, chat bots refuse messages, numbers
 * get disconnected. This reads each target once, matches the roster to it as a plan does, and says
 * per person, per target, per channel where things stand.
 */
import type { Contact, ContactField } from '../model/contact.js';
import type { ContactIssue } from '../errors/errors.js';
import { issuesError, toContactError } from '../errors/to-contact-error.js';
import { readContacts } from '../sync/read-contacts.js';
import { indexByKey, keyOfInput, matchKeyOf } from '../sync/sync-matching.js';
import { targetOf } from '../sync/sync-plan.js';
import { entryGoesTo, mergedFor, projectContact } from '../sync/sync-projection.js';
import type { TargetRef } from '../sync/sync-projection.js';
import type { DesiredContact, SyncProvider } from '../sync/sync-types.js';
import { absentChannel, channelReach, wantedChannels } from './reach-channels.js';
import type { ChannelReach, PersonReach, ReachabilityReport, ReachabilityRequest, TargetReach, TargetRead } from './reach-types.js';
import { webhookTestsOf } from './webhook-tests.js';
import type { WebhookTest } from './webhook-tests.js';

/** What one target holds for the roster: each entry's cell, or why the target could not be read. */
interface TargetCells {
  readonly read: TargetRead;
  readonly cells: readonly TargetReach[];
}

/**
 * Says who can be reached where: per roster entry, per target, per channel (email, phone, each
 * webhook, a ChatApp number), `reachable`, `pending` (since when, where the vendor says),
 * `failing` (with the vendor's reason), `missing` or `not-supported`.
 *
 * @remarks Each target is read once: its listing, and what the listing lacks about verification
 * (Resource Directory's targets waiting for confirmation: one more listing). Roster entries are
 * matched as a plan matches them (by name; a ChatApp number by the number). Webhooks are tested
 * only with `testWebhooks`, one vendor test call per contact with webhooks (it posts a test message
 * to each chat group). The report serialises with no secret: webhook URLs show their keys masked.
 *
 * @throws ContactError `invalid-input` for a request that is not `{ desired, providers }`. A
 * target that cannot be read is reported in `targets`, its channels `failing`.
 *
 * @example
 * ```ts
 * const report = await reachability({ desired: roster.contacts, providers: [cam, rd, vmp] });
 * for (const name of report.unreachableOncall) console.log(`${name} cannot be reached`);
 * ```
 */
export async function reachability(request: ReachabilityRequest): Promise<ReachabilityReport> {
  checkRequest(request);
  const perTarget = await Promise.all(request.providers.map((provider) => targetCells(provider, request)));
  const people: PersonReach[] = request.desired.map((desired, index) => {
    const targets = perTarget.map((target) => target.cells[index]!);
    const reachable = targets.some((target) => target.channels.some((channel) => channel.state === 'reachable'));
    return { name: desired.name, oncall: desired.oncall === true, reachable, targets };
  });
  const unreachableOncall = people.filter((person) => person.oncall && !person.reachable).map((person) => person.name);
  const targets = perTarget.map((target) => target.read);
  return { targets, people, unreachableOncall, ok: unreachableOncall.length === 0 && targets.every((target) => target.error === undefined) };
}

async function targetCells(provider: SyncProvider, request: ReachabilityRequest): Promise<TargetCells> {
  const ref = targetOf(provider);
  const target = ref.target;
  const capabilities = provider.capabilities;
  const options = request.signal === undefined ? {} : { signal: request.signal };
  const wanted = request.desired.map((desired) => {
    const goes = entryGoesTo(desired, ref, capabilities) === 'yes';
    const fields = mergedFor(desired, ref);
    return { desired, goes, fields, channels: goes ? wantedChannels(fields, capabilities) : [] };
  });
  let contacts: Array<Contact<object>>;
  try {
    const needs: ContactField[] = capabilities.sync?.key === 'phone' ? [] : ['email', 'phone'];
    contacts = await readContacts(provider, needs, options);
  } catch (error) {
    const failure = toContactError(error, { provider: provider.id, ...(target === provider.id ? {} : { target }), operation: 'reachability' });
    const reason = `could not read ${target}: ${failure.detail}`;
    return {
      read: { target, provider: provider.id, error: failure },
      cells: wanted.map(({ goes, channels }) => ({ target, wanted: goes, channels: channels.map((channel) => ({ channel, state: 'failing' as const, reason })) })),
    };
  }
  const key = matchKeyOf(capabilities);
  const index = indexByKey(contacts, key);
  const matched = wanted.map(({ desired, goes }) => (goes ? match(desired, ref, provider, index, key) : undefined));
  const tests = request.testWebhooks === true ? await webhookTests(provider, matched, wanted.map((item) => item.channels), options) : new Map<string, ContactTests>();
  const cells = wanted.map(({ goes, fields, channels }, position): TargetReach => {
    if (!goes) return { target, wanted: false, channels: [] };
    const found = matched[position]!;
    if (found.contact === undefined) return { target, wanted: true, channels: channels.map((channel) => absentChannel(channel, capabilities, found.reason)) };
    const contact = found.contact;
    const tested = tests.get(contact.id);
    const reach: ChannelReach[] = channels.map((channel) => channelReach(contact, channel, fields, capabilities, channel.startsWith('webhooks.') ? testOf(tested, channel.slice('webhooks.'.length)) : undefined));
    return { target, wanted: true, contact: { id: contact.id, name: contact.name }, channels: reach };
  });
  return { read: { target, provider: provider.id }, cells };
}

/** The contact a roster entry names on a target, matched as a plan matches, or why there is none. */
function match(desired: DesiredContact, ref: TargetRef, provider: SyncProvider, index: Map<string, Array<Contact<object>>>, key: 'name' | 'phone'): { contact?: Contact<object>; reason: string } {
  const target = ref.target;
  const projection = projectContact(desired, ref, provider.capabilities);
  if (!projection.ok) return { reason: `the roster entry cannot go to ${target}: ${projection.reason}` };
  const value = keyOfInput(projection.input, key);
  if (value === undefined) return { reason: `the roster entry has no ${key} to find it by on ${target}` };
  const found = index.get(value) ?? [];
  if (found.length > 1) return { reason: `${found.length} contacts on ${target} have the ${key} ${value}: cannot tell which is this person` };
  const [contact] = found;
  return contact === undefined ? { reason: `${target} has no contact with the ${key} ${JSON.stringify(value)}` } : { contact, reason: '' };
}

/**
 * The vendor's tests of the wanted webhooks: one `sendVerification(id, 'webhook')` per matched
 * contact with a wanted webhook, on targets that verify webhooks; by contact id.
 */
async function webhookTests(
  provider: SyncProvider,
  matched: ReadonlyArray<{ contact?: Contact<object> } | undefined>,
  channels: ReadonlyArray<readonly string[]>,
  options: { signal?: AbortSignal },
): Promise<Map<string, ContactTests>> {
  const out = new Map<string, ContactTests>();
  if (!provider.capabilities.verificationChannels.includes('webhook')) return out;
  const ids = new Set<string>();
  matched.forEach((found, position) => {
    const contact = found?.contact;
    if (contact?.webhooks !== undefined && channels[position]!.some((channel) => channel.startsWith('webhooks.'))) ids.add(contact.id);
  });
  await Promise.all(
    [...ids].map(async (id) => {
      try {
        out.set(id, { tests: webhookTestsOf(await provider.sendVerification(id, 'webhook', options)) });
      } catch (error) {
        out.set(id, { tests: new Map(), error: `the test could not be made: ${toContactError(error, { provider: provider.id, operation: 'reachability' }).detail}` });
      }
    }),
  );
  return out;
}

/** The webhook tests of one contact, or why they could not be made. */
interface ContactTests {
  readonly tests: Map<string, WebhookTest>;
  readonly error?: string;
}

/** The test of one webhook kind: its result, a failure when the test call failed, or none (untested). */
function testOf(tested: ContactTests | undefined, kind: string): WebhookTest | undefined {
  if (tested === undefined) return undefined;
  return tested.error === undefined ? tested.tests.get(kind) : { kind, delivered: false, error: tested.error };
}

/** Checks a request: unknown keys and bad values are `invalid-input` before anything is read. */
function checkRequest(request: unknown): void {
  const issues: ContactIssue[] = [];
  const problem = (path: string, message: string): void => void issues.push({ path, code: 'invalid_option', message });
  const record = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!['desired', 'providers', 'testWebhooks', 'signal'].includes(key)) problem(`request.${key}`, 'is not an option here (known: desired, providers, testWebhooks, signal)');
  if (!Array.isArray(record['desired']) || !record['desired'].every((entry) => typeof entry === 'object' && entry !== null && typeof (entry as { name?: unknown }).name === 'string')) problem('request.desired', 'must be the roster\'s contacts (roster.contacts)');
  if (!Array.isArray(record['providers']) || !record['providers'].every((provider) => typeof (provider as SyncProvider | null)?.list === 'function')) problem('request.providers', 'must be a list of providers');
  if (record['testWebhooks'] !== undefined && typeof record['testWebhooks'] !== 'boolean') problem('request.testWebhooks', 'must be true or false');
  if (record['signal'] !== undefined && !(record['signal'] instanceof AbortSignal)) problem('request.signal', 'must be an AbortSignal');
  if (issues.length > 0) throw issuesError('invalid-input', issues, { operation: 'reachability' });
}
