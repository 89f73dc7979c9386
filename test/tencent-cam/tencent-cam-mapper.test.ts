import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tencentReceiverSchema } from '../../providers/tencent-cam/tencent-cam-api.js';
import { fromReceiver, toCreateReceiverParams } from '../../providers/tencent-cam/tencent-cam-mapper.js';
import { nextChinaMidnight } from '../../src/util/china-time.js';
import { parsePhone } from '../../src/model/phone.js';

const phones = fc.constantFrom('+8613900001234', '+8618612343509', '+14155552671', '+447911123456', '+85261234567', '+819012345678');

describe('tencent-cam mapper', () => {
  it('splits any valid E.164 number into a CountryCode and a national number that join back (property)', () => {
    fc.assert(
      fc.property(phones, fc.string({ minLength: 1, maxLength: 20 }), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (phone, name, remark) => {
        const params = toCreateReceiverParams({ name, email: 'a@example.com', phone, ...(remark === undefined ? {} : { remark }) });
        const rejoined = parsePhone(`+${params.CountryCode}${params.PhoneNumber}`);
        return typeof rejoined !== 'string' && rejoined.e164 === phone && params.Name === name && params.Remark === remark && /^\d+$/.test(params.CountryCode);
      }),
    );
  });

  it('maps any receiver CAM may send without losing its id, name or masks (property)', () => {
    const receiver = fc.record({
      Uid: fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String)),
      Name: fc.string({ minLength: 1 }),
      Remark: fc.option(fc.string(), { nil: null }),
      PhoneNumber: fc.option(fc.constantFrom('+86 186****3509', '+1 415****2671'), { nil: null }),
      PhoneFlag: fc.option(fc.constantFrom(0, 1), { nil: null }),
      Email: fc.option(fc.constantFrom('2054****@qq.com', 'op****@example.com', ''), { nil: null }),
      EmailFlag: fc.option(fc.constantFrom(0, 1), { nil: null }),
      IsReceiverOwner: fc.option(fc.constantFrom(0, 1), { nil: null }),
    });
    fc.assert(
      fc.property(receiver, (raw) => {
        const contact = fromReceiver(tencentReceiverSchema.parse(raw));
        const bothVerified = raw.PhoneFlag === 1 && raw.EmailFlag === 1;
        return (
          contact.id === String(raw.Uid) &&
          contact.name === raw.Name &&
          (contact.email ?? null) === (raw.Email === '' ? null : raw.Email) &&
          (contact.masked ?? []).length === Number(raw.Email !== null && raw.Email !== '') + Number(raw.PhoneNumber !== null) &&
          contact.status === (bothVerified ? 'active' : 'pending-verification') &&
          contact.details?.isReceiverOwner === (raw.IsReceiverOwner === 1)
        );
      }),
    );
  });

  it('computes when the daily limit resets: the next midnight in Beijing', () => {
    expect(nextChinaMidnight(new Date('2026-03-01T10:00:00+08:00'))).toBe('2026-03-02T00:00:00+08:00');
    expect(nextChinaMidnight(new Date('2026-03-01T23:59:59+08:00'))).toBe('2026-03-02T00:00:00+08:00');
    expect(nextChinaMidnight(new Date('2026-03-02T00:00:00+08:00'))).toBe('2026-03-03T00:00:00+08:00');
    expect(nextChinaMidnight(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-02T00:00:00+08:00');
  });
});
