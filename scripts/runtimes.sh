#!/usr/bin/env bash
# The other runtimes, against the packed tarball (made by scripts/pack-check.sh):
#   - ts-node in a CommonJS project (node16 resolution);
#   - tsc and ts-node in a CommonJS project with "module": "commonjs" and no "moduleResolution"
#     (TypeScript's node10 resolution, which ignores "exports"), importing every subpath;
#   - Deno: `deno check` and `deno run` of a script importing npm:oms-calc subpaths;
#   - the Deno notebooks examples/*.ipynb, executed headless with jupyter nbconvert and Deno's kernel.
# Needs Debian's jupyter-nbconvert and jupyter-client for the notebooks (.ci/run installs them);
# without jupyter the notebooks are skipped outside CI and fail in CI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f .tmp/tarball ] && [ -f "$(cat .tmp/tarball)" ] || bash scripts/pack-check.sh >/dev/null
tarball=$(cat .tmp/tarball)
work=$(mktemp -d "$root/.tmp/runtimes.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DENO_NO_UPDATE_CHECK=1 DENO_NO_PROMPT=1 DENO_DIR="$work/deno-cache"
deno="$root/node_modules/.bin/deno"
passed=0

echo "› ts-node (CommonJS project)"
mkdir -p "$work/tsnode" && cp test/smoke/ts-node.ts "$work/tsnode/check.ts"
cat > "$work/tsnode/package.json" <<JSON
{ "name": "ts-node-consumer", "private": true, "dependencies": { "oms-calc": "file:$tarball" } }
JSON
cat > "$work/tsnode/tsconfig.json" <<'JSON'
{ "compilerOptions": { "module": "node16", "moduleResolution": "node16", "target": "es2022", "strict": true, "types": ["node"], "typeRoots": ["./node_modules/@types"] } }
JSON
(cd "$work/tsnode" && npm install --silent --no-audit --no-fund --prefer-offline --no-package-lock >/dev/null \
  && mkdir -p node_modules/@types && ln -s "$root/node_modules/@types/node" node_modules/@types/node \
  && "$root/node_modules/.bin/ts-node" check.ts)
passed=$((passed + 1))

echo "› tsc and ts-node, \"module\": \"commonjs\" without \"moduleResolution\" (node10 resolution)"
# every module of scripts/modules.json must be imported by the consumer
missing=$(node -e '
  const fs = require("node:fs");
  const text = fs.readFileSync("test/smoke/node10.ts", "utf8");
  const modules = JSON.parse(fs.readFileSync("scripts/modules.json", "utf8"));
  console.log(modules.filter((m) => !text.includes(`from \x27oms-calc/${m}\x27`)).join(" "));')
if [ -n "$missing" ]; then echo "test/smoke/node10.ts does not import: $missing"; exit 1; fi
mkdir -p "$work/node10" && cp test/smoke/node10.ts "$work/node10/check.ts"
cat > "$work/node10/package.json" <<JSON
{ "name": "node10-consumer", "private": true, "dependencies": { "oms-calc": "file:$tarball" } }
JSON
cat > "$work/node10/tsconfig.json" <<'JSON'
{ "compilerOptions": { "module": "commonjs", "target": "es2022", "strict": true, "esModuleInterop": true, "noEmit": true, "types": ["node"], "typeRoots": ["./node_modules/@types"] }, "files": ["check.ts"] }
JSON
# @types/node linked after the install, which would prune it
(cd "$work/node10" && npm install --silent --no-audit --no-fund --prefer-offline --no-package-lock >/dev/null \
  && mkdir -p node_modules/@types && ln -s "$root/node_modules/@types/node" node_modules/@types/node \
  && "$root/node_modules/.bin/tsc" -p tsconfig.json && "$root/node_modules/.bin/ts-node" check.ts)
passed=$((passed + 1))

echo "› Deno: check and run"
mkdir -p "$work/deno" && cp test/smoke/deno.ts "$work/deno/check.ts"
cat > "$work/deno/package.json" <<JSON
{ "name": "deno-consumer", "private": true, "type": "module", "dependencies": { "oms-calc": "file:$tarball" } }
JSON
echo '{ "nodeModulesDir": "manual" }' > "$work/deno/deno.json"
(cd "$work/deno" && npm install --silent --no-audit --no-fund --prefer-offline --no-package-lock >/dev/null && "$deno" check check.ts && "$deno" run check.ts)
passed=$((passed + 1))

echo "› Deno notebooks"
if ! command -v jupyter >/dev/null 2>&1 || ! jupyter nbconvert --version >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "jupyter nbconvert is missing"; exit 1; fi
  echo "jupyter nbconvert is not installed: notebooks skipped (apt-get install jupyter-nbconvert jupyter-client)"
else
  "$deno" jupyter --install --force >/dev/null 2>&1
  for nb in examples/*.ipynb; do
    echo "  $nb"
    cp "$nb" "$work/deno/"
    (cd "$work/deno" && jupyter nbconvert --to notebook --execute "$(basename "$nb")" --output "executed-$(basename "$nb")" \
      --ExecutePreprocessor.kernel_name=deno --ExecutePreprocessor.timeout=300 >/dev/null 2>"$work/nbconvert.log") \
      || { cat "$work/nbconvert.log"; exit 1; }
    passed=$((passed + 1))
  done
fi
echo
echo "runtimes: $passed passed, 0 failed"
