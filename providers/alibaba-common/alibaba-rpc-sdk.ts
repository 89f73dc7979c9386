/**
 * `@alicloud/openapi-client`, loaded on the first call of an Alibaba provider (importing a
 * provider costs nothing until it is used).
 */
import { requirePackage } from '../../src/util/require-package.js';

/** The part of the SDK the Alibaba providers use. */
export interface OpenApiModule {
  readonly Client: new (config: unknown) => { callApi(params: unknown, request: unknown, runtime: unknown): Promise<unknown> };
  readonly Config: new (map: Record<string, unknown>) => unknown;
  readonly OpenApiRequest: new (map: Record<string, unknown>) => unknown;
  readonly Params: new (map: Record<string, unknown>) => unknown;
}

let sdk: Promise<OpenApiModule> | undefined;

/**
 * Loads the SDK once (required, not imported: see `requirePackage`). It is CommonJS with
 * `exports.default = Client`; a copy that a bundler rewrote may put the exports object under
 * `default` instead, so both shapes are accepted.
 */
export function loadOpenApiSdk(): Promise<OpenApiModule> {
  sdk ??= Promise.resolve().then(() => {
    const outer = requirePackage<Record<string, unknown>>('@alicloud/openapi-client');
    const exported = (typeof outer['default'] === 'function' ? outer : outer['default']) as Record<string, unknown>;
    const classes = { Client: exported['default'], Config: exported['Config'], OpenApiRequest: exported['OpenApiRequest'], Params: exported['Params'] };
    if (Object.values(classes).some((value) => typeof value !== 'function')) {
      throw new Error('@alicloud/openapi-client does not export Client, Config, OpenApiRequest and Params as expected');
    }
    return classes as OpenApiModule;
  });
  sdk.catch(() => (sdk = undefined));
  return sdk;
}
