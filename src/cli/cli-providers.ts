/**
 * The providers the CLI drives, made from the provider table: the CLI loads each by its package
 * entry (`cloud-contacts/tencent-cam`), so the core never imports a provider's code.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import { PROVIDER_TABLE } from '../model/provider-table.js';
import { ContactError } from '../errors/errors.js';
import { UsageError } from './cli-usage.js';
import { proxyFromEnvironment } from './cli-proxy.js';
import type { SyncProvider } from '../sync/sync-types.js';
import { endpointVariable } from '../settings/settings.js';

/** `tencent-cam` → `TENCENT_CAM`, for environment variable names. */
function envName(id: ProviderId): string {
  return id.toUpperCase().replace(/-/g, '_');
}

/** The variable holding extra settings of a provider, as JSON (`{"custSpaceId": "..."}`). */
export function settingsVariable(id: ProviderId): string {
  return `CLOUD_CONTACTS_${envName(id)}_SETTINGS`;
}

/** A setting of each provider, as an example of what its settings variable holds. */
const SETTINGS_EXAMPLES: Readonly<Record<ProviderId, string>> = {
  'tencent-cam': '{"region":"ap-guangzhou"}',
  'alibaba-resource-directory': '{"site":"international"}',
  'volcengine-vmp': '{"region":"cn-shanghai"}',
  'alibaba-chatapp': '{"custSpaceId":"cams-abc123"}',
};

/** Whether a value names a provider. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/**
 * Builds a provider from its package entry: settings from `--endpoint` or the endpoint variable,
 * the settings variable, and the vendor's own credential variables (read by the provider); the
 * proxy of `HTTPS_PROXY` and its kin, as curl reads them, unless the settings give one.
 *
 * @throws ContactError `invalid-config` for bad settings.
 */
export async function loadProvider(
  id: ProviderId,
  options: { readonly endpoint?: string | undefined; readonly environment?: NodeJS.ProcessEnv; readonly settings?: object } = {},
): Promise<SyncProvider> {
  const environment = options.environment ?? process.env;
  const { entry, factory } = PROVIDER_TABLE[id];
  const module = (await import(entry)) as Record<string, (settings: object) => SyncProvider>;
  // A target's own endpoint wins over the variable, which stands for every target of the provider.
  const endpoint = options.endpoint ?? (options.settings as { endpoint?: string } | undefined)?.endpoint ?? environment[endpointVariable(id)];
  const extra = environment[settingsVariable(id)];
  let extraSettings: object = {};
  if (extra !== undefined && extra !== '') {
    try {
      extraSettings = JSON.parse(extra) as object;
    } catch {
      throw new ContactError({ code: 'invalid-config', provider: id, operation: 'cli', message: `${settingsVariable(id)} must hold JSON settings, such as ${SETTINGS_EXAMPLES[id]}` });
    }
  }
  const settings: Record<string, unknown> = { ...extraSettings, ...options.settings, ...(endpoint === undefined || endpoint === '' ? {} : { endpoint }) };
  const provider = module[factory]!(settings);
  if (settings['proxy'] !== undefined || settings['agent'] !== undefined) return provider;
  // Where the provider sends is known once it is built (a site, a region, the vendor's default).
  const inUse = (provider as { settings?: { endpoint?: string } }).settings?.endpoint;
  const fromEnvironment = inUse === undefined ? undefined : proxyFromEnvironment(inUse, environment);
  return fromEnvironment === undefined ? provider : module[factory]!({ ...settings, proxy: fromEnvironment.proxy });
}

/**
 * The settings `--profile` stands for: a named profile of each vendor CLI's files, read through
 * the vendor's chain as the providers read it.
 *
 * @throws UsageError for an empty name.
 */
export function profileSettings(profile: unknown): { profile?: string } {
  if (profile === undefined) return {};
  if (typeof profile !== 'string' || profile.trim() === '') throw new UsageError('--profile needs the name of a profile, such as --profile prod');
  return { profile };
}
