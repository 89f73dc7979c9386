/**
 * Reading and checking the emulator's request parameters the way the vendor does: flattened
 * lists (`MessageTypes.1`), the documented MissingParameter / InvalidParameter codes, and the
 * value rules of section 2.2 of alibaba.md.
 */
import { CONTACT_TITLES, MESSAGE_TYPES } from '../../src/contact.js';
import { RdFault } from './alibaba-resource-directory-emulator-errors.js';

/** Parameters V2 signing adds, which are not business parameters. */
const COMMON_PARAMETERS = new Set([
  'Action', 'Version', 'Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'SecurityToken', 'Signature',
]);
/** The longest email address the emulator takes (the vendor's limit is UNCONFIRMED). */
const MAX_EMAIL_LENGTH = 100;
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const MEMBER_ID = /^(?:(?:rd|r|fd)-[A-Za-z0-9]+|\d{16})$/;

/** The business parameters of one request, by vendor name. */
export class RdParams {
  readonly #values: Map<string, string>;

  /** @param pairs - decoded query and form pairs in the order received (a later repeat wins). */
  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.#values = new Map(pairs.filter(([name]) => !COMMON_PARAMETERS.has(name)));
  }

  /** A text parameter; an empty value counts as absent. */
  text(name: string): string | undefined {
    const value = this.#values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  /** A text parameter that must be given. */
  required(name: string): string {
    const value = this.text(name);
    if (value === undefined) throw new RdFault(`MissingParameter.${name}`);
    return value;
  }

  /** A repeated parameter `Name.1`, `Name.2`, … in index order. */
  list(name: string): string[] {
    const prefix = `${name}.`;
    return [...this.#values]
      .filter(([key, value]) => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)) && value !== '')
      .sort(([a], [b]) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
      .map(([, value]) => value);
  }

  /** A boolean given as `true` / `false`. */
  bool(name: string, fallback: boolean): boolean {
    const value = this.text(name);
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false') throw new RdFault(`InvalidParameter.${name}`);
    return value === 'true';
  }

  /** A whole number from 1 to `max`. */
  int(name: string, fallback: number, max: number): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) throw new RdFault(`InvalidParameter.${name}`);
    return parsed;
  }
}

/** A contact id: `c-` and letters or digits. */
export function checkContactId(value: string): string {
  if (!/^c-[A-Za-z0-9]+$/.test(value)) throw new RdFault('InvalidParameter.ContactId');
  return value;
}

/** 2-12 letters or Chinese characters. */
export function checkName(value: string): string {
  const length = [...value].length;
  if (length < 2 || length > 12) throw new RdFault('InvalidParameter.Name.Length');
  if (!/^[A-Za-z\p{Script=Han}]+$/u.test(value)) throw new RdFault('InvalidParameter.Name');
  return value;
}

/** An email address of at most 100 characters. */
export function checkEmail(value: string): string {
  if (value.length > MAX_EMAIL_LENGTH) throw new RdFault('InvalidParameter.EmailAddress.Length');
  if (!EMAIL.test(value)) throw new RdFault('InvalidParameter.EmailAddress');
  return value;
}

/** `<country code>-<number>`; the China site takes only `86-` and a mainland mobile number. */
export function checkPhone(value: string, site: 'china' | 'international'): string {
  const match = /^(\d{1,4})-(\d{4,15})$/.exec(value);
  if (match === null) throw new RdFault('InvalidParameter.PhoneNumber');
  if (site === 'china' && match[1] !== '86') throw new RdFault('InvalidParameter.MobileCountryCode');
  if (match[1] === '86' && !/^1[3-9]\d{9}$/.test(match[2] ?? '')) throw new RdFault('InvalidParameter.PhoneNumber');
  return value;
}

/** One of the six titles. */
export function checkTitle(value: string): string {
  if (!(CONTACT_TITLES as readonly string[]).includes(value)) throw new RdFault('InvalidParameter.Title');
  return value;
}

/** Known message types, duplicates dropped. */
export function checkMessageTypes(values: readonly string[]): string[] {
  if (values.some((value) => !(MESSAGE_TYPES as readonly string[]).includes(value))) throw new RdFault('InvalidParameter.MessageTypes');
  return [...new Set(values)];
}

/** One to five distinct member ids of the directory. */
export function checkMembers(values: readonly string[], known: ReadonlySet<string>): string[] {
  if (values.length === 0) throw new RdFault('MissingParameter.Members');
  if (values.length > 5) throw new RdFault('InvalidParameter.Members.Length');
  if (new Set(values).size !== values.length) throw new RdFault('InvalidParameter.Members.Duplicate');
  if (values.some((value) => !MEMBER_ID.test(value))) throw new RdFault('InvalidParameter.Members');
  if (values.some((value) => !known.has(value))) throw new RdFault('InvalidMember');
  return [...values];
}

/** A member filter: a well-formed id the directory knows. */
export function checkMemberFilter(value: string, known: ReadonlySet<string>): string {
  if (!MEMBER_ID.test(value)) throw new RdFault('InvalidParameter.Member');
  if (!known.has(value)) throw new RdFault('EntityNotExists.Member');
  return value;
}
