/**
 * The checks of a call's last arguments: its options (`{ signal, timeoutMs, maxRetries, ... }`)
 * and a listing's query (`{ pageSize, limit }`), each parsed with the operation's own keys
 * (Resource Directory's `retainInMembers` and `member`, ChatApp's `custSpaceId`) by one strict
 * schema, and read typed: the AI SDK's `parseProviderOptions`. The neutral keys are held to
 * {@link CallOptions} and {@link ListQuery} by the compiler; an unknown key is refused naming
 * where it belongs (the query, the options, the settings), so a misplaced option in plain
 * JavaScript is an error rather than a setting silently ignored.
 */
import * as z from '../util/zod.js';
import type { ContactIssue } from '../errors/errors.js';
import type { CallOptions, Capabilities, ListQuery } from '../contract/provider.js';
import type { ContactEventListener } from '../contract/events.js';
import { fromZodIssues, issuesError } from '../errors/to-contact-error.js';
import type { ErrorContext, ZodLikeIssue } from '../errors/to-contact-error.js';
import { plainInput } from './plain-input.js';

const TIMEOUT_RULE = 'must be a whole number of milliseconds from 1 to 600000 (10 minutes)';
const RETRIES_RULE = 'must be a whole number from 0 to 10';

/** The one rule of `timeoutMs`, as a setting and as a call option. */
export const timeoutMsSchema = () => z.int({ error: TIMEOUT_RULE }).check(z.minimum(1, { error: TIMEOUT_RULE }), z.maximum(600_000, { error: TIMEOUT_RULE }));

/** The one rule of `maxRetries`, as a setting and as a call option. */
export const maxRetriesSchema = () => z.int({ error: RETRIES_RULE }).check(z.minimum(0, { error: RETRIES_RULE }), z.maximum(10, { error: RETRIES_RULE }));

/** The checks of an operation's own keys (its options, or a listing's filters), a builder per key; each key optional. */
export type OptionsShape = z.FieldBuilders;

/** The values of an {@link OptionsShape}, each possibly absent: a call given no options gets no defaults for them. */
type OptionValues<S extends OptionsShape> = { readonly [K in keyof S]?: z.output<ReturnType<S[K]>> };

/**
 * The checks whose keys and value types are those of `T`: what a provider's options shape
 * `satisfies`, so the compiler holds it to the public options type (`{ retainInMembers?: boolean }`).
 */
export type ShapeOf<T> = { readonly [K in keyof T]-?: () => z.ZodMiniType<T[K]> };

/** The shape of an operation without options (or filters) of its own. */
export type NoOptions = Record<never, never>;

/** An operation without options (or filters) of its own. */
export const NO_OPTIONS: NoOptions = Object.freeze({});

/**
 * The neutral call options; the compiler holds their keys and types to {@link CallOptions}. Built
 * with an operation's options schema, on its first call with options.
 */
const callOptionsShape = {
  signal: () => z.optional(z.custom<AbortSignal>((value) => value instanceof AbortSignal, { error: 'must be an AbortSignal' })),
  timeoutMs: () => z.optional(timeoutMsSchema()),
  maxRetries: () => z.optional(maxRetriesSchema()),
  onEvent: () => z.optional(z.custom<ContactEventListener>((value) => typeof value === 'function', { error: 'must be a function' })),
  includePending: () => z.optional(z.boolean({ error: 'must be true or false' })),
} satisfies ShapeOf<CallOptions>;

/** The neutral options of one call, checked, with the provider's defaults applied. */
interface NeutralCallOptions {
  /** The caller's signal, bounding the whole call. */
  readonly signal?: AbortSignal | undefined;
  /** Bound of one attempt on the wire. */
  readonly timeoutMs: number;
  /** Extra attempts after a retryable failure. */
  readonly maxRetries: number;
  /** This call's own event listener. */
  readonly onEvent?: ContactEventListener | undefined;
  /** Whether to read values waiting for confirmation too. */
  readonly includePending: boolean;
}

/** The options of one call, checked: the neutral ones with defaults applied, and the operation's own ones as given. */
export type ResolvedCallOptions<S extends OptionsShape = NoOptions> = NeutralCallOptions & OptionValues<S>;

/** What the checks need of the provider: its defaults, and its settings' keys (to say so of a setting given per call). */
interface OptionDefaults {
  /** Bound of one attempt, unless the call gives one. */
  readonly timeoutMs: number;
  /** Extra attempts, unless the call gives them. */
  readonly maxRetries: number;
  /** The keys of the provider's settings schema. */
  readonly settingKeys: readonly string[];
}

/**
 * The neutral query of a listing whose pages hold at most `max` contacts; the compiler holds its
 * keys and types to {@link ListQuery}.
 */
function listQueryShape(max: number) {
  const pageSizeRule = `must be a whole number from 1 to ${max}`;
  const limitRule = 'must be a whole number, 1 or more';
  return {
    pageSize: () => z.optional(z.int({ error: pageSizeRule }).check(z.minimum(1, { error: pageSizeRule }), z.maximum(max, { error: pageSizeRule }))),
    limit: () => z.optional(z.int({ error: limitRule }).check(z.minimum(1, { error: limitRule }))),
  } satisfies ShapeOf<ListQuery>;
}

