#!/usr/bin/env bash
# Measures the widgets on this machine and writes bench/results.md (also printed):
#   1. transfer size of what a host page loads for one widget (raw / gzip -9 / brotli -q 11) with
#      the one-widget bundles and the full one, next to the plain HTML/JS baseline, and the
#      largest items of the one-form wasm (twiggy);
#   2. native micro-benchmarks of jtel-core (cargo bench -p jtel-core --bench core);
#   3. in headless Chromium (bench/src/main.rs): time to interactive through the documented
#      deployment (scripts/gateway.sh: nginx with compression and cache headers) under network
#      emulation, a fast (10 Mbit/s, 40 ms) and a slow mobile profile (1.6 Mbit/s, 150 ms),
#      cold and warm loads, widget and baseline alternating in the same run, with bytes
#      transferred and where the time goes (bench/src/network.rs); keystroke-to-feedback
#      latency; the agent picker with 100, 1,000 and 10,000 rows; the lifecycle soak: each
#      widget added and removed SOAK_CYCLES times (10,000) with its memory curve (DOM nodes,
#      listeners, JS heap, wasm);
#   4. the jtel gateway (scripts/bench-gateway.sh): creates and picker reads per second with
#      p50/p99 through one and two instances, and memory over a soak (SOAK_SECONDS, default 600),
#      written to bench/gateway-results.md.
# Performance is measured here, side by side with the baseline, never asserted by the tests.
# Installs what is missing first (twiggy too; without it the wasm breakdown is skipped).
#
#   LOADS=30 KEYSTROKES=50 PICKER_SAMPLES=20 SOAK_CYCLES=10000 SOAK_SECONDS=600 scripts/bench.sh
#   (GATEWAY_BENCH=0 leaves part 4 out; load_after in bench/results.md is taken after part 3.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install-tools.sh
source scripts/bundles.sh

TWIGGY_VERSION=0.8.0
LOADS="${LOADS:-30}"
KEYSTROKES="${KEYSTROKES:-50}"
PICKER_SAMPLES="${PICKER_SAMPLES:-20}"
SOAK_CYCLES="${SOAK_CYCLES:-10000}"
dist=target/bench-dist
results=bench/results.md
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step "release build (trunk, offline) into $dist, with the bench pages"
trunk build --release --dist "$dist" >/dev/null
rm -rf "$dist/bench"
cp -r bench/pages "$dist/bench"
# As the build does for its own pages: hints at the versioned files, precompressed siblings.
scripts/versioned-urls.sh "$dist"
scripts/precompress.sh "$dist/bench"

# One row per file: raw, gzip -9 and brotli -q 11 bytes; totals in the last row.
size_table() {
  local title="$1" base="$2"
  shift 2
  local total_raw=0 total_gzip=0 total_brotli=0 file raw gz br
  echo "| $title | raw | gzip -9 | brotli -q 11 |"
  echo "|---|---:|---:|---:|"
  for file in "$@"; do
    raw=$(stat -c %s "$file")
    gz=$(gzip -9c "$file" | wc -c)
    br=$(brotli -q 11 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)) total_gzip=$((total_gzip + gz)) total_brotli=$((total_brotli + br))
    echo "| \`${file#"$base"/}\` | $raw | $gz | $br |"
  done
  echo "| **total** | **$total_raw** | **$total_gzip** | **$total_brotli** ($((total_brotli / 1024)) KiB) |"
  echo
}

step "transfer sizes"
{
  echo "### Transfer size of one widget (what a host page loads besides its own HTML)"
  echo
  # The stylesheet is built into the wasm (adopted into each shadow root), so it is no file.
  for bundle in jtel-acd-event-form jtel-cockpit jtel-widgets; do
    mapfile -t files < <(bundle_files "$dist" "$bundle")
    size_table "\`$bundle\` bundle" "$dist" "${files[@]}"
  done
  size_table "baseline (plain HTML/JS callback form)" "$dist" "$dist/bench/baseline.html" "$dist/bench/baseline.js" "$dist/jtel-widgets.css"
} >"$work/sizes.md"
cat "$work/sizes.md"

step "what the wasm is made of (twiggy)"
if ! twiggy --version 2>/dev/null | grep -q "$TWIGGY_VERSION"; then
  step "cargo install twiggy $TWIGGY_VERSION (about 2 minutes, once)"
  cargo install --locked twiggy --version "$TWIGGY_VERSION" >"$work/twiggy-install.log" 2>&1 ||
    echo "bench.sh: twiggy did not install (see below); the wasm breakdown is skipped" >&2
