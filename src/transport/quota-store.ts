import { vendorDay } from '../util/vendor-day.js';
import type { ProviderId } from '../model/contact.js';

/**
 * One request for a unit of a vendor's daily quota (CAM's 10 receiver creates a day).
 *
 * @advanced
 */
export interface QuotaRequest {
  /** The provider. */
  readonly provider: ProviderId;
  /** The vendor account: a hash of the endpoint and access key id, never the key itself. */
  readonly account: string;
  /** The quota's id, as in the provider's capabilities (`createsPerDay`). */
  readonly quota: string;
  /** Units allowed per day. */
  readonly limit: number;
  /** Minutes east of UTC of the vendor's day boundary (China: 480). */
  readonly dayOffsetMinutes: number;
}

/**
 * The answer to a {@link QuotaRequest}.
 *
 * @advanced
 */
export type QuotaReservation =
  | {
      /** A unit is reserved for the request about to be sent. */
      readonly granted: true;
      /** Gives the unit back: the request provably never counted (refused at the door, never sent). */
      release(): Promise<void>;
    }
  | {
      /** Nothing is left today: the request must not be sent. */
      readonly granted: false;
      /** When the quota starts over (ISO 8601 with the vendor's offset). */
      readonly resetsAt: string;
    };

/**
 * Counts the units of vendor daily quotas an account uses, so a call that would exceed one fails
 * fast (`quota-exceeded` with `resetsAt`) without reaching the vendor. The in-process
 * implementation ({@link localQuotaStore}) is the default; `cloud-contacts/redis` shares the
 * counts across processes.
 *
 * @advanced
 */
export interface QuotaStore {
  /** Reserves a unit for a request about to be sent, or says the day's units are used up. */
  reserve(request: QuotaRequest): Promise<QuotaReservation>;
  /** Records that the vendor says the quota is used up today (another tool may have used it). */
  exhaust(request: QuotaRequest): Promise<void>;
  /**
   * How many units are left today, without reserving one. Optional: a plan asks it to plan no
   * more creates than the day has left; without it, a plan goes by the quota's limit.
   */
  remaining?(request: QuotaRequest): Promise<number>;
}

/**
 * The in-process {@link QuotaStore}: counters per provider, account, quota and vendor day,
 * shared by the provider objects of one process.
 *
 * @param now - the clock, replaceable in tests (default `Date.now`).
 *
 * @advanced
 */
export function localQuotaStore(now: () => number = () => Date.now()): QuotaStore {
  const used = new Map<string, number>();
  const keyOf = (request: QuotaRequest, day: string): string => `${request.provider}\n${request.account}\n${request.quota}\n${day}`;
  return {
    async reserve(request) {
      const { day, resetsAt } = vendorDay(now(), request.dayOffsetMinutes);
      const key = keyOf(request, day);
      const count = used.get(key) ?? 0;
      if (count >= request.limit) return { granted: false, resetsAt };
      // Yesterday's counters are of no more use.
      for (const old of used.keys()) if (!old.endsWith(`\n${day}`)) used.delete(old);
      used.set(key, count + 1);
      return {
        granted: true,
        release: async () => {
          used.set(key, Math.max(0, (used.get(key) ?? 1) - 1));
        },
      };
    },
    async exhaust(request) {
      const { day } = vendorDay(now(), request.dayOffsetMinutes);
      used.set(keyOf(request, day), request.limit);
    },
    async remaining(request) {
      const { day } = vendorDay(now(), request.dayOffsetMinutes);
      return Math.max(0, request.limit - (used.get(keyOf(request, day)) ?? 0));
    },
  };
}

/** The store providers use unless their settings give another. */
export const sharedLocalQuotaStore: QuotaStore = localQuotaStore();
