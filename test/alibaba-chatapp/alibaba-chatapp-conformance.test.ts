/**
 * Conformance with the vendor's own client: a bare `@alicloud/openapi-client` `callApi`, set up as
 * a user would for cams.ap-southeast-1.aliyuncs.com but pointed at the emulator, runs the phone
 * number actions and gets the seed's answer shapes (the CAMS envelope, `Success` exactly where the
 * operation has it), is refused as the vendor would refuse it, and is throttled at 10/s (5/s for the
 * QR-code operations); and the derived ChatappPhoneNumberRegister signature vector verifies.
 */
import { describe, expect, it } from 'vitest';
import { NonceLedger, verifySignature } from '../../providers/alibaba-common/alibaba-emulator-signature.js';
import { startEmulator } from '../../providers/testing.js';
import { callAction, openApiClient } from '../support/alibaba-openapi.js';
import type { OpenApiClient } from '../support/alibaba-openapi.js';
import { useEmulator } from '../support/use-emulator.js';

const VERSION = '2020-06-06';
const emulator = useEmulator('alibaba-chatapp', { rateLimit: false });
const call = (action: string, query: Record<string, string>, client: OpenApiClient = openApiClient(emulator)) => callAction(client, VERSION, action, query);
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as { code?: string; statusCode?: number; data?: Record<string, unknown> });

/** The keys of the seed's ChatappSyncPhoneNumber example (seeds/004), answer and number. */
const SEED_ANSWER_KEYS = ['AccessDeniedDetail', 'Code', 'Message', 'PhoneNumbers', 'RequestId', 'Success'];
const SEED_NUMBER_KEYS = [
  'CodeVerificationStatus', 'MessagingLimitTier', 'NameStatus', 'NewNameStatus', 'PhoneNumber', 'QualityRating',
  'Status', 'StatusCallbackUrl', 'StatusQueue', 'UpCallbackUrl', 'UpQueue', 'VerifiedName',
];
const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

