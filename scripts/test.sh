#!/usr/bin/env bash
# Runs every test of jtel-widgets: host tests (jtel-core, jtel-emulator), browser tests of the
# components (wasm-bindgen-test in headless Chromium), then end-to-end tests (WebDriver, real
# Chromium) against the release build. Installs what is missing first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install-tools.sh

started=$SECONDS
step "host tests: jtel-core and jtel-emulator"
cargo test --locked -p jtel-core -p jtel-emulator

step "browser tests: components in headless Chromium"
cargo test --locked -p jtel-widgets --target wasm32-unknown-unknown

step "release build of the demo page (trunk, offline)"
trunk build --release --dist target/e2e-dist

step "end-to-end tests: real Chromium, gateway, jtel emulator"
JTEL_DIST="$PWD/target/e2e-dist" cargo test --locked -p jtel-widgets --test e2e_callback

step "all tests passed in $((SECONDS - started)) s"
