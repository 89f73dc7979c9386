import type { Contact, ContactField, ContactInput, ContactPatch, ProviderId } from '../model/contact.js';
import type { ContactEvent, ContactEventListener } from './events.js';
import type { SyncOperations } from './sync-operations.js';

/**
 * Per-call options every operation accepts; unknown keys are refused.
 *
 * @remarks `signal` bounds the whole call (pass `AbortSignal.timeout(ms)` for a deadline);
 * `timeoutMs` bounds each attempt on the wire.
 */
export interface CallOptions {
  /**
   * Cancels the call: nothing more is sent, an attempt on the wire is abandoned (its socket
   * destroyed), and the call rejects with a `timeout` ContactError that is not retryable (an
   * `AbortSignal.timeout` deadline gives a retryable one). Already aborted, nothing is sent.
   */
  signal?: AbortSignal | undefined;
  /** Overrides the provider's `timeoutMs` for this call: the bound of each attempt on the wire. */
  timeoutMs?: number | undefined;
  /** Overrides the provider's `maxRetries` for this call. */
  maxRetries?: number | undefined;
  /** Receives this call's events, besides the provider's `onEvent` (see {@link ContactEvent}). */
  onEvent?: ContactEventListener | undefined;
  /**
   * Also read the values waiting for their owner's confirmation (a changed email or phone) where
   * the vendor keeps them apart from the contact (Resource Directory: one more request). Ignored
   * by providers that show them anyway.
   */
  includePending?: boolean | undefined;
}

/** What {@link ContactProvider.list} is asked for; unknown keys are refused. Providers add their own filters. */
export interface ListQuery {
  /**
   * Contacts per vendor request: a whole number from 1 to the provider's maximum
   * (`capabilities.pageSize.max`); anything else is refused. Default: `capabilities.pageSize.default`.
   */
  pageSize?: number | undefined;
  /** Stop after this many contacts (a whole number, 1 or more). */
  limit?: number | undefined;
}

/** The channels a verification message can be sent on. */
export type VerificationChannel = 'email' | 'phone' | 'webhook';

/** The outcome of {@link ContactProvider.sendVerification}. */
export interface VerificationResult {
  /** The channel the message went to. */
  channel: VerificationChannel;
  /** `sent`: the vendor accepted the request; `already-verified`: nothing needed sending. */
  status: 'sent' | 'already-verified';
  /** The address or number the message went to, as the vendor shows it. */
  target?: string;
  /** The vendor's request id. */
  requestId?: string;
}

/**
 * A lazily paged list of contacts: `for await` fetches one vendor page at a time, `all()`
 * collects everything (handy in the REPL).
 */
export interface ContactList<C = Contact> extends AsyncIterable<C> {
  /** Fetches every page and resolves to all contacts. */
  all(): Promise<C[]>;
  /** Iterates page by page, as the vendor returns them. */
  pages(): AsyncIterable<C[]>;
}

/** The operations of the contract. */
export type ContactOperation = 'create' | 'get' | 'update' | 'delete' | 'list' | 'findByName' | 'sendVerification';

/**
 * Every {@link ContactOperation}, as data.
 *
 * @advanced
 */
export const CONTACT_OPERATIONS = [
  'create',
  'get',
  'update',
  'delete',
  'list',
  'findByName',
  'sendVerification',
] as const satisfies readonly ContactOperation[];

/** How a provider carries out one operation. */
export interface OperationCapability {
  /** `native`: one vendor API; `emulated`: built from other vendor APIs; `unsupported`: rejects with `unsupported`. */
  readonly support: 'native' | 'emulated' | 'unsupported';
  /** The vendor operations used. */
  readonly vendorOperations: readonly string[];
  /** What a caller should know (and, when unsupported, what to do instead). */
  readonly note?: string;
}

/** How a provider treats one field of the neutral model, and the rules it checks before any request. */
export interface FieldCapability {
  /** `required` on create, `optional`, or `unsupported` (rejected with `unsupported`). */
  readonly support: 'required' | 'optional' | 'unsupported';
  /** The rule in words, for error messages and the README. */
  readonly rule?: string;
  /** What else a caller should know about the field (README only). */
  readonly note?: string;
  /** Minimum length of a string, in characters. */
  readonly minLength?: number;
  /** Maximum length of a string, in characters. */
  readonly maxLength?: number;
  /** A pattern the whole string must match, described in `rule`. */
  readonly pattern?: RegExp;
  /** ISO 3166-1 alpha-2 regions a phone number must belong to. */
  readonly phoneRegions?: readonly string[];
  /** Whether `update` can change it (default: when update is supported and the field is). */
  readonly updatable?: boolean;
  /** Whether `update` can clear it with `null` (default: when it is optional and updatable). */
  readonly clearable?: boolean;
  /** The vendor returns it masked, so a read never shows the full value. */
  readonly masked?: boolean;
}

/** A documented request-rate limit: each of the operations it names may be sent this often, separately. */
export interface RateLimitCapability {
  /** The vendor operations it applies to, each one separately (`*` for every operation not named elsewhere). */
  readonly operations: readonly string[];
  /** Requests per second, per operation. */
  readonly perSecond: number;
}

