/**
 * The Alibaba Cloud RPC protocol as an emulator serves it, for any product: `POST /` (or GET)
 * with business parameters in the query or a form body, the action and version in `x-acs-*`
 * headers (or `Action` / `Version` for V2), ACS3 or V2 signatures checked, JSON answers with a
 * `RequestId`, and the `{RequestId, HostId, Code, Message, Recommend}` error envelope.
 */
import { CHINA_OFFSET_MINUTES } from '../../src/util/china-time.js';
import type { ProviderId } from '../../src/model/contact.js';
import { ownValue } from '../../src/util/own-value.js';
import type { EmulatorContext, EmulatorProtocol, EmulatorRequest, EmulatorResponse, VendorErrorSpec } from '../../src/testing/emulator-protocol.js';
import { formPairs, headerOf, queryPairs, queryValue } from '../../src/testing/emulator-request.js';
import type { EmulatorCredentials } from '../../src/testing/emulator-types.js';
import { VendorFault } from '../../src/testing/vendor-fault.js';
import { ALIBABA_CLOUD_ENV } from './alibaba-credentials.js';
import { ALIBABA_SESSION_CODES, describeAlibabaError } from './alibaba-emulator-errors.js';
import type { ErrorCatalogue } from './alibaba-emulator-errors.js';
import { NonceLedger, verifySignature } from './alibaba-emulator-signature.js';

/** Parameters V2 signing adds, which are not business parameters. */
const COMMON_PARAMETERS = new Set([
  'Action', 'Version', 'Format', 'Timestamp', 'SignatureNonce', 'SignatureMethod', 'SignatureVersion', 'AccessKeyId', 'SecurityToken', 'Signature',
]);

/** The business parameters of one request, by vendor name, read as the vendor reads them. */
export class RpcParams {
  readonly #values: Map<string, string>;

  /** @param pairs - decoded query and form pairs in the order received (a later repeat wins). */
  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.#values = new Map(pairs.filter(([name]) => !COMMON_PARAMETERS.has(name)));
  }

  /** A text parameter; an empty value counts as absent. */
  text(name: string): string | undefined {
    const value = this.#values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  /** A text parameter that must be given, else `MissingParameter.<Name>`. */
  required(name: string): string {
    const value = this.text(name);
    if (value === undefined) throw new VendorFault(`MissingParameter.${name}`);
    return value;
  }

  /** A repeated parameter `Name.1`, `Name.2`, … in index order. */
  list(name: string): string[] {
    const prefix = `${name}.`;
    return [...this.#values]
      .filter(([key, value]) => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)) && value !== '')
      .sort(([a], [b]) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
      .map(([, value]) => value);
  }

  /** A parameter sent as a JSON string (style `json`), else `InvalidParameter.<Name>`. */
  json(name: string): unknown {
    const value = this.text(name);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new VendorFault(`InvalidParameter.${name}`);
    }
  }

  /** A boolean given as `true` / `false`. */
  bool(name: string, fallback: boolean): boolean {
    const value = this.text(name);
    if (value === undefined) return fallback;
    if (value !== 'true' && value !== 'false') throw new VendorFault(`InvalidParameter.${name}`);
    return value === 'true';
  }

  /** A whole number from 1 to `max`. */
  int(name: string, fallback: number, max: number): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) throw new VendorFault(`InvalidParameter.${name}`);
    return parsed;
  }
}

/** Answers one action: checks its parameters, changes the state, returns the answer's fields. */
export type RpcHandler<Env> = (params: RpcParams, env: Env) => object;

/** One Alibaba product, as its emulator serves it. */
export interface AlibabaRpcProduct<Hooks extends object, Env> {
  /** The provider (or STS) emulated. */
  readonly provider: ProviderId | 'alibaba-sts';
  /** The API version requests must name. */
  readonly version: string;
  /** The product's host, for `HostId`. */
  readonly hostId: string;
  /** The product's name in troubleshoot links (`ResourceDirectoryMaster`, `cams`). */
  readonly productCode: string;
  /** Fake keys accepted by default. */
  readonly defaultCredentials: EmulatorCredentials;
  /** Requests per second per action. */
  readonly defaultRateLimit: number;
  /** Actions limited differently. */
  readonly actionRateLimits?: Readonly<Record<string, number>>;
  /** Quotas with their defaults. */
  readonly quotas: EmulatorProtocol['quotas'];
  /** The code the product throttles with. */
  readonly throttle: VendorErrorSpec;
  /** The product's error codes, on top of the gateway's. */
  readonly catalogue: ErrorCatalogue;
  /** Every action, by name. */
  readonly handlers: Readonly<Record<string, RpcHandler<Env>>>;
  /**
   * What the handlers of one request work with (the state, the clock, the quotas).
   * @param caller - who signed the request (its key id, and whom a temporary key acts for); undefined for an anonymous action.
   */
  environment(context: EmulatorContext, now: Date, caller: { readonly accessKeyId: string; readonly principal: string } | undefined): Env;
  /** Actions answered without a signature (STS's `AssumeRoleWithOIDC`: the token is the proof). */
  readonly anonymousActions?: readonly string[];
  /** Fields every successful answer carries besides `RequestId` (ChatApp's `Code: "OK"`); may depend on the action. */
  successFields?(action: string): object;
  /** The body of an error the product answers with HTTP 200, inside its success envelope. */
  businessErrorBody?(code: string, message: string, requestId: string): object;
  /** What `x-acs-retry-after` throttling answers carry, if anything (milliseconds). */
  retryAfterMs?(): number | undefined;
  /** Forgets all state. */
  reset(): void;
  /** Test hooks. */
  readonly hooks: Hooks;
}

