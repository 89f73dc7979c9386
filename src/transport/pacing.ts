/**
 * The client-side gates before a request is sent: a rate-limit slot for its vendor action, and a
 * unit of the daily quota the action uses, both shared by every provider of the same account.
 */
import { errorIn, toContactError } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';
import type { ContactError } from '../errors/errors.js';
import type { CallPolicy, CountedQuota } from './call-scope.js';
import type { QuotaReservation } from './quota-store.js';
import { neverSent } from './retry-policy.js';

/**
 * Waits for a rate-limit slot of the action, if it has a limit; resolves to how long the limiter
 * held the request, as the limiter says (timed around the wait for a limiter that does not say),
 * or undefined when the action has no limit. A process held up by a busy machine right then is
 * not a wait for the limit: the limiter's own answer keeps it out.
 *
 * @param priority - whether the call already sent a request: an operation's follow-ups go first.
 * @throws ContactError `rate-limited` (nothing sent) when the caller's signal fires while waiting.
 */
export async function acquireSlot(policy: CallPolicy, action: string, priority: boolean, signal: AbortSignal | undefined, context: ErrorContext): Promise<number | undefined> {
  const limiter = policy.limiter;
  const perSecond = limiter === undefined ? undefined : policy.rateFor(action);
  if (limiter === undefined || perSecond === undefined) return undefined;
  const waitStarted = performance.now();
  let heldMs: number | void;
  try {
    heldMs = await limiter.acquire({ provider: policy.provider, account: policy.account(), action, perSecond, priority }, signal);
  } catch (error) {
    if (signal?.aborted !== true) throw toContactError(error, context);
    throw errorIn(context, {
      code: 'rate-limited',
      retryAfterMs: Math.ceil(1000 / perSecond),
      message: `no ${action} request could be sent within the ${perSecond}/s rate limit before the caller's AbortSignal fired; nothing was sent`,
    });
  }
  return typeof heldMs === 'number' ? heldMs : performance.now() - waitStarted;
}

/**
 * A unit of the action's daily quota, when it has one the client counts.
 *
 * @throws ContactError `quota-exceeded` (with `resetsAt`) when the day's units are used up: nothing is sent.
 */
export async function reserveQuota(policy: CallPolicy, quota: CountedQuota, context: ErrorContext): Promise<QuotaReservation> {
  let reservation: QuotaReservation;
  try {
    reservation = await policy.quotaStore!.reserve(quotaRequest(policy, quota));
  } catch (error) {
    throw toContactError(error, context);
  }
  if (reservation.granted) return reservation;
  throw errorIn(context, {
    code: 'quota-exceeded',
    resetsAt: reservation.resetsAt,
    message: `the ${quota.limit} ${quota.name} are used up (counted on the client; ${quota.vendorCode} from the vendor otherwise): nothing was sent; it resets at ${reservation.resetsAt}`,
  });
}

/** Gives a unit back when the request provably did not count; records a vendor saying the quota is used up. */
export async function settleQuota(policy: CallPolicy, quota: CountedQuota, reservation: QuotaReservation, failure: ContactError): Promise<void> {
  if (!reservation.granted) return;
  try {
    if (failure.code === 'quota-exceeded' && failure.vendor?.code === quota.vendorCode) {
      await policy.quotaStore!.exhaust(quotaRequest(policy, quota));
    } else if (failure.code === 'rate-limited' || failure.code === 'unauthenticated' || neverSent(failure)) {
      await reservation.release();
    }
  } catch {
    // The count is an optimisation over the vendor's own: a store that cannot be told errs on the safe side.
  }
}

function quotaRequest(policy: CallPolicy, quota: CountedQuota) {
  return { provider: policy.provider, account: policy.account(), quota: quota.quota, limit: quota.limit, dayOffsetMinutes: quota.dayOffsetMinutes };
}

/**
 * How many units of an action's daily quota the client counts as left today, without using one;
 * undefined when it counts none or its store cannot tell (a store without `remaining`).
 */
export async function quotaLeft(policy: CallPolicy, action: string): Promise<number | undefined> {
  const store = policy.quotaStore;
  const quota = store?.remaining === undefined ? undefined : policy.quotaFor(action);
  if (store?.remaining === undefined || quota === undefined) return undefined;
  try {
    return await store.remaining(quotaRequest(policy, quota));
  } catch {
    // Not knowing is no reason to fail a plan: the create's own reservation still guards the quota.
    return undefined;
  }
}