/** A documented count or daily quota. */
export interface QuotaCapability {
  /**
   * Its short id (`createsPerDay`): the name the emulator's and the provider's `quotas` options
   * use for it. A daily quota with an id and an `action` is counted on the client, so a call that
   * would exceed it fails fast without reaching the vendor.
   */
  readonly id?: string;
  /** What is counted. */
  readonly name: string;
  /** The limit, or `unknown` where the vendor does not publish it. */
  readonly limit: number | 'unknown';
  /** `day`: resets daily; `total`: a standing count. */
  readonly period: 'day' | 'total';
  /** The vendor error code reported when it is used up. */
  readonly vendorCode: string;
  /** The vendor action each call of which uses one unit, when the quota counts calls. */
  readonly action?: string;
}

/** What a contact id of the provider looks like, checked before any request. */
export interface IdCapability {
  /** The pattern a whole id must match. */
  readonly pattern: RegExp;
  /** The rule in words: `a CAM receiver Uid (digits)`. */
  readonly rule: string;
  /** An example id, for messages. */
  readonly example: string;
}

/**
 * How declarative sync treats a provider's contacts. Every key is optional; the defaults suit a
 * vendor whose contacts are people with unique names.
 */
export interface SyncCapability {
  /**
   * What a roster entry is matched by: `name` (default; the vendor keeps names unique) or `phone`
   * (the contact is a phone number, as a ChatApp number is: its name is a display name others
   * may share).
   */
  readonly key?: 'name' | 'phone';
  /**
   * Which roster entries go to this provider: `all` (default; every entry its `only` allows) or
   * `named` (only entries that name it, in `only` or with an override: a ChatApp number is a
   * business's line, not a person's).
   */
  readonly entries?: 'all' | 'named';
  /**
   * Whether a change `update` cannot make may be made by a replace (delete, then create):
   * default true; false makes it a skip with the reason (replacing a ChatApp number would
   * deregister it).
   */
  readonly replace?: boolean;
}

/**
 * What a provider can do, as data: the single source for validation before any request and
 * for the README's capability matrix.
 */
export interface Capabilities {
  /** The provider described. */
  readonly provider: ProviderId;
  /** The vendor API and version. */
  readonly api: string;
  /** What its contact ids look like. */
  readonly id: IdCapability;
  /** Each operation of the contract. */
  readonly operations: Readonly<Record<ContactOperation, OperationCapability>>;
  /** Each field of the neutral model. */
  readonly fields: Readonly<Record<ContactField, FieldCapability>>;
  /** Channels `sendVerification` accepts. */
  readonly verificationChannels: readonly VerificationChannel[];
  /** Page sizes of `list`. */
  readonly pageSize: { readonly default: number; readonly max: number };
  /** Documented rate limits. */
  readonly rateLimits: readonly RateLimitCapability[];
  /** Documented quotas. */
  readonly quotas: readonly QuotaCapability[];
  /** How sync matches and changes its contacts (default: by unique name, every entry, replace allowed). */
  readonly sync?: SyncCapability;
}

/**
 * One cloud's contacts behind the neutral contract.
 *
 * @remarks Every method validates its input against {@link Capabilities} before any request and
 * rejects only with {@link ContactError}. Operations a vendor lacks are emulated where honest or
 * reject with `unsupported`; vendor-only operations are extra methods on the provider object.
 */
export interface ContactProvider<
  C extends Contact<object> = Contact,
  I extends ContactInput = ContactInput,
  Q extends ListQuery = ListQuery,
  P extends ContactPatch = ContactPatch,
> {
  /** Which cloud this is. */
  readonly id: ProviderId;
  /** What this provider can do, as data. */
  readonly capabilities: Capabilities;
  /**
   * Creates a contact.
   * @throws ContactError `invalid-input`, `unsupported`, `already-exists`, `quota-exceeded`, and the transport codes.
   */
  create(input: I, options?: CallOptions): Promise<C>;
  /**
   * Reads one contact by its vendor id.
   * @throws ContactError `not-found`, and the transport codes.
   */
  get(id: string, options?: CallOptions): Promise<C>;
  /**
   * Changes fields of a contact; `null` clears a field.
   * @throws ContactError `not-found`, `invalid-input`, `unsupported`, `conflict`, and the transport codes.
   */
  update(id: string, patch: P, options?: CallOptions): Promise<C>;
  /**
   * Deletes a contact.
   * @throws ContactError `not-found`, `conflict`, and the transport codes.
   */
  delete(id: string, options?: CallOptions): Promise<void>;
  /**
   * Lists contacts, fetching pages lazily; nothing is sent until iteration starts. Errors,
   * a bad query's included, surface while iterating; `options` apply to each page's fetch.
   */
  list(query?: Q, options?: CallOptions): ContactList<C>;
  /** Finds a contact by exact name; resolves to `undefined` when there is none. */
  findByName(name: string, options?: CallOptions): Promise<C | undefined>;
  /**
   * Asks the vendor to send a verification message to the contact's email, phone or webhook.
   * @throws ContactError `unsupported` when the provider has no such API or channel.
   */
  sendVerification(id: string, channel: VerificationChannel, options?: CallOptions): Promise<VerificationResult>;
  /**
   * Optional: operations sync uses instead of the methods above to spend fewer vendor calls
   * (see {@link SyncOperations}). A provider without them syncs through the methods above.
   */
  readonly syncOperations?: SyncOperations<C>;
}
