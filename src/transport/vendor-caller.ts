/**
 * The one way a provider calls its vendor: an action table says, per vendor action, whether it
 * may be sent twice and what its answer looks like; a transport sends one attempt; the caller
 * built from both checks every answer against its schema and runs each request under the
 * operation's scope (rate limit, attempt timeout, retries, settling a lost create).
 */
import type * as z from '../util/zod.js';
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
   * Loads what the first request needs (the SDK, the credentials) before a rate-limit slot is
   * taken, so a cold provider does not spend its slots waiting. Returns nothing once loaded, so
   * the calls after the first do not wait a tick for it.
   * @throws ContactError `invalid-config` when credentials are missing or the SDK cannot load.
   */
  ready(): Promise<void> | undefined;
  /** Sends one attempt; rejects with whatever the vendor or the socket said. */
  send(action: string, params: P, attempt: Attempt): Promise<RawAnswer>;
  /** Turns what `send` rejected with into a ContactError. */
  translate(error: unknown, context: ErrorContext, action: string): ContactError;
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
  return async <A extends keyof Table & string>(scope: CallScope, action: A, params: P, options: CallRequestOptions<AnswerOf<Table[A]>> = {}) => {
    const spec = table[action] as ActionSpec<AnswerOf<Table[A]>>;
    const loading = transport.ready();
    if (loading !== undefined) await loading;
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
