#!/usr/bin/env bash
# Packs the npm package `jtel-widgets` from a release build (`trunk build --release`, which also
# writes the one-widget bundles, scripts/widget-bundles.sh):
#
#   scripts/npm-package.sh [DIST]     DIST: the release build, default target/e2e-dist
#
# The package holds the three loaders with their JS glue, wasm and snippets (the flat files of
# the build's versioned folder v/<version>/, scripts/versioned-urls.sh), the iframe page's host
# helper jtel-frame-host.js (docs/frame.md), and the hand-written TypeScript declarations,
# package.json and README from npm/; its version is the
# widget crate's. Writes target/npm/package/ and target/npm/jtel-widgets-<version>.tgz, lists
# the tarball's files with their sizes (npm pack) and prints the tarball's path last.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/bundles.sh
out=target/npm

fail() { echo "npm-package.sh: $*" >&2; exit 2; }
# A debug build (trunk serve) has no versioned folder: its one-widget files are copies of the full bundle.
build_version="$(bundle_version "${1:-target/e2e-dist}")" ||
  fail "no release build in ${1:-target/e2e-dist}: run trunk build --release (--dist ${1:-target/e2e-dist})"
dist="${1:-target/e2e-dist}/v/$build_version"
for bundle in "${BUNDLES[@]}"; do
  for file in "$bundle-loader.js" "$bundle.js" "${bundle}_bg.wasm"; do
    [ -f "$dist/$file" ] || fail "no $dist/$file: run trunk build --release"
  done
done
frame_host="${1:-target/e2e-dist}/jtel-frame-host.js"
[ -f "$frame_host" ] || fail "no $frame_host: run trunk build --release"

version="$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () =>
    console.log(JSON.parse(s).packages.find((p) => p.name === "jtel-widgets").version))')"
[ -n "$version" ] || fail "no version of the jtel-widgets crate"

rm -rf "$out/package"
mkdir -p "$out/package"
for bundle in "${BUNDLES[@]}"; do
  cp "$dist/$bundle-loader.js" "$dist/$bundle.js" "$dist/${bundle}_bg.wasm" "$out/package/"
done
cp "$frame_host" "$out/package/"
cp -r "$dist/snippets" "$out/package/"
# The brotli and gzip siblings are for web servers; bundlers compress on their own.
find "$out/package/snippets" \( -name '*.br' -o -name '*.gz' \) -delete
cp npm/package.json npm/README.md npm/*.d.ts "$out/package/"
(cd "$out/package" && npm pkg set version="$version")

rm -f "$out"/jtel-widgets-*.tgz
npm pack --pack-destination "$out" "$out/package" >&2
tarball="$out/jtel-widgets-$version.tgz"
[ -f "$tarball" ] || fail "npm pack wrote no $tarball"
echo "$PWD/$tarball"
