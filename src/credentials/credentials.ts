import { ContactError } from '../errors/errors.js';
import type { ProviderId } from '../model/contact.js';
import { definePrintedForm, maskSecret, REDACTED } from '../util/redaction.js';

/** Access key credentials as given in settings; Tencent's SecretId/SecretKey go here too. */
export interface CredentialsInput {
  /** AccessKey id (Tencent: SecretId). */
  accessKeyId: string;
  /** AccessKey secret (Tencent: SecretKey). */
  accessKeySecret: string;
  /** Session token of temporary (STS) credentials. */
  securityToken?: string | undefined;
}

/** The environment variables a provider reads credentials from when settings give none. */
export interface CredentialEnvNames {
  /** Variable holding the key id. */
  readonly accessKeyId: string;
  /** Variable holding the secret. */
  readonly accessKeySecret: string;
  /** Variable holding the optional session token. */
  readonly securityToken: string;
}

/**
 * Resolved credentials. The secret and token live in private fields: printing, serialising or
 * spreading this object shows only a masked key id.
 */
export class Credentials {
  readonly #accessKeyId: string;
  readonly #accessKeySecret: string;
  readonly #securityToken: string | undefined;

  /** Wraps credentials; prefer {@link resolveCredentials}. */
  constructor(input: CredentialsInput) {
    this.#accessKeyId = input.accessKeyId;
    this.#accessKeySecret = input.accessKeySecret;
    this.#securityToken = input.securityToken;
    definePrintedForm(this, () => this.describe());
  }

  /** The key id. */
  get accessKeyId(): string {
    return this.#accessKeyId;
  }

  /** The secret; only adapters read it, to hand it to the vendor's signer. */
  get accessKeySecret(): string {
    return this.#accessKeySecret;
  }

  /** The session token of temporary credentials. */
  get securityToken(): string | undefined {
    return this.#securityToken;
  }

  /** Every secret value, for scrubbing error text. */
  secretValues(): string[] {
    return [this.#accessKeySecret, this.#securityToken, this.#accessKeyId].filter(
      (value): value is string => value !== undefined,
    );
  }

  /** A printable, secret-free description. */
  describe(): Record<string, string> {
    return {
      accessKeyId: maskSecret(this.#accessKeyId),
      accessKeySecret: REDACTED,
      ...(this.#securityToken === undefined ? {} : { securityToken: REDACTED }),
    };
  }
}

/**
 * Where a provider's credentials come from: the settings, or the vendor's usual environment
 * variables read on the first call (so a provider made at module load, before the environment
 * is set up, does not fail there).
 */
export class CredentialSource {
  readonly #explicit: Credentials | undefined;
  readonly #env: CredentialEnvNames;
  readonly #provider: ProviderId;
  #resolved: Credentials | undefined;

  /** @param given - credentials from the settings, if any. */
  constructor(given: CredentialsInput | undefined, env: CredentialEnvNames, provider: ProviderId) {
    this.#explicit = given === undefined ? undefined : new Credentials(given);
    this.#resolved = this.#explicit;
    this.#env = env;
    this.#provider = provider;
  }

  /** The credentials the settings gave, if they gave any. */
  get explicit(): Credentials | undefined {
    return this.#explicit;
  }

  /** The environment variables read when the settings give no credentials. */
  get env(): CredentialEnvNames {
    return this.#env;
  }

  /**
   * The credentials to sign with: the settings', else the environment's (read once, on the first
   * call that needs them).
   *
   * @throws ContactError `invalid-config` naming the setting and the variable when neither is set.
   */
  resolve(environment: NodeJS.ProcessEnv = process.env): Credentials {
    this.#resolved ??= resolveCredentials(undefined, this.#env, this.#provider, environment);
    return this.#resolved;
  }

  /** The secret values known so far, for scrubbing error text. */
  secretValues(): string[] {
    return this.#resolved?.secretValues() ?? [];
  }
}

/**
 * Resolves credentials: explicit settings first, then the vendor's usual environment variables.
 *
 * @throws ContactError `invalid-config` naming both the setting and the variable when neither is set.
 */
export function resolveCredentials(
  given: CredentialsInput | undefined,
  env: CredentialEnvNames,
  provider: ProviderId,
  environment: NodeJS.ProcessEnv = process.env,
): Credentials {
  if (given !== undefined) return new Credentials(given);
  const accessKeyId = firstSet(environment, env.accessKeyId);
  const accessKeySecret = firstSet(environment, env.accessKeySecret);
  const missing = [
    accessKeyId === undefined ? `credentials.accessKeyId (or the ${env.accessKeyId} environment variable)` : undefined,
    accessKeySecret === undefined ? `credentials.accessKeySecret (or the ${env.accessKeySecret} environment variable)` : undefined,
  ].filter((text): text is string => text !== undefined);
  if (accessKeyId === undefined || accessKeySecret === undefined) {
    throw new ContactError({
      code: 'invalid-config',
      provider,
      operation: 'settings',
      field: accessKeyId === undefined ? 'credentials.accessKeyId' : 'credentials.accessKeySecret',
      message: `no credentials: set ${missing.join(' and ')}`,
    });
  }
  const securityToken = firstSet(environment, env.securityToken);
  return new Credentials({ accessKeyId, accessKeySecret, ...(securityToken === undefined ? {} : { securityToken }) });
}

/**
 * The first of the variables that is set. A name may list alternatives with ` or `
 * (`VOLCENGINE_ACCESS_KEY or VOLC_ACCESSKEY`): the vendor's current name, then its older ones.
 */
function firstSet(environment: NodeJS.ProcessEnv, names: string): string | undefined {
  for (const name of names.split(' or ')) {
    const value = environment[name];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}
