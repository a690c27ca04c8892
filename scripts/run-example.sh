#!/usr/bin/env bash
# Sets up, builds and runs preemptlint on the bundled example tree. Exits 0:
# the example contains bugs on purpose, and finding them is the expected result.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
rc=0
build/bin/preemptlint -p examples/kdemo || rc=$?
if [[ $rc -ne 1 ]]; then
  echo "run-example: expected findings (exit 1), got exit $rc" >&2
  exit 1
fi
