#!/usr/bin/env bash
# Builds the release dist/ and reports the gzip size of everything it serves.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build --release
total=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
    size=$(gzip -9 -c "$f" | wc -c)
    total=$((total + size))
    printf '  %-48s %7d bytes gzip\n' "$f" "$size"
done
printf '  %-48s %7d bytes gzip (%d KB)\n' "total" "$total" "$((total / 1024))"
