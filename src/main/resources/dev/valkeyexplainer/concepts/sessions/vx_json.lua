#!lua name=vx_json
-- A stand-in for the valkey-json module, for servers that do not have it (plain Valkey has Lua,
-- cjson and Functions, not JSON.*). It keeps each document as a plain string and implements exactly
-- what the Sessions tab uses, atomically on the server:
--   vx_json_set       key path json [NX|XX]   like JSON.SET
--   vx_json_get       key [path]              like JSON.GET with at most one path
--   vx_json_arrappend key path json...        like JSON.ARRAPPEND
--   vx_json_numincrby key path number         like JSON.NUMINCRBY
-- Paths follow valkey-json exactly: src/json/selector.cc (valkey-io/valkey-json) is ported below for
-- reading and for JSON.SET, including its order of results, its errors and their messages
-- (src/json/util.cc). A path starting with $ is JSONPath and returns an array of every match; any
-- other path is the restricted (legacy) syntax and returns one value.
-- What differs: the document is parsed from the string on every call (valkey-json keeps a parsed
-- tree); integers are exact up to 2^53 (valkey-json: 64 bits); a document is at most
-- ${MAX_DOCUMENT_BYTES} bytes of JSON text (this app's bound; valkey-json's json.max-document-size
-- is unlimited by default). cjson is used to decode escaped strings.

local MAX_DOC = ${MAX_DOCUMENT_BYTES}
local MAX_NESTING = 128          -- json.max-path-limit
local MAX_RECURSION = 200        -- json.max-parser-recursion-depth
local MAX_RD_TOKENS = 20         -- json.max-recursive-descent-tokens
local MAX_QUERY = 128 * 1024     -- json.max-query-string-size

local E = {
  PARSE = 'SYNTAXERR Failed to parse JSON string due to syntax error',
  PATH = 'SYNTAXERR Invalid JSON path',
  MEMBER = 'SYNTAXERR Invalid object member name',
  NUMBER = 'SYNTAXERR Invalid number',
  IDENT = 'SYNTAXERR Invalid identifier',
  DOTS = 'SYNTAXERR Invalid dot sequence',
  EMPTY = 'SYNTAXERR Expression token cannot be empty',
  INDEX_NAN = 'SYNTAXERR Array index is not a number',
  STEP0 = 'SYNTAXERR Step in the slice cannot be zero',
  WILDCARD = 'ERR Invalid use of wildcard',
  NOPATH = 'NONEXISTENT JSON path does not exist',
  NODOC = 'NONEXISTENT Document key does not exist',
  NOTDOC = 'WRONGTYPE Not a JSON document key',
  NOTNUM = 'WRONGTYPE JSON element is not a number',
  NOTOBJ = 'WRONGTYPE JSON element is not an object',
  NOTARR = 'WRONGTYPE JSON element is not an array',
  VALNOTNUM = 'WRONGTYPE Value is not a number',
  OVERFLOW = 'OVERFLOW Addition would overflow',
  BOUNDS = 'OUTOFBOUNDARIES Array index is out of bounds',
  SIZE = 'LIMIT Document size limit is exceeded',
  NESTING = 'LIMIT Document path nesting limit is exceeded',
  RECURSION = 'LIMIT Parser recursion depth is exceeded',
  RDTOKENS = 'LIMIT Total number of recursive descent tokens in the query string exceeds the limit',
  QUERY = 'LIMIT Query string size limit is exceeded',
  INSERT = 'ERROR Cannot insert a member into a non-object value',
  DOLLAR = 'SYNTAXERR Dollar sign cannot apply to non-root element',
  NEWKEY = "SYNTAXERR A new Valkey key's path must be root",
  CMD = 'SYNTAXERR Command syntax error',
}
-- the errors that end a whole search (Selector::isSyntaxError); others end one branch only
local SYNTAX = {[E.PATH] = true, [E.MEMBER] = true, [E.NUMBER] = true, [E.IDENT] = true, [E.EMPTY] = true,
  [E.INDEX_NAN] = true, [E.STEP0] = true, [E.RECURSION] = true, [E.RDTOKENS] = true, [E.QUERY] = true}

