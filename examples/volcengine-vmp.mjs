// Volcengine VMP alert contacts and contact groups, end to end against the local VMP emulator.
// Run: npm run build && node examples/volcengine-vmp.mjs
import { isContactError } from 'cloud-contacts';
import { volcengineVmp } from 'cloud-contacts/volcengine-vmp';
import { startEmulator } from 'cloud-contacts/testing';

const emulator = await startEmulator('volcengine-vmp');
try {
  // Point the provider at the emulator; against the real cloud, omit endpoint and set
  // VOLCENGINE_ACCESS_KEY / VOLCENGINE_SECRET_KEY instead.
  const vmp = volcengineVmp({ endpoint: emulator.endpoint, credentials: emulator.credentials, region: 'cn-beijing' });
  console.log('provider:', vmp);

  const dingtalkUrl = 'https://oapi.dingtalk.com/robot/send?access_token=demo-token-123';
  const oncall = await vmp.create({
    name: 'oncall',
    email: 'oncall@example.com',
    webhooks: {
      lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/demo-hook-123', secret: 'lark-secret-123' },
      dingtalk: { url: dingtalkUrl, secret: 'SECdemo-secret-123', atMobiles: ['13900001234'] },
    },
  });
  console.log('created (webhook secrets print masked):', oncall);

  emulator.confirmEmail('oncall@example.com'); // the owner clicks the link in VMP's mail
  console.log('after the owner confirmed the email:', (await vmp.get(oncall.id)).status);

  const updated = await vmp.update(oncall.id, { webhooks: { wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo-key' } } });
  console.log('update added WeCom and kept the others:', Object.keys(updated.webhooks ?? {}).join(', '));

  emulator.setWebhookOutcome(dingtalkUrl, { code: 310000, message: 'keywords not in content' }); // the bot refuses
  const tested = await vmp.sendVerification(oncall.id, 'webhook');
  for (const hook of tested.webhooks ?? []) {
    console.log(`webhook test ${hook.kind}: ${hook.delivered ? 'delivered' : 'failed'} (HTTP ${hook.httpStatus}, code ${hook.platformCode ?? '-'} ${hook.platformMessage ?? ''})`);
  }

  const backup = await vmp.create({ name: 'backup', email: 'backup@example.com' });
  const group = await vmp.createGroup({ name: 'sre-team', contactIds: [oncall.id] });
  await vmp.addToGroup(group.id, [backup.id]);
  console.log(`group ${group.name}:`, (await vmp.getGroup(group.id)).contactIds.length, 'contacts; backup is in', (await vmp.get(backup.id)).groupIds);
  for await (const contact of vmp.list({ pageSize: 1 })) console.log(`listed: ${contact.name} ${contact.status}`);

  for (const attempt of [
    () => vmp.create({ name: 'oncall' }),
    () => vmp.create({ name: '1st-line' }),
    () => vmp.create({ name: 'pager', phone: '+8613900001234' }),
    () => vmp.sendVerification(backup.id, 'email'),
  ]) {
    try {
      await attempt();
    } catch (error) {
      if (!isContactError(error)) throw error;
      console.log(`refused (${error.code}${error.retryable ? ', retryable' : ''}): ${error.message}`);
    }
  }

  await vmp.delete(backup.id);
  console.log('deleted; remaining:', (await vmp.list().all()).map((contact) => contact.name), '; group now has', (await vmp.getGroup(group.id)).contactIds.length);
} finally {
  await emulator.close();
}
