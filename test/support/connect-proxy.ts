/**
 * A small real HTTP CONNECT proxy on 127.0.0.1, as a company's egress proxy is: it opens a TCP
 * tunnel to the host and port a client asks for and counts each one (target, and whether the
 * client authenticated), optionally demanding Basic credentials (407 otherwise). It tunnels to
 * loopback only, so no test can reach past this machine through it.
 */
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/** One tunnel the proxy was asked for. */
export interface Tunnel {
  /** `host:port` the client asked for. */
  readonly target: string;
  /** The proxy opened it (false: refused for credentials, or its target was not on loopback). */
  readonly opened: boolean;
}

/** A running proxy. */
export interface ConnectProxy {
  /** Its URL, with the credentials when it demands them: the `proxy` setting. */
  readonly url: string;
  /** Its URL without credentials. */
  readonly bareUrl: string;
  /** `127.0.0.1:port`, as messages name it. */
  readonly host: string;
  /** Every CONNECT it received, oldest first. */
  readonly tunnels: readonly Tunnel[];
  /** Stops it and drops every tunnel. */
  close(): Promise<void>;
}

/** Starts a proxy; with `credentials`, a CONNECT without them (or with others) gets 407. */
export async function startConnectProxy(options: { readonly credentials?: { readonly user: string; readonly password: string } } = {}): Promise<ConnectProxy> {
  const tunnels: Tunnel[] = [];
  const sockets = new Set<Socket>();
  const expected = options.credentials === undefined ? undefined : `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`;
  const server = createServer((_request, response) => {
    // Only tunnels: a plain request through this proxy is a client bug.
    response.writeHead(405, { 'content-type': 'text/plain' }).end('this proxy only tunnels (CONNECT)');
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const target = request.url ?? '';
    const [, host = '', port = ''] = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target) ?? [];
    if (expected !== undefined && request.headers['proxy-authorization'] !== expected) {
      tunnels.push({ target, opened: false });
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
      tunnels.push({ target, opened: false });
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect({ host, port: Number(port) }, () => {
      tunnels.push({ target, opened: true });
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => {
      if (!client.destroyed) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const bareUrl = `http://127.0.0.1:${port}`;
  const auth = options.credentials === undefined ? '' : `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.password)}@`;
  return {
    url: `http://${auth}127.0.0.1:${port}`,
    bareUrl,
    host: `127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
