/**
 * Alibaba Cloud's dates: `2023-03-27 17:19:21`, China time (UTC+8) without a zone (UNCONFIRMED:
 * the vendor does not document the zone; its consoles show China time).
 */
import { CHINA_OFFSET_MS } from '../../src/china-time.js';

const CHINA_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * `2023-03-27 17:19:21` → `2023-03-27T17:19:21+08:00`; undefined for anything that is not such a date.
 */
export function fromChinaTime(text: string): string | undefined {
  const match = CHINA_TIME.exec(text.trim());
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2023-02-30 over to March: a date that does not survive the trip is not a date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}+08:00`;
}

/** A moment as the vendor writes it: `YYYY-MM-DD HH:mm:ss` in China time. */
export function toChinaTime(date: Date): string {
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
