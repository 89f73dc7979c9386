/**
 * The guard of providers/alibaba-common/alibaba-openapi-http-workaround.ts: it fails when the
 * installed `@alicloud/openapi-client` stack is not the one the workaround was verified against,
 * or when a live call through the SDK no longer shows what the workaround relies on (the request
 * on Node's HTTP channels, httpx's read timer on the socket). Upgrading the SDK means re-checking
 * those assumptions, then updating ALIBABA_OPENAPI_WORKAROUND_VERIFIED.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from './support/use-emulator.js';
import { expectContactError } from './support/expect-contact-error.js';
import { providerFor } from './alibaba-resource-directory/alibaba-resource-directory-fixtures.js';
import { ALIBABA_OPENAPI_WORKAROUND_VERIFIED, watchOpenApiRequest, WATCHED_HEADER } from '../providers/alibaba-common/alibaba-openapi-http-workaround.js';

const emulator = useEmulator('alibaba-resource-directory', { rateLimit: false });

/** The version of `name` as the package that depends on it (`from`) resolves it. */
function installedVersion(name: string, from: string): { version: string; path: string } {
  const path = createRequire(from).resolve(`${name}/package.json`);
  return { version: (createRequire(from)(path) as { version: string }).version, path };
}

const warnings: Error[] = [];
const onWarning = (warning: Error) => {
  if ((warning as { code?: string }).code === 'CLOUD_CONTACTS_ALIBABA_WORKAROUND') warnings.push(warning);
};
beforeAll(() => void process.on('warning', onWarning));
afterAll(() => void process.off('warning', onWarning));

describe('the Alibaba HTTP workaround still matches the installed SDK', () => {
  it('the installed @alicloud/openapi-client, @alicloud/tea-typescript and httpx are the versions it was verified against', () => {
    const client = installedVersion('@alicloud/openapi-client', import.meta.url);
    const tea = installedVersion('@alicloud/tea-typescript', client.path);
    const httpx = installedVersion('httpx', tea.path);
    expect({ '@alicloud/openapi-client': client.version, '@alicloud/tea-typescript': tea.version, httpx: httpx.version }).toEqual(ALIBABA_OPENAPI_WORKAROUND_VERIFIED);
  });

  it("a call's request shows on Node's HTTP channel with our nonce, and its socket's httpx read timer is cleared once answered", async () => {
    const requests: ClientRequest[] = [];
    const onStart = (message: unknown) => {
      const { request } = message as { request: ClientRequest };
      if (typeof request.getHeader(WATCHED_HEADER) === 'string') requests.push(request);
    };
    subscribe('http.client.request.start', onStart);
    try {
      const rd = providerFor(emulator);
      const created = await rd.create({ name: 'Guard', email: 'guard@example.com', title: 'Other', messageTypes: ['FaultMessage'] });
      expect((await rd.get(created.id)).id).toBe(created.id);
    } finally {
      unsubscribe('http.client.request.start', onStart);
    }
    expect(requests).toHaveLength(2);
    for (const socket of requests.map((request) => request.socket as Socket)) {
      const key = Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === 'TIMER::READ_TIMER');
      expect(key, "httpx's read timer is no longer on the socket as TIMER::READ_TIMER").toBeDefined();
      expect((socket as unknown as Record<symbol, unknown>)[key!]).toBeNull();
    }
    expect(warnings).toEqual([]);
  });

  it("what it recovers reaches the caller: a non-JSON error's status, and x-acs-retry-after", async () => {
    emulator.failNext({ kind: 'http-status', status: 502, action: 'GetMessageContact' });
    expect((await expectContactError(providerFor(emulator).get('c-0000000000000000'), 'unavailable')).vendor?.httpStatus).toBe(502);
    emulator.setRetryAfter(1500);
    emulator.failNext({ kind: 'vendor-error', code: 'Throttling.User', action: 'GetMessageContact' });
    expect((await expectContactError(providerFor(emulator).get('c-0000000000000000'), 'rate-limited')).retryAfterMs).toBe(1500);
    expect(warnings).toEqual([]);
  });

  it('says so, once, when an answered call was never seen on the channel', async () => {
    watchOpenApiRequest('never-sent-1').end(true);
    watchOpenApiRequest('never-sent-2').end(true);
    watchOpenApiRequest('never-sent-3').end(false);
    // Node emits warnings on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/no longer matches what cloud-contacts works around: its requests are not seen/);
  });
});
