# Shared by scripts/test.sh and scripts/test-release.sh (sourced, not run): counting checks and
# vitest runs into one summary line, "tests: N passed, N failed", which CI reads.
passed=0
failed=0

step() { echo; echo "▶ $*"; }

# check NAME COMMAND...: one check that counts as one test
check() {
  local name=$1; shift
  step "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  FAIL: $name"; fi
}

# add_counts "P F": adds a script's own counts
add_counts() {
  local p f
  read -r p f <<<"$1"
  passed=$((passed + p)); failed=$((failed + f))
}

# vitest_run NAME JSON ARGS...: one vitest run; its tests count one by one, and a run that fails
# outside its tests (an unhandled error, a type error in a source file, no report) as one failure
vitest_run() {
  local name=$1 json=$2; shift 2
  step "$name"
  rm -f "$json"
  npx --no-install vitest run "$@" --reporter=default --reporter=json --outputFile.json="$json"
  local rc=$? counts
  counts=$(node -e '
    const fs = require("node:fs");
    const [file, rc] = process.argv.slice(1);
    if (!fs.existsSync(file)) { console.log("0 1"); process.exit(0); }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    const outside = rc !== "0" && r.numFailedTests === 0 ? 1 : 0;
    console.log(`${r.numPassedTests} ${r.numFailedTests + outside}`);' "$json" "$rc")
  add_counts "$counts"
}

# script_run NAME PREFIX COMMAND...: a script that ends with "PREFIX: N passed, N failed"
script_run() {
  local name=$1 prefix=$2 log; shift 2
  step "$name"
  log=$(mktemp "${TMPDIR:-/tmp}/tests-lib.XXXXXX")
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]} line
  line=$(grep -E "^$prefix: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -n 1)
  rm -f "$log"
  if [ -z "$line" ]; then
    failed=$((failed + 1)); echo "  FAIL: $name ended without its count"
  else
    add_counts "$(sed -E 's/^[^:]*: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/' <<<"$line")"
    # a script that fails but counts no failure still fails
    if [ "$rc" -ne 0 ] && [[ "$line" == *" 0 failed" ]]; then failed=$((failed + 1)); fi
  fi
}

summary() {
  echo
  echo "tests: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
