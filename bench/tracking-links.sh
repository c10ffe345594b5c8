#!/usr/bin/env bash
# Writes N distinct tracking-page paths (/t/<public_token>, one a line) of random shipments of the
# benchmark merchants, for bench/tracking-page.lua and bench/tracking-page.sh.
#
# usage: bench/tracking-links.sh [N] [OUT]
#   N    how many paths (default 10000)
#   OUT  where to write them (default /tmp/tracking-paths.txt)
# environment:
#   DATABASE_URL       an external PostgreSQL (postgres://… or jdbc:postgresql://…?user=…&password=…);
#                      unset: the embedded PostgreSQL of a running Landfall under LANDFALL_DATA_DIR
#   LANDFALL_DATA_DIR  default ./data; the port is read from <dir>/postgres/postmaster.pid and the
#                      password from <dir>/postgres.password, so Landfall must be running
#   MERCHANTS          comma-separated merchant slugs (default bench-3,…,bench-10: bench-1 and bench-2
#                      carry the extra events of the ingestion and webhook benchmarks)
#   SEED               the same seed on the same data picks the same links (default landfall);
#                      SEED=random picks a new set each time
#
# The shipments are picked uniformly at random from all of those merchants' shipments, whatever
# their status, so the statuses come in the proportions of the data (about 62 % Delivered).
set -euo pipefail

n=${1:-10000}
out=${2:-/tmp/tracking-paths.txt}
merchants=${MERCHANTS:-bench-3,bench-4,bench-5,bench-6,bench-7,bench-8,bench-9,bench-10}
seed=${SEED:-landfall}
[[ $seed == random ]] && seed=$RANDOM$RANDOM$RANDOM

if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/tracking-links.sh [N] [OUT]   (N a positive number, got '$n')" >&2
  exit 2
fi
source "$(dirname "$0")/pg-connect.sh"

# md5(seed || token) orders the rows the same way whatever order the scan returns them in (a
# synchronized seq scan may start anywhere), so a seed gives a repeatable set
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
psql "${conn[@]}" -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -v n="$n" -v seed="$seed" -v merchants="$merchants" >"$tmp" <<'SQL'
select s.status, '/t/' || s.public_token
from shipments s
join merchants m on m.id = s.merchant_id
where m.slug = any (string_to_array(:'merchants', ','))
order by md5(:'seed' || s.public_token)
limit :n;
SQL

cut -f2 "$tmp" >"$out"
got=$(wc -l <"$out")
echo "wrote $got tracking paths to $out (merchants $merchants, seed $seed; $where)"
if (( got < n )); then
  echo "warning: asked for $n, but those merchants have only $got shipments" >&2
fi
# the status mix of the chosen links, most common first
cut -f1 "$tmp" | sort | uniq -c | sort -rn | awk -v t="$got" '{ printf "  %-20s %6d  %5.1f %%\n", $2, $1, 100 * $1 / t }'
