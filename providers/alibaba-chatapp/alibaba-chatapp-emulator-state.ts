/**
 * The emulated ChatApp account: its customer spaces, the WhatsApp numbers in them, and the
 * registration flow (https://www.alibabacloud.com/help/en/chatapp/developer-reference/register-and-synchronize-phone-numbers) with its states:
 *
 *   AddChatappPhoneNumber → UNVERIFIED (code NOT_VERIFIED) → GetChatappVerifyCode sends a code →
 *   ChatappVerifyAndRegister → CONNECTED (code VERIFIED) → ChatappPhoneNumberDeregister →
 *   DISCONNECTED → ChatappPhoneNumberRegister → CONNECTED …
 *
 * Choices where the vendor is UNCONFIRMED: Deregister takes a number that is not registered
 * out of the space (so it is no longer listed); a verification holds 14 days (then the code
 * status reads EXPIRED and Register refuses), a code 10 minutes; a number already in a space of
 * the account is `InvalidParameter.PhoneNumberExist`, one held by another account
 * `Unknown.ResourceOwnerId`; a space holds at most the `numbers` quota.
 */
import { randomInt } from 'node:crypto';
import { parsePhone } from '../../src/model/phone.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { CHATAPP_NUMBER_STATUSES, CHATAPP_VERTICALS } from './alibaba-chatapp-capabilities.js';

/** How long a verified code keeps a number verified. */
const VERIFICATION_MS = 14 * 86_400_000;
/** How long a sent code can be used. */
const CODE_MS = 10 * 60_000;
const REGISTERED = new Set(['CONNECTED', 'FLAGGED', 'RESTRICTED', 'RATE_LIMITED']);

/** A number's business profile, in the vendor's names. */
interface StoredProfile {
  About?: string;
  Address?: string;
  Description?: string;
  Email?: string;
  ProfilePictureUrl?: string;
  Vertical?: string;
  Websites: string[];
}

/** A message QR code of a number. */
export interface StoredQrdl {
  readonly QrdlCode: string;
  GenerateQrImage: string;
  PrefilledMessage: string;
}

/** A number as the emulator stores it, in the vendor's notation. */
export interface StoredNumber {
  /** Country code and number, digits only. */
  readonly phoneNumber: string;
  /** Meta's id of the number. */
  readonly metaId: string;
  verifiedName: string;
  status: string;
  qualityRating: string;
  messagingLimitTier: string;
  nameStatus: string;
  newNameStatus: string | undefined;
  /** When the code was last verified; undefined while it never was. */
  verifiedAt: number | undefined;
  pendingCode: { readonly code: string; readonly expiresAt: number } | undefined;
  statusCallbackUrl: string | undefined;
  upCallbackUrl: string | undefined;
  httpFlag: boolean;
  queueFlag: boolean;
  official: boolean;
  calling: object | undefined;
  readonly profile: StoredProfile;
  readonly qrdls: Map<string, StoredQrdl>;
}

/** A verification code the emulator "sent". */
export interface SentCode {
  /** The customer space of the number. */
  custSpaceId: string;
  /** The number, as the vendor writes it. */
  phoneNumber: string;
  /** The code. */
  code: string;
  /** `SMS` or `VOICE`. */
  method: string;
  /** `en_US` or `zh_CN`. */
  locale: string;
  /** When, on the emulator clock. */
  sentAt: Date;
}

/** The state of one emulated account; a reset makes a new one. */
export class ChatAppAccount {
  /** Customer spaces, each its numbers by number. */
  readonly spaces = new Map<string, Map<string, StoredNumber>>();
  /** Numbers another account holds. */
  readonly foreign = new Set<string>();
  /** Codes sent, oldest first. */
  readonly sent: SentCode[] = [];
  /** The account's message queues (as `alicom-<id>-queue`). */
  readonly queue = `alicom-${randomInt(10_000_000, 99_999_999)}-queue`;

  /** @param defaultSpace - the space a fresh account has */
  constructor(defaultSpace: string) {
    this.spaces.set(defaultSpace, new Map());
  }

  /** The numbers of a space, or `Unknown.ResourceOwnerId` for a space that is not this account's. */
  space(id: string): Map<string, StoredNumber> {
    const space = this.spaces.get(id);
    if (space === undefined) throw new VendorFault('Unknown.ResourceOwnerId');
    return space;
  }

  /** A number of a space, or `ERR-OPERATION-MAAP-0065`. */
  number(spaceId: string, phoneNumber: string): StoredNumber {
    const found = this.space(spaceId).get(checkNumber(phoneNumber));
    if (found === undefined) throw new VendorFault('ERR-OPERATION-MAAP-0065');
    return found;
  }

  /** The space holding a number, if any. */
  spaceOf(phoneNumber: string): string | undefined {
    return [...this.spaces].find(([, numbers]) => numbers.has(phoneNumber))?.[0];
  }

