/**
 * The providers the CLI can drive, as data: the package subpath each lives in and its factory's
 * name. The CLI loads them by package name (`cloud-contacts/tencent-cam`), so the core never
 * imports a provider's code, and a provider that has not landed is reported, not crashed on.
 */
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';
import { ContactError } from '../errors/errors.js';
import type { SyncProvider } from '../sync/sync-types.js';

/** The factory export of each provider's entry. */
const FACTORIES: Readonly<Record<ProviderId, string>> = {
  'tencent-cam': 'tencentCam',
  'alibaba-resource-directory': 'alibabaResourceDirectory',
  'volcengine-vmp': 'volcengineVmp',
  'alibaba-chatapp': 'alibabaChatApp',
};

/** `tencent-cam` → `TENCENT_CAM`, for environment variable names. */
export function envName(id: ProviderId): string {
  return id.toUpperCase().replace(/-/g, '_');
}

/** The variable holding a provider's endpoint (set by `cloud-contacts emulator`). */
export function endpointVariable(id: ProviderId): string {
  return `CLOUD_CONTACTS_${envName(id)}_ENDPOINT`;
}

/** The variable holding extra settings of a provider, as JSON (`{"custSpaceId": "..."}`). */
export function settingsVariable(id: ProviderId): string {
  return `CLOUD_CONTACTS_${envName(id)}_SETTINGS`;
}

/** Whether a value names a provider. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/**
 * Builds a provider from its package entry: settings from `--endpoint` or the endpoint variable,
 * the settings variable, and the vendor's own credential variables (read by the provider).
 *
 * @throws ContactError `unsupported` when the provider is not in this version; `invalid-config`
 * for bad settings.
 */
export async function loadProvider(
  id: ProviderId,
  options: { readonly endpoint?: string | undefined; readonly environment?: NodeJS.ProcessEnv; readonly settings?: object } = {},
): Promise<SyncProvider> {
  const environment = options.environment ?? process.env;
  const specifier = `cloud-contacts/${id}`;
  const module = (await import(specifier)) as Record<string, unknown>;
  const factory = module[FACTORIES[id]];
  if (typeof factory !== 'function') {
    throw new ContactError({ code: 'unsupported', provider: id, operation: 'cli', message: `${id} is not available in this version of cloud-contacts` });
  }
  const endpoint = options.endpoint ?? environment[endpointVariable(id)];
  const extra = environment[settingsVariable(id)];
  let extraSettings: object = {};
  if (extra !== undefined && extra !== '') {
    try {
      extraSettings = JSON.parse(extra) as object;
    } catch {
      throw new ContactError({ code: 'invalid-config', provider: id, operation: 'cli', message: `${settingsVariable(id)} must hold JSON settings, such as {"site":"international"}` });
    }
  }
  return (factory as (settings: object) => SyncProvider)({ ...extraSettings, ...options.settings, ...(endpoint === undefined || endpoint === '' ? {} : { endpoint }) });
}

/** The providers that have landed in this build, found by loading their entries. */
export async function availableProviders(): Promise<ProviderId[]> {
  const found: ProviderId[] = [];
  for (const id of PROVIDER_IDS) {
    const module = (await import(`cloud-contacts/${id}`)) as Record<string, unknown>;
    if (typeof module[FACTORIES[id]] === 'function') found.push(id);
  }
  return found;
}
