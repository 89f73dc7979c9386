/**
 * The one caller of the CAM provider, `cam(scope, 'ListReceiver', params)`, driven by the action
 * table, over the vendor's official CommonClient (`tencentcloud-sdk-nodejs-common`), loaded on
 * the first call so that importing the provider costs nothing until it is used.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Agent } from 'node:http';
import type { CredentialSource } from '../../src/credentials/credential-source.js';
import { signingKeys } from '../../src/credentials/credentials.js';
import { requirePackage } from '../../src/util/require-package.js';
import { errorIn } from '../../src/errors/to-contact-error.js';
import { createVendorCaller } from '../../src/transport/vendor-caller.js';
import type { VendorCaller, VendorTransport } from '../../src/transport/vendor-caller.js';
import { CAM_ACTIONS, TENCENT_CAM_VERSION, tencentEnvelopeSchema } from './tencent-cam-api.js';
import { TencentAnswer, translateTencentFailure } from './tencent-cam-errors.js';

/** Calls one receiver action and resolves to its checked answer. */
export type CamCaller = VendorCaller<typeof CAM_ACTIONS, object>;

/** Where and how the caller sends. */
export interface CamConnection {
  /** `scheme://host[:port]`. */
  readonly endpoint: string;
  /** The region, when one is set (CAM is global). */
  readonly region?: string | undefined;
  /** The credentials, resolved on the first call. */
  readonly credentials: CredentialSource;
  /** An agent for a proxy; default: a keep-alive agent of the provider's own. */
  readonly agent?: Agent | undefined;
}

const RAW = Symbol('tencent-cam raw answer');
/** The SDK's own timeout, in seconds: only a backstop, each attempt's signal ends it first. */
const SDK_TIMEOUT_SECONDS = 601;

interface FetchResponseLike {
  readonly status: number;
  text(): Promise<string>;
}

type Send = (action: string, params: object, signal: AbortSignal) => Promise<{ status: number; text: string }>;

/** Builds the caller of one provider instance. */
export function createCamCaller(connection: CamConnection): CamCaller {
  return createVendorCaller(CAM_ACTIONS, camTransport(connection));
}

/**
 * The transport: the official client, with its response parsing bypassed. The client discards
 * the body of any non-200 answer, throws raw parser errors on a non-JSON body, and rounds 64-bit
 * ids, so its `parseResponse` is replaced on the instance to hand back status and text. An
 * explicit agent keeps it from routing loopback traffic through `http_proxy`.
 */
function camTransport(connection: CamConnection): VendorTransport<object> {
  let sender: Promise<Send> | undefined;
  let loaded: Send | undefined;
  return {
    ready(signal) {
      const fetching = connection.credentials.current() === undefined ? connection.credentials.resolve(signal) : undefined;
      if (loaded !== undefined && fetching === undefined) return undefined;
      return (async () => {
        await fetching;
        if (loaded !== undefined) return;
        sender ??= createSender(connection);
        sender.catch(() => (sender = undefined));
        try {
          loaded = await sender;
        } catch (error) {
          throw errorIn(
            { provider: 'tencent-cam', operation: 'settings' },
            { code: 'invalid-config', message: `cannot load tencentcloud-sdk-nodejs-common (is it installed?): ${error instanceof Error ? error.message : String(error)}` },
          );
        }
      })();
    },
    async send(action, params, attempt) {
      const raw = await loaded!(action, params, attempt.signal);
      const envelope = tencentEnvelopeSchema.safeParse(parseJsonKeepingIds(raw.text));
      if (!envelope.success || envelope.data.Response.Error || raw.status !== 200) {
        throw new TencentAnswer(raw.status, raw.text, envelope.success ? envelope.data : undefined);
      }
      return { body: envelope.data.Response, requestId: envelope.data.Response.RequestId ?? undefined };
    },
    translate: translateTencentFailure,
    // Tencent Cloud answers an expired token with its one token error code.
    credentials: { source: connection.credentials, expired: (error) => error.vendor?.code === 'AuthFailure.TokenFailure' },
  };
}

async function createSender(connection: CamConnection): Promise<Send> {
  const { CommonClient } = requirePackage<typeof import('tencentcloud-sdk-nodejs-common')>('tencentcloud-sdk-nodejs-common');
  const endpoint = new URL(connection.endpoint);
  const secure = endpoint.protocol === 'https:';
  const agent = connection.agent ?? (secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }));
  const client = new CommonClient(endpoint.host, TENCENT_CAM_VERSION, {
    // The client asks for keys on every request: the ones `ready` made current for this call.
    credential: { getCredential: () => currentKeys(connection.credentials) },
    ...(connection.region === undefined ? {} : { region: connection.region }),
    profile: { httpProfile: { endpoint: endpoint.host, protocol: secure ? 'https://' : 'http://', reqTimeout: SDK_TIMEOUT_SECONDS, agent } },
  });
  Object.defineProperty(client, 'parseResponse', {
    value: async (response: FetchResponseLike) => ({ [RAW]: true, status: response.status, text: await response.text() }),
  });
  return async (action, params, signal) => {
    const answer: unknown = await client.request(action, params, { signal });
    if (typeof answer === 'object' && answer !== null && RAW in answer) return answer as unknown as { status: number; text: string };
    // A client version without `parseResponse` parsed the answer itself: re-wrap it so one parser handles both.
    return { status: 200, text: JSON.stringify({ Response: answer }) };
  };
}

/** JSON with 64-bit ids (`Uid`, `Uin`) read as strings, not rounded numbers; undefined when it is not JSON. */
function parseJsonKeepingIds(text: string): unknown {
  try {
    return JSON.parse(text.replace(/"(Uid|Uin)"\s*:\s*(\d+)/g, '"$1":"$2"'));
  } catch {
    return undefined;
  }
}

/** The keys in the shape the client's credential interface returns. */
async function currentKeys(source: CredentialSource): Promise<{ secretId: string; secretKey: string; token?: string }> {
  const keys = signingKeys(source.current() ?? (await source.resolve()));
  return { secretId: keys.accessKeyId, secretKey: keys.accessKeySecret, ...(keys.securityToken === undefined ? {} : { token: keys.securityToken }) };
}
