/**
 * The ECS instance's RAM role as a step of the default chain and as a profile mode: the metadata
 * service's address (the `metadataEndpoint` setting for an emulator), the vendor's switches
 * (`ALIBABA_CLOUD_ECS_METADATA` names the role, `ALIBABA_CLOUD_ECS_METADATA_DISABLED` skips the
 * step, `ALIBABA_CLOUD_IMDSV1_DISABLED` requires the session token), and a probe that tells "not
 * on an instance" (nothing answers) from a broken setup.
 */
import { probeInstance } from '../../src/credentials/chain-steps.js';
import { credentialError } from '../../src/credentials/credential-errors.js';
import { envFlag, envValue } from '../../src/credentials/credential-inputs.js';
import type { ChainStep } from '../../src/credentials/credential-chain.js';
import type { KeyProvider } from '../../src/credentials/credential-source.js';
import { issuedKeyProvider } from '../../src/credentials/key-providers.js';
import type { CredentialOptions } from '../../src/credentials/vendor-credentials.js';
import { ALIBABA_METADATA_ENDPOINT, attachedRoleName, metadataToken, roleKeys } from './alibaba-instance-metadata.js';
import type { AlibabaMetadataAccess } from './alibaba-instance-metadata.js';

function accessFor(options: CredentialOptions): AlibabaMetadataAccess {
  return {
    endpoint: options.metadataEndpoint ?? ALIBABA_METADATA_ENDPOINT,
    tokenRequired: envFlag(options.environment, 'ALIBABA_CLOUD_IMDSV1_DISABLED'),
    provider: options.provider,
  };
}

/** Keys of the instance's role (the named one, else the one attached), fetched again on each refresh. */
export function instanceRoleKeys(options: CredentialOptions, roleName?: string, source?: string): KeyProvider {
  const access = accessFor(options);
  const named = roleName ?? envValue(options.environment, 'ALIBABA_CLOUD_ECS_METADATA');
  const label = source === undefined ? `instance role${named === undefined ? '' : ` ${named}`}` : `${source} (instance role${named === undefined ? '' : ` ${named}`})`;
  return issuedKeyProvider(label, async () => {
    const token = await metadataToken(access);
    const role = named ?? (await attachedRoleName(access, token));
    if (role === undefined) throw credentialError(options.provider, 'invalid-config', `the instance has no RAM role attached (asked ${access.endpoint})`);
    return roleKeys(access, role, token);
  });
}

/** The chain's instance-role step. */
export function instanceRoleStep(options: CredentialOptions): ChainStep {
  const access = accessFor(options);
  return {
    looksAt: `the ECS instance's RAM role at ${access.endpoint} (ALIBABA_CLOUD_ECS_METADATA, ALIBABA_CLOUD_ECS_METADATA_DISABLED)`,
    async find() {
      if (envFlag(options.environment, 'ALIBABA_CLOUD_ECS_METADATA_DISABLED')) return { notFound: 'disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED' };
      const named = envValue(options.environment, 'ALIBABA_CLOUD_ECS_METADATA');
      return probeInstance('an ECS instance', async () => {
        const token = await metadataToken(access);
        const role = named ?? (await attachedRoleName(access, token));
        return role === undefined ? { notFound: 'the instance has no RAM role attached' } : instanceRoleKeys(options, role);
      });
    },
  };
}
