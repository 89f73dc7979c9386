/**
 * Pure functions between the neutral model and the ChatApp wire shapes: numbers as the vendor
 * writes them (country code and number, no `+`), the `Status` and `CodeVerificationStatus`
 * enums, the business profile and the callbacks.
 */
import type { ContactInput, ContactStatus, VerificationState } from '../../src/model/contact.js';
import { definedOnly } from '../../src/util/defined-only.js';
import { splitE164 } from '../../src/model/phone.js';
import type { VendorParams } from '../alibaba-common/alibaba-rpc-params.js';
import type { ChatAppResponse, VendorCalling, VendorNumber, VendorProfile } from './alibaba-chatapp-api.js';
import type {
  AlibabaChatAppContact,
  AlibabaChatAppContactDetails,
  ChatAppBusinessProfile,
  ChatAppBusinessProfileChanges,
  ChatAppCallbacks,
  ChatAppCallingConfiguration,
  ChatAppVerificationStatus,
} from './alibaba-chatapp-types.js';

const PROVIDER = 'alibaba-chatapp' as const;

/** Checked changes, where a key may be present with nothing in it (as zod's optional keys are). */
type Given<T> = { readonly [K in keyof T]?: T[K] | undefined };

/** The vendor's `Status` → the nearest neutral state (the vendor value stays in `details`). */
const NEUTRAL_STATUS: ReadonlyMap<string, ContactStatus> = lookup({
  CONNECTED: 'active',
  // Flagged, restricted and rate-limited numbers are registered and still send, within limits.
  FLAGGED: 'active',
  RESTRICTED: 'active',
  RATE_LIMITED: 'active',
  PENDING: 'pending-verification',
  UNVERIFIED: 'pending-verification',
  DELETED: 'inactive',
  DISCONNECTED: 'inactive',
  BANNED: 'inactive',
  MIGRATED: 'inactive',
  UNKNOWN: 'unknown',
});

/** A table read with vendor text as the key: a Map, so `toString` or `constructor` is not found on a prototype. */
function lookup<T>(table: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(table));
}

/** The statuses of a number that is registered with WhatsApp. */
const REGISTERED = new Set(['CONNECTED', 'FLAGGED', 'RESTRICTED', 'RATE_LIMITED']);

const CODE_STATE: ReadonlyMap<string, VerificationState> = lookup({
  VERIFIED: 'verified',
  NOT_VERIFIED: 'pending',
  MORE_INFORMATION_REQUESTED: 'pending',
  EXPIRED: 'unverified',
  REJECTED: 'unverified',
  REVOKED: 'unverified',
});

/** A vendor number's `Status` → the neutral status. */
export function toContactStatus(status: string | null | undefined): ContactStatus {
  return NEUTRAL_STATUS.get(status ?? '') ?? 'unknown';
}

/** Whether a number with this `Status` is registered (deregistering it keeps it in the space). */
export function isRegistered(status: string | null | undefined): boolean {
  return REGISTERED.has(status ?? '');
}

/** A `CodeVerificationStatus` → the neutral verification state of the phone, when it says one. */
export function toVerificationState(status: string | null | undefined): VerificationState | undefined {
  return CODE_STATE.get(status ?? '');
}

