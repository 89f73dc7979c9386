/**
 * The checks of a call's last arguments: its options (`{ signal, timeoutMs, maxRetries }`) and a
 * listing's query (`{ pageSize, limit }`). Both refuse unknown keys, so a misplaced option in
 * plain JavaScript is an error naming the right place rather than a setting silently ignored.
 */
import type { ContactIssue } from '../errors/errors.js';
import { plainInput } from './plain-input.js';
import type { Capabilities } from '../contract/provider.js';
import { issuesError } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';

/** Checks one extra key's value; returns the problem in words, or undefined when it is fine. */
export type KeyRule = (value: unknown) => string | undefined;

/** The options of one call, checked, with the provider's defaults applied. */
export interface ResolvedCallOptions {
  /** The caller's signal, bounding the whole call. */
  readonly signal?: AbortSignal | undefined;
  /** Bound of one attempt on the wire. */
  readonly timeoutMs: number;
  /** Extra attempts after a retryable failure. */
  readonly maxRetries: number;
  /** This call's own event listener. */
  readonly onEvent?: ((event: never) => void) | undefined;
  /** Whether to read values waiting for confirmation too. */
  readonly includePending: boolean;
  /** The provider-specific options, as given. */
  readonly extras: Readonly<Record<string, unknown>>;
}

const NO_EXTRAS: Readonly<Record<string, unknown>> = Object.freeze({});
const OPTION_KEYS = ['signal', 'timeoutMs', 'maxRetries', 'onEvent', 'includePending'] as const;
const QUERY_KEYS = ['pageSize', 'limit'] as const;
const SETTING_KEYS = ['credentials', 'endpoint', 'region', 'rateLimit', 'rateLimiter', 'agent', 'onEvent', 'site'];

/** Where a key given in the wrong place belongs. */
function misplaced(key: string, place: 'options' | 'query'): string {
  if (place === 'query' && (OPTION_KEYS as readonly string[]).includes(key)) {
    return `is a call option, not part of the query: pass it in the second argument, list(query, { ${key} })`;
  }
  if (place === 'options' && (QUERY_KEYS as readonly string[]).includes(key)) {
    return `is part of a listing's query, not a call option: pass it in the first argument, list({ ${key} })`;
  }
  if (SETTING_KEYS.includes(key)) return 'is a provider setting: give it when you create the provider';
  return 'is not a known option (check its spelling)';
}

/**
 * Checks a call's options and applies the provider's defaults.
 *
 * @param extras - the provider's own options for this operation, with their checks.
 * @throws ContactError `invalid-input` naming each bad option (`options.timeoutMs`).
 */
export function resolveCallOptions(
  options: unknown,
  defaults: { readonly timeoutMs: number; readonly maxRetries: number },
  context: ErrorContext,
  extras: Readonly<Record<string, KeyRule>> = {},
): ResolvedCallOptions {
  // Most calls give no options: nothing to check.
  if (options === undefined) return { timeoutMs: defaults.timeoutMs, maxRetries: defaults.maxRetries, includePending: false, extras: NO_EXTRAS };
  const record = recordOf(plainInput(options, 'options', context), 'options', 'the call options', context);
  const issues: ContactIssue[] = [];
  const problem = (key: string, code: string, message: string): void => void issues.push({ path: `options.${key}`, code, message });
  for (const key of Object.keys(record)) {
    if (!(OPTION_KEYS as readonly string[]).includes(key) && !(key in extras)) problem(key, 'unknown_field', misplaced(key, 'options'));
  }
  const { signal, timeoutMs, maxRetries, onEvent, includePending } = record;
  if (includePending !== undefined && typeof includePending !== 'boolean') problem('includePending', 'invalid_type', 'must be true or false');
  if (signal !== undefined && !(signal instanceof AbortSignal)) problem('signal', 'invalid_type', 'must be an AbortSignal');
  if (onEvent !== undefined && typeof onEvent !== 'function') problem('onEvent', 'invalid_type', 'must be a function');
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= 600_000)) {
    problem('timeoutMs', 'invalid_value', 'must be a positive number of milliseconds, at most 600000');
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && (maxRetries as number) >= 0 && (maxRetries as number) <= 10)) {
    problem('maxRetries', 'invalid_value', 'must be a whole number from 0 to 10');
  }
  const given = checkExtras(record, extras, problem);
  if (issues.length > 0) throw issuesError('invalid-input', issues, context);
  return {
    signal: signal as AbortSignal | undefined,
    timeoutMs: (timeoutMs as number | undefined) ?? defaults.timeoutMs,
    maxRetries: (maxRetries as number | undefined) ?? defaults.maxRetries,
    onEvent: onEvent as ((event: never) => void) | undefined,
    includePending: includePending === true,
    extras: given,
  };
}

/** A listing's query, checked. */
export interface ResolvedListQuery {
  /** Contacts per vendor request. */
  readonly pageSize: number;
  /** Stop after this many contacts. */
  readonly limit?: number | undefined;
  /** The provider's own filters, as given. */
  readonly extras: Readonly<Record<string, unknown>>;
}

/**
 * Checks a listing's query. The one page-size rule of every provider: `pageSize` is a whole
 * number from 1 to the provider's maximum (`capabilities.pageSize.max`), else the query is
 * refused; absent, it is the provider's default. `limit` is a whole number, 1 or more.
 *
 * @throws ContactError `invalid-input` naming each bad key.
 */
export function resolveListQuery(
  query: unknown,
  capabilities: Capabilities,
  context: ErrorContext,
  extras: Readonly<Record<string, KeyRule>> = {},
): ResolvedListQuery {
  const record = recordOf(plainInput(query, 'query', context), 'query', 'the query', context);
  const issues: ContactIssue[] = [];
  const problem = (key: string, code: string, message: string): void => void issues.push({ path: key, code, message });
  for (const key of Object.keys(record)) {
    if (!(QUERY_KEYS as readonly string[]).includes(key) && !(key in extras)) problem(key, 'unknown_field', misplaced(key, 'query'));
  }
  const { pageSize, limit } = record;
  const max = capabilities.pageSize.max;
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && (pageSize as number) >= 1 && (pageSize as number) <= max)) {
    problem('pageSize', 'invalid_value', `must be a whole number from 1 to ${max}`);
  }
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1)) problem('limit', 'invalid_value', 'must be a whole number, 1 or more');
  const given = checkExtras(record, extras, problem);
  if (issues.length > 0) throw issuesError('invalid-input', issues, context);
  return { pageSize: (pageSize as number | undefined) ?? capabilities.pageSize.default, limit: limit as number | undefined, extras: given };
}

/** The provider's own keys that were given and pass their checks; the others become problems. */
function checkExtras(
  record: Record<string, unknown>,
  extras: Readonly<Record<string, KeyRule>>,
  problem: (key: string, code: string, message: string) => void,
): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(extras)) {
    if (record[key] === undefined) continue;
    const message = rule(record[key]);
    if (message === undefined) given[key] = record[key];
    else problem(key, 'invalid_value', message);
  }
  return given;
}

/** An absent argument is `{}`; anything but a plain object is refused. */
function recordOf(value: unknown, path: string, what: string, context: ErrorContext): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return value as Record<string, unknown>;
  }
  throw issuesError('invalid-input', [{ path, code: 'invalid_type', message: `must be an object (${what}), such as {}` }], context);
}
