import { safeEqual } from '../../src/util/signing.js';
import { headerOf, rawQueryOf } from '../../src/testing/emulator-request.js';
import { tc3Signature } from './tencent-cam-tc3-signer.js';

export { tc3Signature } from './tencent-cam-tc3-signer.js';
export type { Tc3Input } from './tencent-cam-tc3-signer.js';

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
 * (`127` for `127.0.0.1:PORT`), so the service (`cam`, `sts`) or that label is accepted.
 */
export function verifyTc3(request: Tc3Request, secretFor: (secretId: string) => string | undefined, now: Date, expectedService = 'cam'): Tc3Verdict {
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
  const scopeOk = date === new Date(seconds * 1000).toISOString().slice(0, 10) && (service === expectedService || service === hostname.split('.')[0]);
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
