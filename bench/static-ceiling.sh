#!/usr/bin/env bash
# The ceiling for the tracking-page benchmark: nginx serving one saved copy of a real tracking page
# as a static file, for every /t/… path, so bench/tracking-page.lua and the same paths file run
# against it unchanged.
#
# usage: bench/static-ceiling.sh [BASE_URL] [PATHS]     save a page, write the config, start nginx
#        bench/static-ceiling.sh stop                   stop the nginx this script started
#   BASE_URL  a running Landfall (default http://localhost:8090)
#   PATHS     paths file from bench/tracking-links.sh (default /tmp/tracking-paths.txt); its first
#             path is the page that is saved
# environment:
#   CEILING_PORT  port nginx listens on, on 127.0.0.1 (default 8091)
#   CEILING_DIR   where the page, config, pid file and error log go (default /tmp/landfall-ceiling)
#
# nginx runs from its own config with its own pid file (not the system service): 2 worker processes
# (one per core here), access log off, sendfile, keep-alive connections never closed by the server
# (Landfall's Jetty does not close them either). Needs the nginx binary: apt-get install -y nginx.
set -euo pipefail

port=${CEILING_PORT:-8091}
dir=${CEILING_DIR:-/tmp/landfall-ceiling}
conf=$dir/nginx.conf
pidfile=$dir/nginx.pid

nginx_bin=$(command -v nginx || true)
[[ -z $nginx_bin && -x /usr/sbin/nginx ]] && nginx_bin=/usr/sbin/nginx
if [[ -z $nginx_bin ]]; then
  echo "nginx not found: apt-get install -y nginx" >&2
  exit 1
fi

running_pid() {
  [[ -r $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null && cat "$pidfile"
}

stop() {
  local pid
  if pid=$(running_pid); then
    "$nginx_bin" -p "$dir" -c "$conf" -e "$dir/error.log" -s quit
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      "$nginx_bin" -p "$dir" -c "$conf" -e "$dir/error.log" -s stop
    fi
    echo "stopped the ceiling nginx (pid $pid)"
  else
    echo "no ceiling nginx running from $dir"
  fi
}

if [[ ${1:-} == stop ]]; then
  stop
  exit 0
fi

base=${1:-http://localhost:8090}
base=${base%/}
paths=${2:-/tmp/tracking-paths.txt}
if [[ ! -r $paths ]]; then
  echo "no paths file $paths: make one with bench/tracking-links.sh" >&2
  exit 1
fi
path=$(grep -m1 '^/' "$paths")

if pid=$(running_pid); then
  echo "a ceiling nginx from $dir is still running (pid $pid): restarting it" >&2
  stop >/dev/null
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is in use: choose another with CEILING_PORT" >&2
  exit 1
fi

mkdir -p "$dir/html" "$dir/temp"
if ! curl -fsS -o "$dir/html/page.html" "$base$path"; then
  echo "could not fetch $base$path: is Landfall running at $base?" >&2
  exit 1
fi

cat >"$conf" <<EOF
# written by bench/static-ceiling.sh: one saved tracking page ($path) for every /t/ path
worker_processes 2;
pid $pidfile;
error_log $dir/error.log warn;

events {
    worker_connections 1024;
}

http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 75s;
    keepalive_requests 100000000;
    server_tokens off;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;

    server {
        listen 127.0.0.1:$port;
        root $dir/html;

        location /t/ {
            # the same Content-Type as Landfall's
            types { }
            default_type text/html;
            try_files /page.html =404;
        }
        location / {
            return 404;
        }
    }
}
EOF

"$nginx_bin" -p "$dir" -c "$conf" -e "$dir/error.log" -t -q
"$nginx_bin" -p "$dir" -c "$conf" -e "$dir/error.log"
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port$path" 2>/dev/null && break
  sleep 0.1
done
if ! cmp -s <(curl -fsS "http://127.0.0.1:$port$path") "$dir/html/page.html"; then
  echo "nginx started but does not serve the saved page; see $dir/error.log" >&2
  stop >&2
  exit 1
fi

echo "ceiling: nginx (pid $(cat "$pidfile")) serves $dir/html/page.html ($(wc -c <"$dir/html/page.html") bytes, saved from $base$path)"
echo "         for every http://127.0.0.1:$port/t/… path"
echo "stop it: bench/static-ceiling.sh stop   (or: $nginx_bin -p $dir -c $conf -s quit)"
