/**
 * The chain steps every vendor has in the same shape: static keys from the vendor's variables,
 * and a group of variables that must be set all together (an OIDC setup) or not at all.
 */
import { isContactError } from '../errors/errors.js';
import type { ChainStep, StepResult } from './credential-chain.js';
import { credentialError } from './credential-errors.js';
import { envValue } from './credential-inputs.js';
import type { CredentialEnvNames } from './credentials.js';
import { staticKeys } from './key-providers.js';
import type { CredentialOptions } from './vendor-credentials.js';

/** A variable's current name: the first of `NEW or OLD` alternatives. */
const currentName = (names: string): string => names.split(' or ')[0]!;

/**
 * Static keys from the vendor's variables (names may list older alternatives with ` or `). Half
 * a key pair is a mistake to fix, not a reason to look elsewhere.
 */
export function environmentStep(options: CredentialOptions, env: CredentialEnvNames): ChainStep {
  const older = Object.values(env).some((names) => names.includes(' or ')) ? ' and their older names' : '';
  return {
    looksAt: `environment (${Object.values(env).map(currentName).join(', ')}${older})`,
    async find() {
      const accessKeyId = envValue(options.environment, env.accessKeyId);
      const accessKeySecret = envValue(options.environment, env.accessKeySecret);
      if (accessKeyId === undefined && accessKeySecret === undefined) return { notFound: 'not set' };
      if (accessKeyId === undefined || accessKeySecret === undefined) {
        const [missing, present] = accessKeyId === undefined ? [env.accessKeyId, env.accessKeySecret] : [env.accessKeySecret, env.accessKeyId];
        throw credentialError(options.provider, 'invalid-config', `${currentName(missing)} is not set, though ${currentName(present)} is`, { field: currentName(missing) });
      }
      return staticKeys({ accessKeyId, accessKeySecret, securityToken: envValue(options.environment, env.securityToken) }, 'environment');
    },
  };
}

/**
 * Reads a group of variables that set up one step together: all of them, or undefined when none
 * is set.
 *
 * @throws ContactError `invalid-config` naming the missing ones when only some are set.
 */
export function variableGroup<K extends string>(options: CredentialOptions, names: Readonly<Record<K, string>>, what: string): Record<K, string> | undefined {
  const entries = (Object.entries(names) as Array<[K, string]>).map(([key, name]) => [key, name, envValue(options.environment, name)] as const);
  const missing = entries.filter(([, , value]) => value === undefined).map(([, name]) => name);
  if (missing.length === entries.length) return undefined;
  if (missing.length > 0) {
    throw credentialError(options.provider, 'invalid-config', `${what} is half set up: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`, { field: missing[0] });
  }
  return Object.fromEntries(entries.map(([key, , value]) => [key, value])) as Record<K, string>;
}

/**
 * Runs an instance-role step's first requests to the metadata service: whatever fails there
 * (nothing listening, or a network's own page answering the link-local address) means "not on
 * an instance", so the chain goes on; a role that was found is fetched by the provider returned.
 *
 * @param instance - what the machine would be (`an ECS instance`), for the reason given.
 */
export async function probeInstance(instance: string, probe: () => Promise<StepResult>): Promise<StepResult> {
  try {
    return await probe();
  } catch (error) {
    if (isContactError(error)) return { notFound: `no metadata service answered (not ${instance}): ${error.detail}` };
    throw error;
  }
}
