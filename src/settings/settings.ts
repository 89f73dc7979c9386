import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import * as z from '../util/zod.js';
import type { ProviderId } from '../model/contact.js';
import type { AssumeRoleSettings, CredentialsFunction, CredentialsInput } from '../credentials/credentials.js';
import { credentialSecrets } from '../credentials/credential-source.js';
import type { CredentialSource } from '../credentials/credential-source.js';
import { credentialSourceFor } from '../credentials/credential-setup.js';
import type { VendorCredentialsLoader } from '../credentials/vendor-credentials.js';
import { CHINA_OFFSET_MINUTES } from '../util/china-time.js';
import { ownValue } from '../util/own-value.js';
import { plainInput } from '../validation/plain-input.js';
import type { Capabilities, QuotaCapability } from '../contract/provider.js';
import { definePrintedForm, maskSecret } from '../util/redaction.js';
import { fromZodIssues, issuesError } from '../errors/to-contact-error.js';
import type { CallPolicy, CountedQuota } from '../transport/call-scope.js';
import { sharedLocalQuotaStore } from '../transport/quota-store.js';
import type { QuotaStore } from '../transport/quota-store.js';
import type { ContactEventListener } from '../contract/events.js';
import { sharedLocalRateLimiter } from '../transport/rate-limiter.js';
import type { RateLimiter } from '../transport/rate-limiter.js';

/** Default bound of one attempt on the wire: long enough for a slow vendor, short enough for a REPL. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default extra attempts after a retryable failure. */
export const DEFAULT_MAX_RETRIES = 2;

/** Settings every provider accepts; all optional, unknown keys refused. */
export interface BaseProviderSettings {
  /**
   * Access keys, or a function resolving to them (`async () => ({ accessKeyId, accessKeySecret,
   * securityToken?, expiration? })`, called on first use and again a few minutes before
   * `expiration`). Default: the vendor's default chain (environment, profile files, Kubernetes
   * OIDC, the instance's role), resolved on the first call and refreshed before expiry.
   */
  credentials?: CredentialsInput | CredentialsFunction;
  /**
   * A named profile of the vendor CLI's credential files (`~/.aliyun/config.json`,
   * `~/.tencentcloud/credentials`, `~/.volcengine/config.json`); only those files are read then.
   * Default: the vendor's own profile variable, else its current or `default` profile, inside the default chain.
   */
  profile?: string;
  /**
   * A role to assume through the vendor's STS with whatever credentials the provider has: how an
   * operator account reaches member accounts. Its temporary keys are renewed before they expire.
   */
  assumeRole?: AssumeRoleSettings;
  /** The vendor's STS at another URL (an emulator, a private endpoint), such as `http://127.0.0.1:4020`. */
  stsEndpoint?: string;
  /** The instance metadata service at another URL (an emulator), such as `http://127.0.0.1:4030`. */
  metadataEndpoint?: string;
  /**
   * A URL replacing the vendor's endpoint: scheme, host and port only, such as an emulator's
   * `http://127.0.0.1:4010` or a private gateway. Default: the `CLOUD_CONTACTS_<PROVIDER>_ENDPOINT`
   * environment variable when set (`CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT`, what
   * `cloud-contacts emulator` prints), else the vendor's documented endpoint.
   */
  endpoint?: string;
  /**
   * Bound of one attempt on the wire, in milliseconds; a hung attempt is abandoned and retried
   * where that is safe. Bound a whole call with its `signal` (`AbortSignal.timeout(ms)`).
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Extra attempts after a retryable failure (only where repeating cannot duplicate a change).
   * @default 2
   */
  maxRetries?: number;
  /**
   * Client-side requests per second per vendor action; default: the vendor's documented limit
   * of each action; `false` for none.
   */
  rateLimit?: number | false;
  /** Where rate-limit slots come from; default: one in-process limiter shared by providers of the same account. */
  rateLimiter?: RateLimiter;
  /**
   * Where daily quotas are counted (CAM's 10 creates a day), so a call that would exceed one fails
   * fast; default: an in-process store shared by providers of the same account.
   */
  quotaStore?: QuotaStore;
  /**
   * The daily quotas of this account, by id, when the vendor gave it other limits than the
   * documented ones (`{ createsPerDay: 50 }`); `false` to count none on the client.
   */
  quotas?: Record<string, number> | false;
  /** Receives request, response, retry, throttle and error events, for logs and traces. */
  onEvent?: ContactEventListener;
}

