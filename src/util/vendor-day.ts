/**
 * Days as a vendor counts them: its daily quotas reset at midnight in its own time zone, given as
 * minutes east of UTC. The one place that turns a moment into the vendor's day and its end.
 */

const DAY_MS = 86_400_000;

/** The vendor's day a moment falls in (`2026-03-01`), and when it ends (`2026-03-02T00:00:00+08:00`). */
export function vendorDay(nowMs: number, dayOffsetMinutes: number): { readonly day: string; readonly resetsAt: string } {
  const offsetMs = dayOffsetMinutes * 60_000;
  const index = Math.floor((nowMs + offsetMs) / DAY_MS);
  const sign = dayOffsetMinutes >= 0 ? '+' : '-';
  const minutes = Math.abs(dayOffsetMinutes);
  const zone = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { day: new Date(index * DAY_MS).toISOString().slice(0, 10), resetsAt: `${new Date((index + 1) * DAY_MS).toISOString().slice(0, 10)}T00:00:00${zone}` };
}
