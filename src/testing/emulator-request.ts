import type { EmulatorRequest } from './emulator-protocol.js';

/**
 * Readers for what an emulator receives: headers, the raw query and a form body, decoded the
 * way every vendor decodes them.
 */

/** A header's value; repeated headers are joined with `,` as HTTP says they combine. */
export function headerOf(request: Pick<EmulatorRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The raw query string of a request URL, without `?`. */
export function rawQueryOf(rawUrl: string): string {
  const at = rawUrl.indexOf('?');
  return at < 0 ? '' : rawUrl.slice(at + 1);
}

/** The query's decoded name/value pairs, in the order sent. */
export function queryPairs(request: Pick<EmulatorRequest, 'rawUrl'>): Array<[string, string]> {
  return parseQueryPairs(rawQueryOf(request.rawUrl));
}

/** The first value of a query parameter. */
export function queryValue(request: Pick<EmulatorRequest, 'rawUrl'>, name: string): string | undefined {
  return queryPairs(request).find(([key]) => key === name)?.[1];
}

/** The pairs of an `application/x-www-form-urlencoded` body; none for any other body. */
export function formPairs(request: Pick<EmulatorRequest, 'headers'> & { readonly rawBody: Buffer }): Array<[string, string]> {
  const type = headerOf(request, 'content-type') ?? '';
  return type.startsWith('application/x-www-form-urlencoded') ? parseQueryPairs(request.rawBody.toString('utf8')) : [];
}

/**
 * Splits a raw query string into decoded name/value pairs in the order sent, keeping repeats.
 * A `+` stays a `+`: none of the vendor clients encodes spaces that way.
 */
export function parseQueryPairs(rawQuery: string): Array<[string, string]> {
  if (rawQuery === '') return [];
  return rawQuery.split('&').filter((part) => part !== '').map((part) => {
    const equals = part.indexOf('=');
    const name = equals < 0 ? part : part.slice(0, equals);
    const value = equals < 0 ? '' : part.slice(equals + 1);
    return [safeDecode(name), safeDecode(value)];
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
