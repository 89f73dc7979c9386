/**
 * The Lua scripts the Redis limiter and quota store run: each one atomic, on Redis' own clock
 * (`TIME`), touching only the key it is given, and leaving that key with an expiry.
 */
import { createHash } from 'node:crypto';

/** A script and the SHA-1 Redis knows it by. */
export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

function script(source: string): RedisScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

const NOW = `
local function now_ms(given)
  if given ~= nil and given ~= '' then return tonumber(given) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/**
 * Reserves the next slot of an action's schedule: slots are `ARGV[1]` ms apart, counted on
 * Redis' clock, whichever process asks. Returns how long to wait for the slot, in ms (a string,
 * to keep the fractions). The key holds when the next slot is free, and expires once it has passed.
 */
export const RESERVE_SLOT = script(`${NOW}
local now = now_ms(ARGV[2])
local interval = tonumber(ARGV[1])
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(next_free, now)
local after = slot + interval
redis.call('SET', KEYS[1], string.format('%.3f', after), 'PX', math.ceil(after - now) + 1000)
return string.format('%.3f', slot - now)
`);

/**
 * Takes one unit of a daily quota: `ARGV[1]` the limit, `ARGV[2]` the vendor's day offset in ms.
 * The key is a hash of the current day and the units used; a new day starts from zero. Returns
 * `{ granted (1 or 0), the day's end in ms }`; the key expires a day after the day ends.
 */
export const RESERVE_UNIT = script(`${NOW}
local now = now_ms(ARGV[3])
local limit = tonumber(ARGV[1])
local offset = tonumber(ARGV[2])
local day = math.floor((now + offset) / 86400000)
local day_end = (day + 1) * 86400000 - offset
local stored = redis.call('HMGET', KEYS[1], 'day', 'used')
local used = 0
if tonumber(stored[1]) == day then used = tonumber(stored[2]) or 0 end
if used >= limit then return { 0, tostring(day_end) } end
redis.call('HSET', KEYS[1], 'day', day, 'used', used + 1)
redis.call('PEXPIRE', KEYS[1], math.ceil(day_end + 86400000 - now))
return { 1, tostring(day_end) }
`);

/** Gives back a unit taken today (`ARGV[1]` the day offset), if any are counted. */
export const RELEASE_UNIT = script(`${NOW}
local now = now_ms(ARGV[2])
local day = math.floor((now + tonumber(ARGV[1])) / 86400000)
local stored = redis.call('HMGET', KEYS[1], 'day', 'used')
if tonumber(stored[1]) == day and (tonumber(stored[2]) or 0) > 0 then redis.call('HINCRBY', KEYS[1], 'used', -1) end
return 1
`);

/** Marks today's units used up (`ARGV[1]` the limit, `ARGV[2]` the day offset). */
export const EXHAUST = script(`${NOW}
local now = now_ms(ARGV[3])
local offset = tonumber(ARGV[2])
local day = math.floor((now + offset) / 86400000)
redis.call('HSET', KEYS[1], 'day', day, 'used', tonumber(ARGV[1]))
redis.call('PEXPIRE', KEYS[1], math.ceil((day + 2) * 86400000 - offset - now))
return 1
`);
