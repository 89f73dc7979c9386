/**
 * Pure functions between the neutral model and the Resource Directory wire shapes.
 */
import { CONTACT_TITLES, MESSAGE_TYPES } from '../../src/contact.js';
import type { ContactInput, ContactPatch, ContactStatus, ContactTitle, ContactVerification, MessageType } from '../../src/contact.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { RdResponse, VendorBinding, VendorContact, VendorVerification } from './alibaba-resource-directory-api.js';
import type {
  AlibabaResourceDirectoryContact,
  AlibabaResourceDirectoryContactDetails,
  ContactDeletionStatus,
  MemberBinding,
  PendingVerification,
} from './alibaba-resource-directory-types.js';

const PROVIDER = 'alibaba-resource-directory';

/** A query parameter before flattening: lists become `Key.1`, `Key.2`, … */
export type VendorParam = string | number | boolean | readonly string[] | undefined;

/** Business parameters of one request, by vendor name. */
export type VendorParams = Readonly<Record<string, VendorParam>>;

/**
 * Flattens parameters the way the vendor's SDKs do: lists 1-based (`MessageTypes.1`), booleans
 * and numbers as text, `undefined` dropped.
 */
export function flattenQuery(params: VendorParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value === 'object') value.forEach((item, index) => (out[`${key}.${index + 1}`] = item));
    else out[key] = String(value);
  }
  return out;
}

/**
 * `+8613900001234` → `86-13900001234`, the vendor's `<country code>-<number>`; the split follows
 * the country calling code even for a number the full metadata would not accept.
 */
export function toVendorPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed === undefined ? e164.replace(/^\+/, '') : `${parsed.countryCallingCode}-${parsed.nationalNumber}`;
}

/** `86-13900001234` → `+8613900001234`; a masked `86-139****1234` keeps its stars; anything else is undefined. */
export function fromVendorPhone(vendor: string): string | undefined {
  const match = /^(\d{1,4})-([\d*]{4,20})$/.exec(vendor.trim());
  return match === null ? undefined : `+${match[1]}${match[2]}`;
}

const CHINA_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * `2023-03-27 17:19:21` (the vendor's China time, UTC+8, without a zone) → `2023-03-27T17:19:21+08:00`;
 * undefined for anything that is not such a date.
 *
 * @remarks The vendor does not document the zone (UNCONFIRMED); its consoles show China time.
 */
export function fromChinaTime(text: string): string | undefined {
  const match = CHINA_TIME.exec(text.trim());
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2023-02-30 over to March: a date that does not survive the trip is not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00`;
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
export interface PendingTargets {
  /** A pending email address. */
  readonly email?: string;
  /** A pending phone number, `86-…`. */
  readonly phone?: string;
}

/** Whether a verification target is an email address or a phone number. */
export function channelOfTarget(target: string): 'email' | 'phone' {
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
  const masked = [
    ...(email?.includes('***') === true ? (['email'] as const) : []),
    ...(phone?.includes('*') === true ? (['phone'] as const) : []),
  ];
  const createdAt = vendor.CreateDate ? fromChinaTime(vendor.CreateDate) : undefined;
  const title = knownTitle(vendor.Title);
  const verification = verificationOf(vendor.Status, phone !== undefined, pending);
  return {
    provider: PROVIDER,
    id: vendor.ContactId,
    name: vendor.Name ?? '',
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
    ...(title === undefined ? {} : { title }),
    messageTypes: knownMessageTypes(vendor.MessageTypes),
    status: toContactStatus(vendor.Status),
    ...(verification === undefined ? {} : { verification }),
    ...(masked.length === 0 ? {} : { masked }),
    ...(createdAt === undefined ? {} : { createdAt }),
    details: detailsOf(vendor, pending),
  };
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
  const pendingPhone = pending?.phone === undefined ? undefined : fromVendorTarget(pending.phone);
  const associatedAt = vendor.AssociatedDate ? fromChinaTime(vendor.AssociatedDate) : undefined;
  return {
    members: [...(vendor.Members ?? [])],
    ...(pending?.email === undefined ? {} : { pendingEmail: pending.email }),
    ...(pendingPhone === undefined ? {} : { pendingPhone }),
    ...(associatedAt === undefined ? {} : { associatedAt }),
  };
}

function knownTitle(title: string | null | undefined): ContactTitle | undefined {
  return CONTACT_TITLES.find((known) => known === title);
}

function knownMessageTypes(types: readonly string[] | null | undefined): MessageType[] {
  return (types ?? []).filter((type): type is MessageType => (MESSAGE_TYPES as readonly string[]).includes(type));
}
