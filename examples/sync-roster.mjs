// Syncing a roster from code: the same job as `cloud-contacts apply examples/roster.yaml`,
// against the emulators. Run: npm run build && node examples/sync-roster.mjs
import { readFile } from 'node:fs/promises';
import { parseRoster, syncContacts } from 'cloud-contacts';
import { alibabaResourceDirectory } from 'cloud-contacts/alibaba-resource-directory';
import { tencentCam } from 'cloud-contacts/tencent-cam';
import { startEmulator } from 'cloud-contacts/testing';

const roster = await parseRoster(await readFile(new URL('./roster.yaml', import.meta.url), 'utf8'));
const cam = await startEmulator('tencent-cam');
const rd = await startEmulator('alibaba-resource-directory');
try {
  // Against the clouds: tencentCam() and alibabaResourceDirectory() with the vendors' environment variables.
  const providers = [
    tencentCam({ endpoint: cam.endpoint, credentials: cam.credentials }),
    alibabaResourceDirectory({ endpoint: rd.endpoint, credentials: rd.credentials }),
  ];
  const { plan, report } = await syncContacts({ desired: roster.contacts, providers, prune: true, managed: roster.managed });
  for (const provider of plan.providers) console.log(provider.id, provider.entries.map((entry) => `${entry.kind} ${entry.name}`).join(', '));
  for (const result of report.results) console.log(`${result.provider} ${result.name}: ${result.status}${result.requestId ? ` (request ${result.requestId})` : ''}`);
  // Run it again: everything is in place, so nothing changes.
  const again = await syncContacts({ desired: roster.contacts, providers, prune: true, managed: roster.managed });
  console.log('second run:', again.report.summary);
  process.exitCode = report.ok && again.report.summary.done === 0 ? 0 : 1;
} finally {
  await cam.close();
  await rd.close();
}
