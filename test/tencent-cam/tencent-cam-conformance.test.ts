/**
 * The vendor's own client against the emulator, configured as a user would for the real
 * endpoint except for where it points: proof that the emulator speaks CAM's protocol.
 */
import { Agent } from 'node:http';
import type { LookupFunction } from 'node:net';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/use-emulator.js';
import { startEmulator } from '../../providers/testing.js';

const emulator = useEmulator('tencent-cam');

function client(options: { secretKey?: string; secretId?: string; endpoint?: string; agent?: Agent; reqMethod?: 'GET' | 'POST' } = {}) {
  return new CommonClient('cam.tencentcloudapi.com', '2019-01-16', {
    credential: {
      secretId: options.secretId ?? emulator.credentials.accessKeyId,
      secretKey: options.secretKey ?? emulator.credentials.accessKeySecret,
    },
    profile: {
      httpProfile: {
        endpoint: options.endpoint ?? new URL(emulator.endpoint).host,
        protocol: 'http://',
        // An explicit agent: the client would otherwise send even 127.0.0.1 through http_proxy.
        agent: options.agent ?? new Agent(),
        ...(options.reqMethod === undefined ? {} : { reqMethod: options.reqMethod }),
      },
    },
  });
}

const seedExample = { Name: '用户', Remark: '添加消息接收人', CountryCode: '86', PhoneNumber: '13212344539', Email: '5732123@qq.com' };

describe('the official tencentcloud-sdk-nodejs-common CommonClient against the CAM emulator', () => {
  it('creates, lists and deletes a receiver', async () => {
    const cam = client();
    const created = await cam.request('CreateMessageReceiver', seedExample);
    expect(created).toEqual({ RequestId: expect.any(String) });
    const listed = await cam.request('ListReceiver', { Offset: 0, Limit: 10 });
    expect(listed.TotalCount).toBe(1);
    expect(listed.Receivers[0]).toMatchObject({
      Name: '用户',
      Remark: '添加消息接收人',
      PhoneNumber: '+86 132****4539',
      Email: '5732****@qq.com',
      PhoneFlag: 0,
      EmailFlag: 0,
      Uid: expect.any(Number),
    });
    await cam.request('DeleteMessageReceiver', { Name: '用户' });
    expect((await cam.request('ListReceiver', { Offset: 0, Limit: 10 })).TotalCount).toBe(0);
    expect(emulator.requests.map((r) => r.action)).toEqual(['CreateMessageReceiver', 'ListReceiver', 'DeleteMessageReceiver', 'ListReceiver']);
  });

  it('answers errors as CAM does, with HTTP 200 and Response.Error, which the client raises with code and request id', async () => {
    const cam = client();
    await cam.request('CreateMessageReceiver', seedExample);
    const error = await cam.request('CreateMessageReceiver', seedExample).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'InvalidParameter.SubUserNameInUse', requestId: expect.any(String) });
    await expect(cam.request('DeleteMessageReceiver', { Name: 'nobody' })).rejects.toMatchObject({ code: 'ResourceNotFound.UserNotExists' });
  });

  it('refuses a request signed with the wrong key, and an unknown SecretId, with the vendor codes', async () => {
    await expect(client({ secretKey: 'wrong-secret-key-0000000000000000' }).request('ListReceiver', {})).rejects.toMatchObject({
      code: 'AuthFailure.SignatureFailure',
    });
    await expect(client({ secretId: 'AKIDunknownunknownunknownunknown0000' }).request('ListReceiver', {})).rejects.toMatchObject({
      code: 'AuthFailure.SecretIdNotFound',
    });
    expect(emulator.requests).toHaveLength(2);
  });

  it('refuses a signature older than five minutes by the emulator clock', async () => {
    const later = await startEmulator('tencent-cam', { now: () => new Date(Date.now() + 6 * 60_000) });
    try {
      const cam = new CommonClient('cam.tencentcloudapi.com', '2019-01-16', {
        credential: { secretId: later.credentials.accessKeyId, secretKey: later.credentials.accessKeySecret },
        profile: { httpProfile: { endpoint: new URL(later.endpoint).host, protocol: 'http://', agent: new Agent() } },
      });
      await expect(cam.request('ListReceiver', {})).rejects.toMatchObject({ code: 'AuthFailure.SignatureExpire' });
    } finally {
      await later.close();
    }
  });

  it('verifies GET requests signed over their query string', async () => {
    const cam = client();
    await cam.request('CreateMessageReceiver', seedExample);
    const listed = await client({ reqMethod: 'GET' }).request('ListReceiver', { Offset: 0, Limit: 5 });
    expect(listed.TotalCount).toBe(1);
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', url: expect.stringContaining('Limit=5') });
  });

  it('verifies the strict form too: the real host name and service "cam", routed to 127.0.0.1', async () => {
    const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
      options.all === true ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)) as unknown as LookupFunction;
    const port = new URL(emulator.endpoint).port;
    const cam = client({ endpoint: `cam.tencentcloudapi.com:${port}`, agent: new Agent({ lookup }) });
    await cam.request('CreateMessageReceiver', seedExample);
    expect(String(emulator.requests[0]?.headers['authorization'])).toContain('/cam/tc3_request');
    await expect(
      client({ endpoint: `cam.tencentcloudapi.com:${port}`, agent: new Agent({ lookup }), secretKey: 'wrong-secret-key-0000000000000000' }).request('ListReceiver', {}),
    ).rejects.toMatchObject({ code: 'AuthFailure.SignatureFailure' });
  });
});
