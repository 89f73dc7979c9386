/**
 * The one caller of the VMP provider, `vmp(scope, 'CreateContact', params)`, driven by the
 * action table, over our own transport: the Volcengine HMAC-SHA256 signature over `node:http(s)`
 * with a keep-alive agent (no vendor SDK at run time: its tree carries known advisories).
 */
import type { Agent } from 'node:http';
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { signingKeys } from '../../src/credentials/credentials.js';
import { sha256Hex } from '../../src/util/signing.js';
import { sendHttp } from '../../src/transport/http-request.js';
import { createVendorCaller } from '../../src/transport/vendor-caller.js';
import type { RawAnswer, VendorCaller, VendorTransport } from '../../src/transport/vendor-caller.js';
import { VMP_ACTIONS, VMP_API_VERSION, VMP_SERVICE, vmpEnvelopeSchema } from './volcengine-vmp-api.js';
import { failureInResult, translateVmpFailure, VmpAnswer } from './volcengine-vmp-errors.js';
import { signingKeyCache, volcengineAuthorization, volcengineDate } from './volcengine-vmp-signer.js';

/** Calls one VMP action and resolves to its checked `Result`. */
export type VmpCaller = VendorCaller<typeof VMP_ACTIONS, object>;

/** Where, as whom and how the caller sends. */
export interface VmpConnection {
  /** `scheme://host[:port]`. */
  readonly endpoint: string;
  /** The region of the credential scope. */
  readonly region: string;
  /** The credentials, resolved on the first call. */
  readonly credentials: CredentialSource;
  /** An agent for a proxy; default: the shared keep-alive agent of `sendHttp`. */
  readonly agent?: Agent | undefined;
}

const CONTENT_TYPE = 'application/json; charset=utf-8';

/** Builds the caller of one provider instance. */
export function createVmpCaller(connection: VmpConnection): VmpCaller {
  return createVendorCaller(VMP_ACTIONS, vmpTransport(connection));
}

/**
 * The transport: each attempt is signed when it is sent (a retry gets a fresh `X-Date`), signs
 * `content-type;host;x-content-sha256;x-date` (and `x-security-token`) as the vendor's Go SDK
 * does, and hands back the `Result` of a successful envelope; anything else is rejected for
 * {@link translateVmpFailure}.
 */
function vmpTransport(connection: VmpConnection): VendorTransport<object> {
  const endpoint = new URL(connection.endpoint);
  const keys = signingKeyCache();
  const urls = new Map<string, URL>();
  const urlOf = (action: string): URL => {
    let url = urls.get(action);
    if (url === undefined) {
      url = new URL(`/?Action=${encodeURIComponent(action)}&Version=${VMP_API_VERSION}`, endpoint);
      urls.set(action, url);
    }
    return url;
  };
  return {
    ready(signal) {
      return connection.credentials.current() === undefined ? connection.credentials.resolve(signal).then(() => undefined) : undefined;
    },
    async send(action, params, attempt) {
      const credentials = signingKeys(connection.credentials.current() ?? (await connection.credentials.resolve(attempt.signal)));
      const url = urlOf(action);
      const body = JSON.stringify(params);
      const bodySha256 = sha256Hex(body);
      const xDate = volcengineDate(new Date());
      const signed: Record<string, string> = {
        'content-type': CONTENT_TYPE,
        host: url.host,
        'x-content-sha256': bodySha256,
        'x-date': xDate,
        ...(credentials.securityToken === undefined ? {} : { 'x-security-token': credentials.securityToken }),
      };
      const authorization = volcengineAuthorization(credentials.accessKeyId, {
        method: 'POST',
        path: '/',
        query: [
          ['Action', action],
          ['Version', VMP_API_VERSION],
        ],
        headers: signed,
        bodySha256,
        xDate,
        region: connection.region,
        service: VMP_SERVICE,
        secretKey: credentials.accessKeySecret,
        signingKey: keys(credentials.accessKeySecret, xDate.slice(0, 8), connection.region, VMP_SERVICE),
      });
      const answer = await sendHttp({
        url,
        method: 'POST',
        headers: { ...signed, authorization, 'content-length': String(Buffer.byteLength(body)) },
        body,
        agent: connection.agent,
        signal: attempt.signal,
      });
      return resultOf(action, answer.status, answer.text, params);
    },
    translate: translateVmpFailure,
    // The gateway answers an expired session token with InvalidSecretToken.
    credentials: { source: connection.credentials, expired: (error) => error.vendor?.code === 'InvalidSecretToken' },
  };
}

/** The `Result` of a successful answer, unless it reports a failure of its own ({@link failureInResult}). */
function resultOf(action: string, status: number, text: string, params: object): RawAnswer {
  const envelope = vmpEnvelopeSchema.safeParse(parseJson(text));
  const ok = status >= 200 && status < 300 && envelope.success && !envelope.data.ResponseMetadata.Error && envelope.data.Result !== undefined;
  if (!ok) throw new VmpAnswer(status, text, envelope.success ? envelope.data : undefined);
  const requestId = envelope.data.ResponseMetadata.RequestId ?? undefined;
  const failure = failureInResult(action, params, envelope.data.Result, requestId);
  if (failure !== undefined) throw failure;
  return { body: envelope.data.Result, requestId };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
