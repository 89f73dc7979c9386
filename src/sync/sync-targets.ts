/**
 * The targets of a sync, checked before anything is read: each provider object is one target,
 * named once, and no two of them reach the same account and place (they would hold the same
 * contacts, and every change would be made twice).
 */
import type { ContactIssue } from '../errors/errors.js';
import { issuesError } from '../errors/to-contact-error.js';
import { placeOf, targetNameOf } from '../settings/target.js';
import type { SyncProvider } from './sync-types.js';

/** Targets planned or applied at once unless `targetConcurrency` says otherwise. */
export const DEFAULT_TARGET_CONCURRENCY = 32;

/**
 * Refuses a list of providers in which two are one target name, or one account and place.
 *
 * @throws ContactError `invalid-config` naming both targets and what they share (never a key).
 */
export function checkTargets(providers: readonly SyncProvider[], operation: string): void {
  const issues: ContactIssue[] = [];
  const byName = new Map<string, number>();
  const byPlace = new Map<string, string>();
  providers.forEach((provider, index) => {
    const name = targetNameOf(provider);
    const earlier = byName.get(name);
    if (earlier !== undefined) {
      issues.push({
        path: `providers[${index}]`,
        code: 'duplicate_target',
        message: `is target ${name} too, like providers[${earlier}]: give each provider object its own target setting (such as ${provider.id}-prod and ${provider.id}-test)`,
      });
      return;
    }
    byName.set(name, index);
    const place = placeOf(provider);
    if (place === undefined) return;
    const same = byPlace.get(place.identity);
    if (same !== undefined) {
      issues.push({
        path: `providers[${index}]`,
        code: 'duplicate_place',
        message: `(target ${name}) reaches the same account and place as target ${same} (${place.where}), so every change would be made twice: give it other keys, another region, site or customer space, or leave one out`,
      });
      return;
    }
    byPlace.set(place.identity, name);
  });
  if (issues.length > 0) throw issuesError('invalid-config', issues, { operation });
}
