/**
 * Sending the verifications a reachability report found pending: each address or number waiting
 * for its owner gets the vendor's verification message again (Resource Directory's email and
 * phone, VMP's email), within the vendors' limits. A target whose daily allowance runs out sends
 * nothing more that day; what is left is said, never dropped.
 */
import { isContactError } from '../errors/errors.js';
import type { ContactError } from '../errors/errors.js';
import type { ContactIssue } from '../errors/errors.js';
import { issuesError, toContactError } from '../errors/to-contact-error.js';
import { targetOf } from '../sync/sync-plan.js';
import { nextChinaMidnight } from '../util/china-time.js';
import type { SyncProvider } from '../sync/sync-types.js';
import type { ReachabilityReport } from './reach-types.js';

/** What became of one pending verification. */
export interface VerificationSent {
  /** The roster entry. */
  readonly person: string;
  /** The target. */
  readonly target: string;
  /** The contact there. */
  readonly contactId: string;
  /** The channel. */
  readonly channel: 'email' | 'phone' | 'number';
  /** The address or number, as the target shows it. */
  readonly value?: string;
  /**
   * `sent`; `already-verified` (the vendor had it confirmed meanwhile: nothing sent); `left` (a
   * limit stopped it: the daily allowance, or the vendor's pause between two messages to one
   * address; `resetsAt` or `retryAfterMs` says when); `cannot` (the target has no API for it);
   * `failed` (see `error`).
   */
  readonly outcome: 'sent' | 'already-verified' | 'left' | 'cannot' | 'failed';
  /** Why it was left, cannot be sent, or failed. */
  readonly reason?: string;
  /** When a used-up daily allowance resets (ISO 8601), when the vendor or the quota store says. */
  readonly resetsAt?: string;
  /** How long until the vendor takes another message to this address. */
  readonly retryAfterMs?: number;
  /** The vendor request id of the send. */
  readonly requestId?: string;
  /** The error of a failed send. */
  readonly error?: ContactError;
}

/** What {@link sendPendingVerifications} resolves to. */
export interface PendingVerificationReport {
  /** One result per pending channel, in report order. */
  readonly results: readonly VerificationSent[];
  /** Counts by outcome. */
  readonly summary: Readonly<Record<VerificationSent['outcome'], number>>;
  /** Whether nothing failed (what a limit left for later is not a failure). */
  readonly ok: boolean;
}

/** What {@link sendPendingVerifications} is asked. */
export interface PendingVerificationRequest {
  /** A report from {@link reachability} over the same providers. */
  readonly report: ReachabilityReport;
  /** The providers the report was made from. */
  readonly providers: readonly SyncProvider[];
  /** Stops sending: what was not sent yet is `left`. */
  readonly signal?: AbortSignal;
}

interface Pending {
  readonly person: string;
  readonly target: string;
  readonly contactId: string;
  readonly channel: 'email' | 'phone' | 'number';
  readonly value?: string;
}

/**
 * Sends the verification message of every channel the report found `pending`: one
 * `sendVerification` each, one after another per target (targets side by side). A target that
 * answers that its daily allowance is used up (`quota-exceeded`) is sent nothing more: the rest
 * there is `left`, with `resetsAt` when known. An address the vendor asks to wait for
 * (`rate-limited`, VMP's one mail a minute) is `left` with `retryAfterMs`; the others go on.
 * A channel the target has no API for (CAM's, whose receivers confirm from the message CAM sent
 * them; a ChatApp number, which registers with the code it receives) is `cannot`, saying why.
 *
 * @throws ContactError `invalid-input` for a request that is not `{ report, providers }`.
 *
 * @example
 * ```ts
 * const report = await reachability({ desired: roster.contacts, providers });
 * const sent = await sendPendingVerifications({ report, providers });
 * console.log(sent.summary); // { sent: 3, 'already-verified': 0, left: 1, cannot: 1, failed: 0 }
 * ```
 */
