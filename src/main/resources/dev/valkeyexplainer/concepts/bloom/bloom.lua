#!lua
-- A glass-box Bloom filter over Valkey bitmaps (the Valkey Explainer's Bloom tab). The shebang line
-- makes the server refuse a whole call up front when it is out of memory, so a call never half-writes.
--
-- KEYS[1]      the filter's description, a hash: mode, filters, and per sub-filter i the fields
--              m:i (bits), k:i (hash functions), n:i (items added), cap:i (capacity, 0 = none), err:i
-- KEYS[2 ...]  the bitmaps of sub-filters 0, 1, ... (one plain Valkey string each, SETBIT/GETBIT)
-- ARGV[1]      the operation: reserve | add | test | addn | testn; the rest depends on it.
--
-- The k bit positions of an item come from one 128-bit MurmurHash3 (x64_128, seed 0) of its bytes,
-- by double hashing: position i = (h1 + i * h2) mod m, i = 0 .. k-1 (Kirsch and Mitzenmacher, 2006).
-- The app computes the same positions in Java (Apache Commons Codec) and its tests check both agree.
-- valkey-bloom uses two SipHash-1-3 hashes with the same double-hashing idea.
--
-- Lua 5.1 has only doubles (exact up to 2^53) and the 32-bit 'bit' library, so a 64-bit word is a
-- pair (hi, lo) of unsigned 32-bit halves, and a 32 x 32 bit product is built from 16-bit pieces.

local band, bor, bxor, lshift, rshift = bit.band, bit.bor, bit.bxor, bit.lshift, bit.rshift
local floor = math.floor
local T32 = 4294967296
local T16 = 65536
local MAX_BITS = 16777216        -- 2^24 bits (2 MiB) per sub-filter: the tab's bound
local MAX_K = 32

local function u32(x) return x % T32 end   -- the bit library answers signed; make it unsigned

-- the low 32 bits of a * b (a, b < 2^32)
local function mullo(a, b)
  local a1, a0 = floor(a / T16), a % T16
  return ((a1 * b) % T16 * T16 + a0 * b) % T32
end

-- (ah, al) * (bh, bl) mod 2^64
local function mul64(ah, al, bh, bl)
  local a1, a0 = floor(al / T16), al % T16
  local b1, b0 = floor(bl / T16), bl % T16
  local mid = a1 * b0 + a0 * b1
  local lo = a0 * b0 + (mid % T16) * T16
  local hi = a1 * b1 + floor(mid / T16) + floor(lo / T32)
  return (hi + mullo(ah, bl) + mullo(al, bh)) % T32, lo % T32
end

local function add64(ah, al, bh, bl)
  local lo = al + bl
  return (ah + bh + floor(lo / T32)) % T32, lo % T32
end

local function rotl64(h, l, r)
  if r >= 32 then h, l = l, h; r = r - 32 end
  if r == 0 then return h, l end
  return u32(bor(lshift(h, r), rshift(l, 32 - r))), u32(bor(lshift(l, r), rshift(h, 32 - r)))
end

local function fmix64(h, l)
  l = u32(bxor(l, rshift(h, 1)))                 -- k ^= k >> 33
  h, l = mul64(h, l, 0xff51afd7, 0xed558ccd)
  l = u32(bxor(l, rshift(h, 1)))
  h, l = mul64(h, l, 0xc4ceb9fe, 0x1a85ec53)
  l = u32(bxor(l, rshift(h, 1)))
  return h, l
end

local C1H, C1L = 0x87c37b91, 0x114253d5
local C2H, C2L = 0x4cf5ad43, 0x2745937f

-- little-endian 32-bit word of s at byte i (1-based); bytes past the end read as 0
local function word(s, i)
  local b0, b1, b2, b3 = s:byte(i, i + 3)
  return (b0 or 0) + (b1 or 0) * 256 + (b2 or 0) * 65536 + (b3 or 0) * 16777216
end

-- MurmurHash3_x64_128(s, seed 0): h1 and h2 as (hi, lo) pairs
local function murmur(s)
  local len = #s
  local nblocks = floor(len / 16)
  local h1h, h1l, h2h, h2l = 0, 0, 0, 0
  for b = 0, nblocks - 1 do
    local i = b * 16 + 1
    local k1h, k1l = word(s, i + 4), word(s, i)
    local k2h, k2l = word(s, i + 12), word(s, i + 8)
    k1h, k1l = mul64(k1h, k1l, C1H, C1L); k1h, k1l = rotl64(k1h, k1l, 31); k1h, k1l = mul64(k1h, k1l, C2H, C2L)
    h1h, h1l = u32(bxor(h1h, k1h)), u32(bxor(h1l, k1l))
    h1h, h1l = rotl64(h1h, h1l, 27); h1h, h1l = add64(h1h, h1l, h2h, h2l)
    h1h, h1l = mul64(h1h, h1l, 0, 5); h1h, h1l = add64(h1h, h1l, 0, 0x52dce729)
    k2h, k2l = mul64(k2h, k2l, C2H, C2L); k2h, k2l = rotl64(k2h, k2l, 33); k2h, k2l = mul64(k2h, k2l, C1H, C1L)
    h2h, h2l = u32(bxor(h2h, k2h)), u32(bxor(h2l, k2l))
    h2h, h2l = rotl64(h2h, h2l, 31); h2h, h2l = add64(h2h, h2l, h1h, h1l)
    h2h, h2l = mul64(h2h, h2l, 0, 5); h2h, h2l = add64(h2h, h2l, 0, 0x38495ab5)
  end
  local tail = nblocks * 16 + 1
  local rest = len % 16
  if rest > 8 then
    local k2h, k2l = word(s, tail + 12), word(s, tail + 8)
    k2h, k2l = mul64(k2h, k2l, C2H, C2L); k2h, k2l = rotl64(k2h, k2l, 33); k2h, k2l = mul64(k2h, k2l, C1H, C1L)
    h2h, h2l = u32(bxor(h2h, k2h)), u32(bxor(h2l, k2l))
  end
  if rest > 0 then
    local k1h, k1l = word(s, tail + 4), word(s, tail)
    k1h, k1l = mul64(k1h, k1l, C1H, C1L); k1h, k1l = rotl64(k1h, k1l, 31); k1h, k1l = mul64(k1h, k1l, C2H, C2L)
    h1h, h1l = u32(bxor(h1h, k1h)), u32(bxor(h1l, k1l))
  end
  h1l = u32(bxor(h1l, len % T32)); h1h = u32(bxor(h1h, floor(len / T32)))
  h2l = u32(bxor(h2l, len % T32)); h2h = u32(bxor(h2h, floor(len / T32)))
  h1h, h1l = add64(h1h, h1l, h2h, h2l)
  h2h, h2l = add64(h2h, h2l, h1h, h1l)
  h1h, h1l = fmix64(h1h, h1l)
  h2h, h2l = fmix64(h2h, h2l)
  h1h, h1l = add64(h1h, h1l, h2h, h2l)
  h2h, h2l = add64(h2h, h2l, h1h, h1l)
  return h1h, h1l, h2h, h2l
end

-- the k positions in m bits of an item hashed to (h1, h2): (h1 mod m + i * (h2 mod m)) mod m,
-- which equals (h1 + i * h2) mod m and stays exact in doubles because m <= 2^24
local function positions(h, m, k)
  local t = T32 % m
  local a = ((h[1] % m) * t + h[2] % m) % m
  local d = ((h[3] % m) * t + h[4] % m) % m
  local p = {}
  for i = 0, k - 1 do p[i + 1] = (a + i * d) % m end
  return p
end

local meta = KEYS[1]
local op = ARGV[1]

-- valkey-bloom's sizing (the 'bloomfilter' crate): whole bytes of n * ln(p) / (-8 ln(2)^2), and
-- k = ceil(m / n * ln 2). A tighter error rate means more bits per item and about one more hash.
local LN2 = math.log(2)
local function sized(cap, err)
  local bytes = math.ceil(cap * math.log(err) / (-8.0 * (LN2 * LN2)))
  local m = bytes * 8
  local k = math.max(1, math.ceil(m / cap * LN2))
  return m, k
end

local function fmt(x) return string.format('%.17g', x) end

if op == 'reserve' then
  -- reserve fixed m k | reserve scaling capacity error expansion tightening
  local mode = ARGV[2]
  local m, k, cap, err = 0, 0, 0, 0
  if mode == 'fixed' then
    m, k = tonumber(ARGV[3]), tonumber(ARGV[4])
  elseif mode == 'scaling' then
    cap, err = tonumber(ARGV[3]), tonumber(ARGV[4])
    local exp, tight = tonumber(ARGV[5]), tonumber(ARGV[6])
    if not cap or cap < 1 or cap ~= floor(cap) then return redis.error_reply('ERR bad capacity') end
    if not err or err <= 0 or err >= 1 then return redis.error_reply('ERR (0 < error rate range < 1)') end
    if not exp or exp < 1 or exp ~= floor(exp) then return redis.error_reply('ERR bad expansion') end
    if not tight or tight <= 0 or tight >= 1 then return redis.error_reply('ERR (0 < tightening ratio range < 1)') end
    m, k = sized(cap, err)
  else
    return redis.error_reply('ERR unknown mode ' .. tostring(mode))
  end
  if not m or m < 1 or m ~= floor(m) or m > MAX_BITS then
    return redis.error_reply('ERR bits must be a whole number from 1 to ' .. MAX_BITS .. ', not ' .. tostring(m))
  end
  if not k or k < 1 or k ~= floor(k) or k > MAX_K then
    return redis.error_reply('ERR hash functions must be a whole number from 1 to ' .. MAX_K .. ', not ' .. tostring(k))
  end
  for i = 1, #KEYS do redis.call('DEL', KEYS[i]) end
  redis.call('HSET', meta, 'mode', mode, 'filters', 1, 'expansion', ARGV[5] or 0, 'tightening', ARGV[6] or 0,
    'm:0', m, 'k:0', k, 'n:0', 0, 'cap:0', cap, 'err:0', fmt(err))
  redis.call('SETBIT', KEYS[2], m - 1, 0)   -- the whole bit array exists from the start, as in a real filter
  return {m, k}
end

if redis.call('EXISTS', meta) == 0 then return redis.error_reply('ERR not found: create the filter first') end
local h = redis.call('HGETALL', meta)
local f = {}
for i = 1, #h, 2 do f[h[i]] = h[i + 1] end
local filters = tonumber(f.filters)
local scaling = f.mode == 'scaling'
if #KEYS < filters + 1 then return redis.error_reply('ERR the script needs the key of every sub-filter') end
local sub = {}
for i = 0, filters - 1 do
  sub[i] = {m = tonumber(f['m:' .. i]), k = tonumber(f['k:' .. i]), n = tonumber(f['n:' .. i]),
            cap = tonumber(f['cap:' .. i]), err = tonumber(f['err:' .. i]), added = 0}
end

-- One BITFIELD reads (GET) or sets (SET ... 1) all k bits of an item and answers the previous bits:
-- bit p of a BITFIELD u1 is bit p of GETBIT / SETBIT (the most significant bit of byte 0 is bit 0).
local function bitfield(i, p, verb)
  local args = {KEYS[i + 2]}
  for j = 1, #p do
    args[#args + 1] = verb; args[#args + 1] = 'u1'; args[#args + 1] = p[j]
    if verb == 'SET' then args[#args + 1] = 1 end
  end
  return redis.call('BITFIELD', unpack(args))
end

local function allset(bits)
  for j = 1, #bits do if bits[j] == 0 then return 0 end end
  return 1
end

-- a new sub-filter after the newest, as valkey-bloom scales: capacity x expansion, error x tightening
local function grow()
  local last = sub[filters - 1]
  local cap = last.cap * tonumber(f.expansion)
  local err = tonumber(f['err:0']) * tonumber(f.tightening) ^ filters
  local m, k = sized(cap, err)
  sub[filters] = {m = m, k = k, n = 0, cap = cap, err = err, added = 0}
  redis.call('HSET', meta, 'filters', filters + 1, 'm:' .. filters, m, 'k:' .. filters, k, 'n:' .. filters, 0,
    'cap:' .. filters, cap, 'err:' .. filters, fmt(err))
  redis.call('SETBIT', KEYS[filters + 2], m - 1, 0)
  filters = filters + 1
end

-- before any write: refuse a batch that could not fit (as valkey-bloom's validate_add_items does)
local function check_room(count)
  if not scaling then return nil end
  local last = sub[filters - 1]
  local room = last.cap - last.n
  local cap, n = last.cap, filters
  while room < count do
    if n + 2 > #KEYS then
      return 'ERR bloom object reached max number of filters (' .. (#KEYS - 1) .. ' sub-filters in this tab)'
    end
    cap = cap * tonumber(f.expansion)
    local m = sized(cap, tonumber(f['err:0']) * tonumber(f.tightening) ^ n)
    if m > MAX_BITS then
      return 'ERR the next sub-filter would need ' .. m .. ' bits, above the tab\'s bound of ' .. MAX_BITS
    end
    room = room + cap
    n = n + 1
  end
  return nil
end

-- Adds one item, as BF.ADD does: 0 when all its bits are already set in some sub-filter ("maybe
-- there": nothing changes), else 1 after setting its bits in the newest sub-filter (a new one when
-- the newest is full). Answers the sub-filter, the positions and the bits before.
local function add(s)
  local hh = {murmur(s)}
  for i = 0, filters - 2 do
    local p = positions(hh, sub[i].m, sub[i].k)
    local bits = bitfield(i, p, 'GET')
    if allset(bits) == 1 then return 0, i, p, bits end
  end
  local i = filters - 1
  local p = positions(hh, sub[i].m, sub[i].k)
  if scaling and sub[i].n >= sub[i].cap then
    local bits = bitfield(i, p, 'GET')
    if allset(bits) == 1 then return 0, i, p, bits end
    grow()
    i = filters - 1
    p = positions(hh, sub[i].m, sub[i].k)
  end
  local prev = bitfield(i, p, 'SET')   -- setting bits that are already 1 changes nothing
  if allset(prev) == 1 then return 0, i, p, prev end
  sub[i].n = sub[i].n + 1
  sub[i].added = sub[i].added + 1
  return 1, i, p, prev
end

-- "maybe there" (1) when all bits are set in any sub-filter; the positions and bits of each
local function test(s, detail)
  local hh = {murmur(s)}
  local answer, per = 0, {}
  for i = 0, filters - 1 do
    local p = positions(hh, sub[i].m, sub[i].k)
    local bits = bitfield(i, p, 'GET')
    if allset(bits) == 1 then
      answer = 1
      if not detail then return 1 end
    end
    per[i + 1] = {p, bits}
  end
  return answer, per
end

-- the item counts change once per call, after the bits
local function save_counts()
  for i = 0, filters - 1 do
    if sub[i].added > 0 then redis.call('HINCRBY', meta, 'n:' .. i, sub[i].added) end
  end
end

local items = #ARGV - 1
if op == 'add' then
  local err = check_room(items)
  if err then return redis.error_reply(err) end
  local out = {}
  for a = 2, #ARGV do
    local added, i, p, prev = add(ARGV[a])
    out[a - 1] = {added, i, p, prev}
  end
  save_counts()
  return out
elseif op == 'test' then
  local out = {}
  for a = 2, #ARGV do
    local answer, per = test(ARGV[a], true)
    out[a - 1] = {answer, per}
  end
  return out
elseif op == 'addn' then
  local err = check_room(items)
  if err then return redis.error_reply(err) end
  local added = 0
  for a = 2, #ARGV do added = added + add(ARGV[a]) end
  save_counts()
  return {added, items - added, filters}
elseif op == 'testn' then
  local yes = 0
  for a = 2, #ARGV do yes = yes + test(ARGV[a], false) end
  return yes
end
return redis.error_reply('ERR unknown operation ' .. tostring(op))
