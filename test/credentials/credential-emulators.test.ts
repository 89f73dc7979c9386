/**
 * The STS and metadata emulators as the vendors' own clients see them: each vendor's official
 * client assumes a role at the STS emulator (its own signature checked), then calls the product
 * emulator with the temporary keys and the vendor's token header, which the product accepts
 * until the keys expire on the emulators' clock and then refuses with the vendor's code.
 */
import { Agent } from 'node:http';
import { Service } from '@volcengine/openapi';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, startMetadataEmulator, startStsEmulator } from '../../providers/testing.js';
import { callAction, sdk } from '../support/alibaba-openapi.js';

const ALIBABA_ROLE = 'acs:ram::1234567890123456:role/ops';
const TENCENT_ROLE = 'qcs::cam::uin/100000000001:roleName/ops';
const VOLCENGINE_ROLE = 'trn:iam::2100000001:role/ops';

afterEach(() => vi.useRealTimers());

/** A clock the emulators share, moved by the test. */
function testClock() {
  let offsetMs = 0;
  return { now: () => new Date(Date.now() + offsetMs), advance: (ms: number) => void (offsetMs += ms) };
}

/**
 * The machine's clock, faked and moved by the test: the vendor clients date their signatures by
 * it and the emulators' clocks follow it, so keys can expire while signatures stay fresh.
 */
function sharedClock() {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  return { now: () => new Date(), advance: (ms: number) => vi.setSystemTime(Date.now() + ms) };
}

