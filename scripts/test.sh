#!/usr/bin/env bash
# Runs every gate and test of jtel-widgets: formatting and clippy (host, wasm32, each bundle's
# feature set; warnings denied, `missing_docs` on the library crates), host tests (jtel-core,
# jtel-emulator), browser tests of the components (wasm-bindgen-test in headless Chromium), the
# release build and its size gate (bench/size-budget.txt), then end-to-end tests (WebDriver,
# real Chromium) against the release build. Installs what is missing first.
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
run_tests env JTEL_DIST="$PWD/target/e2e-dist" cargo test --locked -p jtel-widgets --test e2e_event_forms --test e2e_cockpit --test e2e_accessibility --test e2e_faults --test e2e_gateway --test e2e_gateway_staff --test e2e_hostile_text --test e2e_link_attacks --test e2e_jtel_variants --test e2e_callback_time --test e2e_hosts --test e2e_any_origin --test e2e_lifecycle --test e2e_delivery --test e2e_visual --test e2e_loading --test e2e_frame_host --test e2e_host_css --test e2e_focus --test e2e_consistency

for report in target/reports/*; do
  [ -f "$report" ] && { step "report: ${report#target/reports/}"; cat "$report"; }
done

passed=$(awk '/^test result:/ { sum += $4 } END { print sum + 0 }' "$log")
failed=$(awk '/^test result:/ { sum += $6 } END { print sum + 0 }' "$log")
step "all test suites passed in $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
