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

/** Whether a value is shown masked. */
export function isMasked(value: string): boolean {
  return /\*{2,}/.test(value);
}

/**
 * What is wrong with a masked email or phone number written in a roster (the value a vendor shows
 * in place of one it never returns in full), or undefined when it is shaped as a mask of one:
 * `alic****@example.com`, `+86 139****1234`.
 */
export function maskProblem(field: 'email' | 'phone', value: string): string | undefined {
  if (field === 'email') {
    return /^[^\s@]*\*{2,}[^\s@]*@[^\s@*]+\.[^\s@*]+$/.test(value.trim()) ? undefined : 'is masked, but not as an email address is (alic****@example.com)';
  }
  return /^\+\d{1,4}[\d\s-]*\*{2,}[\d\s-]*\d$/.test(value.trim()) ? undefined : 'is masked, but not as a phone number is (+86 139****1234)';
}
