/**
 * China Standard Time (UTC+8, no daylight saving): the clock Chinese vendors reset their daily
 * quotas by and write their dates in.
 */
import { vendorDay } from './vendor-day.js';

/** How far China Standard Time is ahead of UTC, in minutes: where the vendors' days begin. */
export const CHINA_OFFSET_MINUTES = 480;

/** How far China Standard Time is ahead of UTC. */
export const CHINA_OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000;

/**
 * The next 00:00 in China after `now`, when the daily quotas of Alibaba Cloud, Tencent Cloud and
 * Volcengine start over, written with its offset: `2026-03-02T00:00:00+08:00`.
 */
export function nextChinaMidnight(now: Date): string {
  return vendorDay(now.getTime(), CHINA_OFFSET_MINUTES).resetsAt;
}
