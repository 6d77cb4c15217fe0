#!/usr/bin/env bash
# The sweep figures of docs/performance.md ("Sweeps"): four sweeps one after the other, each under /usr/bin/time -v,
# with an empty reach-table store at the start shared by the four. Usage: tools/measure-sweeps.sh [OUTDIR] (default
# /tmp/bulwark-sweep-measure). Build first: dotnet build -c Release. Prints each run's time, memory and load.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/bulwark-sweep-measure}
bulwark=$PWD/src/Bulwark.Cli/bin/Release/net10.0/bulwark
rm -rf "$out" && mkdir -p "$out"
export BULWARK_CACHE_DIR="$out/cache"
run() {
  local name=$1; shift
  echo "== $name: $* ($(uptime | sed 's/.*load/load/'))"
  /usr/bin/time -v "$bulwark" sweep "$@" --out "$out/$name" > "$out/$name.out" 2> "$out/$name.err"
  grep -E "runs:|Elapsed|User time|System time|Maximum resident" "$out/$name.err"
}
run radars-6 tests/Bulwark.Tests/Data/Sweeps/sweep-radars.yaml --samples 6
run radars-24 tests/Bulwark.Tests/Data/Sweeps/sweep-radars.yaml --samples 24
run third-site examples/third-site-gbi-speed.yaml
run lisbon lisbon-2010 --step-deg 6 --samples 4 --flip-bisections 2
echo "== done ($(uptime | sed 's/.*load/load/'))"
