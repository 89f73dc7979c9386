/** The parameters of an Alibaba RPC request, and how the vendor's SDKs put them in the query. */

/** A value the vendor wants as a JSON string in one parameter (`Websites=["https://a.com"]`, style `json`). */
interface JsonParam {
  /** The value to send as JSON. */
  readonly json: unknown;
}

/** A query parameter before flattening: lists become `Key.1`, `Key.2`, … */
type VendorParam = string | number | boolean | readonly string[] | JsonParam | undefined;

/** Business parameters of one request, by vendor name. */
export type VendorParams = Readonly<Record<string, VendorParam>>;

/**
 * Flattens parameters the way the vendor's SDKs do: lists 1-based (`MessageTypes.1`), booleans
 * and numbers as text, `json`-style values as JSON, `undefined` dropped.
 */
export function flattenQuery(params: VendorParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) (value as readonly string[]).forEach((item, index) => (out[`${key}.${index + 1}`] = item));
    else if (typeof value === 'object') out[key] = JSON.stringify((value as JsonParam).json);
    else out[key] = String(value);
  }
  return out;
}