/** The `region` setting, for providers whose vendor has regions. */
export interface RegionSettings {
  /** The vendor region. */
  region?: string;
}

/** The `agent` setting, for providers whose transport takes one. */
export interface AgentSettings {
  /**
   * The HTTP agent for requests, for a proxy or custom TLS. Default: a keep-alive agent of the
   * provider's own (vendor clients would otherwise route even 127.0.0.1 through `http_proxy`).
   */
  agent?: Agent;
}

const text = () => z.string({ error: 'must be a string' }).check(z.minLength(1, { error: 'must not be empty' }));
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;
const wholeNumber = () => z.int({ error: (issue) => (typeof issue.input === 'number' ? 'must be a whole number' : 'must be a number') });
const originUrl = () =>
  z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL, such as http://127.0.0.1:4010' }).check(
    // Vendor clients send every request to "/" of the host: a path or query would be dropped silently.
    z.refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url), { error: 'must be a scheme, host and port only (such as http://127.0.0.1:4010), without a path or query' }),
  );

/** The zod shape of {@link BaseProviderSettings}, for providers to extend. */
export const baseSettingsShape = {
  credentials: z.optional(
    z.union(
      [
        z.custom<CredentialsFunction>((value) => typeof value === 'function'),
        z.strictObject({ accessKeyId: text(), accessKeySecret: text(), securityToken: z.optional(text()) }),
      ],
      { error: 'must be { accessKeyId, accessKeySecret, securityToken? } or a function resolving to them' },
    ),
  ),
  profile: z.optional(text()),
  assumeRole: z.optional(
    z.strictObject(
      {
        roleArn: text(),
        // The vendors allow letters, digits and `_.@-` (Tencent also `+=,`), 2 to 64 characters.
        sessionName: z.optional(z.string({ error: 'must be a string' }).check(z.regex(/^[\w.@+=,-]{2,64}$/, { error: 'must be 2 to 64 letters, digits or _.@+=,-' }))),
        externalId: z.optional(text()),
        durationSeconds: z.optional(wholeNumber().check(z.minimum(900, { error: 'must be at least 900 (15 minutes)' }), z.maximum(43_200, { error: 'must be at most 43200 (12 hours)' }))),
      },
      { error: 'must be { roleArn, sessionName?, externalId?, durationSeconds? }' },
    ),
  ),
  stsEndpoint: z.optional(originUrl()),
  metadataEndpoint: z.optional(originUrl()),
  endpoint: z.optional(originUrl()),
  timeoutMs: z.optional(wholeNumber().check(z.positive({ error: 'must be positive' }), z.maximum(600_000, { error: 'must be at most 600000 (10 minutes)' }))),
  maxRetries: z.optional(wholeNumber().check(z.minimum(0, { error: 'must be 0 or more' }), z.maximum(10, { error: 'must be at most 10' }))),
  rateLimit: z.optional(z.union([z.number().check(z.positive(), z.maximum(10_000)), z.literal(false)], { error: 'must be a positive number of requests per second, or false' })),
  rateLimiter: z.optional(z.custom<RateLimiter>((value) => isObject(value) && typeof (value as RateLimiter).acquire === 'function', { error: 'must have an acquire(request, signal) method' })),
  onEvent: z.optional(z.custom<ContactEventListener>((value) => typeof value === 'function', { error: 'must be a function' })),
  quotaStore: z.optional(
    z.custom<QuotaStore>((value) => isObject(value) && typeof (value as QuotaStore).reserve === 'function' && typeof (value as QuotaStore).exhaust === 'function', {
      error: 'must have reserve(request) and exhaust(request) methods',
    }),
  ),
  quotas: z.optional(z.union([z.record(z.string(), z.int().check(z.minimum(0))), z.literal(false)], { error: 'must map quota ids to whole numbers, or be false' })),
};

