/**
 * The vendor's own Node client, `@volcengine/openapi`'s `Service`, set up as a user would for the
 * real gateway except for where it points: proof that the emulator speaks VMP's protocol.
 */
import { Service } from '@volcengine/openapi';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../providers/testing.js';
import type { VolcengineVmpEmulator } from '../../providers/testing.js';
import { useEmulator } from '../support/use-emulator.js';
import { SEED_BODY, SEED_GROUP_ID } from './volcengine-vmp-fixtures.js';

const emulator = useEmulator('volcengine-vmp');

/** The client as the reference shows it; vitest clears http_proxy, which axios would otherwise use even for 127.0.0.1. */
function vmpService(target: VolcengineVmpEmulator, secretKey = target.credentials.accessKeySecret, accessKeyId = target.credentials.accessKeyId) {
  const service = new Service({ serviceName: 'vmp', region: 'cn-beijing', defaultVersion: '2021-03-03', host: new URL(target.endpoint).host, protocol: 'http:', accessKeyId, secretKey });
  const api = (action: string) => service.createJSONAPI(action, { Version: '2021-03-03' });
  return { create: api('CreateContact'), list: api('ListContacts'), remove: api('DeleteContacts') };
}

describe('the official @volcengine/openapi Service against the VMP emulator', () => {
  it("creates the seed's contact with its full body, lists it and deletes it", async () => {
    emulator.addContactGroup('oncall-group', SEED_GROUP_ID);
    const vmp = vmpService(emulator);
    const created = await vmp.create(SEED_BODY);
    expect(created.ResponseMetadata).toMatchObject({ Action: 'CreateContact', Version: '2021-03-03', Service: 'vmp', Region: 'cn-beijing', RequestId: expect.any(String) });
    expect(created.ResponseMetadata.Error).toBeUndefined();
    const id = (created.Result as { Id: string; SendStatus: string }).Id;
    expect(created.Result).toEqual({ Id: expect.stringMatching(/^[0-9a-f-]{36}$/), SendStatus: 'MessageSucceed.Email', Message: '' });
    expect(String(emulator.requests[0]?.headers['authorization'])).toContain('SignedHeaders=x-content-sha256;x-date,');

    const listed = await vmp.list({ PageNumber: 1, PageSize: 10, Filter: { Name: 'user' } });
    expect(listed.Result).toMatchObject({ Total: 1 });
    const { CreateTime, ...item } = (listed.Result as { Items: Array<Record<string, unknown>> }).Items[0]!;
    expect(CreateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(item).toEqual({ Id: id, EmailActive: false, ...SEED_BODY });

    const deleted = await vmp.remove({ Ids: [id, 'abc'] });
    expect(deleted.Result).toEqual({
      SuccessfulItems: [id],
      UnsuccessfulItems: [{ Id: 'abc', Error: { Code: 'NotFound.Ids', Message: 'The specified Contact abc is not found.', Data: {} } }],
    });
    expect((await vmp.list({})).Result).toEqual({ Total: 0, Items: [] });
  });

  it('shows every channel object, with an empty Address where none is set', async () => {
    const vmp = vmpService(emulator);
    await vmp.create({ Name: 'plain' });
    const [item] = ((await vmp.list({})).Result as { Items: Array<Record<string, unknown>> }).Items;
    expect(item).toMatchObject({
      Email: '',
      Webhook: { Address: '', Token: '' },
      LarkBotWebhook: { Address: '', SecretKey: '' },
      DingTalkBotWebhook: { Address: '', SecretKey: '', AtMobiles: [], AtUserIds: [] },
      WeComBotWebhook: { Address: '', AtUserIds: [] },
      ContactGroupIds: [],
    });
  });

  it("answers errors in ResponseMetadata.Error with the vendor's statuses, which the client resolves with", async () => {
    const vmp = vmpService(emulator);
    await vmp.create({ Name: 'taken' });
    const again = await vmp.create({ Name: 'taken' });
    expect(again.ResponseMetadata.Error).toMatchObject({ Code: 'Conflict.Name' });
    expect(again).not.toHaveProperty('Result');
    expect((await vmp.create({ Name: '9lives' })).ResponseMetadata.Error).toMatchObject({ Code: 'InvalidParameter.Name' });
    expect((await vmp.create({ Name: 'orphan', LarkBotWebhook: { SecretKey: 'abc' } })).ResponseMetadata.Error).toMatchObject({ Code: 'MissingParameter.LarkBotWebhook.Address' });
  });

  it('refuses a wrong secret, an unknown key and a stale X-Date with the gateway codes', async () => {
    const wrong = await vmpService(emulator, 'not-the-secret').list({});
    expect(wrong.ResponseMetadata.Error).toMatchObject({ Code: 'SignatureDoesNotMatch', CodeN: 100010 });
    const unknown = await vmpService(emulator, emulator.credentials.accessKeySecret, 'AKLTnobody').list({});
    expect(unknown.ResponseMetadata.Error).toMatchObject({ Code: 'InvalidAccessKey', CodeN: 100009 });
    const later = await startEmulator('volcengine-vmp', { now: () => new Date(Date.now() + 20 * 60_000) });
    try {
      expect((await vmpService(later).list({})).ResponseMetadata.Error).toMatchObject({ Code: 'InvalidTimestamp' });
    } finally {
      await later.close();
    }
    expect(emulator.requests.map((r) => r.action)).toEqual(['ListContacts', 'ListContacts']);
  });
});
