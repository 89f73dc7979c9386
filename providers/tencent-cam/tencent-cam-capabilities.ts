import type { Capabilities } from '../../src/contract/provider.js';

const UPDATE_NOTE =
  'CAM has no API to change a message receiver: replacing it (delete, then create) is the only way, and each create uses one of the 10 CreateMessageReceiver calls allowed per account per day';

/**
 * What Tencent Cloud CAM message receivers support, as data: the source of validation and of
 * the README's capability matrix.
 */
export const tencentCamCapabilities = {
  provider: 'tencent-cam',
  api: 'Tencent Cloud CAM 2019-01-16',
  id: { pattern: /^\d{1,20}$/, rule: 'a CAM receiver Uid (digits)', example: '100012345' },
  operations: {
    create: {
      support: 'native',
      vendorOperations: ['CreateMessageReceiver', 'ListReceiver'],
      note: 'CreateMessageReceiver returns no id, so the new receiver is looked up by name',
    },
    get: { support: 'emulated', vendorOperations: ['ListReceiver'], note: 'pages through ListReceiver for the Uid' },
    update: { support: 'unsupported', vendorOperations: [], note: UPDATE_NOTE },
    delete: { support: 'emulated', vendorOperations: ['ListReceiver', 'DeleteMessageReceiver'], note: 'CAM deletes by name: the name is resolved from the Uid first' },
    list: { support: 'native', vendorOperations: ['ListReceiver'] },
    findByName: { support: 'emulated', vendorOperations: ['ListReceiver'], note: 'pages through ListReceiver for the name' },
    sendVerification: {
      support: 'unsupported',
      vendorOperations: [],
      note: 'CAM has no API to send a verification message; the receiver confirms from the message CAM sends on creation, or an administrator resends it in the console',
    },
  },
  fields: {
    name: { support: 'required', maxLength: 64, rule: 'at most 64 characters', note: "unique among the account's sub-users and receivers", updatable: false },
    email: { support: 'required', masked: true, updatable: false, note: 'returned masked (2054****@qq.com)' },
    phone: { support: 'required', masked: true, updatable: false, note: 'sent as CountryCode + PhoneNumber; returned masked (+86 186****3509)' },
    remark: { support: 'optional', maxLength: 255, updatable: false },
    title: { support: 'unsupported', rule: 'CAM receivers have no title' },
    messageTypes: { support: 'unsupported', rule: 'subscriptions are set in the CAM console, not by API' },
    'webhooks.generic': { support: 'unsupported', rule: 'CAM receivers have no webhooks' },
    'webhooks.lark': { support: 'unsupported', rule: 'CAM receivers have no webhooks' },
    'webhooks.dingtalk': { support: 'unsupported', rule: 'CAM receivers have no webhooks' },
    'webhooks.wecom': { support: 'unsupported', rule: 'CAM receivers have no webhooks' },
    groupIds: { support: 'unsupported', rule: 'CAM receivers have no groups' },
  },
  verificationChannels: [],
  pageSize: { default: 50, max: 100 },
  rateLimits: [{ operations: ['CreateMessageReceiver', 'ListReceiver', 'DeleteMessageReceiver'], perSecond: 20 }],
  quotas: [
    { id: 'createsPerDay', name: 'CreateMessageReceiver calls per account per day', limit: 10, period: 'day', vendorCode: 'LimitExceeded.Uin', action: 'CreateMessageReceiver' },
    { name: 'message receivers per account', limit: 'unknown', period: 'total', vendorCode: 'InvalidParameter.ReceiverOverLimit' },
  ],
} as const satisfies Capabilities;
