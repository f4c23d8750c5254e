#!/usr/bin/env bash
# Runs every gate and test of jtel-widgets: formatting and clippy (host, wasm32, each bundle's
# feature set; warnings denied, `missing_docs` on the library crates), host tests (jtel-core,
# jtel-emulator), browser tests of the components (wasm-bindgen-test in headless Chromium), the
# release build and its size gate (bench/size-budget.txt), then end-to-end tests (WebDriver,
# real Chromium; those that need nothing Chromium-only again in Firefox ESR and WebKitGTK,
# docs/engines.md) against the release build. Installs what is missing first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install-tools.sh

started=$SECONDS
rm -rf target/reports
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Every cargo test's output also goes to $log, for the totals at the end.
run_tests() { "$@" 2>&1 | tee -a "$log"; }

step "gate: cargo fmt --check"
cargo fmt --all --check

step "gate: clippy, warnings denied (host: every crate and target; wasm32: the widgets, each feature set)"
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked -p jtel-widgets --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --locked -p jtel-widgets --target wasm32-unknown-unknown --no-default-features --features acd-event-form -- -D warnings
cargo clippy --locked -p jtel-widgets --target wasm32-unknown-unknown --no-default-features --features cockpit -- -D warnings

step "host tests: jtel-core, jtel-emulator, jtel-gateway (its attack suite) and the widgets' pure reducers"
run_tests cargo test --locked -p jtel-core -p jtel-emulator -p jtel-gateway
run_tests cargo test --locked -p jtel-widgets --lib
step "host tests: the npm package's TypeScript declarations against the options and docs; the install snippets of the README and docs/install.md"
run_tests cargo test --locked -p jtel-widgets --test npm_declarations --test readme_install

step "gate: the crates package for crates.io (jtel-core, jtel-widgets), and the Yew example (examples/yew_app.rs) builds for wasm32"
# --allow-dirty: a working tree with uncommitted changes is packaged as it is. cargo verifies
# jtel-widgets against jtel-core 0.1.0 from a temporary local registry, and treats a registry
# crate of one version as never changing: it unpacks it into CARGO_HOME once and reuses a
# build of it. So the check builds in its own target dir, and an earlier run's jtel-core
# (unpacked, packaged or built) goes first.
check_dir=target/package-check
rm -rf "$check_dir/package" "$check_dir"/debug/.fingerprint/jtel-core-* \
  "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/jtel-core-*
cargo package --locked --quiet --allow-dirty --target-dir "$check_dir" -p jtel-core -p jtel-widgets
cargo build --locked --quiet -p jtel-widgets --example yew_app --target wasm32-unknown-unknown

step "browser tests: components in headless Chromium"
run_tests cargo test --locked -p jtel-widgets --target wasm32-unknown-unknown

step "release build of the demo page (trunk, offline)"
trunk build --release --dist target/e2e-dist

step "gate: bundle sizes (brotli) within bench/size-budget.txt"
scripts/size-gate.sh target/e2e-dist

step "npm package jtel-widgets from the release build (its files and sizes)"
scripts/npm-package.sh target/e2e-dist

step "host apps for the end-to-end tests: React 19 and Vue 3 with Vite, plain TypeScript with webpack, the hostile-CSS page's frameworks, from the npm registry"
# The jtel-widgets package itself is packed from the release build and installed into each app
# by tests/e2e_hosts.rs (npm install --no-save, so the lock files stay as committed).
for app in tests/hosts/react tests/hosts/vue tests/hosts/webpack tests/hosts/css; do (cd "$app" && npm ci --no-audit --no-fund); done

step "end-to-end tests: real Chromium, gateways (axum stand-in; nginx with the jtel gateway), jtel emulator, host apps from the npm package, CRM pages on other origins"
# scripts/gateway.sh in the end-to-end tests runs this binary (target/debug/jtel-gateway).
cargo build --locked -q -p jtel-gateway
# The end-to-end files that run in every engine, and those only Chromium runs, with why.
e2e_every_engine=(e2e_event_forms e2e_cockpit e2e_faults e2e_gateway e2e_gateway_staff e2e_hostile_text
  e2e_jtel_variants e2e_hosts e2e_any_origin e2e_delivery e2e_loading e2e_frame_host e2e_host_css
  e2e_consistency)
