#!/usr/bin/env bash
# Runs every test layer; stops at the first failing layer. Ends with one total line.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
start=$(date +%s)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs a layer, showing its output and keeping it for the totals.
layer() {
    echo "== $1"
    shift
    "$@" 2>&1 | tee -a "$log"
}

# Lint gate: every warning clippy finds fails the run, for the app (wasm32) and for the
# native code and tests alike.
echo "== 0/3 lints (clippy, native and wasm32, warnings are errors)"
cargo clippy --quiet --all-targets --features e2e -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --all-targets -- -D warnings
layer "1/3 native tests (domain, charts to SVG, routes, catalog)" cargo test --quiet --lib
layer "2/3 components in headless Chromium (wasm-bindgen-test)" \
    env WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test browser
echo "== 3/3 end-to-end: release dist/ under a sub-path, driven through WebDriver"
scripts/build.sh
layer "    (driving the built app)" env KEYSTONE_DIST="$ROOT/dist" cargo test --quiet --features e2e --test e2e -- --test-threads=1

passed=$(grep -oE '[0-9]+ passed' "$log" | awk '{ s += $1 } END { print s + 0 }')
failed=$(grep -oE '[0-9]+ failed' "$log" | awk '{ s += $1 } END { print s + 0 }')
echo "all test layers passed in $(( $(date +%s) - start )) s"
echo "keystone: $passed passed, $failed failed"
