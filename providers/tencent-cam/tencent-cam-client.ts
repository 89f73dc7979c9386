import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { ResolvedTencentCamSettings } from './tencent-cam-settings.js';
import { TENCENT_CAM_VERSION } from './tencent-cam-settings.js';

/** An answer as it came over the wire: the vendor client's own parsing is bypassed. */
export interface TencentRawAnswer {
  /** HTTP status. */
  readonly status: number;
  /** The body text. */
  readonly text: string;
}

/** Sends one CAM action through the vendor's official CommonClient. */
export type TencentCamSend = (action: string, params: object, signal: AbortSignal) => Promise<TencentRawAnswer>;

const RAW = Symbol('tencent-cam raw answer');

interface FetchResponseLike {
  readonly status: number;
  text(): Promise<string>;
}

/**
 * Builds the sender on first use: loads `tencentcloud-sdk-nodejs-common` (so importing this
 * provider costs nothing until it is called) and configures its CommonClient for CAM.
 *
 * @remarks The client discards the body of any non-200 answer, throws raw parser errors on a
 * non-JSON body, and rounds 64-bit ids, so this replaces its `parseResponse` on the instance to
 * hand back status and text; the provider parses them. An explicit agent keeps the client from
 * routing loopback traffic through `http_proxy`.
 */
export async function createTencentCamSender(settings: ResolvedTencentCamSettings): Promise<TencentCamSend> {
  const { CommonClient } = await import('tencentcloud-sdk-nodejs-common');
  const secure = settings.endpoint.protocol === 'https:';
  const agent = settings.agent ?? (secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true }));
  const credentials = settings.credentials;
  const client = new CommonClient(settings.endpoint.host, TENCENT_CAM_VERSION, {
    credential: {
      secretId: credentials.accessKeyId,
      secretKey: credentials.accessKeySecret,
      ...(credentials.securityToken === undefined ? {} : { token: credentials.securityToken }),
    },
    ...(settings.region === undefined ? {} : { region: settings.region }),
    profile: {
      httpProfile: {
        endpoint: settings.endpoint.host,
        protocol: secure ? 'https://' : 'http://',
        reqTimeout: Math.ceil(settings.timeoutMs / 1000),
        agent,
      },
    },
  });
  Object.defineProperty(client, 'parseResponse', {
    value: async (response: FetchResponseLike) => ({ [RAW]: true, status: response.status, text: await response.text() }),
  });
  return async (action, params, signal) => {
    const answer: unknown = await client.request(action, params, { signal });
    if (typeof answer === 'object' && answer !== null && RAW in answer) return answer as unknown as TencentRawAnswer;
    // A client version without `parseResponse` parsed the answer itself: re-wrap it so one parser handles both.
    return { status: 200, text: JSON.stringify({ Response: answer }) };
  };
}
