/**
 * The ACS3-HMAC-SHA256 signature of an Alibaba Cloud RPC request, computed by the vendor's own
 * `@alicloud/openapi-util` (`getAuthorization`: the function `@alicloud/openapi-client`'s
 * `callApi` signs with), which is loaded on the first call of an Alibaba provider.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 *
 * Only the signing comes from the vendor's libraries; the request goes out over `node:http(s)`
 * (`src/transport/http-request.ts`), as Volcengine's does. `callApi` itself costs more than half
 * of a cold start (it loads `@alicloud/credentials`, whose work our own credential chain does),
 * takes no agent and no AbortSignal, and loses the status and headers of an answer whose body is
 * not JSON: ARCHITECTURE.md, "Dependencies", has the measurements.
 */
import { requirePackage } from '../../src/util/require-package.js';

/** The request as the vendor's signer reads it (the shape of `@alicloud/tea-typescript`'s `Request`). */
export interface Acs3Request {
  /** `/` for RPC. */
  readonly pathname: string;
  /** HTTP method, upper-case. */
  readonly method: string;
  /** The query parameters, not encoded. */
  readonly query: Readonly<Record<string, string>>;
  /** The headers to send; `host`, `content-type` and every `x-acs-*` one are signed. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The part of `@alicloud/openapi-util` used here. */
interface OpenApiUtil {
  getAuthorization(request: Acs3Request, algorithm: string, payloadSha256: string, accessKeyId: string, accessKeySecret: string): string;
}

/** The signature algorithm `callApi` uses by default. */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

let openApiUtil: OpenApiUtil | undefined;

/**
 * Loads `@alicloud/openapi-util` once (required, not imported: see `requirePackage`). It is
 * CommonJS with `exports.default = Client`; a copy that a bundler rewrote may put the exports
 * object under `default` instead, so both shapes are accepted.
 *
 * @throws Error when the package is missing or no longer has `getAuthorization`.
 */
export function loadOpenApiUtil(): OpenApiUtil {
  if (openApiUtil !== undefined) return openApiUtil;
  const outer = requirePackage<Record<string, unknown>>('@alicloud/openapi-util');
  const candidates = [outer['default'], (outer['default'] as Record<string, unknown> | undefined)?.['default']];
  const found = candidates.find((value): value is OpenApiUtil => typeof (value as Partial<OpenApiUtil> | undefined)?.getAuthorization === 'function');
  if (found === undefined) throw new Error('@alicloud/openapi-util does not export getAuthorization as expected');
  openApiUtil = found;
  return found;
}

/** `Authorization` for `request`, whose body (if any) hashes to `payloadSha256`. */
export function acs3Authorization(request: Acs3Request, payloadSha256: string, accessKeyId: string, accessKeySecret: string): string {
  return loadOpenApiUtil().getAuthorization(request, ACS3_ALGORITHM, payloadSha256, accessKeyId, accessKeySecret);
}
