/**
 * WORKAROUND for three gaps of `@alicloud/openapi-client` that its API offers no way around:
 *
 * 1. A 4xx/5xx answer whose body is not JSON (a gateway's HTML page, an empty 503) makes `callApi`
 *    throw a bare `SyntaxError`: the HTTP status and headers are lost, and with them whether to
 *    retry. A JSON error answer keeps its status (`error.statusCode`) but loses its headers, and
 *    with them `x-acs-retry-after`.
 * 2. `callApi` takes no AbortSignal: an abandoned attempt would keep its socket until the SDK's
 *    own read timer fires.
 * 3. httpx (the SDK's HTTP layer) arms a read timer per request on the socket and clears it only
 *    when its own `read` reads the body, which `callApi` does not: each timer holds its request
 *    and answer in memory for the whole timeout, however quickly the answer came.
 *
 * How: Node's built-in HTTP diagnostics channels (https://nodejs.org/docs/latest-v20.x/api/diagnostics_channel.html#http),
 * process-wide and read-only, show every `node:http` request. A request is matched to its attempt
 * by the `x-acs-signature-nonce` header, which the caller sets on each `OpenApiRequest`
 * (`http.client.request.start`: the request, destroyed when the attempt is abandoned;
 * `http.client.response.finish`: the status and headers, and the moment to clear the read timer).
 *
 * What it assumes (verified with the versions in {@link ALIBABA_OPENAPI_WORKAROUND_VERIFIED}; the
 * test `test/alibaba-openapi-http-workaround.test.ts` fails when an installed version differs, or
 * when a live call no longer shows any of this):
 * - `callApi` (ACS3 signature, `doRequest`) sends through `@alicloud/tea-typescript`'s `doAction`
 *   and `httpx.request`, over `node:http`/`node:https`, so the channels see its requests;
 * - headers given in `OpenApiRequest.headers` are sent as given (they win over the SDK's own);
 * - httpx keeps the read timer on the socket under a symbol described `TIMER::READ_TIMER`.
 *
 * At run time a broken assumption is reported once with `process.emitWarning` (code
 * `CLOUD_CONTACTS_ALIBABA_WORKAROUND`), and calls go on without what it adds.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { ObservedResponse } from './alibaba-rpc-errors.js';

/** The versions this workaround was verified against (read by its test). */
export const ALIBABA_OPENAPI_WORKAROUND_VERIFIED = {
  '@alicloud/openapi-client': '0.4.15',
  '@alicloud/tea-typescript': '1.8.0',
  httpx: '2.3.3',
} as const;

/** The header a request is matched by; the caller sets a unique value on each request. */
export const WATCHED_HEADER = 'x-acs-signature-nonce';

/** One request the SDK sends, as the channels show it. */
export interface WatchedRequest {
  /** The answer's status and headers, once they came. */
  readonly response: ObservedResponse | undefined;
  /** Destroys the request and its socket (for an abandoned attempt). */
  abort(): void;
  /** Stops watching; `answered`: `callApi` resolved, so its request must have been seen. */
  end(answered: boolean): void;
}

interface Watch {
  request?: ClientRequest;
  response?: ObservedResponse;
}

/** Requests in flight, by the value of their {@link WATCHED_HEADER}. */
const watching = new Map<string, Watch>();
let subscribed = false;

/** Starts watching the request that will carry `nonce` in its {@link WATCHED_HEADER}. */
export function watchOpenApiRequest(nonce: string): WatchedRequest {
  if (!subscribed) subscribeOnce();
  const watch: Watch = {};
  watching.set(nonce, watch);
  return {
    get response() {
      return watch.response;
    },
    abort: () => void watch.request?.destroy(),
    end(answered) {
      watching.delete(nonce);
      if (answered && watch.request === undefined) warnOnce('its requests are not seen on the http.client diagnostics channels (does it still send through node:http?)');
    },
  };
}

function subscribeOnce(): void {
  subscribed = true;
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request?: ClientRequest };
    const watch = watching.get(nonceOf(request));
    if (watch !== undefined && request !== undefined) watch.request = request;
  });
  subscribe('http.client.response.finish', (message) => {
    const { request, response } = message as { request?: ClientRequest; response?: IncomingMessage };
    const watch = watching.get(nonceOf(request));
    if (watch === undefined || response === undefined) return;
    // Node builds a response's header object when it is first read; only a failure reads it.
    watch.response = {
      status: response.statusCode ?? 0,
      get headers() {
        return response.headers;
      },
    };
    if (request?.socket) clearReadTimer(request.socket);
  });
}

function nonceOf(request: ClientRequest | undefined): string {
  const nonce = request?.getHeader(WATCHED_HEADER);
  return typeof nonce === 'string' ? nonce : '';
}

/** httpx's module-level symbol: found once, it is the same on every socket. */
let readTimerKey: symbol | undefined;

/** Clears httpx's read timer of the request whose answer just came (see item 3 above). */
function clearReadTimer(socket: Socket): void {
  readTimerKey ??= Object.getOwnPropertySymbols(socket).find((symbol) => symbol.description === 'TIMER::READ_TIMER');
  const key = readTimerKey;
  if (key === undefined || !(key in socket)) {
    warnOnce("httpx's read timer is not on the socket as TIMER::READ_TIMER: each request's memory is held until its timer fires");
    return;
  }
  const record = socket as unknown as Record<symbol, NodeJS.Timeout | null | undefined>;
  const timer = record[key];
  if (timer) clearTimeout(timer);
  record[key] = null;
}

let warned = false;
function warnOnce(what: string): void {
  if (warned) return;
  warned = true;
  process.emitWarning(
    `the installed @alicloud/openapi-client no longer matches what cloud-contacts works around: ${what}. Error statuses of non-JSON answers, freeing sockets on abort or prompt release of answers may be lost.`,
    { code: 'CLOUD_CONTACTS_ALIBABA_WORKAROUND' },
  );
}
