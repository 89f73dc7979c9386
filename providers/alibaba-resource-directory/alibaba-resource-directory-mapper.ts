/**
 * Pure functions between the neutral model and the Resource Directory wire shapes.
 */
import { CONTACT_TITLES, MESSAGE_TYPES } from '../../src/model/contact.js';
import type { ContactInput, ContactPatch, ContactStatus, ContactTitle, ContactVerification, MessageType } from '../../src/model/contact.js';
import { definedOnly } from '../../src/util/defined-only.js';
import { splitE164 } from '../../src/model/phone.js';
import { fromChinaTime } from '../alibaba-common/alibaba-dates.js';
import type { VendorParams } from '../alibaba-common/alibaba-rpc-params.js';
import type { RdResponse, VendorBinding, VendorContact, VendorVerification } from './alibaba-resource-directory-api.js';
import type {
  AlibabaResourceDirectoryContact,
  AlibabaResourceDirectoryContactDetails,
  ContactDeletionStatus,
  MemberBinding,
  PendingVerification,
} from './alibaba-resource-directory-types.js';

const PROVIDER = 'alibaba-resource-directory' as const;

/**
 * `+8613900001234` → `86-13900001234`, the vendor's `<country code>-<number>`; the split follows
 * the country calling code even for a number the full metadata would not accept.
 */
export function toVendorPhone(e164: string): string {
  const parts = splitE164(e164);
  return parts === undefined ? e164.replace(/^\+/, '') : `${parts.countryCallingCode}-${parts.nationalNumber}`;
}

/** `86-13900001234` → `+8613900001234`; a masked `86-139****1234` keeps its stars; anything else is undefined. */
export function fromVendorPhone(vendor: string): string | undefined {
  const match = /^(\d{1,4})-([\d*]{4,20})$/.exec(vendor.trim());
  return match === null ? undefined : `+${match[1]}${match[2]}`;
}

/** The vendor's contact status → the neutral one. */
export function toContactStatus(status: string | null | undefined): ContactStatus {
  switch (status) {
    case 'Verifying':
      return 'pending-verification';
    case 'Active':
      return 'active';
    case 'Deleting':
      return 'deleting';
    default:
      return 'unknown';
  }
}

/** AddMessageContact parameters for a validated input. */
export function toAddParams(input: ContactInput): VendorParams {
  return {
    Name: input.name,
    EmailAddress: input.email,
    PhoneNumber: input.phone === undefined ? undefined : toVendorPhone(input.phone),
    Title: input.title,
    MessageTypes: input.messageTypes,
  };
}

/**
 * Whether a contact the vendor holds is the one an input asked for: how a create whose answer was
 * lost tells its own contact from someone else's with the same name.
 */
export function sameContent(vendor: VendorContact, input: ContactInput): boolean {
  const phone = input.phone === undefined ? undefined : toVendorPhone(input.phone);
  const types = new Set(vendor.MessageTypes ?? []);
  const wanted = input.messageTypes ?? [];
  return (
    vendor.Name === input.name &&
    (vendor.EmailAddress ?? undefined) === input.email &&
    (vendor.PhoneNumber ?? undefined) === phone &&
    (vendor.Title ?? undefined) === input.title &&
    types.size === wanted.length &&
    wanted.every((type) => types.has(type))
  );
}

/** UpdateMessageContact parameters for a validated patch; fields left out (or cleared) are not sent. */
export function toUpdateParams(id: string, patch: ContactPatch): VendorParams {
  return {
    ContactId: id,
    Name: patch.name,
    EmailAddress: patch.email ?? undefined,
    PhoneNumber: patch.phone === undefined || patch.phone === null ? undefined : toVendorPhone(patch.phone),
    Title: patch.title ?? undefined,
    MessageTypes: patch.messageTypes ?? undefined,
  };
}

/** A verification target as callers know it: an email address as is, a phone number in E.164 where the vendor's form allows. */
export function fromVendorTarget(target: string): string {
  return channelOfTarget(target) === 'phone' ? (fromVendorPhone(target) ?? target) : target;
}

