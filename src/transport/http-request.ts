import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Agent } from 'node:http';
import { onAbort } from './abort-listeners.js';

/** A raw HTTP answer: status, headers and the body as text. */
export interface HttpAnswer {
  /** HTTP status. */
  readonly status: number;
  /** Headers, lower-cased. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body, decoded as UTF-8. */
  readonly text: string;
}

/** One HTTP request. */
export interface HttpRequestSpec {
  /** Full URL. */
  readonly url: URL;
  /** Method. */
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Headers to send. */
  readonly headers: Readonly<Record<string, string>>;
  /** Body bytes or text. */
  readonly body?: string | Buffer;
  /** Agent to use; default: a shared keep-alive agent (never the environment's proxy). */
  readonly agent?: Agent | undefined;
  /** Aborts the request and its socket. */
  readonly signal?: AbortSignal;
}

const keepAliveHttp = new HttpAgent({ keepAlive: true });
const keepAliveHttps = new HttpsAgent({ keepAlive: true });

/**
 * Sends one request over `node:http(s)` with a keep-alive agent and resolves to the raw answer,
 * whatever its status: callers decide what a status means. Rejects with the socket error, or
 * with the signal's reason on abort.
 */
export function sendHttp(spec: HttpRequestSpec): Promise<HttpAnswer> {
  const secure = spec.url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    if (spec.signal?.aborted === true) {
      reject(spec.signal.reason);
      return;
    }
    const request = send(
      spec.url,
      {
        method: spec.method,
        headers: spec.headers,
        agent: spec.agent ?? (secure ? keepAliveHttps : keepAliveHttp),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          detach();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', (error) => {
          detach();
          reject(error);
        });
      },
    );
    // An abort destroys the request and its socket. The shared listener of `onAbort` rather than
    // Node's `signal` option, which also tracks the stream's end and costs about as much per
    // request as signing it.
    const detach = onAbort(spec.signal, () => request.destroy(spec.signal?.reason instanceof Error ? spec.signal.reason : new Error('aborted')));
    request.on('error', (error) => {
      detach();
      reject(spec.signal?.aborted === true ? spec.signal.reason : error);
    });
    request.end(spec.body);
  });
}
