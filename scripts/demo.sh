#!/usr/bin/env bash
# Starts the demo: the jtel emulator on 127.0.0.1:8787 and `trunk serve` on
# http://127.0.0.1:8080/ (a CRM contact page with the callback form). Ctrl-C stops both.
# Installs what is missing first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install-tools.sh

step "building the jtel emulator"
cargo build --locked -p jtel-emulator
./target/debug/jtel-emulator --listen 127.0.0.1:8787 --token jtel-demo-token --clients-id 1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true' EXIT INT TERM

step "serving the demo at http://127.0.0.1:8080/ (the first build takes a minute)"
trunk serve
