import { describe, expect, it } from 'vitest';
import { lookupVendorCode, statusFallbackRule, vendorCodeError } from '../src/errors/vendor-errors.js';
import type { VendorCodeTable } from '../src/errors/vendor-errors.js';

const table = {
  exact: { 'Conflict.Name': 'already-exists' },
  prefixes: { InvalidParameter: 'invalid-input', 'InvalidParameter.Name': { code: 'invalid-input', field: 'name' } },
  contains: { FlowLimitExceeded: 'rate-limited' },
} satisfies VendorCodeTable;

describe('vendor code tables', () => {
  it('match exact codes, then the longest prefix, then a part the code contains', () => {
    expect(lookupVendorCode(table, 'Conflict.Name')).toBe('already-exists');
    expect(lookupVendorCode(table, 'InvalidParameter.Name.Length')).toEqual({ code: 'invalid-input', field: 'name' });
    expect(lookupVendorCode(table, 'InvalidParameter.Email')).toBe('invalid-input');
    expect(lookupVendorCode(table, 'AccountFlowLimitExceeded')).toBe('rate-limited');
    expect(lookupVendorCode(table, 'Brand.New')).toBeUndefined();
    expect(lookupVendorCode({ exact: {}, prefixes: {} }, 'FlowLimitExceeded')).toBeUndefined();
  });

  it("find nothing for a code named like one of Object.prototype's properties", () => {
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(lookupVendorCode(table, code)).toBeUndefined();
      expect(vendorCodeError(table, { vendor: { code, message: 'odd' } }, {})).toMatchObject({ code: 'unknown', vendor: { code } });
    }
  });

  it('read a code the table does not know from its HTTP status when the adapter asks', () => {
    expect([500, 503, 429, 400, 404, undefined].map(statusFallbackRule)).toEqual(['unavailable', 'unavailable', 'rate-limited', undefined, undefined, undefined]);
    const translate = (status: number) =>
      vendorCodeError(table, { vendor: { code: 'Brand.New', message: '', httpStatus: status }, fallback: statusFallbackRule(status) }, {}).code;
    expect([translate(502), translate(429), translate(400)]).toEqual(['unavailable', 'rate-limited', 'unknown']);
  });
});
