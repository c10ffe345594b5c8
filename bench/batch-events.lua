-- wrk script: POST /api/v1/events/batch with BATCH events for random shipments 1..SHIPMENTS.
-- usage: [ORDER=now] KEY=lf_... SHIPMENTS=100000 BATCH=1000 wrk -t2 -c4 -d20s -s bench/batch-events.lua http://localhost:7070
local key = os.getenv("KEY")
local shipments = tonumber(os.getenv("SHIPMENTS") or "100000")
local batch = tonumber(os.getenv("BATCH") or "1000")
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

function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end

function request()
  counter = counter + 1
  local parts = {}
  for i = 1, batch do
    parts[i] = string.format(
      '{"shipment_id":%d,"event_id":"wrk-%d-%d-%d-%d","occurred_at":"%s","status":"InTransit","substatus":"InTransit_ArrivedAtFacility","location":"Hodgkins, IL, US"}',
      math.random(1, shipments), tid or 0, os.time(), counter, i, occurred_at())
  end
  local body = '{"events":[' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/api/v1/events/batch",
    {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("batches/s: %.1f  events/s: %.0f  p50 %.0f ms  p99 %.0f ms  errors(non-2xx): %d\n",
    summary.requests / (summary.duration / 1e6), summary.requests * batch / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
