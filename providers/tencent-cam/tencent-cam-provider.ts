import { z } from 'zod';
import type { ContactInput, ContactPatch } from '../../src/contact.js';
import { createContactList } from '../../src/contact-list.js';
import { ContactError } from '../../src/errors.js';
import type { CallOptions, ContactProvider, ListQuery, VerificationChannel, VerificationResult } from '../../src/provider.js';
import { definePrintedForm } from '../../src/redaction.js';
import { createCallPolicy, describeSettings } from '../../src/settings.js';
import { runOperation } from '../../src/transport/call-scope.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import type { ErrorContext } from '../../src/to-contact-error.js';
import { unsupportedOperation, validateContactInput, validateId, validateName } from '../../src/validation.js';
import { tencentEnvelopeSchema, tencentListReceiverSchema } from './tencent-cam-api.js';
import type { TencentReceiver } from './tencent-cam-api.js';
import { tencentCamCapabilities } from './tencent-cam-capabilities.js';
import { createTencentCamSender } from './tencent-cam-client.js';
import type { TencentCamSend, TencentRawAnswer } from './tencent-cam-client.js';
import { tencentAnswerError, tencentClientError, tencentVendorError } from './tencent-cam-errors.js';
import { fromReceiver, toCreateReceiverParams } from './tencent-cam-mapper.js';
import type { TencentCamContact } from './tencent-cam-mapper.js';
import { resolveTencentCamSettings } from './tencent-cam-settings.js';
import type { ResolvedTencentCamSettings, TencentCamSettings } from './tencent-cam-settings.js';

/** Tencent Cloud CAM message receivers behind the neutral contract. */
export interface TencentCamProvider extends ContactProvider<TencentCamContact> {
  /** The settings in use (credentials print masked). */
  readonly settings: ResolvedTencentCamSettings;
}

const PROVIDER = 'tencent-cam';

/**
 * Creates the Tencent Cloud CAM provider: message receivers (CreateMessageReceiver,
 * ListReceiver, DeleteMessageReceiver) through the vendor's official CommonClient.
 *
 * @remarks
 * - CAM returns no id on create: the new receiver is found by name, and its `Uid` is the id.
 * - CAM has no get, update or per-name lookup: `get` and `findByName` page through ListReceiver;
 *   `update` and `sendVerification` reject with `unsupported`.
 * - ListReceiver masks email and phone (`2054****@qq.com`, `+86 186****3509`); contacts keep
 *   them as given and list them in `masked`.
 * - Creating is limited to 10 calls per account per day (`quota-exceeded` with `resetsAt`).
 * - The vendor SDK loads on the first call, not on import.
 *
 * @example
 * ```ts
 * import { tencentCam } from 'cloud-contacts/tencent-cam';
 * const cam = tencentCam(); // TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY
 * const receiver = await cam.create({ name: 'oncall', email: 'oncall@example.com', phone: '+86 139 0000 1234' });
 * ```
 * @throws ContactError `invalid-config` when settings are bad or credentials missing.
 */
