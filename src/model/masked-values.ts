/**
 * Comparing a value a vendor shows masked (`onca****@example.com`, `+86 139****1234`) with a full
 * one: the only comparison a masked value allows is whether its visible parts fit.
 */

/**
 * Whether a masked value could be `full`: its visible head and tail match (spaces ignored, so
 * `+86 139****1234` fits `+8613900001234`). An unmasked value must simply be equal.
 */
export function maskShows(masked: string, full: string): boolean {
  const shown = masked.replace(/\s/g, '');
  const value = full.replace(/\s/g, '');
  const parts = shown.split(/\*+/);
  if (parts.length === 1) return shown === value;
  const head = parts[0] ?? '';
  const tail = parts.at(-1) ?? '';
  return value.startsWith(head) && value.endsWith(tail) && value.length >= head.length + tail.length;
}
