/** Shared fixtures of the VMP tests: the seed's CreateContact example and a provider on the emulator. */
import { volcengineVmp } from '../../providers/volcengine-vmp/index.js';
import type { VolcengineVmpContactInput, VolcengineVmpSettings } from '../../providers/volcengine-vmp/index.js';
import type { VolcengineVmpEmulator } from '../../providers/testing.js';

/** The group id of the seed's example. */
export const SEED_GROUP_ID = 'e28ae750-bbb8-4ff4-abf4-1e0e0f88808c';

/** The CreateContact body of the seed (shared/seeds/002), exactly as the vendor's documentation prints it. */
export const SEED_BODY_TEXT =
  '{ "Name": "user-demo", "Email": "user-demo@example.com", "Webhook": { "Token": "3KSxxx", "Address": "https://www.bytedance.com/" }, "ContactGroupIds": [ "e28ae750-bbb8-4ff4-abf4-1e0e0f88808c" ], "LarkBotWebhook": { "Address": "https://open.feishu.cn/open-apis/bot/v2/hook/***", "SecretKey": "6KKxxx" }, "DingTalkBotWebhook": { "Address": "https://oapi.dingtalk.com/robot/send?access_token=***", "AtMobiles": [ "133********" ], "AtUserIds": [ "********" ], "SecretKey": "SECxxx" }, "WeComBotWebhook": { "Address": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=xxxxxxx", "AtUserIds": [ "********" ] } }';

/** The seed's body as an object. */
export const SEED_BODY = JSON.parse(SEED_BODY_TEXT) as Record<string, unknown>;

/** The neutral equivalent of the seed. */
export const SEED_INPUT: VolcengineVmpContactInput = {
  name: 'user-demo',
  email: 'user-demo@example.com',
  webhooks: {
    generic: { url: 'https://www.bytedance.com/', token: '3KSxxx' },
    lark: { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/***', secret: '6KKxxx' },
    dingtalk: { url: 'https://oapi.dingtalk.com/robot/send?access_token=***', secret: 'SECxxx', atMobiles: ['133********'], atUserIds: ['********'] },
    wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=xxxxxxx', atUserIds: ['********'] },
  },
  groupIds: [SEED_GROUP_ID],
};

/** A provider on the emulator: no retries, no client rate limit, unless the settings say otherwise. */
export function providerFor(emulator: VolcengineVmpEmulator, settings: VolcengineVmpSettings = {}) {
  return volcengineVmp({ endpoint: emulator.endpoint, credentials: emulator.credentials, maxRetries: 0, rateLimit: false, ...settings });
}
