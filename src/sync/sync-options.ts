/**
 * The checks of what `planSync`, `applySync` and `syncContacts` are given: unknown keys are
 * refused and each value must make sense, so that `concurrency: NaN` or a misspelt `prunne` is an
 * `invalid-input` naming the key, before anything is read or changed, instead of a sync that
 * silently does nothing.
 */
import type { ContactIssue } from '../errors/errors.js';
import { issuesError } from '../errors/to-contact-error.js';
import { DEFAULT_TARGET_CONCURRENCY } from './sync-targets.js';
import type { ApplyOptions, PlanRequest, SyncPlan } from './sync-types.js';

const PLAN_KEYS = ['desired', 'providers', 'prune', 'managed', 'deletionGuard', 'replaceMasked', 'signal', 'targetConcurrency'] as const;
const APPLY_KEYS = ['onProgress', 'concurrency', 'targetConcurrency', 'signal'] as const;

type Problem = (path: string, message: string) => void;

/** Applies `check` to a value, and throws `invalid-input` listing every problem it found. */
function checked<T>(operation: string, check: (problem: Problem) => T): T {
  const issues: ContactIssue[] = [];
  const result = check((path, message) => void issues.push({ path, code: 'invalid_option', message }));
  if (issues.length > 0) throw issuesError('invalid-input', issues, { operation });
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(record: Record<string, unknown>, known: readonly string[], where: string, problem: Problem): void {
  for (const key of Object.keys(record)) if (!known.includes(key)) problem(`${where}.${key}`, `is not an option here (known: ${known.join(', ')})`);
}

function checkSignal(value: unknown, path: string, problem: Problem): void {
  if (value !== undefined && !(value instanceof AbortSignal)) problem(path, 'must be an AbortSignal');
}

/** A count of things in flight: a whole number from 1 to 1000. */
function checkCount(value: unknown, path: string, problem: Problem): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 1000)) problem(path, 'must be a whole number from 1 to 1000');
}

/**
 * Checks a plan request.
 *
 * @throws ContactError `invalid-input` naming each bad key (`request.deletionGuard.maxShare`).
 */
export function checkPlanRequest(request: unknown, allowed: readonly string[] = PLAN_KEYS): PlanRequest {
  return checked('planSync', (problem) => {
    if (!isRecord(request)) {
      problem('request', 'must be an object such as { desired, providers }');
      return request as PlanRequest;
    }
    unknownKeys(request, allowed, 'request', problem);
    const { desired, providers, prune, managed, deletionGuard, replaceMasked, signal, targetConcurrency } = request;
    if (!Array.isArray(desired) || !desired.every(isRecord)) problem('request.desired', 'must be a list of contacts');
    if (!Array.isArray(providers) || !providers.every((provider) => isRecord(provider) && typeof provider['list'] === 'function' && isRecord(provider['capabilities']))) {
      problem('request.providers', 'must be a list of providers (objects with id, capabilities and list)');
    }
    if (prune !== undefined && typeof prune !== 'boolean') problem('request.prune', 'must be true or false');
    checkManaged(managed, problem);
    checkGuard(deletionGuard, problem);
    const names = Array.isArray(replaceMasked) && replaceMasked.every((name) => typeof name === 'string');
    if (replaceMasked !== undefined && typeof replaceMasked !== 'boolean' && !names) problem('request.replaceMasked', 'must be true, false or a list of names');
    checkSignal(signal, 'request.signal', problem);
    checkCount(targetConcurrency, 'request.targetConcurrency', problem);
    return request as unknown as PlanRequest;
  });
}

function checkManaged(managed: unknown, problem: Problem): void {
  if (managed === undefined) return;
  const valid =
    isRecord(managed) &&
    Object.keys(managed).every((key) => key === 'prefix' || key === 'names') &&
    (managed['prefix'] === undefined || (typeof managed['prefix'] === 'string' && managed['prefix'] !== '')) &&
    (managed['names'] === undefined || (Array.isArray(managed['names']) && managed['names'].every((name) => typeof name === 'string' && name !== '')));
  if (!valid) problem('request.managed', 'must be { prefix: "Oncall-" } and/or { names: [...] }: the contacts the roster owns');
}

function checkGuard(guard: unknown, problem: Problem): void {
  if (guard === undefined) return;
  if (!isRecord(guard)) {
    problem('request.deletionGuard', 'must be { maxCount, maxShare }');
    return;
  }
  unknownKeys(guard, ['maxCount', 'maxShare'], 'request.deletionGuard', problem);
  const { maxCount, maxShare } = guard;
  if (maxCount !== undefined && !(typeof maxCount === 'number' && (Number.isInteger(maxCount) || maxCount === Number.POSITIVE_INFINITY) && maxCount >= 0)) {
    problem('request.deletionGuard.maxCount', 'must be a whole number, 0 or more (Infinity for no bound)');
  }
  if (maxShare !== undefined && !(typeof maxShare === 'number' && maxShare >= 0 && maxShare <= 1)) problem('request.deletionGuard.maxShare', 'must be a number from 0 to 1');
}

/** Apply options, checked, with their defaults. */
export interface CheckedApplyOptions {
  readonly onProgress?: ApplyOptions['onProgress'];
  readonly concurrency: number;
  readonly targetConcurrency: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Checks `applySync`'s plan and options.
 *
 * @throws ContactError `invalid-input` naming each bad option (`options.concurrency`).
 */
export function checkApply(plan: unknown, options: unknown, allowed: readonly string[] = APPLY_KEYS): CheckedApplyOptions {
  return checked('applySync', (problem) => {
    const plans = isRecord(plan) ? plan['providers'] : undefined;
    if (!Array.isArray(plans) || !plans.every((provider) => isRecord(provider) && Array.isArray(provider['entries']))) {
      problem('plan', 'must be what planSync returned');
    }
    const record = options === undefined ? {} : options;
    if (!isRecord(record)) {
      problem('options', 'must be an object such as { concurrency: 4 }');
      return { concurrency: 1, targetConcurrency: 1 };
    }
    unknownKeys(record, allowed, 'options', problem);
    const { onProgress, concurrency, targetConcurrency, signal } = record;
    if (onProgress !== undefined && typeof onProgress !== 'function') problem('options.onProgress', 'must be a function');
    checkCount(concurrency, 'options.concurrency', problem);
    checkCount(targetConcurrency, 'options.targetConcurrency', problem);
    checkSignal(signal, 'options.signal', problem);
    return {
      concurrency: (concurrency as number | undefined) ?? 4,
      targetConcurrency: (targetConcurrency as number | undefined) ?? DEFAULT_TARGET_CONCURRENCY,
      ...(onProgress === undefined ? {} : { onProgress: onProgress as ApplyOptions['onProgress'] }),
      ...(signal === undefined ? {} : { signal: signal as AbortSignal }),
    };
  });
}

/** Checks a `syncContacts` request: the plan request and the apply options in one object. */
export function checkSyncRequest(request: unknown): void {
  const keys = [...new Set<string>([...PLAN_KEYS, ...APPLY_KEYS])];
  if (isRecord(request)) {
    const { onProgress, concurrency, ...plan } = request;
    checkPlanRequest(plan, keys);
    const shared = { ...(request['signal'] === undefined ? {} : { signal: request['signal'] }), ...(request['targetConcurrency'] === undefined ? {} : { targetConcurrency: request['targetConcurrency'] }) };
    checkApply({ providers: [] } satisfies SyncPlan, { onProgress, concurrency, ...shared }, keys);
  } else checkPlanRequest(request);
}
