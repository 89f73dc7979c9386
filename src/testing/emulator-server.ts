import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContactError } from '../errors/errors.js';
import { SlidingWindow, VendorQuota } from './emulator-limits.js';
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse } from './emulator-protocol.js';
import type { EmulatedServiceId, Emulator, EmulatorFault, EmulatorOptions, RecordedRequest } from './emulator-types.js';
import { FaultQueue } from './fault-queue.js';
import { VendorFault } from './vendor-fault.js';
import { checkSession, temporaryKey } from './temporary-keys.js';
import { PROVIDER_IDS } from '../model/contact.js';
import type { ProviderId } from '../model/contact.js';

/** The largest body a gateway takes unless the protocol says otherwise. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Requests kept in `requests`; older ones are dropped so a long run cannot grow without bound. */
export const MAX_RECORDED_REQUESTS = 10_000;
/**
 * How far the log may run over before it is trimmed: trimming on every request moved all 10,000
 * entries each time, which made every request of a long run slower than the one before.
 */
const TRIM_SLACK = 1_000;
/** The longest body text kept in a recorded request. */
const MAX_RECORDED_BODY = 64 * 1024;

/** The page a gateway answers a status with, as nginx-based gateways write it. */
export function gatewayPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`;
}

/**
 * Serves a vendor protocol on 127.0.0.1: records each request, applies queued faults and the
 * per-action rate limit, then lets the protocol answer. Resolves once the server listens.
 *
 * @throws ContactError `invalid-config` for bad options (an unknown quota name, a bad port).
 */
export async function startEmulatorServer<Hooks extends object, Id extends EmulatedServiceId = ProviderId>(
  protocol: EmulatorProtocol<Hooks, Id>,
  options: EmulatorOptions = {},
): Promise<Emulator<Id> & Hooks> {
  checkOptions(protocol, options);
  const now = options.now ?? (() => new Date());
  const credentials = options.credentials ?? protocol.defaultCredentials;
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue();
  const fixedRate = options.rateLimit;
  const window =
    fixedRate === false
      ? undefined
      : new SlidingWindow((action) => fixedRate ?? protocol.actionRateLimits?.[action] ?? protocol.defaultRateLimit);
  const quotas = new Map<string, VendorQuota>();
  const makeQuotas = (): void => {
    quotas.clear();
    for (const [name, spec] of Object.entries(protocol.quotas)) {
      quotas.set(name, new VendorQuota(options.quotas?.[name] ?? spec.limit, spec.daily, protocol.dayOffsetMinutes, now));
    }
  };
  makeQuotas();
  const context: EmulatorContext = {
    now,
    credentials,
    secretFor: (accessKeyId) =>
      accessKeyId === credentials.accessKeyId ? credentials.accessKeySecret : protocol.keyVendor === undefined ? undefined : temporaryKey(protocol.keyVendor, accessKeyId)?.accessKeySecret,
    session: (accessKeyId, token) => {
      const key = protocol.keyVendor === undefined ? undefined : temporaryKey(protocol.keyVendor, accessKeyId);
      return key === undefined ? undefined : checkSession(key, token, now());
    },
    principalOf: (accessKeyId) => (protocol.keyVendor === undefined ? undefined : temporaryKey(protocol.keyVendor, accessKeyId)?.principal) ?? accessKeyId,
    quota: (name) => {
      const quota = quotas.get(name);
      if (quota === undefined) throw new Error(`emulator bug: quota ${name} is not declared`);
      return quota;
    },
    requestId: () => randomUUID(),
  };
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const record = (entry: RecordedRequest): void => {
    requests.push(entry);
    if (requests.length > MAX_RECORDED_REQUESTS + TRIM_SLACK) requests.splice(0, requests.length - MAX_RECORDED_REQUESTS);
  };

  async function serve(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
    const rawUrl = req.url ?? '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const body = rawBody.toString('utf8');
    const url = parseUrl(rawUrl);
    if (url === undefined) {
      record({ action: '', method, url: rawUrl, headers: { ...req.headers }, body: body.slice(0, MAX_RECORDED_BODY), receivedAt: performance.timeOrigin + performance.now() });
      send(res, protocol.errorResponse(protocol.badRequest, context));
      return;
    }
    const partial = { method, rawUrl, url, headers: req.headers, rawBody, body };
    const action = protocol.actionOf(partial);
    record({ action, method, url: rawUrl, headers: { ...req.headers }, body: body.slice(0, MAX_RECORDED_BODY), receivedAt: performance.timeOrigin + performance.now() });
    const request: EmulatorRequest = { ...partial, action };
    const fault = faults.take(action);
    if (fault !== undefined) {
      const handled = await applyFaultBefore(fault, req, res);
      if (handled) return;
    }
    if (window !== undefined && !window.tryHit(action, performance.now())) {
      send(res, protocol.errorResponse(protocol.throttle, context));
      return;
    }
    let response: EmulatorResponse;
    try {
      response = await protocol.handle(request, context);
    } catch (error) {
      response =
        error instanceof VendorFault
          ? protocol.errorResponse({ code: error.code, message: error.detail, httpStatus: error.httpStatus }, context)
          : protocol.errorResponse({ code: 'InternalError', httpStatus: 500, message: `emulator failure: ${String(error)}` }, context);
    }
    if (fault?.kind === 'reset-after-apply') req.socket.destroy();
    else if (fault?.kind === 'hang-after-apply') return;
    else send(res, response);
  }

  /** Applies the part of a fault that happens before the vendor acts; true when the request is finished. */
  async function applyFaultBefore(fault: EmulatorFault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case 'vendor-error':
        send(res, protocol.errorResponse({ code: fault.code, message: fault.message, httpStatus: fault.httpStatus }, context));
        return true;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        return true;
      case 'http-status':
        send(res, { status: fault.status, headers: { 'content-type': 'text/html' }, body: fault.body ?? gatewayPage(fault.status) });
        return true;
      case 'malformed-body':
        send(res, protocol.malformedBody?.() ?? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"RequestId": "' });
        return true;
      case 'delay':
        await wait(fault.ms);
        return closed;
      case 'reset-after-apply':
      case 'hang-after-apply':
        return false;
    }
  }

  const maxBodyBytes = protocol.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBodyBytes) {
        // As a gateway does: refused before the vendor sees it, and nothing of it is kept.
        record({ action: '', method: (req.method ?? 'GET').toUpperCase(), url: req.url ?? '/', headers: { ...req.headers }, body: '', receivedAt: performance.timeOrigin + performance.now() });
        send(res, { status: 413, headers: { 'content-type': 'text/html', connection: 'close' }, body: gatewayPage(413) });
        return;
      }
      serve(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { message: String(error) } });
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  const emulator: Emulator<Id> = {
    provider: protocol.provider,
    endpoint: `http://127.0.0.1:${port}`,
    credentials,
    environment: { [protocol.credentialEnv.accessKeyId.split(' or ')[0]!]: credentials.accessKeyId, [protocol.credentialEnv.accessKeySecret.split(' or ')[0]!]: credentials.accessKeySecret },
    requests,
    failNext: (fault) => faults.add(fault),
    get pendingFaults() {
      return faults.pending();
    },
    clearFaults: () => faults.clear(),
    reset: () => {
      protocol.reset();
      requests.length = 0;
      faults.clear();
      window?.clear();
      makeQuotas();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return Object.assign(emulator, protocol.hooks ?? ({} as Hooks));
}

