/**
 * The VMP emulator's check of Volcengine HMAC-SHA256 signatures, strictly from the client's own
 * `SignedHeaders` list (the official Node client signs `x-content-sha256;x-date`, the Go client
 * also `content-type;host`), with the values as received, through the same signer the provider uses.
 */
import { safeEqual, sha256Hex } from '../../src/util/signing.js';
import { headerOf, queryPairs } from '../../src/testing/emulator-request.js';
import type { EmulatorRequest } from '../../src/testing/emulator-protocol.js';
import { VMP_SERVICE } from './volcengine-vmp-api.js';
import { signingKeyCache, volcengineSignature } from './volcengine-vmp-signer.js';

/** The verdict: accepted with the scope's region, or the gateway's code to answer with. */
export type VmpVerdict = { readonly ok: true; readonly accessKeyId: string; readonly region: string } | { readonly ok: false; readonly code: string };

const AUTHORIZATION = /^HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const X_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const keys = signingKeyCache();

/** How far `X-Date` may be from the emulator clock (UNCONFIRMED for the real gateway). */
export const MAX_SKEW_MS = 15 * 60_000;

/**
 * Verifies a request: no Authorization → `MissingAuthenticationToken`; a garbled one →
 * `InvalidAuthorization`; a scope for another service or day → `InvalidCredential`; an unknown
 * key → `InvalidAccessKey`; no `X-Date` → `MissingRequestInfo`; one more than 15 minutes off the
 * emulator clock → `InvalidTimestamp`; `x-date` unsigned, a body hash that does not match, or
 * any other mismatch → `SignatureDoesNotMatch`.
 */
export function verifyVmpSignature(
  request: Pick<EmulatorRequest, 'method' | 'rawUrl' | 'url' | 'headers' | 'rawBody'>,
  secretFor: (accessKeyId: string) => string | undefined,
  now: Date,
  expectedService: string = VMP_SERVICE,
): VmpVerdict {
  const header = (name: string): string | undefined => headerOf(request, name);
  const authorization = header('authorization');
  if (authorization === undefined || authorization === '') return { ok: false, code: 'MissingAuthenticationToken' };
  const match = AUTHORIZATION.exec(authorization);
  if (match === null) return { ok: false, code: 'InvalidAuthorization' };
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string, string];
  if (service !== expectedService) return { ok: false, code: 'InvalidCredential' };
  const secretKey = secretFor(accessKeyId);
  if (secretKey === undefined) return { ok: false, code: 'InvalidAccessKey' };
  const xDate = header('x-date');
  if (xDate === undefined) return { ok: false, code: 'MissingRequestInfo' };
  const parts = X_DATE.exec(xDate);
  const signedAt = parts === null ? Number.NaN : Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), Number(parts[4]), Number(parts[5]), Number(parts[6]));
  if (!(Math.abs(now.getTime() - signedAt) <= MAX_SKEW_MS)) return { ok: false, code: 'InvalidTimestamp' };
  if (date !== xDate.slice(0, 8)) return { ok: false, code: 'InvalidCredential' };
  const names = signedHeaders.split(';');
  const bodySha256 = sha256Hex(request.rawBody);
  const claimed = header('x-content-sha256');
  if (!names.includes('x-date') || (claimed !== undefined && claimed !== bodySha256)) return { ok: false, code: 'SignatureDoesNotMatch' };
  const expected = volcengineSignature({
    method: request.method,
    path: request.url.pathname,
    query: queryPairs(request),
    headers: Object.fromEntries(names.map((name) => [name, header(name) ?? ''])),
    bodySha256,
    xDate,
    region,
    service,
    secretKey,
    signingKey: keys(secretKey, date, region, service),
  });
  return safeEqual(expected, signature) ? { ok: true, accessKeyId, region } : { ok: false, code: 'SignatureDoesNotMatch' };
}
