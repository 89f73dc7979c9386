/**
 * WORKAROUND for `tencentcloud-sdk-nodejs-common`'s `CommonClient.request`, which:
 * - throws only the status text for any answer whose status is not 200, discarding its body (a
 *   CAM error envelope on a 4xx/5xx, a gateway's page);
 * - parses the answer with `JSON.parse`, which rounds 64-bit ids (`Uid`, `Uin`) above 2^53;
 * - throws node-fetch's raw `FetchError` for a 200 answer that is not JSON.
 * Its documented options (credential, region, `profile.httpProfile`: agent, headers, proxy,
 * reqTimeout; a per-call `signal`) reach none of this.
 *
 * How: the client's `parseResponse` (a private method of `AbstractClient`, given the node-fetch
 * `Response` of every request) is replaced on the instance, so that `request` resolves to the
 * status and the raw text; the caller parses that text itself.
 *
 * What it assumes (verified with the version in {@link TENCENT_SDK_WORKAROUND_VERIFIED}):
 * `request` → `doRequestWithSign3` → `return this.parseResponse(res)`, where `res` has `status` and
 * `text()`, and whatever `parseResponse` returns is what `request` resolves to. Checked when the
 * client is set up (it must have a `parseResponse` to replace) and on every answer (it must be the
 * one ours made): either failing is a ContactError `invalid-config` naming the SDK version, never
 * a fallback that loses bodies or digits. `test/tencent-cam-sdk-workaround.test.ts` fails when the
 * installed version differs or a live call no longer goes through it.
 */
import { ContactError } from '../../src/errors/errors.js';

/** The version this workaround was verified against (read by its test). */
export const TENCENT_SDK_WORKAROUND_VERIFIED = { 'tencentcloud-sdk-nodejs-common': '4.1.220' } as const;

/** An answer as it came: its HTTP status and its body, unparsed. */
export interface RawTencentAnswer {
  /** HTTP status. */
  readonly status: number;
  /** The body as text. */
  readonly text: string;
}

/** Sends one action and resolves to its raw answer. */
export type RawTencentRequest = (action: string, params: object, signal: AbortSignal) => Promise<RawTencentAnswer>;

/** The part of a `CommonClient` this workaround uses. */
export interface TencentClientLike {
  /** `CommonClient.request`: sends one action. */
  request(action: string, params: object, options: { signal: AbortSignal }): Promise<unknown>;
  /** `SDK_NODEJS_<version>`, for messages. */
  readonly sdkVersion?: unknown;
}

/** What `parseResponse` is given: node-fetch's Response. */
interface FetchResponseLike {
  readonly status: number;
  text(): Promise<string>;
}

class RawAnswer implements RawTencentAnswer {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {}
}

/**
 * Makes `client.request` hand back raw answers, and returns the way to send through it.
 *
 * @throws ContactError `invalid-config` when the client has no `parseResponse` to replace.
 */
export function rawTencentRequests(client: TencentClientLike): RawTencentRequest {
  if (typeof (client as { parseResponse?: unknown }).parseResponse !== 'function') throw mismatch(client, 'its client has no parseResponse to replace');
  Object.defineProperty(client, 'parseResponse', {
    value: async (response: FetchResponseLike): Promise<RawAnswer> => new RawAnswer(response.status, await response.text()),
  });
  return async (action, params, signal) => {
    const answer = await client.request(action, params, { signal });
    if (answer instanceof RawAnswer) return answer;
    throw mismatch(client, 'its request() no longer answers through parseResponse');
  };
}

function mismatch(client: TencentClientLike, what: string): ContactError {
  const version = typeof client.sdkVersion === 'string' ? client.sdkVersion : 'of unknown version';
  return new ContactError({
    code: 'invalid-config',
    provider: 'tencent-cam',
    message: `the installed tencentcloud-sdk-nodejs-common (${version}) does not work as this version of cloud-contacts expects (${TENCENT_SDK_WORKAROUND_VERIFIED['tencentcloud-sdk-nodejs-common']}): ${what}`,
  });
}
