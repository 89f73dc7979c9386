/** Pure functions between the neutral model and VMP's contacts, groups and webhook tests. */
import type { ContactInput, ContactPatch, ContactWebhooks } from '../../src/model/contact.js';
import { maskContactSecrets } from '../../src/model/contact-printing.js';
import { definedOnly } from '../../src/util/defined-only.js';
import type {
  VmpContact,
  VmpCreateContactParams,
  VmpGroup,
  VmpResult,
  VmpTestAction,
  VmpTestResult,
  VmpUpdateContactParams,
} from './volcengine-vmp-api.js';
import type { VolcengineVmpContact, VolcengineVmpGroup, WebhookKind, WebhookTestResult } from './volcengine-vmp-types.js';

/** What a contact holds that UpdateContact must send back: the neutral, writable part. */
export type VmpWritable = Pick<ContactInput, 'name' | 'email' | 'webhooks' | 'groupIds'>;

/**
 * CreateContact's body for a validated input, its keys in the order of the vendor's own example
 * (so the seed's body is reproduced byte for byte); absent fields are not sent.
 */
export function toCreateParams(input: VmpWritable): VmpCreateContactParams {
  const hooks = input.webhooks ?? {};
  return {
    Name: input.name,
    ...(input.email === undefined ? {} : { Email: input.email }),
    ...(hooks.generic === undefined ? {} : { Webhook: { ...(hooks.generic.token === undefined ? {} : { Token: hooks.generic.token }), Address: hooks.generic.url } }),
    ...(isEmpty(input.groupIds) ? {} : { ContactGroupIds: [...input.groupIds!] }),
    ...(hooks.lark === undefined ? {} : { LarkBotWebhook: { Address: hooks.lark.url, ...optional('SecretKey', hooks.lark.secret) } }),
    ...(hooks.dingtalk === undefined
      ? {}
      : {
          DingTalkBotWebhook: {
            Address: hooks.dingtalk.url,
            ...optionalList('AtMobiles', hooks.dingtalk.atMobiles),
            ...optionalList('AtUserIds', hooks.dingtalk.atUserIds),
            ...optional('SecretKey', hooks.dingtalk.secret),
          },
        }),
    ...(hooks.wecom === undefined ? {} : { WeComBotWebhook: { Address: hooks.wecom.url, ...optionalList('AtUserIds', hooks.wecom.atUserIds) } }),
  };
}

/**
 * UpdateContact's body: every field, with empty values for what is not set, because VMP replaces
 * the whole channel set (as the vendor's Terraform provider does, sending all four every time).
 */
export function toUpdateParams(id: string, contact: VmpWritable): VmpUpdateContactParams {
  const hooks = contact.webhooks ?? {};
  return {
    Id: id,
    Name: contact.name,
    Email: contact.email ?? '',
    Webhook: { Address: hooks.generic?.url ?? '', Token: hooks.generic?.token ?? '' },
    LarkBotWebhook: { Address: hooks.lark?.url ?? '', SecretKey: hooks.lark?.secret ?? '' },
    DingTalkBotWebhook: {
      Address: hooks.dingtalk?.url ?? '',
      SecretKey: hooks.dingtalk?.secret ?? '',
      AtMobiles: [...(hooks.dingtalk?.atMobiles ?? [])],
      AtUserIds: [...(hooks.dingtalk?.atUserIds ?? [])],
    },
    WeComBotWebhook: { Address: hooks.wecom?.url ?? '', AtUserIds: [...(hooks.wecom?.atUserIds ?? [])] },
    ContactGroupIds: [...(contact.groupIds ?? [])],
  };
}

/**
 * A patch applied to what the contact holds: each field the patch gives replaces the stored one,
 * `null` clears it, and each webhook kind the patch does not name is kept as it is.
 */
export function applyPatch(current: VmpWritable, patch: ContactPatch): VmpWritable {
  const webhooks: ContactWebhooks = patch.webhooks === null ? {} : { ...current.webhooks };
  for (const [kind, hook] of Object.entries(patch.webhooks ?? {}) as Array<[WebhookKind, ContactWebhooks[WebhookKind] | null | undefined]>) {
    if (hook === null) delete webhooks[kind];
    else if (hook !== undefined) (webhooks as Record<WebhookKind, unknown>)[kind] = hook;
  }
  const email = patch.email === undefined ? current.email : (patch.email ?? undefined);
  const groupIds = patch.groupIds === undefined ? current.groupIds : (patch.groupIds ?? undefined);
  return {
    name: patch.name ?? current.name,
    ...(email === undefined ? {} : { email }),
    ...(Object.keys(webhooks).length === 0 ? {} : { webhooks }),
    ...(isEmpty(groupIds) ? {} : { groupIds: groupIds! }),
  };
}

