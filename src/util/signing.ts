/**
 * The hashing and encoding primitives vendor signatures are made of: SHA-256, HMAC-SHA256,
 * constant-time comparison and RFC 3986 encoding. Signers (Volcengine) and the emulators'
 * verifiers (every vendor) share them.
 */
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
