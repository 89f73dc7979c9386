import type { ProviderId } from '../model/contact.js';

/**
 * Every code a {@link ContactError} can carry, in the order of the README's error table.
 *
 * @remarks The list is data so tests and the README can walk it; the union type below is derived from it.
 */
export const CONTACT_ERROR_CODES = [
  'invalid-input',
  'invalid-config',
  'unauthenticated',
  'permission-denied',
  'not-subscribed',
  'not-found',
  'already-exists',
  'conflict',
  'rate-limited',
  'quota-exceeded',
  'unsupported',
  'unavailable',
  'network',
  'timeout',
  'invalid-response',
  'unknown',
] as const;

/** The discriminant of {@link ContactError}: what went wrong, independent of the vendor. */
export type ContactErrorCode = (typeof CONTACT_ERROR_CODES)[number];

/**
 * Whether an error with this code is worth retrying, unless the error says otherwise.
 *
 * @remarks `conflict` is retryable only when it reports a concurrent call (the adapter sets
 * `retryable: true` on that error); a state conflict stays non-retryable.
 *
 * @advanced
 */
export const DEFAULT_RETRYABLE: Readonly<Record<ContactErrorCode, boolean>> = {
  'invalid-input': false,
  'invalid-config': false,
  unauthenticated: false,
  'permission-denied': false,
  'not-subscribed': false,
  'not-found': false,
  'already-exists': false,
  conflict: false,
  'rate-limited': true,
  'quota-exceeded': false,
  unsupported: false,
  unavailable: true,
  network: true,
  timeout: true,
  'invalid-response': false,
  unknown: false,
};

/** One problem found in caller input, shaped like a zod issue: where, what rule, and a sentence. */
export interface ContactIssue {
  /** Dotted path of the field, such as `email` or `webhooks.dingtalk.url`; empty for the whole input. */
  readonly path: string;
  /** A short machine-readable rule name, such as `required`, `too_big`, `invalid_format`, `unsupported`. */
  readonly code: string;
  /** A human sentence naming the rule. */
  readonly message: string;
}

/** What the vendor said, kept verbatim so nothing is lost when a code is translated. */
export interface VendorErrorInfo {
  /** The vendor's error code, such as `InvalidParameter.SubUserNameInUse`. */
  readonly code: string;
  /** The vendor's error message. */
  readonly message: string;
  /** The vendor's request id, for support tickets. */
  readonly requestId?: string;
  /** The HTTP status of the vendor's answer, when there was one. */
  readonly httpStatus?: number;
}

/**
 * Everything needed to build a {@link ContactError}.
 *
 * @advanced
 */
export interface ContactErrorOptions<C extends ContactErrorCode = ContactErrorCode> {
  /** What went wrong. */
  readonly code: C;
  /** What happened, in a sentence; the provider and operation are prefixed automatically. */
  readonly message: string;
  /** The provider the call went to. */
  readonly provider?: ProviderId | undefined;
  /** The target (the provider object's `target` setting), when it is named other than its provider id. */
  readonly target?: string | undefined;
  /** The operation that failed: a contract method (`create`), a provider's extra method, or `settings`, `plan`, `sync`. */
  readonly operation?: string | undefined;
  /** Overrides the code's default retryability. */
  readonly retryable?: boolean | undefined;
  /** The neutral field at fault, such as `email`. */
  readonly field?: string | undefined;
  /** All input problems found, for `invalid-input` and `unsupported`. */
  readonly issues?: readonly ContactIssue[] | undefined;
  /** How long to wait before retrying, when the vendor said. */
  readonly retryAfterMs?: number | undefined;
  /** When a used-up quota resets (ISO 8601), when known. */
  readonly resetsAt?: string | undefined;
  /** The vendor's own code, message and request id. */
  readonly vendor?: VendorErrorInfo | undefined;
  /** The underlying error, already stripped of secrets. */
  readonly cause?: unknown;
}

/**
 * The optional fields of a ContactError: the one registry the constructor, `toJSON` and
 * {@link optionsOf} walk. `satisfies` makes a field added to {@link ContactErrorOptions} and not
 * here (or named here and not there) a compile error.
 */
const OPTIONAL_FIELD_REGISTRY = {
  provider: true,
  target: true,
  operation: true,
  field: true,
  issues: true,
  retryAfterMs: true,
  resetsAt: true,
  vendor: true,
} as const satisfies Record<Exclude<keyof ContactErrorOptions, 'code' | 'message' | 'retryable' | 'cause'>, true>;
type OptionalField = keyof typeof OPTIONAL_FIELD_REGISTRY;
const OPTIONAL_FIELDS = Object.keys(OPTIONAL_FIELD_REGISTRY) as OptionalField[];

/**
 * The marker that identifies a ContactError across duplicate package copies and between the
 * ESM and CommonJS builds, where `instanceof` against one class object would fail.
 */
const CONTACT_ERROR_MARKER = Symbol.for('cloud-contacts.ContactError');

