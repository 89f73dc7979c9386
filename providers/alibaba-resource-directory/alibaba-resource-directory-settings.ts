import { z } from 'zod';
import { baseSettingsShape, parseSettings, resolveBaseSettings } from '../../src/settings.js';
import type { BaseProviderSettings, ResolvedBaseSettings } from '../../src/settings.js';
import type { AlibabaSite } from './alibaba-resource-directory-capabilities.js';

const PROVIDER = 'alibaba-resource-directory';

/** The documented host of each site; the SDK's own default host is undocumented, so it is never used. */
export const ALIBABA_RD_ENDPOINTS: Readonly<Record<AlibabaSite, string>> = {
  china: 'https://resourcedirectory.aliyuncs.com',
  international: 'https://resourcedirectory-intl.aliyuncs.com',
};

/** The documented request rate of the message-contact operations. */
const VENDOR_RATE_LIMIT = 20;

/**
 * Settings of {@link alibabaResourceDirectory}; all optional.
 *
 * @remarks Resource Directory has no regions, so there is no `region` setting: choose the `site`.
 */
export interface AlibabaResourceDirectorySettings extends Omit<BaseProviderSettings, 'region'> {
  /**
   * The Alibaba Cloud site of the resource directory: `china` (resourcedirectory.aliyuncs.com,
   * mainland China phone numbers only) or `international` (resourcedirectory-intl.aliyuncs.com).
   * @default 'china'
   */
  site?: AlibabaSite;
}

/** Settings with every default applied. */
export interface ResolvedAlibabaResourceDirectorySettings extends ResolvedBaseSettings {
  /** The site in use. */
  readonly site: AlibabaSite;
}

const { region: _region, ...shapeWithoutRegion } = baseSettingsShape;
void _region;

const settingsSchema = z.strictObject({
  ...shapeWithoutRegion,
  site: z.enum(['china', 'international'], { error: 'must be "china" or "international"' }).optional(),
});

/**
 * Parses and resolves settings: credentials from the settings or from `ALIBABA_CLOUD_ACCESS_KEY_ID`,
 * `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`; the site's endpoint unless
 * `endpoint` is given; 20 requests per second.
 *
 * @throws ContactError `invalid-config` naming the bad setting or the missing variable.
 */
export function resolveAlibabaResourceDirectorySettings(settings: unknown): ResolvedAlibabaResourceDirectorySettings {
  const parsed = parseSettings(settingsSchema, settings, PROVIDER);
  const site = parsed.site ?? 'china';
  const resolved = resolveBaseSettings(parsed, {
    provider: PROVIDER,
    env: {
      accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
      accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
    },
    endpoint: ALIBABA_RD_ENDPOINTS[site],
    rateLimit: VENDOR_RATE_LIMIT,
  });
  return { ...resolved, site };
}
