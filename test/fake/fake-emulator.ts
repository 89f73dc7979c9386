/**
 * A test-only vendor, "Fake", served by the shared emulator harness: JSON RPC over POST with an
 * HMAC signature, HTTP status codes for errors. It exists to test the harness and the contract
 * suite before (and independently of) any real vendor.
 */
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { hmacSha256, safeEqual, sha256Hex } from '../../src/util/signing.js';
import type { ProviderId } from '../../src/model/contact.js';

export const FAKE_PROVIDER = 'fake' as ProviderId;

interface FakeRecord {
  Id: string;
  Name: string;
  Email?: string;
  Phone?: string;
  Remark?: string;
  CreatedAt: string;
}

const MESSAGES: Record<string, [number, string]> = {
  NotFound: [404, 'The contact does not exist.'],
  NameTaken: [409, 'The name is already used.'],
  Throttled: [429, 'Too many requests.'],
  AuthFailed: [401, 'The signature does not match.'],
  QuotaExceeded: [400, 'Too many contacts.'],
  Internal: [500, 'Internal error.'],
  Invalid: [400, 'A parameter is invalid.'],
};

/** Signs a Fake request: HMAC-SHA256 over action, date and the body hash. */
export function fakeSignature(secret: string, action: string, date: string, body: string): string {
  return hmacSha256(secret, `${action}\n${date}\n${sha256Hex(body)}`).toString('hex');
}

export function createFakeProtocol(): EmulatorProtocol {
  const contacts = new Map<string, FakeRecord>();
  let nextId = 1;
  const error = (spec: VendorErrorSpec, context: EmulatorContext): EmulatorResponse => {
    const [status, message] = MESSAGES[spec.code.split('.')[0] ?? ''] ?? [400, 'Error.'];
    return { status: spec.httpStatus ?? status, body: { RequestId: context.requestId(), Code: spec.code, Message: spec.message ?? message } };
  };
  const ok = (context: EmulatorContext, body: object): EmulatorResponse => ({ status: 200, body: { RequestId: context.requestId(), ...body } });

  function authenticate(request: EmulatorRequest, context: EmulatorContext): boolean {
    const auth = /^FAKE-HMAC key=([^,]+), signature=([0-9a-f]{64})$/.exec(String(request.headers['authorization'] ?? ''));
    const secret = auth === null ? undefined : context.secretFor(auth[1]!);
    if (auth === null || secret === undefined) return false;
    const date = String(request.headers['x-fake-date'] ?? '');
    return safeEqual(auth[2]!, fakeSignature(secret, request.action, date, request.body));
  }

  const actions: Record<string, (params: Record<string, unknown>, context: EmulatorContext) => EmulatorResponse> = {
    CreateContact(params, context) {
      const name = typeof params['Name'] === 'string' ? params['Name'] : '';
      if (name === '') return error({ code: 'Invalid.Name' }, context);
      if ([...contacts.values()].some((c) => c.Name === name)) return error({ code: 'NameTaken' }, context);
      if (!context.quota('contacts').tryConsume()) return error({ code: 'QuotaExceeded' }, context);
      const record: FakeRecord = { Id: `f-${nextId++}`, Name: name, CreatedAt: context.now().toISOString(), ...pick(params) };
      contacts.set(record.Id, record);
      return ok(context, { Contact: record });
    },
    GetContact(params, context) {
      const record = contacts.get(String(params['Id']));
      return record === undefined ? error({ code: 'NotFound' }, context) : ok(context, { Contact: record });
    },
    UpdateContact(params, context) {
      const record = contacts.get(String(params['Id']));
      if (record === undefined) return error({ code: 'NotFound' }, context);
      const name = params['Name'];
      if (typeof name === 'string' && [...contacts.values()].some((c) => c.Name === name && c.Id !== record.Id)) {
        return error({ code: 'NameTaken' }, context);
      }
      if (typeof name === 'string') record.Name = name;
      for (const key of ['Email', 'Phone', 'Remark'] as const) {
        if (params[key] === null) delete record[key];
        else if (typeof params[key] === 'string') record[key] = params[key];
      }
      return ok(context, { Contact: record });
    },
    DeleteContact(params, context) {
      return contacts.delete(String(params['Id'])) ? ok(context, {}) : error({ code: 'NotFound' }, context);
    },
    ListContacts(params, context) {
      const page = Number(params['Page'] ?? 1);
      const size = Number(params['PageSize'] ?? 10);
      const all = [...contacts.values()].filter((c) => params['Name'] === undefined || c.Name === params['Name']);
      return ok(context, { Contacts: all.slice((page - 1) * size, page * size), Total: all.length });
    },
  };

  return {
    provider: FAKE_PROVIDER,
    defaultCredentials: { accessKeyId: 'FAKEKEYID0001', accessKeySecret: 'FAKE-emulator-secret-0001' },
    credentialEnv: { accessKeyId: 'FAKE_KEY_ID', accessKeySecret: 'FAKE_KEY_SECRET', securityToken: 'FAKE_TOKEN' },
    defaultRateLimit: 20,
    badRequest: { code: 'Invalid.Request' },
    quotas: { contacts: { limit: 50, daily: false } },
    dayOffsetMinutes: 0,
    throttle: { code: 'Throttled' },
    actionOf: (request) => String(request.headers['x-fake-action'] ?? ''),
    errorResponse: error,
    handle(request, context) {
      if (!authenticate(request, context)) return error({ code: 'AuthFailed' }, context);
      const action = actions[request.action];
      if (action === undefined) return error({ code: 'Invalid.Action', httpStatus: 404 }, context);
      let params: Record<string, unknown>;
      try {
        params = JSON.parse(request.body || '{}') as Record<string, unknown>;
      } catch {
        return error({ code: 'Invalid.Body' }, context);
      }
      return action(params, context);
    },
    reset() {
      contacts.clear();
      nextId = 1;
    },
  };
}

function pick(params: Record<string, unknown>): Partial<FakeRecord> {
  const out: Partial<FakeRecord> = {};
  for (const key of ['Email', 'Phone', 'Remark'] as const) {
    if (typeof params[key] === 'string') out[key] = params[key];
  }
  return out;
}
