/**
 * The temporary keys the emulated STS and metadata services issue, kept per vendor as one
 * cloud keeps them: every product emulator of that vendor in the process accepts them with the
 * vendor's security-token header, and refuses them once they expire on its own clock.
 */
import { randomBytes } from 'node:crypto';

/** A vendor whose emulators issue and accept temporary keys. */
export type KeyVendor = 'alibaba' | 'tencent' | 'volcengine';

/** Temporary keys as an emulator issued them. */
export interface TemporaryKey {
  /** The vendor that issued them. */
  readonly vendor: KeyVendor;
  /** The key id (Alibaba `STS.…`, Tencent `AKID…`, Volcengine `AKTP…`). */
  readonly accessKeyId: string;
  /** The secret. */
  readonly accessKeySecret: string;
  /** The session token the vendor's header must carry. */
  readonly securityToken: string;
  /** When they stop working, on the issuing emulator's clock. */
  readonly expiration: Date;
  /** Whom they act for: the role's ARN (trust rules of other roles name it). */
  readonly principal: string;
}

/** What a product emulator concludes of a temporary key and the token sent with it. */
export type SessionVerdict = 'ok' | 'missing' | 'mismatch' | 'expired';

/** Keys kept, at most; the oldest are forgotten first (a long test run issues many). */
const MAX_KEYS = 10_000;
const issued = new Map<string, TemporaryKey>();

const alphanumeric = (length: number): string =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .padEnd(length, '0')
    .slice(0, length);

const FORMATS: Readonly<Record<KeyVendor, { id: () => string; secret: () => string; token: () => string }>> = {
  alibaba: { id: () => `STS.${alphanumeric(24)}`, secret: () => alphanumeric(44), token: () => `CAIS${alphanumeric(300)}` },
  tencent: { id: () => `AKID${alphanumeric(32)}`, secret: () => alphanumeric(32), token: () => alphanumeric(160) },
  volcengine: { id: () => `AKTP${alphanumeric(40)}`, secret: () => alphanumeric(40), token: () => `STS2${alphanumeric(300)}` },
};

/** Issues new temporary keys in the vendor's formats. */
export function issueTemporaryKey(vendor: KeyVendor, principal: string, expiration: Date): TemporaryKey {
  const format = FORMATS[vendor];
  const key: TemporaryKey = { vendor, accessKeyId: format.id(), accessKeySecret: format.secret(), securityToken: format.token(), expiration, principal };
  issued.set(key.accessKeyId, key);
  if (issued.size > MAX_KEYS) issued.delete(issued.keys().next().value!);
  return key;
}

/** The temporary key with this id, if an emulator of this vendor issued it. */
export function temporaryKey(vendor: KeyVendor, accessKeyId: string): TemporaryKey | undefined {
  const key = issued.get(accessKeyId);
  return key?.vendor === vendor ? key : undefined;
}

/** Whether a request signed with a temporary key carries its token, and whether the key still works. */
export function checkSession(key: TemporaryKey, token: string | undefined, now: Date): SessionVerdict {
  if (token === undefined || token === '') return 'missing';
  if (token !== key.securityToken) return 'mismatch';
  return now.getTime() >= key.expiration.getTime() ? 'expired' : 'ok';
}
