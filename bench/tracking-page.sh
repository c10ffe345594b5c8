#!/usr/bin/env bash
# The tracking-page benchmark in one command: wrk with bench/tracking-page.lua against a running
# Landfall, then against nginx serving one saved copy of the page (bench/static-ceiling.sh), and
# Landfall's throughput as a fraction of that ceiling.
#
# usage: bench/tracking-page.sh [BASE_URL] [PATHS]
#   BASE_URL  a running Landfall (default http://localhost:8090)
#   PATHS     paths file from bench/tracking-links.sh (default /tmp/tracking-paths.txt)
# environment (defaults are the issue's run: wrk -t2 -c64 -d30s):
#   THREADS=2 CONNECTIONS=64 DURATION=30s
#   WARMUP=30s       a run against Landfall first whose numbers are not kept (JIT); 0 skips it
#   WARMUP_PATHS     the links the warm-up asks for (default: PATHS with -warmup before .txt, e.g.
#                    /tmp/tracking-paths-warmup.txt, made with SEED=warmup bench/tracking-links.sh). They
#                    must be other links than PATHS: a warm-up over the measured links would render
#                    and cache their pages, and the measured run would see only cache hits
# Landfall is measured twice over PATHS: first with none of their pages rendered yet (every link's
# first request renders it), then again with the pages cached (every request still asks the
# database whether the shipment, order or brand changed).
#   CEILING_PORT=8091  if nginx already answers there it is used as it is; otherwise the ceiling is
#                    started with bench/static-ceiling.sh and stopped again at the end
#   WRK_ARGS         more wrk arguments for both runs, e.g. WRK_ARGS="-H 'Accept-Encoding: gzip'"
# Targets (the issue): at least 3,000 requests/s with p99 under 50 ms, every response a 200.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://localhost:8090}
base=${base%/}
paths=${2:-/tmp/tracking-paths.txt}
threads=${THREADS:-2}
connections=${CONNECTIONS:-64}
duration=${DURATION:-30s}
warmup=${WARMUP:-30s}
warmup_paths=${WARMUP_PATHS:-${paths%.txt}-warmup.txt}
port=${CEILING_PORT:-8091}
ceiling=http://127.0.0.1:$port
eval "extra=(${WRK_ARGS:-})"

command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)" >&2; exit 1; }
if [[ ! -r $paths ]]; then
  echo "no paths file $paths: make one with bench/tracking-links.sh" >&2
  exit 1
fi
first=$(grep -m1 '^/' "$paths")
code=$(curl -s -o /dev/null -w '%{http_code}' "$base$first" || true)
if [[ $code != 200 ]]; then
  echo "$base$first answered ${code:-nothing}, not 200: is Landfall running at $base on the same database?" >&2
  exit 1
fi

# the page itself: one page's HTML, and the spread over the first 20 links (pages grow with events)
page=$(mktemp)
trap 'rm -f "$page"' EXIT
curl -fsS -o "$page" "$base$first"
scripts=$(grep -oi '<script' "$page" | wc -l)
stylesheets=$(grep -oiE "<link[^>]*rel=[\"']?stylesheet" "$page" | wc -l)
sizes=$(grep -m20 '^/' "$paths" | while read -r p; do curl -fsS -o /dev/null -w '%{size_download}\n' "$base$p"; done |
  sort -n | awk '{ s += $1; a[NR] = $1 } END { printf "min %d, median %d, max %d bytes", a[1], a[int((NR + 1) / 2)], a[NR] }')
echo "page: $base$first"
echo "  HTML $(wc -c <"$page") bytes, $scripts <script> tag(s), $stylesheets <link rel=\"stylesheet\"> tag(s)"
echo "  first 20 links: $sizes"
echo "paths: $(grep -c '^/' "$paths") from $paths"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"
echo

run() { # label url duration [paths]
  echo "== $1: wrk -t$threads -c$connections -d$3 $2"
  PATHS=${4:-$paths} wrk -t"$threads" -c"$connections" -d"$3" "${extra[@]}" -s "$here/tracking-page.lua" "$2"
}

if [[ ! $warmup =~ ^0+[a-z]*$ ]]; then
  if [[ ! -r $warmup_paths ]]; then
    echo "no warm-up paths file $warmup_paths: make one with SEED=warmup bench/tracking-links.sh 10000 $warmup_paths" >&2
    exit 1
  fi
  overlap=$(comm -12 <(sort -u "$paths") <(sort -u "$warmup_paths") | wc -l)
  echo "== Landfall warm-up over $warmup_paths ($overlap of its links also measured), not kept: wrk -t$threads -c$connections -d$warmup $base"
  run "" "$base" "$warmup" "$warmup_paths" | grep -E '^(requests/s|  non-200|  socket)' || true
  echo
fi
cold_out=$(run "Landfall, pages not rendered yet" "$base" "$duration")
echo "$cold_out"
echo
landfall_out=$(run "Landfall again, pages cached" "$base" "$duration")
echo "$landfall_out"
echo

started_ceiling=false
if curl -fsS -o /dev/null "$ceiling$first" 2>/dev/null; then
  echo "(using the nginx already answering at $ceiling)"
else
  started=$(CEILING_PORT=$port "$here/static-ceiling.sh" "$base" "$paths")
  head -1 <<<"$started"
  started_ceiling=true
  trap 'rm -f "$page"; "$here/static-ceiling.sh" stop >/dev/null' EXIT
fi
ceiling_out=$(run "nginx ceiling (one saved page)" "$ceiling" "$duration")
echo "$ceiling_out"
echo

field() { # output, awk program on the "requests/s:" line
  grep '^requests/s:' <<<"$1" | awk "$2"
}
rps() { field "$1" '{ print $2 }'; }
p99() { field "$1" '{ for (i = 1; i < NF; i++) if ($i == "p99") print $(i + 1) }'; }
c_rps=$(rps "$ceiling_out")

echo "== summary (wrk -t$threads -c$connections -d$duration, $(grep -c '^/' "$paths") links, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
summary() { # label, output
  local r p b s
  r=$(rps "$2"); p=$(p99 "$2")
  b=$(field "$2" '{ for (i = 1; i < NF; i++) if ($i == "non-200:") print $(i + 1) }')
  s=$(field "$2" '{ for (i = 1; i < NF; i++) if ($i == "errors:") print $(i + 1) }')
  awk -v label="$1" -v r="$r" -v p="$p" -v b="$b" -v s="$s" -v c="$c_rps" 'BEGIN {
    ok = (r >= 3000 && p < 50 && b == 0 && s == 0)
    printf "  %-34s %8s requests/s   p99 %7s ms   %.3f of nginx   target %s\n", label, r, p, (c > 0 ? r / c : 0), ok ? "met" : "NOT met" }'
}
summary "Landfall, pages not rendered yet" "$cold_out"
summary "Landfall, pages cached" "$landfall_out"
printf "  %-34s %8s requests/s   p99 %7s ms\n" "nginx, one saved page" "$c_rps" "$(p99 "$ceiling_out")"
echo "  target: >= 3,000 requests/s, p99 < 50 ms, every response a 200"
if $started_ceiling; then
  echo "(the ceiling nginx is stopped again)"
fi
