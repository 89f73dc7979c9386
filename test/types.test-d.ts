import { readFile } from 'node:fs/promises';
import { expectTypeOf, test } from 'vitest';
import type { Contact, ContactErrorCode, ContactInput, ContactPatch, ContactProvider, ContactTitle, MessageType } from '../src/index.js';
import { z } from 'zod';
import { applySync, contactInputSchema, isContactError, parseRoster, planSync, syncContacts } from '../src/index.js';
import type { TencentCamContact, TencentCamContactInput } from '../providers/tencent-cam/index.js';
import { tencentCam, tencentCamCapabilities } from '../providers/tencent-cam/index.js';
import type { AlibabaResourceDirectoryContactInput, AlibabaResourceDirectoryContactPatch } from '../providers/alibaba-resource-directory/index.js';
import { alibabaResourceDirectory, alibabaResourceDirectoryCapabilities } from '../providers/alibaba-resource-directory/index.js';
import type { VolcengineVmpContactInput, VolcengineVmpContactPatch, VolcengineVmpVerificationResult } from '../providers/volcengine-vmp/index.js';
import { volcengineVmp, volcengineVmpCapabilities } from '../providers/volcengine-vmp/index.js';
import type { ContactWebhooks, ContactWebhooksPatch, VerificationResult } from '../src/index.js';
import type { AlibabaChatAppContactInput, AlibabaChatAppContactPatch } from '../providers/alibaba-chatapp/index.js';
import { alibabaChatApp, alibabaChatAppCapabilities } from '../providers/alibaba-chatapp/index.js';
import { startEmulators } from '../providers/testing.js';
import type { TestingEntry } from '../src/testing/testing-entry.js';

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
  expectTypeOf<TencentCamContact['details']>().toEqualTypeOf<{ uin?: string; isReceiverOwner: boolean; wechatEnabled: boolean; countryCode?: string }>();
  expectTypeOf<TencentCamContact>().toMatchTypeOf<Contact>();
});

test('every provider is a ContactProvider, and every contact it returns a Contact with its details present', async () => {
  const credentials = { accessKeyId: 'a', accessKeySecret: 'b' };
  const providers: ContactProvider[] = [tencentCam({ credentials }), alibabaResourceDirectory({ credentials }), volcengineVmp({ credentials }), alibabaChatApp({ credentials })];
  expectTypeOf(providers).toEqualTypeOf<ContactProvider[]>();
  const cam: ContactProvider = tencentCam();
  const contact: Contact = await cam.get('1');
  expectTypeOf(contact).toEqualTypeOf<Contact>();
  const chatapp = alibabaChatApp({ custSpaceId: 'cams-1' });
  const number = await chatapp.get('+8613800001234');
  expectTypeOf(number.details.vendorStatus).toMatchTypeOf<string>();
  expectTypeOf((await alibabaResourceDirectory().get('c-1')).details).not.toBeNullable();
  expectTypeOf((await volcengineVmp().get('x')).details).not.toBeNullable();
  expectTypeOf((await tencentCam().get('1')).details).not.toBeNullable();
});

