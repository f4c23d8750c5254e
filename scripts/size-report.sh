#!/usr/bin/env bash
# Prints what a host page downloads for the widgets (release build): raw, gzip -9 and brotli -q 11
# bytes of the wasm, the JS glue, the loader and its snippets. Run it before adding a dependency.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install-tools.sh
dist=target/size-dist
trunk build --release --dist "$dist" >/dev/null
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gzip=0 total_brotli=0
while IFS= read -r file; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)) total_gzip=$((total_gzip + gz)) total_brotli=$((total_brotli + br))
  printf '%-44s %10d %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz" "$br"
done < <(find "$dist" -type f \( -name 'jtel-widgets*' -o -path '*/snippets/*' \) | sort)
printf '%-44s %10d %10d %10d\n' "widget bundle (all of the above)" "$total_raw" "$total_gzip" "$total_brotli"
