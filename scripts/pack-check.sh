#!/usr/bin/env bash
# Builds the package, packs it, and checks the tarball as a user would get it:
#   - package.json's exports and typesVersions as scripts/sync-exports.mjs writes them;
#   - the size budget, publint --strict and @arethetypeswrong/cli (all four resolution modes);
#   - the tarball's contents (only dist/, README, LICENSE, CHANGELOG, package.json);
#   - an ESM project that imports it and a CommonJS project that requires it (test/smoke/).
# Leaves the tarball path in .tmp/tarball for later steps.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p .tmp
work=$(mktemp -d "$root/.tmp/pack.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "› exports and typesVersions match scripts/modules.json"
node scripts/sync-exports.mjs --check

echo "› build"
npm run build --silent >/dev/null
echo "› size budget (library entry points, not the CLI)"
npx --no-install size-limit

echo "› pack"
tarball=$(npm pack --silent --pack-destination "$root/.tmp" 2>/dev/null | tail -n 1)
tarball="$root/.tmp/$tarball"
echo "$tarball" > "$root/.tmp/tarball"

echo "› contents of $(basename "$tarball")"
unexpected=$(tar -tzf "$tarball" | grep -vE '^package/(dist/.+|package\.json|README\.md|LICENSE|CHANGELOG\.md)$' || true)
if [ -n "$unexpected" ]; then
  echo "unexpected files in the tarball:"; echo "$unexpected"; exit 1
fi

echo "› publint --strict"
npx --no-install publint run "$tarball" --strict
echo "› attw (every problem fails, in all four resolution modes: node10, node16 from CJS and ESM, bundler)"
npx --no-install attw "$tarball" --profile strict --format table-flipped

install_into() {
  local dir=$1
  (cd "$dir" && npm install --silent --no-audit --no-fund --prefer-offline --no-package-lock "$tarball" >/dev/null 2>&1) \
    || (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --no-package-lock "$tarball")
}

echo "› ESM consumer"
mkdir -p "$work/esm" && cp test/smoke/esm.mjs "$work/esm/" && echo '{ "name": "esm-consumer", "private": true, "type": "module" }' > "$work/esm/package.json"
install_into "$work/esm"
(cd "$work/esm" && node esm.mjs)

echo "› CommonJS consumer"
mkdir -p "$work/cjs" && cp test/smoke/cjs.cjs "$work/cjs/" && echo '{ "name": "cjs-consumer", "private": true }' > "$work/cjs/package.json"
install_into "$work/cjs"
(cd "$work/cjs" && node cjs.cjs)

echo "pack check: ok"
