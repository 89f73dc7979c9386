import type { Agent } from 'node:http';
import * as z from '../../src/util/zod.js';
import { agentSettingFields, baseSettingFields, regionSettingFields, settingsSchema, setUpProvider } from '../../src/settings/settings.js';
import type { AgentSettings, BaseProviderSettings, ProviderSetup, RegionSettings, ResolvedBaseSettings } from '../../src/settings/settings.js';
import type { ListQuery } from '../../src/contract/provider.js';
import type { ShapeOf } from '../../src/validation/call-options.js';
import { volcengineVmpCapabilities } from './volcengine-vmp-capabilities.js';
import type { VolcengineVmpGroupQuery, VolcengineVmpListQuery } from './volcengine-vmp-types.js';
import { issuesError } from '../../src/errors/to-contact-error.js';

/** The documented gateway of every Volcengine OpenAPI; the region travels in the signature. */
const VOLCENGINE_ENDPOINT = 'https://open.volcengineapi.com';

/**
 * The environment variables of static keys, the first step of the default chain: the current
 * names, then the older ones the vendor's SDKs still read (`VOLCSTACK_*`, and `VOLC_*` of its
 * first Node SDK).
 */
export const VOLCENGINE_ENV = {
  accessKeyId: 'VOLCENGINE_ACCESS_KEY or VOLCSTACK_ACCESS_KEY_ID or VOLCSTACK_ACCESS_KEY or VOLC_ACCESSKEY',
  accessKeySecret: 'VOLCENGINE_SECRET_KEY or VOLCSTACK_SECRET_ACCESS_KEY or VOLCSTACK_SECRET_KEY or VOLC_SECRETKEY',
  securityToken: 'VOLCENGINE_SESSION_TOKEN or VOLCSTACK_SESSION_TOKEN',
} as const;

/** The region used when the settings name none. */
const VOLCENGINE_DEFAULT_REGION = 'cn-beijing';

/**
 * Settings of {@link volcengineVmp}; all optional, unknown keys refused.
 *
 * @remarks Credentials come from `credentials` or, on the first call, from Volcengine's default
 * chain: `VOLCENGINE_ACCESS_KEY` / `VOLCENGINE_SECRET_KEY` / `VOLCENGINE_SESSION_TOKEN` (and the
 * older names), an OIDC token, the CLI's `~/.volcengine/config.json`, the ECS instance's role.
 * `assumeRole.roleArn` takes a role TRN; Volcengine's AssumeRole has no external id. Requests are
 * signed in-house and sent over `node:http(s)` with a keep-alive agent; give `agent` for a proxy.
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

/** The checks of each setting, built when a provider is first given it (see `settingsSchema`). */
const vmpSettings = settingsSchema(
  {
    ...baseSettingFields,
    ...agentSettingFields,
    ...regionSettingFields,
  },
  { region: VOLCENGINE_DEFAULT_REGION },
);

/**
 * Validates settings and applies the defaults (the global gateway, `cn-beijing`, 20 requests per
 * second per action).
 *
 * @throws ContactError `invalid-config` naming the bad setting.
 */
export function setUpVolcengineVmp(settings: unknown): ProviderSetup<ResolvedVolcengineVmpSettings> {
  const setup = setUpProvider(vmpSettings, settings, {
    provider: 'volcengine-vmp',
    capabilities: volcengineVmpCapabilities,
    vendorCredentials: () => import('./volcengine-vmp-credential-chain.js').then((module) => module.volcengineCredentials),
    endpoint: VOLCENGINE_ENDPOINT,
    // VMP's contacts live in a region: one account's two regions are two places.
    placeSettings: ['region'],
  });
  if (setup.settings.assumeRole?.externalId !== undefined) {
    throw issuesError('invalid-config', [{ path: 'settings.assumeRole.externalId', code: 'unsupported', message: "is not supported: Volcengine's AssumeRole takes no external id" }], {
      provider: 'volcengine-vmp',
      operation: 'settings',
    });
  }
  return setup;
}

/** A filter of a listing: a non-empty string, which the vendor matches within names or emails. */
const textFilter = () =>
  z.optional(z.string({ error: 'must be a non-empty string' }).check(z.refine((value) => value.trim() !== '', { error: 'must be a non-empty string' })));

/** The own filters of `list`, held to {@link VolcengineVmpListQuery} by the compiler; each is the vendor's `Filter` key, capitalised. */
export const contactFiltersShape = { name: textFilter, email: textFilter } satisfies ShapeOf<Omit<VolcengineVmpListQuery, keyof ListQuery>>;

/** The own filters of `listGroups`, held to {@link VolcengineVmpGroupQuery} by the compiler. */
export const groupFiltersShape = { name: textFilter } satisfies ShapeOf<Omit<VolcengineVmpGroupQuery, keyof ListQuery>>;
