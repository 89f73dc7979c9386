/**
 * The in-house signer against the reference's computed vectors and, on many generated requests,
 * against the official `@volcengine/openapi` Signer; and the emulator's verifier, which uses the
 * same signer, against good and bad requests.
 */
import { Signer } from '@volcengine/openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/util/signing.js';
import { verifyVmpSignature } from '../../providers/volcengine-vmp/volcengine-vmp-emulator-signature.js';
import { canonicalRequest, volcengineAuthorization, volcengineDate } from '../../providers/volcengine-vmp/volcengine-vmp-signer.js';
import type { VolcengineSigningInput } from '../../providers/volcengine-vmp/volcengine-vmp-signer.js';

const AK = 'AKLTEXAMPLEACCESSKEYID';
const SK = 'EXAMPLESECRETACCESSKEY';
const BODY = '{"Name":"oncall-team","Email":"oncall@example.com"}';
const QUERY: Array<[string, string]> = [['Action', 'CreateContact'], ['Version', '2021-03-03']];

const input = (headers: Record<string, string>, overrides: Partial<VolcengineSigningInput> = {}): VolcengineSigningInput => ({
  method: 'POST',
  path: '/',
  query: QUERY,
  headers,
  bodySha256: sha256Hex(BODY),
  xDate: '20240101T000000Z',
  region: 'cn-beijing',
  service: 'vmp',
  secretKey: SK,
  ...overrides,
});

