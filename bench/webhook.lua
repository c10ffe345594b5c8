-- wrk script: POST /hooks/aftership/{merchant} with pre-signed single-checkpoint deliveries
-- (made by bench/SignedWebhooks.java; each line "signature TAB body", each sent once per thread pass).
-- usage: MERCHANT=bench-1 DELIVERIES=/tmp/deliveries.tsv THREADS=2 wrk -t2 -c16 -d20s -s bench/webhook.lua http://localhost:7070
-- A delivery is sent again only after a thread has gone through all of its lines (then it is a
-- duplicate, which is cheaper): make enough lines for the run.
local merchant = os.getenv("MERCHANT") or "bench-1"
local file = os.getenv("DELIVERIES") or "/tmp/deliveries.tsv"
local deliveries = {}
local next_index = 1
local thread_id = 0
local threads = tonumber(os.getenv("THREADS") or "2") -- must equal wrk's -t

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  -- each thread sends its own share of the lines, so no delivery is sent twice
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    if (n % threads) == ((tid or 1) - 1) % threads then
      local tab = string.find(line, "\t", 1, true)
      deliveries[#deliveries + 1] = { string.sub(line, 1, tab - 1), string.sub(line, tab + 1) }
    end
  end
end

function request()
  local d = deliveries[next_index]
  next_index = next_index % #deliveries + 1
  return wrk.format("POST", "/hooks/aftership/" .. merchant,
    {["Content-Type"] = "application/json", ["aftership-hmac-sha256"] = d[1]}, d[2])
end

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.0f  p50 %.1f ms  p99 %.1f ms  errors(non-2xx): %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
