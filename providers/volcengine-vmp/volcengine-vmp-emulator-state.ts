/**
 * The account the VMP emulator plays: contacts with their four channels, contact groups, the
 * contact ↔ group relation (kept once, so both sides always agree), email verification and the
 * chat platforms' answers to test messages; and VMP's parameter rules.
 *
 * Choices where the vendor is UNCONFIRMED: an address is verified once for every contact that
 * has it; an address is mailed at most once a minute (`LimitExceeded.Email`); a group id that does
 * not exist is `InvalidParameter.ContactGroupIds` (contact ids in a group: `InvalidParameter.ContactIds`);
 * an omitted channel object leaves the channel as it is and one with an empty `Address` clears it.
 */
import { randomUUID } from 'node:crypto';
import { VendorFault } from '../../src/testing/vendor-fault.js';

/** The four channel objects, always present; an empty `Address` means not configured. */
interface StoredChannels {
  Webhook: { Address: string; Token: string };
  LarkBotWebhook: { Address: string; SecretKey: string };
  DingTalkBotWebhook: { Address: string; SecretKey: string; AtMobiles: string[]; AtUserIds: string[] };
  WeComBotWebhook: { Address: string; AtUserIds: string[] };
}

/** A stored contact. */
export interface StoredContact extends StoredChannels {
  readonly Id: string;
  Name: string;
  Email: string;
  readonly CreateTime: string;
}

/** A stored contact group (its members live in the relation). */
export interface StoredGroup {
  readonly Id: string;
  Name: string;
  readonly CreateTime: string;
}

/** What a chat platform answers to a test message posted to an address. */
export interface WebhookOutcome {
  /** The HTTP status the platform answers with (default 200). */
  readonly httpStatus?: number;
  /** The platform's own code (default 0: delivered). */
  readonly code?: number;
  /** The platform's own message (default `ok`, Lark `success`). */
  readonly message?: string;
  /** Why VMP could not reach the address at all (then there is no status or code). */
  readonly error?: string;
}

/** A verification mail the emulator "sent". */
export interface SentMail {
  /** The address. */
  readonly destination: string;
  /** When, on the emulator clock. */
  readonly sentAt: Date;
}

/** The minimum time between two verification mails to one address. */
const MAIL_INTERVAL_MS = 60_000;

/** An RFC 3339 time without fractions, as VMP writes them. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The state of one emulated account; a reset makes a new one. */
export class VmpAccount {
  readonly contacts = new Map<string, StoredContact>();
  readonly groups = new Map<string, StoredGroup>();
  /** The one contact ↔ group relation: group id → contact ids. */
  readonly members = new Map<string, Set<string>>();
  readonly verifiedEmails = new Set<string>();
  readonly failingEmails = new Set<string>();
  readonly mailed = new Map<string, number>();
  readonly sent: SentMail[] = [];
  readonly webhookOutcomes = new Map<string, WebhookOutcome>();
  subscribed = true;

  /** The groups a contact is in, in the groups' creation order. */
  groupIdsOf(contactId: string): string[] {
    return [...this.members].filter(([, contacts]) => contacts.has(contactId)).map(([groupId]) => groupId);
  }

  /** Puts a contact in exactly these groups. */
  setContactGroups(contactId: string, groupIds: readonly string[]): void {
    for (const [groupId, contacts] of this.members) {
      if (groupIds.includes(groupId)) contacts.add(contactId);
      else contacts.delete(contactId);
    }
  }

  /** Gives a group exactly these members. */
  setGroupMembers(groupId: string, contactIds: readonly string[]): void {
    this.members.set(groupId, new Set(contactIds));
  }

  /** Adds a group. */
  addGroup(name: string, now: Date, id: string = randomUUID()): StoredGroup {
    const group: StoredGroup = { Id: id, Name: name, CreateTime: rfc3339(now) };
    this.groups.set(id, group);
    this.members.set(id, new Set());
    return group;
  }

  /** Removes a contact, and it from every group. */
  deleteContact(id: string): void {
    this.contacts.delete(id);
    for (const contacts of this.members.values()) contacts.delete(id);
  }

  /** Removes a group, and it from every contact. */
  deleteGroup(id: string): void {
    this.groups.delete(id);
    this.members.delete(id);
  }

  /**
   * "Sends" the verification mail to an address: already verified, too soon after the last
   * one, failing (a hook said so), or sent.
   */
  mail(destination: string, now: Date): { SendStatus: string; Message: string } {
    if (this.verifiedEmails.has(destination)) return { SendStatus: 'AlreadyActive.Email', Message: 'The email address has been validated.' };
    const last = this.mailed.get(destination);
    if (last !== undefined && now.getTime() - last < MAIL_INTERVAL_MS) {
      return { SendStatus: 'LimitExceeded.Email', Message: 'The same email address should not be validated more than once in 1 minute, please try it later.' };
    }
    if (this.failingEmails.has(destination)) return { SendStatus: 'MessageFailed.Email', Message: 'Failed to send the validation email.' };
    this.mailed.set(destination, now.getTime());
    this.sent.push({ destination, sentAt: now });
    return { SendStatus: 'MessageSucceed.Email', Message: '' };
  }

