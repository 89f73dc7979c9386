/**
 * Keeping secrets out of everything that can be printed: masks for values, scrubbing for text,
 * and print hooks for objects that must keep the real value for code that needs it.
 */

/** Node's `util.inspect.custom`, reached through the global registry so the core stays free of `node:util`. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** What a fully hidden value prints as. */
export const REDACTED = '[redacted]';

/** Shows at most the first three characters of a secret: `SECabc123` prints `SEC***`. */
export function maskSecret(value: string): string {
  return value.length >= 8 ? `${value.slice(0, 3)}***` : '***';
}

/** Query parameters that carry a credential in webhook URLs (DingTalk `access_token`, WeCom `key`, ...). */
const SECRET_QUERY_PARAMS = new Set(['access_token', 'key', 'token', 'secret', 'sign', 'signature', 'accesskey']);

/**
 * Masks the credential parts of a webhook URL: secret query parameters and the hook id of
 * `/hook/<id>` paths (Lark); returns text that is not a URL unchanged.
 */
export function maskWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  for (const [name, value] of [...parsed.searchParams]) {
    if (SECRET_QUERY_PARAMS.has(name.toLowerCase())) parsed.searchParams.set(name, maskSecret(value));
  }
  parsed.pathname = parsed.pathname.replace(/\/hook\/([^/]+)/, (_match, id: string) => `/hook/${maskSecret(id)}`);
  // URLSearchParams encodes '*' as %2A; undo it so the mask reads as a mask.
  return parsed.toString().replace(/%2A/g, '*');
}

/** Patterns of signed-request material that must not survive in error text. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /(Signature=)[^&\s,"']+/gi,
  /(Credential=)[^\s,"'/]+/gi,
  /(AccessKeySecret=|SecretKey=|SecurityToken=|Token=|access_token=|[?&]key=)[^&\s,"']+/gi,
  /(authorization["']?\s*[:=]\s*["']?)[^"'\n]+/gi,
];

/** A URL with a query string, in free text. */
const URL_QUERY = /(\bhttps?:\/\/[^\s?#"'<>]*)\?[^\s"'<>]*/gi;

/**
 * Removes known secret values, signature material and URL query strings from a text.
 *
 * @param secrets - exact values to remove, such as the access key secret in use; values shorter
 * than 4 characters are ignored so that redaction cannot shred ordinary words.
 */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  // A request URL's query carries the request's values (names, addresses, numbers): keep the
  // URL, drop what follows `?`.
  return out.replace(URL_QUERY, '$1?[query removed]');
}

/**
 * Gives an object a printed form: `JSON.stringify`, `util.inspect` and `console.log` see `view()`
 * while property reads still see the real values.
 *
 * @remarks The hooks are non-enumerable, so spreading the object drops them (and then prints the
 * real values): pass the object itself to loggers.
 */
export function definePrintedForm<T extends object>(target: T, view: () => unknown): T {
  Object.defineProperty(target, 'toJSON', { value: view, enumerable: false, configurable: true });
  Object.defineProperty(target, INSPECT, {
    value: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) =>
      inspect(view(), options),
    enumerable: false,
    configurable: true,
  });
  return target;
}
