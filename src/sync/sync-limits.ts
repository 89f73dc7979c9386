/**
 * The bounds a plan keeps to on one provider: the vendor's daily create quota (what is left of it
 * today, where the provider counts it) and the deletion guard.
 */
import { accountQuotaLimit } from '../settings/settings.js';
import type { DeletionGuard, PlanEntry, SyncProvider } from './sync-types.js';

/** The deletion guard's defaults: at most 10 deletes, and at most half the managed contacts, per provider. */
const DEFAULT_DELETION_GUARD: { readonly [K in keyof DeletionGuard]-?: NonNullable<DeletionGuard[K]> } = { maxCount: 10, maxShare: 0.5 };

/** A daily quota each create uses, with this account's limit. */
interface CreateQuota {
  readonly name: string;
  readonly vendorCode: string;
  readonly limit: number | 'unknown';
}

/**
 * The daily quota each create uses, if the vendor has one, with this account's limit: the one the
 * provider's `quotas` setting gives (an account the vendor allowed more), else the documented one.
 */
function createQuota(provider: SyncProvider): CreateQuota | undefined {
  const capabilities = provider.capabilities;
  const actions = capabilities.operations.create.vendorOperations;
  const quota = capabilities.quotas.find((candidate) => candidate.period === 'day' && candidate.action !== undefined && actions.includes(candidate.action));
  if (quota === undefined) return undefined;
  // Providers built here carry their settings; a provider of the caller's own may not.
  const quotas = (provider as { readonly settings?: { readonly quotas?: Readonly<Record<string, number>> | false } }).settings?.quotas;
  return { name: quota.name, vendorCode: quota.vendorCode, limit: accountQuotaLimit(quota, quotas) };
}

/** What a replace costs on a provider, in words. */
export function replaceCost(provider: SyncProvider): string {
  const quota = createQuota(provider);
  const base = `${provider.capabilities.provider} cannot update it: it is deleted, then created again`;
  return quota === undefined || quota.limit === 'unknown' ? base : `${base} (one of the ${quota.limit} ${quota.name}, reserved before the delete)`;
}

/**
 * Keeps the creates and replaces a daily quota allows today; skips the rest, saying why.
 *
 * @param left - the units the provider counts as left today, when it can tell; else the limit.
 */
export function withinDailyQuota(entries: PlanEntry[], provider: SyncProvider, left: number | undefined, warnings: string[]): PlanEntry[] {
  const quota = createQuota(provider);
  if (quota === undefined || (quota.limit === 'unknown' && left === undefined)) return entries;
  const limit = quota.limit === 'unknown' ? left! : Math.min(quota.limit, left ?? quota.limit);
  const needed = entries.filter((entry) => entry.kind === 'create' || entry.kind === 'replace').length;
  if (needed <= limit) return entries;
  const allowance = limit === quota.limit ? `the vendor allows ${limit} ${quota.name}` : `${limit} of the ${String(quota.limit)} ${quota.name} are left today`;
  warnings.push(`the plan needs ${needed} creates but ${allowance} (${quota.vendorCode}): ${needed - limit} are skipped; run it again after the quota resets`);
  let used = 0;
  return entries.map((entry) => {
    if (entry.kind !== 'create' && entry.kind !== 'replace') return entry;
    used += 1;
    return used <= limit ? entry : { kind: 'skip', name: entry.name, reason: `would exceed the ${limit === quota.limit ? String(limit) : `${limit} left of the ${String(quota.limit)}`} ${quota.name}` };
  });
}

/**
 * Applies the deletion guard: when the deletes exceed its count, or its share of the contacts the
 * roster manages on the provider, every delete becomes a skip saying why, and so does a warning.
 */
export function withinDeletionGuard(entries: PlanEntry[], managed: number, guard: DeletionGuard | undefined, provider: string, warnings: string[]): PlanEntry[] {
  const deletes = entries.filter((entry) => entry.kind === 'delete').length;
  if (deletes === 0) return entries;
  const maxCount = guard?.maxCount ?? DEFAULT_DELETION_GUARD.maxCount;
  const maxShare = guard?.maxShare ?? DEFAULT_DELETION_GUARD.maxShare;
  const share = deletes / Math.max(1, managed);
  const problems: string[] = [];
  if (deletes > maxCount) problems.push(`more than ${maxCount} (raise it with deletionGuard.maxCount, or --max-deletes ${deletes})`);
  if (share > maxShare) {
    problems.push(`more than ${Math.round(maxShare * 100)}% of the ${managed} the roster manages there (raise it with deletionGuard.maxShare, or --max-delete-share ${Math.ceil(share * 100) / 100})`);
  }
  if (problems.length === 0) return entries;
  const why = `the deletion guard stops ${deletes} deletes on ${provider}: ${problems.join(', and ')}`;
  warnings.push(`${why}; nothing is deleted there`);
  return entries.map((entry) => (entry.kind === 'delete' ? { kind: 'skip', name: entry.name, reason: `not deleted: ${why}` } : entry));
}
