// Writes package.json "exports" from scripts/modules.json: one subpath per module, types first,
// separate .d.ts / .d.cts. Run after adding a module: node scripts/sync-exports.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const modules = JSON.parse(readFileSync(new URL('./modules.json', import.meta.url), 'utf8'));
const pkgUrl = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(pkgUrl, 'utf8'));
const entry = (base) => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});
pkg.exports = { '.': entry('index') };
for (const m of modules) pkg.exports[`./${m}`] = entry(`${m}/index`);
pkg.exports['./package.json'] = './package.json';
writeFileSync(pkgUrl, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`exports: ., ${modules.map((m) => `./${m}`).join(', ')}`);
