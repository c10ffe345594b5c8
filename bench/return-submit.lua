-- wrk script for bench/return-submit.sh: every request is the final step of a return form for an
-- order of its own, read from REQUESTS (lines "path TAB cookie TAB body", written by
-- ReturnSubmit.java --requests). Threads take interleaved lines; OFFSET skips lines an earlier run
-- (the warm-up) used. A response other than 303 counts as a failure.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  local file, offset, step = args[1], tonumber(args[2]), tonumber(args[3])
  lines = {}
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    if n > offset and (n - offset - id) % step == 0 then
      local path, cookie, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      table.insert(lines, wrk.format("POST", path,
        {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie}, body))
    end
  end
  nextLine = 1
  failures = 0
  exhausted = 0
end

function request()
  if nextLine > #lines then
    exhausted = exhausted + 1
    nextLine = 1
  end
  local r = lines[nextLine]
  nextLine = nextLine + 1
  return r
end

function response(status, headers, body)
  if status ~= 303 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed, wrapped = 0, 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
    wrapped = wrapped + thread:get("exhausted")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("returns: %d requests in %.1f s, %.0f/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, not 303: %d%s\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed, wrapped > 0 and " (ran out of orders: pass a larger ORDERS)" or ""))
  io.write(string.format("target (p99 < 100 ms): %s\n", latency:percentile(99) < 100000 and "met" or "NOT met"))
end
