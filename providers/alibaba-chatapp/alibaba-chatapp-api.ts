/**
 * Minimal, tolerant schemas of the ChatApp (`cams` 2020-06-06) phone-number answers: only the
 * fields this provider reads, each `.nullish()` unless the answer is useless without it. The
 * `Code` / `Message` / `AccessDeniedDetail` envelope is checked by the transport (`Code` must be
 * `OK`), so it is not repeated here. Each is built on its first use (`z.lazy`): building them all
 * at import was a large part of a provider's cold start.
 */
import * as z from '../../src/util/zod.js';
import type { ActionTable } from '../../src/transport/vendor-caller.js';

const text = z.nullishString();
// The vendor's examples show numbers where the models say strings; either is read.
const numberish = z.nullish(z.union([z.number(), z.string()]));

const callHoursSchema = z.lazy(() =>
  z.object({
    Status: text,
    TimezoneId: text,
    // QueryChatappPhoneNumbers puts these two under CallHours, ChatappSyncPhoneNumber under Calling.
    CallIconVisibility: text,
    CallbackPermissionStatus: text,
    WeeklyOperatingHours: z.nullish(z.array(z.object({ DayOfWeek: text, OpenTime: text, CloseTime: text }))),
    HolidaySchedule: z.nullish(z.array(z.object({ Date: text, StartTime: text, EndTime: text }))),
  }),
);

/** `CallingConfigure` of a number (newer answers only). */
const vendorCallingSchema = z.lazy(() =>
  z.object({
    CallingCallbackUrl: text,
    MaxTalkTime: numberish,
    Calling: z.nullish(z.object({ Status: text, CallIconVisibility: text, CallbackPermissionStatus: text, CallHours: z.nullish(callHoursSchema) })),
  }),
);

/** A number's calling configuration as the vendor shows it. */
export type VendorCalling = z.infer<typeof vendorCallingSchema>;

/** One number as ChatappSyncPhoneNumber and QueryChatappPhoneNumbers show it. */
export const vendorNumberSchema = z.lazy(() =>
  z.object({
    // The number is the contact's id: an entry without one is of no use.
    PhoneNumber: z.string().check(z.minLength(1)),
    VerifiedName: text,
    Status: text,
    QualityRating: text,
    CodeVerificationStatus: text,
    NameStatus: text,
    NewNameStatus: text,
    MessagingLimitTier: text,
    UpQueue: text,
    StatusQueue: text,
    UpCallbackUrl: text,
    StatusCallbackUrl: text,
    IsOfficial: text,
    CallingConfigure: z.nullish(vendorCallingSchema),
  }),
);

/** A number as the vendor shows it. */
export type VendorNumber = z.infer<typeof vendorNumberSchema>;

/** The business profile QueryPhoneBusinessProfile answers. */
const vendorProfileSchema = z.lazy(() =>
  z.object({
    About: text,
    Address: text,
    Description: text,
    Email: text,
    ProfilePictureUrl: text,
    Vertical: text,
    Websites: z.nullish(z.array(z.string())),
  }),
);

/** A business profile as the vendor shows it. */
export type VendorProfile = z.infer<typeof vendorProfileSchema>;

const base = { RequestId: text };
const envelopeOnly = z.lazy(() => z.object(base));
const numbers = z.lazy(() => z.object({ ...base, PhoneNumbers: z.nullish(z.array(vendorNumberSchema)) }));

/** What the vendor answers for each phone-number action, and whether sending it twice is harmless. */
export const CHATAPP_ACTIONS = {
  ChatappSyncPhoneNumber: { idempotent: true, response: numbers },
  QueryChatappPhoneNumbers: { idempotent: true, response: numbers },
  // A second add of the same number is refused, so a lost answer is settled by reading the list.
  AddChatappPhoneNumber: { idempotent: false, response: envelopeOnly },
  GetPhoneNumberVerificationStatus: {
    idempotent: true,
    response: z.lazy(() => z.object({ ...base, Data: z.nullish(z.object({ PhoneNumber: text, Id: numberish, CodeVerificationStatus: text })) })),
  },
  // Each request is another SMS or call to a person.
  GetChatappVerifyCode: { idempotent: false, response: envelopeOnly },
  // The code is used up by the first request that succeeds.
  ChatappVerifyAndRegister: { idempotent: false, response: envelopeOnly },
  ChatappPhoneNumberRegister: { idempotent: true, response: envelopeOnly },
  // A repeat goes further: the first request of a registered number deregisters it, the next one
  // takes the number out of the customer space (UNCONFIRMED; see the emulator's state).
  ChatappPhoneNumberDeregister: { idempotent: false, response: envelopeOnly },
  QueryPhoneBusinessProfile: { idempotent: true, response: z.lazy(() => z.object({ ...base, Data: z.nullish(vendorProfileSchema) })) },
  // Both set absolute values: the same request twice leaves the same profile and callbacks.
  ModifyPhoneBusinessProfile: { idempotent: true, response: envelopeOnly },
  UpdatePhoneWebhook: { idempotent: true, response: envelopeOnly },
} as const satisfies ActionTable;

/** The parsed answer of an action. */
export type ChatAppResponse<A extends keyof typeof CHATAPP_ACTIONS> = z.infer<(typeof CHATAPP_ACTIONS)[A]['response']>;

/** The API version every request names (product `cams`). */
export const CHATAPP_API_VERSION = '2020-06-06';
