import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isContactError } from '../src/errors/errors.js';
import type { Capabilities } from '../src/contract/provider.js';
import { validateContactInput, validateContactPatch, validateName } from '../src/validation/validation.js';
import { fakeCapabilities } from './fake/fake-provider.js';

/** Capabilities with every kind of rule, to test the generic validation against. */
const strict: Capabilities = {
  ...fakeCapabilities,
  fields: {
    ...fakeCapabilities.fields,
    name: { support: 'required', minLength: 2, maxLength: 12, pattern: /^[A-Za-z\u4e00-\u9fa5]+$/u, rule: '2-12 letters or Chinese characters' },
    email: { support: 'required' },
    phone: { support: 'optional', phoneRegions: ['CN'], rule: 'mainland China numbers only' },
    title: { support: 'required', updatable: false },
    messageTypes: { support: 'required' },
  },
};
const context = { provider: 'alibaba-resource-directory', operation: 'create' } as const;
const valid = { name: 'tom', email: 'tom@example.com', title: 'CEO', messageTypes: ['FaultMessage'] } as const;

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isContactError(error)) return error;
    throw error;
  }
  throw new Error('expected a ContactError');
}

describe('validation from capabilities', () => {
  it('returns the normalised input', () => {
    expect(validateContactInput({ ...valid, phone: '0086 139 0000 1234' }, strict, context)).toMatchObject({ phone: '+8613900001234' });
  });

  it('rejects unsupported fields with unsupported before checking anything else', () => {
    const error = errorOf(() => validateContactInput({ name: '!', webhooks: { generic: { url: 'https://x.example.com' } }, groupIds: ['g'] }, strict, context));
    expect(error).toMatchObject({ code: 'unsupported', field: 'webhooks.generic' });
    expect(error.issues?.map((issue) => issue.path)).toEqual(['webhooks.generic', 'groupIds']);
  });

  it('requires required fields, treating an empty list as missing', () => {
    const error = errorOf(() => validateContactInput({ name: 'tom', email: 'tom@example.com', title: 'CEO', messageTypes: [] }, strict, context));
    expect(error).toMatchObject({ code: 'invalid-input', field: 'messageTypes' });
  });

  it.each([
    ['too short', { ...valid, name: 't' }, 'name', 'too_small'],
    ['too long', { ...valid, name: 'abcdefghijklm' }, 'name', 'too_big'],
    ['with digits', { ...valid, name: 'tom2' }, 'name', 'invalid_format'],
    ['outside the allowed regions', { ...valid, phone: '+14155552671' }, 'phone', 'unsupported_region'],
  ])('enforces provider rules: a name or phone %s', (_label, input, field, code) => {
    const error = errorOf(() => validateContactInput(input, strict, context));
    expect(error).toMatchObject({ code: 'invalid-input', field });
    expect(error.issues?.[0]?.code).toBe(code);
    expect(error.message).toContain(`field "${field}"`);
  });

  it('says each rule once, in the words of the capabilities', () => {
    const capped: Capabilities = { ...fakeCapabilities, fields: { ...fakeCapabilities.fields, name: { support: 'required', maxLength: 64, rule: 'at most 64 characters' } } };
    const error = errorOf(() => validateContactInput({ name: 'n'.repeat(65) }, capped, context));
    expect(error.message).toBe('alibaba-resource-directory create: field "name" must be at most 64 characters');
    const generated = errorOf(() => validateContactInput({ ...valid, name: 'n'.repeat(13) }, { ...strict, fields: { ...strict.fields, name: { support: 'required', maxLength: 12 } } }, context));
    expect(generated.message).toMatch(/must be at most 12 characters$/);
  });

  it('reports every problem of an input at once, the missing name among them', () => {
    const error = errorOf(() => validateContactInput({}, strict, context));
    expect(error.issues?.map((issue) => [issue.path, issue.code])).toEqual([
      ['name', 'invalid_type'],
      ['email', 'required'],
      ['title', 'required'],
      ['messageTypes', 'required'],
    ]);
    expect(error.message).toBe('alibaba-resource-directory create: field "name" is required (and 3 more problems)');
  });

  it('refuses clearing a field the vendor cannot remove, as unsupported', () => {
    const keepsPhone: Capabilities = { ...strict, fields: { ...strict.fields, phone: { support: 'optional', clearable: false } } };
    expect(errorOf(() => validateContactPatch({ phone: null }, keepsPhone, context))).toMatchObject({ code: 'unsupported', field: 'phone' });
  });

  it('counts Chinese characters as characters', () => {
    expect(validateContactInput({ ...valid, name: '张三丰' }, strict, context).name).toBe('张三丰');
  });

  it('lets a patch clear an optional field, refuses clearing a required one, changing a fixed one, or changing nothing', () => {
    expect(validateContactPatch({ phone: null }, strict, context)).toEqual({ phone: null });
    expect(errorOf(() => validateContactPatch({ email: null }, strict, context))).toMatchObject({ code: 'invalid-input', field: 'email' });
    expect(errorOf(() => validateContactPatch({ title: 'CEO' }, strict, context))).toMatchObject({ code: 'unsupported', field: 'title' });
    expect(errorOf(() => validateContactPatch({}, strict, context)).message).toMatch(/changes nothing/);
  });

  it('applies the name rules to a name being searched for', () => {
    expect(errorOf(() => validateName('t', strict, context))).toMatchObject({ code: 'invalid-input', field: 'name' });
    expect(validateName(' tom ', strict, context)).toBe('tom');
  });

  it('throws nothing but ContactError, whatever it is given (property)', () => {
    const field = fc.constantFrom('name', 'email', 'phone', 'title', 'messageTypes', 'remark', 'webhooks', 'groupIds', 'other');
    fc.assert(
      fc.property(fc.dictionary(field, fc.anything()), fc.anything(), (record, raw) => {
        for (const input of [record, raw]) {
          try {
            validateContactInput(input, strict, context);
            validateContactPatch(input, strict, context);
          } catch (error) {
            if (!isContactError(error) || !['invalid-input', 'unsupported'].includes(error.code)) return false;
          }
        }
        return true;
      }),
    );
  });

  it('accepts every input built from the allowed values (property)', () => {
    const name = fc.stringMatching(/^[A-Za-z]{2,12}$/);
    const phone = fc.stringMatching(/^\d{8}$/).map((digits) => `+86 139 ${digits}`);
    fc.assert(
      fc.property(name, phone, fc.subarray(['ServiceMessage', 'FaultMessage', 'AccountExpenses'] as const, { minLength: 1 }), (n, p, types) => {
        const out = validateContactInput({ name: n, email: `${n}@example.com`, phone: p, title: 'Other', messageTypes: [...types] }, strict, context);
        return out.phone === p.replace(/ /g, '') && out.messageTypes?.length === types.length;
      }),
    );
  });
});