fi
{
  echo "### Largest items of the one-form wasm, jtel-acd-event-form_bg.wasm (twiggy)"
  echo
  if twiggy --version >/dev/null 2>&1; then
    # The one-form bundle's wasm has no names; the same build through wasm-bindgen and
    # wasm-opt -Oz with -g keeps them (item sizes as shipped, plus an uncounted names section).
    cargo build --locked --quiet --release --target wasm32-unknown-unknown --bin jtel-widgets \
      --no-default-features --features acd-event-form
    wasm-bindgen --target web --keep-debug --out-dir "$work/named" \
      target/wasm32-unknown-unknown/release/jtel-widgets.wasm
    wasm-opt -Oz -g "$work/named/jtel-widgets_bg.wasm" -o "$work/named.wasm"
    twiggy top -n 100000 -f json "$work/named.wasm" >"$work/twiggy.json"
    if ! command -v python3 >/dev/null; then
      echo "(python3 is missing, so no grouping by crate: twiggy's own top 20)"
      echo
      echo '```'
      twiggy top -n 20 "$work/named.wasm"
      echo '```'
      echo
    else
    python3 - "$work/twiggy.json" <<'PY'
import json, re, sys
items = [i for i in json.load(open(sys.argv[1])) if "function names" not in i["name"]]
total = sum(i["shallow_size"] for i in items)
def crate(name):
    if name.startswith("data segment") or name.startswith("data["):
        return "data (strings, tables, the stylesheet)"
    if name.startswith("import "):
        return "(imports from the JS glue)"
    name = re.sub(r"^(<|&mut |&|dyn |\()+", "", name)
    head = re.split(r"::|<| as |\[", name, maxsplit=1)[0].strip()
    # Crate names are snake_case; the rest are generic impls (`<T as …>`) and unnamed code.
    return head if re.fullmatch(r"[a-z_][a-z0-9_]*", head) and head != "code" else "(generic impls, unnamed code)"
groups = {}
for i in items:
    groups[crate(i["name"])] = groups.get(crate(i["name"]), 0) + i["shallow_size"]
print(f"By crate (shallow bytes of {total} B, before compression):\n")
print("| crate | bytes | share |")
print("|---|---:|---:|")
for name, size in sorted(groups.items(), key=lambda g: -g[1])[:15]:
    print(f"| `{name}` | {size} | {100 * size / total:.1f} % |")
print("\nLargest single items:\n")
print("| item | bytes |")
print("|---|---:|")
for i in sorted(items, key=lambda i: -i["shallow_size"])[:15]:
    name = re.sub(r"::h[0-9a-f]{16}$", "", i["name"]).replace("|", "\\|")
    if len(name) > 110:
        name = name[:107] + "…"
    print(f"| `{name}` | {i['shallow_size']} |")
print()
PY
    fi
  else
    echo "twiggy could not be installed here, so this part is skipped:"
    echo
    echo '```'
    tail -5 "$work/twiggy-install.log" 2>/dev/null || true
    echo '```'
    echo
  fi
} >"$work/twiggy.md"
cat "$work/twiggy.md"

step "native micro-benchmarks of jtel-core"
cargo bench --locked -p jtel-core --bench core 2>/dev/null | grep '^|' >"$work/native.md"
echo >>"$work/native.md"
cat "$work/native.md"

step "headless Chromium: $LOADS cold and warm loads per page and network profile, $KEYSTROKES keystroke pairs, picker $PICKER_SAMPLES× per size, $SOAK_CYCLES lifecycle cycles per widget"
cargo build --locked -q -p jtel-bench -p jtel-gateway
export JTEL_GATEWAY_BIN="$PWD/target/debug/jtel-gateway"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
./target/debug/jtel-bench --dist "$dist" --loads "$LOADS" --keystrokes "$KEYSTROKES" \
  --picker-samples "$PICKER_SAMPLES" --soak-cycles "$SOAK_CYCLES" --out "$work/browser.md" >/dev/null
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
cat "$work/browser.md"

model="$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
{
  echo "# Benchmark results"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores ($model),"
  echo "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(chromium --version 2>/dev/null | head -1 || echo Chromium), $(rustc --version | cut -d' ' -f1-2);"
  echo "load average before the browser runs: $load_before, after them: $load_after. Times in the browser are"
  echo "measured inside the page (performance.now); the widget and its baseline ran in the same run."
  echo
  cat "$work/sizes.md" "$work/twiggy.md"
  echo "### jtel-core, native micro-benchmarks"
  echo
  cat "$work/native.md" "$work/browser.md"
} >"$results"
step "written to $results"

if [ "${GATEWAY_BENCH:-1}" = 0 ]; then
  step "GATEWAY_BENCH=0: the gateway part is left out (bench/gateway-results.md stays as it is)"
else
  step "the jtel gateway: load through one and two instances, memory over a soak"
  scripts/bench-gateway.sh
fi
