import type { ProviderId } from '../model/contact.js';
import { ContactError, isContactError } from './errors.js';
import type { ContactErrorCode, ContactErrorOptions, ContactIssue } from './errors.js';
import { redactText } from '../util/redaction.js';

/** Where an error happened, and which secret values must be scrubbed from whatever it carries. */
export interface ErrorContext {
  /** The provider the call went to. */
  readonly provider?: ProviderId | undefined;
  /** The target the call went to, when it is named other than its provider id. */
  readonly target?: string | undefined;
  /** The operation in progress. */
  readonly operation?: string | undefined;
  /** Exact secret values in use (access key secret, token) to remove from messages and causes. */
  readonly secrets?: readonly string[] | undefined;
  /**
   * Where the checks of an operation's input put the personal values it carries (emails, phone
   * numbers, webhook URLs and secrets), so that no error of the operation repeats them.
   */
  readonly sensitive?: Set<string> | undefined;
}

/** Remembers values of an operation's input that no error may repeat. */
export function rememberSensitive(context: ErrorContext, values: Iterable<string | undefined>): void {
  if (context.sensitive === undefined) return;
  for (const value of values) if (value !== undefined && value.length >= 4) context.sensitive.add(value);
}

/** Builds an error of an operation: the context gives its provider and operation. */
export function errorIn(context: ErrorContext, options: Omit<ContactErrorOptions, 'provider' | 'operation'>): ContactError {
  return new ContactError({ ...options, provider: context.provider, target: context.target, operation: context.operation });
}

/** Socket-level error codes (Node and undici) meaning the request never got an answer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

/**
 * TLS codes (OpenSSL's, as Node reports them) meaning the client refused the server's
 * certificate: the request was never sent, and sending it again cannot succeed until the
 * settings change (a `ca` to trust, the right endpoint).
 */
export const TLS_REFUSAL_CODES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Turns anything thrown into a {@link ContactError}: a ContactError passes through, a zod error
 * becomes `invalid-input` with its issues, socket errors become `network`, aborts and socket
 * timeouts become `timeout`, a JSON syntax error becomes `invalid-response`, and the rest
 * (non-Error values included) becomes `unknown`.
 *
 * @remarks The original is never kept as it is: the `cause` is a scrubbed copy holding only its
 * name, code and message, because SDK errors carry request configs with credentials in them.
 * Vendor codes are translated by each provider before this runs.
 */
export function toContactError(error: unknown, context: ErrorContext): ContactError {
  if (isContactError(error)) return error;
  const zodIssues = zodIssuesOf(error);
  if (zodIssues !== undefined) return invalidInputError(zodIssues, context);
  const cause = scrubbedCause(error, context.secrets);
  const { code, detail, retryable } = classify(error);
  return new ContactError({
    code,
    ...(retryable === undefined ? {} : { retryable }),
    provider: context.provider,
    target: context.target,
    operation: context.operation,
    message: redactText(detail, context.secrets),
    cause,
  });
}

/** Builds the `invalid-input` error for a list of issues, naming the first field. */
function invalidInputError(issues: readonly ContactIssue[], context: ErrorContext): ContactError {
  return issuesError('invalid-input', issues, context);
}

/** Builds an `invalid-input` or `unsupported` error whose message names the first field and rule. */
export function issuesError(
  code: Extract<ContactErrorCode, 'invalid-input' | 'unsupported' | 'invalid-config'>,
  issues: readonly ContactIssue[],
  context: ErrorContext,
): ContactError {
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const message =
    first === undefined ? 'input rejected' : `${first.path === '' ? 'input' : `field "${first.path}"`} ${first.message}${more}`;
  return new ContactError({
    code,
    provider: context.provider,
    target: context.target,
    operation: context.operation,
    message,
    field: first?.path === '' ? undefined : first?.path,
    issues,
  });
}

/** Converts zod issues (v3 or v4 shape) into ContactIssues, one per unrecognised key. */
export function fromZodIssues(issues: readonly ZodLikeIssue[], prefix = ''): ContactIssue[] {
  return issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      return issue.keys.map((key) => ({
        path: base === '' ? String(key) : `${base}.${String(key)}`,
        code: 'unknown_field',
        message: 'is not a known field (check its spelling)',
      }));
    }
    const rule = (issue.params as { rule?: unknown } | undefined)?.rule;
    return [{ path: base, code: typeof rule === 'string' ? rule : issue.code, message: lowerFirst(issue.message) }];
  });
}

/** The part of a zod issue this module reads. */
export interface ZodLikeIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly params?: unknown;
}

function zodIssuesOf(error: unknown): ContactIssue[] | undefined {
  if (!(error instanceof Error) || error.name !== 'ZodError') return undefined;
  const issues = (error as { issues?: unknown }).issues;
  return Array.isArray(issues) ? fromZodIssues(issues as ZodLikeIssue[]) : undefined;
}

