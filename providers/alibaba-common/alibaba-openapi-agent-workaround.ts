/**
 * WORKAROUND: `@alicloud/openapi-client` takes no HTTP agent, and the proxy options of its
 * `Config` (`httpProxy`, `httpsProxy`) are read and then never used: `@alicloud/tea-typescript`'s
 * `doAction` hands `httpx.request` neither an agent nor a proxy. So the `proxy` and `ca` settings
 * (their agent, `src/transport/connection-agent.ts`) could not reach the Alibaba providers' requests.
 *
 * How: `httpx.request` is wrapped once, when the first provider with an agent sends. A request
 * whose `x-acs-signature-nonce` header a transport lent an agent to (the nonce is ours, unique per
 * request) is sent with that agent; any other request, by other code using the SDK in the same
 * process, passes through untouched.
 *
 * What it assumes (verified with the versions in {@link ALIBABA_AGENT_WORKAROUND_VERIFIED}; the
 * test `test/network/alibaba-agent-workaround.test.ts` fails when an installed version differs,
 * and the proxy tests fail when a request no longer goes through the agent):
 * - `doAction` calls `httpx.request(url, { headers: request.headers, ... })` through the live
 *   export of httpx (tea's `__importStar` copies it as getters), and httpx sends with `opts.agent`
 *   when one is given;
 * - headers given in `OpenApiRequest.headers` reach `doAction` as given.
 */
import type { Agent } from 'node:http';
import { createRequire } from 'node:module';
import { WATCHED_HEADER as NONCE_HEADER } from './alibaba-openapi-http-workaround.js';

/** The versions this workaround was verified against (read by its test). */
export const ALIBABA_AGENT_WORKAROUND_VERIFIED = {
  '@alicloud/openapi-client': '0.4.15',
  '@alicloud/tea-typescript': '1.8.0',
  httpx: '2.3.3',
} as const;

type HttpxRequest = (url: unknown, options?: { headers?: Record<string, unknown>; agent?: Agent }) => Promise<unknown>;

/** Agents lent to requests in flight, by nonce. */
const lent = new Map<string, Agent>();
let wrapped = false;

/**
 * Sends the request carrying `nonce` with `agent` while `send` runs; returns what `send` returns.
 * Without an agent, `send` runs as it is.
 */
export async function withAgent<T>(nonce: string, agent: Agent | undefined, send: () => Promise<T>): Promise<T> {
  if (agent === undefined) return send();
  if (!wrapped) wrapHttpx();
  lent.set(nonce, agent);
  try {
    return await send();
  } finally {
    lent.delete(nonce);
  }
}

/** The httpx module the SDK sends with: resolved as Node resolves it for the SDK (openapi-client, then tea-typescript). */
export function sdkHttpx(): { request: HttpxRequest } {
  const sdk = createRequire(import.meta.url).resolve('@alicloud/openapi-client');
  const tea = createRequire(sdk).resolve('@alicloud/tea-typescript');
  return createRequire(tea)('httpx') as { request: HttpxRequest };
}

function wrapHttpx(): void {
  wrapped = true;
  const httpx = sdkHttpx();
  const original = httpx.request;
  httpx.request = function request(this: unknown, url, options) {
    const nonce = options?.headers?.[NONCE_HEADER];
    const agent = typeof nonce === 'string' ? lent.get(nonce) : undefined;
    return original.call(this, url, agent === undefined ? options : { ...options, agent });
  };
}
