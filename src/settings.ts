import { z } from 'zod';
import type { ProviderId } from './contact.js';
import { Credentials, resolveCredentials } from './credentials.js';
import type { CredentialEnvNames, CredentialsInput } from './credentials.js';
import { fromZodIssues, issuesError } from './to-contact-error.js';
import { RateLimiter } from './transport/rate-limiter.js';
import type { CallPolicy } from './transport/call-scope.js';

/** Default budget of one operation, retries included: long enough for a slow vendor, short enough for a REPL. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default extra attempts after a retryable failure. */
export const DEFAULT_MAX_RETRIES = 2;

/** Settings every provider accepts; all optional. */
export interface BaseProviderSettings {
  /** Access key credentials; default: the vendor's environment variables. */
  credentials?: CredentialsInput;
  /** The vendor region, where the API has one. */
  region?: string;
  /**
   * A full URL replacing the vendor's endpoint, such as an emulator's `http://127.0.0.1:4010`
   * or a private gateway.
   */
  endpoint?: string;
  /**
   * Budget of one operation in milliseconds, retries and waits included.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Extra attempts after a retryable failure (only where repeating cannot duplicate a change).
   * @default 2
   */
  maxRetries?: number;
  /** Client-side requests per second; defaults to the vendor's documented limit; `false` for none. */
  rateLimit?: number | false;
}

/** The zod shape of {@link BaseProviderSettings}, for providers to extend. */
export const baseSettingsShape = {
  credentials: z
    .strictObject({
      accessKeyId: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
      accessKeySecret: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
      securityToken: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).optional(),
    })
    .optional(),
  region: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).optional(),
  endpoint: z
    .url({ protocol: /^https?$/, error: 'must be a full http(s) URL, such as http://127.0.0.1:4010' })
    // The vendor clients send every request to "/" of the host: a path or query would be dropped silently.
    .refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url), { error: 'must be a scheme, host and port only (such as http://127.0.0.1:4010), without a path or query' })
    .optional(),
  timeoutMs: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }).max(600_000, { error: 'must be at most 600000 (10 minutes)' }).optional(),
  maxRetries: z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).max(10, { error: 'must be at most 10' }).optional(),
  rateLimit: z.union([z.number().positive().max(10_000), z.literal(false)], { error: 'must be a positive number of requests per second, or false' }).optional(),
};

/**
 * Parses settings with a strict schema.
 *
 * @throws ContactError `invalid-config` naming each bad setting (values are never echoed).
 */
export function parseSettings<T>(schema: z.ZodType<T, unknown>, settings: unknown, provider: ProviderId): T {
  const result = schema.safeParse(settings ?? {});
  if (result.success) return result.data;
  throw issuesError('invalid-config', fromZodIssues(result.error.issues, 'settings'), { provider, operation: 'settings' });
}

/** The settings every provider resolves to: credentials found, defaults applied, endpoint parsed. */
export interface ResolvedBaseSettings {
  /** The credentials in use (secrets hidden from printing). */
  readonly credentials: Credentials;
  /** The region, when given. */
  readonly region?: string;
  /** The endpoint in use. */
  readonly endpoint: URL;
  /** Budget of one operation. */
  readonly timeoutMs: number;
  /** Extra attempts after a retryable failure. */
  readonly maxRetries: number;
  /** Requests per second, or `false`. */
  readonly rateLimit: number | false;
}

/** The vendor facts needed to resolve base settings. */
export interface ProviderDefaults {
  /** The provider. */
  readonly provider: ProviderId;
  /** Where credentials come from when settings give none. */
  readonly env: CredentialEnvNames;
  /** The vendor's endpoint. */
  readonly endpoint: string;
  /** The vendor's documented requests per second. */
  readonly rateLimit: number;
}

/** Settings as a zod schema outputs them (optional keys may hold `undefined`). */
export type ParsedBaseSettings = { [K in keyof BaseProviderSettings]?: BaseProviderSettings[K] | undefined };

/** Applies defaults and resolves credentials, in one place. */
export function resolveBaseSettings(settings: ParsedBaseSettings, defaults: ProviderDefaults): ResolvedBaseSettings {
  return {
    credentials: resolveCredentials(settings.credentials, defaults.env, defaults.provider),
    ...(settings.region === undefined ? {} : { region: settings.region }),
    endpoint: new URL(settings.endpoint ?? defaults.endpoint),
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: settings.maxRetries ?? DEFAULT_MAX_RETRIES,
    rateLimit: settings.rateLimit ?? defaults.rateLimit,
  };
}

/** Builds the call policy (deadline, retries, limiter, secrets to scrub) from resolved settings. */
export function createCallPolicy(provider: ProviderId, resolved: ResolvedBaseSettings): CallPolicy {
  return {
    provider,
    timeoutMs: resolved.timeoutMs,
    maxRetries: resolved.maxRetries,
    limiter: resolved.rateLimit === false ? undefined : new RateLimiter(resolved.rateLimit),
    secrets: resolved.credentials.secretValues(),
  };
}

export { Credentials };

/** A secret-free view of resolved settings, for a provider's printed form. */
export function describeSettings(resolved: ResolvedBaseSettings): Record<string, unknown> {
  return {
    endpoint: resolved.endpoint.origin,
    ...(resolved.region === undefined ? {} : { region: resolved.region }),
    timeoutMs: resolved.timeoutMs,
    maxRetries: resolved.maxRetries,
    rateLimit: resolved.rateLimit,
    credentials: resolved.credentials.describe(),
  };
}
