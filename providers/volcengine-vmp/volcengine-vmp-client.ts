/**
 * The one caller of the VMP provider, `vmp(scope, 'CreateContact', params)`, driven by the
 * action table, over our own transport: the Volcengine HMAC-SHA256 signature over `node:http(s)`
 * with a keep-alive agent (no vendor SDK at run time: its tree carries known advisories).
 */
import type { Agent } from 'node:http';
import type { CredentialSource } from '../../src/credentials.js';
import { sha256Hex } from '../../src/signing.js';
import { sendHttp } from '../../src/transport/http-request.js';
import { createVendorCaller } from '../../src/transport/vendor-caller.js';
import type { RawAnswer, VendorCaller, VendorTransport } from '../../src/transport/vendor-caller.js';
import { VMP_ACTIONS, VMP_API_VERSION, VMP_SERVICE, vmpEnvelopeSchema, vmpUnsuccessfulItemSchema } from './volcengine-vmp-api.js';
import { translateVmpFailure, VmpAnswer, VmpItemFailure } from './volcengine-vmp-errors.js';
import { volcengineAuthorization, volcengineDate } from './volcengine-vmp-signer.js';

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
  return {
    async ready() {
      connection.credentials.resolve();
    },
    async send(action, params, attempt) {
      const credentials = connection.credentials.resolve();
      const url = new URL(`/?Action=${encodeURIComponent(action)}&Version=${VMP_API_VERSION}`, endpoint);
      const body = JSON.stringify(params);
      const bodySha256 = sha256Hex(body);
      const signed: Record<string, string> = {
        'content-type': CONTENT_TYPE,
        host: url.host,
        'x-content-sha256': bodySha256,
        'x-date': volcengineDate(new Date()),
        ...(credentials.securityToken === undefined ? {} : { 'x-security-token': credentials.securityToken }),
      };
      const authorization = volcengineAuthorization(credentials.accessKeyId, {
        method: 'POST',
        path: '/',
        query: [...url.searchParams],
        headers: signed,
        bodySha256,
        xDate: signed['x-date']!,
        region: connection.region,
        service: VMP_SERVICE,
        secretKey: credentials.accessKeySecret,
      });
      const answer = await sendHttp({
        url,
        method: 'POST',
        headers: { ...signed, authorization, 'content-length': String(Buffer.byteLength(body)) },
        body,
        agent: connection.agent,
        signal: attempt.signal,
      });
      return resultOf(answer.status, answer.text, params);
    },
    translate: translateVmpFailure,
  };
}

/**
 * The `Result` of a successful answer. A batch of one id whose one item VMP reports
 * unsuccessful failed as a whole: rejected with that item's error, so a retried delete that
 * finds the id gone is recognised as done.
 */
function resultOf(status: number, text: string, params: object): RawAnswer {
  const envelope = vmpEnvelopeSchema.safeParse(parseJson(text));
  const ok = status >= 200 && status < 300 && envelope.success && !envelope.data.ResponseMetadata.Error && envelope.data.Result !== undefined;
  if (!ok) throw new VmpAnswer(status, text, envelope.success ? envelope.data : undefined);
  const requestId = envelope.data.ResponseMetadata.RequestId ?? undefined;
  const only = oneIdOf(params);
  const items = (envelope.data.Result as { UnsuccessfulItems?: unknown } | null)?.UnsuccessfulItems;
  if (only !== undefined && Array.isArray(items)) {
    const item = items.map((entry) => vmpUnsuccessfulItemSchema.safeParse(entry)).find((parsed) => parsed.success && parsed.data.Id === only);
    if (item?.success === true) throw new VmpItemFailure(item.data, requestId);
  }
  return { body: envelope.data.Result, requestId };
}

function oneIdOf(params: object): string | undefined {
  const ids = (params as { Ids?: unknown }).Ids;
  return Array.isArray(ids) && ids.length === 1 && typeof ids[0] === 'string' ? ids[0] : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
