#!/usr/bin/env bash
# The notification benchmark (issue 16): a burst of status changes across the benchmark data, each
# becoming an email (by default "out for delivery" for COUNT parcels still on their way, spread over
# the stores in KEYS) that the senders render and hand to a local SMTP sink, while the tracking-page
# benchmark runs beside it.
#
# usage: bench/notification-burst.sh [BASE_URL]      (a running Landfall, default http://localhost:7070)
# Landfall must run on the benchmark data with LANDFALL_SMTP_URL=smtp://127.0.0.1:$SINK_PORT and
# LANDFALL_DEMO=false; the sink (bench/SmtpSink.java) is started here when nothing answers on that port.
# environment:
#   KEYS           a file of "SLUG API_KEY" lines, one per store whose parcels change (default
#                  /tmp/bench-keys.txt); make the keys while Landfall is stopped:
#                  java -jar target/landfall.jar api-key create --merchant bench-2 --name burst
#                  Each store of the 1M data set has about 35,000 parcels not yet delivered, expired
#                  or out for delivery: 100,000 changes need three stores (bench-1 and bench-2 carry
#                  the ingestion benchmarks' extra events; bench-3 … are as generated)
#   COUNT=100000   status changes in the burst (one per parcel per round)
#   STATUSES       the rounds (default OutForDelivery; e.g. OutForDelivery,Delivered: a delivery day.
#                  "Delivered" is held for quiet hours where the recipient is asleep, while out for
#                  delivery and a failed attempt are exempt by default)
#   RATE=500       status changes per second (0: as fast as the API takes them)
#   BATCH=50       events per API request
#   SINK_PORT=2525
#   PATHS          tracking-page paths (bench/tracking-links.sh); when readable, wrk runs the
#                  tracking-page benchmark for TRACKING_DURATION first alone (twice: the first run
#                  renders the pages), then during the burst, starting 5 s into it
#   TRACKING_DURATION=30s, CONNECTIONS=64
#   LANDFALL_DATA_DIR / DATABASE_URL: the database, as bench/pg-connect.sh reads it
# It prints the emails' statuses, the sending rate (first status change to last SMTP accept), and
# the time from each status change to the SMTP server's accept (p50, p90, p99, max).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://localhost:7070}
keys=${KEYS:-/tmp/bench-keys.txt}
count=${COUNT:-100000}
rate=${RATE:-500}
statuses=${STATUSES:-OutForDelivery}
rounds=$(tr ',' '\n' <<< "$statuses" | wc -l)
batch=${BATCH:-50}
sink_port=${SINK_PORT:-2525}
paths=${PATHS:-}
duration=${TRACKING_DURATION:-30s}
connections=${CONNECTIONS:-64}
[[ -r $keys ]] || { echo "no KEYS file $keys (lines: SLUG API_KEY)" >&2; exit 2; }
# shellcheck source=bench/pg-connect.sh
source "$here/pg-connect.sh"
psql() { command psql "${conn[@]}" -X -q -t -A -v ON_ERROR_STOP=1 "$@"; }

sink_pid=
if ! (exec 3<>/dev/tcp/127.0.0.1/"$sink_port") 2>/dev/null; then
  java "$here/SmtpSink.java" "$sink_port" > /tmp/smtp-sink.log 2>&1 &
  sink_pid=$!
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$sink_port") 2>/dev/null && break; sleep 0.2; done
fi
cleanup() { [[ -n $sink_pid ]] && kill "$sink_pid" 2>/dev/null || true; }
trap cleanup EXIT

ids=$(mktemp)
stores=$(grep -c . "$keys")
per_store=$(( (count / rounds + stores - 1) / stores ))
while read -r slug key; do
  # "KEY ID" lines in blocks of BATCH, the stores' blocks interleaved (awk below)
  psql -c "SELECT '$key ' || s.id FROM shipments s JOIN merchants m ON m.id = s.merchant_id JOIN orders o
           ON o.merchant_id = s.merchant_id AND o.id = s.order_id WHERE m.slug = '$slug' AND s.direction = 'outbound'
           AND s.status NOT IN ('OutForDelivery', 'Delivered', 'Expired') AND o.customer_email IS NOT NULL
           ORDER BY s.id LIMIT $per_store" | awk -v b="$batch" -v k="$slug" '{ printf "%09d %s %s\n", int((NR - 1) / b), k, $0 }'
done < "$keys" | sort -k1,1 -k2,2 -s | cut -d' ' -f3- | head -n $((count / rounds)) > "$ids"
echo "burst: $(wc -l < "$ids") parcels of $stores store(s), $statuses: $(($(wc -l < "$ids") * rounds)) status changes at ${rate}/s (0: unpaced), $batch a request; $where"
mark=$(psql -c "SELECT coalesce(max(id), 0) FROM notification_outbox")

tracking() {
  PATHS=$paths wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/tracking-page.lua" "$base" |
    awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = $2 } END { printf "%s req/s, p99 %s\n", rps, p99 }'
}
if [[ -r $paths ]]; then
  # the first run renders and caches the pages; the second is the one to compare with
  echo "tracking pages alone, first views: $(tracking)"
  echo "tracking pages alone:              $(tracking)"
fi

start=$(date +%s.%N)
java "$here/NotificationBurst.java" "$base" "$ids" "$rate" "$batch" "$statuses" &
burst=$!
if [[ -r $paths ]]; then
  sleep 5
  echo "tracking pages during burst:       $(tracking)"
fi
wait "$burst"

# wait until every email of the burst is out (or 10 minutes)
for _ in $(seq 600); do
  waiting=$(psql -c "SELECT count(*) FROM notification_outbox WHERE id > $mark AND channel = 'email' AND status IN ('pending', 'sending')")
  [[ $waiting == 0 ]] && break
  sleep 1
done
echo "done after $(echo "$(date +%s.%N) - $start" | bc) s; emails by status:"
psql -F ' ' -c "SELECT '  ' || status, count(*) FROM notification_outbox WHERE id > $mark AND channel = 'email' GROUP BY status ORDER BY 2 DESC"
psql -F ' ' -c "
  SELECT 'sent ' || count(*) || ' emails at ' || round(count(*) / extract(epoch FROM max(sent_at) - min(created_at))::numeric, 0)
         || '/s (first status change to last SMTP accept)',
         E'\nstatus change to SMTP accept: p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY d)::numeric, 2)
         || ' s, p90 ' || round(percentile_cont(0.9) WITHIN GROUP (ORDER BY d)::numeric, 2)
         || ' s, p99 ' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY d)::numeric, 2)
         || ' s, max ' || round(max(d)::numeric, 2) || ' s'
  FROM (SELECT created_at, sent_at, extract(epoch FROM sent_at - created_at) AS d FROM notification_outbox
        WHERE id > $mark AND channel = 'email' AND status = 'sent') x"
