import { describe, expect, it } from 'vitest';
import { tc3Signature, verifyTc3 } from '../../providers/tencent-cam/tencent-cam-emulator-signature.js';

/** The documented worked example of "签名方法 v3" (CVM DescribeInstances), reproduced exactly. */
const documented = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  timestamp: '1551113065',
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  contentType: 'application/json; charset=utf-8',
  signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
};

describe('TC3-HMAC-SHA256 in the CAM emulator', () => {
  it('reproduces the documented test vector', () => {
    expect(
      tc3Signature({
        secretKey: documented.secretKey,
        method: 'POST',
        rawQuery: '',
        headers: { 'content-type': documented.contentType, host: 'cvm.tencentcloudapi.com' },
        signedHeaders: 'content-type;host',
        payload: documented.payload,
        timestamp: documented.timestamp,
        service: 'cvm',
        date: '2019-02-25',
      }),
    ).toBe(documented.signature);
  });

  it('reproduces the documented variant that also signs x-tc-action', () => {
    expect(
      tc3Signature({
        secretKey: documented.secretKey,
        method: 'POST',
        rawQuery: '',
        headers: { 'content-type': documented.contentType, host: 'cvm.tencentcloudapi.com', 'x-tc-action': 'DescribeInstances' },
        signedHeaders: 'content-type;host;x-tc-action',
        payload: documented.payload,
        timestamp: documented.timestamp,
        service: 'cvm',
        date: '2019-02-25',
      }),
    ).toBe('644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26');
  });

  const request = (overrides: { authorization?: string; timestamp?: string; host?: string; body?: string } = {}) => ({
    method: 'POST',
    rawUrl: '/',
    headers: {
      authorization:
        overrides.authorization ??
        `TC3-HMAC-SHA256 Credential=${documented.secretId}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${documented.signature}`,
      'content-type': documented.contentType,
      host: overrides.host ?? 'cvm.tencentcloudapi.com',
      'x-tc-timestamp': overrides.timestamp ?? documented.timestamp,
    },
    rawBody: Buffer.from(overrides.body ?? documented.payload),
  });
  const secretFor = (id: string) => (id === documented.secretId ? documented.secretKey : undefined);
  const signedAt = new Date(Number(documented.timestamp) * 1000 + 60_000);

  it('accepts the documented request, and the same request sent to a port', () => {
    expect(verifyTc3(request(), secretFor, signedAt)).toEqual({ ok: true, secretId: documented.secretId });
    expect(verifyTc3(request({ host: 'cvm.tencentcloudapi.com:8443' }), secretFor, signedAt).ok).toBe(true);
  });

  it('refuses a changed body, an unknown SecretId, a stale timestamp and a garbled header with CAM codes', () => {
    expect(verifyTc3(request({ body: `${documented.payload} ` }), secretFor, signedAt)).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    expect(verifyTc3(request(), () => undefined, signedAt)).toMatchObject({ code: 'AuthFailure.SecretIdNotFound' });
    expect(verifyTc3(request(), secretFor, new Date(signedAt.getTime() + 10 * 60_000))).toMatchObject({ code: 'AuthFailure.SignatureExpire' });
    expect(verifyTc3(request({ authorization: 'Bearer x' }), secretFor, signedAt)).toMatchObject({ code: 'AuthFailure.InvalidAuthorization' });
  });

  it('refuses a signature made with the wrong key even where it tolerates the Node client quirks', () => {
    const wrong = tc3Signature({
      secretKey: 'not-the-key',
      method: 'POST',
      rawQuery: '',
      headers: { 'content-type': documented.contentType, host: '127.0.0.1' },
      signedHeaders: 'content-type;host',
      payload: documented.payload,
      timestamp: documented.timestamp,
      service: '127',
      date: '2019-02-25',
    });
    const authorization = `TC3-HMAC-SHA256 Credential=${documented.secretId}/2019-02-25/127/tc3_request, SignedHeaders=content-type;host, Signature=${wrong}`;
    expect(verifyTc3(request({ authorization, host: '127.0.0.1:9000' }), secretFor, signedAt)).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
  });
});
