import { createHash, X509Certificate } from 'node:crypto';
import { Agent } from 'node:http';
import * as z from '../util/zod.js';
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import type { AssumeRoleSettings, CredentialsFunction, CredentialsInput } from '../credentials/credentials.js';
import { credentialSecrets } from '../credentials/credential-source.js';
import type { CredentialSource } from '../credentials/credential-source.js';
import { credentialSourceFor } from '../credentials/credential-setup.js';
import type { VendorCredentialsLoader } from '../credentials/vendor-credentials.js';
import { CHINA_OFFSET_MINUTES } from '../util/china-time.js';
import { ownValue } from '../util/own-value.js';
import { plainInput } from '../validation/plain-input.js';
import { maxRetriesSchema, timeoutMsSchema } from '../validation/call-options.js';
import type { Capabilities, QuotaCapability } from '../contract/provider.js';
import { definePrintedForm, maskSecret } from '../util/redaction.js';
import { definePlace, keysOf, TARGET_NAME, TARGET_NAME_RULE } from './target.js';
import { fromZodIssues, issuesError } from '../errors/to-contact-error.js';
import type { ErrorContext } from '../errors/to-contact-error.js';
import type { CallPolicy, CountedQuota } from '../transport/call-scope.js';
import { sharedLocalQuotaStore } from '../transport/quota-store.js';
import { networkAgents } from '../transport/connection-agent.js';
import type { AgentFor } from '../transport/connection-agent.js';
import type { QuotaStore } from '../transport/quota-store.js';
import type { ContactEventListener } from '../contract/events.js';
import { sharedLocalRateLimiter } from '../transport/rate-limiter.js';
import type { RateLimiter } from '../transport/rate-limiter.js';

/** Default bound of one attempt on the wire: long enough for a slow vendor, short enough for a REPL. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** Default extra attempts after a retryable failure. */
const DEFAULT_MAX_RETRIES = 2;

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
  /**
   * An HTTP CONNECT proxy every request of the provider goes through (STS's too; never the
   * instance metadata service's): `http://proxy.internal:3128`, credentials allowed
   * (`http://user:pass@proxy.internal:3128`, never printed). TLS stays end to end, through the
   * proxy's tunnel. A proxy that refuses or is down fails a call with `network`, naming it by host.
   */
  proxy?: string;
  /**
   * CA certificates (PEM) to trust besides the system's: a private gateway's, or an
   * intercepting proxy's. A certificate neither signed fails a call with `network`, saying so.
   */
  ca?: string;
  /**
   * The name of this provider object in sync plans, reports, events and errors: two objects of
   * one provider (two accounts, regions or customer spaces) are two targets, `cam-prod` and
   * `cam-test`, which a roster's `only` and overrides can name. 1 to 64 letters, digits, `.`,
   * `_` or `-`; another provider's id is refused.
   * @default the provider id
   */
  target?: string;
}

/** The `region` setting, for providers whose vendor has regions. */
export interface RegionSettings {
  /** The vendor region. */
  region?: string;
}

/**
 * The `agent` setting, for providers whose transport takes one.
 *
 * @advanced
 */
export interface AgentSettings {
  /**
   * The HTTP agent for requests, for a proxy or custom TLS. Default: a keep-alive agent of the
   * provider's own (vendor clients would otherwise route even 127.0.0.1 through `http_proxy`).
   */
  agent?: Agent;
}

