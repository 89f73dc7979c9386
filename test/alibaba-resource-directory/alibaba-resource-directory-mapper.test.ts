/**
 * Property tests of the pure mapping between the neutral model and the Resource Directory shapes:
 * `86-` phone numbers, China-time dates, flattened lists, and contacts that survive the trip.
 */
import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { CONTACT_TITLES, MESSAGE_TYPES } from '../../src/model/contact.js';
import type { ContactInput } from '../../src/model/contact.js';
import { fromChinaTime } from '../../providers/alibaba-common/alibaba-dates.js';
import { flattenQuery } from '../../providers/alibaba-common/alibaba-rpc-params.js';
import {
  fromVendorPhone,
  toAddParams,
  toContact,
  toContactStatus,
  toVendorPhone,
} from '../../providers/alibaba-resource-directory/alibaba-resource-directory-mapper.js';
import type { VendorContact } from '../../providers/alibaba-resource-directory/alibaba-resource-directory-api.js';

/** One valid mobile number of each region libphonenumber has an example for. */
const exampleMobiles = getCountries().flatMap((country) => {
  const example = getExampleNumber(country, examples);
  return example === undefined ? [] : [{ e164: example.number as string, callingCode: example.countryCallingCode as string, national: example.nationalNumber as string }];
});

/** Mainland China mobile numbers (some of which libphonenumber's full metadata refuses). */
const chinaMobile = fc.tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);

/** An independent China-time formatter: the ICU time zone database, not the mapper's arithmetic. */
const chinaClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const wholeSeconds = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000));

describe('phone numbers', () => {
  it('E.164 → <country code>-<number> → E.164, for a mobile number of every region', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exampleMobiles), ({ e164, callingCode, national }) => {
        expect(toVendorPhone(e164)).toBe(`${callingCode}-${national}`);
        expect(fromVendorPhone(toVendorPhone(e164))).toBe(e164);
      }),
    );
  });

  it('mainland numbers become 86-<number>', () => {
    fc.assert(
      fc.property(chinaMobile, (national) => {
        expect(toVendorPhone(`+86${national}`)).toMatch(new RegExp(`^86-${national}$`));
        expect(fromVendorPhone(`86-${national}`)).toBe(`+86${national}`);
      }),
    );
  });

  it('any vendor notation is read back or refused, never garbled: masked stars are kept', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const read = fromVendorPhone(text);
        if (read !== undefined) expect(read).toBe(`+${text.trim().replace('-', '')}`);
      }),
    );
    expect(fromVendorPhone('86-139****1234')).toBe('+86139****1234');
    expect(fromVendorPhone('13900001234')).toBeUndefined();
  });
});

describe('dates', () => {
  it('the vendor\'s China time becomes ISO 8601 with +08:00 naming the same instant', () => {
    fc.assert(
      fc.property(wholeSeconds, (date) => {
        const iso = fromChinaTime(chinaClock.format(date));
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
        expect(Date.parse(iso ?? '')).toBe(date.getTime());
      }),
    );
  });

  it('anything that is not such a date is undefined', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s*$/.test(text));
        expect(fromChinaTime(text)).toBeUndefined();
      }),
    );
    expect(fromChinaTime('2023-02-30 10:00:00')).toBeUndefined();
    expect(fromChinaTime('2023-03-27 24:00:00')).toBeUndefined();
    expect(fromChinaTime('2023-03-27T17:19:21Z')).toBeUndefined();
    expect(fromChinaTime('2023-03-27 17:19:21')).toBe('2023-03-27T17:19:21+08:00');
  });
});

describe('query flattening', () => {
  it('lists become 1-based Key.N in order; booleans and numbers become text; undefined is dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MESSAGE_TYPES)), fc.boolean(), fc.nat(), (types, retain, page) => {
        const flat = flattenQuery({ MessageTypes: types, RetainContactInMembers: retain, PageNumber: page, Member: undefined });
        expect(flat).toEqual({
          ...Object.fromEntries(types.map((type, index) => [`MessageTypes.${index + 1}`, type])),
          RetainContactInMembers: String(retain),
          PageNumber: String(page),
        });
      }),
    );
  });
});

describe('contacts', () => {
  const input: fc.Arbitrary<ContactInput> = fc.record(
    {
      name: fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5]{2,12}$/),
      email: fc.emailAddress(),
      phone: chinaMobile.map((national) => `+86${national}`),
      title: fc.constantFrom(...CONTACT_TITLES),
      messageTypes: fc.uniqueArray(fc.constantFrom(...MESSAGE_TYPES), { minLength: 1 }),
    },
    { requiredKeys: ['name', 'email', 'title', 'messageTypes'] },
  );

  it('what AddMessageContact is sent, the vendor shows back as the same neutral contact', () => {
    fc.assert(
      fc.property(input, fc.constantFrom('Verifying', 'Active', 'Deleting'), fc.array(fc.constantFrom('rd-a1', 'fd-b2', '1000000000000001')), (given, status, members) => {
        const params = flattenQuery(toAddParams(given));
        const shown: VendorContact = {
          ContactId: 'c-qL4HqKONzOM7abcd',
          Name: params['Name'],
          EmailAddress: params['EmailAddress'],
          PhoneNumber: params['PhoneNumber'],
          Title: params['Title'],
          MessageTypes: Object.keys(params).filter((key) => key.startsWith('MessageTypes.')).map((key) => params[key] ?? ''),
          Members: members,
          Status: status,
          CreateDate: '2023-03-27 17:19:21',
        };
        const contact = toContact(shown);
        expect(contact).toMatchObject({ ...given, provider: 'alibaba-resource-directory', id: shown.ContactId, status: toContactStatus(status), createdAt: '2023-03-27T17:19:21+08:00' });
        expect(contact.details?.members).toEqual(members);
        expect(contact.masked).toBeUndefined();
      }),
    );
  });

  it('every vendor status maps to a neutral one; unknown ones to unknown', () => {
    fc.assert(
      fc.property(fc.string(), (status) => {
        expect(['active', 'pending-verification', 'deleting', 'unknown']).toContain(toContactStatus(status));
      }),
    );
    expect([toContactStatus('Verifying'), toContactStatus('Active'), toContactStatus('Deleting'), toContactStatus('Gone')]).toEqual(['pending-verification', 'active', 'deleting', 'unknown']);
  });

  it('pending targets read from the verification list make verification exact and name the pending values', () => {
    const shown: VendorContact = { ContactId: 'c-1', Name: 'tom', EmailAddress: 'old@example.com', PhoneNumber: '86-13900001234', Status: 'Active' };
    expect(toContact(shown, { email: 'new@example.com' })).toMatchObject({
      email: 'old@example.com',
      verification: { email: 'pending', phone: 'verified' },
      details: { members: [], pendingEmail: 'new@example.com' },
    });
    expect(toContact(shown, { phone: '86-13900005678' })).toMatchObject({ verification: { email: 'verified', phone: 'pending' }, details: { pendingPhone: '+8613900005678' } });
    expect(toContact({ ...shown, Status: 'Verifying' }).verification).toEqual({ email: 'pending' });
    expect(toContact({ ...shown, EmailAddress: 'some***@example.com', PhoneNumber: '86-139****1234' }).masked).toEqual(['email', 'phone']);
  });
});
