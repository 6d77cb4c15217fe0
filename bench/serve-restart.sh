#!/usr/bin/env bash
# `bulwark serve` restarted over the same store (issue 15): a scene from an empty store, then the same scene from a new
# server process reading the store. Times each start (process launch to the first answer of /api/architectures) and
# each scene (curl's time_total), with the load average. Needs `dotnet build -c Release` first.
# Run from the repository root: bench/serve-restart.sh [port]   (docs/performance.md, "The reach-table store")
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18093}"
query="architecture=epaa-phase-3-2018&threat=sejjil-3-tabriz-rome"
bulwark=src/Bulwark.Cli/bin/Release/net10.0/bulwark.dll
export BULWARK_CACHE_DIR="$(mktemp -d)"
trap 'rm -rf "$BULWARK_CACHE_DIR"' EXIT
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC') commit $(git rev-parse --short HEAD); nproc $(nproc); store $BULWARK_CACHE_DIR"

run() {
  local label="$1" t0 t1 pid
  t0=$(date +%s.%N)
  dotnet "$bulwark" serve --port "$port" > /dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/architectures"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server exited" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  echo "# $label: uptime before the scene: $(uptime)"
  local scene
  scene=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/api/scene?$query")
  printf "%s: start %.2f s, scene %.2f s\n" "$label" "$(echo "$t1 - $t0" | bc)" "$scene"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "# store now: $(du -sb "$BULWARK_CACHE_DIR" | cut -f1) bytes, $(find "$BULWARK_CACHE_DIR" -type f | wc -l) files"
}

run "empty store"
run "new process, same store"
run "another new process, same store"
echo "# uptime after: $(uptime)"
