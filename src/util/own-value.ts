/**
 * Looking up names that come from outside (a vendor's error code, a parameter it names, a fault a
 * test asks for) in a table written here.
 */

/**
 * `record[key]` when `key` is one of the record's own properties, else undefined: a name such as
 * `constructor`, `toString` or `__proto__` finds nothing instead of what `Object.prototype` holds.
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
