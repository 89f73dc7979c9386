// `npm run demo`: runs every provider example against the emulators it starts itself.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const providers = [
  ['tencent-cam', 'Tencent Cloud CAM message receivers'],
  ['alibaba-resource-directory', 'Alibaba Cloud Resource Directory message contacts: create, verify, update, members, delete'],
  ['volcengine-vmp', 'Volcengine VMP alert contacts with email and Lark/DingTalk/WeCom webhooks, and contact groups'],
  ['alibaba-chatapp', 'Alibaba Cloud ChatApp WhatsApp business numbers: add, verify by code, register, deregister, profile, delete'],
];

let failed = 0;
for (const [provider, what] of providers) {
  const script = new URL(`./${provider}.mjs`, import.meta.url);
  console.log(`\n=== ${provider}: ${what}`);
  if (!existsSync(script)) {
    console.log(`(not in this version yet; this part of the demo will show: ${what})`);
    continue;
  }
  // Emulators listen on 127.0.0.1: a proxy from the environment must not reroute them.
  const env = { ...process.env, http_proxy: '', HTTP_PROXY: '', https_proxy: '', HTTPS_PROXY: '' };
  const result = spawnSync(process.execPath, [script.pathname], { stdio: 'inherit', env });
  if (result.status !== 0) {
    failed += 1;
    console.error(`!!! ${provider} example failed with exit code ${result.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
