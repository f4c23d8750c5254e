#!/usr/bin/env bash
# Measures the jtel gateway (crates/jtel-gateway) as deployed by scripts/gateway.sh (nginx in
# front, one or two gateway instances, Redis for two) against the jtel emulator, all on this
# machine's loopback: creates (staff token, a fresh Idempotency-Key each) and picker reads
# (GET users) per second with p50/p99 latency, then the instances' memory (RSS) over a soak
# under mixed load. Prints a table and writes bench/gateway-results.md. Measures, never asserts.
# Called by scripts/bench.sh; runs on its own too:
#
#   DURATION=10 CONCURRENCY=16 SOAK_SECONDS=600 scripts/bench-gateway.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v step >/dev/null 2>&1 || step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

DURATION="${DURATION:-10}"
CONCURRENCY="${CONCURRENCY:-16}"
SOAK_SECONDS="${SOAK_SECONDS:-600}"
results=bench/gateway-results.md
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step "release builds: jtel-gateway, jtel-emulator, the load generator"
cargo build --release --locked -q -p jtel-gateway -p jtel-emulator
cargo build --release --locked -q -p jtel-bench --bin gateway_load

# The emulator on a free port (it prints its base URL first; its request log is dropped).
./target/release/jtel-emulator --listen 127.0.0.1:0 --token bench-jtel-token >"$work/emulator.out" 2>&1 &
emulator=$!
pids+=("$emulator")
until base_url="$(grep -m1 -o 'http://[0-9.:]*/rest/v1.0/1' "$work/emulator.out")"; do
  kill -0 "$emulator" 2>/dev/null || { cat "$work/emulator.out"; exit 1; }
  sleep 0.1
done
: >"$work/emulator.out"

export BENCH_HS_SECRET="bench-only-secret-$(date +%s%N)-0123456789abcdef"
printf '%s' "bench-jtel-token" >"$work/jtel-token"
printf '%s' "$BENCH_HS_SECRET" >"$work/hs-secret"
mkdir -p "$work/dist"
echo '<!doctype html><title>bench</title>' >"$work/dist/index.html"
cat >"$work/gateway.toml" <<TOML
[jtel]
base_url = "$base_url"
token_file = "jtel-token"
[staff]
issuer = "bench"
audience = "bench"
[[staff.keys]]
kid = "bench"
algorithm = "HS256"
secret_file = "hs-secret"
TOML

# Starts scripts/gateway.sh with $1 instances on a free port; sets $deployment and $url.
start_deployment() {
  local port
  # A port nothing answers on (nginx needs a number; the instances behind it take port 0).
  while port=$(( (RANDOM % 20000) + 30000 )); (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do :; done
  url="http://127.0.0.1:$port"
  GATEWAY_CONFIG="$work/gateway.toml" INSTANCES="$1" LISTEN="127.0.0.1:$port" \
    DIST_DIR="$work/dist" GATEWAY_DIR="$work/run-$1" JTEL_GATEWAY_BIN="$PWD/target/release/jtel-gateway" \
    scripts/gateway.sh >/dev/null 2>"$work/gateway-$1.log" &
  deployment=$!
  pids+=("$deployment")
  until grep -q "gateway.sh: serving" "$work/gateway-$1.log" 2>/dev/null; do
    kill -0 "$deployment" 2>/dev/null || { cat "$work/gateway-$1.log"; exit 1; }
    sleep 0.1
  done
}

stop_deployment() {
  kill -TERM "$deployment"
  wait "$deployment" 2>/dev/null || true
}

# The RSS (KiB) of every gateway instance of the running deployment, summed.
gateway_rss() {
  local total=0 pid
  for pid in $(ps -o pid= --ppid "$deployment"); do
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "jtel-gateway" ] || continue
    total=$((total + $(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")))
  done
  echo "$total"
}

# The machine's load average over the last minute (the benchmark shares the cores with
# whatever else runs).
load_now() { cut -d' ' -f1 /proc/loadavg; }

table="| gateway instances | requests | concurrency | requests/s | p50 ms | p99 ms | errors | load average (1 min) before |
|---:|---|---:|---:|---:|---:|---:|---:|"
for instances in 1 2; do
  step "$instances instance(s): creates and picker reads, $DURATION s each, $CONCURRENCY clients"
  start_deployment "$instances"
  for mode in create read; do
    load=$(load_now)
    read -r _ count errors rps p50 p99 < <(./target/release/gateway_load "$url" "$mode" "$CONCURRENCY" "$DURATION" 2>"$work/errors.txt")
    # What the errors were, as the load generator counted them (HTTP status or no answer).
    kinds="$(sed -n 's/^gateway_load [a-z]*: errors: //p' "$work/errors.txt")"
    label=$([ "$mode" = create ] && echo "create (POST acd/events/create)" || echo "picker read (GET users)")
    table+=$'\n'"| $instances | $label | $CONCURRENCY | $rps | $p50 | $p99 | $errors of $count${kinds:+ ($kinds)} | $load |"
  done
  stop_deployment
done

step "soak: 2 instances, mixed load (4 clients creating, 4 reading) for $SOAK_SECONDS s, RSS every 10 s"
start_deployment 2
soak_load_start=$(load_now)
rss_start=$(gateway_rss)
./target/release/gateway_load "$url" create 4 "$SOAK_SECONDS" >"$work/soak-create.txt" 2>>"$work/soak-errors.txt" &
load_create=$!
./target/release/gateway_load "$url" read 4 "$SOAK_SECONDS" >"$work/soak-read.txt" 2>>"$work/soak-errors.txt" &
load_read=$!
rss_peak=$rss_start
samples="$rss_start"
# One row a minute for the report: seconds, RSS of both instances, load average.
over_time="| s | RSS of both instances (KiB) | load average (1 min) |
|---:|---:|---:|
| 0 | $rss_start | $soak_load_start |"
soak_started=$SECONDS
while kill -0 "$load_create" 2>/dev/null; do
  sleep 10
  rss=$(gateway_rss)
  samples+=" $rss"
  [ "$rss" -gt "$rss_peak" ] && rss_peak=$rss
  elapsed=$((SECONDS - soak_started))
  if [ $(( elapsed / 60 )) -gt $(( (elapsed - 10) / 60 )) ]; then
    over_time+=$'\n'"| $elapsed | $rss | $(load_now) |"
  fi
done
wait "$load_create" "$load_read"
rss_end=$(gateway_rss)
stop_deployment
read -r _ soak_creates soak_create_errors _ < "$work/soak-create.txt"
read -r _ soak_reads soak_read_errors _ < "$work/soak-read.txt"

report="$(cat <<MD
# Gateway benchmark

Written by \`scripts/bench-gateway.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores, everything
on this machine's loopback (load generator, nginx, gateway instances, Redis, jtel emulator share
the cores). A request is one HTTP request through nginx and a gateway instance to the emulator:
the staff token checked, a create also validated by jtel-core and recorded for idempotency
(in memory with one instance, in Redis with two).

$table

Soak: $SOAK_SECONDS s with 2 instances, $soak_creates creates ($soak_create_errors errors) and $soak_reads picker reads
($soak_read_errors errors). Resident memory of both gateway instances together: $((rss_start / 1024)) MiB at the start,
$((rss_peak / 1024)) MiB at the peak, $((rss_end / 1024)) MiB at the end (samples every 10 s in KiB: $samples).$( [ -s "$work/soak-errors.txt" ] && printf ' Soak errors: %s' "$(tr '\n' ' ' <"$work/soak-errors.txt")")

$over_time
MD
)"
echo "$report"
echo "$report" >"$results"
step "written to $results"
