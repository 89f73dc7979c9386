/**
 * The emulator's signature verifier against the official ACS3-HMAC-SHA256 and V2 test vectors,
 * the vectors derived for Resource Directory (the algorithms of https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature and https://help.aliyun.com/en/sdk/product-overview/rpc-mechanism), and the
 * freshness rules (date skew, nonce replay, signed-header set).
 */
import { describe, expect, it } from 'vitest';
import {
  acs3CanonicalRequest,
  acs3Signature,
  NonceLedger,
  v2Signature,
  v2StringToSign,
  verifySignature,
} from '../../providers/alibaba-common/alibaba-emulator-signature.js';
import type { SignedRequest } from '../../providers/alibaba-common/alibaba-emulator-signature.js';
import { sha256Hex } from '../../src/util/signing.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SIGNED = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];

/** A request as the official V3 example describes it, with an Authorization computed from `signature`. */
function acs3Request(spec: { host: string; action: string; version: string; query: string; date: string; nonce: string; keyId: string; signature: string }): SignedRequest {
  return {
    method: 'POST',
    rawUrl: `/?${spec.query}`,
    rawBody: Buffer.alloc(0),
    headers: {
      host: spec.host,
      'x-acs-action': spec.action,
      'x-acs-version': spec.version,
      'x-acs-date': spec.date,
      'x-acs-signature-nonce': spec.nonce,
      'x-acs-content-sha256': EMPTY_SHA256,
      authorization: `ACS3-HMAC-SHA256 Credential=${spec.keyId},SignedHeaders=${SIGNED.join(';')},Signature=${spec.signature}`,
    },
  };
}

const official = acs3Request({
  host: 'ecs.cn-shanghai.aliyuncs.com',
  action: 'RunInstances',
  version: '2014-05-26',
  query: 'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
  date: '2023-10-26T10:22:32Z',
  nonce: '3156853299f313e23d1673dc12e1703d',
  keyId: 'YourAccessKeyId',
  signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
});
const officialSecret = (id: string) => (id === 'YourAccessKeyId' ? 'YourAccessKeySecret' : undefined);
const at = (iso: string) => new Date(iso);

