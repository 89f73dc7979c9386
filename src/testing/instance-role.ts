/**
 * The state of an emulated instance metadata service, the same for every vendor: the role
 * attached to the instance (or none), the temporary keys it hands out (renewed before they
 * expire, as the vendors' services do), and the session tokens of IMDSv2.
 */
import { randomBytes } from 'node:crypto';
import type { CredentialEnvNames } from '../credentials/credentials.js';
import type { EmulatorProtocol } from './emulator-protocol.js';
import type { EmulatedServiceId } from './emulator-types.js';
import { issueTemporaryKey } from './temporary-keys.js';
import type { KeyVendor, TemporaryKey } from './temporary-keys.js';

/** Options of a metadata emulator. */
export interface MetadataEmulatorOptions {
  /** Port on 127.0.0.1; default: an ephemeral port. */
  port?: number;
  /** A test clock: the keys' expirations and the tokens' lifetimes follow it. */
  now?: () => Date;
  /** The role attached to the instance; `null` for none. @default 'EmulatedInstanceRole' */
  roleName?: string | null;
  /** The account the role belongs to, for its ARN (which trust rules of other roles may name). */
  accountId?: string;
  /** How long the keys it hands out live, in seconds. @default 21600 (six hours) */
  keyLifetimeSeconds?: number;
  /** Whether reads need an IMDSv2 session token (Volcengine's always do). @default false (Alibaba), true (Volcengine) */
  requireToken?: boolean;
}

/** What the instance's metadata service knows and hands out. */
export class InstanceRole {
  readonly #vendor: KeyVendor;
  readonly #arnOf: (accountId: string, name: string) => string;
  readonly #accountId: string;
  readonly #lifetimeMs: number;
  readonly #tokens = new Map<string, number>();
  #key: TemporaryKey | undefined;
  /** The role attached, or undefined for none. */
  roleName: string | undefined;
  /** How many times keys were handed out. */
  handedOut = 0;

  constructor(vendor: KeyVendor, arnOf: (accountId: string, name: string) => string, options: MetadataEmulatorOptions) {
    this.#vendor = vendor;
    this.#arnOf = arnOf;
    this.#accountId = options.accountId ?? '1234567890123456';
    this.#lifetimeMs = (options.keyLifetimeSeconds ?? 21_600) * 1000;
    this.roleName = options.roleName === null ? undefined : (options.roleName ?? 'EmulatedInstanceRole');
  }

  /** The ARN of the attached role. */
  arn(name: string): string {
    return this.#arnOf(this.#accountId, name);
  }

  /** A new session token valid for `ttlSeconds`. */
  newToken(ttlSeconds: number, now: Date): string {
    const token = randomBytes(24).toString('base64url');
    this.#tokens.set(token, now.getTime() + ttlSeconds * 1000);
    return token;
  }

  /** Whether a session token was issued and is still valid. */
  tokenValid(token: string | undefined, now: Date): boolean {
    const expires = token === undefined ? undefined : this.#tokens.get(token);
    return expires !== undefined && now.getTime() < expires;
  }

  /** The role's keys: the same ones until a quarter of their life is left, then new ones. */
  keys(now: Date): TemporaryKey {
    const current = this.#key;
    if (current === undefined || now.getTime() >= current.expiration.getTime() - this.#lifetimeMs / 4) {
      this.#key = issueTemporaryKey(this.#vendor, this.arn(this.roleName ?? ''), new Date(now.getTime() + this.#lifetimeMs));
    }
    this.handedOut += 1;
    return this.#key!;
  }

  /** Forgets tokens and keys. */
  reset(): void {
    this.#tokens.clear();
    this.#key = undefined;
    this.handedOut = 0;
  }
}

/** Test hooks of a metadata emulator: what an administrator does to the instance, never reachable over HTTP. */
export interface MetadataEmulatorHooks {
  /** Attaches a role to the instance (or detaches it with `null`), as in the console. */
  attachRole(roleName: string | null): void;
  /** The ARN of the attached role (what other roles' trust rules name for role chaining), if any. */
  roleArn(): string | undefined;
  /** How many times the service handed out keys. */
  keysHandedOut(): number;
}

/** The hooks over an instance's state. */
export function metadataHooks(instance: InstanceRole): MetadataEmulatorHooks {
  return {
    attachRole: (roleName) => void (instance.roleName = roleName ?? undefined),
    roleArn: () => (instance.roleName === undefined ? undefined : instance.arn(instance.roleName)),
    keysHandedOut: () => instance.handedOut,
  };
}

/** A metadata service's plain-text error answer (these services answer with a status and a short text). */
export function metadataError(spec: { readonly code: string; readonly httpStatus?: number | undefined; readonly message?: string | undefined }): { status: number; headers: Record<string, string>; body: string } {
  return { status: spec.httpStatus ?? 400, headers: { 'content-type': 'text/plain' }, body: spec.message ?? spec.code };
}

/** What one vendor's metadata service adds to the shared parts: its routes and answers. */
export interface MetadataService<Id extends EmulatedServiceId> {
  /** The service emulated. */
  readonly provider: Id;
  /** The vendor's key variables (the harness names them; a metadata service takes no keys). */
  readonly credentialEnv: CredentialEnvNames;
  /** The instance's state. */
  readonly instance: InstanceRole;
  /** Names the route a request takes, or '' for none. */
  actionOf: EmulatorProtocol<MetadataEmulatorHooks, Id>['actionOf'];
  /** Answers a request. */
  handle: EmulatorProtocol<MetadataEmulatorHooks, Id>['handle'];
}

/** A metadata service as an emulator protocol: plain-text errors, no keys, no quotas, its hooks. */
export function metadataProtocol<Id extends EmulatedServiceId>(service: MetadataService<Id>, vendor: KeyVendor): EmulatorProtocol<MetadataEmulatorHooks, Id> {
  return {
    provider: service.provider,
    keyVendor: vendor,
    defaultCredentials: { accessKeyId: 'unused-by-a-metadata-service', accessKeySecret: 'unused-by-a-metadata-service' },
    credentialEnv: service.credentialEnv,
    defaultRateLimit: 1000,
    badRequest: { code: 'Bad Request', httpStatus: 400 },
    quotas: {},
    dayOffsetMinutes: 480,
    throttle: { code: 'Too Many Requests', httpStatus: 429 },
    actionOf: service.actionOf,
    handle: service.handle,
    errorResponse: (spec) => metadataError(spec),
    reset: () => service.instance.reset(),
    hooks: metadataHooks(service.instance),
  };
}
