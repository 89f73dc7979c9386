/**
 * The emulated resource directory: its message contacts, their lifecycle (pending targets,
 * verification, member bindings, asynchronous deletion) and the members it knows.
 *
 * Choices where the vendor is UNCONFIRMED: a contact turns Active once its email is confirmed;
 * a change of a confirmed email or phone stays pending (the old value is still shown) until
 * confirmed, while an unconfirmed value is simply replaced; ContactStatusMismatchAction answers
 * any change while Deleting, AssociateMembers while Verifying, and a cancel with nothing to cancel.
 * The value rules (names, addresses, numbers, members) follow the API reference of each action
 * (https://www.alibabacloud.com/help/en/resource-management/developer-reference/api-resourcedirectorymaster-2022-04-19-addmessagecontact and its siblings).
 */
import { CONTACT_TITLES, MESSAGE_TYPES } from '../../src/model/contact.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';

/** A contact as the emulator stores it, in the vendor's notation. */
export interface StoredContact {
  readonly id: string;
  name: string;
  /** The effective (shown) address. */
  email: string;
  /** The effective (shown) number, `86-…`. */
  phone: string | undefined;
  title: string;
  messageTypes: string[];
  status: 'Verifying' | 'Active' | 'Deleting';
  readonly createdAt: Date;
  /** Member id → when it was bound. */
  readonly members: Map<string, Date>;
  /** Whether the owner ever confirmed the email (then a change waits in `pendingEmail`). */
  emailConfirmed: boolean;
  /** Whether the owner ever confirmed the phone number. */
  phoneConfirmed: boolean;
  /** An email address waiting for confirmation. */
  pendingEmail: string | undefined;
  /** A phone number waiting for confirmation. */
  pendingPhone: string | undefined;
}

/** One member and the message types that block a deletion. */
export interface DeletionFailReason {
  /** The member account. */
  accountId: string;
  /** Message types that member would lose its last contact for. */
  messageTypes: string[];
}

/** A verification message the emulator "sent". */
export interface SentVerification {
  /** The contact. */
  contactId: string;
  /** The address or `86-…` number it went to. */
  target: string;
  /** When, on the emulator clock. */
  sentAt: Date;
}

interface Deletion {
  status: 'Deleting' | 'Failed';
  readonly completesAt: number;
  readonly previousStatus: 'Verifying' | 'Active';
  reasons: DeletionFailReason[];
}

/** The members a fresh emulator knows: a directory, its root, folders and twelve accounts. */
const DEFAULT_MEMBERS: readonly string[] = [
  'rd-FAKEdir001',
  'r-FAKEroot01',
  'fd-FAKEfolder01',
  'fd-FAKEfolder02',
  'fd-FAKEfolder03',
  ...Array.from({ length: 12 }, (_, index) => `10000000000000${String(index + 1).padStart(2, '0')}`),
];

/** The state of one emulated resource directory; a reset makes a new one. */
export class RdDirectory {
  /** Contacts by id, in creation order. */
  readonly contacts = new Map<string, StoredContact>();
  /** Verification messages sent, oldest first. */
  readonly sent: SentVerification[] = [];
  /** The members contacts can be bound to. */
  readonly knownMembers = new Set<string>(DEFAULT_MEMBERS);
  readonly #deletions = new Map<string, Deletion>();
  readonly #failNextDeletion = new Map<string, DeletionFailReason[] | undefined>();
  /** The China site takes only `86-` numbers. */
  site: 'china' | 'international' = 'china';
  /** How long an asynchronous deletion takes on the emulator clock. */
  deletionDelayMs = 100;
  /** What throttling answers put in `x-acs-retry-after`, if anything. */
  retryAfterMs: number | undefined;

  /** The contact, or `EntityNotExists.Contact`. */
  require(id: string): StoredContact {
    const contact = this.contacts.get(id);
    if (contact === undefined) throw new VendorFault('EntityNotExists.Contact');
    return contact;
  }

  /** The contact, which must not be being deleted. */
  requireChangeable(id: string): StoredContact {
    const contact = this.require(id);
    if (contact.status === 'Deleting') throw new VendorFault('ContactStatusMismatchAction');
    return contact;
  }

