#!/usr/bin/env bash
# Runs the production gateway in the foreground: nginx serves the built widget files and
# forwards the jtel routes the forms use to the jtel REST server, adding the token, so the
# browser never holds it. Renders gateway/nginx.conf.template with envsubst (only the
# variables below) into $GATEWAY_DIR and runs nginx from there without root.
# Ctrl-C or SIGTERM stops nginx; a GATEWAY_DIR made here (it holds the token) is removed.
#
#   JTEL_UPSTREAM    the jtel REST server, http(s)://host:port (no path)       required
#   JTEL_CLIENTS_ID  the ClientsID the gateway fixes for every request         required
#   JTEL_TOKEN       the jtel token, sent as "Authorization: Bearer …"         required
#   LISTEN           nginx listen address                                     127.0.0.1:8080
#   DIST_DIR         the built widget files (trunk build --release)           <repo>/dist
#   FRAME_ANCESTORS  who may frame frame.html (CSP frame-ancestors sources)   'self'
#   JTEL_CA_FILE     CA bundle to verify an https upstream                    /etc/ssl/certs/ca-certificates.crt
#   GATEWAY_DIR      nginx prefix: rendered config, pid, temp files          a new temp dir
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() { echo "gateway.sh: $*" >&2; exit 2; }
# Refuses a value that could change the meaning of the rendered config.
check() { [[ "$2" =~ $3 ]] || fail "$1 must match $3"; }

command -v nginx >/dev/null || fail "nginx is missing: apt-get install nginx (scripts/install-tools.sh does)"
command -v envsubst >/dev/null || fail "envsubst is missing: apt-get install gettext-base"

: "${JTEL_UPSTREAM:?set JTEL_UPSTREAM, e.g. https://jtel-rest.example:8443}"
: "${JTEL_CLIENTS_ID:?set JTEL_CLIENTS_ID, e.g. 1}"
: "${JTEL_TOKEN:?set JTEL_TOKEN to the token from the jtel portal}"
export LISTEN="${LISTEN:-127.0.0.1:8080}"
export DIST_DIR="${DIST_DIR:-$repo_root/dist}"
self_only="'self'"
export FRAME_ANCESTORS="${FRAME_ANCESTORS:-$self_only}"
export JTEL_CA_FILE="${JTEL_CA_FILE:-/etc/ssl/certs/ca-certificates.crt}"
export JTEL_UPSTREAM JTEL_CLIENTS_ID JTEL_TOKEN

check JTEL_UPSTREAM "$JTEL_UPSTREAM" '^https?://([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\])(:[0-9]+)?$'
check JTEL_CLIENTS_ID "$JTEL_CLIENTS_ID" '^[0-9]+$'
check JTEL_TOKEN "$JTEL_TOKEN" '^[A-Za-z0-9._~+/=-]+$'
check LISTEN "$LISTEN" '^[][A-Za-z0-9.:]+$'
check FRAME_ANCESTORS "$FRAME_ANCESTORS" "^[A-Za-z0-9 .:/*'_-]+$"
check DIST_DIR "$DIST_DIR" '^/[^"$;\\]*$'
check JTEL_CA_FILE "$JTEL_CA_FILE" '^/[^"$;\\ ]*$'
[ -f "$DIST_DIR/index.html" ] || [ -f "$DIST_DIR/jtel-widgets-loader.js" ] ||
  fail "no widget files in $DIST_DIR: run trunk build --release (or set DIST_DIR)"

made_dir=""
if [ -z "${GATEWAY_DIR:-}" ]; then
  GATEWAY_DIR="$(mktemp -d -t jtel-gateway.XXXXXX)"
  made_dir="$GATEWAY_DIR"
fi
umask 077
mkdir -p "$GATEWAY_DIR"
envsubst '${LISTEN} ${DIST_DIR} ${JTEL_UPSTREAM} ${JTEL_CLIENTS_ID} ${JTEL_TOKEN} ${FRAME_ANCESTORS} ${JTEL_CA_FILE}' \
  <"$repo_root/gateway/nginx.conf.template" >"$GATEWAY_DIR/nginx.conf"

nginx -p "$GATEWAY_DIR/" -c "$GATEWAY_DIR/nginx.conf" -e stderr -g 'daemon off;' &
nginx_pid=$!
stop() { kill -TERM "$nginx_pid" 2>/dev/null || true; }
trap stop INT TERM
echo "gateway.sh: serving $DIST_DIR on http://$LISTEN/, /jtel/ -> $JTEL_UPSTREAM/rest/v1.0/$JTEL_CLIENTS_ID/" >&2
status=0
# A trapped signal interrupts the first wait; the second waits for nginx to finish stopping.
wait "$nginx_pid" || status=$?
wait "$nginx_pid" 2>/dev/null || true
[ -z "$made_dir" ] || rm -rf "$made_dir"
exit "$status"