/** Builds the emulator protocol of one Alibaba product on the shared harness. */
export function alibabaRpcProtocol<Hooks extends object, Env, Id extends ProviderId | 'alibaba-sts' = ProviderId>(product: AlibabaRpcProduct<Hooks, Env> & { readonly provider: Id }): EmulatorProtocol<Hooks, Id> {
  const nonces = new NonceLedger();

  function errorResponse(error: VendorErrorSpec, context: EmulatorContext): EmulatorResponse {
    const documented = describeAlibabaError(error.code, product.catalogue);
    const requestId = context.requestId().toUpperCase();
    const status = error.httpStatus ?? documented.status;
    const message = error.message ?? documented.message;
    const retryAfter = error.code.startsWith('Throttling') || error.code === product.throttle.code ? product.retryAfterMs?.() : undefined;
    if (status === 200 && product.businessErrorBody !== undefined) return { status, body: product.businessErrorBody(error.code, message, requestId) };
    return {
      status,
      ...(retryAfter === undefined ? {} : { headers: { 'x-acs-retry-after': String(retryAfter) } }),
      body: {
        RequestId: requestId,
        HostId: product.hostId,
        Code: error.code,
        Message: message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=${product.productCode}&requestId=${requestId}`,
      },
    };
  }

  function handle(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
    const now = context.now();
    const caller = product.anonymousActions?.includes(request.action) === true ? undefined : signedCaller(request, context, now);
    if (request.method !== 'POST' && request.method !== 'GET') throw new VendorFault('UnsupportedHTTPMethod');
    const params = new RpcParams([...queryPairs(request), ...formPairs(request)]);
    const version = headerOf(request, 'x-acs-version') ?? queryValue(request, 'Version');
    if (version !== product.version) throw new VendorFault('InvalidVersion');
    const handler = request.url.pathname === '/' ? ownValue(product.handlers, request.action) : undefined;
    if (handler === undefined) throw new VendorFault('InvalidAction.NotFound');
    const result = handler(params, product.environment(context, now, caller));
    return { status: 200, body: { RequestId: context.requestId().toUpperCase(), ...product.successFields?.(request.action), ...result } };
  }

  /** Checks the signature and, for temporary keys, their security token; resolves to who signed. */
  function signedCaller(request: EmulatorRequest, context: EmulatorContext, now: Date): { accessKeyId: string; principal: string } {
    const verdict = verifySignature(request, { secretFor: context.secretFor, now, nonces });
    if (!verdict.ok) throw new VendorFault(verdict.code, verdict.message);
    const token = headerOf(request, 'x-acs-security-token') ?? queryValue(request, 'SecurityToken');
    const session = context.session(verdict.accessKeyId, token);
    if (session !== undefined && session !== 'ok') throw new VendorFault(ALIBABA_SESSION_CODES[session]);
    return { accessKeyId: verdict.accessKeyId, principal: context.principalOf(verdict.accessKeyId) };
  }

  return {
    provider: product.provider,
    keyVendor: 'alibaba',
    defaultCredentials: product.defaultCredentials,
    credentialEnv: ALIBABA_CLOUD_ENV,
    defaultRateLimit: product.defaultRateLimit,
    ...(product.actionRateLimits === undefined ? {} : { actionRateLimits: product.actionRateLimits }),
    badRequest: { code: 'InvalidParameter', message: 'The request URL is malformed.' },
    quotas: product.quotas,
    dayOffsetMinutes: CHINA_OFFSET_MINUTES,
    throttle: product.throttle,
    actionOf: (request) => headerOf(request, 'x-acs-action') ?? queryValue(request, 'Action') ?? '',
    handle,
    errorResponse,
    malformedBody: () => ({ status: 200, headers: { 'content-type': 'application/json;charset=utf-8' }, body: '{"RequestId": "' }),
    reset: () => {
      product.reset();
      nonces.clear();
    },
    hooks: product.hooks,
  };
}
