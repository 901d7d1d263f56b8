#!/usr/bin/env bash
# Builds the package, packs it, and checks the tarball as a user would get it:
#   - package.json's exports and typesVersions as scripts/sync-exports.mjs writes them;
#   - the size budget (library entry points, not the CLI);
#   - the tarball's contents (only dist/, README, LICENSE, CHANGELOG, package.json);
#   - publint --strict, and @arethetypeswrong/cli failing on any problem in all four resolution
#     modes (node10, node16 from CommonJS, node16 from ESM, bundler);
#   - an ESM project that imports it and a CommonJS project that requires it (test/smoke/).
# Each check counts as one test; a failing check does not stop the others, but a failed build or
# pack stops the script. Ends with "pack: N passed, N failed" and leaves the tarball's path in
# .tmp/tarball for later steps. Asks no network: the consumers install from npm's cache.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p .tmp
work=$(mktemp -d "$root/.tmp/pack.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# check NAME COMMAND...: runs one check and counts it
check() {
  local name=$1; shift
  echo "› $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  FAIL: $name"; fi
}
finish() {
  echo
  echo "pack: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0 || exit 1
}

check "exports and typesVersions match scripts/modules.json" node scripts/sync-exports.mjs --check

echo "› build"
rm -f "$root/.tmp/tarball"
if ! npm run build --silent >/dev/null; then failed=$((failed + 1)); echo "  FAIL: build"; finish; fi

check "size budget (library entry points, not the CLI)" npx --no-install size-limit

echo "› pack"
tarball=$(npm pack --silent --pack-destination "$root/.tmp" 2>/dev/null | tail -n 1)
if [ -z "$tarball" ] || [ ! -f "$root/.tmp/$tarball" ]; then failed=$((failed + 1)); echo "  FAIL: pack"; finish; fi
tarball="$root/.tmp/$tarball"
echo "$tarball" > "$root/.tmp/tarball"

contents() {
  local unexpected
  unexpected=$(tar -tzf "$tarball" | grep -vE '^package/(dist/.+|package\.json|README\.md|LICENSE|CHANGELOG\.md)$' || true)
  [ -z "$unexpected" ] || { echo "unexpected files in the tarball:"; echo "$unexpected"; return 1; }
}
check "contents of $(basename "$tarball")" contents
check "publint --strict" npx --no-install publint run "$tarball" --strict
check "attw: no problem in node10, node16 (CJS and ESM) or bundler resolution" \
  npx --no-install attw "$tarball" --profile strict --format table-flipped

install_into() {
  local dir=$1
  (cd "$dir" && npm install --silent --no-audit --no-fund --prefer-offline --no-package-lock "$tarball" >/dev/null 2>&1) \
    || (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --no-package-lock "$tarball")
}
esm_consumer() {
  mkdir -p "$work/esm" && cp test/smoke/esm.mjs "$work/esm/" \
    && echo '{ "name": "esm-consumer", "private": true, "type": "module" }' > "$work/esm/package.json" \
    && install_into "$work/esm" && (cd "$work/esm" && node esm.mjs)
}
cjs_consumer() {
  mkdir -p "$work/cjs" && cp test/smoke/cjs.cjs "$work/cjs/" \
    && echo '{ "name": "cjs-consumer", "private": true }' > "$work/cjs/package.json" \
    && install_into "$work/cjs" && (cd "$work/cjs" && node cjs.cjs)
}
check "ESM consumer (node esm.mjs)" esm_consumer
check "CommonJS consumer (node cjs.cjs)" cjs_consumer
finish
