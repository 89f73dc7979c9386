import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp } from '../src/transport/http-request.js';

describe('sendHttp and its signal', () => {
  let connections = 0;
  let closed = 0;
  const server = createServer((request) => {
    // Never answers: only an abort ends the request.
    request.resume();
  });
  server.on('connection', (socket) => {
    connections += 1;
    socket.on('close', () => (closed += 1));
  });
  let url: URL;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('an abort rejects with its reason and destroys the socket', async () => {
    const controller = new AbortController();
    const pending = sendHttp({ url, method: 'POST', headers: {}, body: '{}', signal: controller.signal });
    await expect.poll(() => connections).toBe(1);
    const reason = Symbol('attempt timeout');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await expect.poll(() => closed).toBe(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const before = connections;
    const reason = new Error('cancelled');
    await expect(sendHttp({ url, method: 'POST', headers: {}, body: '{}', signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(connections).toBe(before);
  });
});
