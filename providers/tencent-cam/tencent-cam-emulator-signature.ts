import { hmacSha256, safeEqual, sha256Hex } from '../../src/util/signing.js';
import { headerOf, rawQueryOf } from '../../src/testing/emulator-request.js';

/** Everything a TC3-HMAC-SHA256 signature covers. */
export interface Tc3Input {
  readonly secretKey: string;
  readonly method: string;
  /** The query string as sent (empty for POST); TC3 does not re-sort it. */
  readonly rawQuery: string;
  /** Values of the signed headers, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** Lower-case header names, `;`-joined, as the client listed them. */
  readonly signedHeaders: string;
  /** The exact body bytes. */
  readonly payload: string | Buffer;
  /** X-TC-Timestamp, Unix seconds. */
  readonly timestamp: string;
  /** The credential scope's service. */
  readonly service: string;
  /** The credential scope's date, `YYYY-MM-DD` (UTC). */
  readonly date: string;
}

/** Computes a TC3-HMAC-SHA256 signature (hex), as Tencent Cloud documents it. */
export function tc3Signature(input: Tc3Input): string {
  const names = input.signedHeaders.split(';');
  const canonicalHeaders = names.map((name) => `${name}:${(input.headers[name] ?? '').trim().toLowerCase()}\n`).join('');
  const canonicalRequest = [input.method, '/', input.rawQuery, canonicalHeaders, input.signedHeaders, sha256Hex(input.payload)].join('\n');
  const scope = `${input.date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', input.timestamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const secretDate = hmacSha256(`TC3${input.secretKey}`, input.date);
  const secretService = hmacSha256(secretDate, input.service);
  const secretSigning = hmacSha256(secretService, 'tc3_request');
  return hmacSha256(secretSigning, stringToSign).toString('hex');
}

/** A request as the verifier sees it. */
export interface Tc3Request {
  readonly method: string;
  readonly rawUrl: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly rawBody: Buffer;
}

/** The verdict: accepted, or the CAM error code and message to answer with. */
export type Tc3Verdict = { readonly ok: true; readonly secretId: string } | { readonly ok: false; readonly code: string; readonly message: string };

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const MAX_SKEW_SECONDS = 300;

/**
 * Verifies a request's TC3-HMAC-SHA256 signature as CAM does: unknown SecretId, a timestamp
 * more than 5 minutes off, and any mismatch are refused with CAM's codes.
 *
 * @remarks Two quirks of the official Node client are accepted without weakening the check
 * (the signature must still be made with the right key over the right bytes): it signs the
 * Host without its port, and it takes the scope's service from the endpoint's first label
 * (`127` for `127.0.0.1:PORT`), so `cam` or that label is accepted.
 */
export function verifyTc3(request: Tc3Request, secretFor: (secretId: string) => string | undefined, now: Date): Tc3Verdict {
  const header = (name: string): string => headerOf(request, name) ?? '';
  const match = AUTHORIZATION.exec(header('authorization'));
  if (match === null) return fail('AuthFailure.InvalidAuthorization', 'Authorization header is not in the TC3-HMAC-SHA256 format.');
  const [, secretId, date, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
  const secretKey = secretFor(secretId);
  if (secretKey === undefined) return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.');
  const timestamp = header('x-tc-timestamp');
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(now.getTime() / 1000 - seconds) > MAX_SKEW_SECONDS) {
    return fail('AuthFailure.SignatureExpire', 'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.');
  }
  const hostHeader = header('host');
  const hostname = hostHeader.replace(/:\d+$/, '');
  const signedNames = signedHeaders.split(';');
  const scopeOk = date === new Date(seconds * 1000).toISOString().slice(0, 10) && (service === 'cam' || service === hostname.split('.')[0]);
  if (!scopeOk || !signedNames.includes('content-type') || !signedNames.includes('host')) {
    return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
  }
  const rawQuery = request.method === 'GET' ? rawQueryOf(request.rawUrl) : '';
  for (const host of new Set([hostname, hostHeader])) {
    const headers = Object.fromEntries(signedNames.map((name) => [name, name === 'host' ? host : header(name)]));
    const expected = tc3Signature({ secretKey, method: request.method, rawQuery, headers, signedHeaders, payload: request.rawBody, timestamp, service, date });
    if (safeEqual(expected, signature)) return { ok: true, secretId };
  }
  return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
}

function fail(code: string, message: string): Tc3Verdict {
  return { ok: false, code, message };
}
