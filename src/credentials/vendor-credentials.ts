/**
 * What the credential engine needs from a vendor: its default chain and its STS. Each vendor's
 * module implements this and is loaded on first use, so a provider given static keys never
 * loads a chain, an STS client or a metadata client.
 */
import type { ProviderId } from '../model/contact.js';
import type { ChainStep } from './credential-chain.js';
import type { AssumeRoleSettings, Credentials, SigningKeys } from './credentials.js';

/** Where and how the vendor's credential steps run, from the provider's settings. */
export interface CredentialOptions {
  /** The provider, for error messages. */
  readonly provider: ProviderId;
  /** The environment the chain reads (`process.env` at the first call). */
  readonly environment: NodeJS.ProcessEnv;
  /** The `profile` setting: read only the profile files, with this profile. */
  readonly profile?: string | undefined;
  /** The `stsEndpoint` setting: the vendor's STS at another URL (an emulator, a VPC endpoint). */
  readonly stsEndpoint?: string | undefined;
  /** The `metadataEndpoint` setting: the instance metadata service at another URL. */
  readonly metadataEndpoint?: string | undefined;
  /** Bound of one request to STS, in milliseconds. */
  readonly timeoutMs: number;
}

/** Temporary keys an STS or a metadata service issued. */
export interface IssuedKeys {
  /** The keys. */
  readonly keys: SigningKeys;
  /** When they expire. */
  readonly expiration: Date | undefined;
}

/** A vendor's side of the credential engine. */
export interface VendorCredentials {
  /** The vendor's default chain, in the vendor's documented order. */
  chain(options: CredentialOptions): readonly ChainStep[];
  /**
   * Exchanges keys for a role's temporary keys at the vendor's STS.
   *
   * @throws ContactError `unauthenticated` when STS refuses the keys, `permission-denied` when
   * the role's trust policy does not let them assume it, `invalid-config` for a role that does
   * not exist or a bad duration.
   */
  assumeRole(keys: Credentials, role: AssumeRoleSettings, options: CredentialOptions): Promise<IssuedKeys>;
}

/** Loads a vendor's credential module on first use. */
export type VendorCredentialsLoader = () => Promise<VendorCredentials>;
