import type { Agent } from 'node:http';
import { z } from 'zod';
import { baseSettingsShape, parseSettings, resolveBaseSettings } from '../../src/settings.js';
import type { BaseProviderSettings, ResolvedBaseSettings } from '../../src/settings.js';

/** The documented CAM endpoint. */
export const TENCENT_CAM_ENDPOINT = 'https://cam.tencentcloudapi.com';
/** The CAM API version this provider speaks. */
export const TENCENT_CAM_VERSION = '2019-01-16';

/**
 * Settings of {@link tencentCam}; all optional.
 *
 * @remarks Credentials go in `credentials` as `{ accessKeyId: SecretId, accessKeySecret: SecretKey, securityToken? }`;
 * without them the provider reads `TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY` and, optionally,
 * `TENCENTCLOUD_SESSION_TOKEN`. CAM is a global service, so `region` is rarely needed.
 */
export interface TencentCamSettings extends BaseProviderSettings {
  /**
   * The HTTP agent for requests, for a proxy or custom TLS. Default: a keep-alive agent of this
   * provider (the vendor client would otherwise route even 127.0.0.1 through `http_proxy`).
   */
  agent?: Agent;
}

/** Settings after defaults and credential resolution. */
export interface ResolvedTencentCamSettings extends ResolvedBaseSettings {
  /** The agent given, if any. */
  readonly agent?: Agent;
}

const settingsSchema = z.strictObject({
  ...baseSettingsShape,
  agent: z.custom<Agent>((value) => typeof value === 'object' && value !== null, { error: 'must be an http.Agent' }).optional(),
});

/**
 * Validates settings and resolves credentials and defaults.
 *
 * @throws ContactError `invalid-config` naming the bad setting or the missing credential and its environment variable.
 */
export function resolveTencentCamSettings(settings: TencentCamSettings | undefined): ResolvedTencentCamSettings {
  const parsed = parseSettings(settingsSchema, settings, 'tencent-cam');
  const base = resolveBaseSettings(parsed, {
    provider: 'tencent-cam',
    env: { accessKeyId: 'TENCENTCLOUD_SECRET_ID', accessKeySecret: 'TENCENTCLOUD_SECRET_KEY', securityToken: 'TENCENTCLOUD_SESSION_TOKEN' },
    endpoint: TENCENT_CAM_ENDPOINT,
    rateLimit: 20,
  });
  return parsed.agent === undefined ? base : { ...base, agent: parsed.agent };
}
