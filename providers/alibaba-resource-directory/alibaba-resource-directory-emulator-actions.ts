/**
 * The emulator's message-contact actions: parameters checked as the vendor documents, state
 * changed through the directory, answers in the vendor's shapes (`c-` ids, China-time dates,
 * JSON numbers for counts).
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../../src/testing/emulator-protocol.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { toChinaTime } from '../alibaba-common/alibaba-dates.js';
import type { RpcHandler, RpcParams } from '../alibaba-common/alibaba-emulator-rpc.js';
import {
  checkContactId,
  checkEmail,
  checkMemberFilter,
  checkMembers,
  checkMessageTypes,
  checkName,
  checkPhone,
  checkTitle,
} from './alibaba-resource-directory-emulator-state.js';
import type { RdDirectory, StoredContact } from './alibaba-resource-directory-emulator-state.js';

/** What a handler works with. */
interface ActionEnvironment {
  /** The emulated directory. */
  readonly directory: RdDirectory;
  /** The harness context (clock, quotas). */
  readonly context: EmulatorContext;
  /** The time of this request. */
  readonly now: Date;
}

type Handler = RpcHandler<ActionEnvironment>;

/** Quotas the emulator declares, with defaults (the vendor publishes none of these numbers). */
export const RD_QUOTAS = {
  contacts: { limit: 100, daily: false },
  membersPerContact: { limit: 20, daily: false },
  verificationsPerDay: { limit: 20, daily: true },
} as const;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 10;

/** Every message-contact action, by name. */
export const RD_HANDLERS: Readonly<Record<string, Handler>> = {
  AddMessageContact(params, { directory, context, now }) {
    const name = checkName(params.required('Name'));
    const email = checkEmail(params.required('EmailAddress'));
    const phone = optional(params.text('PhoneNumber'), (value) => checkPhone(value, directory.site));
    const title = checkTitle(params.required('Title'));
    const messageTypes = checkMessageTypes(requiredList(params, 'MessageTypes'));
    directory.claimName(name);
    if (directory.contacts.size >= context.quota('contacts').limit) throw new VendorFault('LimitExceeded.Contacts');
    const contact: StoredContact = {
      id: `c-${randomId()}`, name, email, phone, title, messageTypes, status: 'Verifying', createdAt: now, members: new Map(),
      emailConfirmed: false, phoneConfirmed: false, pendingEmail: email, pendingPhone: phone,
    };
    directory.contacts.set(contact.id, contact);
    return { Contact: { ContactId: contact.id, CreateDate: toChinaTime(now) } };
  },
  GetMessageContact(params, { directory }) {
    return { Contact: view(directory.require(contactIdOf(params))) };
  },
  UpdateMessageContact(params, { directory }) {
    const contact = directory.requireChangeable(contactIdOf(params));
    // Every value is checked before any is applied, so a refused update changes nothing.
    const name = optional(params.text('Name'), checkName);
    const email = optional(params.text('EmailAddress'), checkEmail);
    const phone = optional(params.text('PhoneNumber'), (value) => checkPhone(value, directory.site));
    const title = optional(params.text('Title'), checkTitle);
    const types = params.list('MessageTypes');
    const messageTypes = types.length === 0 ? undefined : checkMessageTypes(types);
    if (name !== undefined) directory.claimName(name, contact.id);
    if (name !== undefined) contact.name = name;
    if (title !== undefined) contact.title = title;
    if (messageTypes !== undefined) contact.messageTypes = messageTypes;
    if (email !== undefined) directory.changeEmail(contact, email);
    if (phone !== undefined) directory.changePhone(contact, phone);
    return {};
  },
  DeleteMessageContact(params, { directory, now }) {
    const contact = directory.require(contactIdOf(params));
    return { Status: directory.startDeletion(contact, params.bool('RetainContactInMembers', true), now.getTime()) };
  },
  GetMessageContactDeletionStatus(params, { directory }) {
    const id = contactIdOf(params);
    const deletion = directory.deletionOf(id);
    const reasons = deletion.reasons.map((reason) => ({ AccountId: reason.accountId, MessageTypes: reason.messageTypes }));
    return { ContactDeletionStatus: { ContactId: id, Status: deletion.status, FailReasonList: reasons } };
  },
  ListMessageContacts(params, { directory }) {
    const id = optional(params.text('ContactId'), checkContactId);
    const member = optional(params.text('Member'), (value) => checkMemberFilter(value, directory.knownMembers));
    const all = id === undefined ? [...directory.contacts.values()] : [directory.require(id)];
    const bound = member === undefined ? all : all.filter((contact) => contact.members.has(member));
    const { items, ...counts } = paginate(bound, params);
    return { ...counts, Contacts: items.map((contact) => view(contact, member)) };
  },
  ListMessageContactVerifications(params, { directory }) {
    const id = optional(params.text('ContactId'), checkContactId);
    const contacts = id === undefined ? [...directory.contacts.values()] : [directory.require(id)];
    const targets = contacts.flatMap((contact) => directory.pendingTargets(contact).map((target) => ({ ContactId: contact.id, Target: target })));
    const { items, ...counts } = paginate(targets, params);
    return { ...counts, ContactVerifications: items };
  },
  SendEmailVerificationForMessageContact: sendVerification('EmailAddress'),
  SendPhoneVerificationForMessageContact: sendVerification('PhoneNumber'),
  CancelMessageContactUpdate(params, { directory }) {
    const contact = directory.requireChangeable(contactIdOf(params));
    const email = optional(params.text('EmailAddress'), checkEmail);
    const phone = optional(params.text('PhoneNumber'), (value) => checkPhone(value, directory.site));
    directory.cancel(contact, { email, phone });
    return {};
  },
  AssociateMembers(params, { directory, context, now }) {
    const contact = directory.requireChangeable(contactIdOf(params));
    if (contact.status === 'Verifying') throw new VendorFault('ContactStatusMismatchAction');
    const members = checkMembers(params.list('Members'), directory.knownMembers);
    const total = new Set([...contact.members.keys(), ...members]).size;
    if (total > context.quota('membersPerContact').limit) throw new VendorFault('LimitExceeded.ContactMembers');
    for (const member of members) if (!contact.members.has(member)) contact.members.set(member, now);
    return { Members: members.map((member) => binding(contact, member, now)) };
  },
  DisassociateMembers(params, { directory, now }) {
    const contact = directory.requireChangeable(contactIdOf(params));
    const members = checkMembers(params.list('Members'), directory.knownMembers);
    for (const member of members) contact.members.delete(member);
    return { Members: members.map((member) => binding(contact, member, now)) };
  },
};