test('each provider types its own input from its capabilities: what the vendor refuses does not compile', () => {
  const cam = tencentCam({ credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
  const rd = alibabaResourceDirectory({ credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
  expectTypeOf<TencentCamContactInput>().toEqualTypeOf<{ name: string; email: string; phone: string; remark?: string }>();
  expectTypeOf<AlibabaResourceDirectoryContactInput>().toEqualTypeOf<{
    name: string;
    email: string;
    title: ContactTitle;
    messageTypes: MessageType[];
    phone?: string;
  }>();
  expectTypeOf<AlibabaResourceDirectoryContactPatch>().toEqualTypeOf<{
    name?: string;
    email?: string;
    phone?: string;
    title?: ContactTitle;
    messageTypes?: MessageType[];
  }>();
  // @ts-expect-error CAM requires a phone
  void cam.create({ name: 'oncall', email: 'oncall@example.com' });
  // @ts-expect-error CAM receivers have no title
  void cam.create({ name: 'oncall', email: 'o@example.com', phone: '+8613900001234', title: 'CEO' });
  // @ts-expect-error Resource Directory requires a title and message types
  void rd.create({ name: 'Oncall', email: 'oncall@example.com' });
  // @ts-expect-error Resource Directory cannot remove a phone number
  void rd.update('c-1', { phone: null });
  expectTypeOf(rd.create).parameter(0).toEqualTypeOf<AlibabaResourceDirectoryContactInput>();
  const chatapp = alibabaChatApp({ custSpaceId: 'cams-x' });
  expectTypeOf<AlibabaChatAppContactInput>().toEqualTypeOf<{ name: string; phone: string; email?: string }>();
  expectTypeOf<AlibabaChatAppContactPatch>().toEqualTypeOf<{ email?: string }>();
  // @ts-expect-error a ChatApp number needs its number
  void chatapp.create({ name: 'Acme Support' });
  // @ts-expect-error the API cannot rename a number
  void chatapp.update('8613800001234', { name: 'Renamed' });
  // @ts-expect-error callbacks are not webhooks (updateCallbacks sets them)
  void chatapp.create({ name: 'Acme', phone: '+8613800001234', webhooks: { generic: { url: 'https://acme.example' } } });
  void chatapp.get('8613800001234', { custSpaceId: 'cams-y' });
  void chatapp.list({ status: 'CONNECTED' });
  // @ts-expect-error the status filter takes the vendor's values
  void chatapp.list({ status: 'active' });
});

test('the types and the capabilities data agree: required in the data is required in the type', () => {
  type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
  type RequiredIn<F> = { [K in keyof F]: F[K] extends { support: 'required' } ? K : never }[keyof F];
  expectTypeOf<RequiredKeys<TencentCamContactInput>>().toEqualTypeOf<RequiredIn<typeof tencentCamCapabilities.fields>>();
  expectTypeOf<RequiredKeys<AlibabaResourceDirectoryContactInput>>().toEqualTypeOf<RequiredIn<typeof alibabaResourceDirectoryCapabilities.fields>>();
  expectTypeOf<RequiredKeys<VolcengineVmpContactInput>>().toEqualTypeOf<RequiredIn<typeof volcengineVmpCapabilities.fields>>();
  expectTypeOf<RequiredKeys<AlibabaChatAppContactInput>>().toEqualTypeOf<RequiredIn<typeof alibabaChatAppCapabilities.fields>>();
});

test('VMP takes a name, an email, webhooks and groups; a patch removes one webhook with null', () => {
  const vmp = volcengineVmp({ credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
  expectTypeOf<VolcengineVmpContactInput>().toEqualTypeOf<{ name: string; email?: string; groupIds?: string[]; webhooks?: ContactWebhooks }>();
  expectTypeOf<VolcengineVmpContactPatch>().toEqualTypeOf<{ name?: string; email?: string | null; groupIds?: string[] | null; webhooks?: ContactWebhooksPatch | null }>();
  expectTypeOf<{ webhooks: { lark: null } }>().toMatchTypeOf<ContactPatch>();
  // @ts-expect-error the documented VMP API has no phone
  void vmp.create({ name: 'oncall', phone: '+8613900001234' });
  expectTypeOf(vmp.sendVerification).returns.resolves.toEqualTypeOf<VolcengineVmpVerificationResult>();
  expectTypeOf<VolcengineVmpVerificationResult>().toMatchTypeOf<VerificationResult>();
});

test('startEmulators types every emulator it starts as present, with its hooks', async () => {
  const { emulators, close } = await startEmulators();
  expectTypeOf(close).returns.resolves.toBeVoid();
  expectTypeOf(emulators['tencent-cam'].verifyReceiver).toBeFunction();
  expectTypeOf(emulators['alibaba-resource-directory'].confirmVerification).toBeFunction();
  expectTypeOf(emulators['volcengine-vmp'].confirmEmail).toBeFunction();
  expectTypeOf(emulators['alibaba-chatapp'].custSpaceId).toEqualTypeOf<string>();
  expectTypeOf(emulators['alibaba-chatapp'].verificationCode).toBeFunction();
});

test("contactInputSchema composes into the caller's own (classic) zod schemas, typed", () => {
  const team = z.object({ team: z.string(), owner: contactInputSchema, members: z.array(contactInputSchema).optional() });
  expectTypeOf<z.infer<typeof team>['owner']>().toEqualTypeOf<ContactInput>();
  expectTypeOf<z.infer<typeof team>['members']>().toEqualTypeOf<ContactInput[] | undefined>();
  expectTypeOf(contactInputSchema.parse({})).toEqualTypeOf<ContactInput>();
});

test('cloud-contacts/testing is what the CLI expects of it (the one declaration in src/testing/testing-entry.ts)', async () => {
  const testing = await import('../providers/testing.js');
  expectTypeOf(testing).toMatchTypeOf<TestingEntry>();
});

test("the README's sync example compiles under strict and exactOptionalPropertyTypes, as written", async () => {
  const cam = tencentCam();
  const rd = alibabaResourceDirectory();
  // README "Sync: one roster, every cloud", as written (test/readme-examples.test.ts checks these lines are the README's):
  const roster = await parseRoster(await readFile('roster.yaml', 'utf8'));
  const { plan, report } = await syncContacts({ desired: roster.contacts, providers: [cam, rd], prune: true, managed: roster.managed });
  if (!report.ok) for (const r of report.results) if (r.status === 'failed') console.log(r.provider, r.name, r.error?.code, r.requestId);
  // The same holds for every optional key the request and options take: a value read from elsewhere may be undefined.
  const read = <T>(value: T): T | undefined => value;
  await planSync({ desired: [], providers: [cam], prune: read(true), deletionGuard: { maxCount: read(5), maxShare: read(0.5) }, replaceMasked: read(true), signal: read(AbortSignal.timeout(1)) });
  await applySync(plan, { concurrency: read(4), signal: read(AbortSignal.timeout(1)), onProgress: read(() => undefined) });
  await cam.get('1', { signal: read(AbortSignal.timeout(1)), timeoutMs: read(100), maxRetries: read(1) });
  await rd.delete('c-1', { retainInMembers: read(false) });
  await rd.list({ member: read('fd-1'), pageSize: read(10), limit: read(5) }).all();
});
