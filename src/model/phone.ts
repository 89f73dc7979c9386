import { requirePackage } from '../util/require-package.js';

type PhoneLibrary = typeof import('libphonenumber-js/max');
let library: PhoneLibrary | undefined;

/**
 * libphonenumber-js with its full metadata, loaded on the first phone number rather than with
 * the package: its metadata is most of the core's import cost (BENCHMARKS.md, cold start), which a
 * process that never sees a phone number (or a CLI command that lists contacts) should not pay.
 */
function phoneLibrary(): PhoneLibrary {
  library ??= requirePackage<PhoneLibrary>('libphonenumber-js/max');
  return library;
}

/** A phone number split the way vendor APIs want it. */
export interface PhoneParts {
  /** The number in E.164, `+8613900001234`. */
  readonly e164: string;
  /** The country calling code without `+`, `86`. */
  readonly countryCallingCode: string;
  /** The national significant number, `13900001234`. */
  readonly nationalNumber: string;
  /** The ISO 3166-1 alpha-2 region, `CN`, when the number identifies one. */
  readonly country?: string;
}

/** Why a phone number was refused. */
export type PhoneProblem = 'missing-country-code' | 'unparseable' | 'invalid';

/**
 * Parses a phone number written with its country code and returns it in E.164 with its parts.
 *
 * @remarks Accepts `+86 139-0000-1234`, `0086 13900001234` (the `00` international prefix) and
 * `+8613900001234`; uses the full ("max") metadata, so numbers that cannot exist in their
 * region (`+8610000000000`) are refused. A number without a country code is refused rather than
 * guessed.
 */
export function parsePhone(raw: string): PhoneParts | PhoneProblem {
  const compact = raw.trim().replace(/[\s().-]/g, '');
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!international.startsWith('+')) return 'missing-country-code';
  const parsed = phoneLibrary().parsePhoneNumberFromString(international);
  if (parsed === undefined) return 'unparseable';
  if (!parsed.isValid()) return 'invalid';
  return {
    e164: parsed.number,
    countryCallingCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    ...(parsed.country === undefined ? {} : { country: parsed.country }),
  };
}

/**
 * Splits a number in E.164 into its country calling code and national number, even one the full
 * metadata would refuse (a vendor's stored value is mapped as it is); undefined for text that is
 * not a number with a country code.
 */
export function splitE164(e164: string): { readonly countryCallingCode: string; readonly nationalNumber: string } | undefined {
  const parsed = phoneLibrary().parsePhoneNumberFromString(e164);
  return parsed === undefined ? undefined : { countryCallingCode: parsed.countryCallingCode, nationalNumber: parsed.nationalNumber };
}

/** The sentence for a {@link PhoneProblem}, used in validation issues. */
export function describePhoneProblem(problem: PhoneProblem): string {
  switch (problem) {
    case 'missing-country-code':
      return 'must include the country code, such as +86 139 0000 1234 or 0086 13900001234';
    case 'unparseable':
      return 'is not a phone number';
    case 'invalid':
      return 'is not a valid phone number for its country';
  }
}
