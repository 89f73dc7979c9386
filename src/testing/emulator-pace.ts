import type { RecordedRequest } from './emulator-types.js';

/**
 * A steady pace a client keeps: at most one request of each action every `intervalMs`, from
 * `startAt` on. Times are on the clock of {@link RecordedRequest.receivedAt}.
 */
export interface Pace {
  /** When the client started sending, in milliseconds since the epoch (with fractions). */
  readonly startAt: number;
  /** The pace's spacing: `1000 / perSecond`, times whatever margin the client keeps. */
  readonly intervalMs: number;
}

/**
 * The requests received from `pace.startAt` on that came sooner than the pace allows: counting
 * each action's requests from 0 in the order they arrived, the n-th is ahead when it arrived
 * before `startAt + n × intervalMs`.
 *
 * A client that waits for each request's slot on such a schedule yields none, however busy the
 * machine: a delay between the slot and the emulator reading the request only makes it later.
 * That is why pacing tests count this rather than the requests in a sliding second, which a
 * delayed request can crowd (the vendor then throttles it, and the client retries).
 */
export function requestsAheadOf<T extends Pick<RecordedRequest, 'action' | 'receivedAt'>>(requests: readonly T[], pace: Pace): T[] {
  const seen = new Map<string, number>();
  const ahead: T[] = [];
  const inOrder = requests.filter((request) => request.receivedAt >= pace.startAt).sort((a, b) => a.receivedAt - b.receivedAt);
  for (const request of inOrder) {
    const n = seen.get(request.action) ?? 0;
    seen.set(request.action, n + 1);
    if (request.receivedAt < pace.startAt + n * pace.intervalMs) ahead.push(request);
  }
  return ahead;
}