export function tencentCam(settings?: TencentCamSettings): TencentCamProvider {
  const resolved = resolveTencentCamSettings(settings);
  const policy = createCallPolicy(PROVIDER, resolved);
  const capabilities = tencentCamCapabilities;
  let sender: Promise<TencentCamSend> | undefined;
  const context = (operation: string): ErrorContext => ({ provider: PROVIDER, operation, secrets: policy.secrets });

  const loadSender = (): Promise<TencentCamSend> => {
    sender ??= createTencentCamSender(resolved).catch((error: unknown) => {
      sender = undefined;
      throw new ContactError({
        code: 'invalid-config',
        provider: PROVIDER,
        operation: 'settings',
        message: `cannot load tencentcloud-sdk-nodejs-common (is it installed?): ${error instanceof Error ? error.message : String(error)}`,
      });
    });
    return sender;
  };

  function call<T>(scope: CallScope, action: string, params: object, schema: z.ZodType<T>, idempotent: boolean): Promise<T> {
    return scope.request({
      action,
      idempotent,
      send: async (signal) => parseAnswer(await (await loadSender())(action, params, signal), schema, action, scope.errorContext),
      translate: tencentClientError,
    });
  }

  async function findReceiver(scope: CallScope, matches: (receiver: TencentReceiver) => boolean): Promise<TencentReceiver | undefined> {
    const limit = capabilities.pageSize.max;
    for (let offset = 0; ; offset += limit) {
      const page = await call(scope, 'ListReceiver', { Offset: offset, Limit: limit }, tencentListReceiverSchema, true);
      const receivers = page.Receivers ?? [];
      const found = receivers.find(matches);
      if (found !== undefined) return found;
      if (receivers.length === 0 || offset + receivers.length >= page.TotalCount) return undefined;
    }
  }

  const notFound = (operation: string, id: string): ContactError =>
    new ContactError({ code: 'not-found', provider: PROVIDER, operation, field: 'id', message: `no message receiver has Uid ${id}` });

  const provider: TencentCamProvider = {
    id: PROVIDER,
    capabilities,
    settings: resolved,
    create: (input: ContactInput, options?: CallOptions) =>
      runOperation(policy, 'create', options, async (scope) => {
        const valid = validateContactInput(input, capabilities, context('create'));
        await call(scope, 'CreateMessageReceiver', toCreateReceiverParams(valid), z.unknown(), false);
        const created = await findReceiver(scope, (receiver) => receiver.Name === valid.name);
        if (created === undefined) {
          throw new ContactError({
            code: 'invalid-response',
            provider: PROVIDER,
            operation: 'create',
            message: `CreateMessageReceiver succeeded but ListReceiver does not show "${valid.name}" yet: look it up with findByName before creating again`,
          });
        }
        return fromReceiver(created);
      }),
    get: (id: string, options?: CallOptions) =>
      runOperation(policy, 'get', options, async (scope) => {
        const uid = validateUid(id, 'get');
        const found = await findReceiver(scope, (receiver) => receiver.Uid === uid);
        if (found === undefined) throw notFound('get', uid);
        return fromReceiver(found);
      }),
    update: (_id: string, _patch: ContactPatch, options?: CallOptions) =>
      runOperation(policy, 'update', options, () => Promise.reject(unsupportedOperation(capabilities, 'update', context('update')))),
    delete: (id: string, options?: CallOptions) =>
      runOperation(policy, 'delete', options, async (scope) => {
        const uid = validateUid(id, 'delete');
        const found = await findReceiver(scope, (receiver) => receiver.Uid === uid);
        if (found === undefined) throw notFound('delete', uid);
        try {
          await call(scope, 'DeleteMessageReceiver', { Name: found.Name }, z.unknown(), true);
        } catch (error) {
          // It existed when this call began and is gone now (a retry after a lost answer, or a
          // concurrent delete): the caller's goal is met.
          if (!(error instanceof ContactError && error.code === 'not-found')) throw error;
        }
      }),
    list: (query: ListQuery = {}, options?: CallOptions) => {
      const limit = pageSizeOf(query);
      return createContactList(
        (cursor) =>
          runOperation(policy, 'list', options, async (scope) => {
            const offset = typeof cursor === 'number' ? cursor : 0;
            const page = await call(scope, 'ListReceiver', { Offset: offset, Limit: limit }, tencentListReceiverSchema, true);
            const receivers = page.Receivers ?? [];
            const next = offset + receivers.length < page.TotalCount ? offset + receivers.length : undefined;
            return { contacts: receivers.map(fromReceiver), next };
          }),
        query.limit,
      );
    },
    findByName: (name: string, options?: CallOptions) =>
      runOperation(policy, 'findByName', options, async (scope) => {
        const valid = validateName(name, capabilities, context('findByName'));
        const found = await findReceiver(scope, (receiver) => receiver.Name === valid);
        return found === undefined ? undefined : fromReceiver(found);
      }),
    sendVerification: (_id: string, _channel: VerificationChannel, options?: CallOptions): Promise<VerificationResult> =>
      runOperation(policy, 'sendVerification', options, () =>
        Promise.reject(unsupportedOperation(capabilities, 'sendVerification', context('sendVerification'))),
      ),
  };

  function validateUid(id: unknown, operation: string): string {
    const valid = validateId(id, context(operation));
    if (!/^\d{1,20}$/.test(valid)) {
      throw new ContactError({ code: 'invalid-input', provider: PROVIDER, operation, field: 'id', message: `field "id" must be a CAM receiver Uid (digits), got ${JSON.stringify(valid.slice(0, 40))}` });
    }
    return valid;
  }

  function pageSizeOf(query: ListQuery): number {
    const size = query.pageSize ?? capabilities.pageSize.default;
    if (!Number.isInteger(size) || size < 1 || size > capabilities.pageSize.max) {
      throw new ContactError({ code: 'invalid-input', provider: PROVIDER, operation: 'list', field: 'pageSize', message: `field "pageSize" must be a whole number from 1 to ${capabilities.pageSize.max}` });
    }
    return size;
  }

  return definePrintedForm(provider, () => ({ provider: PROVIDER, ...describeSettings(resolved) }));
}

/**
 * Parses a raw CAM answer: the `Response.Error` envelope (CAM answers errors with HTTP 200),
 * then the action's own schema. 64-bit ids are read as strings, not rounded numbers.
 */
function parseAnswer<T>(answer: TencentRawAnswer, schema: z.ZodType<T>, action: string, context: ErrorContext): T {
  let json: unknown;
  try {
    json = JSON.parse(answer.text.replace(/"(Uid|Uin)"\s*:\s*(\d+)/g, '"$1":"$2"'));
  } catch {
    throw tencentAnswerError(answer.status, answer.text, context);
  }
  const envelope = tencentEnvelopeSchema.safeParse(json);
  if (!envelope.success) throw tencentAnswerError(answer.status, answer.text, context);
  const { Error: failure, RequestId } = envelope.data.Response;
  if (failure !== null && failure !== undefined) {
    throw tencentVendorError({ code: failure.Code, message: failure.Message ?? '', requestId: RequestId ?? undefined, httpStatus: answer.status }, context);
  }
  if (answer.status !== 200) throw tencentAnswerError(answer.status, answer.text, context);
  const parsed = schema.safeParse(envelope.data.Response);
  if (!parsed.success) {
    throw new ContactError({
      code: 'invalid-response',
      provider: PROVIDER,
      operation: context.operation,
      message: `the ${action} answer does not match its documented shape (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})`,
      ...(RequestId ? { vendor: { code: 'InvalidResponse', message: 'schema mismatch', requestId: RequestId, httpStatus: answer.status } } : {}),
    });
  }
  return parsed.data;
}