  /** Adds a number to a space, as AddChatappPhoneNumber does. */
  add(spaceId: string, cc: string, national: string, verifiedName: string, limit: number): StoredNumber {
    const space = this.space(spaceId);
    const phoneNumber = checkNewNumber(cc, national);
    if (this.foreign.has(phoneNumber)) throw new VendorFault('Unknown.ResourceOwnerId');
    if (this.spaceOf(phoneNumber) !== undefined) throw new VendorFault('InvalidParameter.PhoneNumberExist');
    if (space.size >= limit) throw new VendorFault('InvalidParameter.PhoneNumberLimitExceeded');
    const stored: StoredNumber = {
      phoneNumber,
      metaId: String(randomInt(100_000_000_000, 999_999_999_999)),
      verifiedName: checkVerifiedName(verifiedName),
      status: 'UNVERIFIED',
      qualityRating: 'GREEN',
      messagingLimitTier: 'TIER_250',
      nameStatus: 'Approval',
      newNameStatus: undefined,
      verifiedAt: undefined,
      pendingCode: undefined,
      statusCallbackUrl: undefined,
      upCallbackUrl: undefined,
      httpFlag: true,
      queueFlag: false,
      official: false,
      calling: undefined,
      profile: { Websites: [] },
      qrdls: new Map(),
    };
    space.set(phoneNumber, stored);
    return stored;
  }

  /** The code verification status a number shows now. */
  codeStatus(number: StoredNumber, now: number): string {
    if (number.verifiedAt === undefined) return 'NOT_VERIFIED';
    return now - number.verifiedAt < VERIFICATION_MS ? 'VERIFIED' : 'EXPIRED';
  }

  /** Sends a code to a number, as GetChatappVerifyCode does. */
  sendCode(spaceId: string, number: StoredNumber, method: string, locale: string, now: Date): void {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    number.pendingCode = { code, expiresAt: now.getTime() + CODE_MS };
    this.sent.push({ custSpaceId: spaceId, phoneNumber: number.phoneNumber, code, method, locale, sentAt: now });
  }

  /** Checks the code a number received and registers it, as ChatappVerifyAndRegister does. */
  verifyAndRegister(number: StoredNumber, code: string, now: number): void {
    const pending = number.pendingCode;
    if (pending === undefined || pending.code !== code || now > pending.expiresAt) throw new VendorFault('InvalidParameter.VerifyCode');
    number.pendingCode = undefined;
    number.verifiedAt = now;
    number.status = 'CONNECTED';
  }

  /** Registers a number whose code is verified, as ChatappPhoneNumberRegister does; a registered one stays so. */
  register(number: StoredNumber, now: number): void {
    if (REGISTERED.has(number.status)) return;
    if (this.codeStatus(number, now) !== 'VERIFIED') throw new VendorFault('InvalidParameter.PhoneNumberNotVerified');
    number.status = 'CONNECTED';
  }

  /** Deregisters a registered number; takes any other out of its space. */
  deregister(spaceId: string, number: StoredNumber): void {
    if (REGISTERED.has(number.status)) number.status = 'DISCONNECTED';
    else this.space(spaceId).delete(number.phoneNumber);
  }
}

/** A number as requests name it: country code and number, digits only. */
function checkNumber(phoneNumber: string): string {
  if (!/^[1-9]\d{6,14}$/.test(phoneNumber)) throw new VendorFault('InvalidParameter.PhoneNumberError');
  return phoneNumber;
}

/** A new number, `Cc` and national number apart, which must make a valid number. */
function checkNewNumber(cc: string, national: string): string {
  if (!/^[1-9]\d{0,3}$/.test(cc)) throw new VendorFault('InvalidParameter.Cc');
  const parsed = /^\d{4,14}$/.test(national) ? parsePhone(`+${cc}${national}`) : 'invalid';
  if (typeof parsed === 'string' || parsed.countryCallingCode !== cc) throw new VendorFault('InvalidParameter.PhoneNumberError');
  return `${cc}${parsed.nationalNumber}`;
}

function checkVerifiedName(name: string): string {
  // A display name of at most 512 characters, without control characters (UNCONFIRMED: the vendor gives no rule).
  if (name.length > 512 || /[\u0000-\u001f\u007f]/.test(name)) throw new VendorFault('InvalidParameter.VerifiedName');
  return name;
}

/** A number `Status` the vendor knows. */
export function checkStatus(status: string): string {
  if (!(CHATAPP_NUMBER_STATUSES as readonly string[]).includes(status)) throw new VendorFault('InvalidParameter.Status');
  return status;
}

/** One of the listed values, else `InvalidParameter.<Name>`. */
export function checkOneOf(name: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new VendorFault(`InvalidParameter.${name}`);
  return value;
}

/** A business category. */
export function checkVertical(vertical: string): string {
  return checkOneOf('Vertical', vertical, CHATAPP_VERTICALS);
}

/** An http(s) URL, else `InvalidParameter.<Name>`. */
export function checkUrl(name: string, value: string): string {
  if (!isHttpUrl(value)) throw new VendorFault(`InvalidParameter.${name}`);
  return value;
}

/** `Websites`: a JSON list of strings, each starting with http or https. */
export function checkWebsites(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((site) => typeof site === 'string')) throw new VendorFault('InvalidParameter.Websites');
  if (!value.every(isHttpUrl)) throw new VendorFault('ERR-OPERATION-MAAP-0085');
  return value as string[];
}

/** An email address of the profile. */
export function checkEmail(email: string): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw new VendorFault('InvalidParameter.Email');
  return email;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