  /** Refuses a name another contact has. */
  claimName(name: string, exceptId?: string): void {
    for (const contact of this.contacts.values()) {
      if (contact.name === name && contact.id !== exceptId) throw new VendorFault('InvalidParameter.Name.AlreadyUsed');
    }
  }

  /** Targets waiting for confirmation, in the order email, phone. */
  pendingTargets(contact: StoredContact): string[] {
    return [contact.pendingEmail, contact.pendingPhone].filter((target): target is string => target !== undefined);
  }

  /** Sets a new email: an unconfirmed one is replaced, a confirmed one keeps working until the new one is confirmed. */
  changeEmail(contact: StoredContact, email: string): void {
    if (!contact.emailConfirmed) contact.email = email;
    contact.pendingEmail = contact.emailConfirmed && email === contact.email ? undefined : email;
  }

  /** Sets a new phone number, like {@link changeEmail}. */
  changePhone(contact: StoredContact, phone: string): void {
    if (!contact.phoneConfirmed) contact.phone = phone;
    contact.pendingPhone = contact.phoneConfirmed && phone === contact.phone ? undefined : phone;
  }

  /** The recipient confirmed a target: it becomes effective; a confirmed email activates the contact. */
  confirm(contact: StoredContact, target: string): void {
    if (target === contact.pendingEmail) {
      contact.email = target;
      contact.emailConfirmed = true;
      contact.pendingEmail = undefined;
      if (contact.status === 'Verifying') contact.status = 'Active';
    } else if (target === contact.pendingPhone) {
      contact.phone = target;
      contact.phoneConfirmed = true;
      contact.pendingPhone = undefined;
    } else {
      throw new Error(`${target} is not waiting for confirmation on ${contact.id}`);
    }
  }

  /** Drops pending changes of confirmed values: the given targets, or all of them. */
  cancel(contact: StoredContact, targets: { email?: string | undefined; phone?: string | undefined }): void {
    const all = targets.email === undefined && targets.phone === undefined;
    const email = contact.emailConfirmed && contact.pendingEmail !== undefined && (all || targets.email === contact.pendingEmail);
    const phone = contact.phoneConfirmed && contact.pendingPhone !== undefined && (all || targets.phone === contact.pendingPhone);
    const missed = (targets.email !== undefined && !email) || (targets.phone !== undefined && !phone);
    if (missed || (!email && !phone)) throw new VendorFault('ContactStatusMismatchAction');
    if (email) contact.pendingEmail = undefined;
    if (phone) contact.pendingPhone = undefined;
  }

  /** Starts a deletion: immediate when the members keep the contact, asynchronous when they lose it. */
  startDeletion(contact: StoredContact, retainInMembers: boolean, nowMs: number): 'Deleted' | 'Deleting' {
    if (contact.status === 'Deleting') return 'Deleting';
    if (retainInMembers) {
      this.contacts.delete(contact.id);
      this.#deletions.delete(contact.id);
      return 'Deleted';
    }
    this.#deletions.set(contact.id, { status: 'Deleting', completesAt: nowMs + this.deletionDelayMs, previousStatus: contact.status, reasons: [] });
    contact.status = 'Deleting';
    return 'Deleting';
  }

  /** Makes the next asynchronous deletion of a contact fail; reasons default to its bound members. */
  failNextDeletion(contactId: string, reasons?: DeletionFailReason[]): void {
    this.#failNextDeletion.set(contactId, reasons);
  }

  /** Ends the deletions due by `nowMs`: the contact goes, or stays with a Failed record. */
  settleDeletions(nowMs: number): void {
    for (const [id, deletion] of this.#deletions) {
      const contact = this.contacts.get(id);
      if (deletion.status !== 'Deleting' || deletion.completesAt > nowMs || contact === undefined) continue;
      if (!this.#failNextDeletion.has(id)) {
        this.contacts.delete(id);
        this.#deletions.delete(id);
        continue;
      }
      deletion.status = 'Failed';
      deletion.reasons = this.#failNextDeletion.get(id) ?? defaultReasons(contact);
      this.#failNextDeletion.delete(id);
      contact.status = deletion.previousStatus;
    }
  }

