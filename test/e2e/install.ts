/**
 * The scratch project of an end-to-end test: the packed tarball (the one scripts/pack-check.sh
 * leaves in .tmp/tarball, or $OMS_CALC_TARBALL) installed as a user installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** Installs the tarball into `.tmp/e2e-<name>-…`; `bin` is its `oms-calc`, `remove` deletes the project. */
export function installTarball(name: string, type?: 'module'): { dir: string; bin: string; remove: () => void } {
  const tarballFile = join(root, '.tmp/tarball');
  const tarball = process.env['OMS_CALC_TARBALL'] ?? (existsSync(tarballFile) ? readFileSync(tarballFile, 'utf8').trim() : undefined);
  if (tarball === undefined) throw new Error('no packed tarball: run scripts/pack-check.sh first');
  const dir = mkdtempSync(join(root, `.tmp/e2e-${name}-`));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `${name}-user`, private: true, ...(type === undefined ? {} : { type }) }));
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tarball], { cwd: dir, stdio: 'ignore' });
  return { dir, bin: join(dir, 'node_modules/.bin/oms-calc'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
