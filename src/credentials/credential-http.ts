/**
 * One request to a credential service (an STS, an instance metadata service, a credentials
 * URI): bounded in time, never through the environment's proxy (a metadata service must be
 * reached directly), and every failure a ContactError naming the step, never a value.
 */
import type { ProviderId } from '../model/contact.js';
import { sendHttp } from '../transport/http-request.js';
import type { HttpAnswer } from '../transport/http-request.js';
import { credentialRequestError } from './credential-errors.js';

/** A request to a credential service. */
export interface CredentialServiceRequest {
  /** Full URL. */
  readonly url: URL;
  /** Method. */
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Headers to send. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Body text. */
  readonly body?: string;
  /** How long to wait for the answer. */
  readonly timeoutMs: number;
}

/**
 * Sends one request and resolves to the answer, whatever its status.
 *
 * @throws ContactError `network` or `timeout` naming the step when there is no answer.
 */
export async function callCredentialService(request: CredentialServiceRequest, provider: ProviderId, step: string): Promise<HttpAnswer> {
  try {
    return await sendHttp({
      url: request.url,
      method: request.method,
      headers: { ...request.headers, ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }) },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw credentialRequestError(provider, `${step} (${request.url.origin})`, error);
  }
}

/** A JSON answer's body, or undefined when it is not JSON. */
export function jsonBody(answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return undefined;
  }
}
