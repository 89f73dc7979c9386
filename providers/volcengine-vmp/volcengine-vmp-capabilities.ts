import type { Capabilities, FieldCapability } from '../../src/contract/provider.js';

const unsupported = (rule: string) => ({ support: 'unsupported', rule }) as const satisfies FieldCapability;

/**
 * A VMP name: letters, Chinese characters, digits, `-` and `_`, starting with a letter or a
 * Chinese character, under 128 characters (the documented rule, read as a pattern).
 */
const VMP_NAME_PATTERN = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5_-]*$/;

/** The rule of contact and group names, in words. */
const VMP_NAME_RULE = 'under 128 letters, Chinese characters, digits, - or _, starting with a letter or Chinese character';

/**
 * What Volcengine VMP alert contacts support, as data: the single source of validation before
 * any request and of the README's capability matrix.
 *
 * @remarks VMP publishes no request rates for these APIs (UNCONFIRMED): 20 per second per action,
 * the usual Volcengine OpenAPI limit, is assumed.
 */
export const volcengineVmpCapabilities = {
  provider: 'volcengine-vmp',
  api: 'Volcengine VMP 2021-03-03 (POST JSON, HMAC-SHA256)',
  id: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    rule: 'a VMP contact id (a UUID)',
    example: 'e28ae750-bbb8-4ff4-abf4-1e0e0f88808c',
  },
  operations: {
    create: { support: 'native', vendorOperations: ['CreateContact'], note: 'a contact with an email is pending until its owner confirms the message VMP sends' },
    get: { support: 'native', vendorOperations: ['GetContact', 'ListContacts'], note: 'falls back to ListContacts filtered by id where GetContact is not offered' },
    update: {
      support: 'emulated',
      vendorOperations: ['GetContact', 'UpdateContact'],
      note: 'UpdateContact replaces every channel, so the contact is read and the patch applied to it: webhooks the patch does not name are kept',
    },
    delete: { support: 'native', vendorOperations: ['DeleteContacts'], note: 'an id the vendor reports unsuccessful is that item\'s error (not-found), never a success' },
    list: { support: 'native', vendorOperations: ['ListContacts'], note: 'filter with { name, email } (the vendor matches parts of them)' },
    findByName: { support: 'native', vendorOperations: ['ListContacts'], note: 'Filter.Name matches parts of names: the exact name is picked from the matches' },
    sendVerification: {
      support: 'native',
      vendorOperations: ['SendValidationMessage', 'TestWebhook', 'TestLarkBotWebhook', 'TestDingTalkBotWebhook', 'TestWeComBotWebhook'],
      note: "'webhook' tests each webhook of the contact and reports each bot's own answer",
    },
  },
  fields: {
    name: { support: 'required', maxLength: 127, pattern: VMP_NAME_PATTERN, rule: VMP_NAME_RULE, note: 'unique in the account' },
    email: { support: 'optional', note: 'active once its owner confirms the message VMP sends' },
    phone: unsupported('the documented VMP API has no phone channel'),
    title: unsupported('VMP contacts have no title'),
    messageTypes: unsupported('VMP contacts receive what their notify policies send'),
    remark: unsupported('VMP contacts have no remark'),
    'webhooks.generic': { support: 'optional', note: 'Webhook: Address and Token' },
    'webhooks.lark': { support: 'optional', note: 'LarkBotWebhook: Address and SecretKey' },
    'webhooks.dingtalk': { support: 'optional', note: 'DingTalkBotWebhook: Address, SecretKey, AtMobiles, AtUserIds' },
    'webhooks.wecom': { support: 'optional', note: 'WeComBotWebhook: Address and AtUserIds' },
    groupIds: { support: 'optional', note: 'contact group ids; the groups are managed with createGroup and the other group methods' },
  },
  verificationChannels: ['email', 'webhook'],
  pageSize: { default: 100, max: 100 },
  rateLimits: [{ operations: ['*'], perSecond: 20 }],
  quotas: [],
} as const satisfies Capabilities;
