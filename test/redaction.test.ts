import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { maskContactSecrets } from '../src/model/contact-printing.js';
import type { Contact } from '../src/model/contact.js';
import { Credentials, signingKeys } from '../src/credentials/credentials.js';
import { maskWebhookUrl, redactText } from '../src/util/redaction.js';

const DING_SECRET = 'SECcanary0123456789abcdef';
const DING_TOKEN = 'dingcanarytoken0123456789';
const LARK_SECRET = 'larkcanarysecret0123';
const LARK_HOOK = 'larkcanaryhookid-0123-4567';
const WECOM_KEY = 'wecomcanarykey0123456789';
const GENERIC_TOKEN = 'genericcanarytoken012345';

function contactWithWebhooks(): Contact {
  return maskContactSecrets({
    provider: 'volcengine-vmp',
    id: 'c-1',
    name: 'ops',
    status: 'active',
    webhooks: {
      dingtalk: { url: `https://oapi.dingtalk.com/robot/send?access_token=${DING_TOKEN}`, secret: DING_SECRET, atMobiles: ['13900001234'] },
      lark: { url: `https://open.feishu.cn/open-apis/bot/v2/hook/${LARK_HOOK}`, secret: LARK_SECRET },
      wecom: { url: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}` },
      generic: { url: 'https://hooks.example.com/alert', token: GENERIC_TOKEN },
    },
  });
}
const canaries = [DING_SECRET, DING_TOKEN, LARK_SECRET, LARK_HOOK, WECOM_KEY, GENERIC_TOKEN];

describe('contacts holding webhook secrets', () => {
  it('print masked in util.inspect, console.log formatting and JSON.stringify', () => {
    const contact = contactWithWebhooks();
    const outputs = [inspect(contact, { depth: 10 }), inspect(contact, { depth: 10, showHidden: true }), JSON.stringify(contact), JSON.stringify({ wrapped: [contact] })];
    for (const output of outputs) for (const canary of canaries) expect(output).not.toContain(canary);
    expect(JSON.parse(JSON.stringify(contact)).webhooks.dingtalk).toEqual({
      url: 'https://oapi.dingtalk.com/robot/send?access_token=din***',
      secret: 'SEC***',
      atMobiles: ['13900001234'],
    });
    expect(inspect(contact, { depth: 10 })).toContain("secret: 'SEC***'");
  });

  it('still hold the real values for code that needs them', () => {
    const contact = contactWithWebhooks();
    expect(contact.webhooks?.dingtalk?.secret).toBe(DING_SECRET);
    expect(contact.webhooks?.generic?.token).toBe(GENERIC_TOKEN);
    expect(contact.webhooks?.lark?.url).toContain(LARK_HOOK);
    expect(Object.keys(contact.webhooks?.dingtalk ?? {})).toEqual(['url', 'secret', 'atMobiles']);
  });
});

describe('credentials', () => {
  const canary = 'CANARYsecretValue-0123456789';
  const token = 'CANARYtoken-abcdefghijkl';

  it('never print the secret or token, show only the start of the key id, and offer no way to read them', () => {
    const credentials = new Credentials({ accessKeyId: 'LTAI5tABCDEFGH', accessKeySecret: canary, securityToken: token }, 'profile prod', new Date('2026-01-01T00:00:00Z'));
    for (const output of [inspect(credentials, { showHidden: true, depth: 5 }), JSON.stringify(credentials), JSON.stringify({ ...credentials }), String(Object.values(credentials))]) {
      expect(output).not.toContain(canary);
      expect(output).not.toContain(token);
      expect(output).not.toContain('LTAI5tABCDEFGH');
    }
    expect(JSON.parse(JSON.stringify(credentials))).toEqual({ source: 'profile prod', accessKeyId: 'LTA***', accessKeySecret: '[redacted]', securityToken: '[redacted]', expiration: '2026-01-01T00:00:00.000Z' });
    // Nothing a REPL's tab completion lists returns a secret: only the signing code's internal function does.
    const reachable = [...Object.getOwnPropertyNames(credentials), ...Object.getOwnPropertyNames(Object.getPrototypeOf(credentials))];
    for (const name of reachable) {
      const value: unknown = (credentials as unknown as Record<string, unknown>)[name];
      const result = typeof value === 'function' && name !== 'constructor' ? (value as () => unknown).call(credentials) : value;
      expect(JSON.stringify(result) ?? '').not.toContain(canary);
    }
    expect(signingKeys(credentials).accessKeySecret).toBe(canary);
  });
});

describe('text scrubbing', () => {
  it('removes known secret values and signature material', () => {
    const text = redactText(
      'GET /?AccessKeyId=AK&Signature=Zm9v%3D&SecurityToken=tok123 Authorization: TC3-HMAC-SHA256 Credential=AKID/2026, Signature=abc mysecretvalue',
      ['mysecretvalue'],
    );
    expect(text).not.toMatch(/Zm9v|tok123|AKID|abc|mysecretvalue/);
  });

  it('masks credentials in webhook URLs and leaves other text alone', () => {
    expect(maskWebhookUrl('https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/012***');
    expect(maskWebhookUrl('https://hooks.example.com/alert?team=ops')).toBe('https://hooks.example.com/alert?team=ops');
    expect(maskWebhookUrl('not a url')).toBe('not a url');
  });
});
