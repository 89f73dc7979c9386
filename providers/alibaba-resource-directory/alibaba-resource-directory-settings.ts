import * as z from '../../src/util/zod.js';
import { baseSettingFields, settingsSchema, setUpProvider } from '../../src/settings/settings.js';
import type { BaseProviderSettings, ProviderSetup, ResolvedBaseSettings } from '../../src/settings/settings.js';
import type { CallOptions, ListQuery } from '../../src/contract/provider.js';
import type { ShapeOf } from '../../src/validation/call-options.js';
import { loadAlibabaCredentials } from '../alibaba-common/alibaba-credentials.js';
import { alibabaResourceDirectoryCapabilities } from './alibaba-resource-directory-capabilities.js';
import type { AlibabaSite } from './alibaba-resource-directory-capabilities.js';
import type { AlibabaResourceDirectoryDeleteOptions, AlibabaResourceDirectoryListQuery } from './alibaba-resource-directory-types.js';

/** The documented host of each site; the SDK's own default host is undocumented, so it is never used. */
const ALIBABA_RD_ENDPOINTS: Readonly<Record<AlibabaSite, string>> = {
  china: 'https://resourcedirectory.aliyuncs.com',
  international: 'https://resourcedirectory-intl.aliyuncs.com',
};

/**
 * Settings of {@link alibabaResourceDirectory}; all optional, unknown keys refused.
 *
 * @remarks Credentials come from `credentials` or, on the first call, from
 * `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`.
 * Resource Directory has no regions, so there is no `region` setting: choose the `site`.
 */
export interface AlibabaResourceDirectorySettings extends BaseProviderSettings {
  /**
   * The Alibaba Cloud site of the resource directory: `china` (resourcedirectory.aliyuncs.com,
   * mainland China phone numbers only) or `international` (resourcedirectory-intl.aliyuncs.com).
   * @default 'china'
   */
  site?: AlibabaSite;
}

/** Settings with every default applied: what `provider.settings` holds. */
export interface ResolvedAlibabaResourceDirectorySettings extends ResolvedBaseSettings {
  /** The site in use. */
  readonly site: AlibabaSite;
}

/** The checks of each setting, built when a provider is first given it (see `settingsSchema`). */
const rdSettings = settingsSchema(
  {
    ...baseSettingFields,
    site: () => z.optional(z.enum(['china', 'international'], { error: 'must be "china" or "international"' })),
    region: () => z.optional(z.never({ error: 'is not a setting of Resource Directory, which has no regions: choose site: "china" or "international"' })),
  },
  { site: 'china' },
);

/**
 * Parses and resolves settings: the site's endpoint unless `endpoint` is given, and the
 * documented 20 requests per second per action.
 *
 * @throws ContactError `invalid-config` naming the bad setting.
 */
export function setUpAlibabaResourceDirectory(settings: unknown): ProviderSetup<ResolvedAlibabaResourceDirectorySettings> {
  return setUpProvider(rdSettings, settings, {
    provider: 'alibaba-resource-directory',
    capabilities: alibabaResourceDirectoryCapabilities,
    vendorCredentials: loadAlibabaCredentials,
    endpoint: (parsed) => ALIBABA_RD_ENDPOINTS[parsed['site'] as AlibabaSite],
  });
}

/** The own options of `delete`, held to {@link AlibabaResourceDirectoryDeleteOptions} by the compiler. */
export const deleteOptionsShape = {
  retainInMembers: () => z.optional(z.boolean({ error: 'must be true or false' })),
} satisfies ShapeOf<Omit<AlibabaResourceDirectoryDeleteOptions, keyof CallOptions>>;

const MEMBER_RULE = 'must be a resource directory, folder or member account id';

/** The own filters of `list`, held to {@link AlibabaResourceDirectoryListQuery} by the compiler. */
export const listFiltersShape = {
  member: () => z.optional(z.string({ error: MEMBER_RULE }).check(z.regex(/^\S{1,64}$/, { error: MEMBER_RULE }))),
} satisfies ShapeOf<Omit<AlibabaResourceDirectoryListQuery, keyof ListQuery>>;
