-- Fixed window (the talk's first script): at most `limit` spells in each window of `window` seconds.
-- The windows are fixed on the clock: each starts at a multiple of the window length since 1970.
-- (The talk keeps a plain counter, a string with INCR, whose TTL starts at the first spell. Here the
-- window's start is kept beside the count, so windows line up with the clock and tests can drive time.)
-- KEYS[1]  the counter, a hash: count = spells allowed so far, window = start of the window it counts (ms)
-- ARGV[1]  limit, spells per window             ARGV[2]  window length in seconds
-- ARGV[3]  now in ms: only tests pass it (to drive the time); the app leaves it out and the script
--          asks the server (TIME). A script sees one TIME for its whole run.
-- Returns  {1 allowed / 0 denied, count, ms left in the window, window start (ms), now (ms)}
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
if not (limit and limit >= 1 and limit <= 10000 and limit % 1 == 0) then
  return redis.error_reply('ERR limit must be a whole number from 1 to 10000, got ' .. tostring(ARGV[1]))
end
if not (window and window >= 0.1 and window <= 86400) then
  return redis.error_reply('ERR window must be from 0.1 to 86400 seconds, got ' .. tostring(ARGV[2]))
end
local now
if ARGV[3] and ARGV[3] ~= '' then
  now = tonumber(ARGV[3])
  if not (now and now >= 0 and now % 1 == 0) then
    return redis.error_reply('ERR now must be whole milliseconds, got ' .. ARGV[3])
  end
else
  local t = redis.call('TIME')              -- {seconds, microseconds}
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local window_ms = math.floor(window * 1000)
local start = now - now % window_ms
local left = start + window_ms - now

local h = redis.call('HMGET', KEYS[1], 'count', 'window')
local count = tonumber(h[1])
if not count or tonumber(h[2]) ~= start then
  -- no counter yet, or one left from an earlier window: start again at zero,
  -- and let the key disappear when this window ends (the talk's TTL)
  count = 0
  redis.call('HSET', KEYS[1], 'count', 0, 'window', start)
  redis.call('PEXPIRE', KEYS[1], left)
end
if count < limit then
  count = redis.call('HINCRBY', KEYS[1], 'count', 1)
  return {1, count, left, start, now}
end
return {0, count, left, start, now}
