/**
 * A vendor's default credential chain: steps tried in the vendor's order on the first call,
 * the first that finds keys kept for every later fetch (as the vendors' SDKs keep their last
 * provider), and an `invalid-config` error listing every place looked at when none does.
 */
import type { ProviderId } from '../model/contact.js';
import { credentialError } from './credential-errors.js';
import type { KeyProvider } from './credential-source.js';

/** What a step found: where to fetch keys from, or why there were none there. */
export type StepResult = KeyProvider | { readonly notFound: string };

/** One step of a vendor's default chain. */
export interface ChainStep {
  /** What it is and where it looks, named in the error when nothing is found (never a value). */
  readonly looksAt: string;
  /**
   * Finds this step's keys, reading its variables and files now. Resolves to `notFound` when
   * nothing is configured here; rejects with a ContactError when something is configured but
   * broken (a profile that names an unknown mode, an STS that refuses the token), which stops
   * the chain: a configured step that fails is a problem to fix, not a reason to fall through
   * to other keys.
   */
  find(): Promise<StepResult>;
}

/**
 * The chain as one key provider. Its steps are made when it is first fetched (the vendor's
 * module is loaded then, so a provider given static keys never loads it).
 */
export function chainKeys(provider: ProviderId, description: string, steps: () => Promise<readonly ChainStep[]>): KeyProvider {
  let chosen: KeyProvider | undefined;
  return {
    description,
    get refreshable() {
      return chosen?.refreshable ?? true;
    },
    async fetch() {
      if (chosen !== undefined) return chosen.fetch();
      const looked: string[] = [];
      for (const step of await steps()) {
        const found = await step.find();
        if ('notFound' in found) {
          looked.push(`${step.looksAt}: ${found.notFound}`);
          continue;
        }
        const credentials = await found.fetch();
        chosen = found;
        return credentials;
      }
      throw credentialError(provider, 'invalid-config', `no credentials found: set the credentials setting, or one of these (looked at, in order): ${looked.map((line, index) => `(${index + 1}) ${line}`).join('; ')}`, {
        field: 'credentials',
      });
    },
  };
}