describe('a bare @alicloud/openapi-client against the emulator', () => {
  it("runs ChatappSyncPhoneNumber and gets the seed's answer shape", async () => {
    const space = emulator.custSpaceId;
    const added = await call('AddChatappPhoneNumber', { CustSpaceId: space, Cc: '86', PhoneNumber: '13800001234', VerifiedName: 'Alibaba' });
    expect(added).toMatchObject({ statusCode: 200 });
    expect(added.body).toEqual({ RequestId: expect.stringMatching(REQUEST_ID), Code: 'OK', Message: 'None', AccessDeniedDetail: 'None', Success: true });
    await call('UpdatePhoneWebhook', {
      CustSpaceId: space,
      PhoneNumber: '8613800001234',
      StatusCallbackUrl: 'https://www.alibaba.com/status',
      UpCallbackUrl: 'https://www.alibaba.com/inbound',
      HttpFlag: 'Y',
      QueueFlag: 'Y',
    });
    emulator.setNumberDetails('8613800001234', { messagingLimitTier: 'TIER_10K', newNameStatus: 'Approval' });

    const synced = await call('ChatappSyncPhoneNumber', { CustSpaceId: space });
    expect(Object.keys(synced.body).sort()).toEqual(SEED_ANSWER_KEYS);
    expect(synced.body).toMatchObject({ Code: 'OK', Success: true, RequestId: expect.stringMatching(REQUEST_ID) });
    const [number] = synced.body['PhoneNumbers'] as Array<Record<string, unknown>>;
    // The seed's fields, and IsOfficial, which newer answers add.
    expect(Object.keys(number ?? {}).sort()).toEqual([...SEED_NUMBER_KEYS, 'IsOfficial'].sort());
    expect(number).toMatchObject({
      PhoneNumber: '8613800001234',
      VerifiedName: 'Alibaba',
      Status: 'UNVERIFIED',
      QualityRating: expect.stringMatching(/^(GREEN|YELLOW|RED)$/),
      CodeVerificationStatus: 'NOT_VERIFIED',
      NameStatus: 'Approval',
      NewNameStatus: 'Approval',
      MessagingLimitTier: 'TIER_10K',
      StatusQueue: expect.stringMatching(/^alicom-\d+-queue$/),
      UpQueue: expect.stringMatching(/^alicom-\d+-queue$/),
      StatusCallbackUrl: 'https://www.alibaba.com/status',
      UpCallbackUrl: 'https://www.alibaba.com/inbound',
      IsOfficial: 'N',
    });
  });

  it('runs the registration flow, with Success exactly on the operations that have it', async () => {
    const space = emulator.custSpaceId;
    const number = { CustSpaceId: space, PhoneNumber: '8613900001234' };
    await call('AddChatappPhoneNumber', { CustSpaceId: space, Cc: '86', PhoneNumber: '13900001234', VerifiedName: 'Acme' });
    const status = await call('GetPhoneNumberVerificationStatus', number);
    expect(status.body).toEqual({
      RequestId: expect.stringMatching(REQUEST_ID), Code: 'OK', Message: 'None', AccessDeniedDetail: 'None',
      Data: { PhoneNumber: '8613900001234', Id: expect.stringMatching(/^\d+$/), CodeVerificationStatus: 'NOT_VERIFIED' },
    });
    expect((await call('GetChatappVerifyCode', { ...number, Method: 'SMS', Locale: 'en_US' })).body).toMatchObject({ Code: 'OK', Success: true });
    const code = emulator.verificationCode('8613900001234');
    expect(code).toMatch(/^\d{6}$/);
    expect((await call('ChatappVerifyAndRegister', { ...number, VerifyCode: code! })).body).toMatchObject({ Code: 'OK', Success: true });
    const deregistered = await call('ChatappPhoneNumberDeregister', number);
    expect(Object.keys(deregistered.body).sort()).toEqual(['AccessDeniedDetail', 'Code', 'Message', 'RequestId']);
    expect((await call('ChatappPhoneNumberRegister', number)).body).toMatchObject({ Code: 'OK', Success: true });
    const profile = await call('QueryPhoneBusinessProfile', number);
    expect(profile.body).toMatchObject({ Success: true, Data: { Websites: [] } });
    const webhook = await call('UpdatePhoneWebhook', { ...number, StatusCallbackUrl: 'https://acme.example/status' });
    expect(webhook.body).not.toHaveProperty('Success');
  });

  it('takes Websites as a JSON string and answers business failures with HTTP 200 and their Code, which the SDK does not throw for', async () => {
    const space = emulator.custSpaceId;
    await call('AddChatappPhoneNumber', { CustSpaceId: space, Cc: '86', PhoneNumber: '13800001234', VerifiedName: 'Acme' });
    const number = { CustSpaceId: space, PhoneNumber: '8613800001234' };
    await call('ModifyPhoneBusinessProfile', { ...number, Websites: '["https://a.example","https://b.example"]', Vertical: 'RETAIL' });
    expect((await call('QueryPhoneBusinessProfile', number)).body).toMatchObject({ Data: { Websites: ['https://a.example', 'https://b.example'], Vertical: 'RETAIL' } });

    const refused = await call('AddChatappPhoneNumber', { CustSpaceId: space, Cc: '86', PhoneNumber: '123', VerifiedName: 'Acme' });
    expect(refused.statusCode).toBe(200);
    expect(refused.body).toEqual({ RequestId: expect.stringMatching(REQUEST_ID), Code: 'InvalidParameter.PhoneNumberError', Message: 'The phone number is invalid.', AccessDeniedDetail: 'None' });
    const badVertical = await call('ModifyPhoneBusinessProfile', { ...number, Vertical: 'SPACESHIPS' });
    expect(badVertical.body).toMatchObject({ Code: 'InvalidParameter.Vertical' });
    const notHttp = await failure(call('ModifyPhoneBusinessProfile', { ...number, Websites: '["ftp://a.example"]' }));
    expect(notHttp).toMatchObject({ code: 'ERR-OPERATION-MAAP-0085', statusCode: 400 });
  });

  it('refuses a wrong secret with SignatureDoesNotMatch in the vendor envelope, and names unknown spaces and numbers', async () => {
    const error = await failure(call('ChatappSyncPhoneNumber', { CustSpaceId: emulator.custSpaceId }, openApiClient(emulator, { accessKeySecret: 'WRONGsecretWRONGsecretWRONGsec12' })));
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(error?.data).toEqual({
      RequestId: expect.stringMatching(REQUEST_ID),
      HostId: 'cams.ap-southeast-1.aliyuncs.com',
      Code: 'SignatureDoesNotMatch',
      Message: 'Specified signature does not match our calculation.',
      Recommend: expect.stringContaining('product=cams'),
      statusCode: 400,
    });
    expect(await failure(call('ChatappSyncPhoneNumber', { CustSpaceId: 'cams-someoneelse' }))).toMatchObject({ code: 'Unknown.ResourceOwnerId', statusCode: 400 });
    expect(await failure(call('ChatappSyncPhoneNumber', {}))).toMatchObject({ code: 'MissingParameter.CustSpaceId', statusCode: 400 });
    const missing = await failure(call('ChatappPhoneNumberRegister', { CustSpaceId: emulator.custSpaceId, PhoneNumber: '8613899999999' }));
    expect(missing).toMatchObject({ code: 'ERR-OPERATION-MAAP-0065', statusCode: 400 });
    const v2 = await call('ChatappSyncPhoneNumber', { CustSpaceId: emulator.custSpaceId }, openApiClient(emulator, { signatureAlgorithm: 'v2' }));
    expect(v2.body).toMatchObject({ Code: 'OK', PhoneNumbers: [] });
  });
});