const PROXY_RULE = 'must be the http:// URL of an HTTP CONNECT proxy, such as http://proxy.internal:3128 (credentials in it are allowed; socks and https proxies are not supported)';
const CA_RULE = 'must be PEM text of one or more CA certificates (-----BEGIN CERTIFICATE----- ...)';
const text = () => z.string({ error: 'must be a string' }).check(z.minLength(1, { error: 'must not be empty' }));
const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;
const wholeNumber = () => z.int({ error: (issue) => (typeof issue.input === 'number' ? 'must be a whole number' : 'must be a number') });
const originUrl = () =>
  z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL, such as http://127.0.0.1:4010' }).check(
    // Vendor clients send every request to "/" of the host: a path or query would be dropped silently.
    z.refine((url) => /^https?:\/\/[^/?#]+\/?$/.test(url), { error: 'must be a scheme, host and port only (such as http://127.0.0.1:4010), without a path or query' }),
  );

/**
 * The checks of {@link BaseProviderSettings}, one builder per setting, for providers to extend:
 * a setting's checks are built when a provider is first given it (see {@link settingsSchema}).
 */
export const baseSettingFields = {
  credentials: () => z.optional(
    z.union(
      [
        z.custom<CredentialsFunction>((value) => typeof value === 'function'),
        z.strictObject({ accessKeyId: text(), accessKeySecret: text(), securityToken: z.optional(text()) }),
      ],
      { error: 'must be { accessKeyId, accessKeySecret, securityToken? } or a function resolving to them' },
    ),
  ),
  profile: () => z.optional(text()),
  assumeRole: () => z.optional(
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
  stsEndpoint: () => z.optional(originUrl()),
  metadataEndpoint: () => z.optional(originUrl()),
  endpoint: () => z.optional(originUrl()),
  timeoutMs: () => z.optional(timeoutMsSchema()),
  maxRetries: () => z.optional(maxRetriesSchema()),
  rateLimit: () => z.optional(z.union([z.number().check(z.positive(), z.maximum(10_000)), z.literal(false)], { error: 'must be a positive number of requests per second, or false' })),
  rateLimiter: () => z.optional(z.custom<RateLimiter>((value) => isObject(value) && typeof (value as RateLimiter).acquire === 'function', { error: 'must have an acquire(request, signal) method' })),
  onEvent: () => z.optional(z.custom<ContactEventListener>((value) => typeof value === 'function', { error: 'must be a function' })),
  quotaStore: () => z.optional(
    z.custom<QuotaStore>((value) => isObject(value) && typeof (value as QuotaStore).reserve === 'function' && typeof (value as QuotaStore).exhaust === 'function', {
      error: 'must have reserve(request) and exhaust(request) methods',
    }),
  ),
  quotas: () => z.optional(z.union([z.record(z.string(), z.int().check(z.minimum(0))), z.literal(false)], { error: 'must map quota ids to whole numbers, or be false' })),
  target: () => z.optional(z.string({ error: 'must be a string' }).check(z.regex(TARGET_NAME, { error: TARGET_NAME_RULE }))),
  proxy: () => z.optional(
    z.url({ protocol: /^http$/, error: PROXY_RULE }).check(z.refine((url) => /^http:\/\/[^/?#]+\/?$/.test(url), { error: `${PROXY_RULE}, without a path or query` })),
  ),
  ca: () => z.optional(z.string({ error: CA_RULE }).check(z.refine(isCaPem, { error: CA_RULE }))),
} satisfies SettingFields;

/** The checks of {@link RegionSettings}. */
export const regionSettingFields = { region: () => z.optional(text()) } satisfies SettingFields;

/** The checks of {@link AgentSettings}. */
export const agentSettingFields = {
  agent: () => z.optional(z.custom<Agent>((value) => value instanceof Agent, { error: 'must be an http.Agent or https.Agent (proxy agents extend it)' })),
} satisfies SettingFields;

/** The checks of a provider's settings: one builder per setting name. */
export type SettingFields = z.FieldBuilders;

/** What a provider's settings parse to: the strict object of every field's checks. */
type SettingsOf<F extends SettingFields> = z.output<z.ZodMiniObject<z.BuiltShape<F>>>;

/** Default values of some of a provider's own settings, by name. */
type SettingDefaults<F extends SettingFields> = { readonly [K in keyof SettingsOf<F>]?: Exclude<SettingsOf<F>[K], undefined> };

/** The settings after their defaults: a setting with a default is always there. */
type DefaultedSettings<F extends SettingFields, D> = SettingsOf<F> & { [K in keyof D & keyof SettingsOf<F>]-?: Exclude<SettingsOf<F>[K], undefined> };

/** A provider's settings schema, built for the settings a provider is given. */
export interface SettingsSchema<F extends SettingFields, D extends SettingDefaults<F> = SettingDefaults<F>> {
  /** Every setting name the provider takes. */
  readonly keys: readonly string[];
  /** The strict object of the checks of the settings `given` names: unknown names are its issues. */
  readonly for: (given: unknown) => z.ZodMiniType<SettingsOf<F>, unknown>;
  /** What an absent setting is (RD's `site`, VMP's `region`): `setUpProvider` applies these with the base settings' defaults. */
  readonly defaults: D;
}

/**
 * A provider's settings schema: a strict object of its fields, built for the names a provider is
 * given, once per set of names, and the `defaults` of its own settings. A provider made with an
 * endpoint and keys builds the checks of those two, not of the twenty settings it could take:
 * building them all was most of what making a provider cost. Defaults are values, not checks: a
 * default is applied after the check (as the base settings' are), so a provider given no `site`
 * builds no check of it.
 */
export function settingsSchema<F extends SettingFields, const D extends SettingDefaults<F> = Record<never, never>>(fields: F, defaults?: D): SettingsSchema<F, D> {
  const keys = Object.keys(fields);
  return {
    keys,
    for(given) {
      const record = typeof given === 'object' && given !== null ? given : {};
      // `in`, as zod reads keys: a setting an object inherits is checked, not called unknown.
      return z.strictObjectOf(fields, keys.filter((key) => key in record));
    },
    defaults: (defaults ?? {}) as D,
  };
}

/** The vendor facts a provider's settings resolve against. */
interface ProviderDefaults {
  /** The provider. */
  readonly provider: ProviderId;
  /** What it can do: its documented rate limits become the default `rateLimit`. */
  readonly capabilities: Capabilities;
  /** The vendor's default chain and STS, loaded when the settings give no static keys or assume a role. */
  readonly vendorCredentials: VendorCredentialsLoader;
  /** The vendor's endpoint, or how it follows from the other settings (a site, a region). */
  readonly endpoint: string | ((settings: Record<string, unknown>) => string);
  /**
   * The settings that pick a place inside one account at one endpoint (VMP's `region`, ChatApp's
   * `custSpaceId`): two providers alike in these, the endpoint and the keys hold the same contacts.
   */
  readonly placeSettings?: readonly string[];
}

/**
 * Settings after defaults: what `provider.settings` holds. `credentials` says where the keys
 * come from (`describe()`), and prints without their values.
 *
 * @advanced
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
  /** The target this provider object is in sync plans, reports, events and errors (default: the provider id). */
  readonly target: string;
  /** The proxy in use, if any, its credentials replaced by `***`. */
  readonly proxy?: string;
  /** The CA certificates trusted besides the system's, if any (PEM). */
  readonly ca?: string;
  /** The agent requests go through: the `agent` setting, or the one made for `proxy` and `ca`; absent: the transport's own. */
  readonly agent?: Agent | undefined;
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
export function setUpProvider<F extends SettingFields, D extends SettingDefaults<F>, T extends Parsed = DefaultedSettings<F, D> & Parsed>(
  schema: SettingsSchema<F, D>,
  given: unknown,
  defaults: ProviderDefaults,
): ProviderSetup<Omit<T, keyof BaseProviderSettings> & ResolvedBaseSettings> {
  const context = { provider: defaults.provider, operation: 'settings' };
  const input = plainInput(given ?? {}, 'settings', context);
  const result = schema.for(input).safeParse(input);
  if (!result.success) throw issuesError('invalid-config', fromZodIssues(result.error.issues, 'settings'), context);
  const parsed: Record<string, unknown> = result.data;
  for (const [key, value] of Object.entries(schema.defaults)) parsed[key] ??= value;
  const { credentials: credentialsInput, profile, assumeRole, stsEndpoint, metadataEndpoint, endpoint, timeoutMs, maxRetries, rateLimit, rateLimiter, onEvent, quotaStore, quotas, target, proxy, ca, ...rest } = parsed as T;
  checkQuotaIds(quotas, defaults, context);
  checkTarget(target, defaults.provider, context);
  const resolvedEndpoint = new URL(endpoint ?? environmentEndpoint(defaults.provider, context) ?? (typeof defaults.endpoint === 'string' ? defaults.endpoint : defaults.endpoint(rest))).origin;
  const { agents, agent } = networkOf((rest as { agent?: Agent }).agent, proxy, ca, resolvedEndpoint, context);
  const origins = { stsEndpoint: originOf(stsEndpoint), metadataEndpoint: originOf(metadataEndpoint) };
  const credentials = credentialSourceFor(
    { credentials: credentialsInput, profile, assumeRole, ...origins, timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS, agentFor: agents },
    defaults.provider,
    defaults.vendorCredentials,
  );
  const settings = {
    ...(rest as Omit<T, keyof BaseProviderSettings>),
    endpoint: resolvedEndpoint,
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
    target: target ?? defaults.provider,
    ...(proxy === undefined ? {} : { proxy: withoutCredentials(proxy) }),
    ...(ca === undefined ? {} : { ca }),
    ...(agent === undefined ? {} : { agent: agent as Agent }),
  };
  definePrintedForm(settings, () => printable(settings));
  definePlace(settings, {
    provider: defaults.provider,
    endpoint: settings.endpoint,
    place: Object.fromEntries((defaults.placeSettings ?? []).map((key) => [key, (rest as Record<string, unknown>)[key]])),
    ...keysOf(credentialsInput, profile, assumeRole),
  });
  return { settings, credentials, policy: callPolicy(defaults, settings, credentials, schema.keys) };
}

/** The variable that points a provider at another endpoint when its settings name none: `CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT`. */
export function endpointVariable(provider: ProviderId): string {
  return `CLOUD_CONTACTS_${provider.toUpperCase().replace(/-/g, '_')}_ENDPOINT`;
}

const endpointSchema = z.lazy(originUrl);

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

/**
 * The agents of the `proxy` and `ca` settings (per scheme: the product's endpoint and STS may
 * differ), and the one for the endpoint: the `agent` setting's where a provider takes one.
 */
function networkOf(own: Agent | undefined, proxy: string | undefined, ca: string | undefined, endpoint: string, context: ErrorContext): { agents: AgentFor; agent: Agent | undefined } {
  if (own !== undefined && (proxy !== undefined || ca !== undefined)) {
    const message = 'cannot be given with proxy or ca: give proxy and ca (the provider makes the agent), or an agent of your own that does both';
    throw issuesError('invalid-config', [{ path: 'settings.agent', code: 'conflict', message }], context);
  }
  const agents = networkAgents({ proxy, ca });
  return { agents, agent: own ?? agents(endpoint) };
}

/** A proxy URL as settings keep and print it: any credentials in it replaced by `***`. */
function withoutCredentials(proxy: string): string {
  const url = new URL(proxy);
  if (url.username === '' && url.password === '') return url.origin;
  return `${url.protocol}//***@${url.host}`;
}

/** Whether a text is PEM holding one or more certificates, each of which parses. */
function isCaPem(text: string): boolean {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return false;
  try {
    for (const block of blocks) new X509Certificate(block);
    return true;
  } catch {
    return false;
  }
}

/** `scheme://host[:port]` of a URL setting. */
function originOf(url: string | undefined): string | undefined {
  return url === undefined ? undefined : new URL(url).origin;
}

function callPolicy(defaults: ProviderDefaults, settings: ResolvedBaseSettings, credentials: CredentialSource, settingKeys: readonly string[]): CallPolicy {
  let account: string | undefined;
  return {
    provider: defaults.provider,
    ...(settings.target === defaults.provider ? {} : { target: settings.target }),
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    settingKeys,
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

/** A target named after another provider would make `only: [that-provider]` pick it too. */
function checkTarget(target: string | undefined, provider: ProviderId, context: { provider: ProviderId; operation: string }): void {
  if (target === undefined || target === provider || !(PROVIDER_IDS as readonly string[]).includes(target)) return;
  throw issuesError('invalid-config', [{ path: 'settings.target', code: 'invalid_target', message: `is another provider's id: a roster naming ${target} would mean that provider (name it ${provider}-..., such as ${provider}-prod)` }], context);
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
function rateFor(action: string, rateLimit: number | false | 'documented', capabilities: Capabilities): number | undefined {
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
    else if (key === 'ca') out[key] = `[PEM: ${(String(value).match(/-----BEGIN CERTIFICATE-----/g) ?? []).length} certificate(s)]`;
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
