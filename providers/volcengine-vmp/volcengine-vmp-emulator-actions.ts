/**
 * The VMP emulator's actions: parameters checked as VMP documents them, the account changed,
 * answers in VMP's `Result` shapes (UUID ids, RFC 3339 times, all four channel objects, paging
 * with `Filter`, partial-success deletes, test messages answered as the chat platforms answer).
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../../src/testing/emulator-protocol.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { applyChannels, checkEmail, checkIds, checkName, emptyChannels, rfc3339 } from './volcengine-vmp-emulator-state.js';
import type { StoredContact, StoredGroup, VmpAccount, WebhookOutcome } from './volcengine-vmp-emulator-state.js';

/** Answers one action with its `Result`. */
type VmpHandler = (params: Record<string, unknown>, account: VmpAccount, context: EmulatorContext) => object;

const noMail = { SendStatus: '', Message: '' };

function requireId(params: Record<string, unknown>): string {
  const id = params['Id'];
  if (id === undefined || id === null || id === '') throw new VendorFault('MissingParameter.Id');
  if (typeof id !== 'string') throw new VendorFault('InvalidParameter.Id');
  return id;
}

function contactOf(account: VmpAccount, params: Record<string, unknown>): StoredContact {
  const contact = account.contacts.get(requireId(params));
  if (contact === undefined) throw new VendorFault('NotFound.Contact', `The specified Contact ${String(params['Id'])} is not found.`);
  return contact;
}

function groupOf(account: VmpAccount, params: Record<string, unknown>): StoredGroup {
  const group = account.groups.get(requireId(params));
  if (group === undefined) throw new VendorFault('NotFound.ContactGroup', `The specified ContactGroup ${String(params['Id'])} is not found.`);
  return group;
}

function uniqueName(name: string, taken: Iterable<{ Id: string; Name: string }>, self?: string): void {
  for (const other of taken) if (other.Name === name && other.Id !== self) throw new VendorFault('Conflict.Name');
}

/** A page of a listing: `PageNumber` from 1, `PageSize` 0 to 100 (default 10), sorted by creation when asked. */
function page<T extends { CreateTime: string }>(items: T[], params: Record<string, unknown>): { Total: number; Items: T[] } {
  const number = params['PageNumber'] ?? 1;
  const size = params['PageSize'] ?? 10;
  if (!Number.isInteger(number) || (number as number) < 1) throw new VendorFault('InvalidParameter.PageNumber');
  if (!Number.isInteger(size) || (size as number) < 0 || (size as number) > 100) throw new VendorFault('InvalidParameter.PageSize');
  const sortBy = params['SortBy'];
  const order = params['SortOrder'] ?? 'Asc';
  if (sortBy !== undefined && sortBy !== 'CreatedAt') throw new VendorFault('InvalidParameter.SortBy');
  if (order !== 'Asc' && order !== 'Desc') throw new VendorFault('InvalidParameter.SortOrder');
  // Stored in creation order; a stable sort keeps ties (the same second) that way.
  const sorted = sortBy === undefined ? items : [...items].sort((a, b) => a.CreateTime.localeCompare(b.CreateTime) * (order === 'Desc' ? -1 : 1));
  const start = ((number as number) - 1) * (size as number);
  return { Total: items.length, Items: sorted.slice(start, start + (size as number)) };
}

function filterOf(params: Record<string, unknown>): Record<string, unknown> {
  const filter = params['Filter'] ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) throw new VendorFault('InvalidParameter.Filter');
  return filter as Record<string, unknown>;
}

/** A fuzzy (part) match, as the vendor documents `Filter.Name` and `Filter.Email`. */
function contains(value: string, part: unknown): boolean {
  return part === undefined || part === null || part === '' || (typeof part === 'string' && value.includes(part));
}

function inList(value: string, list: unknown): boolean {
  return !Array.isArray(list) || list.length === 0 || list.includes(value);
}

/** A batch delete: each id deleted or reported with its own error, never an HTTP error. */
function deleteEach(params: Record<string, unknown>, what: 'Contact' | 'ContactGroup', exists: (id: string) => boolean, remove: (id: string) => void): object {
  const ids = params['Ids'];
  if (!Array.isArray(ids) || ids.length === 0) throw new VendorFault('MissingParameter.Ids');
  const SuccessfulItems: string[] = [];
  const UnsuccessfulItems: object[] = [];
  for (const id of ids) {
    if (typeof id === 'string' && exists(id)) {
      remove(id);
      SuccessfulItems.push(id);
    } else {
      UnsuccessfulItems.push({ Id: String(id), Error: { Code: 'NotFound.Ids', Message: `The specified ${what} ${String(id)} is not found.`, Data: {} } });
    }
  }
  return { SuccessfulItems, UnsuccessfulItems };
}