describe('the Volcengine HMAC-SHA256 signer', () => {
  it('reproduces vector V1 (Node SDK style: x-content-sha256;x-date)', () => {
    const v1 = input({ 'x-content-sha256': sha256Hex(BODY), 'x-date': '20240101T000000Z' });
    expect(sha256Hex(BODY)).toBe('383ebbcbca334dcf37cae85ffad7275374101c56791049791de7bbca8e90ce17');
    expect(sha256Hex(canonicalRequest(v1))).toBe('2428cf964d1df2b165fe91824f29d68fce3e02d9502462d3836fcc27085c7682');
    expect(volcengineAuthorization(AK, v1)).toBe(
      'HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID/20240101/cn-beijing/vmp/request, SignedHeaders=x-content-sha256;x-date, Signature=fac45b473552f02dcb74df8f5be8908ab2736061841a73a0da34a1b014492f64',
    );
  });

  it('reproduces vector V2 (Go SDK style: content-type;host;x-content-sha256;x-date)', () => {
    const v2 = input({
      'content-type': 'application/json; charset=utf-8',
      host: 'vmp.cn-beijing.volcengineapi.com',
      'x-content-sha256': sha256Hex(BODY),
      'x-date': '20240101T000000Z',
    });
    expect(sha256Hex(canonicalRequest(v2))).toBe('cfb6c76bd4d9c2cf8dcff82c4415b407930ed8620eaf812b007c526916e39920');
    expect(volcengineAuthorization(AK, v2)).toBe(
      'HMAC-SHA256 Credential=AKLTEXAMPLEACCESSKEYID/20240101/cn-beijing/vmp/request, SignedHeaders=content-type;host;x-content-sha256;x-date, Signature=ee9b4a3e28bf94e9d55cb16c3c26ad06ec082c76b108948ab39429cd36a4e289',
    );
  });

  it('reproduces the golden vector of dependencies.md (a request the official Service sent)', () => {
    const body = '{"Name":"Alice","Email":"alice@example.com","Phone":{"CountryCode":"+86","Number":"13900001234"},"ContactGroupIds":["cg-1","cg-2"]}';
    expect(sha256Hex(body)).toBe('e7887f242fc51ba221eb424358de4ea1428e4e63c768fb9d7f9bb12aa8846f49');
    const golden = input(
      { 'x-content-sha256': sha256Hex(body), 'x-date': '20260101T000000Z' },
      { bodySha256: sha256Hex(body), xDate: '20260101T000000Z', secretKey: 'FAKEvolcSecretFAKEvolcSecretFAKE==' },
    );
    expect(volcengineAuthorization('AKLTFAKEFAKEFAKEFAKEFAKE1234', golden)).toBe(
      'HMAC-SHA256 Credential=AKLTFAKEFAKEFAKEFAKEFAKE1234/20260101/cn-beijing/vmp/request, SignedHeaders=x-content-sha256;x-date, Signature=c5f1fc1fc3c04234b4fca4f4b98089bd746eb4aef4ed6f72af1a93379ba38f32',
    );
  });

  it('gives the same Authorization as the official Signer on generated requests', () => {
    const token = /^[A-Za-z0-9+/=_-]{8,60}$/;
    const request = fc.record({
      accessKeyId: fc.stringMatching(/^AKLT[A-Za-z0-9]{8,40}$/),
      secretKey: fc.stringMatching(token),
      sessionToken: fc.option(fc.stringMatching(token), { nil: undefined }),
      region: fc.constantFrom('cn-beijing', 'cn-shanghai', 'cn-guangzhou', 'ap-southeast-1', 'cn-north-1'),
      action: fc.stringMatching(/^[A-Z][A-Za-z]{2,30}$/),
      // Names that are not array indexes: the official Signer orders its parameters through an
      // object, where such names ("0") always come first, whatever their code points say.
      extraQuery: fc.dictionary(fc.stringMatching(/^[A-Za-z !*'()~._-][\w !*'()~.-]{0,7}$/), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
      host: fc.option(fc.constantFrom('open.volcengineapi.com', 'vmp.cn-beijing.volcengineapi.com', '127.0.0.1:4010'), { nil: undefined }),
      body: fc.jsonValue({ stringUnit: 'grapheme' }).map((value) => JSON.stringify({ Value: value })),
      date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
    });
    fc.assert(
      fc.property(request, (r) => {
        const params = { ...r.extraQuery, Action: r.action, Version: '2021-03-03' };
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...(r.host === undefined ? {} : { host: r.host }) };
        const official = { region: r.region, method: 'POST', pathname: '/', params, headers, body: r.body };
        new Signer(official, 'vmp').addAuthorization({ accessKeyId: r.accessKeyId, secretKey: r.secretKey, ...(r.sessionToken === undefined ? {} : { sessionToken: r.sessionToken }) }, r.date);
        // The official client signs every header it set but content-type: sign the same set.
        const signed: Record<string, string> = {
          ...(r.host === undefined ? {} : { host: r.host }),
          'x-content-sha256': sha256Hex(r.body),
          'x-date': volcengineDate(r.date),
          ...(r.sessionToken === undefined ? {} : { 'x-security-token': r.sessionToken }),
        };
        const ours = volcengineAuthorization(r.accessKeyId, {
          method: 'POST',
          path: '/',
          query: Object.entries(params),
          headers: signed,
          bodySha256: sha256Hex(r.body),
          xDate: volcengineDate(r.date),
          region: r.region,
          service: 'vmp',
          secretKey: r.secretKey,
        });
        expect(ours).toBe((official.headers as Record<string, string>)['Authorization']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the emulator verifies from the SignedHeaders the client chose', () => {
  const signedAt = new Date('2024-01-01T00:00:00Z');
  const secretFor = (id: string) => (id === AK ? SK : undefined);
  const request = (headers: Record<string, string>, overrides: { body?: string; authorization?: string; accessKeyId?: string } = {}) => {
    const authorization = overrides.authorization ?? volcengineAuthorization(overrides.accessKeyId ?? AK, input(headers));
    const rawUrl = '/?Action=CreateContact&Version=2021-03-03';
    return { method: 'POST', rawUrl, url: new URL(rawUrl, 'http://127.0.0.1'), headers: { ...headers, authorization }, rawBody: Buffer.from(overrides.body ?? BODY) };
  };
  const nodeStyle = { 'x-content-sha256': sha256Hex(BODY), 'x-date': '20240101T000000Z' };
  const goStyle = { ...nodeStyle, 'content-type': 'application/json; charset=utf-8', host: '127.0.0.1:4010' };

  it('accepts both clients\u2019 choices of headers', () => {
    expect(verifyVmpSignature(request(nodeStyle), secretFor, signedAt)).toEqual({ ok: true, accessKeyId: AK, region: 'cn-beijing' });
    expect(verifyVmpSignature(request(goStyle), secretFor, signedAt).ok).toBe(true);
  });

  it('refuses a changed body, a changed signed header, an unknown key, a stale X-Date and garbage with the gateway codes', () => {
    expect(verifyVmpSignature(request(nodeStyle, { body: `${BODY} ` }), secretFor, signedAt)).toEqual({ ok: false, code: 'SignatureDoesNotMatch' });
    const moved = { ...request(goStyle), headers: { ...request(goStyle).headers, host: '127.0.0.1:4011' } };
    expect(verifyVmpSignature(moved, secretFor, signedAt)).toEqual({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyVmpSignature(request(nodeStyle, { accessKeyId: 'AKLTnobody' }), secretFor, signedAt)).toEqual({ ok: false, code: 'InvalidAccessKey' });
    expect(verifyVmpSignature(request(nodeStyle), secretFor, new Date(signedAt.getTime() + 16 * 60_000))).toEqual({ ok: false, code: 'InvalidTimestamp' });
    expect(verifyVmpSignature(request(nodeStyle, { authorization: 'Bearer x' }), secretFor, signedAt)).toEqual({ ok: false, code: 'InvalidAuthorization' });
    expect(verifyVmpSignature({ ...request(nodeStyle), headers: { 'x-date': '20240101T000000Z' } }, secretFor, signedAt)).toEqual({ ok: false, code: 'MissingAuthenticationToken' });
  });

  it('refuses a signature that leaves x-date unsigned, or made with the wrong key', () => {
    const unsigned = { 'x-content-sha256': sha256Hex(BODY) };
    const withDate = { ...request(unsigned), headers: { ...request(unsigned).headers, 'x-date': '20240101T000000Z' } };
    expect(verifyVmpSignature(withDate, secretFor, signedAt)).toEqual({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifyVmpSignature(request(nodeStyle), () => 'another-secret', signedAt)).toEqual({ ok: false, code: 'SignatureDoesNotMatch' });
  });
});
