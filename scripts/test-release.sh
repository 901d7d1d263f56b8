#!/usr/bin/env bash
# npm run test:release, before a release and in CI after npm test: every packaging and runtime
# check. The API reference (typedoc, warnings are errors); the packed tarball (build, size budget,
# contents, publint, attw, ESM and CommonJS consumers: scripts/pack-check.sh); the oms-calc bin
# from the tarball, end to end; ts-node, node10 TypeScript, Deno and the Deno notebooks
# (scripts/runtimes.sh); the documents of oms-calc/report rendered by headless Chromium to PDF
# and PNG and read back (scripts/browser-check.ts). Asks no network. Ends with one summary line
# "tests: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p .tmp
source scripts/tests-lib.sh

check "API reference (typedoc: every export documented, warnings are errors)" npx --no-install typedoc --emit none

script_run "packed tarball (scripts/pack-check.sh)" pack bash scripts/pack-check.sh

vitest_run "the oms-calc bin from the tarball, end to end" .tmp/vitest-e2e.json --project e2e

script_run "other runtimes: ts-node, node10 TypeScript, Deno, notebooks (scripts/runtimes.sh)" runtimes bash scripts/runtimes.sh

script_run "the documents in a real browser: Chromium to PDF and PNG, pdftotext; the sanctions CSV in the page (scripts/browser-check.ts)" browser npx --no-install tsx scripts/browser-check.ts

summary