describe('Alibaba: the official @alicloud/openapi-client against the STS emulator and a product emulator', () => {
  const client = (endpoint: string, keys: Record<string, string>) => {
    const OpenApi = (sdk as unknown as { default: new (config: unknown) => Parameters<typeof callAction>[0] }).default;
    return new OpenApi(new sdk.Config({ ...keys, endpoint: new URL(endpoint).host, protocol: 'http' }));
  };

  it('assumes a role (ACS3 signed), calls the product with the token, and is refused once the keys expire', async () => {
    const clock = sharedClock();
    const sts = await startStsEmulator('alibaba', { roles: [{ arn: ALIBABA_ROLE, externalId: 'ext-1' }], now: clock.now });
    const rd = await startEmulator('alibaba-resource-directory', { now: clock.now, rateLimit: false });
    try {
      const assumed = await callAction(client(sts.endpoint, sts.credentials as unknown as Record<string, string>), '2015-04-01', 'AssumeRole', {
        RoleArn: ALIBABA_ROLE,
        RoleSessionName: 'oracle',
        DurationSeconds: '900',
        ExternalId: 'ext-1',
      });
      const keys = assumed.body['Credentials'] as Record<string, string>;
      expect(keys).toMatchObject({ AccessKeyId: expect.stringMatching(/^STS\./), Expiration: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) });
      const temporary = client(rd.endpoint, { accessKeyId: keys['AccessKeyId']!, accessKeySecret: keys['AccessKeySecret']!, securityToken: keys['SecurityToken']! });
      expect((await callAction(temporary, '2022-04-19', 'ListMessageContacts', {})).statusCode).toBe(200);
      expect(rd.requests[0]?.headers['x-acs-security-token']).toBe(keys['SecurityToken']);

      const wrongToken = client(rd.endpoint, { accessKeyId: keys['AccessKeyId']!, accessKeySecret: keys['AccessKeySecret']!, securityToken: 'not-the-token' });
      await expect(callAction(wrongToken, '2022-04-19', 'ListMessageContacts', {})).rejects.toMatchObject({ code: 'InvalidSecurityToken.MismatchWithAccessKey' });
      clock.advance(15 * 60_000);
      await expect(callAction(temporary, '2022-04-19', 'ListMessageContacts', {})).rejects.toMatchObject({ code: 'InvalidSecurityToken.Expired' });

      const wrongSecret = client(sts.endpoint, { accessKeyId: sts.credentials.accessKeyId, accessKeySecret: 'WRONGsecretWRONGsecretWRONGsec12' });
      await expect(callAction(wrongSecret, '2015-04-01', 'AssumeRole', { RoleArn: ALIBABA_ROLE, RoleSessionName: 'probe', ExternalId: 'ext-1' })).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
      await expect(callAction(client(sts.endpoint, sts.credentials as unknown as Record<string, string>), '2015-04-01', 'AssumeRole', { RoleArn: ALIBABA_ROLE, RoleSessionName: 'probe' })).rejects.toMatchObject({ code: 'NoPermission' });
    } finally {
      await Promise.all([sts.close(), rd.close()]);
    }
  });

  it('exchanges an OIDC token anonymously, refusing an expired or forged one', async () => {
    const clock = testClock();
    const sts = await startStsEmulator('alibaba', { roles: [{ arn: ALIBABA_ROLE, oidcSubjects: ['system:serviceaccount:ops:app'] }], now: clock.now });
    try {
      const anonymous = client(sts.endpoint, {});
      const params = new sdk.Params({ action: 'AssumeRoleWithOIDC', version: '2015-04-01', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'Anonymous', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
      const exchange = async (token: string) =>
        ((await anonymous.callApi(params, new sdk.OpenApiRequest({ body: { RoleArn: ALIBABA_ROLE, OIDCProviderArn: sts.oidcProviderArn, OIDCToken: token, RoleSessionName: 'pod' } }), { autoretry: false } as never)) as { body: Record<string, unknown> }).body;
      const token = sts.issueOidcToken('system:serviceaccount:ops:app', { expiresInSeconds: 600 });
      expect(await exchange(token)).toMatchObject({ OIDCTokenInfo: { Subject: 'system:serviceaccount:ops:app' }, Credentials: { AccessKeyId: expect.stringMatching(/^STS\./) } });
      await expect(exchange(`${token.slice(0, -4)}AAAA`)).rejects.toMatchObject({ code: 'AuthenticationFail.OIDCToken.InvalidSignature' });
      await expect(exchange(sts.issueOidcToken('system:serviceaccount:other:app'))).rejects.toMatchObject({ code: 'AuthenticationFail.NoPermission' });
      clock.advance(601_000);
      await expect(exchange(token)).rejects.toMatchObject({ code: 'AuthenticationFail.OIDCToken.Expired' });
      expect(sts.sessions()).toHaveLength(1);
    } finally {
      await sts.close();
    }
  });

  it('the metadata service hands out the role with the IMDSv2 token, and refuses reads without it when hardened', async () => {
    const metadata = await startMetadataEmulator('alibaba', { roleName: 'EcsOps', requireToken: true });
    try {
      const token = await (await fetch(`${metadata.endpoint}/latest/api/token`, { method: 'PUT', headers: { 'X-aliyun-ecs-metadata-token-ttl-seconds': '60' } })).text();
      const role = await fetch(`${metadata.endpoint}/latest/meta-data/ram/security-credentials/`, { headers: { 'X-aliyun-ecs-metadata-token': token } });
      expect(await role.text()).toBe('EcsOps');
      const keys = (await (await fetch(`${metadata.endpoint}/latest/meta-data/ram/security-credentials/EcsOps`, { headers: { 'X-aliyun-ecs-metadata-token': token } })).json()) as Record<string, string>;
      expect(keys).toMatchObject({ Code: 'Success', AccessKeyId: expect.stringMatching(/^STS\./) });
      expect((await fetch(`${metadata.endpoint}/latest/meta-data/ram/security-credentials/`)).status).toBe(401);
      metadata.attachRole(null);
      expect((await fetch(`${metadata.endpoint}/latest/meta-data/ram/security-credentials/`, { headers: { 'X-aliyun-ecs-metadata-token': token } })).status).toBe(404);
      expect(metadata.roleArn()).toBeUndefined();
    } finally {
      await metadata.close();
    }
  });
});

describe("Tencent: the official CommonClient against the STS emulator and the CAM emulator", () => {
  const commonClient = (endpoint: string, version: string, credential: { secretId: string; secretKey: string; token?: string }) =>
    new CommonClient('sts.tencentcloudapi.com', version, { credential, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: new URL(endpoint).host, protocol: 'http://', agent: new Agent() } } });

  it('assumes a role (TC3 signed), calls CAM with X-TC-Token, and is refused once the keys expire', async () => {
    const clock = sharedClock();
    const sts = await startStsEmulator('tencent', { roles: [{ arn: TENCENT_ROLE }], now: clock.now });
    const cam = await startEmulator('tencent-cam', { now: clock.now, rateLimit: false });
    try {
      const assumed = await commonClient(sts.endpoint, '2018-08-13', { secretId: sts.credentials.accessKeyId, secretKey: sts.credentials.accessKeySecret }).request('AssumeRole', {
        RoleArn: TENCENT_ROLE,
        RoleSessionName: 'oracle',
        DurationSeconds: 900,
      });
      const keys = assumed.Credentials as { TmpSecretId: string; TmpSecretKey: string; Token: string };
      expect(assumed.ExpiredTime).toBeTypeOf('number');
      const temporary = commonClient(cam.endpoint, '2019-01-16', { secretId: keys.TmpSecretId, secretKey: keys.TmpSecretKey, token: keys.Token });
      expect((await temporary.request('ListReceiver', { Offset: 0, Limit: 10 })).TotalCount).toBe(0);
      clock.advance(15 * 60_000);
      await expect(temporary.request('ListReceiver', { Offset: 0, Limit: 10 })).rejects.toMatchObject({ code: 'AuthFailure.TokenFailure' });
      const forged = commonClient(sts.endpoint, '2018-08-13', { secretId: sts.credentials.accessKeyId, secretKey: 'wrong-secret-wrong-secret-wrong!' });
      await expect(forged.request('AssumeRole', { RoleArn: TENCENT_ROLE, RoleSessionName: 'x' })).rejects.toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    } finally {
      await Promise.all([sts.close(), cam.close()]);
    }
  });
});