/** The zod shape of {@link RegionSettings}. */
export const regionSettingShape = { region: z.optional(text()) };

/** The zod shape of {@link AgentSettings}. */
export const agentSettingShape = {
  agent: z.optional(z.custom<Agent>((value) => value instanceof Agent, { error: 'must be an http.Agent or https.Agent (proxy agents extend it)' })),
};

/** The vendor facts a provider's settings resolve against. */
export interface ProviderDefaults {
  /** The provider. */
  readonly provider: ProviderId;
  /** What it can do: its documented rate limits become the default `rateLimit`. */
  readonly capabilities: Capabilities;
  /** The vendor's default chain and STS, loaded when the settings give no static keys or assume a role. */
  readonly vendorCredentials: VendorCredentialsLoader;
  /** The vendor's endpoint, or how it follows from the other settings (a site, a region). */
  readonly endpoint: string | ((settings: Record<string, unknown>) => string);
}

/**
 * Settings after defaults: what `provider.settings` holds. `credentials` says where the keys
 * come from (`describe()`), and prints without their values.
 */
export interface ResolvedBaseSettings {
  /** The endpoint in use, as `scheme://host[:port]`. */
  readonly endpoint: string;
  /** Bound of one attempt. */
  readonly timeoutMs: number;
  /** Extra attempts after a retryable failure. */
  readonly maxRetries: number;
  /** Requests per second per action, `false` for none, or `documented`: each action's documented limit. */
  readonly rateLimit: number | false | 'documented';
  /** Where the credentials come from: `credentials.describe()` says (`environment`, `profile prod`, ...), never a value. */
  readonly credentials: CredentialSource;
  /** The profile given, if any. */
  readonly profile?: string;
  /** The role assumed, if any. */
  readonly assumeRole?: Readonly<AssumeRoleSettings>;
  /** The STS endpoint given, if any. */
  readonly stsEndpoint?: string;
  /** The metadata endpoint given, if any. */
  readonly metadataEndpoint?: string;
  /** The rate limiter given, if any. */
  readonly rateLimiter?: RateLimiter;
  /** The event listener given, if any. */
  readonly onEvent?: ContactEventListener;
  /** The quota store given, if any. */
  readonly quotaStore?: QuotaStore;
  /** The account's own daily quotas, or `false` for none counted. */
  readonly quotas?: Readonly<Record<string, number>> | false;
}

/** What a provider is built from: its resolved settings, where its credentials come from, and its call policy. */
export interface ProviderSetup<S extends ResolvedBaseSettings> {
  /** The settings in use. */
  readonly settings: S;
  /** The credentials, resolved on first use. */
  readonly credentials: CredentialSource;
  /** How its calls run. */
  readonly policy: CallPolicy;
}

type Parsed = { [K in keyof BaseProviderSettings]?: BaseProviderSettings[K] | undefined };

/**
 * Parses a provider's settings with its strict schema and applies every default in one place.
 * Credentials are not read here: a provider made at module load never fails for a missing
 * environment variable; its first call does, naming the variable.
 *
 * @throws ContactError `invalid-config` naming each bad setting (values are never echoed).
 */
