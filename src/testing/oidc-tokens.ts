/**
 * OIDC tokens for the emulated STS services: JSON Web Tokens signed with HS256 under a key the
 * emulator holds (standing in for the cluster's OIDC issuer), checked for their signature, their
 * expiry on the emulator's clock, and their subject.
 */
import { createHmac } from 'node:crypto';
import { safeEqual } from '../util/signing.js';

/** The claims a token carries. */
export interface OidcClaims {
  /** Who the token is for, such as `system:serviceaccount:ops:notifier`. */
  readonly sub: string;
  /** The issuer's URL. */
  readonly iss: string;
  /** The audience (`sts.aliyuncs.com`, `sts.cloud.tencent.com`, ...). */
  readonly aud: string;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
}

/** The verdict on a token. */
export type OidcVerdict = { readonly ok: true; readonly claims: OidcClaims } | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** Signs claims into a compact JWT. */
export function signOidcToken(claims: OidcClaims, key: Buffer): string {
  const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

/** Checks a token's form, signature and expiry. */
export function verifyOidcToken(token: string, key: Buffer, now: Date): OidcVerdict {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  if (!safeEqual(signature, createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url'))) return { ok: false, reason: 'signature' };
  let claims: OidcClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as OidcClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
  return now.getTime() / 1000 >= claims.exp ? { ok: false, reason: 'expired' } : { ok: true, claims };
}
