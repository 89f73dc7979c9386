/**
 * The zod every schema here is built with: `zod/mini`, whose functions tree-shake (the bundle
 * carries only the schema kinds in use, about 17 KB, instead of the ~50 ms import of full zod),
 * with zod's English messages for the rules that have no message of their own.
 *
 * @remarks The published build bundles this copy of zod, so the locale set here is private to
 * it; schemas made with it still compose with the caller's own zod 4 (`z.object({ contact:
 * contactInputSchema })`), which shares the same core format.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

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
