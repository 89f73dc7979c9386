/**
 * The registration flow end to end through the public API (add → code → verify and register →
 * deregister → register → delete), the states Meta gives a number, the business profile and
 * callbacks, and customer spaces given in the settings or per call.
 */
import { describe, expect, it } from 'vitest';
import { alibabaChatApp } from '../../providers/alibaba-chatapp/index.js';
import { startEmulator } from '../../providers/testing.js';
import { expectContactError } from '../support/expect-contact-error.js';
import { useEmulator } from '../support/use-emulator.js';
import { idOf, numberInput, phoneOf, providerFor } from './alibaba-chatapp-fixtures.js';

const emulator = useEmulator('alibaba-chatapp', { rateLimit: false });
const sent = (action: string) => emulator.requests.filter((request) => request.action === action).length;

describe('the registration flow', () => {
  it('add → send a code → verify and register → deregister → register → delete', async () => {
    const chatapp = providerFor(emulator);
    const added = await chatapp.create(numberInput(1));
    expect(added).toMatchObject({ id: idOf(1), status: 'pending-verification', verification: { phone: 'pending' }, details: { vendorStatus: 'UNVERIFIED' } });
    expect(await chatapp.verificationStatus(added.id)).toEqual({ phone: phoneOf(1), phoneNumberId: expect.stringMatching(/^\d+$/), codeVerificationStatus: 'NOT_VERIFIED', needsCode: true });

    expect(await chatapp.sendVerification(added.id, 'phone', { method: 'VOICE', locale: 'zh_CN' })).toMatchObject({ channel: 'phone', status: 'sent', target: phoneOf(1), requestId: expect.any(String) });
    expect(emulator.sentCodes()).toEqual([expect.objectContaining({ phoneNumber: idOf(1), method: 'VOICE', locale: 'zh_CN', custSpaceId: emulator.custSpaceId })]);
    const wrong = await expectContactError(chatapp.verifyAndRegister(added.id, '000000' === emulator.verificationCode(added.id) ? '111111' : '000000'), 'invalid-input');
    expect(wrong).toMatchObject({ field: 'code', vendor: { code: 'InvalidParameter.VerifyCode', httpStatus: 200 } });

    const registered = await chatapp.verifyAndRegister(added.id, emulator.verificationCode(added.id)!);
    expect(registered).toMatchObject({ status: 'active', verification: { phone: 'verified' }, details: { vendorStatus: 'CONNECTED', codeVerificationStatus: 'VERIFIED' } });
    const before = sent('GetChatappVerifyCode');
    expect(await chatapp.sendVerification(added.id, 'phone')).toEqual({ channel: 'phone', status: 'already-verified', target: phoneOf(1) });
    expect(sent('GetChatappVerifyCode')).toBe(before);

    expect(await chatapp.deregister(added.id)).toMatchObject({ status: 'inactive', details: { vendorStatus: 'DISCONNECTED' } });
    const twice = await expectContactError(chatapp.deregister(added.id), 'conflict');
    expect(twice.message).toMatch(/not registered .*delete\(id\)/);
    expect(await chatapp.register(added.id)).toMatchObject({ status: 'active', details: { vendorStatus: 'CONNECTED' } });

    await chatapp.delete(added.id);
    // Registered, so deregistered first, then taken out of the space.
    expect(sent('ChatappPhoneNumberDeregister')).toBe(3);
    await expectContactError(chatapp.get(added.id), 'not-found');
    await expectContactError(chatapp.delete(added.id), 'not-found');
  });

  it('sends the code by SMS in English unless told otherwise, and refuses other methods before any request', async () => {
    const chatapp = providerFor(emulator);
    const added = await chatapp.create(numberInput(2));
    await chatapp.sendVerification(added.id, 'phone');
    expect(emulator.sentCodes().at(-1)).toMatchObject({ method: 'SMS', locale: 'en_US' });
    const before = emulator.requests.length;
    expect((await expectContactError(chatapp.sendVerification(added.id, 'phone', { method: 'PIGEON' } as never), 'invalid-input')).field).toBe('options.method');
    await expectContactError(chatapp.sendVerification(added.id, 'email'), 'unsupported');
    await expectContactError(chatapp.verifyAndRegister(added.id, 'abc'), 'invalid-input');
    expect(emulator.requests.length).toBe(before);
  });

  it('register refuses a number whose code is not verified, or whose verification expired (14 days)', async () => {
    const chatapp = providerFor(emulator);
    const added = await chatapp.create(numberInput(3));
    const unverified = await expectContactError(chatapp.register(added.id), 'conflict');
    expect(unverified.vendor?.code).toBe('InvalidParameter.PhoneNumberNotVerified');
    await chatapp.sendVerification(added.id, 'phone');
    await chatapp.verifyAndRegister(added.id, emulator.verificationCode(added.id)!);
    await chatapp.deregister(added.id);
    emulator.expireVerification(added.id);
    expect(await chatapp.verificationStatus(added.id)).toMatchObject({ codeVerificationStatus: 'EXPIRED', needsCode: true });
    expect((await chatapp.get(added.id)).verification).toEqual({ phone: 'unverified' });
    await expectContactError(chatapp.register(added.id), 'conflict');
    expect((await chatapp.sendVerification(added.id, 'phone')).status).toBe('sent');
    expect((await chatapp.verifyAndRegister(added.id, emulator.verificationCode(added.id)!)).status).toBe('active');
  });

  it('delete takes an unregistered number out of the space with one deregistration', async () => {
    const chatapp = providerFor(emulator);
    const added = await chatapp.create(numberInput(4));
    await chatapp.delete(added.id);
    expect(sent('ChatappPhoneNumberDeregister')).toBe(1);
    expect(await chatapp.list().all()).toEqual([]);
  });
});

