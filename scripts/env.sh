# Sourced by the other scripts: tool versions and PATH. Project-local tools live in .tools/.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# The accessibility rules the end-to-end suite runs on every route (npm axe-core, pinned).
AXE_VERSION=4.10.3
export KEYSTONE_AXE="${KEYSTONE_AXE:-$ROOT/.tools/npm/node_modules/axe-core/axe.min.js}"
# wasm-bindgen-cli must match the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
export PATH="$ROOT/.tools/npm/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
