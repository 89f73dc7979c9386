/**
 * The proxy the CLI sends a provider's requests through, read from the environment as curl reads
 * it (https://curl.se/docs/manpage.html#ENVIRONMENT): `https_proxy` or `HTTPS_PROXY` for an
 * https endpoint; `http_proxy` for an http one (lower case only, as curl: a CGI program may find
 * `HTTP_PROXY` set from a request's `Proxy:` header); else `all_proxy` or `ALL_PROXY`; none for a
 * host that `no_proxy` or `NO_PROXY` names. A proxy without a scheme is `http://`, as for curl.
 */
import { BlockList, isIP } from 'node:net';
import { ContactError } from '../errors/errors.js';

/** A proxy from the environment, and the variable it came from. */
export interface EnvironmentProxy {
  /** The proxy's URL (credentials in it stay in it: the provider never prints them). */
  readonly proxy: string;
  /** The variable it came from, for messages. */
  readonly variable: string;
}

/**
 * The proxy for requests to `endpoint`, or undefined for a direct connection.
 *
 * @throws ContactError `invalid-config` naming the variable when it is not an http:// proxy.
 */
export function proxyFromEnvironment(endpoint: string, environment: NodeJS.ProcessEnv): EnvironmentProxy | undefined {
  const url = new URL(endpoint);
  const names = url.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy'];
  const variable = [...names, 'all_proxy', 'ALL_PROXY'].find((name) => (environment[name] ?? '').trim() !== '');
  if (variable === undefined || bypasses(url.hostname, environment['no_proxy'] ?? environment['NO_PROXY'] ?? '')) return undefined;
  const value = environment[variable]!.trim();
  const proxy = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let parsed: URL | undefined;
  try {
    parsed = new URL(proxy);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol !== 'http:') {
    throw new ContactError({
      code: 'invalid-config',
      operation: 'cli',
      field: variable,
      message: `${variable} must name an HTTP CONNECT proxy, such as http://proxy.internal:3128 (socks and https proxies are not supported); unset it, or list the vendor's host in NO_PROXY`,
    });
  }
  return { proxy, variable };
}

/**
 * Whether `no_proxy` names this host: `*` names every host; an entry names the host itself and,
 * as a domain, every host under it (a leading dot changes nothing); an IP address names itself,
 * and a CIDR block every address in it.
 */
export function bypasses(host: string, noProxy: string): boolean {
  const hostname = host.replace(/^\[|\]$/g, '').toLowerCase();
  return noProxy
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .some((entry) => {
      if (entry === '*') return true;
      const [address, bits] = entry.split('/') as [string, string | undefined];
      const family = isIP(address.replace(/^\[|\]$/g, ''));
      if (family !== 0) return ipMatches(hostname, address.replace(/^\[|\]$/g, ''), family, bits);
      const domain = entry.replace(/^\./, '').replace(/:\d+$/, '').toLowerCase();
      return hostname === domain || hostname.endsWith(`.${domain}`);
    });
}

function ipMatches(host: string, address: string, family: number, bits: string | undefined): boolean {
  const hostFamily = isIP(host);
  if (hostFamily !== family) return false;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  const list = new BlockList();
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number(bits), type);
  return list.check(host, type);
}
