/**
 * Tencent Cloud's TC3-HMAC-SHA256 request signature, as pure functions: the STS client signs
 * with it and the emulators verify with it, so the algorithm exists once.
 * https://www.tencentcloud.com/document/api/213/33224
 */
import { hmacSha256, sha256Hex } from '../../src/util/signing.js';

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

