#!/usr/bin/env bash
# `make bench`: builds the release dist/ and measures the performance budgets in headless
# Chromium (tests/bench.rs). Appends a row to bench/RESULTS.md. Takes a few minutes.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/build.sh
KEYSTONE_DIST="$ROOT/dist" cargo test --release --features e2e --test bench
