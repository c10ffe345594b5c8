-- wrk script: GET /t/{token} over a file of distinct tracking-page paths (bench/tracking-links.sh).
-- usage: PATHS=/tmp/tracking-paths.txt wrk -t2 -c64 -d30s -s bench/tracking-page.lua http://localhost:8090
-- Every thread walks the whole list in order, the threads starting evenly spread over it (thread k of
-- T at path 1 + (k-1)·N/T), and a thread's connections take consecutive paths, so no two requests
-- in flight ask for the same page until the list wraps around. The requests are formatted once per
-- thread in init(), so the Lua side costs wrk almost nothing per request (that matters for the
-- nginx ceiling, where wrk itself is a good part of the load on the same cores).
-- Headers given to wrk with -H (e.g. -H 'Accept-Encoding: gzip') go into every request.
-- Every response that is not a 200 is counted (wrk's own "errors" count only statuses >= 400).
local file = os.getenv("PATHS") or "/tmp/tracking-paths.txt"

local threads = {}

-- wrk does not tell a script how many threads it runs: read -t from wrk's own command line
-- (Linux), else THREADS, else assume 1. A wrong count only spreads the start offsets less evenly.
local function thread_count()
  local f = io.open("/proc/self/cmdline", "rb")
  if f then
    local args = {}
    for a in f:read("*a"):gmatch("[^%z]+") do args[#args + 1] = a end
    f:close()
    for i, a in ipairs(args) do
      local n = a:match("^%-t(%d+)$") or a:match("^%-%-threads=(%d+)$")
      if not n and (a == "-t" or a == "--threads") then n = args[i + 1] and args[i + 1]:match("^(%d+)$") end
      if n then return tonumber(n) end
    end
  end
  return tonumber(os.getenv("THREADS") or "1")
end

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
  thread:set("nthreads", thread_count())
end

local requests = {}
local next_index = 1

function init(args)
  local f, err = io.open(file, "r")
  if not f then
    io.stderr:write("tracking-page.lua: cannot read PATHS file: " .. tostring(err) .. "\n")
    os.exit(2)
  end
  for line in f:lines() do
    local path = line:match("^%s*(/%S*)%s*$")
    if path then requests[#requests + 1] = wrk.format("GET", path) end
  end
  f:close()
  if #requests == 0 then
    io.stderr:write("tracking-page.lua: no paths (lines starting with /) in " .. file .. "\n")
    os.exit(2)
  end
  local n = nthreads or 1
  next_index = (math.floor(((tid or 1) - 1) * #requests / n) % #requests) + 1
  paths = #requests -- read by done()
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

-- globals, so that done() can read them from each thread with thread:get
non200 = 0
statuses = {}

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local bad, by_status, npaths = 0, {}, 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non200") or 0)
    for status, count in pairs(t:get("statuses") or {}) do
      by_status[status] = (by_status[status] or 0) + count
    end
    npaths = t:get("paths") or npaths
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("tracking pages: %d paths from %s, %d threads\n", npaths, file, #threads))
  io.write(string.format(
    "requests/s: %.0f  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  non-200: %d  socket errors: %d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad, e.connect + e.read + e.write + e.timeout))
  if bad > 0 then
    local parts = {}
    for status, count in pairs(by_status) do parts[#parts + 1] = string.format("%d × %d", count, status) end
    table.sort(parts)
    io.write("  non-200 responses: " .. table.concat(parts, ", ") .. "\n")
  end
  if e.connect + e.read + e.write + e.timeout > 0 then
    io.write(string.format("  socket errors: connect %d, read %d, write %d, timeout %d\n",
      e.connect, e.read, e.write, e.timeout))
  end
end
