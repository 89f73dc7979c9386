/**
 * One RPC attempt through `@alicloud/openapi-client`'s `callApi` (ACS3-HMAC-SHA256), for any
 * Alibaba product and version.
 *
 * The SDK forgets the HTTP status and headers when a body is not JSON, takes no AbortSignal,
 * and leaves a read timer holding each request alive after the answer is read. Node's HTTP
 * diagnostics channels mend all three, matched by the signature nonce this transport generates:
 * `http.client.request.start` hands over the request (destroyed when the attempt is abandoned),
 * `http.client.response.finish` the status and headers (and the moment to clear the timer).
 */
import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { ProviderId } from '../../src/model/contact.js';
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { signingKeys } from '../../src/credentials/credentials.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import type { Attempt } from '../../src/transport/call-scope.js';
import type { RawAnswer, VendorTransport } from '../../src/transport/vendor-caller.js';
import { AlibabaCallFailure, translateAlibabaFailure } from './alibaba-rpc-errors.js';
import type { AlibabaProductErrors, ObservedResponse } from './alibaba-rpc-errors.js';
import { flattenQuery } from './alibaba-rpc-params.js';
import type { VendorParams } from './alibaba-rpc-params.js';
import { loadOpenApiSdk } from './alibaba-rpc-sdk.js';
import type { OpenApiModule } from './alibaba-rpc-sdk.js';

/** One Alibaba product's API, as a transport needs it. */
export interface AlibabaProduct {
  /** The API version every request names (`2022-04-19`). */
  readonly version: string;
  /** The product's error codes and field names. */
  readonly errors: AlibabaProductErrors;
  /**
   * The `Code` a successful answer carries, for products that answer business failures inside a
   * 200 envelope (ChatApp: `OK`); any other code is then an error. Absent: a 2xx is a success.
   */
  readonly successCode?: string;
}

/** Where and as whom a transport sends. */
export interface AlibabaConnection {
  /** The provider the transport serves, for error messages. */
  readonly provider: ProviderId;
  /** `scheme://host[:port]`. */
  readonly endpoint: string;
  /** The credentials, resolved on the first call. */
  readonly credentials: CredentialSource;
}

interface Tracked {
  request?: ClientRequest;
  observed?: ObservedResponse;
}

/** Requests in flight, by signature nonce. */
const inFlight = new Map<string, Tracked>();
let watching = false;

function nonceOf(request: ClientRequest | undefined): string | undefined {
  const nonce = request?.getHeader('x-acs-signature-nonce');
  return typeof nonce === 'string' ? nonce : undefined;
}

function watchRequests(): void {
  if (watching) return;
  watching = true;
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request?: ClientRequest };
    const tracked = inFlight.get(nonceOf(request) ?? '');
    if (tracked !== undefined && request !== undefined) tracked.request = request;
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request?: ClientRequest; response?: IncomingMessage };
    const tracked = inFlight.get(nonceOf(request) ?? '');
    if (tracked === undefined || response === undefined) return;
    // Node builds a response's header object when it is first read; only a failure reads it, so
    // a success does not pay for it (a tenth of a listing's time on loopback).
    tracked.observed = {
      status: response.statusCode ?? 0,
      get headers() {
        return response.headers;
      },
    };
    if (request?.socket) clearReadTimer(request.socket);
  });
}

/**
 * The SDK's HTTP layer (httpx) arms a read timer per request on the socket and clears it only
 * when it reads the body itself, which `callApi` does not: the timer would keep the request and
 * its answer in memory until it fires. Once the answer is read, the timer has no more work.
 */
function clearReadTimer(socket: Socket): void {
  // httpx keeps one module-level symbol for the timer: found once, it is the same on every socket.
  readTimerKey ??= Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === 'TIMER::READ_TIMER');
  const key = readTimerKey;
  if (key === undefined || !(key in socket)) return;
  const record = socket as unknown as Record<symbol, NodeJS.Timeout | null | undefined>;
  const timer = record[key];
  if (timer) clearTimeout(timer);
  record[key] = null;
}

let readTimerKey: symbol | undefined;

/**
 * Signature nonces: 32 hex digits, as the SDK's own are. The vendor asks only that a nonce is not
 * used twice (within its 15-minute window): 64 random bits drawn once per process, then a
 * counter, cannot repeat, and cost a fraction of a random UUID per request (which showed as a
 * quarter of this transport's time per call, `npm run bench`).
 */
const NONCE_PREFIX = randomBytes(8).toString('hex');
let nonceCounter = 0;
function nextNonce(): string {
  nonceCounter += 1;
  return NONCE_PREFIX + nonceCounter.toString(16).padStart(16, '0');
}

