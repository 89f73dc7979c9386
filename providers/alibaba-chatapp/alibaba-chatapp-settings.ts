import * as z from '../../src/util/zod.js';
import { baseSettingsShape, setUpProvider } from '../../src/settings/settings.js';
import type { BaseProviderSettings, ProviderSetup, ResolvedBaseSettings } from '../../src/settings/settings.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import type { ErrorContext } from '../../src/errors/to-contact-error.js';
import { loadAlibabaCredentials } from '../alibaba-common/alibaba-credentials.js';
import { alibabaChatAppCapabilities } from './alibaba-chatapp-capabilities.js';

/** The one endpoint the vendor documents (region `ap-southeast-1`). */
export const ALIBABA_CHATAPP_ENDPOINT = 'https://cams.ap-southeast-1.aliyuncs.com';

/** What a customer space id looks like (`cams-sdkj31kj32lk3j`, `293483938849493`). */
const CUST_SPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

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

const settingsSchema = z.strictObject({
  ...baseSettingsShape,
  custSpaceId: z.optional(z.string({ error: 'must be a string' }).check(z.regex(CUST_SPACE_ID, { error: 'must be a customer space id (1-64 letters, digits, - or _)' }))),
  region: z.optional(z.never({ error: 'is not a setting of ChatApp, which is served from ap-southeast-1 only: set endpoint to reach another host' })),
});

/**
 * Parses and resolves settings: the documented endpoint unless `endpoint` is given, and the
 * documented 10 requests per second per action (5 for the QR-code operations).
 *
 * @throws ContactError `invalid-config` naming the bad setting.
 */
export function setUpAlibabaChatApp(settings: unknown): ProviderSetup<ResolvedAlibabaChatAppSettings> {
  return setUpProvider(settingsSchema, settings, {
    provider: 'alibaba-chatapp',
    capabilities: alibabaChatAppCapabilities,
    vendorCredentials: loadAlibabaCredentials,
    endpoint: ALIBABA_CHATAPP_ENDPOINT,
  });
}

/** Checks the per-call `custSpaceId` option. */
export const custSpaceIdRule = (value: unknown): string | undefined =>
  typeof value === 'string' && CUST_SPACE_ID.test(value) ? undefined : 'must be a customer space id (1-64 letters, digits, - or _)';

/**
 * The customer space of one call: its `custSpaceId` option, else the setting.
 *
 * @throws ContactError `invalid-config` when neither names one.
 */
export function custSpaceOf(extras: Readonly<Record<string, unknown>>, settings: ResolvedAlibabaChatAppSettings, context: ErrorContext): string {
  const space = (extras['custSpaceId'] as string | undefined) ?? settings.custSpaceId;
  if (space !== undefined) return space;
  throw errorIn(context, {
    code: 'invalid-config',
    field: 'custSpaceId',
    message: 'no customer space: give custSpaceId in the settings, alibabaChatApp({ custSpaceId }), or in this call\'s options, { custSpaceId }',
  });
}
