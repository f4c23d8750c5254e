#!/usr/bin/env bash
# Trunk post-build hook: writes the one-widget bundles next to the full one, so a page with a
# single form loads only that form's code:
#   jtel-acd-event-form-loader.js, jtel-acd-event-form.js, jtel-acd-event-form_bg.wasm
#   jtel-cockpit-loader.js, jtel-cockpit.js, jtel-cockpit_bg.wasm
# Each is the same crate built with one cargo feature (see Cargo.toml [features]), passed
# through the same wasm-bindgen and wasm-opt -Oz that trunk uses (both from PATH). Release
# builds then minify the JS glue and loaders of all three bundles, and the snippet they share,
# with terser (about 40 % fewer bytes after brotli), give the wasm's imports and exports short names in the wasm and the glue
# (scripts/short-wasm-names.mjs, about 4.5 KB less brotli per bundle), move the glue, wasm and
# snippets under versioned URLs (scripts/versioned-urls.sh) and write brotli and gzip siblings
# of the JS, wasm and CSS files (scripts/precompress.sh), as the deployment serves them
# (docs/deployment.md).
# Debug builds (`trunk serve`) write the same file names as copies of the full bundle, so pages
# that use them work in the demo without two more builds on every change.
set -euo pipefail
cd "$TRUNK_SOURCE_DIR"
out="$TRUNK_STAGING_DIR"
# Each one-widget bundle and the cargo feature it is built with.
declare -A features=([jtel-acd-event-form]=acd-event-form [jtel-cockpit]=cockpit)

# The loader of bundle $1: the shipped loader, importing $1.js instead of jtel-widgets.js.
write_loader() {
  sed "s#\"./jtel-widgets.js\"#\"./$1.js\"#" static/jtel-widgets-loader.js >"$out/$1-loader.js"
  grep -q "\"./$1.js\"" "$out/$1-loader.js"
}

if [[ "${TRUNK_PROFILE:-}" != release ]]; then
  for name in "${!features[@]}"; do
    sed "s#jtel-widgets_bg.wasm#${name}_bg.wasm#" "$out/jtel-widgets.js" >"$out/$name.js"
    cp "$out/jtel-widgets_bg.wasm" "$out/${name}_bg.wasm"
    write_loader "$name"
  done
  exit 0
fi
# cargo metadata's JSON, read by a JSON reader (Node, which the npm tools need anyway).
target_dir="$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')"
[ -n "$target_dir" ]

for name in "${!features[@]}"; do
  cargo build --locked --quiet --release --target wasm32-unknown-unknown --bin jtel-widgets \
    --no-default-features --features "${features[$name]}"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" \
    "$target_dir/wasm32-unknown-unknown/release/jtel-widgets.wasm"
  # Without the producers and target-features custom sections, which browsers ignore (the
  # full bundle likewise, by index.html's data-wasm-opt-params).
  wasm-opt -Oz --strip-producers --strip-target-features "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  write_loader "$name"
done

for bundle in jtel-widgets "${!features[@]}"; do
  for file in "$bundle.js" "$bundle-loader.js"; do
    terser "$out/$file" --module --compress --mangle --output "$out/$file"
  done
  node scripts/short-wasm-names.mjs "$out/$bundle.js" "$out/${bundle}_bg.wasm"
done
# wasm-bindgen's inline_js snippets (the custom elements' class), imported by every bundle's
# glue: minified like the glue, their exports keep their names.
for snippet in "$out"/snippets/*/*.js; do
  terser "$snippet" --module --compress --mangle --output "$snippet"
done

scripts/versioned-urls.sh "$out"
scripts/precompress.sh "$out"