/**
 * The one error every public method of cloud-contacts rejects with.
 *
 * @remarks Switch on `code`; read `retryable` before retrying; `vendor` keeps the vendor's code,
 * message and request id. Messages name the provider, the operation and the field, and never
 * contain a credential, signature, token or webhook secret. Recognise it with
 * {@link isContactError}, which also works across package copies; `instanceof ContactError`
 * works too, through the same marker.
 *
 * @example
 * ```ts
 * try {
 *   await provider.create(input);
 * } catch (e) {
 *   if (isContactError(e, 'already-exists')) console.log('taken:', e.field);
 *   else throw e;
 * }
 * ```
 */
export class ContactError<C extends ContactErrorCode = ContactErrorCode> extends Error {
  /** Always `ContactError`. */
  override readonly name = 'ContactError';
  /** What went wrong. */
  readonly code: C;
  /** Whether retrying the same call may succeed. */
  readonly retryable: boolean;
  // `declare` keeps absent fields absent: a class field would be an own property holding
  // `undefined`, and printed errors would list `issues: undefined, retryAfterMs: undefined, ...`.
  /** The provider the call went to, when there was one. */
  declare readonly provider?: ProviderId;
  /** The target the call went to, when the provider object names one other than its provider id (`cam-prod`). */
  declare readonly target?: string;
  /** The operation that failed. */
  declare readonly operation?: string;
  /** The neutral field at fault. */
  declare readonly field?: string;
  /** Every input problem found. */
  declare readonly issues?: readonly ContactIssue[];
  /** How long to wait before retrying, when known. */
  declare readonly retryAfterMs?: number;
  /** When a used-up quota resets (ISO 8601), when known. */
  declare readonly resetsAt?: string;
  /** The vendor's own code, message, request id and HTTP status. */
  declare readonly vendor?: VendorErrorInfo;

  /** Builds an error; prefer letting the library build them. */
  constructor(options: ContactErrorOptions<C>) {
    super(formatMessage(options), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.retryable = options.retryable ?? DEFAULT_RETRYABLE[options.code];
    for (const key of OPTIONAL_FIELDS) {
      if (options[key] !== undefined) Object.defineProperty(this, key, { value: options[key], enumerable: true });
    }
    Object.defineProperty(this, CONTACT_ERROR_MARKER, { value: true });
  }

  /** The message without the `provider operation: ` prefix, for rebuilding the error with more to say. */
  get detail(): string {
    const prefix = messagePrefix(this.provider, this.operation, this.target);
    return prefix !== '' && this.message.startsWith(`${prefix}: `) ? this.message.slice(prefix.length + 2) : this.message;
  }

  /** Makes `instanceof ContactError` true for errors from any copy or build of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isContactError(value);
  }

  /** A plain, secret-free view for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : undefined;
    return dropUndefined({ name: this.name, code: this.code, message: this.message, retryable: this.retryable, ...optionalFieldsOf(this), cause });
  }
}

/**
 * Tells whether a value is a {@link ContactError}, optionally of one code, and narrows it.
 *
 * @remarks Checks a `Symbol.for` marker, so errors from another copy of the package, or from the
 * CommonJS build when you use the ESM one, are recognised.
 *
 * @example
 * ```ts
 * if (isContactError(e, 'rate-limited')) await sleep(e.retryAfterMs ?? 1000);
 * ```
 */
export function isContactError(value: unknown): value is ContactError;
export function isContactError<C extends ContactErrorCode>(value: unknown, code: C): value is ContactError<C>;
export function isContactError(value: unknown, code?: ContactErrorCode): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[CONTACT_ERROR_MARKER] !== true) return false;
  return code === undefined || (value as { code?: unknown }).code === code;
}

function messagePrefix(provider: string | undefined, operation: string | undefined, target: string | undefined): string {
  const who = target === undefined || target === provider ? provider : `${provider ?? 'target'} ${target}`;
  return [who, operation].filter((part) => part !== undefined).join(' ');
}

function formatMessage(options: ContactErrorOptions): string {
  const where = messagePrefix(options.provider, options.operation, options.target);
  return where === '' ? options.message : `${where}: ${options.message}`;
}

/**
 * The same error with a note appended to its message (what an earlier step already changed,
 * what to do next); every other field is kept.
 */
export function withNote<E extends ContactError>(error: E, note: string): E {
  return new ContactError({ ...optionsOf(error), message: `${error.detail} (${note})` }) as E;
}

/** The options that rebuild an error as it is. */
export function optionsOf(error: ContactError): ContactErrorOptions {
  return { code: error.code, message: error.detail, retryable: error.retryable, ...optionalFieldsOf(error), cause: error.cause };
}

/** The optional fields an error has set. */
function optionalFieldsOf(error: ContactError): Partial<Pick<ContactErrorOptions, OptionalField>> {
  const out: Record<string, unknown> = {};
  for (const key of OPTIONAL_FIELDS) if (error[key] !== undefined) out[key] = error[key];
  return out;
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
