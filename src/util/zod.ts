/**
 * The zod every schema here is built with: `zod/mini`, whose functions tree-shake (the bundle
 * carries only the schema kinds in use, about 20 KB gzipped, instead of the ~50 ms import of full zod),
 * with zod's English messages for the rules that have no message of their own.
 *
 * @remarks The published build bundles this copy of zod, so the locale set here is private to
 * it; schemas made with it still compose with the caller's own zod 4 (`z.object({ contact:
 * contactInputSchema })`), which shares the same core format.
 */
import { config, never as miniNever, unknown as miniUnknown, ZodMiniType } from 'zod/mini';
import type {
  looseObject as miniLooseObject,
  object as miniObject,
  strictObject as miniStrictObject,
  ZodMiniNullable,
  ZodMiniOptional,
  ZodMiniString,
} from 'zod/mini';
import { $constructor, $ZodObjectJIT, $ZodType, util } from 'zod/v4/core';
import type { ParsePayload } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

config(en());

/**
 * zod/mini's object schema, parsed by zod's compiled fast path: mini objects check their keys in a
 * generic loop, which was the largest part of checking a vendor's answer (a listing of 100
 * numbers spent ~1 µs a number in it). The same class name and traits as mini's own, so it
 * composes and prints like one; where the runtime forbids `new Function`, zod falls back to the loop.
 */
type Init = (inst: never, def: never) => void;
const ZodFastObject = $constructor('ZodMiniObject', (inst: ZodMiniType & { _zod: { def: { shape: object } } }, def: never) => {
  ($ZodObjectJIT.init as Init)(inst as never, def);
  (ZodMiniType.init as Init)(inst as never, def);
  util.installLazyProp(inst, 'shape' as never, (self) => self._zod.def.shape as never, false);
}) as unknown as new (def: object) => unknown;

const objectOf = (catchall: unknown) => (shape?: object, params?: string) =>
  new ZodFastObject({ type: 'object', shape: shape ?? {}, ...(catchall === undefined ? {} : { catchall }), ...(util.normalizeParams(params) as object) });

/** An object schema that strips unknown keys (zod/mini's `object`, compiled). */
export const object = objectOf(undefined) as unknown as typeof miniObject;
/** An object schema that refuses unknown keys (zod/mini's `strictObject`, compiled). */
export const strictObject = objectOf(miniNever()) as unknown as typeof miniStrictObject;
/** An object schema that keeps unknown keys (zod/mini's `looseObject`, compiled). */
export const looseObject = objectOf(miniUnknown()) as unknown as typeof miniLooseObject;

/**
 * A string, null or absent: how the vendors write their optional text fields. `nullish(string())`
 * checks each in three nested steps (optional, nullable, string); this takes one, about five times
 * faster over a listing of 100 numbers, with the same result and the same issue (`invalid_type`,
 * expected string) for anything else.
 */
const ZodNullishString = $constructor(
  'ZodMiniNullishString',
  (trait: object, def: never) => {
    const inst = trait as { _zod: { optin?: string; optout?: string; parse: (payload: ParsePayload) => ParsePayload } };
    ($ZodType.init as Init)(inst as never, def);
    (ZodMiniType.init as Init)(inst as never, def);
    inst._zod.optin = 'optional';
    inst._zod.optout = 'optional';
    inst._zod.parse = (payload: ParsePayload): ParsePayload => {
      const value = payload.value;
      if (value !== undefined && value !== null && typeof value !== 'string') payload.issues.push({ code: 'invalid_type', expected: 'string', input: value, inst: inst as never });
      return payload;
    };
  },
) as unknown as new (def: object) => unknown;

/** `nullish(string())`, checked in one step (see above). */
export const nullishString = (): ZodMiniOptional<ZodMiniNullable<ZodMiniString<string>>> =>
  new ZodNullishString({ type: 'custom' }) as ZodMiniOptional<ZodMiniNullable<ZodMiniString<string>>>;

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
  string,
  transform,
  trim,
  union,
  unknown,
  url,
} from 'zod/mini';
export type { infer, output, ZodMiniType } from 'zod/mini';
