/**
 * The shapes of a reachability report: per person, per target, per channel, whether a message
 * would reach them, and if not, why.
 */
import type { ProviderId } from '../model/contact.js';
import type { ContactError } from '../errors/errors.js';
import type { DesiredContact, SyncProvider } from '../sync/sync-types.js';

/**
 * Where a channel stands:
 * - `reachable`: the target has it and nothing says it does not work (a webhook is `tested`
 *   only when asked: see {@link ReachabilityRequest.testWebhooks});
 * - `pending`: it waits for its owner to confirm it (an email's link, a phone's code);
 * - `failing`: the vendor says it does not work (a chat bot's error, a disconnected number), or
 *   the target could not be read;
 * - `missing`: the roster wants it and the target lacks it (no contact, no such value, another value);
 * - `not-supported`: the target cannot hold it (a phone on VMP, a webhook on CAM).
 */
export type ReachState = 'reachable' | 'pending' | 'failing' | 'missing' | 'not-supported';

/** A way to reach someone: an email address, a phone number, a webhook, or a ChatApp number (the contact itself). */
export type ReachChannel = 'email' | 'phone' | 'number' | 'webhooks.generic' | 'webhooks.lark' | 'webhooks.dingtalk' | 'webhooks.wecom';

/** One channel of one person on one target. */
export interface ChannelReach {
  /** The channel. */
  readonly channel: ReachChannel;
  /** Where it stands. */
  readonly state: ReachState;
  /** The address or number as the target shows it (masked where the vendor masks it; a webhook's URL with its key masked). */
  readonly value?: string;
  /**
   * For `pending`, where the vendor says: when the contact was created (it has waited at most
   * since then; a contact that never became active has waited exactly that long).
   */
  readonly since?: string;
  /** Why it stands so: the vendor's reason for failing, what is missing, a quality warning. */
  readonly reason?: string;
  /** For a webhook: whether the vendor's test operation checked it. */
  readonly tested?: boolean;
}

/** One person on one target. */
export interface TargetReach {
  /** The target. */
  readonly target: string;
  /** Whether the roster sends this person there (false: `only` leaves it out, or the target takes only entries naming it). */
  readonly wanted: boolean;
  /** The contact the roster entry matched there. */
  readonly contact?: { readonly id: string; readonly name: string };
  /** The channels the roster wants there; empty when not wanted. */
  readonly channels: readonly ChannelReach[];
}

/** One person of the roster. */
export interface PersonReach {
  /** The roster entry's name. */
  readonly name: string;
  /** Whether the roster marks them on call (`oncall: true`). */
  readonly oncall: boolean;
  /** Whether some channel on some target is `reachable`. */
  readonly reachable: boolean;
  /** Each target, in the order of the providers given. */
  readonly targets: readonly TargetReach[];
}

/** How a target was read. */
export interface TargetRead {
  /** The target. */
  readonly target: string;
  /** Its provider. */
  readonly provider: ProviderId;
  /** Why it could not be read: its channels are `failing` with this reason. */
  readonly error?: ContactError;
}

/** What {@link reachability} resolves to. */
export interface ReachabilityReport {
  /** Each target, in the order of the providers given. */
  readonly targets: readonly TargetRead[];
  /** Each roster entry, in roster order. */
  readonly people: readonly PersonReach[];
  /** The names of the on-call people no channel reaches. */
  readonly unreachableOncall: readonly string[];
  /** Whether every target was read and every on-call person can be reached. */
  readonly ok: boolean;
}

/** What {@link reachability} is asked. */
export interface ReachabilityRequest {
  /** The roster's contacts (`roster.contacts`); `oncall: true` marks who must be reachable. */
  readonly desired: readonly DesiredContact[];
  /** The targets to look in. */
  readonly providers: readonly SyncProvider[];
  /**
   * Test each wanted webhook through the vendor's own test operation (VMP's `Test*Webhook`),
   * which posts a test message to the chat group; default false (a webhook that exists is
   * `reachable`, `tested: false`).
   */
  readonly testWebhooks?: boolean;
  /** Cancels the reads. */
  readonly signal?: AbortSignal;
}
