/**
 * One RPC attempt through `@alicloud/openapi-client`'s `callApi` (ACS3-HMAC-SHA256), for any
 * Alibaba product and version. What the SDK cannot do itself (an error's status when its body is
 * not JSON, its headers, aborting, releasing an answer promptly) comes from
 * `alibaba-openapi-http-workaround.ts`, which watches each request by its signature nonce.
 */
import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:http';
import type { ProviderId } from '../../src/model/contact.js';
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { signingKeys } from '../../src/credentials/credentials.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import type { Attempt } from '../../src/transport/call-scope.js';
import type { RawAnswer, VendorTransport } from '../../src/transport/vendor-caller.js';
import { AlibabaCallFailure, translateAlibabaFailure } from './alibaba-rpc-errors.js';
import type { AlibabaProductErrors } from './alibaba-rpc-errors.js';
import { watchOpenApiRequest, WATCHED_HEADER } from './alibaba-openapi-http-workaround.js';
import { flattenQuery } from './alibaba-rpc-params.js';
import type { VendorParams } from './alibaba-rpc-params.js';
import { loadOpenApiSdk } from './alibaba-rpc-sdk.js';
import { withAgent } from './alibaba-openapi-agent-workaround.js';
import type { OpenApiModule } from './alibaba-rpc-sdk.js';

/** One Alibaba product's API, as a transport needs it. */
interface AlibabaProduct {
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
interface AlibabaConnection {
  /** The provider the transport serves, for error messages. */
  readonly provider: ProviderId;
  /** `scheme://host[:port]`. */
  readonly endpoint: string;
  /** The credentials, resolved on the first call. */
  readonly credentials: CredentialSource;
  /** The agent of the proxy and CA settings, if any (lent to the SDK's requests by `alibaba-openapi-agent-workaround.ts`). */
  readonly agent?: Agent | undefined;
}

/**
 * Signature nonces: 32 hex digits, as the SDK's own are. The vendor asks only that a nonce is not
 * used twice (within its 15-minute window): 64 random bits drawn once per process, then a
 * counter, cannot repeat, and cost less than a random UUID per request. Our own nonce is also
 * what the workaround matches each request by.
 */
let noncePrefix: string | undefined;
let nonceCounter = 0;
function nextNonce(): string {
  noncePrefix ??= randomBytes(8).toString('hex');
  nonceCounter += 1;
  return noncePrefix + nonceCounter.toString(16).padStart(16, '0');
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
    const nonce = nextNonce();
    const watched = watchOpenApiRequest(nonce);
    const detach = attempt.onAbort(() => watched.abort());
    const timeout = attempt.timeoutMs + SDK_TIMER_SLACK_MS;
    let answered = false;
    try {
      const request = new sdk.OpenApiRequest({ query: flattenQuery(params), headers: { [WATCHED_HEADER]: nonce } });
      let rpc = paramsOf.get(action);
      if (rpc === undefined) paramsOf.set(action, (rpc = rpcParams(sdk, action, product.version)));
      const answer = (await withAgent(nonce, connection.agent, () => instance.callApi(rpc, request, { readTimeout: timeout, connectTimeout: timeout, autoretry: false }))) as { body?: unknown; statusCode?: unknown };
      answered = true;
      const body = answer.body;
      const code = (body as { Code?: unknown } | undefined)?.Code;
      if (product.successCode !== undefined && code !== product.successCode) {
        // A business failure inside a success envelope: an error, never a result.
        throw Object.assign(new Error(String(code)), { code, data: body, statusCode: typeof answer.statusCode === 'number' ? answer.statusCode : 200 });
      }
      const requestId = (body as { RequestId?: unknown } | undefined)?.RequestId;
      return { body, requestId: typeof requestId === 'string' ? requestId : undefined };
    } catch (error) {
      throw new AlibabaCallFailure(error, watched.response);
    } finally {
      detach();
      watched.end(answered);
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
