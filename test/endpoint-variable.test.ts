/**
 * `CLOUD_CONTACTS_<PROVIDER>_ENDPOINT` points a provider made without an `endpoint` setting at
 * another endpoint: the lines `cloud-contacts emulator` prints work for a program of the user's
 * own, as they do for the CLI. The setting wins over the variable; a bad value names the variable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../src/model/contact.js';
import { endpointVariable } from '../src/settings/settings.js';
import { startEmulator } from '../providers/testing.js';
import { LANDED } from './support/landed-providers.js';
import { configErrorOf } from './support/config-error.js';

const factories = {
  'tencent-cam': async () => (await import('../providers/tencent-cam/index.js')).tencentCam,
  'alibaba-resource-directory': async () => (await import('../providers/alibaba-resource-directory/index.js')).alibabaResourceDirectory,
  'volcengine-vmp': async () => (await import('../providers/volcengine-vmp/index.js')).volcengineVmp,
  'alibaba-chatapp': async () => (await import('../providers/alibaba-chatapp/index.js')).alibabaChatApp,
} as const;

afterEach(() => {
  for (const id of PROVIDER_IDS) delete process.env[endpointVariable(id)];
});

describe('the endpoint variable', () => {
  it('names each provider', () => {
    expect(PROVIDER_IDS.map(endpointVariable)).toEqual([
      'CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT',
      'CLOUD_CONTACTS_ALIBABA_RESOURCE_DIRECTORY_ENDPOINT',
      'CLOUD_CONTACTS_VOLCENGINE_VMP_ENDPOINT',
      'CLOUD_CONTACTS_ALIBABA_CHATAPP_ENDPOINT',
    ]);
  });

  it.each(LANDED)('points $id at its emulator when the settings name no endpoint, and yields to the setting', async ({ id, sampleInput, emulatorSettings }) => {
    const make = (await factories[id]()) as (settings?: object) => { settings: { endpoint: string }; create(input: unknown): Promise<{ name: string }> };
    const emulator = await startEmulator(id);
    try {
      process.env[endpointVariable(id)] = emulator.endpoint;
      const extra = (new Function('emulator', `return ${emulatorSettings ?? '{}'}`) as (e: unknown) => object)(emulator);
      const provider = make({ credentials: emulator.credentials, ...extra });
      expect(provider.settings.endpoint).toBe(emulator.endpoint);
      const input = new Function(`return ${sampleInput}`)() as { name: string };
      expect((await provider.create(input)).name).toBe(input.name);
      expect(emulator.requests.length).toBeGreaterThan(0);
      expect(make({ endpoint: 'http://127.0.0.1:9', credentials: emulator.credentials, ...extra }).settings.endpoint).toBe('http://127.0.0.1:9');
    } finally {
      await emulator.close();
    }
  });

  it('refuses a value that is not a scheme, host and port, naming the variable', async () => {
    process.env[endpointVariable('tencent-cam')] = 'http://127.0.0.1:4010/path';
    const make = await factories['tencent-cam']();
    const error = configErrorOf(() => make());
    expect(error.issues?.[0]?.path).toBe('CLOUD_CONTACTS_TENCENT_CAM_ENDPOINT');
    expect(error.message).toContain('without a path');
  });
});
