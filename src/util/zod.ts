/**
 * The zod every schema here is built with: `zod/mini`, with zod's English messages for the rules
 * that have no message of their own. `zod/mini`'s functions tree-shake, so the bundle carries only
 * the schema kinds in use instead of all of zod. The two kinds vendor answers are built with are
 * faster than mini's own: `object` (see `zod-compiled-object-workaround.ts`) and `nullishString`
 * (see `zod-nullish-string-workaround.ts`).
 *
 * @remarks The published build bundles this copy of zod, so the locale set here is private to
 * it; schemas made with it still compose with the caller's own zod 4 (`z.object({ contact:
 * contactInputSchema })`), which shares the same core format.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { compiledObject } from './zod-compiled-object-workaround.js';
import { oneStepNullishString } from './zod-nullish-string-workaround.js';

config(en());

/** An object schema that strips unknown keys, for vendor answers: zod/mini's `object`, compiled. */
export const object = compiledObject;

/** A string, null or absent: how the vendors write their optional text fields; `nullish(string())` in one step. */
export const nullishString = oneStepNullishString;

// The schema kinds and checks in use, by name (a namespace re-export would keep all of zod).
export {
  _default,
  array,
  boolean,
  custom,
  email,
  enum,
  extend,
  int,
  lazy,
  literal,
  looseObject,
  maxLength,
  maximum,
  minLength,
  minimum,
  NEVER,
  never,
  nullable,
  nullish,
  number,
  optional,
  pipe,
  positive,
  record,
  refine,
  regex,
  strictObject,
  string,
  transform,
  trim,
  union,
  unknown,
  url,
} from 'zod/mini';
export type { infer, output, ZodMiniLazy, ZodMiniObject, ZodMiniType } from 'zod/mini';
import { strictObject } from 'zod/mini';
import type { output, ZodMiniObject, ZodMiniType } from 'zod/mini';

/**
 * An object schema's fields as builders, one per key: settings, call options and filters are
 * declared this way, and a key's checks are built when a schema with that key is (on first use,
 * for the keys given), never when a module is imported.
 */
export type FieldBuilders = Readonly<Record<string, () => ZodMiniType>>;

/** The shape `fields` build: each key's schema. */
export type BuiltShape<F extends FieldBuilders> = { -readonly [K in keyof F]: ReturnType<F[K]> };

/** Builds the schemas of `fields` (of the `names` among them, when given): a shape for `strictObject`. */
export function buildShape<F extends FieldBuilders>(fields: F, names: readonly string[] = Object.keys(fields)): BuiltShape<F> {
  return Object.fromEntries(names.map((name) => [name, fields[name]!()])) as BuiltShape<F>;
}

const strictObjects = new WeakMap<FieldBuilders, Map<string, ZodMiniType>>();

/**
 * The strict object of `fields` (of the `names` among them, when given), built on first use and
 * then kept, one per set of names: unknown keys are its issues.
 */
export function strictObjectOf<F extends FieldBuilders>(fields: F, names: readonly string[] = Object.keys(fields)): ZodMiniType<output<ZodMiniObject<BuiltShape<F>>>, unknown> {
  let byNames = strictObjects.get(fields);
  if (byNames === undefined) strictObjects.set(fields, (byNames = new Map()));
  const signature = names.join();
  let schema = byNames.get(signature);
  if (schema === undefined) byNames.set(signature, (schema = strictObject(buildShape(fields, names))));
  return schema as ZodMiniType<output<ZodMiniObject<BuiltShape<F>>>, unknown>;
}
