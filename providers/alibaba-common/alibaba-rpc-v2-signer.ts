/**
 * The Alibaba Cloud RPC signature V2 (HMAC-SHA1 over the sorted parameters), which the vendor's
 * credentials libraries still use for STS: the STS client signs with it and the emulators verify
 * with it, so the algorithm exists once.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism
 */
import { createHmac } from 'node:crypto';
import { rfc3986 } from '../../src/util/signing.js';

/** Name/value pairs sorted by name (code-unit order, as the vendor sorts). */
export function sortedPairs(pairs: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The V2 string to sign: `METHOD&%2F&` + the encoded, sorted parameters (without `Signature`). */
export function v2StringToSign(method: string, params: ReadonlyArray<readonly [string, string]>): string {
  const canonical = sortedPairs(params.filter(([name]) => name !== 'Signature'))
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
  return `${method}&${rfc3986('/')}&${rfc3986(canonical)}`;
}

/** `base64(HMAC-SHA1(secret + "&", stringToSign))`. */
export function v2Signature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}
