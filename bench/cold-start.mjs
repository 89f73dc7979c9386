// Cold start: a fresh process that imports a provider and makes its first get, against the same
// done with the vendor's own client, both talking to an emulator in another process (median of
// fresh processes, interleaved). Two figures per side: the library's own share, timed inside the
// process from its first statement to the answer (Node's start-up and exit are not in it, so the
// ratio compares what the library and the vendor's client do), and the whole process as the
// parent sees it. Also: the core's import alone against an empty process, in both module
// systems, and the modules each entry loads.
import { spawn } from 'node:child_process';
import { cleanEnv, coldMedians, medianRatio, ratioQuartiles, round, TINY } from './lib.mjs';

const RUNS = TINY ? 2 : Number(process.env.BENCH_COLD_RUNS ?? 25);

/** Starts the emulators in a process of their own and seeds one contact in each. */
async function emulatorProcess() {
  const script = `
    const { startEmulator } = await import('cloud-contacts/testing');
    const { PROVIDER_IDS } = await import('cloud-contacts');
    const out = {};
    for (const id of PROVIDER_IDS) {
      const e = await startEmulator(id, { rateLimit: false });
      out[id] = { endpoint: e.endpoint, credentials: e.credentials, custSpaceId: e.custSpaceId };
    }
    console.log(JSON.stringify(out));
    setInterval(() => {}, 1 << 30);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: cleanEnv, cwd: new URL('..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve) => child.stdout.once('data', (chunk) => resolve(chunk.toString())));
  return { emulators: JSON.parse(line), stop: () => child.kill() };
}

/**
 * A `node -e` script that runs `body` (statements, `await` allowed) and prints the milliseconds
 * from its first statement to the end of `body`: what the work took after Node had started.
 */
const timed = (body) =>
  `const started = performance.now(); (async () => { ${body} })().then(() => process.stdout.write(String(performance.now() - started)), (error) => { console.error(error); process.exit(1); });`;

/** Per provider: our first get, and the vendor client's, as script bodies (CommonJS, as most services start). */
function scripts(id, e) {
  const creds = JSON.stringify(e.credentials);
  const host = new URL(e.endpoint).host;
  switch (id) {
    case 'tencent-cam':
      return {
        setup: `const { tencentCam } = require('cloud-contacts/tencent-cam'); tencentCam({ endpoint: '${e.endpoint}', credentials: ${creds}, quotas: false }).create({ name: 'cold', email: 'cold@example.com', phone: '+8613900001234' }).then((c) => console.log(c.id));`,
        ours: (cid) => `const { tencentCam } = require('cloud-contacts/tencent-cam'); await tencentCam({ endpoint: '${e.endpoint}', credentials: ${creds} }).get('${cid}');`,
        vendor: (cid) => `const { CommonClient } = require('tencentcloud-sdk-nodejs-common'); const { Agent } = require('node:http');
          const a = await new CommonClient('${host}', '2019-01-16', { credential: { secretId: '${e.credentials.accessKeyId}', secretKey: '${e.credentials.accessKeySecret}' }, profile: { httpProfile: { endpoint: '${host}', protocol: 'http://', agent: new Agent() } } })
            .request('ListReceiver', { Offset: 0, Limit: 100 });
          if (!a.Receivers.some((r) => String(r.Uid) === '${cid}')) process.exit(1);`,
      };
    case 'alibaba-resource-directory':
      return {
        setup: `const { alibabaResourceDirectory } = require('cloud-contacts/alibaba-resource-directory'); alibabaResourceDirectory({ endpoint: '${e.endpoint}', credentials: ${creds} }).create({ name: 'Cold', email: 'cold@example.com', title: 'Other', messageTypes: ['FaultMessage'] }).then((c) => console.log(c.id));`,
        ours: (cid) => `const { alibabaResourceDirectory } = require('cloud-contacts/alibaba-resource-directory'); await alibabaResourceDirectory({ endpoint: '${e.endpoint}', credentials: ${creds} }).get('${cid}');`,
        vendor: (cid) => `const sdk = require('@alicloud/openapi-client'); const client = new sdk.default(new sdk.Config({ accessKeyId: '${e.credentials.accessKeyId}', accessKeySecret: '${e.credentials.accessKeySecret}', endpoint: '${host}', protocol: 'http' }));
          await client.callApi(new sdk.Params({ action: 'GetMessageContact', version: '2022-04-19', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' }), new sdk.OpenApiRequest({ query: { ContactId: '${cid}' } }), {});`,
      };
    case 'volcengine-vmp':
      return {
        setup: `const { volcengineVmp } = require('cloud-contacts/volcengine-vmp'); volcengineVmp({ endpoint: '${e.endpoint}', credentials: ${creds} }).create({ name: 'cold', email: 'cold@example.com' }).then((c) => console.log(c.id));`,
        ours: (cid) => `const { volcengineVmp } = require('cloud-contacts/volcengine-vmp'); await volcengineVmp({ endpoint: '${e.endpoint}', credentials: ${creds} }).get('${cid}');`,
        vendor: (cid) => `const { Service } = require('@volcengine/openapi'); const s = new Service({ serviceName: 'vmp', region: 'cn-beijing', defaultVersion: '2021-03-03', host: '${host}', protocol: 'http:', accessKeyId: '${e.credentials.accessKeyId}', secretKey: '${e.credentials.accessKeySecret}' });
          const a = await s.createJSONAPI('GetContact', { Version: '2021-03-03' })({ Id: '${cid}' });
          if (a.ResponseMetadata.Error) process.exit(1);`,
      };
    case 'alibaba-chatapp': {
      const settings = `{ endpoint: '${e.endpoint}', credentials: ${creds}, custSpaceId: '${e.custSpaceId}' }`;
      return {
        setup: `const { alibabaChatApp } = require('cloud-contacts/alibaba-chatapp'); alibabaChatApp(${settings}).create({ name: 'Cold Desk', phone: '+8613700000001', email: 'cold@example.com' }).then((c) => console.log(c.id));`,
        ours: (cid) => `const { alibabaChatApp } = require('cloud-contacts/alibaba-chatapp'); await alibabaChatApp(${settings}).get('${cid}');`,
        vendor: (cid) => `const sdk = require('@alicloud/openapi-client'); const client = new sdk.default(new sdk.Config({ accessKeyId: '${e.credentials.accessKeyId}', accessKeySecret: '${e.credentials.accessKeySecret}', endpoint: '${host}', protocol: 'http' }));
          const params = (action) => new sdk.Params({ action, version: '2020-06-06', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
          const a = await client.callApi(params('ChatappSyncPhoneNumber'), new sdk.OpenApiRequest({ query: { CustSpaceId: '${e.custSpaceId}' } }), {});
          if (!a.body.PhoneNumbers.some((n) => n.PhoneNumber === '${cid}')) process.exit(1);
          await client.callApi(params('QueryPhoneBusinessProfile'), new sdk.OpenApiRequest({ query: { CustSpaceId: '${e.custSpaceId}', PhoneNumber: '${cid}' } }), {});`,
      };
    }
    default:
      return undefined;
  }
}

/** The vendor SDKs and provider folders a script loaded, by name. */
const LOADED_PROBE = `
  const names = { 'tencentcloud-sdk-nodejs-common': 'Tencent SDK', '@alicloud/openapi-client': 'Alibaba SDK (openapi-client)', '@alicloud/openapi-util': 'Alibaba signer (openapi-util)', '@volcengine/openapi': 'Volcengine SDK', 'zod': 'zod', 'libphonenumber-js': 'libphonenumber-js', 'yaml': 'yaml', 'ioredis': 'ioredis' };
  const seen = new Set();
  for (const path of Object.keys(require.cache)) for (const [part, name] of Object.entries(names)) if (path.includes('/node_modules/' + part + '/')) seen.add(name);
  console.log(JSON.stringify([...seen].sort()));`;

export async function coldStart() {
  const { emulators, stop } = await emulatorProcess();
  const { execFileSync } = await import('node:child_process');
  const cwd = new URL('..', import.meta.url).pathname;
  try {
    const core = await coldMedians(
      {
        empty: ['-e', '0'],
        'core (CJS)': ['-e', "require('cloud-contacts')"],
        'core (ESM)': ['--input-type=module', '-e', "await import('cloud-contacts')"],
      },
      RUNS,
    );
    const providers = [];
    for (const [id, e] of Object.entries(emulators)) {
      const pair = scripts(id, e);
      if (pair === undefined) continue;
      const contactId = execFileSync(process.execPath, ['-e', pair.setup], { env: cleanEnv, cwd }).toString().trim();
      const medians = await coldMedians({ ours: ['-e', timed(pair.ours(contactId))], vendor: ['-e', timed(pair.vendor(contactId))] }, RUNS);
      const entry = `cloud-contacts/${id}`;
      const loaded = JSON.parse(execFileSync(process.execPath, ['-e', `(async () => { ${pair.ours(contactId)} ${LOADED_PROBE} })();`], { env: cleanEnv, cwd }).toString());
      const imported = JSON.parse(execFileSync(process.execPath, ['-e', `require('${entry}'); ${LOADED_PROBE}`], { env: cleanEnv, cwd }).toString());
      providers.push({
        provider: id,
        // The library's own share: inside the process, from its first statement to the answer.
        ownShare: { ours: medians['ours inside'], vendor: medians['vendor inside'], ratio: medianRatio(medians.samples['ours inside'], medians.samples['vendor inside']), quartiles: ratioQuartiles(medians.samples['ours inside'], medians.samples['vendor inside']) },
        // The whole process, Node's start-up and exit included, as the parent sees it.
        ours: medians.ours,
        vendor: medians.vendor,
        ratio: medianRatio(medians.samples.ours, medians.samples.vendor),
        loadedOnImport: imported,
        loadedByFirstGet: loaded,
      });
    }
    const coreLoaded = JSON.parse(execFileSync(process.execPath, ['-e', `require('cloud-contacts'); ${LOADED_PROBE}`], { env: cleanEnv, cwd }).toString());
    return {
      runs: RUNS,
      core: { empty: core.empty, cjs: round(core['core (CJS)'] - core.empty, 1), esm: round(core['core (ESM)'] - core.empty, 1), loaded: coreLoaded },
      providers,
    };
  } finally {
    stop();
  }
}
