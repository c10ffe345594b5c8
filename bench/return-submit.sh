#!/usr/bin/env bash
# The return-submit benchmark: 50 shoppers at once, each submitting a return of their own order
# through the real form POST (policy evaluation, row locks, inserts, outbox), against a running
# Landfall; prints requests/s and p50/p90/p99/max. Target (issue 5): p99 under 100 ms.
#
# usage: bench/return-submit.sh [BASE_URL] [ORDERS]
#   BASE_URL  a running Landfall (default http://localhost:8090)
#   ORDERS    how many delivered one-item orders to create for it (default 20000; each is returned once)
# environment: CONCURRENCY=50 DURATION=30 (seconds) WARMUP=10 (seconds, not kept), LOAD=wrk (default, when wrk is
# installed) or java (bench/ReturnSubmit.java as the client), and DATABASE_URL or
# LANDFALL_DATA_DIR as for bench/tracking-links.sh (the script writes the orders with psql)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://localhost:8090}
orders=${2:-20000}
source "$here/pg-connect.sh"

curl -fsS -o /dev/null "$base/health" || { echo "nothing answers at $base/health" >&2; exit 1; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# a merchant of its own, with a policy and a reason; orders delivered yesterday, one item each
psql "${conn[@]}" -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -v n="$orders" >"$out" <<'SQL'
insert into merchants (slug, name) values ('bench-returns', 'Bench Returns') on conflict (slug) do nothing;
select id as m from merchants where slug = 'bench-returns' \gset
insert into return_policies (merchant_id, name, is_default, return_shipping_fee)
  select :m, 'Standard', true, 4.95 where not exists (select 1 from return_policies where merchant_id = :m and is_default);
insert into return_reasons (merchant_id, code, label) values (:m, 'too_small', 'Too small') on conflict do nothing;
select id as r from return_reasons where merchant_id = :m and code = 'too_small' \gset
with o as (
  insert into orders (merchant_id, order_number, customer_email, placed_at, currency)
  select :m, 'BR-' || g || '-' || extract(epoch from now())::bigint, 'shopper' || g || '@example.com', now() - interval '5 days', 'USD'
  from generate_series(1, :n) g
  returning id),
i as (
  insert into order_items (merchant_id, order_id, sku, title, quantity, unit_price)
  select :m, o.id, 'TEE-M', 'Organic tee', 1, 29.00 from o
  returning id, order_id),
s as (
  insert into shipments (merchant_id, order_id, carrier, tracking_number, status, public_token, shipped_at, delivered_at)
  select :m, i.order_id, 'ups', 'BR' || i.order_id, 'Delivered', md5(random()::text) || md5(random()::text), now() - interval '4 days',
         now() - interval '1 day'
  from i
  returning id, order_id),
si as (
  insert into shipment_items (merchant_id, shipment_id, order_item_id, quantity)
  select :m, s.id, i.id, 1 from s join i on i.order_id = s.order_id
  returning order_item_id)
select :m, :r, encode((select secret from instance_secrets where name = 'signed_links'), 'hex'), i.order_id, i.id
from i;
SQL
# fresh statistics (planned against the old row counts, the first minute of the run measured seq
# scans), and the bulk insert's vacuum and checkpoint done now rather than in the middle of the run
psql "${conn[@]}" -X -q -c "vacuum analyze orders, order_items, shipments, shipment_items, returns, return_items, notification_outbox" \
  -c "checkpoint"
echo "created $(wc -l <"$out") orders in $where"
if [[ "${LOAD:-wrk}" == wrk ]] && command -v wrk >/dev/null; then
  # wrk sends prepared requests and takes little CPU from the server it measures (the Java driver
  # below takes a good share of the 2 cores); half the orders are for the warm-up
  threads=$(( ${CONCURRENCY:-50} < 2 ? 1 : 2 ))
  requests=$(mktemp)
  trap 'rm -f "$out" "$requests" "$requests".*' EXIT
  java "$here/ReturnSubmit.java" --requests "$requests" "$out"
  total=$(wc -l <"$requests")
  head -n $((total / 2)) "$requests" >"$requests.warmup"
  tail -n +$((total / 2 + 1)) "$requests" >"$requests.measured"
  echo "warm-up (not kept):"
  wrk -t"$threads" -c"${CONCURRENCY:-50}" -d"${WARMUP:-10}s" --timeout 10s -s "$here/return-submit.lua" "$base" -- "$requests.warmup" 0 "$threads" | grep -E "^returns:"
  echo "measured:"
  wrk -t"$threads" -c"${CONCURRENCY:-50}" -d"${DURATION:-30}s" --timeout 10s --latency -s "$here/return-submit.lua" "$base" -- "$requests.measured" 0 "$threads" \
    | grep -E "^returns:|^target"
else
  java "$here/ReturnSubmit.java" "$base" "$out" "${CONCURRENCY:-50}" "${DURATION:-30}" "${WARMUP:-10}"
fi
