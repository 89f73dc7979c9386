/**
 * A bare `@alicloud/openapi-client`, set up as a user of the vendor's own client would for an
 * Alibaba product but pointed at an emulator: the oracle the conformance tests of both Alibaba
 * providers hold their emulators to.
 */
import * as openApi from '@alicloud/openapi-client';
import type { Emulator } from '../../src/testing/emulator-types.js';

// The package is CommonJS with `exports.default = Client`: depending on the loader's interop, the
// exports object is the namespace itself (`default` is the class) or sits under `default`.
const namespace = openApi as unknown as { default: unknown };
/** The SDK's module (Config, Params, OpenApiRequest). */
export const sdk = (typeof namespace.default === 'function' ? openApi : namespace.default) as typeof openApi;
// Under NodeNext typings the default import is the whole CommonJS module, so the class type is `.default.default`.
const OpenApi = (sdk as unknown as { default: typeof openApi.default.default }).default;

/** The SDK's client. */
export type OpenApiClient = InstanceType<typeof OpenApi>;

// Plain runtime options, as the providers pass them (tea-util's RuntimeOptions class is not a dependency).
/** Runtime options without the SDK's own retries. */
export const runtime = { autoretry: false } as unknown as Parameters<OpenApiClient['callApi']>[2];

/** A client for the emulator, with its keys unless told otherwise. */
export function openApiClient(emulator: Emulator, overrides: Partial<{ accessKeySecret: string; signatureAlgorithm: string }> = {}): OpenApiClient {
  const url = new URL(emulator.endpoint);
  return new OpenApi(
    new sdk.Config({
      accessKeyId: emulator.credentials.accessKeyId,
      accessKeySecret: overrides.accessKeySecret ?? emulator.credentials.accessKeySecret,
      endpoint: url.host,
      protocol: 'http',
      ...(overrides.signatureAlgorithm === undefined ? {} : { signatureAlgorithm: overrides.signatureAlgorithm }),
    }),
  );
}

/** The Params a generated product SDK passes for every action of that product version. */
export function rpcParams(action: string, version: string) {
  return new sdk.Params({ action, version, protocol: 'HTTPS', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
}

/** What `callApi` resolves to for a JSON body. */
export interface OpenApiAnswer {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
}

/** Calls one action with its parameters in the query (or a form body), as the generated SDKs do. */
export async function callAction(
  client: OpenApiClient,
  version: string,
  action: string,
  query: Record<string, string>,
  body?: Record<string, string>,
): Promise<OpenApiAnswer> {
  const request = new sdk.OpenApiRequest(body === undefined ? { query } : { query, body });
  return (await client.callApi(rpcParams(action, version), request, runtime)) as OpenApiAnswer;
}