function classify(error: unknown): { code: ContactErrorCode; detail: string; retryable?: boolean } {
  if (!(error instanceof Error)) return { code: 'unknown', detail: `a non-Error value was thrown: ${describeValue(error)}` };
  const code = socketCodeOf(error);
  if (code !== undefined && TLS_REFUSAL_CODES.has(code)) {
    return {
      code: 'network',
      retryable: false,
      detail: `the server's TLS certificate was refused (${code}: ${tlsReason(error.message)}), so nothing was sent: give the CA that signed it as the ca setting (a private gateway's, an intercepting proxy's), or check the endpoint`,
    };
  }
  if (
    error.name === 'AbortError' ||
    error.name === 'TimeoutError' ||
    (code !== undefined && TIMEOUT_CODES.has(code)) ||
    /network timeout|timed? ?out/i.test(error.message)
  ) {
    return { code: 'timeout', detail: `no answer in time (${error.message})` };
  }
  if ((code !== undefined && NETWORK_CODES.has(code)) || /socket hang up|network error|fetch failed/i.test(error.message)) {
    return { code: 'network', detail: `connection failed: ${readable(error.message)}` };
  }
  if (error instanceof SyntaxError) return { code: 'invalid-response', detail: `the answer is not valid JSON: ${error.message}` };
  return { code: 'unknown', detail: `unexpected ${error.name}: ${error.message}` };
}

/** A copy of an error with only its name, code and scrubbed message and stack. */
export function scrubbedCause(error: unknown, secrets: readonly string[] = []): Error {
  if (!(error instanceof Error)) return new Error(redactText(describeValue(error), secrets));
  const copy = new Error(redactText(error.message, secrets));
  copy.name = error.name;
  const code = socketCodeOf(error) ?? stringProp(error, 'code');
  if (code !== undefined) Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  copy.stack = redactText(error.stack ?? `${error.name}: ${error.message}`, secrets);
  return copy;
}

/**
 * Texts whose code an SDK drops when it keeps only the message (Tencent's client rethrows
 * `request to ... failed, reason: <message>`): OpenSSL's words for a refused certificate, and
 * the proxy tunnel's own refusals (`src/transport/connection-agent.ts`).
 */
const CODES_BY_TEXT: ReadonlyArray<readonly [RegExp, string]> = [
  [/unable to verify the first certificate/, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  [/self[- ]signed certificate in certificate chain/, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/self[- ]signed certificate/, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/unable to get local issuer certificate/, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  [/certificate has expired/, 'CERT_HAS_EXPIRED'],
  [/certificate is not yet valid/, 'CERT_NOT_YET_VALID'],
  [/does not match certificate's altnames/, 'ERR_TLS_CERT_ALTNAME_INVALID'],
  [/the proxy \S+ (refused the tunnel|closed the connection before opening a tunnel|sent no proper answer)/, 'ECONNREFUSED'],
];

/**
 * The socket error code of an error: its `code`, its cause's, or one its message names or
 * implies (clients such as node-fetch wrappers keep only the text: "reason: connect ECONNREFUSED").
 */
function socketCodeOf(error: Error): string | undefined {
  const own = stringProp(error, 'code') ?? stringProp(error.cause, 'code');
  if (own !== undefined && (NETWORK_CODES.has(own) || TIMEOUT_CODES.has(own) || TLS_REFUSAL_CODES.has(own))) return own;
  const named = /\b(E[A-Z]{4,}|UND_ERR_[A-Z_]+)\b/.exec(error.message)?.[1];
  if (named !== undefined && (NETWORK_CODES.has(named) || TIMEOUT_CODES.has(named))) return named;
  return CODES_BY_TEXT.find(([text]) => text.test(error.message))?.[1] ?? own;
}

function stringProp(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 200));
  if (value === null || typeof value !== 'object') return String(value);
  return Object.prototype.toString.call(value);
}

/** Node's words for a refused certificate, without what SDKs glue around them (`request to ... failed, reason: `). */
function tlsReason(message: string): string {
  return readable(message.replace(/^.*reason: /, ''))
    .replace(/\s*\((GET|POST|PUT|DELETE|PATCH|HEAD) \S+ failed\)$/, '')
    .trim();
}

/** Some HTTP clients glue `METHOD url failed.` onto a socket error's text: give it a separator. */
function readable(message: string): string {
  return message.replace(/(\S)(GET|POST|PUT|DELETE|PATCH|HEAD) (https?:\/\/)/, '$1 ($2 $3').replace(/ failed\.$/, ' failed)');
}

function lowerFirst(text: string): string {
  return text.length > 0 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
