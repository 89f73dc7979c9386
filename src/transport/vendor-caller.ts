/**
 * The one way a provider calls its vendor: an action table says, per vendor action, whether it
 * may be sent twice and what its answer looks like; a transport sends one attempt; the caller
 * built from both checks every answer against its schema and runs each request under the
 * operation's scope (rate limit, attempt timeout, retries, settling a lost create).
 */
import type * as z from '../util/zod.js';
import { isContactError } from '../errors/errors.js';
import type { ContactError } from '../errors/errors.js';
import { errorIn } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';
import type { Attempt, CallScope, Settlement } from './call-scope.js';

/** What one vendor action answers, and whether it may be sent twice. */
export interface ActionSpec<T = unknown> {
  /** Whether sending it twice is harmless. */
  readonly idempotent: boolean;
  /** A minimal, tolerant schema of its answer: the fields the provider reads. */
  readonly response: z.ZodMiniType<T>;
}

/** A provider's vendor actions, by name. */
export type ActionTable = Readonly<Record<string, ActionSpec>>;

/** The parsed answer of an action. */
export type AnswerOf<S> = S extends ActionSpec<infer T> ? T : never;

/** An answer as the transport received it: the body to check, and the vendor's request id. */
export interface RawAnswer {
  /** The answer's body (for enveloped APIs, what is inside the envelope). */
  readonly body: unknown;
  /** The vendor's request id, when the answer has one. */
  readonly requestId?: string | undefined;
}

/** How a provider's requests travel: the vendor SDK or our own signer, behind one shape. */
export interface VendorTransport<P> {
  /**
   * Loads what the next request needs (the SDK; the credentials, on first use and near their
   * expiry) before a rate-limit slot is taken, so a cold provider does not spend its slots
   * waiting. Returns nothing when all is there, so most calls do not wait a tick for it.
   * @param signal - the caller's signal: it stops the wait (the shared fetch goes on for others).
   * @throws ContactError `invalid-config` when credentials are missing or the SDK cannot load.
   */
  ready(signal?: AbortSignal): Promise<void> | undefined;
  /** Sends one attempt; rejects with whatever the vendor or the socket said. */
  send(action: string, params: P, attempt: Attempt): Promise<RawAnswer>;
  /** Turns what `send` rejected with into a ContactError. */
  translate(error: unknown, context: ErrorContext, action: string): ContactError;
  /**
   * The credentials it signs with, and which vendor answers say their token expired: the caller
   * then fetches new keys and sends the request once more (the vendor refused it, so a resend
   * cannot duplicate a change).
   */
  readonly credentials?: {
    readonly source: RefreshableKeys;
    /** Whether a failure is the vendor's expired-token answer. */
    expired(error: ContactError): boolean;
  };
}

/** Where a transport's keys come from, as the caller needs it (a provider's `CredentialSource`). */
export interface RefreshableKeys {
  /** The keys usable now, without waiting. */
  current(): object | undefined;
  /** Drops keys the vendor refused; whether asking again can give others. */
  invalidate(used: never): boolean;
}

/** How one call treats its special outcomes; see {@link VendorRequest}. */
export interface CallRequestOptions<T> {
  /** For a create: finds out whether a create whose answer was lost was applied. */
  readonly settle?: (() => Promise<Settlement<T>>) | undefined;
  /** For a delete: what a retry that finds the target gone resolves to. */
  readonly goneOnRetry?: { readonly value: T } | undefined;
}

/** Calls one action under an operation's scope and resolves to its checked answer. */
export type VendorCaller<Table extends ActionTable, P> = <A extends keyof Table & string>(
  scope: CallScope,
  action: A,
  params: P,
  options?: CallRequestOptions<AnswerOf<Table[A]>>,
) => Promise<AnswerOf<Table[A]>>;

/** Builds a provider's caller from its action table and transport. */
export function createVendorCaller<Table extends ActionTable, P>(table: Table, transport: VendorTransport<P>): VendorCaller<Table, P> {
  const call = async <A extends keyof Table & string>(scope: CallScope, action: A, params: P, options: CallRequestOptions<AnswerOf<Table[A]>>, signedWith?: { keys?: object | undefined }) => {
    const spec = table[action] as ActionSpec<AnswerOf<Table[A]>>;
    // An already-cancelled call goes straight to the scope, which refuses it: nothing is fetched or sent.
    const loading = scope.signal.aborted ? undefined : transport.ready(scope.options.signal);
    if (loading !== undefined) await loading;
    if (signedWith !== undefined) signedWith.keys = transport.credentials?.source.current();
    // The newest attempt's answer names the request id an event reports; a timed-out attempt
    // that answers late does not overwrite it.
    let requestId: string | undefined;
    let answeredAttempt = 0;
    // `return await`: a promise returned from an async function costs two more ticks than one awaited.
    return await scope.request<AnswerOf<Table[A]>>({
      action,
      idempotent: spec.idempotent,
      send: async (attempt) => {
        const answer = await transport.send(action, params, attempt);
        if (attempt.number >= answeredAttempt) {
          answeredAttempt = attempt.number;
          requestId = answer.requestId;
        }
        return checkAnswer(spec.response, answer, action, scope);
      },
      translate: (error, context) => transport.translate(error, context, action),
      requestIdOf: () => requestId,
      settle: options.settle,
      goneOnRetry: options.goneOnRetry,
    });
  };
  const keys = transport.credentials;
  if (keys === undefined) return (scope, action, params, options = {}) => call(scope, action, params, options);
  return async (scope, action, params, options = {}) => {
    const signedWith: { keys?: object | undefined } = {};
    try {
      return await call(scope, action, params, options, signedWith);
    } catch (error) {
      // Keys the vendor says expired (the clock of whoever issued them ran ahead of ours, or they
      // were revoked): fetch new ones, once, and send again.
      const used = signedWith.keys;
      if (used === undefined || !isContactError(error) || !keys.expired(error) || !keys.source.invalidate(used as never)) throw error;
      return await call(scope, action, params, options);
    }
  };
}

/** An answer that does not match its schema is `invalid-response`, naming the action and where it differs. */
function checkAnswer<T>(schema: z.ZodMiniType<T>, answer: RawAnswer, action: string, scope: CallScope): T {
  const result = schema.safeParse(answer.body);
  if (result.success) return result.data;
  const where = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  throw errorIn(scope.errorContext, {
    code: 'invalid-response',
    message: `the ${action} answer does not have its documented shape (at ${where})`,
    ...(answer.requestId === undefined ? {} : { vendor: { code: 'InvalidResponse', message: 'the answer does not match its schema', requestId: answer.requestId } }),
  });
}
