// Writes package.json "exports" and "typesVersions" from scripts/modules.json: one subpath per
// module, types first, separate .d.ts / .d.cts. "typesVersions" gives each subpath its types under
// TypeScript's node10 resolution (the default of "module": "commonjs"), which ignores "exports";
// Node itself resolves the subpaths through "exports". Run after adding a module:
//   node scripts/sync-exports.mjs          (writes package.json)
//   node scripts/sync-exports.mjs --check  (fails if package.json is not what it would write)
import { readFileSync, writeFileSync } from 'node:fs';

const modules = JSON.parse(readFileSync(new URL('./modules.json', import.meta.url), 'utf8'));
const pkgUrl = new URL('../package.json', import.meta.url);
const text = readFileSync(pkgUrl, 'utf8');
const pkg = JSON.parse(text);
const entry = (base) => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});
pkg.exports = { '.': entry('index') };
for (const m of modules) pkg.exports[`./${m}`] = entry(`${m}/index`);
pkg.exports['./package.json'] = './package.json';
// One key per module, never a "*" pattern: a pattern would also remap the root's "types" path.
const typesVersions = { '*': Object.fromEntries(modules.map((m) => [m, [`./dist/${m}/index.d.cts`]])) };
// Beside "types", where a reader looks for it.
const out = {};
for (const [key, value] of Object.entries(pkg)) {
  if (key === 'typesVersions') continue;
  out[key] = value;
  if (key === 'types') out.typesVersions = typesVersions;
}
if (!('typesVersions' in out)) out.typesVersions = typesVersions;
const next = `${JSON.stringify(out, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('package.json "exports"/"typesVersions" differ from scripts/modules.json: run node scripts/sync-exports.mjs');
    process.exit(1);
  }
  console.log(`exports and typesVersions match scripts/modules.json (${modules.length} modules)`);
} else {
  writeFileSync(pkgUrl, next);
  console.log(`exports and typesVersions: ., ${modules.map((m) => `./${m}`).join(', ')}`);
}
