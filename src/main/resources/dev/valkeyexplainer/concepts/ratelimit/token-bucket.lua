-- Token bucket (the talk's second script, with arguments instead of globals).
-- KEYS[1]  the bucket, a hash: tokens (may have a fraction), last_update (ms)
-- ARGV[1]  capacity (tokens)   ARGV[2]  refill rate (tokens per second)   ARGV[3]  cost of this spell
-- ARGV[4]  now in ms: only tests pass it (to drive the time); otherwise the server's TIME
-- Returns  {1 allowed / 0 denied, tokens x 1000 (rounded down), tokens as a plain Lua number,
--           now (ms), the TTL it set (s)}. A Lua number comes back as an integer, cut towards
--           zero: 2.75 tokens arrive as 2, so the script also sends them x 1000 (2750).
local capacity, rate, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if not (capacity and capacity >= 1 and capacity <= 1000000 and capacity % 1 == 0) then
  return redis.error_reply('ERR capacity must be a whole number of tokens from 1 to 1000000, got ' .. tostring(ARGV[1]))
end
if not (rate and rate >= 0.001 and rate <= 1000000) then
  return redis.error_reply('ERR refill rate must be from 0.001 to 1000000 tokens per second, got ' .. tostring(ARGV[2]))
end
if not (cost and cost >= 1 and cost % 1 == 0) then
  return redis.error_reply('ERR cost must be a whole number of tokens, at least 1, got ' .. tostring(ARGV[3]))
end
if cost > capacity then
  return redis.error_reply('ERR cost ' .. ARGV[3] .. ' is more than the capacity ' .. ARGV[1] .. ': this spell could never be cast')
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

local h = redis.call('HMGET', KEYS[1], 'tokens', 'last_update')
local tokens, last = tonumber(h[1]), tonumber(h[2])
if not tokens or not last then
  tokens, last = capacity, now              -- a new (or expired) bucket starts full
end
-- 1. refill: tokens accrue with the time since the last update, up to the capacity
if now > last then
  tokens = math.min(capacity, tokens + (now - last) * rate / 1000)
  last = now
end
tokens = math.min(tokens, capacity)         -- the capacity may have been lowered since
-- 2. the spell is allowed when the bucket holds enough tokens for it
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
-- 3. store, and let an idle bucket expire when it would be full again anyway
redis.call('HSET', KEYS[1], 'tokens', tokens, 'last_update', last)
local ttl = math.ceil(capacity / rate)
redis.call('EXPIRE', KEYS[1], ttl)
return {allowed, math.floor(tokens * 1000), tokens, now, ttl}
