/**
 * The account the CAM emulator plays: its receivers with their real email and phone, the
 * sub-user names that share their namespace, and CAM's parameter rules and masks.
 */
import { VendorFault } from '../../src/testing/vendor-fault.js';

/** A stored message receiver, with its real (unmasked) email and phone. */
interface StoredReceiver {
  Uid: number;
  Name: string;
  Remark: string;
  CountryCode: string;
  PhoneNumber: string;
  Email: string;
  PhoneFlag: number;
  EmailFlag: number;
  IsReceiverOwner: number;
  WechatFlag: number;
  Uin: number;
}

/** The account the emulator plays: its uin, its receivers and the sub-user names that share their namespace. */
export class CamAccount {
  readonly uin = 100000000001;
  readonly receivers = new Map<number, StoredReceiver>();
  readonly subUserNames = new Set<string>();
  realNameVerified = true;
  #nextUid = 100012345;

  /** Stores a new receiver; the caller has validated the parameters. */
  add(params: { Name: string; CountryCode: string; PhoneNumber: string; Email: string; Remark?: string | undefined }): StoredReceiver {
    const receiver: StoredReceiver = {
      Uid: this.#nextUid++,
      Name: params.Name,
      Remark: params.Remark ?? '',
      CountryCode: params.CountryCode,
      PhoneNumber: params.PhoneNumber,
      Email: params.Email,
      PhoneFlag: 0,
      EmailFlag: 0,
      IsReceiverOwner: 0,
      WechatFlag: 0,
      Uin: this.uin,
    };
    this.receivers.set(receiver.Uid, receiver);
    return receiver;
  }

  /** Whether a name is taken by a receiver or a sub-user. */
  nameInUse(name: string): boolean {
    return this.subUserNames.has(name) || [...this.receivers.values()].some((receiver) => receiver.Name === name);
  }

  /** The receiver with a name. */
  byName(name: string): StoredReceiver | undefined {
    return [...this.receivers.values()].find((receiver) => receiver.Name === name);
  }

  /** Forgets everything. */
  reset(): void {
    this.receivers.clear();
    this.subUserNames.clear();
    this.realNameVerified = true;
    this.#nextUid = 100012345;
  }
}

/** A receiver as ListReceiver shows it: email and phone masked exactly as CAM masks them. */
export function listedReceiver(receiver: StoredReceiver): Record<string, unknown> {
  return {
    Uid: receiver.Uid,
    Name: receiver.Name,
    Remark: receiver.Remark,
    PhoneNumber: `+${receiver.CountryCode} ${maskMiddle(receiver.PhoneNumber)}`,
    PhoneFlag: receiver.PhoneFlag,
    Email: maskEmail(receiver.Email),
    EmailFlag: receiver.EmailFlag,
    IsReceiverOwner: receiver.IsReceiverOwner,
    WechatFlag: receiver.WechatFlag,
    Uin: receiver.Uin,
    CountryCode: receiver.CountryCode,
  };
}

/** `18612343509` → `186****3509`. */
function maskMiddle(number: string): string {
  return number.length <= 7 ? `${number.slice(0, 1)}****${number.slice(-2)}` : `${number.slice(0, 3)}****${number.slice(-4)}`;
}

/** `2054123@qq.com` → `2054****@qq.com`. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, Math.min(4, Math.max(1, at - 1)))}****${email.slice(at)}`;
}

/** Checks CreateMessageReceiver parameters as CAM does, throwing the CAM error. */
export function checkCreateParams(params: Record<string, unknown>): { Name: string; CountryCode: string; PhoneNumber: string; Email: string; Remark?: string } {
  for (const name of ['Name', 'CountryCode', 'PhoneNumber', 'Email'] as const) {
    if (params[name] === undefined || params[name] === null || params[name] === '') {
      throw new VendorFault('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
    }
    if (typeof params[name] !== 'string') throw new VendorFault('InvalidParameter', `The parameter \`${name}\` must be a string.`);
  }
  const { Name, CountryCode, PhoneNumber, Email, Remark } = params as Record<string, string>;
  if (Name!.length > 64 || /[\u0000-\u001f]/.test(Name!)) throw new VendorFault('InvalidParameter.UserNameIllegal', 'Name is illegal.');
  if (!/^\d{1,4}$/.test(CountryCode!)) throw new VendorFault('InvalidParameter', 'CountryCode is invalid.');
  if (!/^\d{4,15}$/.test(PhoneNumber!)) throw new VendorFault('InvalidParameter', 'PhoneNumber is invalid.');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(Email!) || Email!.length > 254) throw new VendorFault('InvalidParameter', 'Email is invalid.');
  if (Remark !== undefined && (typeof Remark !== 'string' || Remark.length > 255)) throw new VendorFault('InvalidParameter', 'Remark is invalid.');
  return { Name: Name!, CountryCode: CountryCode!, PhoneNumber: PhoneNumber!, Email: Email!, ...(Remark === undefined ? {} : { Remark }) };
}