describe('rate limits', () => {
  it('answers the 11th request of an action in a second, and the 6th of a QR-code operation, with System.LimitControl', async () => {
    const limited = await startEmulator('alibaba-chatapp');
    try {
      const client = openApiClient(limited);
      const space = limited.custSpaceId;
      const codes = async (count: number, send: () => Promise<unknown>) => {
        const outcomes = await Promise.all(Array.from({ length: count }, () => send().then(() => 'OK', (e: { code?: string }) => e.code)));
        return outcomes.filter((code) => code === 'System.LimitControl').length;
      };
      expect(await codes(11, () => callAction(client, VERSION, 'ChatappSyncPhoneNumber', { CustSpaceId: space }))).toBe(1);
      expect(await codes(6, () => callAction(client, VERSION, 'ListPhoneMessageQrdl', { CustSpaceId: space, PhoneNumber: '8613800001234' }))).toBe(1);
      const throttled = await failure(callAction(client, VERSION, 'ChatappSyncPhoneNumber', { CustSpaceId: space }));
      expect(throttled).toMatchObject({ code: 'System.LimitControl', statusCode: 400, data: { Message: 'The system is under flow control.' } });
    } finally {
      await limited.close();
    }
  });
});

describe('signatures', () => {
  it('verifies the derived ChatappPhoneNumberRegister vector (the ACS3 algorithm of the signature document)', () => {
    const request = {
      method: 'POST',
      rawUrl: '/?CustSpaceId=939283893939&PhoneNumber=8613800001234',
      rawBody: Buffer.alloc(0),
      headers: {
        host: 'cams.ap-southeast-1.aliyuncs.com',
        'x-acs-action': 'ChatappPhoneNumberRegister',
        'x-acs-version': VERSION,
        'x-acs-date': '2023-10-26T10:22:32Z',
        'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
        'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        authorization:
          'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=5d60b8cb2124b3c51ba8e978661121efe40d5835953c0f879193868d0b2167d7',
      },
    };
    const verify = (secret: string) =>
      verifySignature(request, { secretFor: (id) => (id === 'YourAccessKeyId' ? secret : undefined), now: new Date('2023-10-26T10:23:00Z'), nonces: new NonceLedger() });
    expect(verify('YourAccessKeySecret')).toEqual({ ok: true, accessKeyId: 'YourAccessKeyId' });
    expect(verify('NotTheSecret')).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });
});
