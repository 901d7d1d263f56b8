#!/usr/bin/env bash
# The other runtimes, against the packed tarball (made by scripts/pack-check.sh):
#   - ts-node in a CommonJS project (node16 resolution);
#   - tsc and ts-node in a CommonJS project with "module": "commonjs" and no "moduleResolution"
#     (TypeScript's node10 resolution, which ignores "exports"), importing every subpath;
#   - Deno: `deno check` and `deno run` of a script importing npm:oms-calc subpaths;
#   - the Deno notebooks examples/*.ipynb, executed headless with jupyter nbconvert and Deno's kernel.
# Needs Debian's jupyter-nbconvert and jupyter-client for the notebooks (.ci/run installs them);
# without jupyter the notebooks are skipped outside CI and fail in CI. Each check counts as one
# test and a failing one does not stop the others; ends with "runtimes: N passed, N failed".
# Asks no network: the projects install from npm's cache, Deno uses their node_modules.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f .tmp/tarball ] && [ -f "$(cat .tmp/tarball)" ] || bash scripts/pack-check.sh >/dev/null
if [ ! -f .tmp/tarball ] || [ ! -f "$(cat .tmp/tarball)" ]; then
  echo "no packed tarball (scripts/pack-check.sh failed)"; echo; echo "runtimes: 0 passed, 1 failed"; exit 1
fi
tarball=$(cat .tmp/tarball)
work=$(mktemp -d "$root/.tmp/runtimes.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1 DENO_DIR="$work/deno-cache"
deno="$root/node_modules/.bin/deno"
passed=0
failed=0

# check NAME COMMAND...: runs one check and counts it
check() {
  local name=$1; shift
  echo "› $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  FAIL: $name"; fi
}

# project DIR TYPE: a scratch project that depends on the tarball, with this repository's
# @types/node linked in after the install (which would prune it)
project() {
  local dir=$1 type=$2
  mkdir -p "$dir"
  printf '{ "name": "%s", "private": true, "type": "%s", "dependencies": { "oms-calc": "file:%s" } }\n' "$(basename "$dir")-consumer" "$type" "$tarball" > "$dir/package.json"
  (cd "$dir" && npm install --silent --no-audit --no-fund --prefer-offline --no-package-lock >/dev/null \
    && mkdir -p node_modules/@types && ln -sfn "$root/node_modules/@types/node" node_modules/@types/node)
}

ts_node_node16() {
  local dir="$work/tsnode"
  project "$dir" commonjs && cp test/smoke/ts-node.ts "$dir/check.ts" || return 1
  cat > "$dir/tsconfig.json" <<'JSON'
{ "compilerOptions": { "module": "node16", "moduleResolution": "node16", "target": "es2022", "strict": true, "types": ["node"], "typeRoots": ["./node_modules/@types"] } }
JSON
  (cd "$dir" && "$root/node_modules/.bin/ts-node" check.ts)
}

node10() {
  local dir="$work/node10" missing
  # every module of scripts/modules.json must be imported by the consumer
  missing=$(node -e '
    const fs = require("node:fs");
    const text = fs.readFileSync("test/smoke/node10.ts", "utf8");
    const modules = JSON.parse(fs.readFileSync("scripts/modules.json", "utf8"));
    console.log(modules.filter((m) => !text.includes(`from \x27oms-calc/${m}\x27`)).join(" "));')
  if [ -n "$missing" ]; then echo "test/smoke/node10.ts does not import: $missing"; return 1; fi
  project "$dir" commonjs && cp test/smoke/node10.ts "$dir/check.ts" || return 1
  cat > "$dir/tsconfig.json" <<'JSON'
{ "compilerOptions": { "module": "commonjs", "target": "es2022", "strict": true, "esModuleInterop": true, "noEmit": true, "types": ["node"], "typeRoots": ["./node_modules/@types"] }, "files": ["check.ts"] }
JSON
  (cd "$dir" && "$root/node_modules/.bin/tsc" -p tsconfig.json && "$root/node_modules/.bin/ts-node" check.ts)
}

deno_check_run() {
  local dir="$work/deno"
  project "$dir" module && cp test/smoke/deno.ts "$dir/check.ts" || return 1
  echo '{ "nodeModulesDir": "manual" }' > "$dir/deno.json"
  (cd "$dir" && "$deno" check check.ts && "$deno" run check.ts)
}

notebook() {
  local nb=$1
  cp "$nb" "$work/deno/" || return 1
  (cd "$work/deno" && jupyter nbconvert --to notebook --execute "$(basename "$nb")" --output "executed-$(basename "$nb")" \
    --ExecutePreprocessor.kernel_name=deno --ExecutePreprocessor.timeout=300 >/dev/null 2>"$work/nbconvert.log") \
    || { cat "$work/nbconvert.log"; return 1; }
}

check "ts-node (CommonJS project, node16 resolution)" ts_node_node16
check "tsc and ts-node, \"module\": \"commonjs\" without \"moduleResolution\" (node10 resolution)" node10
check "Deno: check and run" deno_check_run

echo "› Deno notebooks"
if ! command -v jupyter >/dev/null 2>&1 || ! jupyter nbconvert --version >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "  FAIL: jupyter nbconvert is missing"; failed=$((failed + 1))
  else echo "jupyter nbconvert is not installed: notebooks skipped (apt-get install jupyter-nbconvert jupyter-client)"; fi
elif [ ! -d "$work/deno/node_modules/oms-calc" ]; then
  echo "  FAIL: no Deno project for the notebooks"; failed=$((failed + 1))
else
  "$deno" jupyter --install --force >/dev/null 2>&1
  for nb in examples/*.ipynb; do check "  $nb" notebook "$nb"; done
fi
echo
echo "runtimes: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
