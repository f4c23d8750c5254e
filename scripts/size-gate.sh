#!/usr/bin/env bash
# The size gate: fails when a bundle of the release build in $1 (default dist/) is larger on
# the wire (brotli -q 11, loader + JS glue + wasm + snippet, as scripts/size-report.sh counts)
# than its budget in bench/size-budget.txt. scripts/test.sh runs it after the release build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bundles.sh
dist="${1:-dist}"
budget_file=bench/size-budget.txt
failed=0
for bundle in "${BUNDLES[@]}"; do
  budget="$(awk -v name="$bundle" '$1 == name { print $2 }' "$budget_file")"
  if [ -z "$budget" ]; then
    echo "size gate: $bundle has no budget in $budget_file" >&2
    failed=1
    continue
  fi
  bytes=0
  while read -r file; do
    bytes=$((bytes + $(brotli -q 11 -c "$file" | wc -c)))
  done < <(bundle_files "$dist" "$bundle")
  if [ "$bytes" -gt "$budget" ]; then
    printf 'size gate: %-20s %7d B brotli > budget %7d B (+%d B)\n' "$bundle" "$bytes" "$budget" $((bytes - budget)) >&2
    failed=1
  else
    printf 'size gate: %-20s %7d B brotli <= budget %7d B (%d B to spare)\n' "$bundle" "$bytes" "$budget" $((budget - bytes))
  fi
done
exit "$failed"
