/**
 * Conformance with the vendor's own client: a bare `@alicloud/openapi-client` `callApi`, set up
 * as a user would for resourcedirectory.aliyuncs.com but pointed at the emulator, runs the
 * message-contact actions with the seeds' example values, and is refused as the vendor would.
 */
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/use-emulator.js';
import { callAction, openApiClient, rpcParams, runtime, sdk } from '../support/alibaba-openapi.js';
import type { OpenApiClient } from '../support/alibaba-openapi.js';

const emulator = useEmulator('alibaba-resource-directory', { rateLimit: false });
const client = (overrides: Parameters<typeof openApiClient>[1] = {}) => openApiClient(emulator, overrides);
const params = (action: string) => rpcParams(action, '2022-04-19');
const call = (action: string, query: Record<string, string>, options: { client?: OpenApiClient; body?: Record<string, string> } = {}) =>
  callAction(options.client ?? client(), '2022-04-19', action, query, options.body);

/** The seed's AddMessageContact example, with an unmasked number (the seed masks it as 86-139****1234). */
const seedContact = {
  Name: 'tom',
  EmailAddress: 'someone***@example.com',
  PhoneNumber: '86-13900001234',
  Title: 'TechnicalDirector',
  'MessageTypes.1': 'AccountExpenses',
};

describe('a bare @alicloud/openapi-client against the emulator', () => {
  it('runs AddMessageContact, UpdateMessageContact, ListMessageContacts and DeleteMessageContact', async () => {
    const added = await call('AddMessageContact', seedContact);
    expect(added.statusCode).toBe(200);
    expect(added.body).toEqual({
      RequestId: expect.stringMatching(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/),
      Contact: { ContactId: expect.stringMatching(/^c-[A-Za-z0-9]{16}$/), CreateDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) },
    });
    const contactId = (added.body['Contact'] as { ContactId: string }).ContactId;

    const updated = await call('UpdateMessageContact', { ContactId: contactId, Title: 'FinanceDirector', 'MessageTypes.1': 'AccountExpenses', 'MessageTypes.2': 'ServiceMessage' });
    expect(Object.keys(updated.body)).toEqual(['RequestId']);

    const listed = await call('ListMessageContacts', { PageNumber: '1', PageSize: '10' });
    expect(listed.body).toMatchObject({
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      Contacts: [
        {
          ContactId: contactId,
          Name: 'tom',
          EmailAddress: 'someone***@example.com',
          PhoneNumber: '86-13900001234',
          Title: 'FinanceDirector',
          MessageTypes: ['AccountExpenses', 'ServiceMessage'],
          Members: [],
          Status: 'Verifying',
        },
      ],
    });

    const deleted = await call('DeleteMessageContact', { ContactId: contactId });
    expect(deleted.body).toMatchObject({ Status: 'Deleted' });
    expect((await call('ListMessageContacts', {})).body).toMatchObject({ TotalCount: 0, Contacts: [] });
  });

  it('sent what the vendor expects: action and version as headers, flattened query, ACS3 signature with the port in the signed host', async () => {
    await call('AddMessageContact', { ...seedContact, 'MessageTypes.2': 'ServiceMessage' });
    const [request] = emulator.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toMatch(/^\/\?Name=tom&EmailAddress=someone\*\*\*%40example\.com&PhoneNumber=86-13900001234&Title=TechnicalDirector&MessageTypes\.1=AccountExpenses&MessageTypes\.2=ServiceMessage$/);
    expect(request?.headers).toMatchObject({
      host: new URL(emulator.endpoint).host,
      'x-acs-action': 'AddMessageContact',
      'x-acs-version': '2022-04-19',
      authorization: expect.stringMatching(/^ACS3-HMAC-SHA256 Credential=LTAI5tFAKEFAKEFAKE1234,SignedHeaders=host;x-acs-action;[a-z0-9;-]+,Signature=[0-9a-f]{64}$/),
    });
  });

  it('refuses a wrong secret with SignatureDoesNotMatch in the vendor envelope', async () => {
    const error = await call('ListMessageContacts', {}, { client: client({ accessKeySecret: 'WRONGsecretWRONGsecretWRONGsec12' }) }).then(
      () => undefined,
      (e: unknown) => e as { code?: string; statusCode?: number; data?: Record<string, unknown> },
    );
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 400 });
    expect(error?.data).toEqual({
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
      HostId: 'resourcedirectory.aliyuncs.com',
      Code: 'SignatureDoesNotMatch',
      Message: 'Specified signature does not match our calculation.',
      Recommend: expect.stringContaining('SignatureDoesNotMatch'),
      statusCode: 400,
    });
  });

  it('refuses a replayed nonce and a stale date, which the SDK lets a caller fix in the headers', async () => {
    const fixed = { 'x-acs-signature-nonce': 'fixed-nonce-0001', 'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const send = (headers: Record<string, string>) =>
      client().callApi(params('ListMessageContacts'), new sdk.OpenApiRequest({ query: {}, headers }), runtime).then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    expect(await send(fixed)).toBe('ok');
    expect(await send(fixed)).toBe('SignatureNonceUsed');
    expect(await send({ 'x-acs-signature-nonce': 'fixed-nonce-0002', 'x-acs-date': '2020-01-01T00:00:00Z' })).toBe('InvalidTimeStamp.Expired');
  });

  it('accepts a form body (signed with its content type) and the legacy V2 signature', async () => {
    const form = await call('AddMessageContact', {}, { body: { ...seedContact } });
    expect(form.body).toMatchObject({ Contact: { ContactId: expect.any(String) } });
    expect(emulator.requests.at(-1)?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const v2 = await call('ListMessageContacts', {}, { client: client({ signatureAlgorithm: 'v2' }) });
    expect(v2.body).toMatchObject({ TotalCount: 1 });
    expect(emulator.requests.at(-1)?.url).toMatch(/[?&]Signature=/);
    const v2Wrong = await call('ListMessageContacts', {}, { client: client({ signatureAlgorithm: 'v2', accessKeySecret: 'WRONGsecretWRONGsecretWRONGsec12' }) }).catch((e: { code?: string }) => e.code);
    expect(v2Wrong).toBe('SignatureDoesNotMatch');
  });

  it('answers an unknown action and a wrong version with the gateway codes', async () => {
    expect(await call('DeleteEverything', {}).catch((e: { code?: string; statusCode?: number }) => [e.code, e.statusCode])).toEqual(['InvalidAction.NotFound', 404]);
    const wrongVersion = new sdk.Params({ action: 'ListMessageContacts', version: '2019-01-01', protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
    expect(await client().callApi(wrongVersion, new sdk.OpenApiRequest({ query: {} }), runtime).catch((e: { code?: string }) => e.code)).toBe('InvalidVersion');
  });
});
