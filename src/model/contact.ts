/** The four clouds cloud-contacts speaks to, as data for iteration. */
export const PROVIDER_IDS = [
  'tencent-cam',
  'alibaba-resource-directory',
  'volcengine-vmp',
  'alibaba-chatapp',
] as const;

/** Which cloud (and which product) a contact lives in. */
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** A contact's role, as Alibaba Cloud's message contacts define it. */
export const CONTACT_TITLES = [
  'FinanceDirector',
  'TechnicalDirector',
  'MaintenanceDirector',
  'CEO',
  'ProjectDirector',
  'Other',
] as const;

/** A contact's role. */
export type ContactTitle = (typeof CONTACT_TITLES)[number];

/** The categories of platform messages a contact can receive. */
export const MESSAGE_TYPES = [
  'ServiceMessage',
  'FaultMessage',
  'AccountExpenses',
  'SecurityMessage',
  'ActivityMessage',
  'ProductMessage',
] as const;

/** A category of platform messages. */
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Whether the owner of an email address or phone number has confirmed it. */
export type VerificationState = 'verified' | 'pending' | 'unverified';

/** Where a contact is in its vendor lifecycle. */
export type ContactStatus = 'active' | 'pending-verification' | 'deleting' | 'inactive' | 'unknown';

/** A generic HTTP webhook; `token` is a secret and prints masked. */
export interface GenericWebhook {
  /** The http(s) URL the platform posts to. */
  url: string;
  /** Authentication token sent with each call (a secret). */
  token?: string;
}

/** A Lark (Feishu) group-bot webhook; `secret` is the signing key and prints masked. */
export interface LarkWebhook {
  /** The bot's hook URL. */
  url: string;
  /** The bot's signing secret. */
  secret?: string;
}

/** A DingTalk group-bot webhook; `secret` is the signing key (`SEC...`) and prints masked. */
export interface DingTalkWebhook {
  /** The bot's `robot/send?access_token=...` URL. */
  url: string;
  /** The bot's signing secret. */
  secret?: string;
  /** Mobile numbers to @-mention. */
  atMobiles?: string[];
  /** User ids to @-mention. */
  atUserIds?: string[];
}

/** A WeCom (WeChat Work) group-bot webhook. */
export interface WeComWebhook {
  /** The bot's `webhook/send?key=...` URL. */
  url: string;
  /** User ids to @-mention. */
  atUserIds?: string[];
}

/** The chat-bot and HTTP webhooks a contact can be reached on. */
export interface ContactWebhooks {
  /** A generic HTTP webhook. */
  generic?: GenericWebhook;
  /** A Lark (Feishu) bot. */
  lark?: LarkWebhook;
  /** A DingTalk bot. */
  dingtalk?: DingTalkWebhook;
  /** A WeCom bot. */
  wecom?: WeComWebhook;
}

/** How far the email address and phone number of a contact are verified. */
export interface ContactVerification {
  /** The email address's state. */
  email?: VerificationState;
  /** The phone number's state. */
  phone?: VerificationState;
}

/**
 * A notification contact as it exists in one cloud.
 *
 * @typeParam Details - the provider-specific fields; every provider of this package types them
 * and always sets them (`TencentCamContact`, ...), so a contact from any provider is a `Contact`.
 *
 * @remarks Fields the vendor does not store are absent. Webhook secrets and tokens hold their
 * real values but print masked in `util.inspect` and `JSON.stringify`.
 */
export interface Contact<Details extends object = object> {
  /** The cloud this contact lives in. */
  provider: ProviderId;
  /** The vendor's id (ContactId, Uid, Id or phone number). */
  id: string;
  /** The contact's name. */
  name: string;
  /** Email address; masked when listed in `masked`. */
  email?: string;
  /** Phone number in E.164 (`+8613900001234`); masked when listed in `masked`. */
  phone?: string;
  /** The contact's role. */
  title?: ContactTitle;
  /** The message categories the contact receives. */
  messageTypes?: MessageType[];
  /** Free-text note. */
  remark?: string;
  /** Chat-bot and HTTP webhooks. */
  webhooks?: ContactWebhooks;
  /** Contact groups the contact belongs to. */
  groupIds?: string[];
  /** Lifecycle status. */
  status: ContactStatus;
  /** Verification state of email and phone. */
  verification?: ContactVerification;
  /** Fields the vendor only ever returns masked (`2054****@qq.com`); never treat them as a change. */
  masked?: Array<'email' | 'phone'>;
  /** Creation time, ISO 8601 with offset. */
  createdAt?: string;
  /** Provider-specific fields, typed per provider. */
  details?: Details;
}

/** What a caller gives to create a contact. */
export interface ContactInput {
  /** The contact's name (each provider adds its length and charset rules). */
  name: string;
  /** Email address. */
  email?: string;
  /** Phone number with its country code, in any common notation (`+86 139-0000-1234`, `0086 13900001234`). */
  phone?: string;
  /** The contact's role. */
  title?: ContactTitle;
  /** Message categories. */
  messageTypes?: MessageType[];
  /** Free-text note. */
  remark?: string;
  /** Chat-bot and HTTP webhooks. */
  webhooks?: ContactWebhooks;
  /** Contact groups to join. */
  groupIds?: string[];
}

/**
 * A change to webhooks: each kind given replaces the stored one, `null` removes it, and a kind
 * left out is kept as it is (on providers that store webhooks).
 */
export type ContactWebhooksPatch = { [K in keyof ContactWebhooks]?: ContactWebhooks[K] | null };

/** A change to a contact: each given field replaces the stored one, and `null` clears it. */
export type ContactPatch = {
  [K in keyof ContactInput]?: K extends 'name' ? ContactInput[K] : K extends 'webhooks' ? ContactWebhooksPatch | null : ContactInput[K] | null;
};

/** A field of the neutral model that a provider may store, as named in capabilities. */
export type ContactField = Exclude<keyof ContactInput, 'webhooks'> | `webhooks.${keyof ContactWebhooks & string}`;

/** Every {@link ContactField}, as data. */
export const CONTACT_FIELDS = [
  'name',
  'email',
  'phone',
  'title',
  'messageTypes',
  'remark',
  'webhooks.generic',
  'webhooks.lark',
  'webhooks.dingtalk',
  'webhooks.wecom',
  'groupIds',
] as const satisfies readonly ContactField[];

// Adding a field to ContactInput must also add it to CONTACT_FIELDS (and so to every provider's capabilities).
type MissingFields = Exclude<ContactField, (typeof CONTACT_FIELDS)[number]>;
const allFieldsListed: [MissingFields] extends [never] ? true : MissingFields = true;
void allFieldsListed;
