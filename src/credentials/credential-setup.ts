/**
 * Builds a provider's credential source from its settings: static keys, a credentials
 * function, or the vendor's default chain (the `profile` setting narrowing it to the profile
 * files), with an assumed role on top of any of them.
 */
import type { ProviderId } from '../model/contact.js';
import { chainKeys } from './credential-chain.js';
import { CredentialSource } from './credential-source.js';
import type { KeyProvider } from './credential-source.js';
import { Credentials } from './credentials.js';
import type { AssumeRoleSettings, CredentialsFunction, CredentialsInput } from './credentials.js';
import { functionKeys, staticKeys } from './key-providers.js';
import type { CredentialOptions, IssuedKeys, VendorCredentialsLoader } from './vendor-credentials.js';

/** The settings credentials are made from. */
export interface CredentialSettings {
  /** Static keys or a credentials function; absent: the vendor's default chain. */
  readonly credentials?: CredentialsInput | CredentialsFunction | undefined;
  /** A named profile of the vendor CLI's files. */
  readonly profile?: string | undefined;
  /** A role to assume on top of the credentials. */
  readonly assumeRole?: AssumeRoleSettings | undefined;
  /** The vendor's STS at another URL. */
  readonly stsEndpoint?: string | undefined;
  /** The instance metadata service at another URL. */
  readonly metadataEndpoint?: string | undefined;
  /** Bound of one request to STS. */
  readonly timeoutMs: number;
}

/** Builds the credential source of one provider object; nothing is read until its first call. */
export function credentialSourceFor(settings: CredentialSettings, provider: ProviderId, vendor: VendorCredentialsLoader): CredentialSource {
  const options = (): CredentialOptions => ({
    provider,
    environment: process.env,
    profile: settings.profile,
    stsEndpoint: settings.stsEndpoint,
    metadataEndpoint: settings.metadataEndpoint,
    timeoutMs: settings.timeoutMs,
  });
  const given = settings.credentials;
  const base =
    typeof given === 'function'
      ? functionKeys(given, provider)
      : given !== undefined
        ? staticKeys(given)
        : chainKeys(provider, settings.profile === undefined ? 'default chain' : `profile ${settings.profile}`, async () => (await vendor()).chain(options()));
  if (settings.assumeRole === undefined) return new CredentialSource(base);
  const role = settings.assumeRole;
  return new CredentialSource(assumedRoleKeys(new CredentialSource(base), role, async (keys) => (await vendor()).assumeRole(keys, role, options())));
}

/**
 * A role assumed with another source's keys, asked for again before the role's keys expire (the
 * other source refreshing its own keys first when they are near expiry too).
 *
 * @param describe - how the keys are described, given where the keys it assumed with came from;
 * default `assumed role <arn> (from <source>)`.
 */
export function assumedRoleKeys(
  base: CredentialSource,
  role: AssumeRoleSettings,
  assume: (keys: Credentials) => Promise<IssuedKeys>,
  describe: (from: string) => string = (from) => `assumed role ${role.roleArn} (from ${from})`,
): KeyProvider {
  return {
    description: `assumed role ${role.roleArn}`,
    refreshable: true,
    identity: role.roleArn,
    async fetch() {
      const keys = await base.resolve();
      const issued = await assume(keys);
      return new Credentials(issued.keys, describe(keys.source), issued.expiration);
    },
  };
}

/** The session name sent when the settings give none: `cloud-contacts-<epoch ms>`. */
export function defaultSessionName(): string {
  return `cloud-contacts-${Date.now()}`;
}
