/**
 * The vendor's `@alicloud/openapi-client`, loaded on first use, and one RPC call through its
 * `callApi` (ACS3-HMAC-SHA256). The SDK forgets the HTTP status and headers when a body is not
 * JSON; Node's `http.client.response.finish` diagnostics channel gives them back, matched by the
 * signature nonce this client generates for each request.
 */
import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ContactError } from '../../src/errors.js';
import { toContactError } from '../../src/to-contact-error.js';
import type { ErrorContext } from '../../src/to-contact-error.js';
import type { CallScope } from '../../src/transport/call-scope.js';
import { RD_ACTION_SPECS, RD_API_VERSION } from './alibaba-resource-directory-api.js';
import type { RdAction, RdResponse } from './alibaba-resource-directory-api.js';
import { translateRdFailure } from './alibaba-resource-directory-errors.js';
import type { ObservedResponse } from './alibaba-resource-directory-errors.js';
import { flattenQuery } from './alibaba-resource-directory-mapper.js';
import type { VendorParams } from './alibaba-resource-directory-mapper.js';
import type { ResolvedAlibabaResourceDirectorySettings } from './alibaba-resource-directory-settings.js';

/** The part of the SDK this provider uses. */
interface OpenApiModule {
  readonly Client: new (config: unknown) => { callApi(params: unknown, request: unknown, runtime: unknown): Promise<unknown> };
  readonly Config: new (map: Record<string, unknown>) => unknown;
  readonly OpenApiRequest: new (map: Record<string, unknown>) => unknown;
  readonly Params: new (map: Record<string, unknown>) => unknown;
}

let sdk: Promise<OpenApiModule> | undefined;

/**
 * Loads the SDK once. It is CommonJS with `exports.default = Client`: Node's ESM loader and the
 * bundled CommonJS output both put the exports object under `default`, and a bundler that honours
 * `__esModule` puts the class itself there; both shapes are accepted.
 */
function loadSdk(): Promise<OpenApiModule> {
  sdk ??= import('@alicloud/openapi-client').then((namespace: unknown) => {
    const outer = namespace as Record<string, unknown>;
    const exported = (typeof outer['default'] === 'function' ? outer : outer['default']) as Record<string, unknown>;
    const classes = { Client: exported['default'], Config: exported['Config'], OpenApiRequest: exported['OpenApiRequest'], Params: exported['Params'] };
    if (Object.values(classes).some((value) => typeof value !== 'function')) {
      throw new Error('@alicloud/openapi-client does not export Client, Config, OpenApiRequest and Params as expected');
    }
    return classes as OpenApiModule;
  });
  sdk.catch(() => (sdk = undefined));
  return sdk;
}

/** Requests in flight, by signature nonce, and what the diagnostics channel saw of their answers. */
const inFlight = new Map<string, ObservedResponse | undefined>();
let watching = false;

function watchResponses(): void {
  if (watching) return;
  watching = true;
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request?: ClientRequest; response?: IncomingMessage };
    const nonce = request?.getHeader('x-acs-signature-nonce');
    if (typeof nonce === 'string' && inFlight.has(nonce) && response !== undefined) {
      inFlight.set(nonce, { status: response.statusCode ?? 0, headers: { ...response.headers } });
    }
  });
}

/** A failed call: what the SDK threw and the answer it came with, if one came. */
export class RdCallFailure {
  /** @internal */
  constructor(
    readonly error: unknown,
    readonly observed: ObservedResponse | undefined,
  ) {}
}

/** Sends one RPC action with flat query parameters; resolves to the parsed JSON body. */
export type RdSend = (action: string, query: Record<string, string>, remainingMs: number) => Promise<unknown>;

/**
 * Builds the sender for one provider instance; the SDK client is made on the first call.
 *
 * @remarks Each request gets a read and connect timeout equal to the time left in the operation,
 * so a hung request ends with the call; the SDK's own retries are off (the call scope retries
 * where safe). Rejects with {@link RdCallFailure}.
 */
