#!/usr/bin/env bash
# Bulwark's free flights (BenchmarkDotNet, FreeFlightBenchmark) and the scipy DOP853 peer of the ICBM free flight
# (bench/peers/icbm_free_flight.py), back to back, with the load average before, between and after, and the ratio.
# Run from the repository root: bench/peers/run-side-by-side.sh [repeats]   (docs/performance.md, "Against a Python peer")
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats="${1:-300}"
. bench/peers/python-with-scipy.sh
out="$(mktemp -d)"
echo "# $(date -u '+%Y-%m-%d %H:%M:%S UTC') commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'); nproc $(nproc)"
echo "# uptime before Bulwark: $(uptime)"
dotnet run -c Release --project bench/Bulwark.Bench -- --filter '*FreeFlightBenchmark*' > "$out/bdn.txt" 2>&1
echo "# uptime after Bulwark:  $(uptime)"
grep -E '^// (RvVacuum|Nesc|RvDrag)' "$out/bdn.txt" | sort -u
sed -n '/^| Method/,/^$/p' "$out/bdn.txt"
csv=BenchmarkDotNet.Artifacts/results/Bulwark.Bench.FreeFlightBenchmark-report.csv
mean_us="$("$py" - "$csv" <<'PY'
import csv, sys
unit = {"ns": 1e-3, "us": 1.0, "μs": 1.0, "µs": 1.0, "ms": 1e3, "s": 1e6}
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["Method"] == "RvVacuumFromApogee":
        value, u = row["Mean"].replace(",", "").split()
        print(float(value) * unit[u])
PY
)"
"$py" bench/peers/icbm_free_flight.py --repeats "$repeats" --bulwark-lines "$out/bdn.txt" --bulwark-mean-us "$mean_us"
echo "# uptime after Python:   $(uptime)"
rm -rf "$out"