export async function sendPendingVerifications(request: PendingVerificationRequest): Promise<PendingVerificationReport> {
  checkRequest(request);
  const pending: Pending[] = request.report.people.flatMap((person) =>
    person.targets.flatMap((target) =>
      target.contact === undefined
        ? []
        : target.channels
            .filter((channel) => channel.state === 'pending' && (channel.channel === 'email' || channel.channel === 'phone' || channel.channel === 'number'))
            .map((channel) => ({
              person: person.name,
              target: target.target,
              contactId: target.contact!.id,
              channel: channel.channel as Pending['channel'],
              ...(channel.value === undefined ? {} : { value: channel.value }),
            })),
    ),
  );
  const byTarget = new Map<string, Pending[]>();
  for (const item of pending) byTarget.set(item.target, [...(byTarget.get(item.target) ?? []), item]);
  const done = new Map<Pending, VerificationSent>();
  await Promise.all(
    [...byTarget].map(async ([target, items]) => {
      const provider = request.providers.find((candidate) => targetOf(candidate).target === target);
      for (const [position, item] of items.entries()) {
        const result = await sendOne(provider, item, request.signal);
        done.set(item, result);
        if (result.outcome === 'left' && result.resetsAt !== undefined) {
          // The day's allowance is used up: the rest of this target waits for tomorrow, unsent.
          for (const rest of items.slice(position + 1)) done.set(rest, { ...base(rest), outcome: 'left', reason: result.reason ?? 'the daily allowance is used up', resetsAt: result.resetsAt });
          break;
        }
      }
    }),
  );
  const results = pending.map((item) => done.get(item)!);
  const summary = { sent: 0, 'already-verified': 0, left: 0, cannot: 0, failed: 0 };
  for (const result of results) summary[result.outcome] += 1;
  return { results, summary, ok: summary.failed === 0 };
}

function base(item: Pending): Omit<VerificationSent, 'outcome'> {
  return { person: item.person, target: item.target, contactId: item.contactId, channel: item.channel, ...(item.value === undefined ? {} : { value: item.value }) };
}

async function sendOne(provider: SyncProvider | undefined, item: Pending, signal: AbortSignal | undefined): Promise<VerificationSent> {
  if (provider === undefined) return { ...base(item), outcome: 'failed', reason: `no provider is the target ${item.target}` };
  if (item.channel === 'number') {
    return { ...base(item), outcome: 'cannot', reason: 'a number is verified with the code it receives, then registered with it: its owner does both' };
  }
  if (!provider.capabilities.verificationChannels.includes(item.channel)) {
    const note = provider.capabilities.operations.sendVerification.note;
    return { ...base(item), outcome: 'cannot', reason: note ?? `${item.target} has no API to send a ${item.channel} verification` };
  }
  if (signal?.aborted === true) return { ...base(item), outcome: 'left', reason: 'stopped before it was sent' };
  try {
    const sent = await provider.sendVerification(item.contactId, item.channel, signal === undefined ? {} : { signal });
    return { ...base(item), outcome: sent.status === 'sent' ? 'sent' : 'already-verified', ...(sent.requestId === undefined ? {} : { requestId: sent.requestId }) };
  } catch (error) {
    const failure = toContactError(error, { provider: provider.id, operation: 'sendVerification' });
    if (isContactError(failure, 'quota-exceeded')) {
      // Resource Directory's SendValidateCodeExceedsLimitForAccount says no reset time: the
      // vendors' days start over at midnight in China.
      return { ...base(item), outcome: 'left', reason: `the daily allowance of verification messages is used up (${failure.vendor?.code ?? failure.code})`, resetsAt: failure.resetsAt ?? nextChinaMidnight(new Date()), error: failure };
    }
    if (isContactError(failure, 'rate-limited')) {
      return { ...base(item), outcome: 'left', reason: 'the vendor asks to wait before sending to this address again', ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }), error: failure };
    }
    return { ...base(item), outcome: 'failed', reason: failure.detail, error: failure };
  }
}

function checkRequest(request: unknown): void {
  const issues: ContactIssue[] = [];
  const record = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const report = record['report'] as { people?: unknown } | undefined;
  if (typeof report !== 'object' || report === null || !Array.isArray(report.people)) issues.push({ path: 'request.report', code: 'invalid_option', message: 'must be what reachability() returned' });
  if (!Array.isArray(record['providers'])) issues.push({ path: 'request.providers', code: 'invalid_option', message: 'must be the providers of the report' });
  for (const key of Object.keys(record)) if (!['report', 'providers', 'signal'].includes(key)) issues.push({ path: `request.${key}`, code: 'invalid_option', message: 'is not an option here (known: report, providers, signal)' });
  if (issues.length > 0) throw issuesError('invalid-input', issues, { operation: 'sendPendingVerifications' });
}
