/**
 * The advice of an error as a CLI user needs it. The library's errors tell a program what to set
 * (`alibabaChatApp({ custSpaceId })`, `settings.region`); someone at a shell sets the same thing
 * through the CLI's means: the provider's settings variable (`CLOUD_CONTACTS_<PROVIDER>_SETTINGS`,
 * JSON), `--endpoint`. Errors without such advice print as they are.
 */
import type { ContactError } from '../errors/errors.js';
import { endpointVariable } from '../settings/settings.js';
import { settingsVariable } from './cli-providers.js';

/** Whether the CLI says an error's problems in its message already (each setting once), so that they are not listed again. */
export function saysEveryProblem(error: ContactError): boolean {
  return error.code === 'invalid-config' && error.provider !== undefined && (error.issues ?? []).some((issue) => issue.path.startsWith('settings.'));
}

/** An error's message, its advice about settings said in CLI terms. */
export function cliAdvice(error: ContactError): string {
  const provider = error.provider;
  if (error.code !== 'invalid-config' || provider === undefined) return error.message;
  const prefix = error.message.slice(0, error.message.length - error.detail.length);
  const settings = (error.issues ?? []).filter((issue) => issue.path.startsWith('settings.'));
  if (settings.length > 0) {
    // Each setting once, with every rule it breaks.
    const byKey = new Map<string, string[]>();
    for (const issue of settings) {
      const key = issue.path.slice('settings.'.length).split('.')[0]!;
      byKey.set(key, [...(byKey.get(key) ?? []), issue.message.replace('is not a known field', 'is not a setting of this provider')]);
    }
    const said = [...byKey].map(([key, rules]) => `${key === 'endpoint' ? `--endpoint (or ${endpointVariable(provider)})` : `"${key}" in ${settingsVariable(provider)}`} ${rules.join(', and ')}`);
    return `${prefix}${said.join('; ')}`;
  }
  // The credential chain says what it looked at, in order, and a profile that is not there: a
  // shell's means (the vendor's variables, --profile) are in its own words already.
  if (error.field === 'credentials' || error.field === 'profile') return error.message;
  if (error.field?.startsWith('credentials.') === true) {
    // A shell sets the vendor's variables, not a `credentials` setting.
    return error.message.replace(/credentials\.\w+ \(or the (\S+) environment variable\)/g, '$1');
  }
  const field = error.field;
  if (field !== undefined && !field.includes('.') && /[:(]/.test(error.detail)) {
    // The library's advice follows its first colon: what is wrong comes before it.
    const what = error.detail.split(': ')[0];
    return `${prefix}${what}: set ${field} in ${settingsVariable(provider)}, as JSON: ${settingsVariable(provider)}='{"${field}": "..."}'`;
  }
  return error.message;
}