type Schema = z.ZodMiniType<Record<string, unknown>>;

/** Each operation's options schema (the neutral options and its own), built on its first call with options. */
const optionSchemas = new WeakMap<OptionsShape, Schema>();
/** Each listing's query schema, by its filters and its largest page. */
const querySchemas = new WeakMap<OptionsShape, Map<number, Schema>>();

function optionsSchema(shape: OptionsShape): Schema {
  let schema = optionSchemas.get(shape);
  if (schema === undefined) {
    schema = z.strictObject(z.buildShape({ ...callOptionsShape, ...shape })) as Schema;
    optionSchemas.set(shape, schema);
  }
  return schema;
}

function querySchema(filters: OptionsShape, max: number): Schema {
  let bySize = querySchemas.get(filters);
  if (bySize === undefined) querySchemas.set(filters, (bySize = new Map()));
  let schema = bySize.get(max);
  if (schema === undefined) {
    schema = z.strictObject(z.buildShape({ ...listQueryShape(max), ...filters })) as Schema;
    bySize.set(max, schema);
  }
  return schema;
}

/**
 * Checks a call's options, with the operation's own ones (`shape`), and applies the provider's defaults.
 *
 * @throws ContactError `invalid-input` naming each bad option (`options.timeoutMs`).
 */
export function resolveCallOptions<S extends OptionsShape>(options: unknown, shape: S, defaults: OptionDefaults, context: ErrorContext): ResolvedCallOptions<S> {
  // Most calls give no options: nothing to check (the operation's own keys are all optional).
  if (options === undefined) return { timeoutMs: defaults.timeoutMs, maxRetries: defaults.maxRetries, includePending: false } as ResolvedCallOptions<S>;
  const record = recordOf(plainInput(options, 'options', context), 'options', 'the call options', context);
  const result = optionsSchema(shape).safeParse(record);
  if (!result.success) throw issuesError('invalid-input', keyIssues(result.error.issues, 'options', (key) => misplacedOption(key, defaults.settingKeys)), context);
  const given = result.data as NeutralCallOptions & OptionValues<S>;
  return { ...given, timeoutMs: given.timeoutMs ?? defaults.timeoutMs, maxRetries: given.maxRetries ?? defaults.maxRetries, includePending: given.includePending === true };
}

/** A listing's query, checked. */
type ResolvedListQuery<S extends OptionsShape = NoOptions> = {
  /** Contacts per vendor request. */
  readonly pageSize: number;
  /** Stop after this many contacts. */
  readonly limit?: number | undefined;
} & OptionValues<S>;

/**
 * Checks a listing's query, with the listing's own filters (`filters`). The one page-size rule of
 * every provider: `pageSize` is a whole number from 1 to the provider's maximum
 * (`capabilities.pageSize.max`), else the query is refused; absent, it is the provider's default.
 * `limit` is a whole number, 1 or more.
 *
 * @throws ContactError `invalid-input` naming each bad key.
 */
export function resolveListQuery<S extends OptionsShape = NoOptions>(query: unknown, capabilities: Capabilities, context: ErrorContext, filters: S = NO_OPTIONS as S): ResolvedListQuery<S> {
  const record = recordOf(plainInput(query, 'query', context), 'query', 'the query', context);
  const result = querySchema(filters, capabilities.pageSize.max).safeParse(record);
  if (!result.success) throw issuesError('invalid-input', keyIssues(result.error.issues, '', misplacedQueryKey), context);
  const given = result.data as ResolvedListQuery<S>;
  return { ...given, pageSize: given.pageSize ?? capabilities.pageSize.default };
}

/** Where an unknown call option belongs. */
function misplacedOption(key: string, settingKeys: readonly string[]): string {
  if (Object.hasOwn(listQueryShape(1), key)) return `is part of a listing's query, not a call option: pass it in the first argument, list({ ${key} })`;
  if (settingKeys.includes(key)) return 'is a provider setting: give it when you create the provider';
  return 'is not a known option (check its spelling)';
}

/** Where an unknown key of a listing's query belongs. */
function misplacedQueryKey(key: string): string {
  if (Object.hasOwn(callOptionsShape, key)) return `is a call option, not part of the query: pass it in the second argument, list(query, { ${key} })`;
  return 'is not a known filter (check its spelling)';
}

/** zod's issues as ContactIssues under `prefix`, each unknown key with `hint(key)` saying where it belongs. */
function keyIssues(issues: readonly ZodLikeIssue[], prefix: string, hint: (key: string) => string): ContactIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys !== undefined
      ? issue.keys.map((key) => ({ path: [prefix, ...issue.path.map(String), key].filter((part) => part !== '').join('.'), code: 'unknown_field', message: hint(key) }))
      : fromZodIssues([issue], prefix),
  );
}

/** An absent argument is `{}`; anything but a plain object is refused. */
function recordOf(value: unknown, path: string, what: string, context: ErrorContext): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return value as Record<string, unknown>;
  }
  throw issuesError('invalid-input', [{ path, code: 'invalid_type', message: `must be an object (${what}), such as {}` }], context);
}