/** Targets of one contact waiting for confirmation, in the vendor's notation. */
interface PendingTargets {
  /** A pending email address. */
  readonly email?: string;
  /** A pending phone number, `86-…`. */
  readonly phone?: string;
}

/** Whether a verification target is an email address or a phone number. */
function channelOfTarget(target: string): 'email' | 'phone' {
  return target.includes('@') ? 'email' : 'phone';
}

/** The pending targets of one contact, picked from a verification listing. */
export function pendingTargetsOf(verifications: readonly VendorVerification[], contactId: string): PendingTargets {
  const targets: { email?: string; phone?: string } = {};
  for (const verification of verifications) {
    if (verification.ContactId === contactId) targets[channelOfTarget(verification.Target)] = verification.Target;
  }
  return targets;
}

/**
 * A vendor contact → the neutral contact.
 *
 * @param pending - the contact's pending targets, when they were read: then `verification` is
 * exact and `details` names the pending values. Without them (a listing), `verification.email`
 * follows the status alone and the phone's state is left out.
 */
export function toContact(vendor: VendorContact, pending?: PendingTargets): AlibabaResourceDirectoryContact {
  const phone = vendor.PhoneNumber ? fromVendorPhone(vendor.PhoneNumber) : undefined;
  const email = vendor.EmailAddress ?? undefined;
  // The vendor's examples show masked values (`someone***@example.com`, `86-139****1234`).
  const masked: Array<'email' | 'phone'> = [];
  if (email?.includes('***') === true) masked.push('email');
  if (phone?.includes('*') === true) masked.push('phone');
  return definedOnly({
    provider: PROVIDER,
    id: vendor.ContactId,
    name: vendor.Name ?? '',
    email,
    phone,
    title: knownTitle(vendor.Title),
    messageTypes: knownMessageTypes(vendor.MessageTypes),
    status: toContactStatus(vendor.Status),
    verification: verificationOf(vendor.Status, phone !== undefined, pending),
    masked: masked.length === 0 ? undefined : masked,
    createdAt: vendor.CreateDate ? fromChinaTime(vendor.CreateDate) : undefined,
    details: detailsOf(vendor, pending),
  });
}

/** The contact AddMessageContact just made: as given, pending until its owner confirms it. */
export function toCreatedContact(input: ContactInput, answer: RdResponse<'AddMessageContact'>['Contact']): AlibabaResourceDirectoryContact {
  const phone = input.phone === undefined ? undefined : toVendorPhone(input.phone);
  const vendor: VendorContact = {
    ContactId: answer.ContactId,
    Name: input.name,
    EmailAddress: input.email,
    PhoneNumber: phone,
    Title: input.title,
    MessageTypes: input.messageTypes,
    Members: [],
    Status: 'Verifying',
    CreateDate: answer.CreateDate,
  };
  return toContact(vendor, { ...(input.email === undefined ? {} : { email: input.email }), ...(phone === undefined ? {} : { phone }) });
}

/**
 * A listed contact with its pending targets read in: what `get` with `includePending` shows,
 * made from the listing and one verification listing instead of two reads per contact.
 */
export function withPendingTargets(contact: AlibabaResourceDirectoryContact, pending: PendingTargets): AlibabaResourceDirectoryContact {
  const status = contact.status === 'pending-verification' ? 'Verifying' : contact.status === 'active' ? 'Active' : undefined;
  return definedOnly({
    ...contact,
    verification: verificationOf(status, contact.phone !== undefined, pending),
    details: definedOnly({
      members: contact.details?.members ?? [],
      pendingEmail: pending.email,
      pendingPhone: pending.phone === undefined ? undefined : fromVendorTarget(pending.phone),
      associatedAt: contact.details?.associatedAt,
    }),
  });
}

/**
 * The contact an UpdateMessageContact leaves, from the contact as read just before and the
 * patch, without reading it again: a new email or phone replaces one never confirmed, and waits
 * beside a confirmed one until its owner confirms it (the reading of "takes effect only after
 * verification" the emulator follows; UNCONFIRMED for the vendor).
 */
