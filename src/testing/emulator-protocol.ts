import type { ProviderId } from '../model/contact.js';
import type { CredentialEnvNames } from '../credentials/credentials.js';
import type { EmulatorCredentials, EmulatedServiceId } from './emulator-types.js';
import type { KeyVendor, SessionVerdict } from './temporary-keys.js';

/** A request handed to a vendor protocol. */
export interface EmulatorRequest {
  /** HTTP method, upper-case. */
  readonly method: string;
  /** Path and query as sent. */
  readonly rawUrl: string;
  /** The parsed URL (the host is the emulator's). */
  readonly url: URL;
  /** Headers, lower-cased. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The exact body bytes, for signature checks. */
  readonly rawBody: Buffer;
  /** The body as UTF-8 text. */
  readonly body: string;
  /** The vendor action, as the protocol read it. */
  readonly action: string;
}

/** A vendor answer. An object body is sent as JSON. */
export interface EmulatorResponse {
  /** HTTP status. */
  readonly status: number;
  /** Extra headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Text, or an object to send as JSON. */
  readonly body: string | object;
}

/** A vendor error to answer with. */
export interface VendorErrorSpec {
  /** The vendor's code. */
  readonly code: string;
  /** The vendor's message; the protocol supplies its documented text when absent. */
  readonly message?: string | undefined;
  /** The HTTP status; the protocol supplies the vendor's usual one when absent. */
  readonly httpStatus?: number | undefined;
}

/** A count that resets daily (or never), with a limit. */
export interface QuotaCounter {
  /** The limit in force. */
  readonly limit: number;
  /** Uses one unit; false when the limit is reached (nothing is used then). */
  tryConsume(): boolean;
  /** Units used in the current period. */
  used(): number;
}

/** What the harness gives a protocol for each request. */
export interface EmulatorContext {
  /** The emulator clock. */
  now(): Date;
  /** The accepted key pair. */
  readonly credentials: EmulatorCredentials;
  /** The secret for a key id (the accepted pair, or temporary keys the vendor's STS or metadata emulators issued), or undefined for an unknown key. */
  secretFor(accessKeyId: string): string | undefined;
  /**
   * For temporary keys, whether the request carries their session token and they are still
   * valid on this emulator's clock; undefined for long-term keys (which need no token).
   */
  session(accessKeyId: string, token: string | undefined): SessionVerdict | undefined;
  /** Whom a key acts for: a temporary key's role ARN, else the key id itself. */
  principalOf(accessKeyId: string): string;
  /** A named daily or standing quota (declared by the protocol, overridable by options). */
  quota(name: string): QuotaCounter;
  /** A fresh request id (UUID). */
  requestId(): string;
}

/**
 * One vendor's side of the wire, served by the shared harness: routing, signature checks,
 * state, validation and the vendor's envelopes.
 */
export interface EmulatorProtocol<Hooks extends object = object, Id extends EmulatedServiceId = ProviderId> {
  /** The provider (or the vendor's STS or metadata service) it emulates. */
  readonly provider: Id;
  /** The vendor whose temporary keys it accepts (and, for STS and metadata services, issues). */
  readonly keyVendor?: KeyVendor;
  /** Fake keys accepted by default. */
  readonly defaultCredentials: EmulatorCredentials;
  /** The environment variables the provider reads its credentials from. */
  readonly credentialEnv: CredentialEnvNames;
  /** The vendor's documented requests per second per action. */
  readonly defaultRateLimit: number;
  /** Actions the vendor limits differently from {@link defaultRateLimit}, with their requests per second. */
  readonly actionRateLimits?: Readonly<Record<string, number>>;
  /** What the vendor answers to a request it cannot even parse (a broken URL). */
  readonly badRequest: VendorErrorSpec;
  /** The largest body the vendor's gateway takes, in bytes (default 1 MiB); larger ones get HTTP 413. */
  readonly maxBodyBytes?: number;
  /** Quota names with their vendor defaults, and whether they reset daily. */
  readonly quotas: Readonly<Record<string, { readonly limit: number; readonly daily: boolean }>>;
  /** Minutes east of UTC of the vendor's day boundary, for daily quotas (China: 480). */
  readonly dayOffsetMinutes: number;
  /** The vendor's throttling error. */
  readonly throttle: VendorErrorSpec;
  /** Reads the vendor action a request names, or '' when it names none. */
  actionOf(request: Omit<EmulatorRequest, 'action'>): string;
  /** Answers a request: signature, validation, state. A thrown `VendorFault` is answered with {@link errorResponse}. */
  handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse | Promise<EmulatorResponse>;
  /** The vendor's error envelope for a code. */
  errorResponse(error: VendorErrorSpec, context: EmulatorContext): EmulatorResponse;
  /** A body the vendor's client cannot parse, for `malformed-body` faults. */
  malformedBody?(): EmulatorResponse;
  /** Forgets all state. */
  reset(): void;
  /** Test hooks (not vendor APIs) exposed as methods of the emulator object. */
  readonly hooks?: Hooks;
}
