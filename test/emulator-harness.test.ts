import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isContactError } from '../src/errors.js';
import { startEmulatorServer } from '../src/testing/emulator-server.js';
import type { Emulator } from '../src/testing/emulator-types.js';
import { availableEmulators, startEmulator, startEmulators } from '../providers/testing.js';
import { createFakeProtocol } from './fake/fake-emulator.js';
import { fakeProvider } from './fake/fake-provider.js';

const started: Emulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});
async function fake(options: Parameters<typeof startEmulatorServer>[1] = {}) {
  const emulator = await startEmulatorServer(createFakeProtocol(), { rateLimit: false, ...options });
  started.push(emulator);
  return { emulator, provider: fakeProvider({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false }) };
}
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (isContactError(error) ? error.code : String(error)));

describe('the emulator harness', () => {
  it('listens on 127.0.0.1 and records each request as received', async () => {
    const { emulator, provider } = await fake();
    expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await provider.create({ name: 'ops', email: 'ops@example.com' });
    expect(emulator.requests).toEqual([
      expect.objectContaining({ action: 'CreateContact', method: 'POST', url: '/', body: '{"Name":"ops","Email":"ops@example.com"}', headers: expect.objectContaining({ 'x-fake-action': 'CreateContact' }) }),
    ]);
  });

  it('applies faults only to the named action, for the given number of times, in order', async () => {
    const { emulator, provider } = await fake();
    const created = await provider.create({ name: 'ops' });
    emulator.failNext({ kind: 'vendor-error', code: 'Internal', action: 'GetContact', times: 2 });
    emulator.failNext({ kind: 'vendor-error', code: 'Forbidden' });
    expect(await codeOf(provider.list().all())).toBe('permission-denied');
    expect(await codeOf(provider.get(created.id))).toBe('unavailable');
    expect(await codeOf(provider.get(created.id))).toBe('unavailable');
    expect(await codeOf(provider.get(created.id))).toBe('ok');
  });

  it('a reset-after-apply fault makes the change and then drops the connection', async () => {
    const { emulator, provider } = await fake();
    const created = await provider.create({ name: 'ops' });
    emulator.failNext({ kind: 'reset-after-apply', action: 'DeleteContact' });
    expect(await codeOf(provider.delete(created.id))).toBe('network');
    expect(await codeOf(provider.get(created.id))).toBe('not-found');
  });

  it('reset() forgets contacts, requests and queued faults', async () => {
    const { emulator, provider } = await fake();
    await provider.create({ name: 'ops' });
    emulator.failNext({ kind: 'reset' });
    emulator.reset();
    expect(emulator.requests).toHaveLength(0);
    expect(await provider.list().all()).toEqual([]);
  });

  it('counts quotas, overridable by name, and refuses unknown quota names and bad ports', async () => {
    const { provider } = await fake({ quotas: { contacts: 1 } });
    await provider.create({ name: 'one' });
    expect(await codeOf(provider.create({ name: 'two' }))).toBe('quota-exceeded');
    await expect(startEmulatorServer(createFakeProtocol(), { quotas: { contact: 1 } })).rejects.toMatchObject({ code: 'invalid-config', message: expect.stringMatching(/known: contacts/) });
    await expect(startEmulatorServer(createFakeProtocol(), { port: 70_000 })).rejects.toMatchObject({ code: 'invalid-config' });
  });

  it('closes promptly with a hanging request open, and leaves no server or socket behind', async () => {
    const baseline = process.getActiveResourcesInfo().filter((kind) => kind.startsWith('TCP')).length;
    const emulator = await startEmulatorServer(createFakeProtocol());
    emulator.failNext({ kind: 'hang' });
    const outcome = new Promise<string>((resolve) => {
      const req = request(`${emulator.endpoint}/`, { method: 'POST', agent: false }, () => resolve('answered'));
      req.on('error', (error) => resolve(error.message));
      req.end('{}');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await emulator.close();
    expect(await outcome).toMatch(/socket hang up|ECONNRESET/);
    // Handles are released on a later tick; wait for it rather than guess a delay.
    await vi.waitFor(() => expect(process.getActiveResourcesInfo().filter((kind) => kind.startsWith('TCP')).length).toBeLessThanOrEqual(baseline), { timeout: 2_000 });
  });

  it('serves on a given port', async () => {
    const probe = await startEmulatorServer(createFakeProtocol());
    const port = Number(new URL(probe.endpoint).port);
    await probe.close();
    const { emulator } = await fake({ port });
    expect(emulator.endpoint).toBe(`http://127.0.0.1:${port}`);
  });
});

describe('startEmulator / startEmulators', () => {
  it('refuses unknown providers, and providers whose emulator has not landed, clearly', async () => {
    await expect(startEmulator('nope' as 'tencent-cam')).rejects.toMatchObject({ code: 'invalid-config' });
    const missing = (['volcengine-vmp', 'alibaba-chatapp', 'alibaba-resource-directory'] as const).find((id) => !(availableEmulators() as string[]).includes(id));
    if (missing !== undefined) await expect(startEmulator(missing)).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('starts every available emulator on its own port, and closes them all', async () => {
    const emulators = await startEmulators();
    try {
      const endpoints = availableEmulators().map((id) => emulators[id]?.endpoint);
      expect(endpoints.length).toBeGreaterThan(0);
      expect(new Set(endpoints).size).toBe(endpoints.length);
    } finally {
      await emulators.close();
    }
  });
});
