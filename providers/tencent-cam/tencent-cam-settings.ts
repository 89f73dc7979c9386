import type { Agent } from 'node:http';
import { agentSettingFields, baseSettingFields, regionSettingFields, settingsSchema, setUpProvider } from '../../src/settings/settings.js';
import type { AgentSettings, BaseProviderSettings, ProviderSetup, RegionSettings, ResolvedBaseSettings } from '../../src/settings/settings.js';
import { tencentCamCapabilities } from './tencent-cam-capabilities.js';

/** The environment variables of static keys, the first step of the default chain. */
export const TENCENT_CAM_ENV = { accessKeyId: 'TENCENTCLOUD_SECRET_ID', accessKeySecret: 'TENCENTCLOUD_SECRET_KEY', securityToken: 'TENCENTCLOUD_SESSION_TOKEN' } as const;

/** The documented CAM endpoint. */
const TENCENT_CAM_ENDPOINT = 'https://cam.tencentcloudapi.com';

/**
 * Settings of {@link tencentCam}; all optional, unknown keys refused.
 *
 * @remarks Credentials go in `credentials` as `{ accessKeyId: SecretId, accessKeySecret: SecretKey, securityToken? }`
 * (or a function resolving to them); without them the provider follows Tencent Cloud's default chain on its
 * first call: `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` / `TENCENTCLOUD_SESSION_TOKEN`, the profile
 * file (`~/.tencentcloud/credentials`, the `profile` setting naming a section), the CVM instance's role, TKE's
 * OIDC token. CAM is a global service, so `region` is rarely needed.
 */
export interface TencentCamSettings extends BaseProviderSettings, RegionSettings, AgentSettings {}

/** Settings after defaults: what `provider.settings` holds. */
export interface ResolvedTencentCamSettings extends ResolvedBaseSettings {
  /** The region, when given. */
  readonly region?: string | undefined;
  /** The agent given, if any. */
  readonly agent?: Agent | undefined;
}

/** The checks of each setting, built when a provider is first given it (see `settingsSchema`). */
const camSettings = settingsSchema({ ...baseSettingFields, ...regionSettingFields, ...agentSettingFields });

/**
 * Validates settings and applies the defaults (the documented endpoint, 20 requests per second
 * per action).
 *
 * @throws ContactError `invalid-config` naming the bad setting.
 */
export function setUpTencentCam(settings: unknown): ProviderSetup<ResolvedTencentCamSettings> {
  return setUpProvider(camSettings, settings, {
    provider: 'tencent-cam',
    capabilities: tencentCamCapabilities,
    vendorCredentials: () => import('./tencent-cam-credential-chain.js').then((module) => module.tencentCredentials),
    endpoint: TENCENT_CAM_ENDPOINT,
  });
}
