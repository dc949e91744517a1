#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs)." >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi

if ! cargo clippy --version >/dev/null 2>&1; then
    say "adding clippy (the lint gate of make test)"
    rustup component add clippy
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # Not --locked: the CLI's own lock file pins crates that no longer build here.
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

# Debian's binaryen (v108) produces a wasm that fails at start-up; npm's is current.
if ! wasm-opt --version 2>/dev/null | grep -q "(version_$BINARYEN_VERSION)"; then
    command -v npm >/dev/null || { echo "npm is missing: install Node.js (apt-get install nodejs npm)." >&2; exit 1; }
    say "installing wasm-opt (binaryen $BINARYEN_VERSION) into .tools/"
    npm install --prefix .tools/npm --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION.0.0"
fi

if ! grep -qs "\"version\": \"$AXE_VERSION\"" .tools/npm/node_modules/axe-core/package.json; then
    command -v npm >/dev/null || { echo "npm is missing: install Node.js (apt-get install nodejs npm)." >&2; exit 1; }
    say "installing axe-core $AXE_VERSION (accessibility rules for the end-to-end tests) into .tools/"
    npm install --prefix .tools/npm --no-audit --no-fund --silent "axe-core@$AXE_VERSION" "binaryen@$BINARYEN_VERSION.0.0"
fi

if ! [ -x "$CHROME_BIN" ] || ! [ -x "$CHROMEDRIVER" ]; then
    say "installing chromium and chromium-driver"
    if ! { as_root apt-get update -qq && as_root apt-get install -y -qq chromium chromium-driver; }; then
        echo "Please install Chromium and its driver: sudo apt-get install chromium chromium-driver" >&2
        exit 1
    fi
fi

# pdftotext reads what the end-to-end suite prints to PDF (the one-page plan and portfolio).
if ! command -v pdftotext >/dev/null; then
    say "installing poppler-utils (pdftotext, for the printed one-pagers)"
    if ! { as_root apt-get update -qq && as_root apt-get install -y -qq poppler-utils; }; then
        echo "Please install poppler-utils: sudo apt-get install poppler-utils" >&2
        exit 1
    fi
fi
