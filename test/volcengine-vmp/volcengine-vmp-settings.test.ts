/**
 * Settings (credentials from the environment, region, endpoint, agent) and secrets: no access key
 * secret, session token, signature or webhook secret in any error, event, printed provider or
 * printed contact.
 */
import { cleanCredentialEnvironment, NOTHING_LISTENS } from '../support/credential-environment.js';
import { Agent } from 'node:http';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactEvent } from '../../src/contract/events.js';
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import { configErrorOf } from '../support/config-error.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';
import { providerFor } from './volcengine-vmp-fixtures.js';

const emulator = useEmulator('volcengine-vmp');
afterEach(() => vi.unstubAllEnvs());

const configError = (settings: unknown) => configErrorOf(() => volcengineVmp(settings as never));

describe('settings', () => {
  it('reads VOLCENGINE_ACCESS_KEY / VOLCENGINE_SECRET_KEY, or the older VOLC_ACCESSKEY / VOLC_SECRETKEY, on the first call', async () => {
    for (const [id, secret] of [['VOLCENGINE_ACCESS_KEY', 'VOLCENGINE_SECRET_KEY'], ['VOLC_ACCESSKEY', 'VOLC_SECRETKEY']] as const) {
      vi.unstubAllEnvs();
      for (const name of ['VOLCENGINE_ACCESS_KEY', 'VOLCENGINE_SECRET_KEY', 'VOLC_ACCESSKEY', 'VOLC_SECRETKEY']) vi.stubEnv(name, '');
      const vmp = volcengineVmp({ endpoint: emulator.endpoint });
      vi.stubEnv(id, emulator.credentials.accessKeyId);
      vi.stubEnv(secret, emulator.credentials.accessKeySecret);
      expect(await vmp.list().all()).toEqual([]);
    }
  });

  it('names the variables when credentials are missing, and sends nothing', async () => {
    cleanCredentialEnvironment();
    const early = volcengineVmp({ endpoint: emulator.endpoint, metadataEndpoint: NOTHING_LISTENS });
    const missing = await expectContactError(early.get('00000000-0000-4000-8000-000000000000'), 'invalid-config');
    expect(missing.message).toMatch(/environment \(VOLCENGINE_ACCESS_KEY, VOLCENGINE_SECRET_KEY, VOLCENGINE_SESSION_TOKEN and their older names\)/);
    expect(emulator.requests).toHaveLength(0);
  });

  it('defaults to the global gateway and cn-beijing, signs the region it is given, and refuses typos', async () => {
    const credentials = { accessKeyId: 'AKLTEXAMPLE', accessKeySecret: 'EXAMPLEsecretEXAMPLE' };
    expect(volcengineVmp({ credentials }).settings).toMatchObject({ endpoint: 'https://open.volcengineapi.com', region: 'cn-beijing', rateLimit: 'documented', timeoutMs: 10_000, maxRetries: 2 });
    await providerFor(emulator, { region: 'cn-shanghai' }).list().all();
    expect(String(emulator.requests[0]?.headers['authorization'])).toMatch(/\/cn-shanghai\/vmp\/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=/);
    expect(configError({ credentials, regoin: 'cn-beijing' }).field).toBe('settings.regoin');
    expect(configError({ credentials, region: '' }).field).toBe('settings.region');
    expect(configError({ credentials, agent: {} }).field).toBe('settings.agent');
    expect(configError({ credentials, endpoint: 'http://127.0.0.1:4010/vmp' }).field).toBe('settings.endpoint');
  });

  it('sends through the agent it is given', async () => {
    const agent = new Agent({ keepAlive: true });
    const created = vi.spyOn(agent, 'createConnection');
    await providerFor(emulator, { agent }).list().all();
    expect(created).toHaveBeenCalledTimes(1);
    agent.destroy();
  });

  it("destroys an abandoned attempt's socket, and a pre-aborted call sends nothing", async () => {
    const agent = new Agent({ keepAlive: true });
    const sockets: Array<{ destroyed: boolean }> = [];
    const original = agent.createConnection.bind(agent);
    agent.createConnection = ((...args: Parameters<typeof original>) => {
      const socket = original(...args);
      if (socket) sockets.push(socket);
      return socket;
    }) as typeof agent.createConnection;
    const vmp = providerFor(emulator, { agent, timeoutMs: 100 });
    emulator.failNext({ kind: 'hang', action: 'GetContact' });
    await expectContactError(vmp.get('00000000-0000-4000-8000-000000000000'), 'timeout');
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.destroyed).toBe(true);
    const before = emulator.requests.length;
    await expectContactError(vmp.get('00000000-0000-4000-8000-000000000000', { signal: AbortSignal.abort() }), 'timeout');
    expect(emulator.requests.length).toBe(before);
    agent.destroy();
  });

  it('signs a session token as x-security-token', async () => {
    vi.stubEnv('VOLCENGINE_ACCESS_KEY', emulator.credentials.accessKeyId);
    vi.stubEnv('VOLCENGINE_SECRET_KEY', emulator.credentials.accessKeySecret);
    vi.stubEnv('VOLCENGINE_SESSION_TOKEN', 'STS2-session-token-000000');
    await volcengineVmp({ endpoint: emulator.endpoint, rateLimit: false }).list().all();
    expect(emulator.requests[0]?.headers).toMatchObject({ 'x-security-token': 'STS2-session-token-000000' });
    expect(String(emulator.requests[0]?.headers['authorization'])).toContain('SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token,');
  });
});

describe('secrets', () => {
  const token = 'STS2-session-token-CANARY-1';
  const secret = 'SECdingtalk-CANARY-secret-2';
  const hookToken = 'generic-CANARY-token-3';
  const larkSecret = 'lark-CANARY-secret-4';
  const canaries = [token, secret, hookToken, larkSecret, 'ding-CANARY-access-5'];

  it('appear in no error, event, printed provider or printed contact', async () => {
    const events: ContactEvent[] = [];
    const vmp = providerFor(emulator, {
      credentials: { ...emulator.credentials, securityToken: token },
      onEvent: (event) => events.push(event),
    });
    const contact = await vmp.create({
      name: 'canary',
      webhooks: {
        generic: { url: 'https://hooks.example.com/x', token: hookToken },
        lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', secret: larkSecret },
        dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=ding-CANARY-access-5', secret },
      },
    });
    expect(contact.webhooks?.dingtalk?.secret).toBe(secret);
    emulator.failNext({ kind: 'vendor-error', code: 'InvalidParameter.Webhook', message: `Token=${hookToken} SecretKey=${secret} is invalid` });
    const error = await expectContactError(vmp.update(contact.id, { name: 'renamed' }), 'invalid-input', { secrets: [...canaries, emulator.credentials.accessKeySecret] });
    expect(error.field).toBe('webhooks.generic');
    const wrong = providerFor(emulator, { credentials: { accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: 'wrong-CANARY-secret-6' } });
    await expectContactError(wrong.get(contact.id), 'unauthenticated', { secrets: ['wrong-CANARY-secret-6'] });
    const printed = [
      JSON.stringify(contact),
      inspect(contact, { depth: 10 }),
      JSON.stringify(await vmp.get(contact.id)),
      inspect(await vmp.list().all(), { depth: 10 }),
      JSON.stringify(events),
      JSON.stringify(vmp),
      inspect(vmp, { depth: 10 }),
    ];
    for (const text of printed) {
      for (const value of [...canaries, emulator.credentials.accessKeySecret]) expect(text).not.toContain(value);
      expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
    }
    expect(JSON.stringify(contact)).toContain('access_token=din***');
  });
});
