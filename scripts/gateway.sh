#!/usr/bin/env bash
# Runs the documented deployment in the foreground: nginx serves the built widget files
# (precompressed, versioned ones cached for a year: docs/deployment.md) and
# passes /jtel/ to one or more jtel-gateway instances (crates/jtel-gateway), which hold the
# jtel token and every check (docs/gateway.md). With more than one instance a Redis server
# is started for their shared idempotency records (or REDIS_URL is used). nginx and the
# instances run without root from $GATEWAY_DIR; Ctrl-C or SIGTERM stops them all.
#
#   GATEWAY_CONFIG    the gateway's TOML configuration (docs/gateway.md)        required
#   JTEL_TOKEN        the jtel token, unless the configuration names token_file
#   INSTANCES         gateway instances behind nginx                           1
#   REDIS_URL         shared idempotency store for INSTANCES > 1               a local redis-server
#   LISTEN            nginx listen address                                     127.0.0.1:8080
#   DIST_DIR          the built widget files (trunk build --release)           <repo>/dist
#   FRAME_ANCESTORS   who may frame frame.html (CSP frame-ancestors sources)   'self'
#   JTEL_GATEWAY_BIN  the gateway binary                                       built by cargo --release
#   GATEWAY_DIR       nginx prefix, logs, temp files                           a new temp dir
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() { echo "gateway.sh: $*" >&2; exit 2; }
# Refuses a value that could change the meaning of the rendered config.
check() { [[ "$2" =~ $3 ]] || fail "$1 must match $3"; }

command -v nginx >/dev/null || fail "nginx is missing: apt-get install nginx (scripts/install-tools.sh does)"
command -v envsubst >/dev/null || fail "envsubst is missing: apt-get install gettext-base"
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] ||
  fail "nginx's brotli module is missing: apt-get install libnginx-mod-http-brotli-static (scripts/install-tools.sh does)"

: "${GATEWAY_CONFIG:?set GATEWAY_CONFIG to the gateway configuration (docs/gateway.md)}"
[ -f "$GATEWAY_CONFIG" ] || fail "no configuration at $GATEWAY_CONFIG"
INSTANCES="${INSTANCES:-1}"
export LISTEN="${LISTEN:-127.0.0.1:8080}"
export DIST_DIR="${DIST_DIR:-$repo_root/dist}"
self_only="'self'"
export FRAME_ANCESTORS="${FRAME_ANCESTORS:-$self_only}"

check INSTANCES "$INSTANCES" '^[1-9]$'
check LISTEN "$LISTEN" '^[][A-Za-z0-9.:]+$'
check FRAME_ANCESTORS "$FRAME_ANCESTORS" "^[A-Za-z0-9 .:/*'_-]+$"
check DIST_DIR "$DIST_DIR" '^/[^"$;\\]*$'
[ -f "$DIST_DIR/index.html" ] || [ -f "$DIST_DIR/jtel-widgets-loader.js" ] ||
  fail "no widget files in $DIST_DIR: run trunk build --release (or set DIST_DIR)"

if [ -z "${JTEL_GATEWAY_BIN:-}" ]; then
  JTEL_GATEWAY_BIN="$repo_root/target/release/jtel-gateway"
  (cd "$repo_root" && cargo build --release -q -p jtel-gateway) || fail "cannot build jtel-gateway"
fi
[ -x "$JTEL_GATEWAY_BIN" ] || fail "no gateway binary at $JTEL_GATEWAY_BIN"

made_dir=""
if [ -z "${GATEWAY_DIR:-}" ]; then
  GATEWAY_DIR="$(mktemp -d -t jtel-gateway.XXXXXX)"
  made_dir="$GATEWAY_DIR"
fi
umask 077
mkdir -p "$GATEWAY_DIR"

pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
}
trap stop INT TERM EXIT

# Waits until $1 (a log file) holds a line matching $2 and prints the first match.
wait_for_line() {
  local tries=0
  until grep -m1 -o "$2" "$1" 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 200 ] || { cat "$1" >&2; fail "gave up waiting for $2 in $1"; }
    sleep 0.05
  done
}

redis_args=()
if [ "$INSTANCES" -gt 1 ] && [ -z "${REDIS_URL:-}" ]; then
  command -v redis-server >/dev/null || fail "redis-server is missing: apt-get install redis-server (scripts/install-tools.sh does)"
  # Port 0 is not allowed for redis; a unix socket in the private dir needs no port at all.
  : >"$GATEWAY_DIR/redis.log"
  redis-server --port 0 --unixsocket "$GATEWAY_DIR/redis.sock" --unixsocketperm 700 \
    --save '' --appendonly no --dir "$GATEWAY_DIR" >"$GATEWAY_DIR/redis.log" 2>&1 &
  pids+=($!)
  wait_for_line "$GATEWAY_DIR/redis.log" "ready to accept connections" >/dev/null
  REDIS_URL="redis+unix://$GATEWAY_DIR/redis.sock"
fi
[ -z "${REDIS_URL:-}" ] || redis_args=(--redis-url "$REDIS_URL")

servers=""
for i in $(seq 1 "$INSTANCES"); do
  # Port 0: the instance says where it listens. Its log is emptied first: the shell truncates
  # it only when the background process starts, and wait_for_line must never read the line of
  # an earlier run in the same GATEWAY_DIR (nginx then sent every other request to a port
  # nothing listens on: 502 for half of them).
  : >"$GATEWAY_DIR/gateway-$i.log"
  "$JTEL_GATEWAY_BIN" --config "$GATEWAY_CONFIG" --listen 127.0.0.1:0 "${redis_args[@]}" \
    >"$GATEWAY_DIR/gateway-$i.out" 2>"$GATEWAY_DIR/gateway-$i.log" &
  pids+=($!)
  address="$(wait_for_line "$GATEWAY_DIR/gateway-$i.log" 'listening on http://[0-9.:]*')"
  servers+="server ${address#listening on http://} max_fails=0; "
done
export GATEWAY_SERVERS="$servers"

envsubst '${LISTEN} ${DIST_DIR} ${FRAME_ANCESTORS} ${GATEWAY_SERVERS}' \
  <"$repo_root/gateway/nginx.conf.template" >"$GATEWAY_DIR/nginx.conf"
nginx -p "$GATEWAY_DIR/" -c "$GATEWAY_DIR/nginx.conf" -e stderr -g 'daemon off;' &
nginx_pid=$!
pids+=("$nginx_pid")
echo "gateway.sh: serving $DIST_DIR on http://$LISTEN/, /jtel/ -> $INSTANCES gateway instance(s): $servers" >&2
status=0
# A trapped signal interrupts the first wait; stop() then ends everything and we wait for it.
wait "$nginx_pid" || status=$?
stop
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
[ -z "$made_dir" ] || rm -rf "$made_dir"
exit "$status"
