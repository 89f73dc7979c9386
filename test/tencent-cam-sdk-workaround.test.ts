/**
 * The guard of providers/tencent-cam/tencent-cam-sdk-workaround.ts: it fails when the installed
 * `tencentcloud-sdk-nodejs-common` is not the version the workaround was verified against, or when
 * a live call through the SDK no longer hands back raw answers; and the workaround itself refuses,
 * loudly, a client it cannot work with. Upgrading the SDK means re-checking what the workaround
 * says it assumes, then updating TENCENT_SDK_WORKAROUND_VERIFIED.
 */
import { Agent } from 'node:http';
import { createRequire } from 'node:module';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './support/use-emulator.js';
import { isContactError } from '../src/errors/errors.js';
import { rawTencentRequests, TENCENT_SDK_WORKAROUND_VERIFIED } from '../providers/tencent-cam/tencent-cam-sdk-workaround.js';

const emulator = useEmulator('tencent-cam', { rateLimit: false });

const client = () =>
  new CommonClient(new URL(emulator.endpoint).host, '2019-01-16', {
    credential: { secretId: emulator.credentials.accessKeyId, secretKey: emulator.credentials.accessKeySecret },
    // An explicit agent: the client would otherwise send even 127.0.0.1 through http_proxy.
    profile: { httpProfile: { endpoint: new URL(emulator.endpoint).host, protocol: 'http://', agent: new Agent() } },
  });

const signal = () => new AbortController().signal;

describe('the Tencent SDK workaround still matches the installed SDK', () => {
  it('the installed tencentcloud-sdk-nodejs-common is the version it was verified against', () => {
    const require = createRequire(import.meta.url);
    const { version } = require('tencentcloud-sdk-nodejs-common/package.json') as { version: string };
    expect({ 'tencentcloud-sdk-nodejs-common': version }).toEqual(TENCENT_SDK_WORKAROUND_VERIFIED);
  });

  it('a live call answers the raw status and text: 64-bit ids keep every digit, a non-200 answer keeps its body', async () => {
    const send = rawTencentRequests(client());
    const big = '{"Response":{"TotalCount":1,"Receivers":[{"Uid":18446744073709551615,"Name":"big"}],"RequestId":"r-1"}}';
    emulator.failNext({ kind: 'http-status', status: 200, action: 'ListReceiver', body: big });
    expect(await send('ListReceiver', { Offset: 0, Limit: 100 }, signal())).toEqual({ status: 200, text: big });

    emulator.failNext({ kind: 'vendor-error', code: 'InternalError', httpStatus: 500, action: 'ListReceiver' });
    const failed = await send('ListReceiver', { Offset: 0, Limit: 100 }, signal());
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.text)).toMatchObject({ Response: { Error: { Code: 'InternalError' }, RequestId: expect.any(String) } });
  });

  it('refuses, as invalid-config naming the versions, a client without parseResponse to replace', () => {
    const bare = { request: async () => ({}), sdkVersion: 'SDK_NODEJS_9.9.9' };
    let caught: unknown;
    try {
      rawTencentRequests(bare);
    } catch (error) {
      caught = error;
    }
    expect(isContactError(caught, 'invalid-config')).toBe(true);
    expect((caught as Error).message).toMatch(/SDK_NODEJS_9\.9\.9.*4\.1\.220.*no parseResponse/);
  });

  it('refuses an answer that did not come through parseResponse, instead of reading a parsed (rounded, body-less) one', async () => {
    const sdk = client();
    const send = rawTencentRequests(sdk);
    // As an SDK whose request() parsed the answer itself would resolve.
    Object.defineProperty(sdk, 'request', { value: async () => ({ TotalCount: 0, Receivers: [], RequestId: 'r-1' }) });
    const caught = await send('ListReceiver', {}, signal()).catch((error: unknown) => error);
    expect(isContactError(caught, 'invalid-config')).toBe(true);
    expect((caught as Error).message).toMatch(/no longer answers through parseResponse/);
  });
});
