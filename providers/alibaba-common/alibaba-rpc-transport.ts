/**
 * One RPC attempt to any Alibaba product and version: the request `@alicloud/openapi-client`'s
 * `callApi` sends (ACS3-HMAC-SHA256, parameters in the query, `POST /`), signed by the vendor's
 * own signer (`alibaba-acs3-signing.ts`) and sent over `node:http(s)` with the provider's agent,
 * so an attempt can be aborted and every answer keeps its status and headers.
 */
import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:http';
import type { ProviderId } from '../../src/model/contact.js';
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { signingKeys } from '../../src/credentials/credentials.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import { sendHttp } from '../../src/transport/http-request.js';
import type { HttpAnswer } from '../../src/transport/http-request.js';
import type { RawAnswer, VendorTransport } from '../../src/transport/vendor-caller.js';
import { rfc3986, sha256Hex } from '../../src/util/signing.js';
import { AlibabaAnswer, translateAlibabaFailure } from './alibaba-rpc-errors.js';
import type { AlibabaProductErrors } from './alibaba-rpc-errors.js';
import { flattenQuery } from './alibaba-rpc-params.js';
import type { VendorParams } from './alibaba-rpc-params.js';
import { acs3Authorization, loadOpenApiUtil } from './alibaba-acs3-signing.js';

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
  /** The agent of the proxy and CA settings; default: the shared keep-alive agent of `sendHttp`. */
  readonly agent?: Agent | undefined;
}

/**
 * Signature nonces: 32 hex digits, as the SDK's own are. The vendor asks only that a nonce is not
 * used twice (within its 15-minute window): 64 random bits drawn once per process, then a
 * counter, cannot repeat, and cost less than a random UUID per request.
 */
let noncePrefix: string | undefined;
let nonceCounter = 0;
function nextNonce(): string {
  noncePrefix ??= randomBytes(8).toString('hex');
  nonceCounter += 1;
  return noncePrefix + nonceCounter.toString(16).padStart(16, '0');
}

/** An RPC request has no body: what it signs as its payload is the hash of nothing. */
const EMPTY_PAYLOAD_SHA256 = sha256Hex('');

/** `2026-12-07T06:30:00Z`: the vendor's `x-acs-date`, to the second. */
function acsDate(now: Date): string {
  return `${now.toISOString().slice(0, 19)}Z`;
}

/** The query as sent: the parameters RFC 3986-encoded, as the signature encodes them. */
function encodeQuery(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
}

/**
 * Builds the transport of one provider instance. The vendor's signer is loaded on the first call.
 *
 * @remarks Rejects with {@link AlibabaAnswer} for an answer that is not a success, which
 * `translate` turns into a ContactError; the call scope retries where safe.
 */
export function createAlibabaRpcTransport(product: AlibabaProduct, connection: AlibabaConnection): VendorTransport<VendorParams> {
  const endpoint = new URL(connection.endpoint);
  // The vendor's signer, loaded (once per process) by the first call of any instance.
  const loadSigner = (): void => {
    try {
      loadOpenApiUtil();
    } catch (error) {
      throw errorIn(
        { provider: connection.provider, operation: 'settings' },
        { code: 'invalid-config', message: `cannot load @alicloud/openapi-util (is it installed?): ${error instanceof Error ? error.message : String(error)}` },
      );
    }
  };

  return {
    ready(signal) {
      loadSigner();
      return connection.credentials.current() === undefined ? connection.credentials.resolve(signal).then(() => undefined) : undefined;
    },
    async send(action, params, attempt) {
      const keys = signingKeys(connection.credentials.current() ?? (await connection.credentials.resolve(attempt.signal)));
      const query = flattenQuery(params);
      // The headers `callApi` sends for an RPC action; `host`, `content-type` and `x-acs-*` are signed.
      const headers: Record<string, string> = {
        host: endpoint.host,
        'x-acs-version': product.version,
        'x-acs-action': action,
        'x-acs-date': acsDate(new Date()),
        'x-acs-signature-nonce': nextNonce(),
        'x-acs-content-sha256': EMPTY_PAYLOAD_SHA256,
        ...(keys.securityToken === undefined ? {} : { 'x-acs-accesskey-id': keys.accessKeyId, 'x-acs-security-token': keys.securityToken }),
        accept: 'application/json',
        'user-agent': USER_AGENT,
      };
      headers['authorization'] = acs3Authorization({ pathname: '/', method: 'POST', query, headers }, EMPTY_PAYLOAD_SHA256, keys.accessKeyId, keys.accessKeySecret);
      const answer = await sendHttp({ url: new URL(`/?${encodeQuery(query)}`, endpoint), method: 'POST', headers, agent: connection.agent, signal: attempt.signal });
      return successOf(product, answer);
    },
    translate: (error, context) => translateAlibabaFailure(error, product.errors, context),
    credentials: { source: connection.credentials, expired: (error) => error.vendor?.code === ALIBABA_EXPIRED_TOKEN_CODE },
  };
}

/** Who is calling, as the vendor's logs show it (the SDK sends its own name and Node's version likewise). */
const USER_AGENT = `cloud-contacts Node.js/${process.version}`;

/** What the gateway answers keys whose security token expired. */
const ALIBABA_EXPIRED_TOKEN_CODE = 'InvalidSecurityToken.Expired';

/**
 * The body of a successful answer: a 2xx whose body is JSON and, for a product with a success
 * code, carries it. Anything else is rejected as an {@link AlibabaAnswer}.
 */
function successOf(product: AlibabaProduct, answer: HttpAnswer): RawAnswer {
  const parsed = parseJson(answer.text);
  const body = 'value' in parsed ? parsed.value : undefined;
  const fields = typeof body === 'object' && body !== null ? (body as { Code?: unknown; RequestId?: unknown }) : undefined;
  const success = answer.status >= 200 && answer.status < 300 && 'value' in parsed && (product.successCode === undefined || fields?.Code === product.successCode);
  if (!success) throw new AlibabaAnswer(answer, parsed);
  const requestId = fields?.RequestId;
  return { body, requestId: typeof requestId === 'string' ? requestId : undefined };
}

/** The body as JSON, or why it is not. */
function parseJson(text: string): { readonly value: unknown } | { readonly notJson: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { notJson: error instanceof Error ? error.message : String(error) };
  }
}
