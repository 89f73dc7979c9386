/**
 * The zod every schema here is built with: `zod/mini`, through its public entry points only, with
 * zod's English messages for the rules that have no message of their own. `zod/mini`'s functions
 * tree-shake, so the bundle carries only the schema kinds in use instead of all of zod.
 *
 * @remarks The published build bundles this copy of zod, so the locale set here is private to
 * it; schemas made with it still compose with the caller's own zod 4 (`z.object({ contact:
 * contactInputSchema })`), which shares the same core format.
 */
import { config, nullish, string } from 'zod/mini';
import type { ZodMiniNullable, ZodMiniOptional, ZodMiniString } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

/** A string, null or absent: how the vendors write their optional text fields (`nullish(string())`). */
export const nullishString = (): ZodMiniOptional<ZodMiniNullable<ZodMiniString<string>>> => nullish(string());

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
  object,
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
export type { infer, output, ZodMiniType } from 'zod/mini';
