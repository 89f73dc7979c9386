import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Lower-case hex SHA-256 of text or bytes. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** HMAC-SHA256 of a message under a key, as bytes. */
export function hmacSha256(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message).digest();
}

/** Compares two hex or base64 strings in constant time (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** RFC 3986 percent-encoding: only `A-Z a-z 0-9 - _ . ~` stay raw (so `!'()*` are escaped too). */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Splits a raw query string into decoded name/value pairs in the order sent, keeping repeats.
 * A `+` stays a `+`: none of the vendor clients encodes spaces that way.
 */
export function parseQueryPairs(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery.split('&').filter((part) => part !== '').map((part) => {
    const equals = part.indexOf('=');
    const name = equals < 0 ? part : part.slice(0, equals);
    const value = equals < 0 ? '' : part.slice(equals + 1);
    return [safeDecode(name), safeDecode(value)];
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