declare -A e2e_chromium_only=(
  [e2e_accessibility]="the axe-core audit of every state, run once, in Chromium"
  [e2e_callback_time]="time zones set through the DevTools protocol (Emulation.setTimezoneOverride)"
  [e2e_lifecycle]="DOM nodes, listeners and heap counted through the DevTools protocol"
  [e2e_link_attacks]="a watcher in every new document through the DevTools protocol"
  [e2e_visual]="screenshots compared with Chromium's reference images"
  [e2e_focus]="the accessibility tree read through the DevTools protocol"
)
e2e_dist="$PWD/target/e2e-dist"
e2e_all=("${e2e_every_engine[@]}" "${!e2e_chromium_only[@]}")
run_tests env JTEL_DIST="$e2e_dist" cargo test --locked -p jtel-widgets "${e2e_all[@]/#/--test=}"

# Runs the files of e2e_every_engine in engine $1 (JTEL_BROWSER; $2 names it), through the
# command in $3 (empty, or xvfb-run for an X server), leaving out the tests given after it as
# "test_name: why"; says what it leaves out, so that nothing passes by not running.
engine_leg() {
  local engine=$1 title=$2 wrapper=$3 skips=() test why
  shift 3
  step "end-to-end tests in $title (JTEL_BROWSER=$engine): ${e2e_every_engine[*]}"
  for test in "${!e2e_chromium_only[@]}"; do
    echo "  not run in $title: $test (Chromium only: ${e2e_chromium_only[$test]})"
  done
  for test in "$@"; do
    why=${test#*: }
    test=${test%%: *}
    echo "  not run in $title: $test ($why)"
    skips+=(--skip "$test")
  done
  run_tests $wrapper env JTEL_BROWSER="$engine" JTEL_DIST="$e2e_dist" cargo test --locked -p jtel-widgets \
    "${e2e_every_engine[@]/#/--test=}" -- "${skips[@]}"
}

install_browser_engines
# Left out in both: tests of these files that open no browser (they ran above), and one that
# needs the DevTools protocol.
every_leg=(
  "the_built_page_does_not_contain_the_token: e2e_event_forms, opens no browser"
  "what_the_forms_do_not_use_is_refused_and_never_reaches_jtel: e2e_gateway, opens no browser"
  "large_bodies_and_fast_creates_are_refused_with_413_and_429: e2e_gateway, opens no browser"
  "frame_html_is_served_under_every_prefix_and_framed_by_the_crm_origins: e2e_gateway, opens no browser"
  "every_file_goes_out_compressed_as_accepted_and_decodes_to_the_build_output: e2e_delivery, opens no browser"
  "versioned_files_are_kept_for_a_year_and_the_entries_are_revalidated: e2e_delivery, opens no browser"
  "the_pages_work_under_the_strict_content_security_policy: e2e_gateway, Chromium only: violations watched through the DevTools protocol"
)
engine_leg firefox "Firefox ESR" "" "${every_leg[@]}"
# WebKitGTK one test at a time: three MiniBrowsers beside three app builds overloaded the
# machine once, and one stopped answering.
engine_leg webkit "WebKitGTK" "xvfb-run -a env RUST_TEST_THREADS=1" "${every_leg[@]}" \
  "the_readme_snippets_work_from_an_allowed_crm_origin_and_are_refused_from_another: e2e_any_origin, WebKitWebDriver cannot focus or click into a cross-origin iframe" \
  "a_warm_load_asks_for_nothing_versioned_and_an_upgrade_takes_new_glue_and_wasm: e2e_delivery, WebKit's fetch() takes no preloaded wasm, so the cold load fetches it twice"

for report in target/reports/*; do
  [ -f "$report" ] && { step "report: ${report#target/reports/}"; cat "$report"; }
done

passed=$(awk '/^test result:/ { sum += $4 } END { print sum + 0 }' "$log")
failed=$(awk '/^test result:/ { sum += $6 } END { print sum + 0 }' "$log")
step "all test suites passed in $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