export function updatedContact(current: AlibabaResourceDirectoryContact, patch: ContactPatch): AlibabaResourceDirectoryContact {
  const verification: ContactVerification = { ...current.verification };
  let { email, phone } = current;
  let pendingEmail = current.details?.pendingEmail;
  let pendingPhone = current.details?.pendingPhone;
  if (typeof patch.email === 'string') {
    const confirmed = current.verification?.email === 'verified';
    if (!confirmed) email = patch.email;
    pendingEmail = confirmed && patch.email === current.email ? undefined : patch.email;
    if (pendingEmail !== undefined) verification.email = 'pending';
  }
  if (typeof patch.phone === 'string') {
    const confirmed = current.verification?.phone === 'verified';
    if (!confirmed) phone = patch.phone;
    pendingPhone = confirmed && patch.phone === current.phone ? undefined : patch.phone;
    if (pendingPhone !== undefined) verification.phone = 'pending';
  }
  return definedOnly({
    ...current,
    name: patch.name ?? current.name,
    email,
    phone,
    title: patch.title ?? current.title,
    messageTypes: patch.messageTypes ?? current.messageTypes,
    verification,
    details: definedOnly({ members: current.details?.members ?? [], pendingEmail, pendingPhone, associatedAt: current.details?.associatedAt }),
  });
}

/** A pending target → the neutral form (phone numbers in E.164 when the vendor's form allows). */
export function toPendingVerification(verification: VendorVerification): PendingVerification {
  return { contactId: verification.ContactId, channel: channelOfTarget(verification.Target), target: fromVendorTarget(verification.Target) };
}

/** A member binding as AssociateMembers and DisassociateMembers report it. */
export function toMemberBinding(binding: VendorBinding, contactId: string): MemberBinding {
  const modifiedAt = binding.ModifyDate ? fromChinaTime(binding.ModifyDate) : undefined;
  return { contactId: binding.ContactId ?? contactId, memberId: binding.MemberId, ...(modifiedAt === undefined ? {} : { modifiedAt }) };
}

/** The answer of GetMessageContactDeletionStatus → the neutral progress report. */
export function toDeletionStatus(answer: RdResponse<'GetMessageContactDeletionStatus'>['ContactDeletionStatus'], contactId: string): ContactDeletionStatus {
  const status = answer.Status === 'Deleting' ? 'deleting' : answer.Status === 'Failed' ? 'failed' : 'unknown';
  const failures = (answer.FailReasonList ?? []).map((reason) => ({ accountId: reason.AccountId ?? '', messageTypes: reason.MessageTypes ?? [] }));
  return { contactId: answer.ContactId ?? contactId, status, failures };
}

function verificationOf(status: string | null | undefined, hasPhone: boolean, pending: PendingTargets | undefined): ContactVerification | undefined {
  if (pending === undefined) {
    if (status === 'Verifying') return { email: 'pending' };
    return status === 'Active' ? { email: 'verified' } : undefined;
  }
  const email = pending.email !== undefined || status === 'Verifying' ? 'pending' : 'verified';
  if (!hasPhone && pending.phone === undefined) return { email };
  return { email, phone: pending.phone === undefined ? 'verified' : 'pending' };
}

function detailsOf(vendor: VendorContact, pending: PendingTargets | undefined): AlibabaResourceDirectoryContactDetails {
  return definedOnly({
    members: [...(vendor.Members ?? [])],
    pendingEmail: pending?.email,
    pendingPhone: pending?.phone === undefined ? undefined : fromVendorTarget(pending.phone),
    associatedAt: vendor.AssociatedDate ? fromChinaTime(vendor.AssociatedDate) : undefined,
  });
}

function knownTitle(title: string | null | undefined): ContactTitle | undefined {
  return CONTACT_TITLES.find((known) => known === title);
}

function knownMessageTypes(types: readonly string[] | null | undefined): MessageType[] {
  return (types ?? []).filter((type): type is MessageType => (MESSAGE_TYPES as readonly string[]).includes(type));
}