  /** A contact as GetContact and ListContacts show it: all four channels, its groups, whether its email is active. */
  shown(contact: StoredContact): Record<string, unknown> {
    return {
      Id: contact.Id,
      Name: contact.Name,
      Email: contact.Email,
      EmailActive: contact.Email !== '' && this.verifiedEmails.has(contact.Email),
      Webhook: { ...contact.Webhook },
      LarkBotWebhook: { ...contact.LarkBotWebhook },
      DingTalkBotWebhook: { ...contact.DingTalkBotWebhook, AtMobiles: [...contact.DingTalkBotWebhook.AtMobiles], AtUserIds: [...contact.DingTalkBotWebhook.AtUserIds] },
      WeComBotWebhook: { ...contact.WeComBotWebhook, AtUserIds: [...contact.WeComBotWebhook.AtUserIds] },
      ContactGroupIds: this.groupIdsOf(contact.Id),
      CreateTime: contact.CreateTime,
    };
  }

  /** A group as GetContactGroup and ListContactGroups show it. */
  shownGroup(group: StoredGroup): Record<string, unknown> {
    return { Id: group.Id, Name: group.Name, ContactIds: [...(this.members.get(group.Id) ?? [])], CreateTime: group.CreateTime };
  }
}

/** No channel configured. */
export function emptyChannels(): StoredChannels {
  return {
    Webhook: { Address: '', Token: '' },
    LarkBotWebhook: { Address: '', SecretKey: '' },
    DingTalkBotWebhook: { Address: '', SecretKey: '', AtMobiles: [], AtUserIds: [] },
    WeComBotWebhook: { Address: '', AtUserIds: [] },
  };
}

const NAME = /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5_-]{0,126}$/;

/** A contact or group name as VMP checks it. */
export function checkName(value: unknown): string {
  if (value === undefined || value === null || value === '') throw new VendorFault('MissingParameter.Name');
  if (typeof value !== 'string' || !NAME.test(value)) throw new VendorFault('InvalidParameter.Name');
  return value;
}

/** An email address: `''` clears it. */
export function checkEmail(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value !== 'string' || value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new VendorFault('InvalidParameter.Email');
  return value;
}

/** A list of ids; each must exist. */
export function checkIds(value: unknown, parameter: string, exists: (id: string) => boolean): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && exists(id))) throw new VendorFault(`InvalidParameter.${parameter}`);
  return [...new Set(value as string[])];
}

/** The channel objects a request gives, applied over what is stored (an omitted object is kept). */
export function applyChannels(params: Record<string, unknown>, stored: StoredChannels): StoredChannels {
  return {
    Webhook: channel(params, 'Webhook', stored.Webhook, (hook) => ({ Address: address(hook, 'Webhook'), Token: secret(hook, 'Webhook', 'Token') })),
    LarkBotWebhook: channel(params, 'LarkBotWebhook', stored.LarkBotWebhook, (hook) => ({
      Address: address(hook, 'LarkBotWebhook'),
      SecretKey: secret(hook, 'LarkBotWebhook', 'SecretKey'),
    })),
    DingTalkBotWebhook: channel(params, 'DingTalkBotWebhook', stored.DingTalkBotWebhook, (hook) => ({
      Address: address(hook, 'DingTalkBotWebhook'),
      SecretKey: secret(hook, 'DingTalkBotWebhook', 'SecretKey'),
      AtMobiles: strings(hook, 'DingTalkBotWebhook', 'AtMobiles'),
      AtUserIds: strings(hook, 'DingTalkBotWebhook', 'AtUserIds'),
    })),
    WeComBotWebhook: channel(params, 'WeComBotWebhook', stored.WeComBotWebhook, (hook) => ({
      Address: address(hook, 'WeComBotWebhook'),
      AtUserIds: strings(hook, 'WeComBotWebhook', 'AtUserIds'),
    })),
  };
}

function channel<T extends { Address: string }>(params: Record<string, unknown>, name: string, stored: T, read: (hook: Record<string, unknown>) => T): T {
  const given = params[name];
  if (given === undefined || given === null) return stored;
  if (typeof given !== 'object' || Array.isArray(given)) throw new VendorFault(`InvalidParameter.${name}`);
  const hook = read(given as Record<string, unknown>);
  // "不能单独配置": a token or secret needs its address.
  const orphan = hook.Address === '' && Object.entries(hook).some(([key, value]) => key !== 'Address' && (Array.isArray(value) ? value.length > 0 : value !== ''));
  if (orphan) throw new VendorFault(`MissingParameter.${name}.Address`);
  return hook;
}

function address(hook: Record<string, unknown>, name: string): string {
  const value = hook['Address'] ?? '';
  if (typeof value !== 'string' || (value !== '' && !/^https?:\/\/[^\s/?#]+/.test(value))) throw new VendorFault(`InvalidParameter.${name}.Address`);
  return value;
}

function secret(hook: Record<string, unknown>, name: string, key: string): string {
  const value = hook[key] ?? '';
  if (typeof value !== 'string' || value.length > 512) throw new VendorFault(`InvalidParameter.${name}.${key}`);
  return value;
}

function strings(hook: Record<string, unknown>, name: string, key: string): string[] {
  const value = hook[key] ?? [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new VendorFault(`InvalidParameter.${name}.${key}`);
  return [...value];
}
