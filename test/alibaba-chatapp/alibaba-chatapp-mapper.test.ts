/**
 * Property tests of the pure mapping between the neutral model and the ChatApp shapes: numbers
 * split into `Cc` and national number and written without `+`, statuses that always land on a
 * neutral state, contacts that carry no empty field, and the business profile's JSON `Websites`.
 */
import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS } from '../../src/model/contact.js';
import { flattenQuery } from '../../providers/alibaba-common/alibaba-rpc-params.js';
import { vendorNumberSchema } from '../../providers/alibaba-chatapp/alibaba-chatapp-api.js';
import type { VendorNumber } from '../../providers/alibaba-chatapp/alibaba-chatapp-api.js';
import { CHATAPP_NUMBER_STATUSES } from '../../providers/alibaba-chatapp/index.js';
import {
  fromVendorNumber,
  idOfPhone,
  isRegistered,
  toAddParams,
  toCalling,
  toContact,
  toContactStatus,
  toProfileParams,
  toVerificationState,
} from '../../providers/alibaba-chatapp/alibaba-chatapp-mapper.js';

/** One valid mobile number of each region libphonenumber has an example for. */
const exampleMobiles = getCountries().flatMap((country) => {
  const example = getExampleNumber(country, examples);
  return example === undefined ? [] : [{ e164: example.number as string, callingCode: example.countryCallingCode as string, national: example.nationalNumber as string }];
});

const maybeText = fc.option(fc.oneof(fc.string(), fc.constantFrom('', '  ', 'GREEN', 'TIER_1K', 'https://acme.example/s')), { nil: undefined });
const nullable = fc.oneof(maybeText, fc.constant(null));
const vendorNumbers: fc.Arbitrary<VendorNumber> = fc.record({
  PhoneNumber: fc.oneof(fc.stringMatching(/^[1-9]\d{6,14}$/), fc.stringMatching(/^[1-9]\d{6,10}\*{4}$/), fc.string({ minLength: 1 })),
  VerifiedName: nullable,
  Status: fc.oneof(fc.constantFrom(...CHATAPP_NUMBER_STATUSES), nullable),
  QualityRating: nullable,
  CodeVerificationStatus: fc.oneof(fc.constantFrom('VERIFIED', 'NOT_VERIFIED', 'EXPIRED', 'REVOKED'), nullable),
  NameStatus: nullable,
  NewNameStatus: nullable,
  MessagingLimitTier: nullable,
  UpQueue: nullable,
  StatusQueue: nullable,
  UpCallbackUrl: nullable,
  StatusCallbackUrl: nullable,
  IsOfficial: fc.oneof(fc.constantFrom('Y', 'N'), nullable),
});

/** Every key of an object tree, with its value. */
function entriesDeep(value: unknown, path = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [[path, value]];
  return Object.entries(value).flatMap(([key, inner]) => [[`${path}.${key}`, inner] as [string, unknown], ...entriesDeep(inner, `${path}.${key}`)]);
}

describe('phone numbers', () => {
  it('E.164 → Cc + national number for AddChatappPhoneNumber, and the id reads back as the same E.164, in every region', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exampleMobiles), ({ e164, callingCode, national }) => {
        expect(toAddParams('cams-x', { name: 'Acme', phone: e164 })).toEqual({ CustSpaceId: 'cams-x', Cc: callingCode, PhoneNumber: national, VerifiedName: 'Acme' });
        expect(idOfPhone(e164)).toBe(`${callingCode}${national}`);
        expect(fromVendorNumber(idOfPhone(e164))).toBe(e164);
      }),
    );
  });

  it('any vendor text is read back as E.164 or refused, never garbled; masked digits keep their stars', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const read = fromVendorNumber(text);
        if (read !== undefined) expect(read).toBe(`+${text.trim().replace(/^\+/, '')}`);
      }),
    );
    expect(fromVendorNumber('861380000****')).toBe('+861380000****');
    expect(fromVendorNumber('+8613800001234')).toBe('+8613800001234');
    expect(fromVendorNumber('86-13800001234')).toBeUndefined();
  });
});

