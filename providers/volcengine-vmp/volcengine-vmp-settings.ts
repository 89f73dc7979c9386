import type { Agent } from 'node:http';
import * as z from '../../src/util/zod.js';
import { agentSettingShape, baseSettingsShape, regionSettingShape, setUpProvider } from '../../src/settings/settings.js';
import type { AgentSettings, BaseProviderSettings, ProviderSetup, RegionSettings, ResolvedBaseSettings } from '../../src/settings/settings.js';
import { volcengineVmpCapabilities } from './volcengine-vmp-capabilities.js';

/** The documented gateway of every Volcengine OpenAPI; the region travels in the signature. */
export const VOLCENGINE_ENDPOINT = 'https://open.volcengineapi.com';

/** Where credentials come from when the settings give none: the current names, then the older ones. */
export const VOLCENGINE_ENV = {
  accessKeyId: 'VOLCENGINE_ACCESS_KEY or VOLC_ACCESSKEY',
  accessKeySecret: 'VOLCENGINE_SECRET_KEY or VOLC_SECRETKEY',
  securityToken: 'VOLCENGINE_SESSION_TOKEN',
} as const;

/** The region used when the settings name none. */
export const VOLCENGINE_DEFAULT_REGION = 'cn-beijing';

/**
 * Settings of {@link volcengineVmp}; all optional, unknown keys refused.
 *
 * @remarks Credentials come from `credentials` or, on the first call, from
 * `VOLCENGINE_ACCESS_KEY` / `VOLCENGINE_SECRET_KEY` / `VOLCENGINE_SESSION_TOKEN` (the older
 * `VOLC_ACCESSKEY` / `VOLC_SECRETKEY` of the vendor's Node SDK are read too). Requests are signed
 * in-house and sent over `node:http(s)` with a keep-alive agent; give `agent` for a proxy.
 */
export interface VolcengineVmpSettings extends BaseProviderSettings, RegionSettings, AgentSettings {
  /**
   * The region of the VMP workspace, carried in the signature's credential scope.
   * @default 'cn-beijing'
   */
  region?: string;
}

/** Settings after defaults: what `provider.settings` holds. */
export interface ResolvedVolcengineVmpSettings extends ResolvedBaseSettings {
  /** The region in use. */
  readonly region: string;
  /** The agent given, if any. */
  readonly agent?: Agent | undefined;
}

const settingsSchema = z.strictObject({
  ...baseSettingsShape,
  ...agentSettingShape,
  region: z._default(regionSettingShape.region, VOLCENGINE_DEFAULT_REGION),
});

/**
 * Validates settings and applies the defaults (the global gateway, `cn-beijing`, 20 requests per
 * second per action).
 *
 * @throws ContactError `invalid-config` naming the bad setting.
 */
export function setUpVolcengineVmp(settings: unknown): ProviderSetup<ResolvedVolcengineVmpSettings> {
  return setUpProvider(settingsSchema, settings, {
    provider: 'volcengine-vmp',
    capabilities: volcengineVmpCapabilities,
    env: VOLCENGINE_ENV,
    endpoint: VOLCENGINE_ENDPOINT,
    // VMP's contacts live in a region: one account's two regions are two places.
    placeSettings: ['region'],
  });
}
