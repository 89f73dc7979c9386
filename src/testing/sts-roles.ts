/**
 * The state of an emulated STS, the same for every vendor: the roles it knows, a simple trust
 * rule per role (which callers and which OIDC subjects may assume it, with which external id,
 * for how long), and the sessions it issued. Each vendor's STS emulator turns the outcomes into
 * its own codes and envelopes.
 */
import { randomBytes } from 'node:crypto';
import { signOidcToken } from './oidc-tokens.js';
import { issueTemporaryKey } from './temporary-keys.js';
import type { KeyVendor, TemporaryKey } from './temporary-keys.js';

/** A role an STS emulator lets callers assume. */
export interface EmulatedRole {
  /** The role's ARN: Alibaba `acs:ram::<account>:role/<name>`, Tencent `qcs::cam::uin/<uin>:roleName/<name>`, Volcengine `trn:iam::<account>:role/<name>`. */
  readonly arn: string;
  /**
   * Who may assume it with `AssumeRole`: long-term key ids, or role ARNs (whose temporary keys
   * then may, for role chaining). Default: the emulator's own key id.
   */
  readonly trustedCallers?: readonly string[];
  /** OIDC subjects (a token's `sub`) that may assume it with the OIDC exchange. Default: none. */
  readonly oidcSubjects?: readonly string[];
  /** The external id its trust policy requires, if any. */
  readonly externalId?: string;
  /** The longest session it allows, in seconds. @default 3600 */
  readonly maxSessionSeconds?: number;
}

/** One session an STS emulator issued (no secret in it). */
export interface IssuedSession {
  /** The role assumed. */
  readonly roleArn: string;
  /** The session name the caller gave. */
  readonly sessionName: string;
  /** How it was asked for. */
  readonly via: 'AssumeRole' | 'OIDC';
  /** The temporary key id issued. */
  readonly accessKeyId: string;
  /** When the keys expire, on the emulator's clock. */
  readonly expiration: Date;
}

/** Who asks to assume a role. */
export type RoleCaller = { readonly accessKeyId: string; readonly principal?: string | undefined } | { readonly oidcSubject: string };

/** What an assume request comes to. */
export type AssumeOutcome =
  | { readonly ok: true; readonly key: TemporaryKey }
  | { readonly ok: false; readonly problem: 'no-role' | 'not-trusted' | 'external-id' | 'duration' };

/** What one assume request asks for. */
export interface AssumeRequest {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly caller: RoleCaller;
  readonly externalId?: string | undefined;
  readonly durationSeconds: number;
  readonly now: Date;
}

/** The roles, trust rules and sessions of one STS emulator. */
export class StsRoles {
  readonly #vendor: KeyVendor;
  readonly #defaultCaller: string;
  readonly #minSeconds: number;
  readonly #initial: readonly EmulatedRole[];
  readonly roles = new Map<string, EmulatedRole>();
  readonly sessions: IssuedSession[] = [];

  /** @param defaultCaller - the key id trusted by roles that name no callers. */
  constructor(vendor: KeyVendor, defaultCaller: string, roles: readonly EmulatedRole[], minSeconds: number) {
    this.#vendor = vendor;
    this.#defaultCaller = defaultCaller;
    this.#minSeconds = minSeconds;
    this.#initial = roles;
    this.reset();
  }

  /** Adds or replaces a role. */
  add(role: EmulatedRole): void {
    this.roles.set(role.arn, role);
  }

  /** Checks a request against the role's trust rule and issues keys when it passes. */
  assume(request: AssumeRequest): AssumeOutcome {
    const role = this.roles.get(request.roleArn);
    if (role === undefined) return { ok: false, problem: 'no-role' };
    const caller = request.caller;
    const trusted =
      'oidcSubject' in caller
        ? (role.oidcSubjects ?? []).includes(caller.oidcSubject)
        : (role.trustedCallers ?? [this.#defaultCaller]).some((name) => name === caller.accessKeyId || name === caller.principal);
    if (!trusted) return { ok: false, problem: 'not-trusted' };
    if (role.externalId !== undefined && request.externalId !== role.externalId) return { ok: false, problem: 'external-id' };
    if (request.durationSeconds < this.#minSeconds || request.durationSeconds > (role.maxSessionSeconds ?? 3600)) return { ok: false, problem: 'duration' };
    const key = issueTemporaryKey(this.#vendor, role.arn, new Date(request.now.getTime() + request.durationSeconds * 1000));
    this.sessions.push({ roleArn: role.arn, sessionName: request.sessionName, via: 'oidcSubject' in caller ? 'OIDC' : 'AssumeRole', accessKeyId: key.accessKeyId, expiration: key.expiration });
    return { ok: true, key };
  }

  /** Back to the roles given at start, no sessions. */
  reset(): void {
    this.roles.clear();
    for (const role of this.#initial) this.add(role);
    this.sessions.length = 0;
  }
}

/** Options of an STS emulator. */
export interface StsEmulatorOptions {
  /** Port on 127.0.0.1; default: an ephemeral port. */
  port?: number;
  /** The long-term key pair it accepts (and roles trust by default); default: the vendor's fake test keys. */
  credentials?: { readonly accessKeyId: string; readonly accessKeySecret: string };
  /** A test clock: expirations and signature-age checks follow it. */
  now?: () => Date;
  /** Requests per second before the vendor's throttling error; `false` for none. */
  rateLimit?: number | false;
  /** The roles it knows at start (more with `addRole`). */
  roles?: readonly EmulatedRole[];
}

/** Test hooks of an STS emulator: what an administrator or a cluster does, never reachable over HTTP. */
export interface StsEmulatorHooks {
  /** Creates (or replaces) a role with its trust rule, as an administrator does in the console. */
  addRole(role: EmulatedRole): void;
  /**
   * Issues an OIDC token for a subject, as a Kubernetes cluster projects one into a pod (signed
   * by the emulator's identity provider, so STS can check it); write it to the token file.
   */
  issueOidcToken(subject: string, options?: { readonly expiresInSeconds?: number }): string;
  /** The sessions issued so far, oldest first (no secrets). */
  sessions(): readonly IssuedSession[];
}

/** The shared state of an STS emulator and its hooks. */
export function stsState(vendor: KeyVendor, defaultCaller: string, options: StsEmulatorOptions, audience: string, minSeconds: number): { roles: StsRoles; oidcKey: Buffer; hooks: StsEmulatorHooks } {
  const roles = new StsRoles(vendor, defaultCaller, options.roles ?? [], minSeconds);
  const oidcKey = randomBytes(32);
  const now = options.now ?? (() => new Date());
  const hooks: StsEmulatorHooks = {
    addRole: (role) => roles.add(role),
    issueOidcToken(subject, tokenOptions = {}) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      return signOidcToken({ sub: subject, iss: 'https://oidc.emulator.invalid', aud: audience, iat: issuedAt, exp: issuedAt + (tokenOptions.expiresInSeconds ?? 3600) }, oidcKey);
    },
    sessions: () => roles.sessions.map((session) => ({ ...session })),
  };
  return { roles, oidcKey, hooks };
}
