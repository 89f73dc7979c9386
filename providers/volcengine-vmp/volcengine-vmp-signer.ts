/**
 * The Volcengine HMAC-SHA256 request signature (https://www.volcengine.com/docs/6469/1121980), as pure functions:
 * the client signs with them and the emulator verifies with them, so the algorithm exists once.
 * Built on the shared primitives of `src/util/signing.ts`.
 */
import { hmacSha256, rfc3986, sha256Hex } from '../../src/util/signing.js';

/** The algorithm name that starts the Authorization header and the string to sign. */
const VOLCENGINE_ALGORITHM = 'HMAC-SHA256';

/** Everything a signature covers. */
export interface VolcengineSigningInput {
  /** HTTP method, upper-case. */
  readonly method: string;
  /** The path, `/` for every OpenAPI action. */
  readonly path: string;
  /** The decoded query parameters, in any order, repeats allowed. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** The headers to sign, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** Lower-case hex SHA-256 of the exact body bytes. */
  readonly bodySha256: string;
  /** `X-Date`, `YYYYMMDD'T'HHMMSS'Z'`. */
  readonly xDate: string;
  /** The credential scope's region. */
  readonly region: string;
  /** The credential scope's service (`vmp`). */
  readonly service: string;
  /** The secret access key. */
  readonly secretKey: string;
  /**
   * The scope's signing key, when the signer already has it ({@link signingKey}): it changes
   * once a day, so a client that keeps it spends four HMACs fewer on each request.
   */
  readonly signingKey?: Buffer | undefined;
}

/** `X-Date` for a moment: `20240101T000000Z`. */
export function volcengineDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** The credential scope, `YYYYMMDD/region/service/request`. */
function credentialScope(xDate: string, region: string, service: string): string {
  return `${xDate.slice(0, 8)}/${region}/${service}/request`;
}

/** The signed query: names sorted, repeated names' values sorted, each part RFC 3986-encoded. */
function canonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  const byName = new Map<string, string[]>();
  for (const [name, value] of query) byName.set(name, [...(byName.get(name) ?? []), value]);
  return [...byName.keys()]
    .sort()
    .flatMap((name) => (byName.get(name) ?? []).map(rfc3986).sort().map((value) => `${rfc3986(name)}=${value}`))
    .join('&');
}

/** The `;`-joined, sorted names of the headers a request signs (given lower-case). */
function signedHeaderNames(headers: Readonly<Record<string, string>>): string {
  return Object.keys(headers).sort().join(';');
}

/** The canonical request: method, path, query, headers (whitespace collapsed), their names, body hash. */
export function canonicalRequest(input: VolcengineSigningInput): string {
  const names = Object.keys(input.headers).sort();
  const headerLines = names.map((name) => `${name}:${(input.headers[name] ?? '').replace(/\s+/g, ' ').trim()}\n`).join('');
  return [input.method, input.path, canonicalQuery(input.query), headerLines, names.join(';'), input.bodySha256].join('\n');
}

/** The key of one credential scope: HMAC chained over the date, region, service and `request`; no prefix on the secret. */
function signingKey(secretKey: string, date: string, region: string, service: string): Buffer {
  return hmacSha256(hmacSha256(hmacSha256(hmacSha256(secretKey, date), region), service), 'request');
}

/** The signature, lower-case hex. */
export function volcengineSignature(input: VolcengineSigningInput): string {
  const scope = credentialScope(input.xDate, input.region, input.service);
  const stringToSign = [VOLCENGINE_ALGORITHM, input.xDate, scope, sha256Hex(canonicalRequest(input))].join('\n');
  const key = input.signingKey ?? signingKey(input.secretKey, input.xDate.slice(0, 8), input.region, input.service);
  return hmacSha256(key, stringToSign).toString('hex');
}

/**
 * Remembers the signing key of the latest scope asked for: requests of one day, region and
 * service (nearly all of a process's requests) reuse it.
 */
export function signingKeyCache(): (secretKey: string, date: string, region: string, service: string) => Buffer {
  let last: { readonly id: string; readonly key: Buffer } | undefined;
  return (secretKey, date, region, service) => {
    const id = `${date}\n${region}\n${service}\n${secretKey}`;
    if (last?.id !== id) last = { id, key: signingKey(secretKey, date, region, service) };
    return last.key;
  };
}

/** The `Authorization` header value for a key id and a signing input. */
export function volcengineAuthorization(accessKeyId: string, input: VolcengineSigningInput): string {
  const scope = credentialScope(input.xDate, input.region, input.service);
  return `${VOLCENGINE_ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaderNames(input.headers)}, Signature=${volcengineSignature(input)}`;
}
