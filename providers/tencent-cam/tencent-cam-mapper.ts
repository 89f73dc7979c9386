/** Pure functions between the neutral model and CAM's receivers. */
import type { ContactInput, VerificationState } from '../../src/model/contact.js';
import { definedOnly } from '../../src/util/defined-only.js';
import { maskShows } from '../../src/model/masked-values.js';
import { parsePhone } from '../../src/model/phone.js';
import type { TencentCreateReceiverParams, TencentReceiver } from './tencent-cam-api.js';
import type { TencentCamContact } from './tencent-cam-types.js';

/**
 * Maps a validated input to CreateMessageReceiver parameters: the E.164 phone splits into
 * `CountryCode` and the national `PhoneNumber`.
 *
 * @throws Error when the input lacks the email or a valid phone, which validation guarantees.
 */
export function toCreateReceiverParams(input: ContactInput): TencentCreateReceiverParams {
  const phone = input.phone === undefined ? undefined : parsePhone(input.phone);
  if (phone === undefined || typeof phone === 'string' || input.email === undefined) {
    throw new Error('toCreateReceiverParams needs a validated input with email and phone');
  }
  return {
    Name: input.name,
    CountryCode: phone.countryCallingCode,
    PhoneNumber: phone.nationalNumber,
    Email: input.email,
    ...(input.remark === undefined ? {} : { Remark: input.remark }),
  };
}

/** Maps a ListReceiver entry to a contact; masked email and phone are kept and marked as masked. */
export function fromReceiver(receiver: TencentReceiver): TencentCamContact {
  const email = nonEmpty(receiver.Email);
  const phone = nonEmpty(receiver.PhoneNumber);
  const emailState = flagState(receiver.EmailFlag);
  const phoneState = flagState(receiver.PhoneFlag);
  const masked: Array<'email' | 'phone'> = [];
  if (email !== undefined) masked.push('email');
  if (phone !== undefined) masked.push('phone');
  return definedOnly({
    provider: 'tencent-cam' as const,
    id: receiver.Uid,
    name: receiver.Name,
    email,
    phone,
    remark: nonEmpty(receiver.Remark),
    status: emailState === 'verified' && phoneState === 'verified' ? ('active' as const) : ('pending-verification' as const),
    verification: { email: emailState, phone: phoneState },
    masked: masked.length === 0 ? undefined : masked,
    details: definedOnly({
      uin: nonEmpty(receiver.Uin),
      isReceiverOwner: receiver.IsReceiverOwner === 1,
      wechatEnabled: receiver.WechatFlag === 1,
      countryCode: nonEmpty(receiver.CountryCode),
    }),
  });
}

/**
 * Whether a receiver CAM lists is the one an input asked for, comparing the masked email and
 * phone CAM shows by their visible parts: how a create whose answer was lost tells its own
 * receiver from someone else's with the same name.
 */
export function sameContent(receiver: TencentReceiver, input: ContactInput): boolean {
  return (
    receiver.Name === input.name &&
    maskShows(receiver.Email ?? '', input.email ?? '') &&
    maskShows(receiver.PhoneNumber ?? '', input.phone ?? '') &&
    (nonEmpty(receiver.Remark) ?? undefined) === input.remark
  );
}

function flagState(flag: number | null | undefined): VerificationState {
  return flag === 1 ? 'verified' : 'unverified';
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}
