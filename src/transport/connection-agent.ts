/**
 * How a provider's requests reach the vendor when the network between needs more than a socket:
 * through an HTTP CONNECT proxy (`proxy`, TLS end to end through its tunnel), trusting a CA of
 * the caller's own (`ca`, a private gateway's or an intercepting proxy's). One agent per provider
 * object, given to whichever client its vendor's SDK or our own transport uses.
 *
 * @remarks The tunnel is written here (a CONNECT request and its answer's status line) rather
 * than taken from `https-proxy-agent`: that agent hands a proxy's refusal (407, 403, 502) to the
 * HTTP client as if the vendor had answered it, so a wrong proxy password would read as a vendor
 * error. Here every failure before the tunnel stands is a socket error naming the proxy by host
 * and port (never its credentials), with code `ECONNREFUSED`: nothing reached the vendor.
 */
import { Agent as HttpAgent } from 'node:http';
import type { Agent, AgentOptions } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { connect as netConnect, isIP } from 'node:net';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, rootCertificates } from 'node:tls';
import type { ConnectionOptions } from 'node:tls';

/** The network settings of a provider. */
export interface NetworkSettings {
  /** An `http://` CONNECT proxy, credentials allowed (`http://user:pass@proxy.internal:3128`). */
  readonly proxy?: string | undefined;
  /** CA certificates (PEM) to trust besides the system's. */
  readonly ca?: string | undefined;
}

/** The longest answer to CONNECT read before giving up on the proxy. */
const MAX_CONNECT_ANSWER = 16 * 1024;

/** The agent for requests to a URL, by its scheme; undefined: the transport's own (nothing asked for one). */
export type AgentFor = (url: string | URL) => Agent | undefined;

/**
 * The agents a provider's requests go through, one per scheme (its product's endpoint and its
 * STS may differ), made on first use; undefined when neither setting asks for one.
 */
export function networkAgents(network: NetworkSettings): AgentFor {
  if (network.proxy === undefined && network.ca === undefined) return () => undefined;
  const made = new Map<string, Agent | undefined>();
  return (url) => {
    const scheme = new URL(url).protocol;
    if (!made.has(scheme)) made.set(scheme, connectionAgent(scheme === 'https:', network));
    return made.get(scheme);
  };
}

function connectionAgent(secure: boolean, network: NetworkSettings): Agent | undefined {
  const trusted = network.ca === undefined ? undefined : [...rootCertificates, network.ca];
  if (network.proxy === undefined) {
    return secure && trusted !== undefined ? new HttpsAgent({ keepAlive: true, ca: trusted }) : undefined;
  }
  const proxy = new URL(network.proxy);
  return secure ? new TunnelHttpsAgent(proxy, trusted) : new TunnelHttpAgent(proxy);
}

/** `host:port` of a proxy: how messages name it (never with its credentials). */
export function proxyHost(proxy: URL): string {
  return `${proxy.hostname}:${proxy.port === '' ? '80' : proxy.port}`;
}

type Created = (error: Error | null, socket?: Socket) => void;
/** How Node's Agent hands over the connection it asked for. */
type Callback = ((error: Error | null, stream: Duplex) => void) | undefined;

/** Plain HTTP to the vendor (an emulator, a gateway), through the proxy's tunnel. */
class TunnelHttpAgent extends HttpAgent {
  readonly #proxy: URL;
  constructor(proxy: URL) {
    super({ keepAlive: true });
    this.#proxy = proxy;
  }
  override createConnection(options: AgentOptions & { host?: string | null; port?: number | string | null }, callback: Callback): undefined {
    openTunnel(this.#proxy, options.host ?? 'localhost', Number(options.port ?? 80), handOver(callback));
    return undefined;
  }
}

/** HTTPS to the vendor through the proxy's tunnel: the TLS session is the client's and the vendor's alone. */
class TunnelHttpsAgent extends HttpsAgent {
  readonly #proxy: URL;
  constructor(proxy: URL, ca: string[] | undefined) {
    super({ keepAlive: true, ...(ca === undefined ? {} : { ca }) });
    this.#proxy = proxy;
  }
  override createConnection(options: ConnectionOptions & { host?: string | null; port?: number | string | null }, callback: Callback): undefined {
    const created = handOver(callback);
    const host = options.host ?? 'localhost';
    openTunnel(this.#proxy, host, Number(options.port ?? 443), (error, socket) => {
      if (error !== null || socket === undefined) {
        created(error ?? new Error('no tunnel'));
        return;
      }
      const { host: _host, port: _port, path: _path, ...tls } = options as ConnectionOptions & { path?: unknown };
      created(null, tlsConnect({ ...tls, socket, ...(isIP(host) === 0 ? { servername: tls.servername ?? host } : {}) }));
    });
    return undefined;
  }
}

/** Node's callback as a {@link Created}: the failure alone, or the socket. */
function handOver(callback: Callback): Created {
  return (error, socket) => callback?.(error, socket as Duplex);
}

/** Opens a CONNECT tunnel to `host:port` through the proxy; calls back once with the tunnel's socket or the failure. */
function openTunnel(proxy: URL, host: string, port: number, created: Created): void {
  const target = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const named = proxyHost(proxy);
  const socket = netConnect({ host: proxy.hostname.replace(/^\[|\]$/g, ''), port: Number(proxy.port === '' ? 80 : proxy.port) });
  let answer = Buffer.alloc(0);
  let settled = false;
  const fail = (message: string, code = 'ECONNREFUSED'): void => {
    if (settled) return;
    settled = true;
    socket.destroy();
    created(Object.assign(new Error(message), { code }));
  };
  socket.once('error', (error: Error & { code?: string }) => fail(`cannot reach the proxy ${named} (${error.code ?? error.message})`, error.code === undefined ? 'ECONNREFUSED' : error.code));
  socket.once('end', () => fail(`the proxy ${named} closed the connection before opening a tunnel to ${target}`));
  socket.once('connect', () => {
    const credentials = proxy.username === '' && proxy.password === '' ? undefined : `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    socket.write(
      `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${credentials === undefined ? '' : `Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}\r\n`}\r\n`,
    );
  });
  const onData = (chunk: Buffer): void => {
    answer = Buffer.concat([answer, chunk]);
    const end = answer.indexOf('\r\n\r\n');
    if (end === -1) {
      if (answer.length > MAX_CONNECT_ANSWER) fail(`the proxy ${named} sent no proper answer to CONNECT`);
      return;
    }
    const status = /^HTTP\/1\.[01] (\d{3})(.*)/.exec(answer.subarray(0, answer.indexOf('\r\n')).toString('latin1'));
    if (status?.[1] !== '200') {
      const said = status === null ? 'an answer that is not HTTP' : `${status[1]}${status[2] ?? ''}`.trim();
      const hint = status?.[1] === '407' ? ': check the credentials in the proxy setting (or HTTPS_PROXY)' : '';
      fail(`the proxy ${named} refused the tunnel to ${target} (${said})${hint}`);
      return;
    }
    if (settled) return;
    settled = true;
    socket.off('data', onData);
    socket.removeAllListeners('end');
    socket.removeAllListeners('error');
    // Bytes after the proxy's answer already belong to the tunnel.
    const rest = answer.subarray(end + 4);
    if (rest.length > 0) socket.unshift(rest);
    created(null, socket);
  };
  socket.on('data', onData);
}