export function createRdSender(settings: ResolvedAlibabaResourceDirectorySettings): RdSend {
  let client: Promise<{ sdk: OpenApiModule; instance: InstanceType<OpenApiModule['Client']> }> | undefined;
  const connect = () => {
    client ??= loadSdk().then((classes) => {
      const { credentials, endpoint } = settings;
      const config = new classes.Config({
        accessKeyId: credentials.accessKeyId,
        accessKeySecret: credentials.accessKeySecret,
        ...(credentials.securityToken === undefined ? {} : { securityToken: credentials.securityToken }),
        endpoint: endpoint.host,
        protocol: endpoint.protocol.replace(':', ''),
        userAgent: 'cloud-contacts',
      });
      return { sdk: classes, instance: new classes.Client(config) };
    });
    client.catch(() => (client = undefined));
    return client;
  };

  return async (action, query, remainingMs) => {
    let loaded: Awaited<ReturnType<typeof connect>>;
    try {
      loaded = await connect();
    } catch (error) {
      throw new RdCallFailure(error, undefined);
    }
    watchResponses();
    const nonce = randomBytes(16).toString('hex');
    inFlight.set(nonce, undefined);
    const timeout = Math.max(1, Math.ceil(remainingMs));
    try {
      const params = new loaded.sdk.Params({
        action,
        version: RD_API_VERSION,
        protocol: 'HTTPS',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      });
      // Headers given here override the SDK's own before it signs, so the nonce is ours to match.
      const request = new loaded.sdk.OpenApiRequest({ query, headers: { 'x-acs-signature-nonce': nonce } });
      const answer = await loaded.instance.callApi(params, request, { readTimeout: timeout, connectTimeout: timeout, autoretry: false });
      return (answer as { body?: unknown }).body;
    } catch (error) {
      throw new RdCallFailure(error, inFlight.get(nonce));
    } finally {
      inFlight.delete(nonce);
    }
  };
}

/** How one call treats a special answer. */
export interface RdCallOptions<A extends RdAction> {
  /**
   * The answer to assume when a retry finds the contact gone (`EntityNotExists.Contact`): the
   * earlier attempt was applied and only its answer was lost.
   */
  readonly goneOnRetry?: RdResponse<A>;
}

/** Calls one action under an operation's scope and resolves to its parsed answer. */
export type RdCaller = <A extends RdAction>(scope: CallScope, action: A, params: VendorParams, options?: RdCallOptions<A>) => Promise<RdResponse<A>>;

/**
 * Wraps a sender into typed calls: parameters flattened, the answer checked against the action's
 * schema, retries as safe as the action allows, failures translated.
 */
export function createRdCaller(send: RdSend): RdCaller {
  return <A extends RdAction>(scope: CallScope, action: A, params: VendorParams, options: RdCallOptions<A> = {}) => {
    const spec = RD_ACTION_SPECS[action];
    const request = { action, idempotent: spec.idempotent };
    let attempts = 0;
    return scope.request({
      ...request,
      send: async (_signal, remainingMs) => {
        attempts += 1;
        try {
          return parseAnswer(spec.response, await send(action, flattenQuery(params), remainingMs), action, scope.errorContext);
        } catch (failure) {
          if (attempts > 1 && options.goneOnRetry !== undefined && vendorCodeOf(failure) === 'EntityNotExists.Contact') return options.goneOnRetry;
          throw failure;
        }
      },
      translate: (failure, context) =>
        failure instanceof RdCallFailure ? translateRdFailure(failure.error, failure.observed, request, context) : toContactError(failure, context),
    });
  };
}

function vendorCodeOf(failure: unknown): unknown {
  return failure instanceof RdCallFailure ? (failure.error as { code?: unknown } | null)?.code : undefined;
}

function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, action: string, context: ErrorContext): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const where = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
  throw new ContactError({
    code: 'invalid-response',
    provider: context.provider,
    operation: context.operation,
    message: `the answer to ${action} does not have the expected shape (at ${where})`,
  });
}