describe('ACS3-HMAC-SHA256 verifier', () => {
  it('reproduces the official test vector: canonical request, its hash and the signature', () => {
    const canonical = acs3CanonicalRequest(official, SIGNED);
    expect(canonical).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action:RunInstances',
        `x-acs-content-sha256:${EMPTY_SHA256}`,
        'x-acs-date:2023-10-26T10:22:32Z',
        'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
        'x-acs-version:2014-05-26',
        '',
        SIGNED.join(';'),
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(sha256Hex(canonical)).toBe('7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    expect(acs3Signature('YourAccessKeySecret', canonical)).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });

  it('accepts the official request at its own time, and refuses it when anything signed changes', () => {
    const verify = (request: SignedRequest) => verifySignature(request, { secretFor: officialSecret, now: at('2023-10-26T10:25:00Z'), nonces: new NonceLedger() });
    expect(verify(official)).toEqual({ ok: true, accessKeyId: 'YourAccessKeyId' });
    expect(verify({ ...official, rawUrl: official.rawUrl.replace('cn-shanghai', 'cn-hangzhou') })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verify({ ...official, headers: { ...official.headers, 'x-acs-action': 'StopInstance' } })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verify({ ...official, method: 'GET' })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('verifies the derived AddMessageContact vector, whatever order and encoding the query arrives in', () => {
    const request = acs3Request({
      host: 'resourcedirectory.aliyuncs.com',
      action: 'AddMessageContact',
      version: '2022-04-19',
      // As Node's querystring sends it: insertion order, '@' encoded.
      query: 'Name=tom&EmailAddress=someone%40example.com&PhoneNumber=86-13900001234&Title=TechnicalDirector&MessageTypes.1=AccountExpenses&MessageTypes.2=ServiceMessage',
      date: '2023-10-26T10:22:32Z',
      nonce: '3156853299f313e23d1673dc12e1703d',
      keyId: 'YourAccessKeyId',
      signature: '3b4932cefed7e08367540a64b7b42f64df00199026b72e1c37d54a702351b1af',
    });
    expect(sha256Hex(acs3CanonicalRequest(request, SIGNED))).toBe('a1cdc49b8fd9b78ad45b501bb8c6ef3806e6296f8e293a9412c2c9e5c8323140');
    expect(verifySignature(request, { secretFor: officialSecret, now: at('2023-10-26T10:22:32Z'), nonces: new NonceLedger() }).ok).toBe(true);
  });

  it("verifies the golden vector signed by @alicloud/openapi-client with the emulator's fake keys", () => {
    const request = acs3Request({
      host: 'resourcedirectory.aliyuncs.com',
      action: 'AddMessageContact',
      version: '2022-04-19',
      query: 'EmailAddress=alice%40example.com&MessageTypes.1=AccountExpenses&MessageTypes.2=ServiceMessage&Name=Alice&PhoneNumber=86-13900001234&Title=TechnicalDirector',
      date: '2026-01-01T00:00:00Z',
      nonce: 'fixed-nonce-0001',
      keyId: 'LTAI5tFAKEFAKEFAKE1234',
      signature: 'c1de607ec40d94ff5d579af47754545bef86e349bc6e93cbf761fc3ef906d9d4',
    });
    const secretFor = (id: string) => (id === 'LTAI5tFAKEFAKEFAKE1234' ? 'FAKEsecretFAKEsecretFAKEsecret12' : undefined);
    expect(verifySignature(request, { secretFor, now: at('2026-01-01T00:10:00Z'), nonces: new NonceLedger() }).ok).toBe(true);
  });

  it('refuses an unknown key, a stale or future date, a reused nonce, unsigned headers and a body that does not match its hash', () => {
    const nonces = new NonceLedger();
    const verify = (request: SignedRequest, now = '2023-10-26T10:22:32Z') => verifySignature(request, { secretFor: officialSecret, now: at(now), nonces });
    expect(verify(official, '2023-10-26T10:38:00Z')).toMatchObject({ ok: false, code: 'InvalidTimeStamp.Expired' });
    expect(verify(official, '2023-10-26T10:07:00Z')).toMatchObject({ ok: false, code: 'InvalidTimeStamp.Expired' });
    expect(verify({ ...official, headers: { ...official.headers, authorization: String(official.headers['authorization']).replace('YourAccessKeyId', 'LTAIunknown') } })).toMatchObject({
      ok: false,
      code: 'InvalidAccessKeyId.NotFound',
    });
    expect(verify({ ...official, headers: { ...official.headers, 'x-acs-extra': 'unsigned' } })).toMatchObject({ ok: false, code: 'IncompleteSignature' });
    expect(verify({ ...official, headers: { ...official.headers, authorization: 'ACS3-HMAC-SHA256 Credential=YourAccessKeyId' } })).toMatchObject({ ok: false, code: 'IncompleteSignature' });
    expect(verify({ ...official, rawBody: Buffer.from('Name=tom') })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verify(official).ok).toBe(true);
    expect(verify(official)).toMatchObject({ ok: false, code: 'SignatureNonceUsed' });
  });
});

describe('legacy V2 (HMAC-SHA1) verifier', () => {
  it('reproduces the official V2 vector', () => {
    const params: Array<[string, string]> = [
      ['AccessKeyId', 'testid'],
      ['Action', 'DescribeRegions'],
      ['Format', 'XML'],
      ['SignatureMethod', 'HMAC-SHA1'],
      ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
      ['SignatureVersion', '1.0'],
      ['Timestamp', '2016-02-23T12:46:24Z'],
      ['Version', '2014-05-26'],
    ];
    const stringToSign = v2StringToSign('GET', params);
    expect(stringToSign).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(v2Signature('testsecret', stringToSign)).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('verifies the derived AddMessageContact V2 vector sent as a query string, and refuses a wrong secret', () => {
    const query = [
      'Action=AddMessageContact',
      'Format=json',
      'Version=2022-04-19',
      'Timestamp=2016-02-23T12%3A46%3A24Z',
      'SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      'EmailAddress=someone%40example.com',
      'MessageTypes.1=AccountExpenses',
      'MessageTypes.2=ServiceMessage',
      'Name=tom',
      'PhoneNumber=86-13900001234',
      'Title=TechnicalDirector',
      'SignatureMethod=HMAC-SHA1',
      'SignatureVersion=1.0',
      'AccessKeyId=testid',
      `Signature=${encodeURIComponent('i36rIhkrbCDg8S0RXrAqgUfzjFw=')}`,
    ].join('&');
    const request: SignedRequest = { method: 'POST', rawUrl: `/?${query}`, rawBody: Buffer.alloc(0), headers: { host: 'resourcedirectory.aliyuncs.com' } };
    const now = at('2016-02-23T12:50:00Z');
    expect(verifySignature(request, { secretFor: (id: string) => (id === 'testid' ? 'testsecret' : undefined), now, nonces: new NonceLedger() }).ok).toBe(true);
    expect(verifySignature(request, { secretFor: () => 'wrong', now, nonces: new NonceLedger() })).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });
});
