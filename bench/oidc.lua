-- wrk script for bench/oidc.sh: token endpoints fed from a pool of real tokens.
--   wrk ... -s bench/oidc.lua URL -- MODE POOL THREADS [BASIC]
-- MODE: refresh (POST /token, grant_type=refresh_token, public client e-books),
--       introspect (POST /introspect with Authorization: Basic BASIC = base64(id:secret)),
--       userinfo (GET /userinfo with the access token as a Bearer token).
-- POOL: lines "access_token refresh_token" (GatewayBench exchanges --tokens-out).
-- THREADS: wrk's -t, to split the refresh tokens between the threads.
--
-- Refresh tokens rotate at every use, so each wrk thread keeps a FIFO queue of the refresh
-- tokens it may present: request() takes the oldest, response() puts the token the answer
-- returned at the back. A token is therefore never in flight twice, and each connection
-- continues the chain of whichever token it took. The pool holds more tokens than a
-- thread has connections, so the queue never runs dry while the answers are 200s.
-- Answers count as ok only when they are 200 with the expected content (a new
-- refresh_token; "active":true; a "sub"); everything else counts as bad.
-- Requests are the fixed head (built once in init) plus the token: wrk.format would build
-- a header table and format it again for every request, load generator CPU taken from the gateway.
-- Prints the same RESULT line as bench/report.lua plus ok=, bad=, ok_rps=, empty=.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  mode, pool_path, thread_count, basic = args[1], args[2], tonumber(args[3]), args[4]
  ok, bad, empty = 0, 0, 0
  tokens, first, last = {}, 1, 0 -- access tokens (cycled) or this thread's refresh queue
  local index = 0
  for line in io.lines(pool_path) do
    local access, refresh = line:match("^(%S+) (%S+)$")
    if access then
      if mode ~= "refresh" then
        last = last + 1
        tokens[last] = access
      elseif index % thread_count == id then
        last = last + 1
        tokens[last] = refresh
      end
      index = index + 1
    end
  end
  cursor = (id * 97) % math.max(last, 1) -- threads start at different access tokens
  local host = "Host: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
  local form = "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
  refresh_head = "POST /token HTTP/1.1\r\n" .. host .. form
  introspect_head = "POST /introspect HTTP/1.1\r\n" .. host .. "Authorization: Basic " .. (basic or "") .. "\r\n" .. form
  userinfo_head = "GET /userinfo HTTP/1.1\r\n" .. host .. "Authorization: Bearer "
end

local function take_refresh()
  if first > last then
    empty = empty + 1
    return "exhausted" -- answered 400 invalid_grant, counted as bad
  end
  local token = tokens[first]
  tokens[first] = nil
  first = first + 1
  return token
end

local function next_access()
  cursor = cursor % last + 1
  return tokens[cursor]
end

local function post(head, body)
  return head .. #body .. "\r\n\r\n" .. body
end

function request()
  if mode == "refresh" then
    return post(refresh_head, "grant_type=refresh_token&client_id=e-books&refresh_token=" .. take_refresh())
  elseif mode == "introspect" then
    return post(introspect_head, "token=" .. next_access())
  end
  return userinfo_head .. next_access() .. "\r\n\r\n"
end

function response(status, headers, body)
  local good = false
  if status == 200 then
    if mode == "refresh" then
      local successor = body:match('"refresh_token":"([^"]+)"')
      if successor then
        last = last + 1
        tokens[last] = successor
        good = true
      end
    elseif mode == "introspect" then
      good = body:find('"active":true', 1, true) ~= nil
    else
      good = body:find('"sub":"', 1, true) ~= nil
    end
  end
  if good then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  local total_ok, total_bad, total_empty = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_bad = total_bad + thread:get("bad")
    total_empty = total_empty + thread:get("empty")
  end
  io.write(string.format(
    "RESULT rps=%.1f p50_us=%d p99_us=%d max_us=%d errors=%d status_errors=%d requests=%d duration_us=%d ok=%d bad=%d ok_rps=%.1f empty=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99), latency.max,
    errors, e.status, summary.requests, summary.duration, total_ok, total_bad, total_ok / seconds, total_empty))
end
