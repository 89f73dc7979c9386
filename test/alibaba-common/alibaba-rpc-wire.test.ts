/**
 * The Alibaba providers send what the vendor's own client sends. Both a provider and a bare
 * `@alicloud/openapi-client` `callApi` (the client section 8 of DESIGN.md first chose) go through
 * a recording relay on loopback to the emulator, which checks both signatures; the test compares
 * the two requests: method, path, query, the headers sent and the headers signed.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { useEmulator } from '../support/use-emulator.js';
import { callAction, openApiClient } from '../support/alibaba-openapi.js';

/** One request as the relay saw it. */
interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A running relay: its endpoint and the requests it saw. */
interface Relay {
  readonly endpoint: string;
  readonly seen: Seen[];
  close(): Promise<void>;
}

/** A relay that records each request and passes it on, byte for byte, to `target`. */
async function recordingRelay(target: () => string): Promise<Relay> {
  const seen: Seen[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(incoming.url ?? '/', 'http://relay');
      seen.push({ method: incoming.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: incoming.headers, body: body.toString('utf8') });
      const upstream = new URL(target());
      const relayed = httpRequest({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      relayed.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The names of the headers a signature covers, from its `Authorization`. */
function signedHeaders(headers: IncomingHttpHeaders): string[] {
  return /SignedHeaders=([^,]+)/.exec(String(headers['authorization']))?.[1]?.split(';') ?? [];
}

/**
 * `x-acs-credentials-provider` names the `@alicloud/credentials` provider that found the keys
 * (`static_ak`); the providers' keys come from their own chain, so they do not send it (nor did
 * they when they sent through `callApi` with a credential of their own).
 */
const CREDENTIALS_LIBRARY_HEADER = 'x-acs-credentials-provider';

/** What must match between the two requests (values that differ by design left out: date, nonce, signature, user agent). */
function shape(request: Seen) {
  return {
    method: request.method,
    path: request.path,
    query: request.query,
    headerNames: Object.keys(request.headers)
      .filter((name) => name !== CREDENTIALS_LIBRARY_HEADER)
      .sort(),
    signed: signedHeaders(request.headers).filter((name) => name !== CREDENTIALS_LIBRARY_HEADER),
    algorithm: String(request.headers['authorization']).split(' ')[0],
    version: request.headers['x-acs-version'],
    action: request.headers['x-acs-action'],
    contentSha256: request.headers['x-acs-content-sha256'],
    accept: request.headers['accept'],
    body: request.body,
  };
}

/** A relay in front of `emulator` for the tests of one block, started before them and closed after. */
function useRelay(emulator: { readonly endpoint: string }): () => Relay {
  let relay: Relay | undefined;
  beforeAll(async () => void (relay = await recordingRelay(() => emulator.endpoint)));
  afterAll(() => relay?.close());
  return () => relay!;
}

describe('Resource Directory sends what @alicloud/openapi-client sends', () => {
  const emulator = useEmulator('alibaba-resource-directory', { rateLimit: false });
  const relayed = useRelay(emulator);

  it('a GetMessageContact: the same query, headers and signed headers; both signatures accepted', async () => {
    const relay = relayed();
    const rd = alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false });
    const created = await rd.create({ name: 'Wire', email: 'wire@example.com', title: 'Other', messageTypes: ['FaultMessage'] });

    const throughRelay = alibabaResourceDirectory({ endpoint: relay.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false });
    expect((await throughRelay.get(created.id)).id).toBe(created.id);
    const vendor = await callAction(openApiClient({ endpoint: relay.endpoint, credentials: emulator.credentials } as typeof emulator), '2022-04-19', 'GetMessageContact', { ContactId: created.id });
    expect(vendor.statusCode).toBe(200);

    expect(relay.seen).toHaveLength(2);
    const [ours, theirs] = relay.seen.map(shape);
    expect(ours).toEqual(theirs);
    expect(ours!.query).toEqual({ ContactId: created.id });
    expect(ours!.signed).toEqual(['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version']);
  });
});

describe('ChatApp sends what @alicloud/openapi-client sends', () => {
  const emulator = useEmulator('alibaba-chatapp', { rateLimit: false });
  const relayed = useRelay(emulator);

  it("a get's ChatappSyncPhoneNumber and QueryPhoneBusinessProfile: the same query, headers and signed headers; all signatures accepted", async () => {
    const relay = relayed();
    const settings = { credentials: emulator.credentials, custSpaceId: emulator.custSpaceId, maxRetries: 0, rateLimit: false } as const;
    const created = await alibabaChatApp({ endpoint: emulator.endpoint, ...settings }).create({ name: 'Wire Desk', phone: '+8613700000002', email: 'wire@example.com' });
    expect((await alibabaChatApp({ endpoint: relay.endpoint, ...settings }).get(created.id)).id).toBe(created.id);
    const vendor = openApiClient({ endpoint: relay.endpoint, credentials: emulator.credentials } as typeof emulator);
    for (const [action, query] of [
      ['ChatappSyncPhoneNumber', { CustSpaceId: emulator.custSpaceId }],
      ['QueryPhoneBusinessProfile', { CustSpaceId: emulator.custSpaceId, PhoneNumber: created.id }],
    ] as const) {
      expect((await callAction(vendor, '2020-06-06', action, query)).body['Code']).toBe('OK');
    }

    expect(relay.seen.map((request) => request.headers['x-acs-action'])).toEqual(['ChatappSyncPhoneNumber', 'QueryPhoneBusinessProfile', 'ChatappSyncPhoneNumber', 'QueryPhoneBusinessProfile']);
    const [ours1, ours2, theirs1, theirs2] = relay.seen.map(shape);
    expect(ours1).toEqual(theirs1);
    expect(ours2).toEqual(theirs2);
  });
});
