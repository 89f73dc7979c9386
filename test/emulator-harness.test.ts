import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isContactError } from '../src/errors/errors.js';
import { startEmulatorServer } from '../src/testing/emulator-server.js';
import type { Emulator } from '../src/testing/emulator-types.js';
import { startEmulator, startEmulators } from '../providers/testing.js';
import { PROVIDER_IDS } from '../src/model/contact.js';
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

  it('shows the faults not used yet, and clearFaults() drops them and nothing else', async () => {
    const { emulator, provider } = await fake();
    const created = await provider.create({ name: 'ops' });
    emulator.failNext({ kind: 'hang', action: 'GetContact', times: 5 });
    emulator.failNext({ kind: 'reset' });
    expect(emulator.pendingFaults).toEqual([
      { kind: 'hang', action: 'GetContact', times: 5 },
      { kind: 'reset', times: 1 },
    ]);
    expect(await codeOf(provider.list().all())).toBe('network');
    expect(emulator.pendingFaults).toEqual([{ kind: 'hang', action: 'GetContact', times: 5 }]);
    const before = emulator.requests.length;
    emulator.clearFaults();
    expect(emulator.pendingFaults).toEqual([]);
    expect(await codeOf(provider.get(created.id))).toBe('ok');
    expect(emulator.requests.length).toBe(before + 1);
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

describe('the emulator harness refuses what a vendor gateway refuses', () => {
  const raw = (emulator: Emulator, options: { method?: string; path?: string; body?: Buffer | string; headers?: Record<string, string> }) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(emulator.endpoint);
      const req = request({ host: url.hostname, port: url.port, method: options.method ?? 'POST', path: options.path ?? '/', headers: options.headers ?? {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(options.body);
    });

  it('refuses a fault it does not know, loudly, instead of injecting nothing', async () => {
    const { emulator } = await fake();
    for (const fault of [{ kind: 'nonsense' }, { kind: 'constructor' }, { kind: 'toString' }, { kind: 'http-status' }, { kind: 'delay', ms: -1 }, { kind: 'reset', times: 0 }, { kind: 'reset', code: 'X' }, null]) {
      let caught: unknown;
      try {
        emulator.failNext(fault as never);
      } catch (error) {
        caught = error;
      }
      expect(isContactError(caught, 'invalid-input')).toBe(true);
    }
  });

  it('an http-status fault answers the page of that status', async () => {
    const { emulator, provider } = await fake();
    emulator.failNext({ kind: 'http-status', status: 503 });
    const error = await provider.list().all().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', vendor: { httpStatus: 503 } });
    expect((error as Error).message).toContain('503 Service Unavailable');
    expect((error as Error).message).not.toContain('502');
  });

  it("answers a URL it cannot parse in the vendor's error format", async () => {
    const { emulator } = await fake();
    const answer = await raw(emulator, { path: '//[bad' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ Code: 'Invalid.Request' });
  });

  it('refuses a body over the gateway limit with 413, keeping none of it', async () => {
    const { emulator } = await fake();
    const answer = await raw(emulator, { body: Buffer.alloc(20 * 1024 * 1024, 'a'), headers: { 'x-fake-action': 'CreateContact' } });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('413 Payload Too Large');
    expect(emulator.requests.at(-1)?.body).toBe('');
  });
});

describe('startEmulator / startEmulators', () => {
  it('refuses unknown providers clearly, from plain JavaScript too', async () => {
    await expect(startEmulator('nope' as 'tencent-cam')).rejects.toMatchObject({ code: 'invalid-config', message: expect.stringContaining('known: tencent-cam') });
    await expect(startEmulator('constructor' as 'tencent-cam')).rejects.toMatchObject({ code: 'invalid-config' });
  });

  it('starts every emulator on its own port, and one close() stops them all', async () => {
    const { emulators, close } = await startEmulators();
    const endpoints = PROVIDER_IDS.map((id) => emulators[id].endpoint);
    expect(Object.keys(emulators).sort()).toEqual([...PROVIDER_IDS].sort());
    expect(new Set(endpoints).size).toBe(PROVIDER_IDS.length);
    await close();
    for (const endpoint of endpoints) await expect(fetch(endpoint)).rejects.toThrow();
  });
});
