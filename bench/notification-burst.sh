#!/usr/bin/env bash
# The notification benchmark (issue 16): a burst of status changes across the benchmark data, each
# becoming an email (out for delivery, then failed attempt, then delivered: a delivery day for
# COUNT/3 parcels still on their way) that the senders render and hand to a local SMTP sink, while
# the tracking-page benchmark runs beside it.
#
# usage: bench/notification-burst.sh [BASE_URL]      (a running Landfall, default http://localhost:7070)
# Landfall must run on the benchmark data with LANDFALL_SMTP_URL=smtp://127.0.0.1:$SINK_PORT and
# LANDFALL_DEMO=false; the sink (bench/SmtpSink.java) is started here when nothing answers on that port.
# environment:
#   KEY            an API key of MERCHANT (java -jar target/landfall.jar api-key create --merchant bench-2 --name bench)
#   MERCHANT       whose shipments change (default bench-2; 100,000 shipments in the 1M data set,
#                  about 35,000 of them not yet delivered, expired or out for delivery)
#   COUNT=100000   status changes in the burst (three per shipment, so COUNT/3 shipments)
#   STATUSES       the rounds (default OutForDelivery,AttemptFail,Delivered)
#   RATE=500       status changes per second (0: as fast as the API takes them)
#   BATCH=50       events per API request
#   SINK_PORT=2525
#   PATHS          tracking-page paths (bench/tracking-links.sh); when readable, wrk runs the
#                  tracking-page benchmark for TRACKING_DURATION first alone, then during the burst
#   TRACKING_DURATION=30s, CONNECTIONS=64
#   LANDFALL_DATA_DIR / DATABASE_URL: the database, as bench/pg-connect.sh reads it
# It prints the emails' statuses, the sending rate (first status change to last SMTP accept), and
# the time from each status change to the SMTP server's accept (p50, p90, p99, max).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://localhost:7070}
merchant=${MERCHANT:-bench-2}
count=${COUNT:-100000}
rate=${RATE:-500}
statuses=${STATUSES:-OutForDelivery,AttemptFail,Delivered}
rounds=$(tr ',' '\n' <<< "$statuses" | wc -l)
batch=${BATCH:-50}
sink_port=${SINK_PORT:-2525}
paths=${PATHS:-}
duration=${TRACKING_DURATION:-30s}
connections=${CONNECTIONS:-64}
[[ -n ${KEY:-} ]] || { echo "set KEY to an API key of $merchant" >&2; exit 2; }
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
psql -c "SELECT s.id FROM shipments s JOIN merchants m ON m.id = s.merchant_id JOIN orders o ON o.merchant_id = s.merchant_id
         AND o.id = s.order_id WHERE m.slug = '$merchant' AND s.direction = 'outbound' AND s.status NOT IN ('OutForDelivery', 'Delivered', 'Expired')
         AND o.customer_email IS NOT NULL ORDER BY s.id LIMIT $((count / rounds))" > "$ids"
echo "burst: $(wc -l < "$ids") shipments of $merchant, $statuses: $(($(wc -l < "$ids") * rounds)) status changes at ${rate}/s (0: unpaced), $batch a request; $where"
mark=$(psql -c "SELECT coalesce(max(id), 0) FROM notification_outbox")

tracking() {
  PATHS=$paths wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/tracking-page.lua" "$base" |
    awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = $2 } END { printf "%s req/s, p99 %s\n", rps, p99 }'
}
if [[ -r $paths ]]; then
  echo "tracking pages alone:        $(tracking)"
fi

start=$(date +%s.%N)
java "$here/NotificationBurst.java" "$base" "$KEY" "$ids" "$rate" "$batch" "$statuses" &
burst=$!
if [[ -r $paths ]]; then
  sleep 5
  echo "tracking pages during burst: $(tracking)"
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