/** A VMP contact → the neutral contact. Channel objects with an empty `Address` are not configured. */
export function fromVmpContact(vendor: VmpContact): VolcengineVmpContact {
  const writable = writableOf(vendor);
  const larkBot = larkBotOf(vendor.LarkBot);
  const state = emailState(writable.email, vendor.EmailActive === true);
  return maskContactSecrets(
    definedOnly({
      provider: 'volcengine-vmp' as const,
      id: vendor.Id,
      name: writable.name,
      email: writable.email,
      webhooks: writable.webhooks,
      groupIds: writable.groupIds,
      status: state.status,
      verification: state.verification,
      createdAt: nonEmpty(vendor.CreateTime),
      details: larkBot === undefined ? {} : { larkBot },
    }),
  );
}

/** The neutral, writable part of a VMP contact. */
export function writableOf(vendor: VmpContact): VmpWritable {
  const webhooks = webhooksOf(vendor);
  const groupIds = vendor.ContactGroupIds ?? [];
  return definedOnly({
    name: vendor.Name ?? '',
    email: nonEmpty(vendor.Email),
    webhooks: Object.keys(webhooks).length === 0 ? undefined : webhooks,
    groupIds: groupIds.length === 0 ? undefined : [...groupIds],
  });
}

/** The writable part of a contact as this provider showed it (webhook secrets are readable on it, only its printed form masks them). */
export function writableOfContact(contact: VolcengineVmpContact): VmpWritable {
  return definedOnly({ name: contact.name, email: contact.email, webhooks: contact.webhooks, groupIds: contact.groupIds });
}

/**
 * The contact an UpdateContact leaves, from the contact as read just before and what was
 * written, without reading it again: an email it already had keeps its state, a new one waits
 * for its owner's confirmation.
 */
export function updatedContact(current: VolcengineVmpContact, written: VmpWritable): VolcengineVmpContact {
  const sameEmail = written.email === current.email;
  return maskContactSecrets(
    definedOnly({
      provider: 'volcengine-vmp' as const,
      id: current.id,
      ...written,
      ...emailState(written.email, sameEmail && current.verification?.email === 'verified'),
      createdAt: current.createdAt,
      details: current.details ?? {},
    }),
  );
}

/** The contact CreateContact just made, from the input and its answer (`AlreadyActive.Email`: an address already confirmed). */
export function toCreatedContact(input: VmpWritable, answer: VmpResult<'CreateContact'>): VolcengineVmpContact {
  const writable = applyPatch(input, {});
  return maskContactSecrets({
    provider: 'volcengine-vmp',
    id: answer.Id,
    ...writable,
    ...emailState(writable.email, answer.SendStatus === 'AlreadyActive.Email'),
    details: {},
  });
}

/**
 * Whether a contact VMP holds is the one an input asked for: how a create whose answer was lost
 * tells its own contact from someone else's with the same name.
 */
export function sameContent(vendor: VmpContact, input: VmpWritable): boolean {
  return comparable(writableOf(vendor)) === comparable(input);
}

/** A VMP contact group → the neutral group. */
export function fromVmpGroup(group: VmpGroup): VolcengineVmpGroup {
  const createdAt = nonEmpty(group.CreateTime);
  return { id: group.Id, name: group.Name ?? '', contactIds: [...(group.ContactIds ?? [])], ...(createdAt === undefined ? {} : { createdAt }) };
}

/** One Test*Webhook request: which webhook, the action and its body. */
interface WebhookTest {
  readonly kind: WebhookKind;
  readonly action: VmpTestAction;
  readonly params: Record<string, unknown>;
}

/** The Test*Webhook requests for every webhook a contact has, in the order generic, lark, dingtalk, wecom. */
export function webhookTests(webhooks: ContactWebhooks | undefined): WebhookTest[] {
  const tests: WebhookTest[] = [];
  const { generic, lark, dingtalk, wecom } = webhooks ?? {};
  if (generic) tests.push({ kind: 'generic', action: 'TestWebhook', params: { Address: generic.url, ...optional('Token', generic.token) } });
  if (lark) tests.push({ kind: 'lark', action: 'TestLarkBotWebhook', params: { Address: lark.url, ...optional('SecretKey', lark.secret) } });
  if (dingtalk) {
    tests.push({
      kind: 'dingtalk',
      action: 'TestDingTalkBotWebhook',
      params: { Address: dingtalk.url, ...optional('SecretKey', dingtalk.secret), ...optionalList('AtMobiles', dingtalk.atMobiles), ...optionalList('AtUserIds', dingtalk.atUserIds) },
    });
  }
  if (wecom) tests.push({ kind: 'wecom', action: 'TestWeComBotWebhook', params: { Address: wecom.url, ...optionalList('AtUserIds', wecom.atUserIds) } });
  return tests;
}