/** What a test message to an address finds; by default the platform takes it. */
function outcomeFor(account: VmpAccount, params: Record<string, unknown>): WebhookOutcome & { address: string } {
  const address = params['Address'];
  if (address === undefined || address === null || address === '') throw new VendorFault('MissingParameter.Address');
  if (typeof address !== 'string' || !/^https?:\/\//.test(address)) throw new VendorFault('InvalidParameter.Address');
  return { ...account.webhookOutcomes.get(address), address };
}

/** A bot platform's answer: `{StatusCode, <Platform>Code, <Platform>Message, ErrorMessage}`. */
function botAnswer(platform: 'Lark' | 'DingTalk' | 'WeCom', outcome: WebhookOutcome, success: string): object {
  if (outcome.error !== undefined) return { StatusCode: 0, ErrorMessage: outcome.error };
  return {
    StatusCode: outcome.httpStatus ?? 200,
    [`${platform}Code`]: outcome.code ?? 0,
    [`${platform}Message`]: outcome.message ?? (outcome.code === undefined || outcome.code === 0 ? success : 'error'),
    ErrorMessage: '',
  };
}

/** Every action, by name. */
export const VMP_HANDLERS: Readonly<Record<string, VmpHandler>> = {
  CreateContact(params, account, context) {
    const name = checkName(params['Name']);
    uniqueName(name, account.contacts.values());
    const email = checkEmail(params['Email']);
    const channels = applyChannels(params, emptyChannels());
    const groupIds = checkIds(params['ContactGroupIds'], 'ContactGroupIds', (id) => account.groups.has(id));
    const contact: StoredContact = { Id: randomUUID(), Name: name, Email: email, ...channels, CreateTime: rfc3339(context.now()) };
    account.contacts.set(contact.Id, contact);
    account.setContactGroups(contact.Id, groupIds);
    return { Id: contact.Id, ...(email === '' ? noMail : account.mail(email, context.now())) };
  },
  GetContact(params, account) {
    return account.shown(contactOf(account, params));
  },
  UpdateContact(params, account, context) {
    const contact = contactOf(account, params);
    const name = params['Name'] === undefined ? contact.Name : checkName(params['Name']);
    uniqueName(name, account.contacts.values(), contact.Id);
    const email = params['Email'] === undefined ? contact.Email : checkEmail(params['Email']);
    const channels = applyChannels(params, contact);
    const groupIds = params['ContactGroupIds'] === undefined ? undefined : checkIds(params['ContactGroupIds'], 'ContactGroupIds', (id) => account.groups.has(id));
    const emailChanged = email !== '' && email !== contact.Email;
    Object.assign(contact, { Name: name, Email: email, ...channels });
    if (groupIds !== undefined) account.setContactGroups(contact.Id, groupIds);
    return { Id: contact.Id, ...(emailChanged ? account.mail(email, context.now()) : noMail) };
  },
  DeleteContacts(params, account) {
    return deleteEach(params, 'Contact', (id) => account.contacts.has(id), (id) => account.deleteContact(id));
  },
  ListContacts(params, account) {
    const filter = filterOf(params);
    const groups = Array.isArray(filter['ContactGroupIds']) ? (filter['ContactGroupIds'] as unknown[]) : [];
    const matching = [...account.contacts.values()].filter(
      (contact) =>
        inList(contact.Id, filter['Ids']) &&
        contains(contact.Name, filter['Name']) &&
        contains(contact.Email, filter['Email']) &&
        (groups.length === 0 || account.groupIdsOf(contact.Id).some((id) => groups.includes(id))),
    );
    const result = page(matching, params);
    return { Total: result.Total, Items: result.Items.map((contact) => account.shown(contact)) };
  },
  SendValidationMessage(params, account, context) {
    if (params['Type'] !== 'Email') throw new VendorFault(params['Type'] === undefined ? 'MissingParameter.Type' : 'InvalidParameter.Type');
    const destination = checkEmail(params['Destination']);
    if (destination === '') throw new VendorFault('MissingParameter.Destination');
    if (![...account.contacts.values()].some((contact) => contact.Email === destination)) throw new VendorFault('InvalidParameter.Destination');
    return account.mail(destination, context.now());
  },
  TestWebhook(params, account) {
    const outcome = outcomeFor(account, params);
    if (outcome.error !== undefined) return { StatusCode: 0, Body: '', ErrorMessage: outcome.error };
    return { StatusCode: outcome.httpStatus ?? 200, Body: outcome.message ?? 'ok', ErrorMessage: '' };
  },
  TestLarkBotWebhook: (params, account) => botAnswer('Lark', outcomeFor(account, params), 'success'),
  TestDingTalkBotWebhook: (params, account) => botAnswer('DingTalk', outcomeFor(account, params), 'ok'),
  TestWeComBotWebhook: (params, account) => botAnswer('WeCom', outcomeFor(account, params), 'ok'),
  CreateContactGroup(params, account, context) {
    const name = checkName(params['Name']);
    uniqueName(name, account.groups.values());
    const contactIds = checkIds(params['ContactIds'], 'ContactIds', (id) => account.contacts.has(id));
    const group = account.addGroup(name, context.now());
    account.setGroupMembers(group.Id, contactIds);
    return { Id: group.Id };
  },
  GetContactGroup(params, account) {
    return account.shownGroup(groupOf(account, params));
  },
  UpdateContactGroup(params, account) {
    const group = groupOf(account, params);
    const name = params['Name'] === undefined ? group.Name : checkName(params['Name']);
    uniqueName(name, account.groups.values(), group.Id);
    if (params['ContactIds'] !== undefined) account.setGroupMembers(group.Id, checkIds(params['ContactIds'], 'ContactIds', (id) => account.contacts.has(id)));
    group.Name = name;
    return { Id: group.Id };
  },
  DeleteContactGroups(params, account) {
    return deleteEach(params, 'ContactGroup', (id) => account.groups.has(id), (id) => account.deleteGroup(id));
  },
  ListContactGroups(params, account) {
    const filter = filterOf(params);
    const matching = [...account.groups.values()].filter((group) => inList(group.Id, filter['Ids']) && contains(group.Name, filter['Name']));
    const result = page(matching, params);
    return { Total: result.Total, Items: result.Items.map((group) => account.shownGroup(group)) };
  },
};
