/**
 * The CLI reads its proxy from the environment as curl does: HTTPS_PROXY or https_proxy for an
 * https endpoint, http_proxy (lower case only) for an http one, ALL_PROXY otherwise, none for a
 * host NO_PROXY names; the built CLI against a TLS emulator through a real CONNECT proxy proves
 * it, the proxy's tunnel count showing the path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bypasses, proxyFromEnvironment } from '../../src/cli/cli-proxy.js';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap } from '../../providers/testing.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import type { ConnectProxy } from '../support/connect-proxy.js';
import { runBuiltCli } from '../support/run-cli.js';

describe('the proxy variables, as curl reads them', () => {
  const https = 'https://open.volcengineapi.com';
  const http = 'http://127.0.0.1:4010';
  it('picks the variable for the scheme, lower case first; HTTP_PROXY is never read', () => {
    expect(proxyFromEnvironment(https, { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128' })).toEqual({ proxy: 'http://lower:3128', variable: 'https_proxy' });
    expect(proxyFromEnvironment(https, { HTTPS_PROXY: 'proxy.internal:3128' })).toEqual({ proxy: 'http://proxy.internal:3128', variable: 'HTTPS_PROXY' });
    expect(proxyFromEnvironment(https, { http_proxy: 'http://p:1' })).toBeUndefined();
    expect(proxyFromEnvironment(http, { HTTP_PROXY: 'http://p:1' })).toBeUndefined();
    expect(proxyFromEnvironment(http, { http_proxy: 'http://p:1' })?.variable).toBe('http_proxy');
    expect(proxyFromEnvironment(https, { ALL_PROXY: 'http://all:1' })?.proxy).toBe('http://all:1');
    expect(proxyFromEnvironment(https, { https_proxy: '  ' })).toBeUndefined();
  });

  it('NO_PROXY names hosts, their subdomains, addresses and CIDR blocks; * names all', () => {
    const env = (noProxy: string) => ({ HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy });
    expect(proxyFromEnvironment(https, env('volcengineapi.com'))).toBeUndefined();
    expect(proxyFromEnvironment(https, env('.volcengineapi.com'))).toBeUndefined();
    expect(proxyFromEnvironment(https, env('engineapi.com'))).toBeDefined();
    expect(proxyFromEnvironment(https, env('*'))).toBeUndefined();
    expect(proxyFromEnvironment(http, { http_proxy: 'http://p:1', no_proxy: 'localhost, 127.0.0.0/8' })).toBeUndefined();
    expect(bypasses('10.1.2.3', '10.0.0.0/8')).toBe(true);
    expect(bypasses('11.1.2.3', '10.0.0.0/8')).toBe(false);
    expect(bypasses('[::1]', '::1')).toBe(true);
    fc.assert(
      fc.property(fc.domain(), fc.domain(), (host, other) => {
        expect(bypasses(host, host)).toBe(true);
        expect(bypasses(`api.${host}`, `.${host}`)).toBe(true);
        expect(bypasses(host, '')).toBe(false);
        if (!host.endsWith(`.${other}`) && host !== other) expect(bypasses(host, other)).toBe(false);
      }),
    );
  });

  it('refuses a proxy variable that is not an http:// proxy, naming the variable', () => {
    expect(() => proxyFromEnvironment(https, { HTTPS_PROXY: 'socks5://127.0.0.1:1080' })).toThrow(/HTTPS_PROXY must name an HTTP CONNECT proxy/);
  });
});

describe('the built CLI through a proxy', () => {
  let vmp: EmulatorMap['volcengine-vmp'];
  let proxy: ConnectProxy;
  let folder: string;
  beforeAll(async () => {
    vmp = await startEmulator('volcengine-vmp', { rateLimit: false, tls: true });
    proxy = await startConnectProxy({ credentials: { user: 'ops', password: 'cli-proxy-pa55' } });
    folder = mkdtempSync(join(tmpdir(), 'cloud-contacts-cli-proxy-'));
  });
  afterAll(async () => {
    await Promise.all([vmp.close(), proxy.close()]);
    rmSync(folder, { recursive: true, force: true });
  });
  const cli = (env: NodeJS.ProcessEnv) =>
    runBuiltCli(['list', '--provider', 'volcengine-vmp', '--json'], {
      cwd: folder,
      env: { PATH: process.env['PATH'], ...vmp.environment, CLOUD_CONTACTS_VOLCENGINE_VMP_ENDPOINT: vmp.endpoint, CLOUD_CONTACTS_VOLCENGINE_VMP_SETTINGS: JSON.stringify({ ca: vmp.ca }), ...env },
    });

  it('goes through HTTPS_PROXY, straight to a host NO_PROXY names, and never prints the proxy password', async () => {
    const before = proxy.tunnels.length;
    const through = await cli({ HTTPS_PROXY: proxy.url });
    expect(through).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(proxy.tunnels.slice(before)).toEqual([{ target: new URL(vmp.endpoint).host, opened: true }]);
    const direct = await cli({ HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(direct.code).toBe(0);
    expect(proxy.tunnels.length).toBe(before + 1);
    const refused = await cli({ https_proxy: proxy.bareUrl });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`error: network provider=volcengine-vmp: volcengine-vmp list: connection failed: the proxy ${proxy.host} refused the tunnel`);
    for (const output of [through, direct, refused]) expect(output.stdout + output.stderr).not.toContain('cli-proxy-pa55');
    const socks = await cli({ HTTPS_PROXY: 'socks5://127.0.0.1:1080' });
    expect(socks.code).toBe(1);
    expect(socks.stderr).toContain('HTTPS_PROXY must name an HTTP CONNECT proxy');
  });
});
