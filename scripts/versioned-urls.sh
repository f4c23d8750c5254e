#!/usr/bin/env bash
# Gives a release build versioned URLs (docs/deployment.md): moves the JS glue, the wasm and
# the snippets of every bundle into v/<version>/, where <version> is a hash of their content
# (and of copies of the loaders, so a changed loader is a new version too), then points the
# entry loaders (jtel-widgets-loader.js and the one-widget ones, which keep their names) and
# the preload hints of every page below DIR at that folder. v/<version>/ is a complete flat set
# (loaders, glue, wasm, snippets with their relative imports) that can be cached for a year:
# its content never changes under its name. The entry loaders are revalidated on every load.
#
#   scripts/versioned-urls.sh DIR    (scripts/widget-bundles.sh runs it on release builds;
#                                     again on DIR, it only points new pages at the version)
set -euo pipefail
dir="$1"
source "$(dirname "${BASH_SOURCE[0]}")/bundles.sh"

if [ -f "$dir/jtel-widgets.js" ]; then
  staging="$dir/v/next"
  rm -rf "$staging"
  mkdir -p "$staging"
  for bundle in "${BUNDLES[@]}"; do
    mv "$dir/$bundle.js" "$dir/${bundle}_bg.wasm" "$staging/"
    cp "$dir/$bundle-loader.js" "$staging/"
  done
  mv "$dir/snippets" "$staging/"
  # 12 hex digits: 48 bits of the content's SHA-256, and few bytes in each entry loader.
  version="$(cd "$staging" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12)"
  rm -rf "${dir:?}/v/$version"
  mv "$staging" "$dir/v/$version"
  for bundle in "${BUNDLES[@]}"; do
    # Every quoted "./<bundle>.js" or "./<bundle>_bg.wasm" (static or dynamic import, URL).
    sed -i -E "s#([\"'])\./($bundle\.js|${bundle}_bg\.wasm)([\"'])#\1./v/$version/\2\3#g" "$dir/$bundle-loader.js"
    grep -q "\./v/$version/$bundle\.js" "$dir/$bundle-loader.js"
  done
fi

version="$(bundle_version "$dir")"
# The hints name what the loaders fetch, so nothing is fetched twice.
find "$dir" -name '*.html' -not -path "$dir/v/*" -print0 | while IFS= read -r -d '' page; do
  for bundle in "${BUNDLES[@]}"; do
    sed -i -E "s#href=\"((\.\./)*)($bundle\.js|${bundle}_bg\.wasm)\"#href=\"\1v/$version/\3\"#g" "$page"
  done
done
