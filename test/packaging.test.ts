/**
 * The built package as users get it: every subpath loads from both the CommonJS and the ESM
 * output (through the package's own name), the core loads no vendor SDK, one provider loads
 * neither another provider nor its SDK until it is used, and the packed tarball passes
 * publint and arethetypeswrong. Runs on `dist/`, which `npm test` builds first.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const node = (args: string[]) => run(process.execPath, args, { cwd: root, env: { ...process.env, http_proxy: '', HTTP_PROXY: '' } });

const entries = {
  'cloud-contacts': ['ContactError', 'isContactError', 'contactInputSchema', 'CONTACT_ERROR_CODES'],
  'cloud-contacts/tencent-cam': ['tencentCam', 'tencentCamCapabilities'],
  'cloud-contacts/alibaba-resource-directory': ['alibabaResourceDirectory', 'alibabaResourceDirectoryCapabilities'],
  'cloud-contacts/volcengine-vmp': [],
  'cloud-contacts/alibaba-chatapp': [],
  'cloud-contacts/testing': ['startEmulator', 'startEmulators'],
} as const;

describe('the built package', () => {
  it.each(Object.entries(entries))('require(%s) and import() give the same exports', async (specifier, expected) => {
    const cjs = await node(['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)})).sort()))`]);
    const esm = await node(['--input-type=module', '-e', `console.log(JSON.stringify(Object.keys(await import(${JSON.stringify(specifier)})).sort()))`]);
    const cjsKeys = JSON.parse(cjs.stdout) as string[];
    expect(JSON.parse(esm.stdout)).toEqual(cjsKeys);
    for (const name of expected) expect(cjsKeys).toContain(name);
  });

  it('loads no vendor SDK with the core', async () => {
    const script = `require('cloud-contacts'); console.log(JSON.stringify(Object.keys(require.cache).filter((p) => /tencentcloud|@alicloud|provider|emulator/.test(p))))`;
    expect(JSON.parse((await node(['-e', script])).stdout)).toEqual([]);
    const esm = `import 'cloud-contacts'; import { createRequire } from 'node:module'; console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((p) => /tencentcloud|@alicloud/.test(p))))`;
    expect(JSON.parse((await node(['--input-type=module', '-e', esm])).stdout)).toEqual([]);
  });

  it('loads the Tencent SDK only when the provider is first used, and never another provider', async () => {
    const script = `
      const { tencentCam } = require('cloud-contacts/tencent-cam');
      const { startEmulator } = require('cloud-contacts/testing');
      const loaded = () => Object.keys(require.cache).filter((p) => /tencentcloud|@alicloud|alibaba/.test(p)).map((p) => p.includes('tencentcloud') ? 'tencent-sdk' : p.includes('@alicloud') ? 'alibaba-sdk' : 'alibaba-code');
      (async () => {
        const before = [...new Set(loaded())];
        const emulator = await startEmulator('tencent-cam');
        const cam = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials });
        const constructed = [...new Set(loaded())];
        await cam.list().all();
        const used = [...new Set(loaded())];
        await emulator.close();
        console.log(JSON.stringify({ before, constructed, used }));
      })();`;
    expect(JSON.parse((await node(['-e', script])).stdout)).toEqual({ before: [], constructed: [], used: ['tencent-sdk'] });
  });

  it('loads the Alibaba SDK only when that provider is first used, and never the Tencent one', async () => {
    const script = `
      const { alibabaResourceDirectory } = require('cloud-contacts/alibaba-resource-directory');
      const { startEmulator } = require('cloud-contacts/testing');
      const loaded = () => [...new Set(Object.keys(require.cache).filter((p) => /tencentcloud|@alicloud|tencent-cam/.test(p)).map((p) => p.includes('tencentcloud') ? 'tencent-sdk' : p.includes('@alicloud') ? 'alibaba-sdk' : 'tencent-code'))];
      (async () => {
        const before = loaded();
        const emulator = await startEmulator('alibaba-resource-directory');
        const rd = alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials });
        const constructed = loaded();
        await rd.list().all();
        const used = loaded();
        await emulator.close();
        console.log(JSON.stringify({ before, constructed, used }));
      })();`;
    expect(JSON.parse((await node(['-e', script])).stdout)).toEqual({ before: [], constructed: [], used: ['alibaba-sdk'] });
  });

  it('the Alibaba provider works from the ESM build too (the SDK is CommonJS with exports.default)', async () => {
    const script = `
      import { alibabaResourceDirectory } from 'cloud-contacts/alibaba-resource-directory';
      import { startEmulator } from 'cloud-contacts/testing';
      const emulator = await startEmulator('alibaba-resource-directory');
      const rd = alibabaResourceDirectory({ endpoint: emulator.endpoint, credentials: emulator.credentials });
      const created = await rd.create({ name: 'Esm', email: 'esm@example.com', title: 'Other', messageTypes: ['FaultMessage'] });
      const got = await rd.get(created.id);
      await emulator.close();
      console.log(JSON.stringify({ name: got.name, status: got.status }));`;
    expect(JSON.parse((await node(['--input-type=module', '-e', script])).stdout)).toEqual({ name: 'Esm', status: 'pending-verification' });
  });

  it('the Tencent provider works from the ESM build too', async () => {
    const script = `
      import { tencentCam } from 'cloud-contacts/tencent-cam';
      import { startEmulator } from 'cloud-contacts/testing';
      import { isContactError } from 'cloud-contacts';
      const emulator = await startEmulator('tencent-cam');
      const cam = tencentCam({ endpoint: emulator.endpoint, credentials: emulator.credentials });
      const created = await cam.create({ name: 'esm', email: 'esm@example.com', phone: '+8613900001234' });
      const error = await cam.get('1').catch((e) => e);
      await emulator.close();
      console.log(JSON.stringify({ name: created.name, notFound: isContactError(error, 'not-found') }));`;
    expect(JSON.parse((await node(['--input-type=module', '-e', script])).stdout)).toEqual({ name: 'esm', notFound: true });
  });

  it('passes publint and arethetypeswrong on the packed tarball', async () => {
    const publint = await run(`${root}node_modules/.bin/publint`, ['--strict'], { cwd: root });
    expect(publint.stdout).toContain('All good');
    const attw = await run(`${root}node_modules/.bin/attw`, ['--pack', '.', '--profile', 'node16', '--format', 'json'], { cwd: root });
    const report = JSON.parse(attw.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems.filter((problem) => (problem as { resolutionKind?: string }).resolutionKind !== 'node10')).toEqual([]);
  }, 120_000);
});
