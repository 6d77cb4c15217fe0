#!/usr/bin/env bash
# Regenerates docs/validation.md from the test suite: runs the tests of tests/Bulwark.Tests, recording what each
# validation case measures, then writes the document from the [ValidationCase] attributes and those results.
# Cases not run keep the result the document already quotes. --long also runs the explicit (long) validation sweeps.
set -euo pipefail
cd "$(dirname "$0")/.."
explicit=off
if [ "${1:-}" = "--long" ]; then explicit=on; fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT
dotnet build tests/Bulwark.Tests -c Release -v quiet -nologo
runner=tests/Bulwark.Tests/bin/Release/net10.0/Bulwark.Tests
BULWARK_VALIDATION_RESULTS="$results" "$runner" -explicit "$explicit" -noclass "*ValidationDocumentTests"
BULWARK_VALIDATION_RESULTS="$results" BULWARK_UPDATE_VALIDATION_DOC=1 "$runner" -class "*ValidationDocumentTests" -method "*TheDocumentListsEveryValidationCase*"
echo "docs/validation.md regenerated ($(grep -c '^### ' docs/validation.md) cases)"