/**
 * What a Test*Webhook answer says. A bot platform answers HTTP 200 with its own error code
 * (DingTalk `310000`, WeCom `93000`), so delivered means a 2xx status, code 0 (or none, for a
 * generic webhook) and no error from VMP.
 */
export function toWebhookTestResult(kind: WebhookKind, answer: VmpTestResult): WebhookTestResult {
  const record = answer as Record<string, unknown>;
  const platformCode = [record['LarkCode'], record['DingTalkCode'], record['WeComCode']].find((value) => value !== null && value !== undefined);
  const platformMessage = [record['LarkMessage'], record['DingTalkMessage'], record['WeComMessage'], record['Body']].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  const status = answer.StatusCode ?? undefined;
  const error = nonEmpty(answer.ErrorMessage);
  const delivered = status !== undefined && status >= 200 && status < 300 && error === undefined && (platformCode === undefined || String(platformCode) === '0');
  return {
    kind,
    delivered,
    ...(status === undefined || status === 0 ? {} : { httpStatus: status }),
    ...(platformCode === undefined ? {} : { platformCode: String(platformCode) }),
    ...(platformMessage === undefined ? {} : { platformMessage }),
    ...(error === undefined ? {} : { error }),
  };
}

/** A SendValidationMessage that went through: `AlreadyActive.Email` had nothing to send (the failures are errors). */
export function emailVerificationStatus(answer: VmpResult<'SendValidationMessage'>): 'sent' | 'already-verified' {
  return answer.SendStatus === 'AlreadyActive.Email' ? 'already-verified' : 'sent';
}

function emailState(email: string | undefined, active: boolean): Pick<VolcengineVmpContact, 'status' | 'verification'> {
  if (email === undefined) return { status: 'active' };
  return { status: active ? 'active' : 'pending-verification', verification: { email: active ? 'verified' : 'pending' } };
}

function webhooksOf(vendor: VmpContact): ContactWebhooks {
  const hooks: ContactWebhooks = {};
  const { Webhook: generic, LarkBotWebhook: lark, DingTalkBotWebhook: dingtalk, WeComBotWebhook: wecom } = vendor;
  if (nonEmpty(generic?.Address) !== undefined) hooks.generic = definedOnly({ url: generic!.Address!, token: nonEmpty(generic!.Token) });
  if (nonEmpty(lark?.Address) !== undefined) hooks.lark = definedOnly({ url: lark!.Address!, secret: nonEmpty(lark!.SecretKey) });
  if (nonEmpty(dingtalk?.Address) !== undefined) {
    hooks.dingtalk = definedOnly({
      url: dingtalk!.Address!,
      secret: nonEmpty(dingtalk!.SecretKey),
      atMobiles: listOrUndefined(dingtalk!.AtMobiles),
      atUserIds: listOrUndefined(dingtalk!.AtUserIds),
    });
  }
  if (nonEmpty(wecom?.Address) !== undefined) hooks.wecom = definedOnly({ url: wecom!.Address!, atUserIds: listOrUndefined(wecom!.AtUserIds) });
  return hooks;
}

function larkBotOf(bot: VmpContact['LarkBot']): NonNullable<VolcengineVmpContact['details']>['larkBot'] {
  if (bot === null || bot === undefined) return undefined;
  const chatId = nonEmpty(bot.ChatID);
  const groupName = nonEmpty(bot.GroupName);
  const tenantKey = nonEmpty(bot.TenantKey);
  if (chatId === undefined && groupName === undefined && tenantKey === undefined) return undefined;
  return definedOnly({ chatId, groupName, tenantKey });
}

/** The stored form of what a contact holds, group ids as a set (VMP may list them in its own order). */
function comparable(contact: VmpWritable): string {
  const params = toUpdateParams('', contact);
  return JSON.stringify({ ...params, ContactGroupIds: [...params.ContactGroupIds].sort() });
}

function optional<K extends string>(key: K, value: string | null | undefined): { [P in K]?: string } {
  return nonEmpty(value) === undefined ? {} : ({ [key]: value } as { [P in K]: string });
}

function optionalList<K extends string>(key: K, values: readonly string[] | null | undefined): { [P in K]?: string[] } {
  return isEmpty(values) ? {} : ({ [key]: [...values!] } as { [P in K]: string[] });
}

function listOrUndefined(values: readonly string[] | null | undefined): string[] | undefined {
  return isEmpty(values) ? undefined : [...values!];
}

function isEmpty(values: readonly unknown[] | null | undefined): boolean {
  return values === null || values === undefined || values.length === 0;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}
