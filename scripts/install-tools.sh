#!/usr/bin/env bash
# Installs what building and testing jtel-widgets needs, skipping every step whose tool is
# already there in the right version. Sourced by demo.sh and test.sh (it changes PATH).
# Everything comes from Debian apt, crates.io, rustup or npm: nothing else is downloaded, and
# trunk runs offline (Trunk.toml), so it never fetches tools itself.

TRUNK_VERSION=0.21.14
# The WebDriver server of Firefox for the Firefox ESR leg of the end-to-end tests.
GECKODRIVER_VERSION=0.37.1
# The npm tools (binaryen's wasm-opt, axe-core, terser) are pinned in tools/package.json and
# tools/package-lock.json and installed with `npm ci`.
# Tools live outside the clone, so a second clone on the same machine reuses them.
JTEL_TOOLS_DIR="${JTEL_TOOLS_DIR:-$HOME/.local/share/jtel-widgets-tools}"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs the Debian packages given, if any.
apt_install() {
  [ $# -gt 0 ] || return 0
  step "apt-get install $*"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

install_apt_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v brotli >/dev/null || missing+=(brotli)
  # The production gateway (scripts/gateway.sh) and its end-to-end tests.
  command -v nginx >/dev/null || missing+=(nginx)
  # Precompressed brotli siblings of the widget files (gateway/nginx.conf.template loads it).
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  command -v envsubst >/dev/null || missing+=(gettext-base)
  # Shared idempotency records of several gateway instances (scripts/gateway.sh, its tests).
  command -v redis-server >/dev/null || missing+=(redis-server)
  # The fixed font of the visual check's screenshots (tests/e2e_visual.rs).
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  apt_install "${missing[@]}"
}

install_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

install_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    step "cargo install trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

# The wasm-bindgen CLI must equal the wasm-bindgen crate version in Cargo.lock.
install_wasm_bindgen_cli() {
  local wanted
  wanted="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo_root/Cargo.lock")"
  if [ -z "$wanted" ]; then
    echo "install-tools: no wasm-bindgen version in Cargo.lock" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wanted" ]; then
    step "cargo install wasm-bindgen-cli $wanted (about 4 minutes, once)"
    # Not --locked: its lockfile asks for a webpki-roots release the registry does not have.
    cargo install wasm-bindgen-cli --version "$wanted" --force
  fi
}

# Debian's binaryen is too old to read current rustc output; the npm package ships version 132.
# Also from npm: axe-core (the accessibility rules engine the end-to-end tests inject into
# pages) and terser (minifies the JS glue of release bundles, scripts/widget-bundles.sh).
# Exactly the versions of tools/package-lock.json, by `npm ci`, into a directory named after
# the lock file's hash: a changed lock installs beside the old one, never under a running build.
install_npm_tools() {
  local lock_hash npm_dir
  lock_hash="$(sha256sum "$repo_root/tools/package-lock.json" | cut -c1-16)"
  npm_dir="$JTEL_TOOLS_DIR/npm-$lock_hash"
  if [ ! -f "$npm_dir/node_modules/.package-lock.json" ]; then
    step "npm ci (tools/package-lock.json) into $npm_dir"
    rm -rf "$npm_dir"
    mkdir -p "$npm_dir"
    cp "$repo_root/tools/package.json" "$repo_root/tools/package-lock.json" "$npm_dir/"
    (cd "$npm_dir" && npm ci --silent --no-audit --no-fund)
  fi
  export PATH="$npm_dir/node_modules/.bin:$PATH"
  export JTEL_AXE_JS="$npm_dir/node_modules/axe-core/axe.min.js"
}

# The other browser engines the end-to-end tests run in (docs/engines.md), for scripts/test.sh
# only: Firefox ESR with geckodriver (crates.io), and WebKitGTK's MiniBrowser with its
# WebDriver server under a virtual X server (about 180 packages, half a minute).
install_browser_engines() {
  local missing=()
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
  apt_install "${missing[@]}"
  if [ "$(geckodriver --version 2>/dev/null | head -n1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    step "cargo install geckodriver $GECKODRIVER_VERSION (about 3 minutes, once)"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
}

# Tools cargo installed are found before their versions are checked (else a machine without
# the cargo bin directory on PATH would reinstall trunk, ten minutes, on every run).
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
install_apt_packages
install_wasm_target
install_trunk
install_wasm_bindgen_cli
install_npm_tools
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
# trunk builds offline, so the crates must be in the local registry first.
(cd "$repo_root" && cargo fetch --quiet)
