/**
 * The mapping both ways: the seed's CreateContact example through the public API (the body sent
 * is the seed's, byte for byte), and the pure mapper's laws on generated contacts and patches.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactWebhooks, ContactWebhooksPatch } from '../../src/model/contact.js';
import {
  applyPatch,
  fromVmpContact,
  toCreateParams,
  toUpdateParams,
  toWebhookTestResult,
  writableOf,
} from '../../providers/volcengine-vmp/volcengine-vmp-mapper.js';
import type { VmpWritable } from '../../providers/volcengine-vmp/volcengine-vmp-mapper.js';
import { useEmulator } from '../support/use-emulator.js';
import { providerFor, SEED_BODY, SEED_BODY_TEXT, SEED_GROUP_ID, SEED_INPUT } from './volcengine-vmp-fixtures.js';

const emulator = useEmulator('volcengine-vmp');

describe("the seed's CreateContact example", () => {
  it('create with its neutral equivalent sends exactly its body, and get maps it back', async () => {
    emulator.addContactGroup('oncall-group', SEED_GROUP_ID);
    const vmp = providerFor(emulator);
    const created = await vmp.create(SEED_INPUT);
    const sent = emulator.requests.find((request) => request.action === 'CreateContact');
    expect(sent?.body).toBe(JSON.stringify(JSON.parse(SEED_BODY_TEXT)));
    expect(JSON.parse(sent?.body ?? '')).toEqual(SEED_BODY);
    expect(sent?.url).toBe('/?Action=CreateContact&Version=2021-03-03');
    const got = await vmp.get(created.id);
    expect(got).toMatchObject({ ...SEED_INPUT, id: created.id, status: 'pending-verification', verification: { email: 'pending' } });
    expect(got.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(created).toEqual(got);
  });
});

const text = () => fc.stringMatching(/^[a-z0-9*_-]{1,16}$/);
/** Secrets look like nothing else generated, so finding one in printed output means it leaked. */
const secret = fc.stringMatching(/^SECRET[0-9A-F]{10}$/);
const list = fc.uniqueArray(text(), { minLength: 1, maxLength: 3 });
const url = (host: string) => text().map((path) => `https://${host}/${path}`);
const webhooks: fc.Arbitrary<ContactWebhooks> = fc.record(
  {
    generic: fc.record({ url: url('hooks.example.com'), token: secret }, { requiredKeys: ['url'] }),
    lark: fc.record({ url: url('open.feishu.cn'), secret }, { requiredKeys: ['url'] }),
    dingtalk: fc.record({ url: url('oapi.dingtalk.com'), secret, atMobiles: list, atUserIds: list }, { requiredKeys: ['url'] }),
    wecom: fc.record({ url: url('qyapi.weixin.qq.com'), atUserIds: list }, { requiredKeys: ['url'] }),
  },
  { requiredKeys: [] },
);
const writable: fc.Arbitrary<VmpWritable> = fc.record(
  {
    name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,20}$/),
    email: fc.emailAddress(),
    webhooks: webhooks.filter((hooks) => Object.keys(hooks).length > 0),
    groupIds: fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ['name'] },
);

describe('the mapper', () => {
  it('reads back what it writes: a contact VMP shows with all four channels maps to the contact that was sent', () => {
    fc.assert(
      fc.property(writable, (contact) => {
        const shown = { ...toUpdateParams('e28ae750-bbb8-4ff4-abf4-1e0e0f88808c', contact), EmailActive: false };
        expect(writableOf(shown)).toEqual(contact);
        // CreateContact sends the same values, only without the empty ones.
        const create = toCreateParams(contact);
        expect(Object.keys(create).every((key) => key in shown)).toBe(true);
        expect(writableOf({ Id: 'x', ...create })).toEqual(contact);
      }),
      { numRuns: 200 },
    );
  });

  it('applies a patch without dropping the webhooks it does not name; null removes one kind', () => {
    const patchOf = fc.record(
      {
        email: fc.option(fc.emailAddress(), { nil: null }),
        webhooks: fc.record(
          { generic: fc.option(webhooks.map((h) => h.generic).filter((h) => h !== undefined), { nil: null }), lark: fc.constant(null), wecom: fc.option(fc.record({ url: url('qyapi.weixin.qq.com') }), { nil: null }) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(writable, patchOf, (contact, patch) => {
        const next = applyPatch(contact, patch);
        for (const kind of ['generic', 'lark', 'dingtalk', 'wecom'] as const) {
          const change = (patch.webhooks as ContactWebhooksPatch | undefined)?.[kind];
          if (change === undefined) expect(next.webhooks?.[kind]).toEqual(contact.webhooks?.[kind]);
          else if (change === null) expect(next.webhooks?.[kind]).toBeUndefined();
          else expect(next.webhooks?.[kind]).toEqual(change);
        }
        expect(next.email).toEqual(patch.email === undefined ? contact.email : (patch.email ?? undefined));
        expect(next.groupIds).toEqual(contact.groupIds);
        // UpdateContact always carries all four channel objects.
        expect(Object.keys(toUpdateParams('id', next)).sort()).toEqual(['ContactGroupIds', 'DingTalkBotWebhook', 'Email', 'Id', 'LarkBotWebhook', 'Name', 'WeComBotWebhook', 'Webhook']);
      }),
      { numRuns: 200 },
    );
  });

  it('never prints a webhook secret or token', () => {
    fc.assert(
      fc.property(writable, (contact) => {
        const mapped = fromVmpContact({ ...toUpdateParams('e28ae750-bbb8-4ff4-abf4-1e0e0f88808c', contact), EmailActive: true });
        const printed = [JSON.stringify(mapped), inspect(mapped, { depth: 10 })];
        const secrets = [contact.webhooks?.generic?.token, contact.webhooks?.lark?.secret, contact.webhooks?.dingtalk?.secret].filter((s): s is string => s !== undefined);
        for (const secret of secrets) for (const out of printed) expect(out).not.toContain(secret);
        expect(mapped.webhooks).toEqual(contact.webhooks);
      }),
      { numRuns: 100 },
    );
  });

  it('calls a webhook test delivered only for a 2xx with platform code 0 and no error', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 599 }),
        fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (status, code, error) => {
          const result = toWebhookTestResult('dingtalk', { StatusCode: status, DingTalkCode: code, DingTalkMessage: 'm', ErrorMessage: error });
          expect(result.delivered).toBe(status >= 200 && status < 300 && (code === undefined || code === 0) && (error === undefined || error === ''));
        },
      ),
    );
  });
});
