/**
 * The emulator's signature checks: ACS3-HMAC-SHA256 (what the vendor's SDKs send by default) and
 * the legacy V2 RPC signature (HMAC-SHA1 in the query), as the vendor defines them
 * (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature,
 * https://help.aliyun.com/en/sdk/product-overview/rpc-mechanism), over the request exactly as received.
 */
import { hmacSha256, rfc3986, safeEqual, sha256Hex } from '../../src/util/signing.js';
import { formPairs, headerOf, parseQueryPairs, rawQueryOf } from '../../src/testing/emulator-request.js';
import { sortedPairs, v2Signature, v2StringToSign } from './alibaba-rpc-v2-signer.js';

export { v2Signature, v2StringToSign } from './alibaba-rpc-v2-signer.js';

/** The parts of a request a signature covers. */
export interface SignedRequest {
  /** HTTP method, upper-case. */
  readonly method: string;
  /** Path and query as sent. */
  readonly rawUrl: string;
  /** Headers, lower-cased. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The exact body bytes. */
  readonly rawBody: Buffer;
}

/** The verifier's outcome: the key that signed, or the vendor code that refuses the request. */
export type SignatureVerdict = { readonly ok: true; readonly accessKeyId: string } | { readonly ok: false; readonly code: string; readonly message?: string };

/** What the verifier needs besides the request. */
export interface VerifierOptions {
  /** The secret of a key id, or undefined for an unknown key. */
  secretFor(accessKeyId: string): string | undefined;
  /** The emulator clock. */
  readonly now: Date;
  /** Nonces already used. */
  readonly nonces: NonceLedger;
}

/** How far a request's date may be from the emulator clock (the vendor's window is 15 or 31 minutes, UNCONFIRMED). */
const MAX_SKEW_MS = 15 * 60_000;
const ACS3_REQUIRED = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
const AUTHORIZATION = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Signature nonces seen within the skew window; an older one would be refused for its date anyway. */
export class NonceLedger {
  readonly #seen = new Map<string, number>();

  /** Whether a nonce was used. */
  has(nonce: string): boolean {
    return this.#seen.has(nonce);
  }

  /** Records a nonce and forgets those past the window. */
  remember(nonce: string, atMs: number): void {
    // A Map iterates in insertion order, which is the order of time: the expired ones are at the
    // front, so the sweep stops at the first live one (scanning every nonce made each request
    // cost more than the one before).
    for (const [old, at] of this.#seen) {
      if (atMs - at <= MAX_SKEW_MS) break;
      this.#seen.delete(old);
    }
    this.#seen.set(nonce, atMs);
  }

  /** Forgets every nonce. */
  clear(): void {
    this.#seen.clear();
  }
}

/** Checks the request's signature, ACS3 when it has an Authorization header, else legacy V2. */
export function verifySignature(request: SignedRequest, options: VerifierOptions): SignatureVerdict {
  return headerOf(request, 'authorization') !== undefined ? verifyAcs3(request, options) : verifyV2(request, options);
}

/** The ACS3 canonical request of a request, over the signed headers it names. */
export function acs3CanonicalRequest(request: SignedRequest, signedHeaders: readonly string[]): string {
  const query = sortedPairs(parseQueryPairs(rawQueryOf(request.rawUrl)))
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
  const headers = signedHeaders.map((name) => `${name}:${(headerOf(request, name) ?? '').trim()}\n`).join('');
  const path = request.rawUrl.split('?')[0] ?? '/';
  return [request.method, path, query, headers, signedHeaders.join(';'), headerOf(request, 'x-acs-content-sha256') ?? ''].join('\n');
}

/** `hex(HMAC-SHA256(secret, "ACS3-HMAC-SHA256\n" + hex(SHA256(canonicalRequest))))`. */
export function acs3Signature(secret: string, canonicalRequest: string): string {
  return hmacSha256(secret, `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`).toString('hex');
}

function verifyAcs3(request: SignedRequest, options: VerifierOptions): SignatureVerdict {
  const match = AUTHORIZATION.exec(headerOf(request, 'authorization') ?? '');
  if (match === null) return refuse('IncompleteSignature', 'The Authorization header is not ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=....');
  const [, accessKeyId, signedList, signature] = match as unknown as [string, string, string, string];
  const secret = options.secretFor(accessKeyId);
  if (secret === undefined) return refuse('InvalidAccessKeyId.NotFound');
  const signed = signedList.split(';');
  const mustSign = [
    ...ACS3_REQUIRED,
    ...Object.keys(request.headers).filter((name) => name.startsWith('x-acs-') || name === 'content-type'),
  ];
  const unsigned = mustSign.filter((name) => !signed.includes(name));
  if (unsigned.length > 0) return refuse('IncompleteSignature', `These headers must be signed: ${unsigned.join(', ')}.`);
  if (signed.some((name) => headerOf(request, name) === undefined)) return refuse('IncompleteSignature', 'A signed header is missing from the request.');
  if (headerOf(request, 'x-acs-content-sha256') !== sha256Hex(request.rawBody)) {
    return refuse('SignatureDoesNotMatch', 'x-acs-content-sha256 does not match the body.');
  }
  const stale = checkFreshness(headerOf(request, 'x-acs-date'), headerOf(request, 'x-acs-signature-nonce'), options);
  if (stale !== undefined) return stale;
  if (!safeEqual(signature, acs3Signature(secret, acs3CanonicalRequest(request, signed)))) return refuse('SignatureDoesNotMatch');
  options.nonces.remember(headerOf(request, 'x-acs-signature-nonce') ?? '', options.now.getTime());
  return { ok: true, accessKeyId };
}

function verifyV2(request: SignedRequest, options: VerifierOptions): SignatureVerdict {
  const params = [...parseQueryPairs(rawQueryOf(request.rawUrl)), ...formPairs(request)];
  const get = (name: string): string | undefined => params.find(([key]) => key === name)?.[1];
  const signature = get('Signature');
  const accessKeyId = get('AccessKeyId');
  if (signature === undefined || accessKeyId === undefined || get('SignatureMethod') !== 'HMAC-SHA1' || get('SignatureVersion') !== '1.0') {
    return refuse('IncompleteSignature');
  }
  const secret = options.secretFor(accessKeyId);
  if (secret === undefined) return refuse('InvalidAccessKeyId.NotFound');
  const stale = checkFreshness(get('Timestamp'), get('SignatureNonce'), options);
  if (stale !== undefined) return stale;
  if (!safeEqual(signature, v2Signature(secret, v2StringToSign(request.method, params)))) return refuse('SignatureDoesNotMatch');
  options.nonces.remember(get('SignatureNonce') ?? '', options.now.getTime());
  return { ok: true, accessKeyId };
}

function checkFreshness(date: string | undefined, nonce: string | undefined, options: VerifierOptions): SignatureVerdict | undefined {
  if (date === undefined || !ISO_SECONDS.test(date)) return refuse('IllegalTimestamp');
  if (Math.abs(options.now.getTime() - Date.parse(date)) > MAX_SKEW_MS) return refuse('InvalidTimeStamp.Expired');
  if (nonce === undefined || nonce === '') return refuse('IncompleteSignature', 'The signature nonce is missing.');
  return options.nonces.has(nonce) ? refuse('SignatureNonceUsed') : undefined;
}

function refuse(code: string, message?: string): SignatureVerdict {
  return message === undefined ? { ok: false, code } : { ok: false, code, message };
}
