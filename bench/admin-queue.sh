#!/usr/bin/env bash
# The admin returns queue with many returns: how long a page takes (first page, filtered, searched,
# and the 1,000th page by its keyset cursor), signed in as an owner, 4 connections, no think time.
# Issue 6: pagination that stays fast with 100,000 returns.
#
# usage: bench/admin-queue.sh [BASE_URL] [MERCHANT_SLUG]
#   BASE_URL       a running Landfall (default http://localhost:8090)
#   MERCHANT_SLUG  a merchant with many returns (default bench-returns, which bench/return-submit.sh fills)
# environment: DURATION=10 (seconds per page), DATABASE_URL or LANDFALL_DATA_DIR as for the other benches,
# LANDFALL_JAR (default target/landfall.jar) to create the bench owner with `user create`
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://localhost:8090}
slug=${2:-bench-returns}
source "$here/pg-connect.sh"
command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)" >&2; exit 1; }
curl -fsS -o /dev/null "$base/health" || { echo "nothing answers at $base/health" >&2; exit 1; }
q() { psql "${conn[@]}" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }

count=$(q "select count(*) from returns r join merchants m on m.id = r.merchant_id where m.slug = '$slug'")
echo "merchant $slug has $count returns"
email="bench-owner@$slug.example"
password="bench owner passphrase"
if [[ $(q "select count(*) from merchant_users where email = '$email'") == 0 ]]; then
  if [[ -n ${DATABASE_URL:-} ]]; then url=$DATABASE_URL; else url="postgres://postgres:$PGPASSWORD@127.0.0.1:$port/postgres"; fi
  LANDFALL_PASSWORD=$password DATABASE_URL=$url java -jar "${LANDFALL_JAR:-target/landfall.jar}" user create \
    --merchant "$slug" --email "$email" --role owner >/dev/null
fi
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/admin/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" \
  --data-urlencode "password=$password" "$base/admin/login"
session=$(awk '$6 == "lf_session" {print $7}' "$jar")
[[ -n $session ]] || { echo "could not sign in as $email" >&2; exit 1; }

deep=$(q "select (extract(epoch from r.created_at) * 1000000)::bigint || '.' || r.id from returns r join merchants m on m.id = r.merchant_id
          where m.slug = '$slug' order by r.created_at desc, r.id desc offset 49999 limit 1")
email_of=$(q "select o.customer_email from returns r join orders o on o.merchant_id = r.merchant_id and o.id = r.order_id
              join merchants m on m.id = r.merchant_id where m.slug = '$slug' order by r.id limit 1")
day=$(q "select to_char(min(r.created_at), 'YYYY-MM-DD') from returns r join merchants m on m.id = r.merchant_id where m.slug = '$slug'")
printf '%-44s %8s %8s %8s %8s\n' "page" "req/s" "p50" "p90" "p99"
for page in "/admin/returns" "/admin/returns?status=requested" "/admin/returns?status=approved" \
            "/admin/returns?after=$deep" "/admin/returns?q=$email_of" "/admin/returns?reason=too_small" \
            "/admin/returns?from=$day&to=$day"; do
  out=$(wrk -t2 -c4 -d"${DURATION:-10}s" --latency -H "Cookie: lf_session=$session" "$base$page")
  if grep -q "Non-2xx" <<<"$out"; then echo "$page: answers other than 200" >&2; grep "Non-2xx" <<<"$out" >&2; exit 1; fi
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out"); p90=$(awk '$1 == "90%" {print $2}' <<<"$out"); p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  label=${page/after=$deep/after=<the 1,000th page>}
  printf '%-44s %8s %8s %8s %8s\n' "${label:0:44}" "$rps" "$p50" "$p90" "$p99"
done