describe('statuses', () => {
  it('every vendor status, known or not, lands on a neutral state; the documented ones where the issue puts them', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('toString', 'constructor', '__proto__')), (status) => {
        expect(['active', 'pending-verification', 'deleting', 'inactive', 'unknown']).toContain(toContactStatus(status));
        expect([undefined, 'verified', 'pending', 'unverified']).toContain(toVerificationState(status));
      }),
    );
    expect(CHATAPP_NUMBER_STATUSES.map((status) => [status, toContactStatus(status), isRegistered(status)])).toEqual([
      ['PENDING', 'pending-verification', false],
      ['DELETED', 'inactive', false],
      ['MIGRATED', 'inactive', false],
      ['BANNED', 'inactive', false],
      ['RESTRICTED', 'active', true],
      ['RATE_LIMITED', 'active', true],
      ['FLAGGED', 'active', true],
      ['CONNECTED', 'active', true],
      ['DISCONNECTED', 'inactive', false],
      ['UNKNOWN', 'unknown', false],
      ['UNVERIFIED', 'pending-verification', false],
    ]);
    expect(['VERIFIED', 'NOT_VERIFIED', 'MORE_INFORMATION_REQUESTED', 'EXPIRED', 'REJECTED', 'REVOKED', 'Other'].map(toVerificationState)).toEqual([
      'verified', 'pending', 'pending', 'unverified', 'unverified', 'unverified', undefined,
    ]);
  });
});

describe('contacts', () => {
  it('any number the schema accepts maps to a contact: the vendor id kept, the vendor status kept, no empty or undefined field', () => {
    fc.assert(
      fc.property(vendorNumbers, fc.option(fc.emailAddress(), { nil: undefined }), (vendor, email) => {
        const parsed = vendorNumberSchema.parse(vendor);
        const contact = toContact(parsed, 'cams-x', email);
        expect(contact.id).toBe(vendor.PhoneNumber);
        expect(contact.details?.custSpaceId).toBe('cams-x');
        expect(contact.details?.vendorStatus).toBe(vendor.Status?.trim() ? vendor.Status : 'UNKNOWN');
        expect(contact.status).toBe(toContactStatus(vendor.Status));
        expect(contact.email).toBe(email);
        for (const [path, value] of entriesDeep(contact)) {
          expect(value, path).not.toBeUndefined();
          if (typeof value === 'string' && !['.name', '.id'].includes(path)) expect(value.trim(), path).not.toBe('');
        }
        // Only fields of the neutral model, and JSON keeps all of it.
        expect(Object.keys(contact).filter((key) => !['provider', 'id', 'status', 'verification', 'masked', 'details', ...CONTACT_FIELDS].includes(key))).toEqual([]);
        expect(JSON.parse(JSON.stringify(contact))).toEqual(contact);
        if (contact.phone?.includes('*')) expect(contact.masked).toEqual(['phone']);
      }),
      { numRuns: 300 },
    );
  });

  it('calling configuration reads the same from both listings, wherever the icon and permission fields sit', () => {
    const hours = { Status: 'ENABLED', TimezoneId: 'Asia/Shanghai', WeeklyOperatingHours: [{ DayOfWeek: 'MONDAY', OpenTime: '0900', CloseTime: '1800' }] };
    fc.assert(
      fc.property(fc.constantFrom('DEFAULT', 'DISABLE_ALL'), fc.constantFrom('ENABLED', 'DISABLED'), fc.oneof(fc.nat(), fc.nat().map(String)), (icon, permission, talk) => {
        const sync = toCalling({ MaxTalkTime: talk, Calling: { Status: 'ENABLED', CallIconVisibility: icon, CallbackPermissionStatus: permission, CallHours: hours } });
        const query = toCalling({ MaxTalkTime: talk, Calling: { Status: 'ENABLED', CallHours: { ...hours, CallIconVisibility: icon, CallbackPermissionStatus: permission } } });
        expect(query).toEqual(sync);
        expect(sync).toMatchObject({ maxTalkTime: Number(talk), callIconVisibility: icon, callbackPermissionStatus: permission, callHours: { holidaySchedule: [] } });
      }),
    );
  });
});

describe('the business profile', () => {
  it('sends Websites as the JSON string of the list, and leaves out what is not changed', () => {
    fc.assert(
      fc.property(fc.array(fc.webUrl({ validSchemes: ['http', 'https'] }), { maxLength: 3 }), fc.option(fc.string({ minLength: 1 }), { nil: undefined }), (websites, about) => {
        const query = flattenQuery(toProfileParams('cams-x', '8613800001234', { websites, ...(about === undefined ? {} : { about }) }));
        expect(JSON.parse(query['Websites'] ?? 'null')).toEqual(websites);
        expect(query['About']).toBe(about);
        expect(Object.keys(query).sort()).toEqual(['CustSpaceId', 'PhoneNumber', 'Websites', ...(about === undefined ? [] : ['About'])].sort());
      }),
    );
  });
});