  /** The deletion record of a contact, or `EntityNotExists.Contact` when there is none. */
  deletionOf(id: string): { status: 'Deleting' | 'Failed'; reasons: DeletionFailReason[] } {
    const deletion = this.#deletions.get(id);
    if (deletion === undefined) throw new VendorFault('EntityNotExists.Contact');
    return deletion;
  }
}

function defaultReasons(contact: StoredContact): DeletionFailReason[] {
  const accounts = [...contact.members.keys()].filter((member) => /^\d{16}$/.test(member));
  return (accounts.length > 0 ? accounts : ['1000000000000001']).map((accountId) => ({ accountId, messageTypes: [...contact.messageTypes] }));
}

// The value rules of the parameters, as the vendor checks them.

/** The longest email address the emulator takes (the vendor's limit is UNCONFIRMED). */
const MAX_EMAIL_LENGTH = 100;
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const MEMBER_ID = /^(?:(?:rd|r|fd)-[A-Za-z0-9]+|\d{16})$/;

/** A contact id: `c-` and letters or digits. */
export function checkContactId(value: string): string {
  if (!/^c-[A-Za-z0-9]+$/.test(value)) throw new VendorFault('InvalidParameter.ContactId');
  return value;
}

/** 2-12 letters or Chinese characters. */
export function checkName(value: string): string {
  const length = [...value].length;
  if (length < 2 || length > 12) throw new VendorFault('InvalidParameter.Name.Length');
  if (!/^[A-Za-z\p{Script=Han}]+$/u.test(value)) throw new VendorFault('InvalidParameter.Name');
  return value;
}

/** An email address of at most 100 characters. */
export function checkEmail(value: string): string {
  if (value.length > MAX_EMAIL_LENGTH) throw new VendorFault('InvalidParameter.EmailAddress.Length');
  if (!EMAIL.test(value)) throw new VendorFault('InvalidParameter.EmailAddress');
  return value;
}

/** `<country code>-<number>`; the China site takes only `86-` and a mainland mobile number. */
export function checkPhone(value: string, site: 'china' | 'international'): string {
  const match = /^(\d{1,4})-(\d{4,15})$/.exec(value);
  if (match === null) throw new VendorFault('InvalidParameter.PhoneNumber');
  if (site === 'china' && match[1] !== '86') throw new VendorFault('InvalidParameter.MobileCountryCode');
  if (match[1] === '86' && !/^1[3-9]\d{9}$/.test(match[2] ?? '')) throw new VendorFault('InvalidParameter.PhoneNumber');
  return value;
}

/** One of the six titles. */
export function checkTitle(value: string): string {
  if (!(CONTACT_TITLES as readonly string[]).includes(value)) throw new VendorFault('InvalidParameter.Title');
  return value;
}

/** Known message types, duplicates dropped. */
export function checkMessageTypes(values: readonly string[]): string[] {
  if (values.some((value) => !(MESSAGE_TYPES as readonly string[]).includes(value))) throw new VendorFault('InvalidParameter.MessageTypes');
  return [...new Set(values)];
}

/** One to five distinct member ids of the directory. */
export function checkMembers(values: readonly string[], known: ReadonlySet<string>): string[] {
  if (values.length === 0) throw new VendorFault('MissingParameter.Members');
  if (values.length > 5) throw new VendorFault('InvalidParameter.Members.Length');
  if (new Set(values).size !== values.length) throw new VendorFault('InvalidParameter.Members.Duplicate');
  if (values.some((value) => !MEMBER_ID.test(value))) throw new VendorFault('InvalidParameter.Members');
  if (values.some((value) => !known.has(value))) throw new VendorFault('InvalidMember');
  return [...values];
}

/** A member filter: a well-formed id the directory knows. */
export function checkMemberFilter(value: string, known: ReadonlySet<string>): string {
  if (!MEMBER_ID.test(value)) throw new VendorFault('InvalidParameter.Member');
  if (!known.has(value)) throw new VendorFault('EntityNotExists.Member');
  return value;
}
