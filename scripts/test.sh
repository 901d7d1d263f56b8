#!/usr/bin/env bash
# npm test, the contributor's loop (CONTRIBUTING.md): the type check; the unit, golden, property
# and type tests in one vitest run; the examples, each checking its own output. The packaging and
# runtime checks are `npm run test:release` (scripts/test-release.sh). Asks no network.
# Ends with one summary line "tests: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p .tmp
source scripts/tests-lib.sh

check "type check (tsc --noEmit, src, test, examples, bench, scripts)" npx --no-install tsc --noEmit -p tsconfig.json

vitest_run "vitest: unit and golden, property, type tests (one run)" .tmp/vitest-test.json \
  --project unit --project prop --project types

example() {
  npx --no-install tsx "$1" > .tmp/example.log 2>&1 || { cat .tmp/example.log; return 1; }
}
for script in examples/*.ts; do check "example $script" example "$script"; done

summary