-- At load time a library may touch nothing but `redis` (no string, table, math): the code is
-- therefore built on the first call, and kept for the next ones.
local function define()
  local byte, sub, find, format = string.byte, string.sub, string.find, string.format

  -- ------------------------------------------------------------------ values
  -- object {t='o', keys={...}, map={}}, array {t='a', items={}}, string {t='s', v}, number
  -- {t='n', v, raw, int} (raw: the text as written, as valkey-json keeps it), bool {t='b', v}, null {t='z'}

  local function copy(v)
    if v.t == 'o' then
      local o = {t = 'o', keys = {}, map = {}}
      for i, k in ipairs(v.keys) do o.keys[i] = k; o.map[k] = copy(v.map[k]) end
      return o
    elseif v.t == 'a' then
      local a = {t = 'a', items = {}}
      for i, x in ipairs(v.items) do a.items[i] = copy(x) end
      return a
    end
    local c = {}
    for k, x in pairs(v) do c[k] = x end
    return c
  end

  local function nesting(v)
    local m = 0
    if v.t == 'o' then
      for _, k in ipairs(v.keys) do local d = nesting(v.map[k]); if d > m then m = d end end
      return m + 1
    elseif v.t == 'a' then
      for _, x in ipairs(v.items) do local d = nesting(x); if d > m then m = d end end
      return m + 1
    end
    return 0
  end

  -- ------------------------------------------------------------------ parsing JSON (strict, as RapidJSON)
  local function fail(code) error({code = code or E.PARSE}, 0) end

  local ESCAPES = {['"'] = true, ['\\'] = true, ['/'] = true, b = true, f = true, n = true, r = true, t = true, u = true}

  local function parse(text)
    local pos, len, depth = 1, #text, 0
    local value
    local function ws() pos = find(text, '[^ \t\r\n]', pos) or len + 1 end
    local function str()
      local i, esc = pos + 1, false
      while true do
        i = find(text, '[%z\1-\31"\\]', i)   -- jump to the next quote, backslash or control character
        local c = i and byte(text, i)
        if c == nil or c < 32 then fail() end
        if c == 34 then break end
        if c == 92 then
          local e = sub(text, i + 1, i + 1)
          if not ESCAPES[e] then fail() end
          if e == 'u' and not find(sub(text, i + 2, i + 5), '^%x%x%x%x$') then fail() end
          esc = true
          i = i + 2
        else
          i = i + 1
        end
      end
      local start = pos
      pos = i + 1
      if not esc then return sub(text, start + 1, i - 1) end
      local ok, s = pcall(cjson.decode, sub(text, start, i))
      if not ok or type(s) ~= 'string' then fail() end
      return s
    end
    local function num()
      local s = pos
      if byte(text, pos) == 45 then pos = pos + 1 end
      local c = byte(text, pos)
      if c == 48 then pos = pos + 1
      elseif c and c >= 49 and c <= 57 then pos = find(text, '[^0-9]', pos) or len + 1
      else fail() end
      local int = true
      if byte(text, pos) == 46 then
        int = false
        local e = find(text, '[^0-9]', pos + 1) or len + 1
        if e == pos + 1 then fail() end
        pos = e
      end
      c = byte(text, pos)
      if c == 101 or c == 69 then
        int = false
        pos = pos + 1
        c = byte(text, pos)
        if c == 43 or c == 45 then pos = pos + 1 end
        local e = find(text, '[^0-9]', pos) or len + 1
        if e == pos then fail() end
        pos = e
      end
      local raw = sub(text, s, pos - 1)
      local v = tonumber(raw)
      if v == nil or v == math.huge or v == -math.huge then fail() end
      if raw == '-0' then raw = '0' end
      return {t = 'n', v = v, raw = raw, int = int}
    end
    value = function()
      ws()
      local c = sub(text, pos, pos)
      if c == '{' then
        depth = depth + 1
        if depth > MAX_NESTING then fail(E.NESTING) end
        pos = pos + 1
        local o = {t = 'o', keys = {}, map = {}}
        ws()
        if sub(text, pos, pos) == '}' then pos = pos + 1; depth = depth - 1; return o end
        while true do
          ws()
          if sub(text, pos, pos) ~= '"' then fail() end
          local k = str()
          ws()
          if sub(text, pos, pos) ~= ':' then fail() end
          pos = pos + 1
          local v = value()
          if o.map[k] == nil then o.keys[#o.keys + 1] = k end
          o.map[k] = v
          ws()
          c = sub(text, pos, pos)
          pos = pos + 1
          if c == '}' then break end
          if c ~= ',' then fail() end
        end
        depth = depth - 1
        return o
      elseif c == '[' then
        depth = depth + 1
        if depth > MAX_NESTING then fail(E.NESTING) end
        pos = pos + 1
        local a = {t = 'a', items = {}}
        ws()
        if sub(text, pos, pos) == ']' then pos = pos + 1; depth = depth - 1; return a end
        while true do
          a.items[#a.items + 1] = value()
          ws()
          c = sub(text, pos, pos)
          pos = pos + 1
          if c == ']' then break end
          if c ~= ',' then fail() end
        end
        depth = depth - 1
        return a
      elseif c == '"' then
        return {t = 's', v = str()}
      elseif c == '-' or find(c, '^%d$') then
        return num()
      elseif sub(text, pos, pos + 3) == 'true' then pos = pos + 4; return {t = 'b', v = true}
      elseif sub(text, pos, pos + 4) == 'false' then pos = pos + 5; return {t = 'b', v = false}
      elseif sub(text, pos, pos + 3) == 'null' then pos = pos + 4; return {t = 'z'}
      end
      fail()
    end
    local ok, v = pcall(function()
      local r = value()
      ws()
      if pos <= len then fail() end
      return r
    end)
    if ok then return v end
    if type(v) == 'table' and v.code then return nil, v.code end
    return nil, E.PARSE
  end

  -- ------------------------------------------------------------------ writing JSON (compact, as RapidJSON)
  local ESC = {['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t'}
  for i = 0, 31 do
    local c = string.char(i)
    if not ESC[c] then ESC[c] = format('\\u%04X', i) end
  end
  local function quote(s)
    if not find(s, '[%z\1-\31"\\]') then return '"' .. s .. '"' end
    return '"' .. string.gsub(s, '[%z\1-\31"\\]', ESC) .. '"'
  end

  local function write(v, buf)
    local t = v.t
    if t == 's' then buf[#buf + 1] = quote(v.v)
    elseif t == 'n' then buf[#buf + 1] = v.raw
    elseif t == 'b' then buf[#buf + 1] = v.v and 'true' or 'false'
    elseif t == 'z' then buf[#buf + 1] = 'null'
    elseif t == 'a' then
      buf[#buf + 1] = '['
      for i, x in ipairs(v.items) do
        if i > 1 then buf[#buf + 1] = ',' end
        write(x, buf)
      end
      buf[#buf + 1] = ']'
    else
      buf[#buf + 1] = '{'
      for i, k in ipairs(v.keys) do
        if i > 1 then buf[#buf + 1] = ',' end
        buf[#buf + 1] = quote(k)
        buf[#buf + 1] = ':'
        write(v.map[k], buf)
      end
      buf[#buf + 1] = '}'
    end
  end

  local function serialize(v)
    local buf = {}
    write(v, buf)
    return table.concat(buf)
  end

  -- ------------------------------------------------------------------ comparing (Selector::evalOp)
  local function bytecmp(a, b)
    if a == b then return 0 end
    for i = 1, math.min(#a, #b) do
      local x, y = byte(a, i), byte(b, i)
      if x ~= y then return x < y and -1 or 1 end
    end
    return #a < #b and -1 or 1
  end

  local function evalOp(x, op, c)
    local xb, cb = x.t == 'b', c.t == 'b'
    if x.t ~= c.t and not (xb and cb) then return false end
    local d
    if x.t == 'z' then
      return op == '=='
    elseif xb then
      local a, b = x.v and 1 or 0, c.v and 1 or 0
      d = a == b and 0 or (a < b and -1 or 1)
    elseif x.t == 's' then
      d = bytecmp(x.v, c.v)
    elseif x.t == 'n' then
      d = x.v == c.v and 0 or (x.v < c.v and -1 or 1)
    else
      return false
    end
    if op == '==' then return d == 0
    elseif op == '!=' then return d ~= 0
    elseif op == '<' then return d < 0
    elseif op == '<=' then return d <= 0
    elseif op == '>' then return d > 0
    elseif op == '>=' then return d >= 0 end
    return false
  end

  -- ------------------------------------------------------------------ the selector (selector.cc)
  local READ, SET = 1, 2
  local SINGLE = {['$'] = true, ['*'] = true, [':'] = true, [','] = true, ['?'] = true, ['@'] = true, ['['] = true,
    [']'] = true, ['('] = true, [')'] = true, ["'"] = true, ['"'] = true, ['+'] = true, ['-'] = true, ['/'] = true,
    ['%'] = true, [' '] = true}
  local TWO = {['..'] = true, ['!='] = true, ['>='] = true, ['<='] = true, ['=='] = true, ['&&'] = true, ['||'] = true}
  local OPS = {['=='] = true, ['!='] = true, ['<'] = true, ['<='] = true, ['>'] = true, ['>='] = true}
  local SWAP = {['=='] = '==', ['!='] = '!=', ['>'] = '<', ['<'] = '>', ['>='] = '<=', ['<='] = '>='}

  local select_values

  -- Runs `path` on `root`. Returns the selected values (in valkey-json's order), the error code (nil
  -- when none), whether the path is JSONPath ($), the insert places (SET mode) and the deferred error.
  select_values = function(root, path, mode)
    local s = path
    local L = {p = 1, tok = 'E', ts = 1}          -- lexer: next position, current token, its start
    local S = {node = root, v2 = false, recursive = false, err = nil}
    local results, inserts, insertSeen = {}, {}, {}
    local rd, recursion = 0, 0

    local function ch(i) return sub(s, i, i) end
    local function peek()
      local c = ch(L.p)
      if c == '' then return 'E' end
      local d = ch(L.p + 1)
      if c == '.' then return d == '.' and '..' or '.' end
      if c == '&' then return d == '&' and '&&' or 'S' end
      if c == '|' then return d == '|' and '||' or 'S' end
      if c == '=' then return d == '=' and '==' or '=' end
      if c == '!' then return d == '=' and '!=' or '!' end
      if c == '>' then return d == '=' and '>=' or '>' end
      if c == '<' then return d == '=' and '<=' or '<' end
      if SINGLE[c] then return c end
      if find(c, '^[0-9]$') then return 'D' end
      if find(c, '^[A-Za-z]$') then return 'A' end
      return 'S'
    end
    local function nextTok(skipSpace)
      local t = peek()
      L.tok, L.ts = t, L.p
      if t == 'E' then return t end
      if t == ' ' and skipSpace then
        while ch(L.p) == ' ' do L.p = L.p + 1 end
        return nextTok()
      end
      if t == '..' then rd = rd + 1 end
      L.p = L.p + (TWO[t] and 2 or 1)
      return t
    end
    local function match(t, skipSpace)
      if skipSpace and L.tok == ' ' then
        while ch(L.p) == ' ' do L.p = L.p + 1 end
        nextTok()
        return match(t)
      end
      if L.tok == t then nextTok(skipSpace); return true end
      return false
    end
    local function skipSpaces()
      if L.tok == ' ' then nextTok(true) else while ch(L.p) == ' ' do L.p = L.p + 1 end end
    end
    local function scanUnsigned()
      local e = find(s, '[^0-9]', L.p) or #s + 1
      local v = tonumber(sub(s, L.ts, e - 1))
      L.p = e
      return v
    end
    local function scanInteger()
      local t = L.tok
      if t ~= 'D' and t ~= '+' and t ~= '-' then return nil, E.VALNOTNUM end
      local v
      if t == 'D' then v = scanUnsigned()
      else
        local sign = t == '+' and 1 or -1
        nextTok()
        if L.tok ~= 'D' then return nil, E.VALNOTNUM end
        v = sign * scanUnsigned()
      end
      nextTok()
      return v
    end
    local function parseIndex()
      local v, rc = scanInteger()
      if rc == E.VALNOTNUM then rc = E.INDEX_NAN end
      return v, rc
    end
    local function scanUnquotedMemberName()
      if L.tok == 'E' or find(ch(L.ts), '^[%.%[%]%(%)<>=!\'" |&]$') then return nil, E.MEMBER end
      local e = find(s, '[%.%[%]%(%)<>=!\'" |&]', L.p) or #s + 1
      local name = sub(s, L.ts, e - 1)
      L.p = e
      nextTok()
      return name
    end
    local function scanDoubleQuoted()   -- the JSON string at the current token, parsed as JSON
      local i, prev = L.p, nil
      while i <= #s do
        local c = ch(i)
        if c == '"' and prev ~= '\\' then i = i + 1; break end
        prev = c
        i = i + 1
      end
      local v, rc = parse(sub(s, L.ts, i - 1))
      L.p = i
      if rc then return nil, rc end
      nextTok()
      return v
    end
    local function unescape(text)
      local out, i = {}, 1
      local CTRL = {['\\'] = '\\', t = '\t', b = '\b', f = '\f', n = '\n', r = '\r', ["'"] = "'"}
      while i <= #text do
        local c = sub(text, i, i)
        if c == '\\' and i < #text and CTRL[sub(text, i + 1, i + 1)] then
          out[#out + 1] = CTRL[sub(text, i + 1, i + 1)]
          i = i + 2
        else
          out[#out + 1] = c
          i = i + 1
        end
      end
      return table.concat(out)
    end
    local function singleQuotedBody()
      local i, prev, escaped = L.p, nil, false
      local start = i
      while i <= #s do
        local c = ch(i)
        if c == '\\' then escaped = true end
        if c == "'" and prev ~= '\\' then break end
        prev = c
        i = i + 1
      end
      local body = sub(s, start, i - 1)
      L.p = math.min(i + 1, #s + 1)
      return body, escaped
    end
    local function scanSingleQuoted()
      local body, escaped = singleQuotedBody()
      nextTok()
      if escaped then return unescape(body) end
      return body
    end
    local function parseQuotedMemberName()
      if L.tok == '"' then
        local v, rc = scanDoubleQuoted()
        if rc then return nil, rc end
        if v.t ~= 's' then return nil, E.PARSE end
        return v.v
      elseif L.tok == "'" then
        return scanSingleQuoted()
      end
      return nil, E.PATH
    end

    local function snapshot() return {S.node, L.p, L.tok, L.ts} end
    local function restore(st) S.node, L.p, L.tok, L.ts = st[1], st[2], st[3], st[4] end

    local eval, parseRelativePath, parseBracketPathElement, parseFilterExpr, parseSupportedPath

    local function evalMember(m)
      recursion = recursion + 1
      if recursion > MAX_RECURSION then recursion = recursion - 1; return E.RECURSION end
      S.node = m
      local rc = eval()
      recursion = recursion - 1
      return rc
    end
    local function evalObjectMember(val)
      if S.node.t ~= 'o' then return E.NOTOBJ end
      local st = snapshot()
      local rc = evalMember(val)
      restore(st)
      return rc
    end
    local function evalArrayMember(idx)
      if S.node.t ~= 'a' then return E.NOTARR end
      local items = S.node.items
      if idx < 0 or idx >= #items then return E.BOUNDS end
      local st = snapshot()
      local rc = evalMember(items[idx + 1])
      restore(st)
      return rc
    end
    local function traverseToObjectMember(name)
      local node = S.node
      if node.t ~= 'o' then
        if mode ~= READ then return E.INSERT end
        S.node = nil
        return nil
      end
      local child = node.map[name]
      if child == nil then
        if mode == SET and not S.recursive then
          -- a new member may be added only as the last element of the path
          if peek() == 'E' then
            local seen = insertSeen[node]
            if not seen then seen = {}; insertSeen[node] = seen end
            if not seen[name] then
              seen[name] = true
              inserts[#inserts + 1] = {parent = node, name = name}
            end
          else
            S.err = E.NOPATH
            return E.NOPATH
          end
        end
        S.node = nil
        return nil
      end
      S.node = child
      return nil
    end
    local function traverseToArrayIndex(idx)
      if S.node.t ~= 'a' then S.node = nil; return nil end
      local n = #S.node.items
      if idx < 0 then idx = idx + n end
      if idx >= n or idx < 0 then return E.BOUNDS end
      S.node = S.node.items[idx + 1]
      return nil
    end
    local function processWildcard()
      local node = S.node
      if node.t == 'o' then
        for _, k in ipairs(node.keys) do
          local st = snapshot()
          local rc = evalObjectMember(node.map[k])
          restore(st)
          if SYNTAX[rc] then return rc end
        end
        S.node = nil
        return nil
      elseif node.t == 'a' then
        for i = 0, #node.items - 1 do
          local rc = evalArrayMember(i)
          if SYNTAX[rc] then return rc end
        end
        S.node = nil
        return nil
      end
      return S.v2 and E.WILDCARD or E.PATH
    end
    local function processFilterResult(result)
      local node = S.node
      if node.t == 'a' then
        for _, idx in ipairs(result) do
          local rc = evalArrayMember(idx)
          if SYNTAX[rc] then return rc end
        end
        S.node = nil
        return nil
      elseif node.t == 'o' then
        if #result == 0 then S.node = nil end
        return nil
      end
      if #result > 0 then
        local rc = evalMember(node)
        if SYNTAX[rc] then return rc end
      end
      S.node = nil
      return nil
    end
    local function processSlice(start, stop, step)
      step = step or 1
      if S.node.t ~= 'a' then return E.NOTARR end
      if not match(']', true) then return E.PATH end
      local size = #S.node.items
      if start < 0 then start = start + size end
      if stop < 0 then stop = stop + size end
      if step == 0 then return E.STEP0 end
      if start < 0 then start = 0 elseif start > size then start = size end
      if stop < 0 then stop = 0 elseif stop > size then stop = size end
      local last = step > 0 and stop - 1 or stop + 1
      for i = start, last, step do
        local rc = evalArrayMember(i)
        if SYNTAX[rc] then return rc end
      end
      S.node = nil
      return nil
    end
    local function parseStep(start, stop)
      skipSpaces()
      if L.tok == ']' then return processSlice(start, stop) end
      local step, rc = parseIndex()
      if rc then return rc end
      return processSlice(start, stop, step)
    end
    local function parseEndAndStep(start)
      local stop, rc = parseIndex()
      if rc then return rc end
      skipSpaces()
      if L.tok == ':' then nextTok(); return parseStep(start, stop) end
      return processSlice(start, stop)
    end
    local function processUnion(idxs)
      local size = #S.node.items
      for _, i in ipairs(idxs) do
        if i < 0 then i = i + size end
        if i >= 0 and i <= size - 1 then
          local rc = evalArrayMember(i)
          if rc then return rc end
        end
      end
      S.node = nil
      return nil
    end
    local function parseUnionOfIndexes(start)
      if S.node.t ~= 'a' then return E.NOTARR end
      local idxs, comma = {start}, false
      skipSpaces()
      while L.tok ~= ']' do
        if L.tok == ',' then
          if comma then return E.PATH end
          comma = true
          nextTok(true)
        else
          if not comma then return E.PATH end
          comma = false
          skipSpaces()
          local i, rc = parseIndex()
          if rc then return rc end
          idxs[#idxs + 1] = i
        end
        skipSpaces()
      end
      if comma then return E.PATH end
      if not match(']', true) then return E.PATH end
      return processUnion(idxs)
    end

    -- filters: [?( ... )]
    local function scanPathValue()
      local i, inBr, inQ, q = L.p, false, false, '"'
      while i <= #s do
        local c = ch(i)
        if not inBr then
          if c == '[' then inBr = true; i = i + 1
          elseif find(c, '^[%]%(%)<>=!\'" |&]$') then break
          else i = i + 1 end
        elseif not inQ then
          if c == '"' or c == "'" then inQ = true; q = c; i = i + 1
          elseif find(c, '^[-+0-9]$') then i = i + 1
          elseif c == ']' then i = i + 1; inBr = false
          else return nil, E.PATH end
        else
          if c == '\\' and ch(i + 1) == q then i = i + 1
          elseif c == q then inQ = false end
          i = i + 1
        end
      end
      local out = sub(s, L.ts, i - 1)
      L.p = i
      nextTok()
      return out
    end
    local function parseComparisonValue()
      local t = L.tok
      if t == '$' then
        local sp, rc = scanPathValue()
        if rc then return nil, rc end
        local vals, rc2 = select_values(root, sp, READ)
        if rc2 then return nil, rc2 end
        if #vals ~= 1 or vals[1].t == 'o' or vals[1].t == 'a' then return nil, E.PATH end
        return vals[1]
      elseif t == '"' then
        return scanDoubleQuoted()
      end
      local text
      if t == "'" then
        local body = singleQuotedBody()
        local out = {'"'}
        local i = 1
        while i <= #body do
          local c = sub(body, i, i)
          if c == '"' then out[#out + 1] = '\\"'
          elseif c == '\\' then
            if sub(body, i + 1, i + 1) ~= "'" then out[#out + 1] = c end
          else out[#out + 1] = c end
          i = i + 1
        end
        out[#out + 1] = '"'
        text = table.concat(out)
        nextTok()
      else
        local first = ch(L.ts)
        local e
        if t == 'A' and (first == 'n' or first == 't' or first == 'f') then
          e = find(s, '[^A-Za-z0-9]', L.p) or #s + 1
          text = sub(s, L.ts, e - 1)
          L.p = e
          nextTok()
          if first == 'n' and text ~= 'null' then return nil, E.IDENT end
          if first ~= 'n' and text ~= 'true' and text ~= 'false' then return nil, E.IDENT end
        else
          if t == 'E' then return nil, E.PARSE end  -- (valkey-json parses an empty number and fails)
          if not find(first, '^[-+0-9%.Ee]$') then return nil, E.NUMBER end
          e = find(s, '[^-+0-9%.Ee]', L.p) or #s + 1
          text = sub(s, L.ts, e - 1)
          L.p = e
          nextTok()
        end
      end
      local v, rc = parse(text)
      if rc then return nil, rc end
      return v
    end
    local function parseComparisonOp()
      skipSpaces()
      local t = L.tok
      if not OPS[t] then return nil, E.PATH end
      skipSpaces()
      nextTok(true)
      return t
    end
    local function parseBracketedMemberName()
      skipSpaces()
      local name, rc = parseQuotedMemberName()
      if rc then return nil, rc end
      if not match(']', true) then return nil, E.PATH end
      return name
    end
    local function parseMemberName()
      if match('.') then
        if match('[') then return parseBracketedMemberName() end
        return scanUnquotedMemberName()
      elseif match('[') then
        return parseBracketedMemberName()
      end
      return nil, E.PATH
    end
    local function push(result, i) result[#result + 1] = i end
    local function processComparisonExpr(isSelf, name, op, v, result)
      local node = S.node
      if node.t == 'a' then
        for i, m in ipairs(node.items) do
          local x
          if isSelf then x = m elseif m.t == 'o' then x = m.map[name] end
          if x ~= nil and evalOp(x, op, v) then push(result, i - 1) end
        end
      elseif node.t == 'o' then
        local x = node.map[isSelf and '' or name]
        if x ~= nil and evalOp(x, op, v) then push(result, 0) end
      elseif isSelf then
        if evalOp(node, op, v) then push(result, 0) end
      end
      return nil
    end
    local function processComparisonExprAtIndex(idx, name, op, v, result)
      local node = S.node
      if node.t == 'a' then
        for i, m in ipairs(node.items) do
          local x = m.t == 'o' and m.map[name] or nil
          if x ~= nil and x.t == 'a' then
            local j = idx
            if j < 0 then j = j + #x.items end
            if j >= 0 and j < #x.items and evalOp(x.items[j + 1], op, v) then push(result, i - 1) end
          end
        end
      end
      return nil
    end
    local function processArrayContains(name, op, v, result)
      local node = S.node
      if node.t == 'a' then
        for i, m in ipairs(node.items) do
          local x = m.t == 'o' and m.map[name] or nil
          if x ~= nil and x.t == 'a' then
            for _, y in ipairs(x.items) do
              if evalOp(y, op, v) then push(result, i - 1); break end
            end
          end
        end
      end
      if not match(')', true) then return E.PATH end
      if not match(']') then return E.PATH end
      return nil
    end
    local function processAttributeFilter(name, result)
      local node = S.node
      if node.t == 'a' then
        for i, m in ipairs(node.items) do
          if m.t == 'o' and m.map[name] ~= nil then push(result, i - 1) end
        end
      elseif node.t == 'o' then
        if node.map[name] ~= nil then push(result, 0) end
      else
        return E.PATH
      end
      return nil
    end
    local function parseFactor(result)
      recursion = recursion + 1
      if recursion > MAX_RECURSION then recursion = recursion - 1; return E.RECURSION end
      local rc = (function()
        local rc, name, op, v, index
        skipSpaces()
        if L.tok == '(' then
          nextTok(true)
          rc = parseFilterExpr(result)
          if rc then return rc end
          if not match(')', true) then return E.PATH end
          return nil
        end
        if match('@') then
          if L.tok == '.' or L.tok == '[' then
            name, rc = parseMemberName()
            if rc then return rc end
            skipSpaces()
            local t = L.tok
            if OPS[t] then
              op, rc = parseComparisonOp(); if rc then return rc end
              v, rc = parseComparisonValue(); if rc then return rc end
              return processComparisonExpr(false, name, op, v, result)
            elseif t == '[' then
              nextTok(true)
              if L.tok == '?' then
                nextTok(true)
                if not match('(') then return E.PATH end
                if L.tok == '@' then
                  nextTok(true)
                  op, rc = parseComparisonOp(); if rc then return rc end
                  v, rc = parseComparisonValue(); if rc then return rc end
                else
                  v, rc = parseComparisonValue(); if rc then return rc end
                  op, rc = parseComparisonOp(); if rc then return rc end
                  op = SWAP[op]
                  if not match('@') then return E.PATH end
                end
                return processArrayContains(name, op, v, result)
              end
              index, rc = parseIndex(); if rc then return rc end
              if not match(']') then return E.PATH end
              op, rc = parseComparisonOp(); if rc then return rc end
              v, rc = parseComparisonValue(); if rc then return rc end
              return processComparisonExprAtIndex(index, name, op, v, result)
            end
            return processAttributeFilter(name, result)
          end
          op, rc = parseComparisonOp(); if rc then return rc end
          v, rc = parseComparisonValue(); if rc then return rc end
          return processComparisonExpr(true, nil, op, v, result)
        end
        v, rc = parseComparisonValue(); if rc then return rc end
        skipSpaces()
        op, rc = parseComparisonOp(); if rc then return rc end
        op = SWAP[op]
        if not match('@') then return E.PATH end
        skipSpaces()
        if L.tok == ')' or L.tok == '&&' or L.tok == '||' then
          return processComparisonExpr(true, nil, op, v, result)
        end
        name, rc = parseMemberName(); if rc then return rc end
        if L.tok == '[' then
          nextTok(true)
          index, rc = parseIndex(); if rc then return rc end
          if not match(']') then return E.PATH end
          return processComparisonExprAtIndex(index, name, op, v, result)
        end
        return processComparisonExpr(false, name, op, v, result)
      end)()
      recursion = recursion - 1
      return rc
    end
    local function parseTerm(result)
      local rc = parseFactor(result)
      if rc then return rc end
      while match('&&', true) do
        local v1 = {}
        for i, e in ipairs(result) do v1[i] = e; result[i] = nil end
        local v2 = {}
        rc = parseFactor(v2)
        if rc then return rc end
        local set = {}
        for _, e in ipairs(v2) do set[e] = true end
        for _, e in ipairs(v1) do if set[e] then push(result, e) end end
      end
      return nil
    end
    parseFilterExpr = function(result)
      recursion = recursion + 1
      if recursion > MAX_RECURSION then recursion = recursion - 1; return E.RECURSION end
      skipSpaces()
      local rc = parseTerm(result)
      if not rc then
        local set
        while match('||', true) do
          local v = {}
          rc = parseTerm(v)
          if rc then break end
          if not set then set = {}; for _, e in ipairs(result) do set[e] = true end end
          for _, e in ipairs(v) do if not set[e] then set[e] = true; push(result, e) end end
        end
        if not rc then skipSpaces() end
      end
      recursion = recursion - 1
      return rc
    end
    local function parseFilter()
      nextTok()
      if not match('(') then return E.PATH end
      local result = {}
      local rc = parseFilterExpr(result)
      if rc then return rc end
      if not match(')') then return E.PATH end
      if not match(']', true) then return E.PATH end
      return processFilterResult(result)
    end
    local function parseWildcardFilter()
      if S.node.t ~= 'a' then return E.PATH end
      if not match('[') then return E.PATH end
      if not match('?') then return E.PATH end
      if not match('(', true) then return E.PATH end
      local result = {}
      local rc = parseFilterExpr(result)
      if rc then return rc end
      if not match(')', true) then return E.PATH end
      if not match(']') then return E.PATH end
      return processFilterResult(result)
    end

    -- brackets: ['name'], [0], [1:3], [0,2], [*], [?(...)]
    local function parseIndexExpr()
      local t = L.tok
      if t == 'E' then return E.EMPTY end
      if t == '?' then return parseFilter() end
      if t == ':' then
        if S.node.t ~= 'a' then return E.NOTARR end
        nextTok(true)
        local size = #S.node.items
        if L.tok == ']' then return processSlice(0, size) end
        if L.tok == ':' then nextTok(true); return parseStep(0, size) end
        return parseEndAndStep(0)
      end
      if t == ',' then return E.PATH end
      local start, rc = parseIndex()
      if rc then return rc end
      skipSpaces()
      if L.tok == ':' then
        if S.node.t ~= 'a' then return E.NOTARR end
        nextTok(true)
        skipSpaces()
        local size = #S.node.items
        if L.tok == ']' then return processSlice(start, size) end
        if L.tok == ':' then nextTok(); return parseStep(start, size) end
        return parseEndAndStep(start)
      end
      if L.tok == ',' then return parseUnionOfIndexes(start) end
      if not match(']', true) then return E.PATH end
      if S.node.t ~= 'a' then return E.NOTARR end
      return traverseToArrayIndex(start)
    end
    local function parseNameInBrackets()
      local names = {}
      local name, rc = parseQuotedMemberName()
      if rc then return rc end
      names[1] = name
      while match(',', true) do
        skipSpaces()
        name, rc = parseQuotedMemberName()
        if rc then return rc end
        names[#names + 1] = name
      end
      if not match(']', true) then return E.PATH end
      if #names == 1 then return traverseToObjectMember(names[1]) end
      local node = S.node
      if node.t ~= 'o' then
        if mode ~= READ then return E.INSERT end
        S.node = nil
        return nil
      end
      for _, nm in ipairs(names) do
        local child = node.map[nm]
        if child ~= nil then
          rc = evalObjectMember(child)
          if SYNTAX[rc] then return rc end
        end
      end
      S.node = nil
      return nil
    end
    local function parseWildcardInBrackets()
      if not match('*', true) then return E.PATH end
      if not match(']', true) then return E.PATH end
      if L.tok == '[' and peek() == '?' then
        if not match('[', true) then return E.PATH end
        skipSpaces()
        if not match('?') then return E.PATH end
        if not match('(') then return E.PATH end
        local result = {}
        local rc = parseFilterExpr(result)
        if rc then return rc end
        if not match(')', true) then return E.PATH end
        if not match(']', true) then return E.PATH end
        return processFilterResult(result)
      end
      return processWildcard()
    end
    parseBracketPathElement = function()
      if not match('[', true) then return E.PATH end
      local rc
      local t = L.tok
      if t == '*' then rc = parseWildcardInBrackets()
      elseif t == "'" or t == '"' then rc = parseNameInBrackets()
      else rc = parseIndexExpr() end
      if rc then return rc end
      skipSpaces()
      return nil
    end
    local function parseKey()
      if match('*') then
        if L.tok == '.' then nextTok() end
        if L.tok == '[' and peek() == '?' then return parseWildcardFilter() end
        return processWildcard()
      end
      local name, rc = scanUnquotedMemberName()
      if rc then return rc end
      return traverseToObjectMember(name)
    end
    local function parseQualifiedPath()
      local rc
      if L.tok == '[' then rc = parseBracketPathElement() else rc = parseKey() end
      if rc then return rc end
      return parseRelativePath()
    end
    local function dedupe()
      local seen, out = {}, {}
      for _, v in ipairs(results) do
        if not seen[v] then seen[v] = true; out[#out + 1] = v end
      end
      results = out
    end
    local recursiveSearch
    recursiveSearch = function(v)
      if L.tok == '..' or L.tok == '.' then return E.DOTS end
      if v.t ~= 'o' and v.t ~= 'a' then S.node = nil; return nil end
      local st = snapshot()
      S.node = v
      local rc = eval()
      restore(st)
      if SYNTAX[rc] then return rc end
      if v.t == 'o' then
        for _, k in ipairs(v.keys) do
          rc = recursiveSearch(v.map[k])
          if SYNTAX[rc] then return rc end
        end
      else
        for _, x in ipairs(v.items) do
          rc = recursiveSearch(x)
          if SYNTAX[rc] then return rc end
        end
      end
      S.node = nil
      return nil
    end
    parseRelativePath = function()
      if S.node == nil or match('E') then return nil end
      local t = L.tok
      if t == '..' then
        S.recursive = true
        match('..')
        if rd > MAX_RD_TOKENS then return E.RDTOKENS end
        local rc = recursiveSearch(S.node)
        if rc then return rc end
        dedupe()
        return nil
      elseif t == '.' then
        match('.')
        return parseQualifiedPath()
      elseif t == '[' then
        local rc = parseBracketPathElement()
        if rc then return rc end
        if L.tok == 'E' then return nil end
        return parseRelativePath()
      end
      return parseQualifiedPath()
    end
    parseSupportedPath = function()
      if S.node == nil or match('E') then return nil end
      if match('$') then
        if S.node ~= root then return E.DOLLAR end
        S.v2 = true
      elseif match('.') then
        -- a leading dot: the restricted syntax's root
      end
      return parseRelativePath()
    end
    eval = function()
      recursion = recursion + 1
      if recursion > MAX_RECURSION then recursion = recursion - 1; return E.RECURSION end
      local rc = parseSupportedPath()
      if rc == nil and S.node ~= nil then results[#results + 1] = S.node end
      recursion = recursion - 1
      return rc
    end

    if #s > MAX_QUERY then return {}, E.QUERY, false, {}, nil end
    nextTok()
    local rc = eval()
    return results, rc, S.v2, inserts, S.err
  end

  local function unique(vals)
    local seen, out = {}, {}
    for _, v in ipairs(vals) do
      if not seen[v] then seen[v] = true; out[#out + 1] = v end
    end
    return out
  end

  -- ------------------------------------------------------------------ the stored document
  local function load(key)
    local t = redis.call('TYPE', key)
    t = type(t) == 'table' and t.ok or t
    if t == 'none' then return nil end
    if t ~= 'string' then return nil, E.NOTDOC end
    local doc = parse(redis.call('GET', key))
    if doc == nil then return nil, E.NOTDOC end
    return doc
  end

  local function store(key, doc, keepTtl)
    if nesting(doc) > MAX_NESTING then return E.NESTING end
    local text = serialize(doc)
    if #text > MAX_DOC then return E.SIZE .. ' (this fallback stores at most ' .. MAX_DOC .. ' bytes of JSON text)' end
    if keepTtl then redis.call('SET', key, text, 'KEEPTTL') else redis.call('SET', key, text) end
    return nil
  end

  local function err(code) return redis.error_reply(code) end
  local function arity(name) return err("ERR wrong number of arguments for '" .. name .. "' command") end

  -- ------------------------------------------------------------------ the commands
  local function json_set(keys, args)
    if #keys ~= 1 or #args < 2 or #args > 3 then return arity('JSON.SET') end
    local key, path, json = keys[1], args[1], args[2]
    local nx, xx = false, false
    if args[3] then
      local c = string.upper(args[3])
      if c == 'NX' then nx = true elseif c == 'XX' then xx = true else return err(E.CMD) end
    end
    local doc, e = load(key)
    if e then return err(e) end
    local isRoot = path == '.' or path == '$'
    if doc == nil then
      if not isRoot then return err(E.NEWKEY) end
      if xx then return false end
    elseif isRoot and nx then
      return false
    end
    if isRoot then
      local v, pe = parse(json)
      if pe then return err(pe) end
      local se = store(key, v, false)
      if se then return err(se) end
      return redis.status_reply('OK')
    end
    local vals, rc, _, inserts, deferred = select_values(doc, path, SET)
    if rc then return err(rc) end
    vals = unique(vals)
    if nx and #vals > 0 then return false end
    if xx and #inserts > 0 then return false end
    local v, pe = parse(json)
    if pe then return err(pe) end
    if #vals == 0 and #inserts == 0 then
      if deferred then return err(deferred) end
      return redis.status_reply('OK')
    end
    for _, target in ipairs(vals) do
      local c = copy(v)
      for k in pairs(target) do target[k] = nil end
      for k, x in pairs(c) do target[k] = x end
    end
    for _, ins in ipairs(inserts) do
      ins.parent.keys[#ins.parent.keys + 1] = ins.name
      ins.parent.map[ins.name] = copy(v)
    end
    local se = store(key, doc, true)
    if se then return err(se) end
    return redis.status_reply('OK')
  end

  local function json_get(keys, args)
    if #keys ~= 1 then return arity('JSON.GET') end
    if #args > 1 then return err('ERR this Lua stand-in for JSON.GET takes one path (valkey-json takes several, and formatting options)') end
    local doc, e = load(keys[1])
    if e then return err(e) end
    if doc == nil then return false end
    local vals, rc, v2 = select_values(doc, args[1] or '.', READ)
    if rc and (not v2 or SYNTAX[rc]) then return err(rc) end
    if not v2 then
      if #vals == 0 then return err(E.NOPATH) end
      return serialize(vals[1])
    end
    local buf = {'['}
    for i, v in ipairs(vals) do
      if i > 1 then buf[#buf + 1] = ',' end
      write(v, buf)
    end
    buf[#buf + 1] = ']'
    return table.concat(buf)
  end

  -- What a writer (ARRAPPEND, NUMINCRBY) changes: the document at key and the path's matches. A
  -- restricted path (no $) must match something of the right kind, else valkey-json's error for it.
  -- Returns doc, vals, v2 (true for JSONPath), or nil, nil, nil and the error.
  local function targets(key, path, kind, not_kind)
    local doc, e = load(key)
    if e then return nil, nil, nil, e end
    if doc == nil then return nil, nil, nil, E.NODOC end
    local vals, rc, v2 = select_values(doc, path, READ)
    if rc then return nil, nil, nil, rc end
    if not v2 then
      if #vals == 0 then return nil, nil, nil, E.NOPATH end
      local any = false
      for _, v in ipairs(vals) do if v.t == kind then any = true end end
      if not any then return nil, nil, nil, not_kind end
    end
    return doc, vals, v2
  end

  local function json_arrappend(keys, args)
    if #keys ~= 1 or #args < 2 then return arity('JSON.ARRAPPEND') end
    local doc, vals, v2, e = targets(keys[1], args[1], 'a', E.NOTARR)
    if e then return err(e) end
    local adds = {}
    for i = 2, #args do
      local v, pe = parse(args[i])
      if pe then return err(pe) end
      adds[#adds + 1] = v
    end
    local out = {}
    for _, v in ipairs(unique(vals)) do
      if v.t == 'a' then
        for _, a in ipairs(adds) do v.items[#v.items + 1] = copy(a) end
        out[#out + 1] = #v.items
      else
        out[#out + 1] = false
      end
    end
    local se = store(keys[1], doc, true)
    if se then return err(se) end
    if not v2 then
      for _, n in ipairs(out) do if n then return n end end
    end
    return out
  end

  local function json_numincrby(keys, args)
    if #keys ~= 1 or #args ~= 2 then return arity('JSON.NUMINCRBY') end
    local inc = parse(args[2])
    if inc == nil or inc.t ~= 'n' then return err(E.VALNOTNUM) end
    local doc, vals, v2, e = targets(keys[1], args[1], 'n', E.NOTNUM)
    if e then return err(e) end
    local out = {}
    for _, v in ipairs(unique(vals)) do
      if v.t ~= 'n' then
        out[#out + 1] = false
      else
        local r = v.v + inc.v
        if v.int and inc.int then
          local limit = 2 ^ 53
          if math.abs(v.v) >= limit or math.abs(inc.v) >= limit or math.abs(r) >= limit then
            return err('ERR this Lua stand-in adds integers exactly up to 2^53 only (valkey-json: 64-bit integers)')
          end
          v.v, v.raw = r, format('%d', r)
        else
          if r == math.huge or r == -math.huge then return err(E.OVERFLOW) end
          local text = format('%.17g', r)
          v.v, v.raw, v.int = tonumber(text), text, false
        end
        out[#out + 1] = r
      end
    end
    local se = store(keys[1], doc, true)
    if se then return err(se) end
    if not v2 then
      for i = #out, 1, -1 do
        if out[i] then return format('%.17g', out[i]) end
      end
    end
    local buf = {}
    for i, r in ipairs(out) do buf[i] = r and format('%.17g', r) or 'null' end
    return '[' .. table.concat(buf, ',') .. ']'
  end

  return {set = json_set, get = json_get, arrappend = json_arrappend, numincrby = json_numincrby}
end

local impl
local function command(name)
  return function(keys, args)
    if impl == nil then impl = define() end
    return impl[name](keys, args)
  end
end

redis.register_function{function_name = 'vx_json_set', callback = command('set')}
redis.register_function{function_name = 'vx_json_get', callback = command('get'), flags = {'no-writes'}}
redis.register_function{function_name = 'vx_json_arrappend', callback = command('arrappend')}
redis.register_function{function_name = 'vx_json_numincrby', callback = command('numincrby')}
