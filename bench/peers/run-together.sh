#!/usr/bin/env bash
# Bulwark's ICBM free flight (bench --loop RvVacuumFromApogee) and the scipy DOP853 peer (icbm_free_flight.py) timed at the
# same moment, each pinned to a core of its own, the cores swapped every round: on a shared host whose speed drifts
# from one minute to the next, both then run under the same conditions, and each round gives its own ratio.
# Each round gives the ratio of scipy's median flight to Bulwark's mean flight (the figure docs/performance.md has
# recorded since T1) and, beside it, to Bulwark's median block of 1,000 flights (the same statistic as scipy's).
# Run from the repository root: bench/peers/run-together.sh [rounds] [python flights]   (docs/performance.md, "Against a Python peer")
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-8}"
repeats="${2:-1200}"
. bench/peers/python-with-scipy.sh
[ "$(nproc)" -ge 2 ] || { echo "needs two cores" >&2; exit 1; }
dotnet build -c Release bench/Bulwark.Bench > /dev/null
bench=bench/Bulwark.Bench/bin/Release/net10.0/Bulwark.Bench
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC') commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs) model $(grep -m1 '^model' /proc/cpuinfo | cut -d: -f2 | xargs); nproc $(nproc)"
echo "# $("$py" -c 'import platform, numpy, scipy; print("python", platform.python_version(), "numpy", numpy.__version__, "scipy", scipy.__version__)')"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then cb=0; cp=1; else cb=1; cp=0; fi
  # The loop warms up for five seconds, then times 400,000 flights (about 3.5 s); the Python script sets up for about half
  # a second, then times its flights: started four and a half seconds later, its timing falls in the loop's.
  taskset -c "$cb" "$bench" --loop RvVacuumFromApogee 400000 > "$out/bulwark.txt" 2>&1 &
  sleep 4.5
  taskset -c "$cp" "$py" bench/peers/icbm_free_flight.py --repeats "$repeats" > "$out/python.txt" 2>&1 &
  wait
  bulwark_us="$(sed -n 's/^RvVacuumFromApogee: \([0-9.]*\) µs a flight.*/\1/p' "$out/bulwark.txt")"
  bulwark_median_us="$(sed -n 's/^RvVacuumFromApogee blocks of [0-9]* flights: median \([0-9.]*\) µs.*/\1/p' "$out/bulwark.txt")"
  scipy_ms="$(sed -n 's/^scipy DOP853 per flight: median \([0-9.]*\) ms.*/\1/p' "$out/python.txt")"
  [ -n "$bulwark_us" ] && [ -n "$bulwark_median_us" ] && [ -n "$scipy_ms" ] || { cat "$out/bulwark.txt" "$out/python.txt" >&2; exit 1; }
  ratio="$("$py" -c "print(round($scipy_ms * 1000 / $bulwark_us))")"
  ratio_medians="$("$py" -c "print(round($scipy_ms * 1000 / $bulwark_median_us))")"
  echo "$ratio" >> "$out/ratios.txt"
  echo "$ratio_medians" >> "$out/ratios-medians.txt"
  echo "round $round ($(date -u +%H:%M:%S)): Bulwark (core $cb) mean $bulwark_us µs (median block $bulwark_median_us µs), scipy DOP853 (core $cp) median $scipy_ms ms: ${ratio}x (median to median ${ratio_medians}x)"
done
median_of() { "$py" -c "import statistics, sys; print(statistics.median(float(x) for x in open(sys.argv[1])))" "$1"; }
echo "median over $rounds rounds: $(median_of "$out/ratios.txt")x (Bulwark's mean against scipy's median; median to median $(median_of "$out/ratios-medians.txt")x)"
