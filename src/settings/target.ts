/**
 * A provider object's target: the name sync plans, reports, events and errors give it (default:
 * its provider id), and the account and place it reaches, so that two targets that would sync
 * the same contacts are refused before anything is read or changed.
 */
import { createHash } from 'node:crypto';
import type { ProviderId } from '../model/contact.js';

/** What a target name looks like: `cam-prod`, `vmp.cn-beijing`, `whatsapp_eu`. */
export const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** {@link TARGET_NAME} in words, for error messages. */
export const TARGET_NAME_RULE = 'must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit (such as cam-prod)';

/**
 * The account and place a provider object reaches: two objects with the same place hold the same
 * contacts. `where` prints (provider, endpoint, region or space, where the keys come from);
 * `identity` compares (the same, with a digest of the key id instead of a description).
 */
export interface TargetPlace {
  /** Secret-free words: `tencent-cam at https://cam.tencentcloudapi.com, keys from the environment`. */
  readonly where: string;
  /** What two providers of one account and place share (a digest, never a key). */
  readonly identity: string;
}

/** Where {@link TargetPlace} sits on a provider's settings: not enumerable, so it never prints. */
const PLACE = Symbol.for('cloud-contacts.targetPlace');

/** What a place is made of, from a provider's resolved settings. */
export interface PlaceParts {
  /** The provider. */
  readonly provider: ProviderId;
  /** The endpoint in use. */
  readonly endpoint: string;
  /** The settings that pick a place inside the account at that endpoint (VMP's region, ChatApp's customer space). */
  readonly place: Readonly<Record<string, unknown>>;
  /** Where the keys come from, in words (`the environment`, `profile prod`). */
  readonly keysFrom: string;
  /** Who signs, when the settings say (a static key id, a role): compared by digest only. */
  readonly signer?: string | undefined;
}

/** Functions given as credentials, numbered: the same function is the same signer, another is another. */
const functionIds = new WeakMap<object, number>();

/**
 * Who signs, as the settings say before anything is resolved: a role assumed names its account;
 * static keys their key id (compared by digest); a profile or the default chain their name; a
 * credentials function itself.
 */
export function keysOf(
  credentials: { readonly accessKeyId: string } | ((...args: never[]) => unknown) | undefined,
  profile: string | undefined,
  assumeRole: { readonly roleArn: string } | undefined,
): Pick<PlaceParts, 'keysFrom' | 'signer'> {
  if (assumeRole !== undefined) return { keysFrom: `the role ${assumeRole.roleArn}` };
  if (typeof credentials === 'function') {
    if (!functionIds.has(credentials)) functionIds.set(credentials, nextFunctionId());
    return { keysFrom: `credentials function #${functionIds.get(credentials)}` };
  }
  if (credentials !== undefined) return { keysFrom: 'the settings', signer: credentials.accessKeyId };
  return { keysFrom: profile === undefined ? 'the default chain' : `profile ${profile}` };
}

let functionCount = 0;
function nextFunctionId(): number {
  functionCount += 1;
  return functionCount;
}

/** Records a provider's place on its resolved settings (once, when the settings are set up). */
export function definePlace(settings: object, parts: PlaceParts): void {
  const place = Object.entries(parts.place)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`);
  const where = `${parts.provider} at ${parts.endpoint}${place.length === 0 ? '' : ` (${place.join(', ')})`}, keys from ${parts.keysFrom}`;
  const signer = parts.signer === undefined ? parts.keysFrom : `key ${createHash('sha256').update(parts.signer).digest('hex').slice(0, 16)}`;
  const identity = [parts.provider, parts.endpoint, ...place, signer].join('\n');
  Object.defineProperty(settings, PLACE, { value: { where, identity } satisfies TargetPlace, enumerable: false });
}

/** The place of a provider built by this package; undefined for a provider of the caller's own. */
export function placeOf(provider: object): TargetPlace | undefined {
  const settings = (provider as { readonly settings?: unknown }).settings;
  if (typeof settings !== 'object' || settings === null) return undefined;
  const place = (settings as Record<symbol, unknown>)[PLACE];
  return typeof place === 'object' && place !== null ? (place as TargetPlace) : undefined;
}

/**
 * The target a provider object names: its `settings.target` (providers built here always have
 * one; a provider of your own may set it too), else its provider id.
 */
export function targetNameOf(provider: { readonly id: ProviderId; readonly settings?: unknown }): string {
  const settings = provider.settings;
  const named = typeof settings === 'object' && settings !== null ? (settings as { target?: unknown }).target : undefined;
  return typeof named === 'string' && named !== '' ? named : provider.id;
}
