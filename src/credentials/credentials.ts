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

/** What a credentials function resolves to: keys, and when they stop working. */
export interface TemporaryCredentials extends CredentialsInput {
  /** When the keys expire; the provider asks for new ones a few minutes before. Absent: they do not expire. */
  expiration?: Date | undefined;
}

/**
 * A credentials function, the AWS SDK v3 shape: called on a provider's first call and again a
 * few minutes before `expiration`; concurrent calls share one invocation.
 */
export type CredentialsFunction = () => Promise<TemporaryCredentials> | TemporaryCredentials;

/** A role to assume through the vendor's STS, on top of whatever credentials the provider has. */
export interface AssumeRoleSettings {
  /**
   * The role: Alibaba `acs:ram::<account>:role/<name>`, Tencent `qcs::cam::uin/<uin>:roleName/<name>`,
   * Volcengine `trn:iam::<account>:role/<name>`.
   */
  roleArn: string;
  /** The session name the vendor records (default: `cloud-contacts-<time>`). */
  sessionName?: string | undefined;
  /** The external id the role's trust policy asks for (Alibaba, Tencent; Volcengine has none). */
  externalId?: string | undefined;
  /** How long the temporary keys last, in seconds (default: 3600). */
  durationSeconds?: number | undefined;
}

/** The environment variables a provider reads static keys from. */
export interface CredentialEnvNames {
  /** Variable holding the key id (alternatives joined with ` or `, newest first). */
  readonly accessKeyId: string;
  /** Variable holding the secret. */
  readonly accessKeySecret: string;
  /** Variable holding the optional session token. */
  readonly securityToken: string;
}

/** Keys as a signer needs them; see {@link signingKeys}. */
export interface SigningKeys {
  /** The key id. */
  readonly accessKeyId: string;
  /** The secret. */
  readonly accessKeySecret: string;
  /** The session token of temporary keys. */
  readonly securityToken?: string | undefined;
}

let keysOf: (credentials: Credentials) => SigningKeys;

/**
 * Resolved credentials: where they came from and when they expire. The secret and the token
 * are held privately: printing, serialising, spreading or tab-completing this object shows
 * only a masked key id, and no method returns them. Only the transports that sign read them,
 * through an internal function no package entry exports.
 */
export class Credentials {
  /** The keys, reachable only through {@link signingKeys}. */
  readonly #keys: SigningKeys;
  /** When they expire; undefined for long-term keys. */
  readonly expiration: Date | undefined;
  /** Where they came from, without values: `settings`, `environment`, `profile prod`, `instance role ops`. */
  readonly source: string;

  static {
    keysOf = (credentials) => credentials.#keys;
  }

  /**
   * Made by the credential sources.
   * @internal
   */
  constructor(keys: SigningKeys, source: string, expiration?: Date) {
    this.#keys = Object.freeze({ accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, securityToken: keys.securityToken });
    this.source = source;
    this.expiration = expiration;
    definePrintedForm(this, () => this.describe());
    Object.freeze(this);
  }

  /** The key id (not a secret, but printed masked). */
  get accessKeyId(): string {
    return this.#keys.accessKeyId;
  }

  /** Whether they carry a session token (temporary keys). */
  get temporary(): boolean {
    return this.#keys.securityToken !== undefined;
  }

  /** A printable, secret-free description. */
  describe(): Record<string, string> {
    return {
      source: this.source,
      accessKeyId: maskSecret(this.#keys.accessKeyId),
      accessKeySecret: REDACTED,
      ...(this.#keys.securityToken === undefined ? {} : { securityToken: REDACTED }),
      ...(this.expiration === undefined ? {} : { expiration: this.expiration.toISOString() }),
    };
  }
}

/**
 * The keys to sign with. Only a transport's signing code calls this; it is not exported by any
 * package entry, so user code (and a REPL's tab completion) cannot reach it.
 * @internal
 */
export function signingKeys(credentials: Credentials): SigningKeys {
  return keysOf(credentials);
}

/**
 * Every secret value of some credentials, for scrubbing error text.
 * @internal
 */
export function secretValuesOf(credentials: Credentials | undefined): string[] {
  if (credentials === undefined) return [];
  const keys = keysOf(credentials);
  return [keys.accessKeySecret, keys.securityToken, keys.accessKeyId].filter((value): value is string => value !== undefined);
}