describe('Volcengine: the official @volcengine/openapi Service against the STS emulator and the VMP emulator', () => {
  it('assumes a role (HMAC-SHA256 signed, service sts), calls VMP with X-Security-Token, and is refused once the keys expire', async () => {
    const clock = sharedClock();
    const sts = await startStsEmulator('volcengine', { roles: [{ arn: VOLCENGINE_ROLE }], now: clock.now });
    const vmp = await startEmulator('volcengine-vmp', { now: clock.now, rateLimit: false });
    try {
      const stsService = new Service({ serviceName: 'sts', region: 'cn-beijing', defaultVersion: '2018-01-01', host: new URL(sts.endpoint).host, protocol: 'http:', ...{ accessKeyId: sts.credentials.accessKeyId, secretKey: sts.credentials.accessKeySecret } });
      const assumed = await stsService.createAPI('AssumeRole', { Version: '2018-01-01', method: 'GET' })({ RoleTrn: VOLCENGINE_ROLE, RoleSessionName: 'oracle', DurationSeconds: 900 });
      expect(assumed.ResponseMetadata.Error).toBeUndefined();
      const keys = (assumed.Result as { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }).Credentials;
      const vmpService = new Service({ serviceName: 'vmp', region: 'cn-beijing', defaultVersion: '2021-03-03', host: new URL(vmp.endpoint).host, protocol: 'http:', accessKeyId: keys.AccessKeyId, secretKey: keys.SecretAccessKey, sessionToken: keys.SessionToken });
      const list = vmpService.createJSONAPI('ListContacts', { Version: '2021-03-03' });
      expect((await list({})).ResponseMetadata.Error).toBeUndefined();
      clock.advance(15 * 60_000);
      expect((await list({})).ResponseMetadata.Error).toMatchObject({ Code: 'InvalidSecretToken' });
    } finally {
      await Promise.all([sts.close(), vmp.close()]);
    }
  });
});
