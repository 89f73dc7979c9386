/**
 * China Standard Time (UTC+8, no daylight saving): the clock Chinese vendors reset their daily
 * quotas by and write their dates in.
 */

/** How far China Standard Time is ahead of UTC. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;

/**
 * The next 00:00 in China after `now`, when the daily quotas of Alibaba Cloud, Tencent Cloud and
 * Volcengine start over, written with its offset: `2026-03-02T00:00:00+08:00`.
 */
export function nextChinaMidnight(now: Date): string {
  const chinaDay = Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS);
  return `${new Date((chinaDay + 1) * DAY_MS).toISOString().slice(0, 10)}T00:00:00+08:00`;
}
