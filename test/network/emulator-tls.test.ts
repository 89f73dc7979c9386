/**
 * Emulators serving HTTPS (`startEmulator(id, { tls: true })`): a CA and a server certificate made
 * at start with Node's crypto, which Node's own X509Certificate reads and a real TLS handshake
 * accepts when the CA is trusted; the option checked; and only the testing entry carries the
 * certificate maker (the core and the providers load none of it).
 */
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeEmulatorTls } from '../../src/testing/emulator-certificate.js';
import { startEmulator } from '../../providers/testing.js';
import { expectContactError } from '../support/expect-contact-error.js';

describe('the certificates an HTTPS emulator makes', () => {
  it('a CA, and a server certificate it signed for 127.0.0.1 and localhost', () => {
    const tls = makeEmulatorTls();
    const ca = new X509Certificate(tls.ca);
    const server = new X509Certificate(tls.cert);
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkHost('example.com')).toBeUndefined();
    expect(new Date(server.validTo).getTime()).toBeGreaterThan(Date.now());
    expect(server.verify(new X509Certificate(makeEmulatorTls().ca).publicKey)).toBe(false);
    const v6 = new X509Certificate(makeEmulatorTls(['::1']).cert);
    expect(v6.checkIP('::1')).toBe('::1');
  });

  it('every one OpenSSL reads: 200 made in a row, each serial 16 bytes in DER shortest form', () => {
    // A random serial once began with a 0 byte now and then (about one certificate in 128), which
    // DER forbids and OpenSSL refused ("illegal padding"): an HTTPS emulator failed to start.
    for (let n = 0; n < 200; n += 1) {
      const tls = makeEmulatorTls();
      for (const pem of [tls.ca, tls.cert]) expect(new X509Certificate(pem).serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    }
  });
});

describe('startEmulator(id, { tls: true })', () => {
  it('serves the vendor protocol over HTTPS to a client trusting its CA', async () => {
    const emulator = await startEmulator('volcengine-vmp', { tls: true, rateLimit: false });
    try {
      expect(emulator.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number>((resolve, reject) => {
        request(`${emulator.endpoint}/?Action=ListContacts&Version=2021-03-03`, { method: 'POST', ca: emulator.ca }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
          .on('error', reject)
          .end('{}');
      });
      // Unsigned: the vendor's refusal, over TLS.
      expect(status).toBe(401);
      expect(emulator.requests).toHaveLength(1);
    } finally {
      await emulator.close();
    }
    const plain = await startEmulator('volcengine-vmp');
    expect(plain.endpoint).toMatch(/^http:\/\//);
    expect(plain.ca).toBeUndefined();
    await plain.close();
  });

  it('refuses a tls option that is not true or false', async () => {
    const error = await expectContactError(startEmulator('tencent-cam', { tls: 'yes' as unknown as boolean }), 'invalid-config');
    expect(error.message).toContain('tls must be true or false');
  });

  it('only the testing entry carries the certificate maker', () => {
    const dist = new URL('../../dist/', import.meta.url).pathname;
    const carriers = readdirSync(dist).filter((file) => /\.(c?js)$/.test(file) && readFileSync(join(dist, file), 'utf8').includes('cloud-contacts emulator CA'));
    expect(carriers.sort()).toEqual(['testing.cjs', 'testing.js']);
  });
});
