/**
 * The checks of a call's options, on every provider: one strict schema per operation (the
 * neutral options and the operation's own), unknown keys named with where they belong, and the
 * rules shared with the settings written once. Every call here is refused before anything is sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact, ContactProvider } from '../src/index.js';
import { NO_OPTIONS, resolveCallOptions } from '../src/validation/call-options.js';
import { isContactError } from '../src/errors/errors.js';
import { tencentCam } from '../providers/tencent-cam/index.js';
import { alibabaResourceDirectory } from '../providers/alibaba-resource-directory/index.js';
import { volcengineVmp } from '../providers/volcengine-vmp/index.js';
import { alibabaChatApp } from '../providers/alibaba-chatapp/index.js';
import { configErrorOf } from './support/config-error.js';
import { expectContactError } from './support/expect-contact-error.js';

// Nothing listens there, and nothing is sent: each call is refused by its options first.
const base = { credentials: { accessKeyId: 'id', accessKeySecret: 'secret' }, endpoint: 'http://127.0.0.1:9' };
const rd = alibabaResourceDirectory(base);
const chatapp = alibabaChatApp({ ...base, custSpaceId: 'cams-1' });

/** Each provider, with a setting of its own that is not a call option. */
const providers: ReadonlyArray<readonly [ContactProvider<Contact<object>>, string]> = [
  [tencentCam(base), 'region'],
  [rd, 'site'],
  [volcengineVmp(base), 'agent'],
  [chatapp, 'rateLimit'],
];

describe('call options', () => {
  it.each(providers.map(([provider, setting]) => [provider.id, provider, setting] as const))("%s: a setting given as a call option says so, from the provider's own settings", async (_id, provider, setting) => {
    const error = await expectContactError(provider.get(provider.capabilities.id.example, { [setting]: 'x' } as never), 'invalid-input');
    expect(error.field).toBe(`options.${setting}`);
    expect(error.message).toMatch(/is a provider setting: give it when you create the provider/);
    const typo = await expectContactError(provider.get(provider.capabilities.id.example, { timeoutMS: 5 } as never), 'invalid-input');
    expect(typo.message).toMatch(/options\.timeoutMS" is not a known option/);
  });

  it("an operation's own options are checked with the neutral ones, and belong to that operation only", async () => {
    const both = await expectContactError(rd.delete('c-1', { retainInMembers: 'no', maxRetries: 11 } as never), 'invalid-input');
    expect(both.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'options.retainInMembers', message: 'must be true or false' }),
        expect.objectContaining({ path: 'options.maxRetries', message: 'must be a whole number from 0 to 10' }),
      ]),
    );
    const elsewhere = await expectContactError(rd.get('c-1', { retainInMembers: false } as never), 'invalid-input');
    expect(elsewhere.message).toMatch(/options\.retainInMembers" is not a known option/);
    const method = await expectContactError(chatapp.get('8613800001234', { method: 'SMS' } as never), 'invalid-input');
    expect(method.field).toBe('options.method');
  });

  it("a listing's own filters are checked with the paging, and a call option in the query says where it goes", async () => {
    const error = await expectContactError(rd.list({ member: 'has space', pageSize: 0 } as never).all(), 'invalid-input');
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['member', 'pageSize']);
    const misplaced = await expectContactError(chatapp.list({ custSpaceId: 'cams-2' } as never).all(), 'invalid-input');
    expect(misplaced.message).toMatch(/not a known filter/);
    const option = await expectContactError(chatapp.list({ signal: AbortSignal.abort() } as never).all(), 'invalid-input');
    expect(option.message).toMatch(/second argument/);
  });

  it('ChatApp checks custSpaceId by one rule, as a setting and as a call option', async () => {
    const setting = configErrorOf(() => alibabaChatApp({ ...base, custSpaceId: 'not a space' }));
    const option = await expectContactError(chatapp.get('8613800001234', { custSpaceId: 'not a space' }), 'invalid-input');
    expect(setting.issues?.[0]?.message).toBe(option.issues?.[0]?.message);
    expect(option.field).toBe('options.custSpaceId');
  });

  it('timeoutMs and maxRetries follow one rule each, as settings and as call options', () => {
    const defaults = { timeoutMs: 1000, maxRetries: 2, settingKeys: [] };
    const context = { provider: 'tencent-cam', operation: 'get' } as const;
    const accepted = (make: () => unknown): boolean => {
      try {
        make();
        return true;
      } catch (error) {
        if (isContactError(error)) return false;
        throw error;
      }
    };
    const values = fc.oneof(fc.integer({ min: -5, max: 700_000 }), fc.double(), fc.constantFrom(0, 1, 10, 11, 600_000, 600_001, 1.5, '5', null, Number.NaN));
    fc.assert(
      fc.property(values, fc.constantFrom('timeoutMs', 'maxRetries'), (value, key) => {
        const asSetting = accepted(() => tencentCam({ ...base, [key]: value }));
        const asOption = accepted(() => resolveCallOptions({ [key]: value }, NO_OPTIONS, defaults, context));
        expect(asOption).toBe(asSetting);
      }),
    );
  });
});
