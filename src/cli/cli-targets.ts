/**
 * The targets the roster commands (`plan`, `apply`, `export`, `status`, `verify --pending`) cover, one provider object each: the roster's `targets:`
 * block (all of them, or those `--target` and `--provider` pick), else one target per provider
 * id built from the environment, as before targets.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import { ContactError, isContactError, optionsOf } from '../errors/errors.js';
import { rosterProviders } from '../sync/roster.js';
import type { Roster, RosterTarget } from '../sync/roster.js';
import type { SyncProvider } from '../sync/sync-types.js';
import { isProviderId, loadProvider } from './cli-providers.js';
import { UsageError } from './cli-usage.js';
import { didYouMeanNote } from '../util/did-you-mean.js';

/** The values of a repeatable flag. */
function listFlag(value: unknown): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * The roster's targets the flags pick: `--target` by target name or provider id (every target of
 * it), `--provider` by provider id; without either, those the roster's `providers` names, else all.
 *
 * @throws UsageError for a name that is no target of the roster, listing those it has.
 */
export function pickTargets(targets: readonly RosterTarget[], roster: Roster, flags: Readonly<Record<string, unknown>>): RosterTarget[] {
  const asked = [...listFlag(flags['target']), ...listFlag(flags['provider'])];
  const names = asked.length > 0 ? asked : (rosterProviders(roster) ?? targets.map((target) => target.name));
  const picked = new Set<RosterTarget>();
  for (const name of names) {
    const matching = targets.filter((target) => target.name === name || target.provider === name);
    if (matching.length === 0) {
      const providers = [...new Set(targets.map((target) => target.provider))];
      throw new UsageError(`${JSON.stringify(name)} is not a target of the roster (its targets: ${targets.map((target) => target.name).join(', ')}; providers: ${providers.join(', ')})`);
    }
    for (const target of matching) picked.add(target);
  }
  // In the roster's order, whatever order the flags named them in.
  return targets.filter((target) => picked.has(target));
}

/**
 * Builds the provider objects a sync covers, one per target.
 *
 * @param settings - settings every target gets unless it gives its own (a `--profile`).
 * @throws UsageError for flags naming unknown targets or providers; ContactError `invalid-config`
 * for a target's bad settings, naming the target.
 */
export async function targetProviders(roster: Roster, flags: Readonly<Record<string, unknown>>, settings: object = {}): Promise<SyncProvider[]> {
  if (roster.targets === undefined) {
    const asked = [...listFlag(flags['target']), ...listFlag(flags['provider'])];
    for (const id of asked) {
      if (isProviderId(id)) continue;
      const flag = listFlag(flags['target']).includes(id) ? '--target' : '--provider';
      const note = didYouMeanNote(id, PROVIDER_IDS, (text) => text) || ` (known: ${PROVIDER_IDS.join(', ')})`;
      throw new UsageError(`${flag} ${JSON.stringify(id)} is not a provider${note}; without a roster's targets: block, a provider id names the one target of each provider`);
    }
    const ids = asked.length > 0 ? (asked as ProviderId[]) : ((rosterProviders(roster) as ProviderId[] | undefined) ?? [...PROVIDER_IDS]);
    return Promise.all([...new Set(ids)].map((id) => loadProvider(id, { settings })));
  }
  return Promise.all(pickTargets(roster.targets, roster, flags).map((target) => buildTarget(target, settings)));
}

/**
 * The provider object a single-provider command (`create`, `list`, ...) works on when it names a
 * target: `--roster roster.yaml --target cam-prod` builds that target as `plan` and `apply` do.
 *
 * @throws UsageError without `--roster`, or for a name that is not exactly one target of it.
 */
export async function commandTarget(
  command: string,
  flags: Readonly<Record<string, unknown>>,
  readRoster: (path: string) => Promise<Roster>,
  settings: object = {},
): Promise<SyncProvider> {
  const [name, ...more] = listFlag(flags['target']);
  if (name === undefined || more.length > 0) throw new UsageError(`${command} works on one target: give --target once`);
  const path = flags['roster'];
  if (typeof path !== 'string') throw new UsageError(`--target needs the roster that defines it: cloud-contacts ${command} --roster roster.yaml --target ${name}`);
  const roster = await readRoster(path);
  if (roster.targets === undefined) {
    if (!isProviderId(name)) throw new UsageError(`${path} has no targets: block, so --target names a provider id (${PROVIDER_IDS.join(', ')})`);
    return loadProvider(name, { settings });
  }
  const [target, other] = pickTargets(roster.targets, roster, { target: name });
  if (target === undefined || other !== undefined) throw new UsageError(`${JSON.stringify(name)} is more than one target of ${path}: name one (${roster.targets.filter((t) => t.provider === name).map((t) => t.name).join(', ')})`);
  return buildTarget(target, settings);
}

/** One roster target's provider object; a settings error names the target. */
async function buildTarget(target: RosterTarget, settings: object): Promise<SyncProvider> {
  try {
    return await loadProvider(target.provider, { settings: { ...settings, ...target.settings, target: target.name } });
  } catch (error) {
    if (!isContactError(error) || error.target !== undefined) throw error;
    throw new ContactError({ ...optionsOf(error), target: target.name });
  }
}
