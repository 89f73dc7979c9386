import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactInputSchema, contactPatchSchema } from '../src/validation/contact-schema.js';
import { parsePhone } from '../src/model/phone.js';

const parse = (input: unknown) => contactInputSchema.safeParse(input);

describe('phone numbers become E.164', () => {
  it.each([
    ['+86 139-0000-1234', '+8613900001234'],
    ['0086 13900001234', '+8613900001234'],
    ['+8613900001234', '+8613900001234'],
    ['+86 (139) 0000 1234', '+8613900001234'],
    ['+1 415 555 2671', '+14155552671'],
    ['+44 7911 123456', '+447911123456'],
    ['00 852 6123 4567', '+85261234567'],
  ])('accepts %s as %s', (raw, e164) => {
    expect(parse({ name: 'a', phone: raw })).toMatchObject({ success: true, data: { phone: e164 } });
  });

  it.each([
    ['a number that cannot exist in its region', '+8610000000000', 'invalid'],
    ['a national number without a country code', '13900001234', 'missing-country-code'],
    ['letters', '+86 call me', 'unparseable'],
    ['too short', '+86 139', 'invalid'],
  ])('rejects %s', (_label, raw, rule) => {
    const result = parse({ name: 'a', phone: raw });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['phone'], params: { rule } });
  });

  it('normalising is idempotent and ignores separators (property)', () => {
    const chinaMobile = fc.tuple(fc.constantFrom('139', '186', '135', '150', '177'), fc.stringMatching(/^\d{8}$/));
    const separator = fc.constantFrom('', ' ', '-', '.');
    fc.assert(
      fc.property(chinaMobile, separator, fc.boolean(), ([prefix, rest], sep, zeroZero) => {
        const written = `${zeroZero ? '0086' : '+86'}${sep}${prefix}${sep}${rest.slice(0, 4)}${sep}${rest.slice(4)}`;
        const once = parsePhone(written);
        if (typeof once === 'string') return false;
        const twice = parsePhone(once.e164);
        return typeof twice !== 'string' && twice.e164 === once.e164 && once.e164 === `+86${prefix}${rest}` && once.nationalNumber === `${prefix}${rest}`;
      }),
    );
  });
});

describe('emails', () => {
  it('are trimmed, with the domain lower-cased and the local part kept', () => {
    expect(parse({ name: 'a', email: '  Ops.Team@Example.COM ' })).toMatchObject({ data: { email: 'Ops.Team@example.com' } });
  });

  it.each(['plainaddress', 'a@b', '@example.com', 'a b@example.com', 'a@example..com'])('rejects %s', (email) => {
    expect(parse({ name: 'a', email }).error?.issues[0]?.path).toEqual(['email']);
  });

  it('accept what they accept once, then again unchanged (property)', () => {
    const local = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,20}[A-Za-z0-9]$/).filter((s) => !s.includes('..'));
    const domain = fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), fc.constantFrom('com', 'cn', 'COM', 'io'));
    fc.assert(
      fc.property(local, domain, (user, [host, tld]) => {
        const first = parse({ name: 'a', email: `${user}@${host}.${tld}` });
        if (!first.success) return false;
        const second = parse({ name: 'a', email: first.data.email });
        return second.success && second.data.email === first.data.email && (first.data.email ?? '').startsWith(`${user}@`);
      }),
    );
  });
});

describe('webhooks', () => {
  it('need an http(s) URL', () => {
    expect(parse({ name: 'a', webhooks: { generic: { url: 'ftp://x.example.com' } } }).error?.issues[0]?.path).toEqual(['webhooks', 'generic', 'url']);
    expect(parse({ name: 'a', webhooks: { generic: { url: 'https://x.example.com/h', token: 't' } } }).success).toBe(true);
  });

  it('reject a secret or token given without its URL', () => {
    const result = parse({ name: 'a', webhooks: { dingtalk: { secret: 'SECabc' } } });
    expect(result.error?.issues[0]).toMatchObject({ path: ['webhooks', 'dingtalk', 'url'] });
    expect(result.error?.issues[0]?.message).toMatch(/secret or token without its webhook URL/);
    expect(parse({ name: 'a', webhooks: { generic: { token: 't' } } }).success).toBe(false);
  });
});

describe('the rest of the neutral rules', () => {
  it('rejects unknown fields, naming them', () => {
    expect(parse({ name: 'a', emial: 'x' }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['emial'] });
  });

  it('trims the name and refuses an empty or control-character one', () => {
    expect(parse({ name: '  ops  ' }).data?.name).toBe('ops');
    expect(parse({ name: '   ' }).success).toBe(false);
    expect(parse({ name: 'a\u0007b' }).success).toBe(false);
  });

  it('removes duplicate message types and group ids, and refuses unknown message types', () => {
    expect(parse({ name: 'a', messageTypes: ['FaultMessage', 'FaultMessage'], groupIds: ['g', 'g'] }).data).toMatchObject({ messageTypes: ['FaultMessage'], groupIds: ['g'] });
    expect(parse({ name: 'a', messageTypes: ['Gossip'] }).success).toBe(false);
  });

  it('lets a patch clear fields with null, but not the name', () => {
    expect(contactPatchSchema.safeParse({ email: null, remark: null }).success).toBe(true);
    expect(contactPatchSchema.safeParse({ name: null }).success).toBe(false);
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = contactInputSchema.safeParse(value);
        return typeof result.success === 'boolean';
      }),
    );
  });
});

describe('parseContactInput', () => {
  it('normalises like the schema, and throws a ContactError listing every issue instead of a ZodError', async () => {
    const { parseContactInput } = await import('../src/validation/contact-schema.js');
    const { isContactError } = await import('../src/errors/errors.js');
    expect(parseContactInput({ name: ' a ', phone: '0086 139 0000 1234' })).toEqual({ name: 'a', phone: '+8613900001234' });
    let caught: unknown;
    try {
      parseContactInput({ email: 'x', colour: 'red' });
    } catch (error) {
      caught = error;
    }
    expect(isContactError(caught, 'invalid-input')).toBe(true);
    expect((caught as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path).sort()).toEqual(['colour', 'email', 'name']);
  });
});

describe('contactPatchSchema webhooks', () => {
  it('takes null for one webhook kind (remove it) beside kinds to replace, with the input rules for those', () => {
    const patch = contactPatchSchema.parse({ webhooks: { lark: null, wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' } } });
    expect(patch.webhooks).toEqual({ lark: null, wecom: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' } });
    expect(contactPatchSchema.safeParse({ webhooks: null }).success).toBe(true);
    expect(contactPatchSchema.safeParse({ webhooks: { lark: { secret: 'SEC0123456789' } } }).success).toBe(false);
    expect(contactPatchSchema.safeParse({ webhooks: { teams: null } }).success).toBe(false);
  });
});
