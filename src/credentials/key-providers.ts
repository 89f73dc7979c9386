/**
 * The two key providers a caller hands over directly: static keys, and a credentials function
 * (the AWS SDK v3 shape), whose answer is checked before any request is signed with it.
 */
import type { ProviderId } from '../model/contact.js';
import { credentialError } from './credential-errors.js';
import { Credentials } from './credentials.js';
import type { CredentialsFunction, CredentialsInput } from './credentials.js';
import type { KeyProvider } from './credential-source.js';
import type { IssuedKeys } from './vendor-credentials.js';

/** Keys given in the settings: never fetched again. */
export function staticKeys(input: CredentialsInput, source = 'settings'): KeyProvider {
  const credentials = new Credentials(input, source);
  return { description: source, refreshable: false, fetch: () => Promise.resolve(credentials) };
}

/**
 * A credentials function: called on first use and near expiry (the source decides when). A
 * rejection, or an answer without keys, is `invalid-config` with the cause kept; nothing is
 * sent with keys that were not given.
 */
export function functionKeys(fn: CredentialsFunction, provider: ProviderId): KeyProvider {
  const source = 'credentials function';
  return {
    description: source,
    refreshable: true,
    async fetch() {
      let answer: unknown;
      try {
        answer = await fn();
      } catch (error) {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'it rejected with a non-Error value';
        throw credentialError(provider, 'invalid-config', `the credentials function failed, so nothing was sent (${detail})`, { field: 'credentials', cause: error });
      }
      return new Credentials(checkedAnswer(answer, provider), source, expirationOf(answer, provider));
    },
  };
}

function checkedAnswer(answer: unknown, provider: ProviderId): CredentialsInput {
  const record = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  const text = (name: string, required: boolean): string | undefined => {
    const value = record[name];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && value !== '') return value;
    throw credentialError(provider, 'invalid-config', `the credentials function resolved without a usable ${name} (a non-empty string is needed), so nothing was sent`, { field: `credentials().${name}` });
  };
  const accessKeyId = text('accessKeyId', true)!;
  const accessKeySecret = text('accessKeySecret', true)!;
  const securityToken = text('securityToken', false);
  return { accessKeyId, accessKeySecret, securityToken };
}

function expirationOf(answer: unknown, provider: ProviderId): Date | undefined {
  const value = (answer as { expiration?: unknown }).expiration;
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw credentialError(provider, 'invalid-config', 'the credentials function resolved an expiration that is not a valid Date, so nothing was sent', { field: 'credentials().expiration' });
}

/** Temporary keys fetched by a vendor step (an STS exchange, a metadata read), under one source name. */
export function issuedKeyProvider(source: string, fetch: () => Promise<IssuedKeys>, identity?: string): KeyProvider {
  return {
    description: source,
    refreshable: true,
    identity,
    async fetch() {
      const issued = await fetch();
      return new Credentials(issued.keys, source, issued.expiration);
    },
  };
}
