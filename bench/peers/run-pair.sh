#!/usr/bin/env bash
# Two builds of the benchmark project timed at the same moment on the ICBM free flight (--loop RvVacuumFromApogee), each
# pinned to a core of its own, the cores swapped every round: a change's effect on the flight without the VM's drift
# between one run and the next (docs/performance.md, "The first step at Hairer's bound").
# Build each version first and copy its output folder aside, e.g.
#   dotnet build -c Release bench/Bulwark.Bench && cp -r bench/Bulwark.Bench/bin/Release/net10.0 /tmp/before
# then: bench/peers/run-pair.sh /tmp/before /tmp/after [rounds] [flights]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BUILD_DIR_A BUILD_DIR_B [rounds] [flights]" >&2; exit 2; }
a="$1"; b="$2"; rounds="${3:-6}"; flights="${4:-300000}"
[ "$(nproc)" -ge 2 ] || { echo "needs two cores" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
per_flight() { sed -n 's/^RvVacuumFromApogee: \([0-9.]*\) µs.*/\1/p' "$1"; }
median_block() { sed -n 's/^RvVacuumFromApogee blocks of [0-9]* flights: median \([0-9.]*\) µs.*/\1/p' "$1"; }
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then ca=0; cb=1; else ca=1; cb=0; fi
  taskset -c "$ca" "$a/Bulwark.Bench" --loop RvVacuumFromApogee "$flights" > "$out/a.txt" 2>&1 &
  taskset -c "$cb" "$b/Bulwark.Bench" --loop RvVacuumFromApogee "$flights" > "$out/b.txt" 2>&1 &
  wait
  echo "round $round: A (core $ca) $(per_flight "$out/a.txt") µs (median block $(median_block "$out/a.txt")), B (core $cb) $(per_flight "$out/b.txt") µs (median block $(median_block "$out/b.txt")) a flight"
done
