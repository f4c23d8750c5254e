#!/usr/bin/env bash
# Sourced by size-report.sh, size-gate.sh, versioned-urls.sh and bench.sh: the bundles a
# release build writes and the files a host page downloads for each (its entry loader, and
# from the versioned folder v/<version>/ its JS glue, wasm and the shared snippet).
#   jtel-widgets         every widget (custom elements, mount(), the iframe page)
#   jtel-acd-event-form  only <jtel-acd-event-form>
#   jtel-cockpit         only <jtel-cockpit-variable> and <jtel-cockpit-variables>

BUNDLES=(jtel-widgets jtel-acd-event-form jtel-cockpit)

# The version the entry loaders of the release build in $1 point at (scripts/versioned-urls.sh).
bundle_version() {
  sed -n 's#.*"\./v/\([0-9a-f]*\)/.*#\1#p' "$1/jtel-widgets-loader.js" | head -1 | grep .
}

# The files of bundle $2 in the release build in $1, one per line.
bundle_files() {
  local version
  version="$(bundle_version "$1")"
  printf '%s\n' "$1/$2-loader.js" "$1/v/$version/$2.js" "$1/v/$version/${2}_bg.wasm" "$1/v/$version"/snippets/*/*.js
}
