#!/usr/bin/env bash
# Serves the built dist/ on 127.0.0.1 (any static server works; this one ships with Python).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PORT="${PORT:-8080}"
echo "Keystone is at http://127.0.0.1:$PORT/  (Ctrl-C stops it)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