function sendVerification(parameter: 'EmailAddress' | 'PhoneNumber'): Handler {
  return (params, { directory, context, now }) => {
    const contact = directory.require(contactIdOf(params));
    const target = params.required(parameter);
    if (parameter === 'EmailAddress') checkEmail(target);
    else checkPhone(target, directory.site);
    if (!directory.pendingTargets(contact).includes(target)) throw new VendorFault('EntityNotExists.Contact.Verification');
    if (!context.quota('verificationsPerDay').tryConsume()) throw new VendorFault('SendValidateCodeExceedsLimitForAccount');
    directory.sent.push({ contactId: contact.id, target, sentAt: now });
    return {};
  };
}

/** A contact as GetMessageContact and ListMessageContacts show it. */
function view(contact: StoredContact, associatedWith?: string): object {
  const associatedAt = associatedWith === undefined ? undefined : contact.members.get(associatedWith);
  return {
    ContactId: contact.id,
    Name: contact.name,
    EmailAddress: contact.email,
    ...(contact.phone === undefined ? {} : { PhoneNumber: contact.phone }),
    Title: contact.title,
    MessageTypes: contact.messageTypes,
    Members: [...contact.members.keys()],
    Status: contact.status,
    CreateDate: storedDate(contact.createdAt),
    ...(associatedAt === undefined ? {} : { AssociatedDate: storedDate(associatedAt) }),
  };
}

/**
 * A stored moment as the vendor writes it, formatted once: a listing shows every contact's dates,
 * and formatting them each time was a tenth of the emulator's work per listing.
 */
const formattedDates = new WeakMap<Date, string>();
function storedDate(date: Date): string {
  let text = formattedDates.get(date);
  if (text === undefined) formattedDates.set(date, (text = toChinaTime(date)));
  return text;
}

function binding(contact: StoredContact, member: string, now: Date): object {
  return { ContactId: contact.id, MemberId: member, ModifyDate: toChinaTime(now) };
}

function paginate<T>(all: readonly T[], params: RpcParams): { TotalCount: number; PageNumber: number; PageSize: number; items: T[] } {
  const PageNumber = params.int('PageNumber', 1, Number.MAX_SAFE_INTEGER);
  const PageSize = params.int('PageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  return { TotalCount: all.length, PageNumber, PageSize, items: all.slice((PageNumber - 1) * PageSize, PageNumber * PageSize) };
}

function contactIdOf(params: RpcParams): string {
  return checkContactId(params.required('ContactId'));
}

function requiredList(params: RpcParams, name: string): string[] {
  const values = params.list(name);
  if (values.length === 0) throw new VendorFault(`MissingParameter.${name}`);
  return values;
}

function optional<T>(value: string | undefined, check: (value: string) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}

function randomId(): string {
  return [...randomBytes(16)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}
