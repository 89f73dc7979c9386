/**
 * Building objects whose optional properties may be absent, for the mappers that turn every item
 * of a vendor's listing into a neutral contact.
 */

/** The keys of `T` whose values may be undefined. */
type UndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** `T` with each property that may be undefined made optional instead (`exactOptionalPropertyTypes`). */
type DefinedOnly<T> = { [K in Exclude<keyof T, UndefinedKeys<T>>]: T[K] } & { [K in UndefinedKeys<T>]?: Exclude<T[K], undefined> };

/**
 * A copy of `record` without its undefined properties, the others in the same order.
 *
 * @remarks Why not the usual `...(x === undefined ? {} : { x })`: V8 copies each spread object
 * through a generic path, much slower per contact than this loop, and mapping was then most of
 * what a listing cost over the vendor's own client (BENCHMARKS.md, per-call overhead).
 */
export function definedOnly<T extends object>(record: T): DefinedOnly<T> {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out as DefinedOnly<T>;
}
