#!/usr/bin/env bash
# The README's test command: type check, the three vitest projects, then the packed tarball.
# Ends with one summary line "tests: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p .tmp
rm -f .tmp/vitest-*.json .tmp/runtimes.log
failed=0

step() { echo; echo "▶ $*"; }

step "type check"
tsc=0
npx --no-install tsc --noEmit -p tsconfig.json || { tsc=1; failed=1; }

step "API reference (typedoc: every export documented, warnings are errors)"
docs=0
npx --no-install typedoc --emit none || { docs=1; failed=1; }

for project in unit prop types; do
  step "vitest --project $project"
  npx --no-install vitest run --project "$project" --reporter=default --reporter=json --outputFile.json=".tmp/vitest-$project.json" || failed=1
done

step "examples (each checks its own output)"
examples=0
for script in examples/*.ts; do
  if npx --no-install tsx "$script" > ".tmp/example.log" 2>&1; then
    examples=$((examples + 1)); echo "  ok  $script"
  else
    cat .tmp/example.log; echo "  FAIL $script"; failed=1; example_failed=1
  fi
done

step "packed tarball"
pack=0
bash scripts/pack-check.sh || { pack=1; failed=1; }

step "the oms-calc bin from the tarball, end to end"
npx --no-install vitest run --project e2e --reporter=default --reporter=json --outputFile.json=".tmp/vitest-e2e.json" || failed=1

step "other runtimes: ts-node, Deno, notebooks"
runtimes=0
bash scripts/runtimes.sh | tee .tmp/runtimes.log || { runtimes=1; failed=1; }


node -e '
  const fs = require("node:fs");
  let passed = 0, failedTests = 0;
  for (const p of ["unit", "prop", "types", "e2e"]) {
    const f = `.tmp/vitest-${p}.json`;
    if (!fs.existsSync(f)) { failedTests++; continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failedTests += r.numFailedTests;
  }
  // the type check and the API reference count as one test each, the tarball checks (ESM and
  // CommonJS consumers) as two
  if (process.argv[1] === "0") passed += 1; else failedTests += 1;
  if (process.argv[6] === "0") passed += 1; else failedTests += 1;
  if (process.argv[2] === "0") passed += 2; else failedTests += 2;
  // the runtimes script reports its own count
  passed += Number(process.argv[4]); failedTests += Number(process.argv[5]);
  const m = fs.existsSync(".tmp/runtimes.log") && /runtimes: (\d+) passed/.exec(fs.readFileSync(".tmp/runtimes.log", "utf8"));
  if (process.argv[3] === "0" && m) passed += Number(m[1]); else failedTests += 1;
  console.log(`\ntests: ${passed} passed, ${failedTests} failed`);
' "$tsc" "$pack" "$runtimes" "$examples" "${example_failed:-0}" "$docs"
exit "$failed"
