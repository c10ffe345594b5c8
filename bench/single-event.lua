-- wrk script: POST /api/v1/shipments/{id}/events with one event for a random shipment 1..SHIPMENTS.
-- usage: [ORDER=now] KEY=lf_... SHIPMENTS=100000 wrk -t2 -c16 -d20s -s bench/single-event.lua http://localhost:7070
local key = os.getenv("KEY")
local shipments = tonumber(os.getenv("SHIPMENTS") or "100000")
-- ORDER=random (default): a random time on 2026-11-23, so events arrive out of order like late scans.
-- ORDER=now: the wall clock one day ahead, so each shipment's events arrive in order, as live carrier
-- scans mostly do (and later than every ORDER=random event).
local order = os.getenv("ORDER") or "random"

local function occurred_at()
  if order == "now" then
    return os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() + 86400)
  end
  return string.format("2026-11-23T%02d:%02d:00Z", math.random(0, 23), math.random(0, 59))
end

local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"events":[{"event_id":"wrk1-%d-%d-%d","occurred_at":"%s","status":"InTransit","location":"Memphis, TN, US"}]}',
    tid or 0, os.time(), counter, occurred_at())
  return wrk.format("POST", "/api/v1/shipments/" .. math.random(1, shipments) .. "/events",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.0f  p50 %.1f ms  p99 %.1f ms  errors(non-2xx): %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status))
end
