#!/usr/bin/env bash
# Runs every test layer; exits non-zero on the first failing layer.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
start=$(date +%s)

echo "== 1/3 native tests (domain, charts to SVG, routes, catalog)"
cargo test --quiet

echo "== 2/3 components in headless Chromium (wasm-bindgen-test)"
WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test browser

echo "== 3/3 end-to-end: release dist/ under a sub-path, driven through WebDriver"
scripts/build.sh
KEYSTONE_DIST="$ROOT/dist" cargo test --quiet --features e2e --test e2e -- --test-threads=1

echo "all test layers passed in $(( $(date +%s) - start )) s"
