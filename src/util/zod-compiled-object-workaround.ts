/**
 * WORKAROUND: zod/mini's object schema checks an object's keys in a generic loop; classic zod's
 * compiles a checker for each object schema on its first parse (`$ZodObjectJIT`), but importing
 * classic zod would bring all of it. Vendor answers are checked on every call, a listing item
 * by item, and the loop was the largest part of checking them (BENCHMARKS.md has the figures).
 * So this builds zod/mini's object class on zod core's compiled object: the same class name and
 * traits as mini's own `object`, so it composes and prints like one. Compiling costs more than a
 * few checks in the loop, so each schema's first parse runs the loop (zod's documented
 * `jitless` parse option) and the second compiles: a process that makes one call never compiles.
 * Settings and inputs, checked once or rarely, use mini's own objects.
 *
 * zod documents its core for this use ("designed to be extended by other packages",
 * https://zod.dev/packages/core), but the parts used here are internals that a minor release may
 * change: `$constructor`, `$ZodObjectJIT.init`, zod/mini's `ZodMiniType.init`,
 * `util.installLazyProp` and `util.normalizeParams`, and the object definition
 * `{ type: 'object', shape }`. Verified with the version in {@link ZOD_COMPILED_OBJECT_VERIFIED};
 * `test/zod-schemas.test.ts` fails when the installed zod differs, and holds these objects to
 * zod/mini's own on random input (same success, issues and output). Where the runtime forbids
 * `new Function`, zod itself falls back to its loop.
 */
import { ZodMiniType } from 'zod/mini';
import type { object as miniObject } from 'zod/mini';
import { $constructor, $ZodObjectJIT, util } from 'zod/v4/core';
import type { ParseContext, ParsePayload } from 'zod/v4/core';

/** The zod version this workaround was verified against (read by its test). */
export const ZOD_COMPILED_OBJECT_VERIFIED = { zod: '4.6.7' } as const;

type Init = (inst: never, def: never) => void;

type Parse = (payload: ParsePayload, context?: ParseContext) => unknown;

const ZodCompiledObject = $constructor('ZodMiniObject', (inst: ZodMiniType & { _zod: { def: { shape: object } } }, def: never) => {
  ($ZodObjectJIT.init as Init)(inst as never, def);
  (ZodMiniType.init as Init)(inst as never, def);
  util.installLazyProp(inst, 'shape' as never, (self) => self._zod.def.shape as never, false);
  const internals = inst._zod as unknown as { parse: Parse };
  const parse = internals.parse;
  let parsed = false;
  internals.parse = (payload, context) => {
    if (parsed || context === undefined) return parse(payload, context);
    parsed = true;
    return parse(payload, { ...context, jitless: true });
  };
}) as unknown as new (def: object) => unknown;

/** zod/mini's `object` (unknown keys stripped), checked by zod's compiled checker. */
export const compiledObject = ((shape?: object, params?: string) =>
  new ZodCompiledObject({ type: 'object', shape: shape ?? {}, ...(util.normalizeParams(params) as object) })) as unknown as typeof miniObject;
