import * as z from '../../src/util/zod.js';
import { baseSettingFields, settingsSchema, setUpProvider } from '../../src/settings/settings.js';
import type { BaseProviderSettings, ProviderSetup, ResolvedBaseSettings } from '../../src/settings/settings.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import type { CallOptions, ListQuery } from '../../src/contract/provider.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import type { ResolvedCallOptions, ShapeOf } from '../../src/validation/call-options.js';
import { loadAlibabaCredentials } from '../alibaba-common/alibaba-credentials.js';
import { alibabaChatAppCapabilities, CHATAPP_NUMBER_STATUSES } from './alibaba-chatapp-capabilities.js';
import type { AlibabaChatAppCallOptions, AlibabaChatAppListQuery, AlibabaChatAppVerificationOptions } from './alibaba-chatapp-types.js';

/** The one endpoint the vendor documents (region `ap-southeast-1`). */
const ALIBABA_CHATAPP_ENDPOINT = 'https://cams.ap-southeast-1.aliyuncs.com';

const CUST_SPACE_RULE = 'must be a customer space id (1-64 letters, digits, - or _)';
/** What a customer space id looks like (`cams-sdkj31kj32lk3j`, `293483938849493`): the one rule of the setting and the call option. */
const custSpaceIdSchema = () => z.string({ error: CUST_SPACE_RULE }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: CUST_SPACE_RULE }));

/**
 * Settings of {@link alibabaChatApp}; all optional, unknown keys refused.
 *
 * @remarks Credentials come from `credentials` or, on the first call, from
 * `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`.
 * ChatApp is served from one region, so there is no `region` setting (`endpoint` replaces the host).
 */
export interface AlibabaChatAppSettings extends BaseProviderSettings {
  /**
   * The customer space (the ISV sub-customer's `CustSpaceId`) whose numbers this provider manages.
   * Every call needs one: give it here, or per call as the `custSpaceId` option.
   */
  custSpaceId?: string;
}

/** Settings with every default applied: what `provider.settings` holds. */
export interface ResolvedAlibabaChatAppSettings extends ResolvedBaseSettings {
  /** The customer space calls use unless they name another. */
  readonly custSpaceId?: string | undefined;
}

/** The checks of each setting, built when a provider is first given it (see `settingsSchema`). */
const chatAppSettings = settingsSchema({
  ...baseSettingFields,
  custSpaceId: () => z.optional(custSpaceIdSchema()),
  region: () => z.optional(z.never({ error: 'is not a setting of ChatApp, which is served from ap-southeast-1 only: set endpoint to reach another host' })),
});

/**
 * Parses and resolves settings: the documented endpoint unless `endpoint` is given, and the
 * documented 10 requests per second per action (5 for the QR-code operations).
 *
 * @throws ContactError `invalid-config` naming the bad setting.
 */
export function setUpAlibabaChatApp(settings: unknown): ProviderSetup<ResolvedAlibabaChatAppSettings> {
  return setUpProvider(chatAppSettings, settings, {
    provider: 'alibaba-chatapp',
    capabilities: alibabaChatAppCapabilities,
    vendorCredentials: loadAlibabaCredentials,
    endpoint: ALIBABA_CHATAPP_ENDPOINT,
    // An ISV's customer spaces are places of one account, each with its own numbers.
    placeSettings: ['custSpaceId'],
  });
}

/** The option every operation takes (the customer space of the call), held to {@link AlibabaChatAppCallOptions} by the compiler. */
export const spaceOptionsShape = { custSpaceId: () => z.optional(custSpaceIdSchema()) } satisfies ShapeOf<Omit<AlibabaChatAppCallOptions, keyof CallOptions>>;

/** The checks of an option that takes one of `values`. */
const oneOf = <const V extends readonly [string, ...string[]]>(values: V) => () => z.optional(z.enum(values, { error: `must be ${values.map((value) => JSON.stringify(value)).join(' or ')}` }));

/** The options of `sendVerification`, held to {@link AlibabaChatAppVerificationOptions} by the compiler. */
export const verificationOptionsShape = {
  ...spaceOptionsShape,
  method: oneOf(['SMS', 'VOICE']),
  locale: oneOf(['en_US', 'zh_CN']),
} satisfies ShapeOf<Omit<AlibabaChatAppVerificationOptions, keyof CallOptions>>;

/** The own filters of `list`, held to {@link AlibabaChatAppListQuery} by the compiler. */
export const listFiltersShape = { status: oneOf(CHATAPP_NUMBER_STATUSES) } satisfies ShapeOf<Omit<AlibabaChatAppListQuery, keyof ListQuery>>;

/** A scope of an operation of this provider: its options name the customer space or not. */
export type SpaceScope = CallScope<ResolvedCallOptions<typeof spaceOptionsShape>>;

/**
 * The customer space of one call: its `custSpaceId` option, else the setting.
 *
 * @throws ContactError `invalid-config` when neither names one.
 */
export function customerSpace(scope: SpaceScope, settings: ResolvedAlibabaChatAppSettings): string {
  const space = scope.options.custSpaceId ?? settings.custSpaceId;
  if (space !== undefined) return space;
  throw errorIn(scope.errorContext, {
    code: 'invalid-config',
    field: 'custSpaceId',
    message: 'no customer space: give custSpaceId in the settings, alibabaChatApp({ custSpaceId }), or in this call\'s options, { custSpaceId }',
  });
}
