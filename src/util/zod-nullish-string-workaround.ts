/**
 * WORKAROUND: `nullish(string())`, how the vendors' optional text fields are checked, runs three
 * nested schemas for each field (optional, nullable, string), and vendor answers have many such
 * fields in every listed item (BENCHMARKS.md has the figures). This is a schema class that does the
 * same check in one step: a string, null or absent passes unchanged; anything else is the same
 * issue (`invalid_type`, expected `string`), and the key is optional in the parent object.
 *
 * Built on zod core as zod documents for new schema kinds (https://zod.dev/packages/core), from
 * internals that a minor release may change: `$constructor`, `$ZodType.init`, zod/mini's
 * `ZodMiniType.init`, the `_zod.parse(payload)` contract (push issues onto `payload.issues`, return
 * the payload), and `_zod.optin`/`_zod.optout` set to `'optional'` for an optional key. Verified
 * with the version in {@link ZOD_NULLISH_STRING_VERIFIED}; `test/zod-schemas.test.ts` fails when
 * the installed zod differs, and holds this schema to `nullish(string())` on random input, alone
 * and in an object (same success, issues, output and keys).
 */
import { ZodMiniType } from 'zod/mini';
import type { ZodMiniNullable, ZodMiniOptional, ZodMiniString } from 'zod/mini';
import { $constructor, $ZodType } from 'zod/v4/core';
import type { ParsePayload } from 'zod/v4/core';

/** The zod version this workaround was verified against (read by its test). */
export const ZOD_NULLISH_STRING_VERIFIED = { zod: '4.6.7' } as const;

type Init = (inst: never, def: never) => void;

const ZodNullishString = $constructor('ZodMiniNullishString', (trait: object, def: never) => {
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
}) as unknown as new (def: object) => unknown;

/** `nullish(string())`, checked in one step. */
export const oneStepNullishString = (): ZodMiniOptional<ZodMiniNullable<ZodMiniString<string>>> =>
  new ZodNullishString({ type: 'custom' }) as ZodMiniOptional<ZodMiniNullable<ZodMiniString<string>>>;
