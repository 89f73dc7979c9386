/**
 * A provider's STS exchange goes through its proxy too (an organisation behind an egress proxy
 * reaches STS the way it reaches the product): an assumed role at each vendor's STS emulator,
 * the proxy's tunnels naming both the STS and the product emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CredentialVendor } from '../../providers/testing.js';
import { startStsEmulator } from '../../providers/testing.js';
import type { Emulator } from '../../src/testing/emulator-types.js';
import { FAULT_TARGETS } from '../support/fault-targets.js';
import { startConnectProxy } from '../support/connect-proxy.js';
import type { ConnectProxy } from '../support/connect-proxy.js';

const ROLES: ReadonlyArray<readonly [string, CredentialVendor, string]> = [
  ['tencent-cam', 'tencent', 'qcs::cam::uin/100000000001:roleName/ops'],
  ['alibaba-resource-directory', 'alibaba', 'acs:ram::1234567890123456:role/ops'],
  ['volcengine-vmp', 'volcengine', 'trn:iam::2100000001:role/ops'],
];

let proxy: ConnectProxy;
beforeAll(async () => {
  proxy = await startConnectProxy();
});
afterAll(() => proxy.close());

describe.each(ROLES)('%s', (id, vendor, roleArn) => {
  const target = FAULT_TARGETS.find((candidate) => candidate.id === id)!;
  let product: Emulator;
  let sts: Awaited<ReturnType<typeof startStsEmulator>>;
  beforeAll(async () => {
    product = await target.start({ rateLimit: false });
    sts = await startStsEmulator(vendor, { roles: [{ arn: roleArn }] });
  });
  afterAll(async () => {
    await Promise.all([product.close(), sts.close()]);
  });

  it('assumes the role through the proxy, then calls the product through it', async () => {
    const before = proxy.tunnels.length;
    const provider = target.provider(product, { credentials: sts.credentials, assumeRole: { roleArn }, stsEndpoint: sts.endpoint, proxy: proxy.url, rateLimit: false });
    await provider.list().all();
    const targets = new Set(proxy.tunnels.slice(before).map((tunnel) => tunnel.target));
    expect(targets).toEqual(new Set([new URL(sts.endpoint).host, new URL(product.endpoint).host]));
    expect(sts.sessions().map((session) => session.roleArn)).toEqual([roleArn]);
  });
});