/** The id of a number in E.164: the number without `+`, as the vendor writes it. */
export function idOfPhone(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** The number as the vendor writes it (`8613800001234`, masked `861380000****`) → E.164; undefined for anything else. */
export function fromVendorNumber(vendor: string): string | undefined {
  const digits = vendor.trim().replace(/^\+/, '');
  return /^[1-9][\d*]{3,19}$/.test(digits) ? `+${digits}` : undefined;
}

/**
 * AddChatappPhoneNumber's parameters: the national number and its country code apart; the split
 * follows the country calling code even for a number the full metadata would not accept.
 */
export function toAddParams(space: string, input: ContactInput): VendorParams {
  const e164 = input.phone ?? '';
  const parts = splitE164(e164);
  return {
    CustSpaceId: space,
    Cc: parts?.countryCallingCode,
    PhoneNumber: parts?.nationalNumber ?? idOfPhone(e164),
    VerifiedName: input.name,
  };
}

/** A vendor number → the neutral contact; `email` is the business profile's, when it was read. */
export function toContact(vendor: VendorNumber, space: string, email?: string): AlibabaChatAppContact {
  const phone = fromVendorNumber(vendor.PhoneNumber);
  const verification = toVerificationState(vendor.CodeVerificationStatus);
  return definedOnly({
    provider: PROVIDER,
    id: vendor.PhoneNumber,
    name: vendor.VerifiedName ?? '',
    email,
    phone,
    status: toContactStatus(vendor.Status),
    verification: verification === undefined ? undefined : { phone: verification },
    // The vendor's examples show numbers masked (`861380000****`).
    masked: phone?.includes('*') === true ? ['phone' as const] : undefined,
    details: detailsOf(vendor, space),
  });
}

/** A listed number with its business profile's email read in (what a listing lacks). */
export function withProfileEmail(contact: AlibabaChatAppContact, email: string | undefined): AlibabaChatAppContact {
  const { email: _listed, ...rest } = contact;
  return email === undefined ? rest : { ...rest, email };
}

function detailsOf(vendor: VendorNumber, space: string): AlibabaChatAppContactDetails {
  return definedOnly({
    custSpaceId: space,
    vendorStatus: present(vendor.Status) ?? 'UNKNOWN',
    qualityRating: present(vendor.QualityRating),
    messagingLimitTier: present(vendor.MessagingLimitTier),
    codeVerificationStatus: present(vendor.CodeVerificationStatus),
    nameStatus: present(vendor.NameStatus),
    newNameStatus: present(vendor.NewNameStatus),
    statusCallbackUrl: present(vendor.StatusCallbackUrl),
    inboundCallbackUrl: present(vendor.UpCallbackUrl),
    statusQueue: present(vendor.StatusQueue),
    inboundQueue: present(vendor.UpQueue),
    officialBusiness: vendor.IsOfficial === 'Y' ? true : vendor.IsOfficial === 'N' ? false : undefined,
    calling: vendor.CallingConfigure ? toCalling(vendor.CallingConfigure) : undefined,
  });
}

/** `CallingConfigure` → the neutral shape; the two placements of the icon and permission fields are both read. */
export function toCalling(vendor: VendorCalling): ChatAppCallingConfiguration {
  const calling = vendor.Calling ?? undefined;
  const hours = calling?.CallHours ?? undefined;
  const maxTalkTime = vendor.MaxTalkTime === null || vendor.MaxTalkTime === undefined || vendor.MaxTalkTime === '' ? Number.NaN : Number(vendor.MaxTalkTime);
  return {
    ...present({
      callbackUrl: vendor.CallingCallbackUrl,
      status: calling?.Status,
      callIconVisibility: calling?.CallIconVisibility ?? hours?.CallIconVisibility,
      callbackPermissionStatus: calling?.CallbackPermissionStatus ?? hours?.CallbackPermissionStatus,
    }),
    ...(Number.isFinite(maxTalkTime) ? { maxTalkTime } : {}),
    ...(hours === undefined
      ? {}
      : {
          callHours: {
            ...present({ status: hours.Status, timezoneId: hours.TimezoneId }),
            weeklyOperatingHours: (hours.WeeklyOperatingHours ?? []).map((day) => present({ dayOfWeek: day.DayOfWeek, openTime: day.OpenTime, closeTime: day.CloseTime })),
            holidaySchedule: (hours.HolidaySchedule ?? []).map((day) => present({ date: day.Date, startTime: day.StartTime, endTime: day.EndTime })),
          },
        }),
  };
}

/** QueryPhoneBusinessProfile's `Data` → the neutral profile. */
export function toBusinessProfile(vendor: VendorProfile | null | undefined): ChatAppBusinessProfile {
  return {
    ...present({
      about: vendor?.About,
      address: vendor?.Address,
      description: vendor?.Description,
      email: vendor?.Email,
      profilePictureUrl: vendor?.ProfilePictureUrl,
      vertical: vendor?.Vertical,
    }),
    websites: (vendor?.Websites ?? []).filter((site) => site.trim() !== ''),
  };
}

/** ModifyPhoneBusinessProfile's parameters for checked changes; `Websites` travels as a JSON string. */
export function toProfileParams(space: string, id: string, changes: Given<ChatAppBusinessProfileChanges>): VendorParams {
  return {
    CustSpaceId: space,
    PhoneNumber: id,
    About: changes.about,
    Address: changes.address,
    Description: changes.description,
    Email: changes.email,
    ProfilePictureUrl: changes.profilePictureUrl,
    Vertical: changes.vertical,
    Websites: changes.websites === undefined ? undefined : { json: changes.websites },
  };
}

/** UpdatePhoneWebhook's parameters for checked callbacks. */
export function toWebhookParams(space: string, id: string, callbacks: Given<ChatAppCallbacks>): VendorParams {
  const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'Y' : 'N');
  return {
    CustSpaceId: space,
    PhoneNumber: id,
    StatusCallbackUrl: callbacks.statusCallbackUrl,
    UpCallbackUrl: callbacks.inboundCallbackUrl,
    HttpFlag: flag(callbacks.http),
    QueueFlag: flag(callbacks.queue),
  };
}

/** GetPhoneNumberVerificationStatus's `Data` → the neutral report. */
export function toVerificationStatus(data: ChatAppResponse<'GetPhoneNumberVerificationStatus'>['Data'], id: string): ChatAppVerificationStatus {
  const status = present(data?.CodeVerificationStatus) ?? 'UNKNOWN';
  const phoneNumberId = data?.Id === null || data?.Id === undefined || data.Id === '' ? undefined : String(data.Id);
  return {
    phone: fromVendorNumber(present(data?.PhoneNumber) ?? id) ?? `+${id}`,
    ...(phoneNumberId === undefined ? {} : { phoneNumberId }),
    codeVerificationStatus: status,
    needsCode: status !== 'VERIFIED',
  };
}

/** A vendor text with nothing in it is absent; a record keeps only the texts that are present. */
function present(value: string | null | undefined): string | undefined;
function present<T extends Record<string, string | null | undefined>>(record: T): { [K in keyof T]?: string };
function present(value: string | null | undefined | Record<string, string | null | undefined>): unknown {
  if (typeof value !== 'object' || value === null) return value === undefined || value === null || value.trim() === '' ? undefined : value;
  // A plain loop: this runs for every field of every listed number.
  const out: Record<string, string> = {};
  for (const key in value) {
    const text = present(value[key]);
    if (text !== undefined) out[key] = text;
  }
  return out;
}
