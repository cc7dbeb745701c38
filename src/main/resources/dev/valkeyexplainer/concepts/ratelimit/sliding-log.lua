-- Sliding-window log (beyond the talk): at most `limit` spells in ANY `window` seconds.
-- KEYS[1]  the log, a sorted set: one member per allowed spell, scored by its time (ms)
-- ARGV[1]  limit   ARGV[2]  window length in seconds   ARGV[3]  the spell's id (unique)
-- ARGV[4]  now in ms: only tests pass it (to drive the time); otherwise the server's TIME
-- Returns  {1 allowed / 0 denied, spells in the window (this one included when allowed),
--           time of the oldest spell in the log (ms, or -1), now (ms)}
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
if not (limit and limit >= 1 and limit <= 10000 and limit % 1 == 0) then
  return redis.error_reply('ERR limit must be a whole number from 1 to 10000, got ' .. tostring(ARGV[1]))
end
if not (window and window >= 0.1 and window <= 86400) then
  return redis.error_reply('ERR window must be from 0.1 to 86400 seconds, got ' .. tostring(ARGV[2]))
end
if not ARGV[3] or ARGV[3] == '' then
  return redis.error_reply('ERR every spell needs an id (ARGV[3])')
end
local now
if ARGV[4] and ARGV[4] ~= '' then
  now = tonumber(ARGV[4])
  if not (now and now >= 0 and now % 1 == 0) then
    return redis.error_reply('ERR now must be whole milliseconds, got ' .. ARGV[4])
  end
else
  local t = redis.call('TIME')              -- {seconds, microseconds}
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local window_ms = math.floor(window * 1000)

-- forget the spells that have left the window (now - window, now]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window_ms)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window_ms) -- gone when its newest spell leaves the window
  count = count + 1
  allowed = 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {allowed, count, tonumber(oldest[2]) or -1, now}
