#!/usr/bin/env bash
# Packs the npm package `jtel-widgets` from a release build (`trunk build --release`, which also
# writes the one-widget bundles, scripts/widget-bundles.sh):
#
#   scripts/npm-package.sh [DIST]     DIST: the release build, default target/e2e-dist
#
# The package holds the three loaders with their JS glue, wasm and snippets, and the
# hand-written TypeScript declarations, package.json and README from npm/; its version is the
# widget crate's. Writes target/npm/package/ and target/npm/jtel-widgets-<version>.tgz, lists
# the tarball's files with their sizes (npm pack) and prints the tarball's path last.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dist="${1:-target/e2e-dist}"
out=target/npm
bundles=(jtel-widgets jtel-acd-event-form jtel-cockpit)

fail() { echo "npm-package.sh: $*" >&2; exit 2; }
for bundle in "${bundles[@]}"; do
  for file in "$bundle-loader.js" "$bundle.js" "${bundle}_bg.wasm"; do
    [ -f "$dist/$file" ] || fail "no $dist/$file: run trunk build --release (--dist $dist)"
  done
done
# A debug build (trunk serve) writes the one-widget files as copies of the full bundle.
! cmp -s "$dist/jtel-widgets_bg.wasm" "$dist/jtel-acd-event-form_bg.wasm" ||
  fail "$dist is a debug build: the one-widget bundles are copies of the full one"

version="$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () =>
    console.log(JSON.parse(s).packages.find((p) => p.name === "jtel-widgets").version))')"
[ -n "$version" ] || fail "no version of the jtel-widgets crate"

rm -rf "$out/package"
mkdir -p "$out/package"
for bundle in "${bundles[@]}"; do
  cp "$dist/$bundle-loader.js" "$dist/$bundle.js" "$dist/${bundle}_bg.wasm" "$out/package/"
done
cp -r "$dist/snippets" "$out/package/"
cp npm/package.json npm/README.md npm/*.d.ts "$out/package/"
(cd "$out/package" && npm pkg set version="$version")

rm -f "$out"/jtel-widgets-*.tgz
npm pack --pack-destination "$out" "$out/package" >&2
tarball="$out/jtel-widgets-$version.tgz"
[ -f "$tarball" ] || fail "npm pack wrote no $tarball"
echo "$PWD/$tarball"
