/**
 * Settings (credentials from the environment, the endpoint, the customer space, typos), the
 * validation the capabilities drive before any request, and secrets: no access key secret,
 * security token or personal value of the input in any error, event or printed object.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isContactError } from '../../src/errors/errors.js';
import type { ContactEvent } from '../../src/contract/events.js';
import { validateContactInput } from '../../src/validation/validation.js';
import { alibabaChatApp, alibabaChatAppCapabilities } from '../../providers/alibaba-chatapp/index.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';
import { idOf, numberInput, phoneOf, providerFor } from './alibaba-chatapp-fixtures.js';

const emulator = useEmulator('alibaba-chatapp', { rateLimit: false });
afterEach(() => vi.unstubAllEnvs());

function configError(settings: unknown) {
  try {
    alibabaChatApp(settings as never);
  } catch (error) {
    if (isContactError(error, 'invalid-config')) return error;
    throw error;
  }
  throw new Error('expected invalid-config');
}

describe('settings', () => {
  it('reads credentials from ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET on the first call, and names them when they are missing', async () => {
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', emulator.credentials.accessKeyId);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', emulator.credentials.accessKeySecret);
    expect(await alibabaChatApp({ endpoint: emulator.endpoint, custSpaceId: emulator.custSpaceId }).list().all()).toEqual([]);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', '');
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', '');
    const early = alibabaChatApp({ endpoint: emulator.endpoint, custSpaceId: emulator.custSpaceId });
    const missing = await expectContactError(early.get(idOf(1)), 'invalid-config');
    expect(missing.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID.*ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    expect(emulator.requests).toHaveLength(1);
  });

  it('uses the documented endpoint and rate limits, and refuses what it cannot honour, naming the setting', () => {
    const credentials = { accessKeyId: 'LTAI5tEXAMPLE', accessKeySecret: 'EXAMPLEsecretEXAMPLEsecret' };
    const chatapp = alibabaChatApp({ credentials, custSpaceId: 'cams-sdkj31kj32lk3j' });
    expect(chatapp.settings).toMatchObject({ endpoint: 'https://cams.ap-southeast-1.aliyuncs.com', custSpaceId: 'cams-sdkj31kj32lk3j', rateLimit: 'documented', timeoutMs: 10_000, maxRetries: 2 });
    expect(alibabaChatAppCapabilities.rateLimits).toEqual([
      { operations: ['*'], perSecond: 10 },
      { operations: expect.arrayContaining(['CreatePhoneMessageQrdl', 'ListPhoneMessageQrdl']), perSecond: 5 },
    ]);
    expect(configError({ credentials, custSpaceID: 'x' }).field).toBe('settings.custSpaceID');
    expect(configError({ credentials, custSpaceId: 'two words' }).field).toBe('settings.custSpaceId');
    expect(configError({ credentials, region: 'ap-southeast-1' }).message).toMatch(/ap-southeast-1 only/);
    expect(configError({ credentials, endpoint: 'cams.ap-southeast-1.aliyuncs.com' }).field).toBe('settings.endpoint');
  });
});

/** One valid mobile number of each region libphonenumber has an example for. */
const mobiles = getCountries().flatMap((country) => {
  const example = getExampleNumber(country, examples);
  return example === undefined ? [] : [example.number as string];
});

describe('validation before any request', () => {
  const context = { provider: 'alibaba-chatapp', operation: 'create' } as const;
  const problems = (input: object): Record<string, string> => {
    try {
      validateContactInput(input, alibabaChatAppCapabilities, context);
      return {};
    } catch (error) {
      if (!isContactError(error)) throw error;
      return Object.fromEntries((error.issues ?? []).map((issue) => [issue.path, issue.code]));
    }
  };

  it('takes a valid number of any country, and refuses text that is not one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...mobiles), (phone) => {
        expect(problems({ name: 'Acme', phone })).toEqual({});
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\+?\d{0,5}$/), (phone) => {
        expect(Object.keys(problems({ name: 'Acme', phone }))).toEqual(['phone']);
      }),
    );
  });

  it('sends nothing for an input it refuses', async () => {
    const chatapp = providerFor(emulator);
    for (const input of [{ name: 'Acme' }, { phone: '+8613800001234' }, { name: 'Acme', phone: '+86 123' }, { name: 'Acme', phone: '+8613800001234', remark: 'x' }]) {
      await chatapp.create(input as never).catch(() => undefined);
    }
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('secrets and personal values', () => {
  const secret = 'CANARYsecretCANARYsecretCANARY12';
  const token = 'CANARYtokenCANARYtokenCANARYtoken';

  it('never appear in errors, events, the printed provider or what it serialises', async () => {
    const events: ContactEvent[] = [];
    const wrongKey = providerFor(emulator, { credentials: { accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: secret, securityToken: token }, onEvent: (event) => events.push(event) });
    const refused = await wrongKey.get(idOf(1)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unauthenticated', vendor: { code: 'SignatureDoesNotMatch' } });
    expect(emulator.requests.at(-1)?.headers['x-acs-security-token']).toBe(token);

    const unreachable = alibabaChatApp({ endpoint: 'http://127.0.0.1:9', custSpaceId: 'cams-x', credentials: { accessKeyId: 'LTAI5tCANARY', accessKeySecret: secret, securityToken: token } });
    const network = await unreachable.create(numberInput(2)).catch((e: unknown) => e);
    expect(network).toMatchObject({ code: 'network' });

    // A vendor message that repeats the caller's email and number is scrubbed.
    const chatapp = providerFor(emulator, { onEvent: (event) => events.push(event) });
    const input = numberInput(3, 'canary.person@private.example.com');
    emulator.failNext({ kind: 'vendor-error', code: 'InvalidParameter.Email', message: `Email ${input.email} of ${idOf(3)} is not allowed.`, action: 'AddChatappPhoneNumber' });
    const echoed = await expectContactError(chatapp.create(input), 'invalid-input', { secrets: ['canary.person@private.example.com', idOf(3)] });
    expect(echoed.field).toBe('email');
    emulator.failNext({ kind: 'vendor-error', code: 'InvalidParameter.Email', message: 'refused: canary.person@private.example.com', action: 'ModifyPhoneBusinessProfile' });
    await chatapp.create({ name: 'Acme Support 4', phone: phoneOf(4) });
    await expectContactError(chatapp.updateBusinessProfile(idOf(4), { email: 'canary.person@private.example.com' }), 'invalid-input', { secrets: ['canary.person@private.example.com'] });

    for (const printed of [refused, network, wrongKey, unreachable, events].flatMap((value) => [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value), String(value)])) {
      expect(printed).not.toContain(secret);
      expect(printed).not.toContain(token);
      expect(printed).not.toContain('canary.person');
    }
    expect(inspect(wrongKey)).toContain('[redacted]');
  });
});