describe('what Meta decides about a number', () => {
  it('status, quality rating, tier, names, the green tick and calling show in the contact, in both listings', async () => {
    const chatapp = providerFor(emulator);
    const added = await chatapp.create(numberInput(5));
    emulator.setStatus(added.id, 'FLAGGED');
    emulator.setQualityRating(phoneOf(5), 'RED');
    const calling = {
      CallingCallbackUrl: 'https://acme.example/calls',
      MaxTalkTime: 600,
      Calling: {
        Status: 'ENABLED',
        CallIconVisibility: 'DEFAULT',
        CallbackPermissionStatus: 'ENABLED',
        CallHours: { Status: 'ENABLED', TimezoneId: 'Asia/Shanghai', WeeklyOperatingHours: [{ DayOfWeek: 'MONDAY', OpenTime: '0900', CloseTime: '1800' }], HolidaySchedule: [] },
      },
    };
    emulator.setNumberDetails(added.id, { messagingLimitTier: 'TIER_1K', newNameStatus: 'PENDING_REVIEW', official: true, callingConfigure: calling });
    const expected = {
      status: 'active',
      details: {
        vendorStatus: 'FLAGGED',
        qualityRating: 'RED',
        messagingLimitTier: 'TIER_1K',
        newNameStatus: 'PENDING_REVIEW',
        officialBusiness: true,
        calling: {
          callbackUrl: 'https://acme.example/calls',
          maxTalkTime: 600,
          status: 'ENABLED',
          callIconVisibility: 'DEFAULT',
          callbackPermissionStatus: 'ENABLED',
          callHours: { status: 'ENABLED', timezoneId: 'Asia/Shanghai', weeklyOperatingHours: [{ dayOfWeek: 'MONDAY', openTime: '0900', closeTime: '1800' }], holidaySchedule: [] },
        },
      },
    };
    expect(await chatapp.get(added.id)).toMatchObject(expected);
    // QueryChatappPhoneNumbers nests the icon and permission fields under CallHours; the contact is the same.
    const [filtered] = await chatapp.list({ status: 'FLAGGED' }).all();
    expect(filtered).toMatchObject(expected);
    expect(emulator.requests.at(-1)?.action).toBe('QueryChatappPhoneNumbers');
    emulator.setStatus(added.id, 'BANNED');
    expect(await chatapp.list({ status: 'FLAGGED' }).all()).toEqual([]);
    expect((await chatapp.get(added.id)).status).toBe('inactive');
    expect((await expectContactError(chatapp.list({ status: 'flagged' } as never).all(), 'invalid-input')).field).toBe('status');
  });
});

