/**
 * Where a provider's keys come from, and the one cache in front of it: keys are fetched on the
 * first call that needs them, kept until a few minutes before they expire, fetched again by
 * one caller while the others wait for the same answer, and dropped when the vendor says the
 * token expired. Static keys, a credentials function, a vendor's default chain and an assumed
 * role are all a {@link KeyProvider} behind it.
 */
import { definePrintedForm } from '../util/redaction.js';
import { onAbort } from '../transport/abort-listeners.js';
import type { Credentials } from './credentials.js';
import { secretValuesOf } from './credentials.js';

/** One way of getting keys: static keys, a function, a chain, an STS exchange. */
export interface KeyProvider {
  /** Fetches keys; each call asks again (caching is the source's job). Rejects with a ContactError. */
  fetch(): Promise<Credentials>;
  /** What it is before anything was fetched (`default chain`, `credentials function`). */
  readonly description: string;
  /** Whether fetching again can give other keys (false for static keys). */
  readonly refreshable: boolean;
  /**
   * A stable name of who signs, for sharing rate limits between providers of one account
   * (a role's ARN); absent: the first key id fetched.
   */
  readonly identity?: string | undefined;
}

/** Longest time before expiry at which keys are fetched again. */
const REFRESH_BEFORE_MS = 5 * 60_000;

// Set by CredentialSource's static block, the one place that may read its private fields.
let secretsOf: (source: CredentialSource) => string[];

interface Cached {
  readonly credentials: Credentials;
  /** When to fetch again (epoch ms); Infinity for keys that do not expire. */
  readonly refreshAt: number;
  /** The vendor refused them as expired: fetch again, and never fall back to them. */
  readonly refused?: true;
}

/**
 * The credentials of one provider object: resolved on first use, cached until near expiry,
 * refreshed single-flight. It prints where the keys came from, never their values.
 *
 * @example
 * ```ts
 * const cam = tencentCam({ profile: 'prod' });
 * await cam.list().all();
 * cam.settings.credentials.describe(); // 'profile prod'
 * ```
 *
 * @advanced
 */
export class CredentialSource {
  /** Where keys are fetched from. */
  readonly #provider: KeyProvider;
  /** The keys in use, and when to fetch again. */
  #cached: Cached | undefined;
  /** The fetch in flight, which concurrent callers share. */
  #pending: Promise<Credentials> | undefined;
  /** Who signs, once known. */
  #identity: string | undefined;

  static {
    secretsOf = (source) => secretValuesOf(source.#cached?.credentials);
  }

  /**
   * Made by the settings layer.
   * @internal
   */
  constructor(provider: KeyProvider) {
    this.#provider = provider;
    this.#identity = provider.identity;
    definePrintedForm(this, () => this.#printed());
  }

  /**
   * Where the credentials come from, without values: `settings`, `environment`, `profile prod`,
   * `assumed role acs:ram::123:role/ops (from profile prod)`, `instance role ops`; before the
   * first call, how they will be found (`default chain (not resolved yet)`).
   */
  describe(): string {
    return this.#cached?.credentials.source ?? `${this.#provider.description} (not resolved yet)`;
  }

  /** When the keys in use expire, if they do and are known yet. */
  get expiration(): Date | undefined {
    return this.#cached?.credentials.expiration;
  }

  /**
   * Whether asking again can give other keys (a function, a chain, a role).
   * @internal
   */
  get refreshable(): boolean {
    return this.#provider.refreshable;
  }

  /**
   * Keys usable now without waiting, or undefined when they must be fetched first.
   * @internal
   */
  current(): Credentials | undefined {
    const cached = this.#cached;
    return cached !== undefined && Date.now() < cached.refreshAt ? cached.credentials : undefined;
  }

  /**
   * The keys to sign with, fetched when there are none or they are near expiry (calls do this
   * themselves; call it at start-up to fail fast). Concurrent calls share one fetch; a caller's
   * signal stops its own wait, not the fetch. When a refresh fails while the old keys still
   * work, the old keys are used. The result prints where the keys came from, never their values.
   *
   * @throws ContactError `invalid-config` when no credentials are found (naming every place
   * looked at) or a credentials function fails; `unauthenticated` or `permission-denied` when
   * STS refuses; `network`/`timeout` when a credential service cannot be reached.
   */
  resolve(signal?: AbortSignal): Promise<Credentials> {
    const ready = this.current();
    if (ready !== undefined) return Promise.resolve(ready);
    this.#pending ??= this.#fetch();
    return signal === undefined ? this.#pending : raceSignal(this.#pending, signal);
  }

  /**
   * Drops keys the vendor refused as expired, so the next call fetches new ones. Returns whether
   * asking again can help: false for static keys (true when a concurrent call already replaced
   * them: its keys are the ones a retry uses).
   * @internal
   */
  invalidate(used: Credentials): boolean {
    if (!this.#provider.refreshable) return false;
    if (this.#cached?.credentials === used) this.#cached = { credentials: used, refreshAt: Number.NEGATIVE_INFINITY, refused: true };
    return true;
  }

  /**
   * A stable name of who signs (a role's ARN, else the first key id), once known.
   * @internal
   */
  identity(): string | undefined {
    return this.#identity;
  }


  /** Fetches keys, falling back to the old ones while they still work and were not refused. */
  async #fetch(): Promise<Credentials> {
    const previous = this.#cached;
    try {
      const credentials = await this.#provider.fetch();
      this.#cached = { credentials, refreshAt: refreshTime(credentials.expiration, Date.now()) };
      this.#identity ??= credentials.accessKeyId;
      return credentials;
    } catch (error) {
      const expiration = previous?.credentials.expiration?.getTime();
      if (previous !== undefined && previous.refused !== true && expiration !== undefined && Date.now() < expiration) return previous.credentials;
      throw error;
    } finally {
      this.#pending = undefined;
    }
  }

  /** What printing shows: where the keys came from, masked. */
  #printed(): Record<string, string> {
    const cached = this.#cached?.credentials;
    return cached === undefined ? { source: this.describe() } : cached.describe();
  }
}

/**
 * The secret values a source holds now, for scrubbing error text; a function of this module
 * rather than a method, so no printed or tab-completed object offers it.
 * @internal
 */
export function credentialSecrets(source: CredentialSource): string[] {
  return secretsOf(source);
}

/**
 * When keys should be fetched again: a few minutes before they expire, or halfway through their
 * life when they live shorter than that, so short-lived keys are not fetched on every call.
 */
export function refreshTime(expiration: Date | undefined, obtainedAt: number): number {
  if (expiration === undefined) return Number.POSITIVE_INFINITY;
  const expiresAt = expiration.getTime();
  const margin = Math.min(REFRESH_BEFORE_MS, Math.max(0, (expiresAt - obtainedAt) / 2));
  return expiresAt - margin;
}

/** Waits for a shared promise until the caller's own signal fires (one listener per signal, however many wait). */
function raceSignal<T>(shared: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const detach = onAbort(signal, () => reject(signal.reason));
    shared.then(
      (value) => {
        detach();
        resolve(value);
      },
      (error: unknown) => {
        detach();
        reject(error);
      },
    );
  });
}
