/**
 * The roster's `targets:` block: each target's provider and its non-secret settings. A roster
 * is a file people share and commit, so it never holds a secret: a key that looks like one is
 * refused, naming the key and its line, with a pointer to profiles and assumed roles.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import { TARGET_NAME, TARGET_NAME_RULE } from '../settings/target.js';

/** One target of a roster: a provider object the CLI builds (or you build) from these settings. */
export interface RosterTarget {
  /** Its name: what `only`, overrides and `--target` call it, and its `target` setting. */
  readonly name: string;
  /** Its provider. */
  readonly provider: ProviderId;
  /** Its settings as the roster gives them (the provider's factory checks their values). */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** The settings a roster target may give: none of them a secret. */
export const ROSTER_TARGET_SETTINGS = [
  'profile',
  'assumeRole',
  'region',
  'site',
  'custSpaceId',
  'endpoint',
  'stsEndpoint',
  'metadataEndpoint',
  'rateLimit',
  'quotas',
  'timeoutMs',
  'maxRetries',
  'proxy',
  'ca',
] as const;

/** Key names that hold secrets in one vendor's words or another's. */
const SECRET_KEY = /secret|token|password|passwd|credential|private|access.?key|^(ak|sk)$/i;

/** Where the keys of a target come from instead: said once for every refusal. */
export const KEYS_ELSEWHERE =
  'a roster never holds a secret: give the target a profile (profile: prod, from the vendor CLI\'s credentials file) or a role to assume (assumeRole: { roleArn }), or set the vendor\'s environment variables';

/**
 * Reports a problem at a path (`targets.cam-prod.secretKey`) with its code and rule; the roster
 * places it in the text, as every roster problem.
 */
export type Problem = (path: string, code: string, rule: string) => void;

/** Checks the `targets:` block; resolves to the targets it names, in order. */
export function checkTargetsBlock(value: unknown, problem: Problem): RosterTarget[] | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || Object.keys(value).length === 0) {
    problem('targets', 'invalid_type', 'must map target names to { provider, ...settings } (cam-prod: { provider: tencent-cam, profile: prod })');
    return undefined;
  }
  const targets: RosterTarget[] = [];
  for (const [name, spec] of Object.entries(value)) {
    const where = `targets.${name}`;
    if (!TARGET_NAME.test(name)) problem(where, 'invalid_target_name', `is not a target name: it ${TARGET_NAME_RULE}`);
    if (!isRecord(spec)) {
      problem(where, 'invalid_type', `must be { provider, ...settings }, such as { provider: tencent-cam, profile: prod }`);
      continue;
    }
    const { provider, ...settings } = spec;
    const secrets = secretKeys(settings, [name]);
    for (const path of secrets) problem(`targets.${path.join('.')}`, 'secret_in_roster', `looks like a secret: ${KEYS_ELSEWHERE}`);
    for (const key of Object.keys(settings)) {
      if (!(ROSTER_TARGET_SETTINGS as readonly string[]).includes(key) && !secrets.some((path) => path[1] === key)) {
        problem(`${where}.${key}`, 'unknown_field', `is not a setting a roster target may give (known: ${ROSTER_TARGET_SETTINGS.join(', ')})`);
      }
    }
    if (typeof settings['proxy'] === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i.test(settings['proxy'])) {
      problem(`${where}.proxy`, 'secret_in_roster', `holds credentials: ${KEYS_ELSEWHERE}; the CLI also reads the proxy from HTTPS_PROXY`);
    }
    if (!isProviderId(provider)) {
      problem(`${where}.provider`, provider === undefined ? 'required' : 'unknown_provider', provider === undefined ? `is missing: name the target's provider (${PROVIDER_IDS.join(', ')})` : `${JSON.stringify(provider)} is not a provider (known: ${PROVIDER_IDS.join(', ')})`);
      continue;
    }
    if (isProviderId(name) && name !== provider) problem(where, 'invalid_target_name', `is another provider's id: name it otherwise (such as ${provider}-${name})`);
    targets.push({ name, provider, settings });
  }
  return targets;
}

/** The paths (below `targets`) of keys that look like secrets, however deep. */
function secretKeys(value: Record<string, unknown>, path: readonly string[]): string[][] {
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = [...path, key];
    if (SECRET_KEY.test(key)) return [here];
    return isRecord(inner) ? secretKeys(inner, here) : [];
  });
}

/** Whether a value is a provider id. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/** Whether a value is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
