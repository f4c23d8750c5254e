#!/usr/bin/env bash
# Writes a brotli (-q 11) and a gzip (-9) sibling next to every JS, wasm and CSS file below each
# DIR (foo.js.br, foo.js.gz), for nginx to send as they are (brotli_static, gzip_static in
# gateway/nginx.conf.template) instead of compressing on every request. HTML pages get none:
# a deployer edits them after the build (frame.html's deployment), and a sibling would then go
# stale; nginx compresses them on the fly. A file edited later needs this run again.
#
#   scripts/precompress.sh DIR...   (scripts/widget-bundles.sh runs it on release builds)
set -euo pipefail
command -v brotli >/dev/null || { echo "precompress.sh: brotli is missing: apt-get install brotli (scripts/install-tools.sh does)" >&2; exit 2; }
find "$@" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.wasm' -o -name '*.css' \) -print0 |
  while IFS= read -r -d '' file; do
    brotli -q 11 -f -o "$file.br" "$file"
    gzip -9 -n -c "$file" >"$file.gz"
    touch -r "$file" "$file.br" "$file.gz"
  done