/** Extra time the SDK's own timers get over the attempt's, so the attempt's timeout speaks first. */
const SDK_TIMER_SLACK_MS = 1000;

/**
 * Builds the transport of one provider instance; the SDK client is made on the first call,
 * with the credentials resolved then.
 *
 * @remarks The SDK's own retries are off: the call scope retries where safe. Rejects with
 * {@link AlibabaCallFailure}, which `translate` turns into a ContactError.
 */
export function createAlibabaRpcTransport(product: AlibabaProduct, connection: AlibabaConnection): VendorTransport<VendorParams> {
  type Loaded = { sdk: OpenApiModule; instance: InstanceType<OpenApiModule['Client']> };
  let client: Promise<Loaded> | undefined;
  let loaded: Loaded | undefined;
  // The SDK reads its Params and never changes them: one per action is enough.
  const paramsOf = new Map<string, unknown>();
  const load = async (): Promise<void> => {
    client ??= loadOpenApiSdk().then((sdk) => {
      const endpoint = new URL(connection.endpoint);
      const config = new sdk.Config({
        // The SDK asks for keys on every request: the ones `ready` made current for this call.
        credential: { getCredential: () => currentKeys(connection.credentials) },
        endpoint: endpoint.host,
        protocol: endpoint.protocol.replace(':', ''),
        userAgent: 'cloud-contacts',
      });
      return { sdk, instance: new sdk.Client(config) };
    });
    client.catch(() => (client = undefined));
    try {
      loaded = await client;
    } catch (error) {
      throw errorIn(
        { provider: connection.provider, operation: 'settings' },
        { code: 'invalid-config', message: `cannot load @alicloud/openapi-client (is it installed?): ${error instanceof Error ? error.message : String(error)}` },
      );
    }
  };
  const ready = (signal?: AbortSignal): Promise<void> | undefined => {
    const fetching = connection.credentials.current() === undefined ? connection.credentials.resolve(signal) : undefined;
    if (fetching === undefined) return loaded === undefined ? load() : undefined;
    return fetching.then(() => (loaded === undefined ? load() : undefined));
  };

  const send = async (action: string, params: VendorParams, attempt: Attempt): Promise<RawAnswer> => {
    const { sdk, instance } = loaded!;
    watchRequests();
    const nonce = nextNonce();
    const tracked: Tracked = {};
    inFlight.set(nonce, tracked);
    const detach = attempt.onAbort(() => void tracked.request?.destroy());
    const timeout = attempt.timeoutMs + SDK_TIMER_SLACK_MS;
    try {
      const request = new sdk.OpenApiRequest({ query: flattenQuery(params), headers: { 'x-acs-signature-nonce': nonce } });
      let rpc = paramsOf.get(action);
      if (rpc === undefined) paramsOf.set(action, (rpc = rpcParams(sdk, action, product.version)));
      const answer = await instance.callApi(rpc, request, {
        readTimeout: timeout,
        connectTimeout: timeout,
        autoretry: false,
      });
      const body = (answer as { body?: unknown }).body;
      const code = (body as { Code?: unknown } | undefined)?.Code;
      if (product.successCode !== undefined && code !== product.successCode) {
        // A business failure inside a success envelope: an error, never a result.
        throw Object.assign(new Error(String(code)), { code, data: body, statusCode: tracked.observed?.status ?? 200 });
      }
      const requestId = (body as { RequestId?: unknown } | undefined)?.RequestId;
      return { body, requestId: typeof requestId === 'string' ? requestId : undefined };
    } catch (error) {
      throw new AlibabaCallFailure(error, tracked.observed);
    } finally {
      detach();
      inFlight.delete(nonce);
    }
  };

  return {
    ready,
    send,
    translate: (error, context) => translateAlibabaFailure(error, product.errors, context),
    credentials: { source: connection.credentials, expired: (error) => error.vendor?.code === ALIBABA_EXPIRED_TOKEN_CODE },
  };
}

/** What the gateway answers keys whose security token expired. */
const ALIBABA_EXPIRED_TOKEN_CODE = 'InvalidSecurityToken.Expired';

/** The keys in the shape the SDK's credential interface returns. */
async function currentKeys(source: CredentialSource): Promise<Record<string, string | undefined>> {
  const keys = signingKeys(source.current() ?? (await source.resolve()));
  return { accessKeyId: keys.accessKeyId, accessKeySecret: keys.accessKeySecret, securityToken: keys.securityToken, type: keys.securityToken === undefined ? 'access_key' : 'sts' };
}

function rpcParams(sdk: OpenApiModule, action: string, version: string): unknown {
  return new sdk.Params({
    action,
    version,
    protocol: 'HTTPS',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
}
