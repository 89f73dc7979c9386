/**
 * The Alibaba agent workaround (`providers/alibaba-common/alibaba-openapi-agent-workaround.ts`):
 * it holds only for the SDK versions it was verified with, and once installed it lends an agent
 * to this package's requests that carry one, and to no other request of the process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALIBABA_AGENT_WORKAROUND_VERIFIED } from '../../providers/alibaba-common/alibaba-openapi-agent-workaround.js';
import { alibabaResourceDirectory } from '../../providers/alibaba-resource-directory/index.js';
import { startEmulator } from '../../providers/testing.js';
import type { EmulatorMap } from '../../providers/testing.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import type { ConnectProxy } from '../support/connect-proxy.js';

let rd: EmulatorMap['alibaba-resource-directory'];
let proxy: ConnectProxy;
beforeAll(async () => {
  rd = await startEmulator('alibaba-resource-directory', { rateLimit: false });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await Promise.all([rd.close(), proxy.close()]);
});

it('the installed SDK stack is the one the workaround was verified with (an upgrade must check it again)', () => {
  const sdk = createRequire(import.meta.url).resolve('@alicloud/openapi-client');
  const tea = createRequire(sdk).resolve('@alicloud/tea-typescript');
  const httpx = createRequire(tea).resolve('httpx');
  const versionOf = (entry: string, name: string): string => {
    const root = entry.slice(0, entry.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}/`.length);
    return (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string }).version;
  };
  expect({ '@alicloud/openapi-client': versionOf(sdk, '@alicloud/openapi-client'), '@alicloud/tea-typescript': versionOf(tea, '@alicloud/tea-typescript'), httpx: versionOf(httpx, 'httpx') }).toEqual(
    ALIBABA_AGENT_WORKAROUND_VERIFIED,
  );
});

it('lends the agent to the requests of a provider with a proxy, and to no other', async () => {
  const settings = { endpoint: rd.endpoint, credentials: rd.credentials, rateLimit: false } as const;
  await alibabaResourceDirectory({ ...settings, proxy: proxy.url }).list().all();
  const tunnels = proxy.tunnels.length;
  expect(tunnels).toBeGreaterThan(0);
  const requests = rd.requests.length;
  await Promise.all([alibabaResourceDirectory(settings).list().all(), alibabaResourceDirectory({ ...settings, target: 'direct' }).list().all()]);
  expect(proxy.tunnels.length).toBe(tunnels);
  expect(rd.requests.length).toBe(requests + 2);
});