export function setUpProvider<T extends Parsed>(
  schema: z.ZodMiniType<T, unknown>,
  given: unknown,
  defaults: ProviderDefaults,
): ProviderSetup<Omit<T, keyof BaseProviderSettings> & ResolvedBaseSettings> {
  const context = { provider: defaults.provider, operation: 'settings' };
  const input = plainInput(given ?? {}, 'settings', context);
  const result = schema.safeParse(input);
  if (!result.success) throw issuesError('invalid-config', fromZodIssues(result.error.issues, 'settings'), context);
  const { credentials: credentialsInput, profile, assumeRole, stsEndpoint, metadataEndpoint, endpoint, timeoutMs, maxRetries, rateLimit, rateLimiter, onEvent, quotaStore, quotas, ...rest } = result.data;
  checkQuotaIds(quotas, defaults, context);
  const origins = { stsEndpoint: originOf(stsEndpoint), metadataEndpoint: originOf(metadataEndpoint) };
  const credentials = credentialSourceFor(
    { credentials: credentialsInput, profile, assumeRole, ...origins, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS },
    defaults.provider,
    defaults.vendorCredentials,
  );
  const settings = {
    ...(rest as Omit<T, keyof BaseProviderSettings>),
    endpoint: new URL(endpoint ?? environmentEndpoint(defaults.provider, context) ?? (typeof defaults.endpoint === 'string' ? defaults.endpoint : defaults.endpoint(rest))).origin,
    timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: maxRetries ?? DEFAULT_MAX_RETRIES,
    rateLimit: rateLimit ?? ('documented' as const),
    credentials,
    ...(profile === undefined ? {} : { profile }),
    ...(assumeRole === undefined ? {} : { assumeRole: Object.freeze({ ...assumeRole }) }),
    ...(origins.stsEndpoint === undefined ? {} : { stsEndpoint: origins.stsEndpoint }),
    ...(origins.metadataEndpoint === undefined ? {} : { metadataEndpoint: origins.metadataEndpoint }),
    ...(rateLimiter === undefined ? {} : { rateLimiter }),
    ...(onEvent === undefined ? {} : { onEvent }),
    ...(quotaStore === undefined ? {} : { quotaStore }),
    ...(quotas === undefined ? {} : { quotas }),
  };
  definePrintedForm(settings, () => printable(settings));
  return { settings, credentials, policy: callPolicy(defaults, settings, credentials) };
}

/** `scheme://host[:port]` of a URL setting. */
/** The variable that points a provider at another endpoint when its settings name none: `CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT`. */
export function endpointVariable(provider: ProviderId): string {
  return `CLOUD_CONTACTS_${provider.toUpperCase().replace(/-/g, '_')}_ENDPOINT`;
}

const endpointSchema = originUrl();

/**
 * The endpoint the environment names for a provider, if any.
 *
 * @throws ContactError `invalid-config` naming the variable when it is not a scheme, host and port.
 */
function environmentEndpoint(provider: ProviderId, context: { provider: ProviderId; operation: string }): string | undefined {
  const name = endpointVariable(provider);
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const result = endpointSchema.safeParse(value);
  if (!result.success) throw issuesError('invalid-config', fromZodIssues(result.error.issues, name), context);
  return result.data;
}

function originOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : new URL(url).origin;
}

function callPolicy(defaults: ProviderDefaults, settings: ResolvedBaseSettings, credentials: CredentialSource): CallPolicy {
  let account: string | undefined;
  return {
    provider: defaults.provider,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    secrets: () => credentialSecrets(credentials),
    limiter: settings.rateLimit === false ? undefined : (settings.rateLimiter ?? sharedLocalRateLimiter),
    rateFor: perAction((action) => rateFor(action, settings.rateLimit, defaults.capabilities)),
    account: () => {
      // Who signs, stably: a role's ARN, else the first key id (temporary keys change, the account does not).
      const identity = credentials.identity();
      if (identity === undefined) return createHash('sha256').update(settings.endpoint).digest('hex').slice(0, 24);
      account ??= createHash('sha256').update(`${settings.endpoint}\n${identity}`).digest('hex').slice(0, 24);
      return account;
    },
    onEvent: settings.onEvent,
    quotaStore: settings.quotas === false ? undefined : (settings.quotaStore ?? sharedLocalQuotaStore),
    quotaFor: perAction((action) => countedQuota(action, settings.quotas, defaults.capabilities)),
  };
}

