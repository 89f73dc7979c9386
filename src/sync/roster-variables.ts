/**
 * Webhook secrets a roster takes from the environment: `secret: { env: LARK_SECRET_ALICE }` in
 * place of the value, for the webhook URLs (which carry the bot's key), secrets and tokens. A
 * roster written by `cloud-contacts export` holds no secret: it names the variable each one must
 * come from.
 */

/** Where a roster reads variables from, and what an unset one is. */
export interface VariableSource {
  /** The variables (the CLI passes the process's environment). */
  readonly environment: Readonly<Record<string, string | undefined>>;
  /**
   * Unset variables read as placeholders (`https://unset.invalid/NAME`, `unset:NAME`) instead of
   * being problems: for reads that send nothing, such as `status`, which only needs to know that a
   * webhook is wanted.
   */
  readonly allowUnset: boolean;
}

/** The webhook fields that may come from a variable, by webhook kind. */
export const SECRET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  generic: ['url', 'token'],
  lark: ['url', 'secret'],
  dingtalk: ['url', 'secret'],
  wecom: ['url'],
};

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether a value is `{ env: … }`. */
export function isVariableRef(value: unknown): value is { env: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && 'env' in value;
}

/**
 * A copy of a `webhooks` object with each `{ env: NAME }` replaced by the variable's value;
 * `problem` is told of each bad reference and unset variable (at `path.kind.field`).
 */
export function resolveWebhookVariables(webhooks: unknown, path: string, source: VariableSource, problem: (path: string, message: string) => void): unknown {
  if (typeof webhooks !== 'object' || webhooks === null || Array.isArray(webhooks)) return webhooks;
  const out: Record<string, unknown> = {};
  for (const [kind, hook] of Object.entries(webhooks)) {
    if (typeof hook !== 'object' || hook === null || Array.isArray(hook)) {
      out[kind] = hook;
      continue;
    }
    const resolved: Record<string, unknown> = { ...hook };
    for (const [field, value] of Object.entries(hook)) {
      if (!isVariableRef(value)) continue;
      const where = `${path}.${kind}.${field}`;
      const name = typeof value.env === 'string' && VARIABLE_NAME.test(value.env) ? value.env : undefined;
      // A reference that cannot be read is one problem, said once: the placeholder keeps the
      // schema from saying it again as "must be a string".
      resolved[field] = placeholder(field, name ?? 'UNNAMED');
      if (!(SECRET_FIELDS[kind] ?? []).includes(field)) {
        problem(where, `cannot come from a variable (only ${Object.entries(SECRET_FIELDS).map(([k, fields]) => fields.map((f) => `${k}.${f}`).join(', ')).join(', ')} can)`);
      } else if (name === undefined) {
        problem(where, 'must be { env: NAME }, NAME an environment variable name (letters, digits and _)');
      } else {
        const given = source.environment[name];
        if (given !== undefined && given !== '') resolved[field] = given;
        else if (!source.allowUnset) problem(where, `comes from the environment variable ${name}, which is not set (set it, or write the value here)`);
      }
    }
    out[kind] = resolved;
  }
  return out;
}

/** What an unset variable reads as where that is allowed: a URL that cannot be reached, or a marked text. */
function placeholder(field: string, name: string): string {
  return field === 'url' ? `https://unset.invalid/${name}` : `unset:${name}`;
}