describe('business profile and callbacks', () => {
  it('round-trips the profile, Websites as a JSON list, and refuses what the vendor would before any request', async () => {
    const chatapp = providerFor(emulator);
    const added = await chatapp.create(numberInput(6));
    expect(await chatapp.businessProfile(added.id)).toEqual({ email: 'support6@acme.example', websites: [] });
    const profile = await chatapp.updateBusinessProfile(added.id, { about: 'We answer', vertical: 'RETAIL', websites: ['https://acme.example', 'http://shop.acme.example'] });
    expect(profile).toEqual({ about: 'We answer', email: 'support6@acme.example', vertical: 'RETAIL', websites: ['https://acme.example', 'http://shop.acme.example'] });
    expect(emulator.requests.find((request) => request.action === 'ModifyPhoneBusinessProfile' && request.url.includes('Websites'))?.url).toContain(
      `Websites=${encodeURIComponent(JSON.stringify(['https://acme.example', 'http://shop.acme.example']))}`,
    );
    expect((await chatapp.update(added.id, { email: 'help@acme.example' })).email).toBe('help@acme.example');
    expect((await chatapp.businessProfile(added.id)).email).toBe('help@acme.example');

    const before = emulator.requests.length;
    const cases: Array<[unknown, string]> = [
      [{ vertical: 'SPACESHIPS' }, 'vertical'],
      [{ websites: ['ftp://acme.example'] }, 'websites.0'],
      [{ websites: 'https://acme.example' }, 'websites'],
      [{ colour: 'blue' }, 'colour'],
      [{}, ''],
    ];
    for (const [changes, field] of cases) {
      const error = await expectContactError(chatapp.updateBusinessProfile(added.id, changes as never), 'invalid-input');
      expect(error.issues?.[0]?.path).toBe(field);
    }
    await expectContactError(chatapp.update(added.id, { name: 'Renamed' } as never), 'unsupported');
    await expectContactError(chatapp.update(added.id, { email: null } as never), 'unsupported');
    expect(emulator.requests.length).toBe(before);
  });

  it('sets the callback URLs and queues, shown in details', async () => {
    const chatapp = providerFor(emulator);
    const added = await chatapp.create(numberInput(7));
    const updated = await chatapp.updateCallbacks(added.id, { statusCallbackUrl: 'https://acme.example/status', inboundCallbackUrl: 'https://acme.example/inbound', queue: true });
    expect(updated.details).toMatchObject({
      statusCallbackUrl: 'https://acme.example/status',
      inboundCallbackUrl: 'https://acme.example/inbound',
      statusQueue: expect.stringMatching(/^alicom-\d+-queue$/),
      inboundQueue: expect.stringMatching(/^alicom-\d+-queue$/),
    });
    expect(emulator.requests.at(-3)?.url).toMatch(/QueueFlag=Y/);
    await expectContactError(chatapp.updateCallbacks(added.id, { statusCallbackUrl: 'mailto:ops@acme.example' }), 'invalid-input');
  });
});

describe('customer spaces', () => {
  it('come from the settings or from each call; a call without one says where to give it', async () => {
    const other = emulator.addCustSpace();
    const bare = alibabaChatApp({ endpoint: emulator.endpoint, credentials: emulator.credentials, rateLimit: false, maxRetries: 0 });
    const missing = await expectContactError(bare.list().all(), 'invalid-config');
    expect(missing.message).toMatch(/alibabaChatApp\(\{ custSpaceId \}\).*options, \{ custSpaceId \}/);
    expect(emulator.requests).toHaveLength(0);
    await bare.create(numberInput(8), { custSpaceId: other });
    expect((await bare.list({}, { custSpaceId: other }).all()).map((c) => [c.id, c.details?.custSpaceId])).toEqual([[idOf(8), other]]);
    expect(await providerFor(emulator).list().all()).toEqual([]);
    expect((await expectContactError(bare.get(idOf(8), { custSpaceId: 'not a space' }), 'invalid-input')).field).toBe('options.custSpaceId');
    const foreign = await expectContactError(bare.list({}, { custSpaceId: 'cams-someoneelse' }).all(), 'permission-denied');
    expect(foreign.message).toMatch(/belongs to another account/);
  });

  it('a number of another space of the account is taken; one of another account is permission-denied', async () => {
    const chatapp = providerFor(emulator);
    const other = emulator.addCustSpace();
    await chatapp.create(numberInput(9), { custSpaceId: other });
    expect((await expectContactError(chatapp.create(numberInput(9)), 'already-exists')).field).toBe('phone');
    emulator.holdElsewhere(phoneOf(10));
    const elsewhere = await expectContactError(chatapp.create(numberInput(10)), 'permission-denied');
    expect(elsewhere).toMatchObject({ vendor: { code: 'Unknown.ResourceOwnerId' } });
    expect(elsewhere.message).toMatch(/belongs to another account/);
  });

  it('hold at most the numbers quota', async () => {
    const limited = await startEmulator('alibaba-chatapp', { rateLimit: false, quotas: { numbers: 1 } });
    try {
      const chatapp = providerFor(limited);
      await chatapp.create(numberInput(11));
      expect((await expectContactError(chatapp.create(numberInput(12)), 'quota-exceeded')).vendor?.code).toBe('InvalidParameter.PhoneNumberLimitExceeded');
    } finally {
      await limited.close();
    }
  });
});
