/**
 * The certificates of an emulator serving HTTPS, made when it starts: a certificate authority of
 * its own, and a server certificate it signs for 127.0.0.1 and localhost. A client trusts the
 * emulator by trusting that CA (a provider's `ca` setting), exactly as it would trust a private
 * gateway's or an intercepting proxy's.
 *
 * @remarks Node's crypto makes the keys (P-256) and the signatures; Node has no certificate
 * builder, so the two certificates are written here in DER (RFC 5280), which takes a few dozen
 * lines for these two fixed shapes and loads nothing (the maintained libraries that build
 * certificates cost 0.1 to 0.4 s to import). `test/emulator-tls.test.ts` checks the result with
 * Node's own X509Certificate and a real TLS handshake.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { isIP } from 'node:net';

/** What an HTTPS emulator serves with, and the CA its clients trust. */
export interface EmulatorTls {
  /** The CA certificate to trust (PEM). */
  readonly ca: string;
  /** The server's certificate (PEM), signed by the CA. */
  readonly cert: string;
  /** The server's private key (PEM, PKCS #8). */
  readonly key: string;
}

/** How long the certificates are valid: the emulator is a test server, and a day outlives any run. */
const VALID_MS = 24 * 60 * 60 * 1000;

/** Makes a CA and a server certificate for these hosts (IP addresses and DNS names). */
export function makeEmulatorTls(hosts: readonly string[] = ['127.0.0.1', 'localhost']): EmulatorTls {
  const authority = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const server = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const caName = name('cloud-contacts emulator CA');
  const caKeyId = keyId(authority.publicKey);
  const ca = certificate({
    issuer: caName,
    subject: caName,
    publicKey: authority.publicKey,
    signer: authority.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq(boolean(true))),
      // keyCertSign and cRLSign (bits 5 and 6).
      extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x01, 0x06]))),
      extension('2.5.29.14', false, tlv(0x04, caKeyId)),
    ],
  });
  const cert = certificate({
    issuer: caName,
    subject: name(hosts[0] ?? 'localhost'),
    publicKey: server.publicKey,
    signer: authority.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq()),
      // digitalSignature (bit 0).
      extension('2.5.29.15', true, tlv(0x03, Buffer.from([0x07, 0x80]))),
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))),
      extension('2.5.29.17', false, seq(...hosts.map(altName))),
      extension('2.5.29.35', false, seq(tlv(0x80, caKeyId))),
    ],
  });
  return { ca: pem('CERTIFICATE', ca), cert: pem('CERTIFICATE', cert), key: server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

interface CertificateSpec {
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly publicKey: KeyObject;
  readonly signer: KeyObject;
  readonly extensions: readonly Buffer[];
}

/** ecdsa-with-SHA256, the signature algorithm of both certificates. */
const ECDSA_SHA256 = () => seq(oid('1.2.840.10045.4.3.2'));

function certificate(spec: CertificateSpec): Buffer {
  const now = Date.now();
  // A positive serial in its shortest (DER) form: 16 random bytes, the top bit cleared and the next
  // one set. A first byte of 0 would be padding DER forbids; OpenSSL then refuses the certificate
  // ("illegal padding"), which a clear top bit alone let happen to about one certificate in 128.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    ECDSA_SHA256(),
    spec.issuer,
    seq(utcTime(new Date(now - 60 * 60 * 1000)), utcTime(new Date(now + VALID_MS))),
    spec.subject,
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, seq(...spec.extensions)),
  );
  return seq(tbs, ECDSA_SHA256(), bitString(sign('sha256', tbs, spec.signer)));
}

/** A subject alternative name: an iPAddress ([7]) or a dNSName ([2]). */
function altName(host: string): Buffer {
  const version = isIP(host);
  if (version === 4) return tlv(0x87, Buffer.from(host.split('.').map(Number)));
  if (version === 6) return tlv(0x87, ipv6Bytes(host));
  return tlv(0x82, Buffer.from(host, 'ascii'));
}

function ipv6Bytes(host: string): Buffer {
  const [head = '', tail = ''] = host.split('::');
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array.from({ length: host.includes('::') ? missing : 0 }, () => '0'), ...groups(tail)];
  return Buffer.concat(all.map((group) => Buffer.from(group.padStart(4, '0'), 'hex')));
}

/** The subject key identifier: SHA-1 of the public key's bits, as RFC 5280 4.2.1.2 suggests. */
function keyId(publicKey: KeyObject): Buffer {
  return createHash('sha1').update(publicKey.export({ type: 'spki', format: 'der' })).digest();
}

function name(commonName: string): Buffer {
  return seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [boolean(true)] : []), tlv(0x04, value));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

// DER (ITU-T X.690): a tag, a length, the content.
function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Buffer.from([tag, length]), content]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.concat([Buffer.from([tag, 0x80 | bytes.length, ...bytes]), content]);
}

function seq(...parts: readonly Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(parts));
}

function boolean(value: boolean): Buffer {
  return tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
}

/** A non-negative INTEGER: a leading zero keeps a high first bit from reading as negative. */
function integer(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function bitString(bytes: Buffer): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const body = [40 * first + second];
  for (const arc of rest) {
    const bytes = [arc & 0x7f];
    for (let value = arc >>> 7; value > 0; value >>>= 7) bytes.unshift(0x80 | (value & 0x7f));
    body.push(...bytes);
  }
  return tlv(0x06, Buffer.from(body));
}

/** UTCTime (the certificates' dates are all before 2050, where RFC 5280 switches to GeneralizedTime). */
function utcTime(date: Date): Buffer {
  const iso = date.toISOString();
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}
