import { expectTypeOf, test } from 'vitest';
import type { Contact, ContactErrorCode, ContactInput, ContactPatch } from '../src/index.js';
import { isContactError } from '../src/index.js';
import type { TencentCamContact } from '../providers/tencent-cam/index.js';
import { tencentCam } from '../providers/tencent-cam/index.js';

test('isContactError narrows by code', () => {
  const error: unknown = undefined;
  if (isContactError(error, 'not-found')) expectTypeOf(error.code).toEqualTypeOf<'not-found'>();
  if (isContactError(error)) expectTypeOf(error.code).toEqualTypeOf<ContactErrorCode>();
});

test('a patch clears with null, except the name', () => {
  expectTypeOf<{ email: null }>().toMatchTypeOf<ContactPatch>();
  expectTypeOf<{ name: null }>().not.toMatchTypeOf<ContactPatch>();
  expectTypeOf<{ name: string }>().toMatchTypeOf<ContactInput>();
  expectTypeOf<{ email: string }>().not.toMatchTypeOf<ContactInput>();
});

test('providers return their own contact type, with typed details', () => {
  const cam = tencentCam({ credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
  expectTypeOf(cam.create).returns.resolves.toEqualTypeOf<TencentCamContact>();
  expectTypeOf<TencentCamContact['details']>().toEqualTypeOf<{ uin?: string; isReceiverOwner: boolean; wechatEnabled: boolean; countryCode?: string } | undefined>();
  expectTypeOf<TencentCamContact>().toMatchTypeOf<Contact<object>>();
});
