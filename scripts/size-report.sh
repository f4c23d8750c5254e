#!/usr/bin/env bash
# Prints what a host page downloads for the widgets (release build), for each bundle: raw,
# gzip -9 and brotli -q 11 bytes of its loader, JS glue, wasm and the shared snippet. Run it
# before adding a dependency. The bundles are listed in scripts/bundles.sh; the suite's size
# gate (scripts/size-gate.sh) holds the brotli totals to bench/size-budget.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install-tools.sh
source scripts/bundles.sh
dist=target/size-dist
trunk build --release --dist "$dist" >/dev/null
for bundle in "${BUNDLES[@]}"; do
  echo
  printf '%-44s %10s %10s %10s\n' "$bundle" raw gzip brotli
  total_raw=0 total_gzip=0 total_brotli=0
  while read -r file; do
    raw=$(stat -c %s "$file")
    gz=$(gzip -9c "$file" | wc -c)
    br=$(brotli -q 11 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)) total_gzip=$((total_gzip + gz)) total_brotli=$((total_brotli + br))
    printf '  %-42s %10d %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz" "$br"
  done < <(bundle_files "$dist" "$bundle")
  printf '  %-42s %10d %10d %10d\n' "total" "$total_raw" "$total_gzip" "$total_brotli"
done
