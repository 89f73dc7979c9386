/**
 * The networks between a service and the vendor, for every provider: HTTPS to an emulator with a
 * certificate made at its start, trusted through the `ca` setting; a certificate nobody trusts
 * refused as `network` with nothing sent; every request through a real CONNECT proxy on loopback
 * (with and without its credentials), the proxy's tunnel count and the emulator's request log
 * proving the path; a proxy that refuses or is down named by host only; bad settings refused.
 */
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { FAULT_TARGETS } from '../support/fault-targets.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import type { ConnectProxy } from '../support/connect-proxy.js';
import { expectContactError } from '../support/expect-contact-error.js';

const PROXY_PASSWORD = 'pr0xy-CANARY-pa55';

describe.each(FAULT_TARGETS)('$id', (target) => {
  let secure: Emulator;
  let other: Emulator;
  let plain: Emulator;
  let proxy: ConnectProxy;
  let guarded: ConnectProxy;
  beforeAll(async () => {
    [secure, other, plain] = await Promise.all([target.start({ rateLimit: false, tls: true }), target.start({ rateLimit: false, tls: true }), target.start({ rateLimit: false })]);
    [proxy, guarded] = await Promise.all([startConnectProxy(), startConnectProxy({ credentials: { user: 'ops', password: PROXY_PASSWORD } })]);
  });
  afterAll(async () => {
    await Promise.all([secure.close(), other.close(), plain.close(), proxy.close(), guarded.close()]);
  });
  const hostOf = (emulator: Emulator) => new URL(emulator.endpoint).host;
  const quiet = { rateLimit: false, maxRetries: 0 } as const;

  it('speaks HTTPS to an emulator whose CA it is given, and refuses one it is not', async () => {
    expect(secure.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const trusting = target.provider(secure, { ...quiet, ca: secure.ca! });
    const created = await trusting.create(target.input(1));
    expect((await trusting.list().all()).map((contact) => contact.id)).toContain(created.id);
    expect(secure.requests.length).toBeGreaterThan(0);

    const before = secure.requests.length;
    for (const settings of [{}, { ca: other.ca! }]) {
      const error = await expectContactError(target.provider(secure, { ...quiet, ...settings }).list().all(), 'network');
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/the server's TLS certificate was refused \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)[^)]*\), so nothing was sent: give the CA that signed it as the ca setting/);
    }
    // The handshake failed: no request reached the emulator.
    expect(secure.requests.length).toBe(before);
  });

  it('sends every request through a CONNECT proxy, TLS end to end, and plain HTTP through it too', async () => {
    const through = target.provider(secure, { ...quiet, ca: secure.ca!, proxy: proxy.url });
    const before = { tunnels: proxy.tunnels.length, requests: secure.requests.length };
    await through.create(target.input(2));
    const listed = await through.list().all();
    expect(listed.length).toBeGreaterThan(0);
    const tunnels = proxy.tunnels.slice(before.tunnels);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((tunnel) => tunnel.target === hostOf(secure) && tunnel.opened)).toBe(true);
    expect(secure.requests.length - before.requests).toBeGreaterThanOrEqual(2);

    const viaPlain = proxy.tunnels.length;
    await target.provider(plain, { ...quiet, proxy: proxy.url }).list().all();
    expect(proxy.tunnels.slice(viaPlain).map((tunnel) => tunnel.target)).toContain(hostOf(plain));
  });

  it('authenticates to a proxy that demands it; wrong credentials are network, naming the proxy by host, never the password', async () => {
    const before = guarded.tunnels.length;
    await target.provider(secure, { ...quiet, ca: secure.ca!, proxy: guarded.url }).list().all();
    expect(guarded.tunnels.slice(before).every((tunnel) => tunnel.opened)).toBe(true);

    const requests = secure.requests.length;
    for (const url of [guarded.bareUrl, guarded.url.replace(PROXY_PASSWORD, 'wrong-password')]) {
      const error = await expectContactError(target.provider(secure, { ...quiet, ca: secure.ca!, proxy: url }).list().all(), 'network', { secrets: [PROXY_PASSWORD, 'wrong-password'] });
      expect(error.message).toContain(`the proxy ${guarded.host} refused the tunnel to ${hostOf(secure)} (407 Proxy Authentication Required): check the credentials in the proxy setting`);
    }
    expect(secure.requests.length).toBe(requests);
  });

  it('a proxy that is down is network, naming it by host only, and nothing is sent', async () => {
    const down = await startConnectProxy({ credentials: { user: 'ops', password: PROXY_PASSWORD } });
    await down.close();
    const requests = secure.requests.length;
    const error = await expectContactError(target.provider(secure, { ...quiet, ca: secure.ca!, proxy: down.url }).list().all(), 'network', { secrets: [PROXY_PASSWORD] });
    expect(error.message).toContain(`cannot reach the proxy ${down.host} (ECONNREFUSED)`);
    expect(secure.requests.length).toBe(requests);
  });

  it('refuses a proxy that is not an http:// URL, and a ca that is not PEM, before anything is sent; prints the proxy without its credentials', async () => {
    for (const [proxyValue, rule] of [
      ['socks5://127.0.0.1:1080', /field "settings\.proxy" must be the http:\/\/ URL of an HTTP CONNECT proxy/],
      ['https://proxy.internal:3128', /socks and https proxies are not supported/],
      ['not a url', /must be the http:\/\/ URL/],
      ['http://proxy.internal:3128/some/path', /without a path or query/],
    ] as const) {
      const error = await expectContactError(
        Promise.resolve().then(() => target.provider(secure, { proxy: proxyValue })),
        'invalid-config',
      );
      expect(error.message).toMatch(rule);
      expect(error.field).toBe('settings.proxy');
    }
    const ca = await expectContactError(Promise.resolve().then(() => target.provider(secure, { ca: 'not a certificate' })), 'invalid-config');
    expect(ca.message).toMatch(/field "settings\.ca" must be PEM text of one or more CA certificates/);
    expect(secure.requests.filter((request) => request.action === '')).toHaveLength(0);

    const provider = target.provider(secure, { ca: secure.ca!, proxy: guarded.url }) as unknown as { settings: { proxy: string; ca: string } };
    expect(provider.settings.proxy).toBe(`http://***@${guarded.host}`);
    for (const printed of [inspect(provider, { depth: 5 }), JSON.stringify(provider.settings)]) {
      expect(printed).not.toContain(PROXY_PASSWORD);
    }
    expect(inspect(provider.settings)).toContain("ca: '[PEM: 1 certificate(s)]'");
  });
});
