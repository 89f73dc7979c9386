import type { ProviderId } from '../model/contact.js';

/** The vendors' STS and instance metadata services, emulated beside the products. */
export type CredentialServiceId = 'alibaba-sts' | 'alibaba-metadata' | 'tencent-sts' | 'tencent-metadata' | 'volcengine-sts' | 'volcengine-metadata';

/** What an emulator speaks: a provider's API, or a vendor's STS or metadata service. */
export type EmulatedServiceId = ProviderId | CredentialServiceId;

/** Access keys an emulator accepts (fake values; it checks signatures made with them). */
export interface EmulatorCredentials {
  /** The key id (Tencent: SecretId). */
  readonly accessKeyId: string;
  /** The secret (Tencent: SecretKey). */
  readonly accessKeySecret: string;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; default: an ephemeral port. */
  port?: number;
  /** The key pair the emulator accepts; default: the provider's fake test keys. */
  credentials?: EmulatorCredentials;
  /** Requests per second allowed per vendor action before the vendor's throttling error; `false` for none. */
  rateLimit?: number | false;
  /** Overrides of the vendor's counts and daily limits, by quota name (each emulator documents its names). */
  quotas?: Record<string, number>;
  /** A test clock: timestamps, signature-age checks and daily quotas follow it. */
  now?: () => Date;
}

/** One request as the emulator received it. */
export interface RecordedRequest {
  /** The vendor action it named (`CreateMessageReceiver`), or `''` when it named none. */
  readonly action: string;
  /** HTTP method. */
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  /** Headers, lower-cased. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The raw body text (at most 64 KiB of it). */
  readonly body: string;
  /** When it arrived, in milliseconds since the epoch (with fractions), on the host's clock. */
  readonly receivedAt: number;
}

/** Which calls a fault applies to. */
export interface FaultFilter {
  /** Only requests for this vendor action; default: any. */
  action?: string;
  /** How many matching requests it applies to; default 1. */
  times?: number;
}

/**
 * A failure to inject into the next matching call(s). The `-after-apply` kinds make the change,
 * then lose the answer, like a network that fails after the vendor acted.
 */
export type EmulatorFault = FaultFilter &
  (
    | { kind: 'vendor-error'; code: string; httpStatus?: number; message?: string }
    | { kind: 'reset' }
    | { kind: 'hang' }
    | { kind: 'reset-after-apply' }
    | { kind: 'hang-after-apply' }
    | { kind: 'http-status'; status: number; body?: string }
    | { kind: 'malformed-body' }
    | { kind: 'delay'; ms: number }
  );

/** A running emulator: a real HTTP server on 127.0.0.1 speaking one vendor's protocol. */
export interface Emulator<Id extends EmulatedServiceId = ProviderId> {
  /** Which vendor API it speaks. */
  readonly provider: Id;
  /** Its base URL, to pass as a provider's `endpoint` setting. */
  readonly endpoint: string;
  /** The key pair it accepts, to pass as a provider's `credentials` setting. */
  readonly credentials: EmulatorCredentials;
  /**
   * The provider's credential variables set to the emulator's keys, for a shell or a child
   * process (`{ TENCENTCLOUD_SECRET_ID: '…', TENCENTCLOUD_SECRET_KEY: '…' }`).
   */
  readonly environment: Readonly<Record<string, string>>;
  /**
   * The requests received since start or the last `reset()`, oldest first: all of them, up to the
   * latest 10,000 (older ones are dropped a thousand at a time, so the log cannot grow without bound).
   */
  readonly requests: readonly RecordedRequest[];
  /** Injects a fault into the next matching call(s); faults queue in order. */
  failNext(fault: EmulatorFault): void;
  /**
   * The faults not used yet, in order, each with the uses it has left (`times`): a fault queued
   * for more calls than were made stays here and would hit later calls.
   */
  readonly pendingFaults: readonly (EmulatorFault & { readonly times: number })[];
  /** Drops the faults not used yet, keeping the contacts and the request log. */
  clearFaults(): void;
  /** Forgets all contacts, recorded requests, queued faults and counters (see {@link Emulator.clearFaults} to drop only the faults). */
  reset(): void;
  /** Stops the server and drops open connections, hanging ones included. */
  close(): Promise<void>;
}