/** A function of a vendor action, worked out once per action (settings never change). */
function perAction<T>(compute: (action: string) => T): (action: string) => T {
  const known = new Map<string, T>();
  return (action) => {
    if (known.has(action)) return known.get(action) as T;
    const value = compute(action);
    known.set(action, value);
    return value;
  };
}

/**
 * A quota's limit for this account: the one the provider's `quotas` setting gives (an account the
 * vendor allowed more, or less), else the documented one.
 */
export function accountQuotaLimit(quota: QuotaCapability, quotas: Readonly<Record<string, number>> | false | undefined): number | 'unknown' {
  return (quota.id !== undefined && typeof quotas === 'object' ? ownValue(quotas, quota.id) : undefined) ?? quota.limit;
}

/** The daily quota an action uses and its limit for this account, if the client counts it. */
function countedQuota(action: string, quotas: Readonly<Record<string, number>> | false | undefined, capabilities: Capabilities): CountedQuota | undefined {
  if (quotas === false) return undefined;
  const quota = capabilities.quotas.find((candidate) => candidate.action === action && candidate.period === 'day' && candidate.id !== undefined);
  if (quota === undefined || quota.id === undefined) return undefined;
  const limit = accountQuotaLimit(quota, quotas);
  if (limit === 'unknown') return undefined;
  return { quota: quota.id, name: quota.name, limit, dayOffsetMinutes: CHINA_OFFSET_MINUTES, vendorCode: quota.vendorCode };
}


function checkQuotaIds(quotas: Readonly<Record<string, number>> | false | undefined, defaults: ProviderDefaults, context: { provider: ProviderId; operation: string }): void {
  if (quotas === undefined || quotas === false) return;
  const known = defaults.capabilities.quotas.flatMap((quota) => (quota.id === undefined ? [] : [quota.id]));
  const unknown = Object.keys(quotas).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw issuesError('invalid-config', unknown.map((id) => ({ path: `settings.quotas.${id}`, code: 'unknown_field', message: `is not a quota of ${defaults.provider} (known: ${known.join(', ') || 'none'})` })), context);
  }
}

/** The requests per second an action may be sent at: the setting, else the action's documented limit. */
export function rateFor(action: string, rateLimit: number | false | 'documented', capabilities: Capabilities): number | undefined {
  if (rateLimit === false) return undefined;
  if (typeof rateLimit === 'number') return rateLimit;
  const named = capabilities.rateLimits.find((limit) => limit.operations.includes(action));
  return (named ?? capabilities.rateLimits.find((limit) => limit.operations.includes('*')))?.perSecond;
}

/** What printing the settings shows: every key they have, with secrets masked and objects named. */
function printable(settings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value === 'function') out[key] = `[Function${value.name ? `: ${value.name}` : ''}]`;
    else if (key === 'credentials' || !isObject(value)) out[key] = value;
    else if (key === 'assumeRole') out[key] = printableRole(value as AssumeRoleSettings);
    else out[key] = `[${(value as object).constructor?.name ?? 'Object'}]`;
  }
  return out;
}

/** An assumed role as printing shows it: the external id (a shared secret of the trust policy) masked. */
function printableRole(role: AssumeRoleSettings): Record<string, unknown> {
  return { ...role, ...(role.externalId === undefined ? {} : { externalId: maskSecret(role.externalId) }) };
}

/**
 * Gives a provider object its printed form: what it has (`id`, `settings`), with its
 * capabilities named rather than dumped.
 */
export function printAsProvider<T extends { readonly id: ProviderId; readonly settings: object; readonly capabilities: Capabilities }>(provider: T): T {
  return definePrintedForm(provider, () => ({ id: provider.id, capabilities: `[Capabilities: ${provider.capabilities.api}]`, settings: provider.settings }));
}
