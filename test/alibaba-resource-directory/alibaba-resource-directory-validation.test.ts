/**
 * Property tests of the validation the capabilities drive before any request: the name rule
 * (2-12 letters or Chinese characters) and the China site's mainland-only phone numbers.
 */
import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { isContactError } from '../../src/errors/errors.js';
import { parsePhone } from '../../src/model/phone.js';
import type { Capabilities } from '../../src/contract/provider.js';
import { validateContactInput, validateContactPatch } from '../../src/validation/validation.js';
import {
  alibabaResourceDirectoryCapabilities,
  alibabaResourceDirectoryInternationalCapabilities,
} from '../../providers/alibaba-resource-directory/index.js';

const context = { provider: 'alibaba-resource-directory', operation: 'create' } as const;
const valid = { name: 'oncall', email: 'oncall@example.com', title: 'CEO', messageTypes: ['FaultMessage'] };

/** The issues validation raises for an input, by field. */
function issuesOf(input: object, capabilities: Capabilities = alibabaResourceDirectoryCapabilities): Record<string, string[]> {
  try {
    validateContactInput(input, capabilities, context);
    return {};
  } catch (error) {
    if (!isContactError(error)) throw error;
    const out: Record<string, string[]> = {};
    for (const issue of error.issues ?? []) (out[issue.path] ??= []).push(issue.code);
    return out;
  }
}

/** The vendor's rule, written independently of the capabilities' pattern. */
const vendorAcceptsName = (name: string): boolean => {
  const characters = [...name.trim()];
  return characters.length >= 2 && characters.length <= 12 && characters.every((c) => /[A-Za-z]/.test(c) || /\p{Script=Han}/u.test(c));
};

const nameCharacters = fc.constantFrom('a', 'Z', 'q', '中', '文', '𠀀', '1', ' ', '-', 'é', '_', '\t', 'Ω');
const names = fc.oneof(fc.string({ unit: nameCharacters, maxLength: 16 }), fc.string({ maxLength: 16 }));

const mobiles = getCountries().flatMap((country) => {
  const example = getExampleNumber(country, examples);
  return example === undefined ? [] : [example.number as string];
});

describe('names', () => {
  it('are accepted exactly when they are 2-12 letters or Chinese characters (after trimming)', () => {
    fc.assert(
      fc.property(names, (name) => {
        const issues = issuesOf({ ...valid, name });
        expect(issues['name'] === undefined).toBe(vendorAcceptsName(name));
        expect(Object.keys(issues).filter((field) => field !== 'name')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('break the same rule in a patch', () => {
    fc.assert(
      fc.property(names, (name) => {
        let accepted = true;
        try {
          validateContactPatch({ name }, alibabaResourceDirectoryCapabilities, context);
        } catch (error) {
          if (!isContactError(error, 'invalid-input')) throw error;
          accepted = false;
        }
        expect(accepted).toBe(vendorAcceptsName(name));
      }),
    );
  });
});

describe('phone numbers', () => {
  it('on the China site, only mainland numbers pass; on the international site, every valid number does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...mobiles), (phone) => {
        const parts = parsePhone(phone);
        const mainland = typeof parts !== 'string' && parts.country === 'CN';
        expect(issuesOf({ ...valid, phone })['phone']).toEqual(mainland ? undefined : ['unsupported_region']);
        expect(issuesOf({ ...valid, phone }, alibabaResourceDirectoryInternationalCapabilities)).toEqual({});
      }),
    );
  });
});

describe('required and unsupported fields', () => {
  it('email, title and at least one message type are required; remark, webhooks and groups are unsupported', () => {
    expect(issuesOf({ name: 'oncall' })).toEqual({ email: ['required'], title: ['required'], messageTypes: ['required'] });
    for (const [field, value] of [
      ['remark', 'x'],
      ['groupIds', ['g']],
      ['webhooks', { wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' } }],
    ] as const) {
      let code: string | undefined;
      try {
        validateContactInput({ ...valid, [field]: value }, alibabaResourceDirectoryCapabilities, context);
      } catch (error) {
        code = isContactError(error) ? error.code : 'not a ContactError';
      }
      expect(code).toBe('unsupported');
    }
  });
});