/** The request's URL, or undefined when it cannot be parsed (the harness answers the vendor's bad-request error). */
function parseUrl(rawUrl: string): URL | undefined {
  try {
    return new URL(rawUrl, 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  if (res.destroyed || res.headersSent) return;
  const isText = typeof response.body === 'string';
  const text = isText ? (response.body as string) : JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json;charset=utf-8',
    ...response.headers,
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function checkOptions(protocol: EmulatorProtocol<object, EmulatedServiceId>, options: EmulatorOptions): void {
  const problems: string[] = [];
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0 && options.port <= 65535)) {
    problems.push('port must be a whole number from 0 to 65535');
  }
  if (options.rateLimit !== undefined && options.rateLimit !== false && !(options.rateLimit > 0)) {
    problems.push('rateLimit must be a positive number or false');
  }
  for (const [name, limit] of Object.entries(options.quotas ?? {})) {
    if (!(name in protocol.quotas)) {
      problems.push(`quotas.${name} is not a quota of ${protocol.provider} (known: ${Object.keys(protocol.quotas).join(', ') || 'none'})`);
    } else if (!(Number.isInteger(limit) && limit >= 0)) {
      problems.push(`quotas.${name} must be a whole number, 0 or more`);
    }
  }
  if (problems.length > 0) {
    throw new ContactError({ code: 'invalid-config', ...((PROVIDER_IDS as readonly string[]).includes(protocol.provider) ? { provider: protocol.provider as ProviderId } : {}), operation: 'startEmulator', message: problems.join('; ') });
  }
}
