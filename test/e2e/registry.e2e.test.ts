/**
 * End to end: `oms-calc registry` from the packed tarball, installed into a scratch project as a
 * user would install it and spawned as a process, on the sample register of
 * examples/data/registry (the ZIP a fund receives: H and L files) and on a larger generated one.
 *
 * Run after `scripts/pack-check.sh` (it leaves the tarball's path in .tmp/tarball; the variable
 * OMS_CALC_TARBALL names another): `npx vitest run --project e2e`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { installTarball } from './install';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRegistry } from '../registry/generate';

const root = resolve(__dirname, '../..');
const sample = join(root, 'examples/data/registry');
let dir = '';
let bin = '';

let remove = (): void => {};

beforeAll(() => {
  ({ dir, bin, remove } = installTarball('registry', 'module'));
  copyFileSync(join(sample, 'HM770001S77001_2506.zip'), join(dir, 'HM770001S77001_2506.zip'));
  copyFileSync(join(sample, 'HM770001S77001_2506.xml'), join(dir, 'HM770001S77001_2506.xml'));
}, 120_000);

afterAll(() => remove());

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('oms-calc registry from the tarball', () => {
  it('audits the sample ZIP: the two findings of the sample as CSV for Excel, the Russian totals, exit 0', () => {
    const r = run(['registry', 'HM770001S77001_2506.zip', '--out', 'findings.csv']);
    expect(r.stderr).toContain('HM770001S77001_2506.zip → HM770001S77001_2506.xml (пропущено: LM770001S77001_2506.xml)');
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'findings.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFrule;line;n_zap;idcase;s_code;point;element;expected;actual;message\r\n')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n').slice(1);
    // case 6: РТ = SUMV = 87 368,34 ₽ × Кно 0,5 (п. 2.14) = 43 684,17 ₽, the file has 43 684,16 ₽;
    // case 12: Σ S_SUM = 0,00 + 26 125,45 = 26 125,45 ₽ ≠ SANK_IT 26 125,44 ₽
    expect(rows.map((row) => row.split(';').slice(0, 9).join(';'))).toEqual([
      'SANK_SUM_MISMATCH;299;6;6;6-1;2.14;;43684,17;43684,16',
      'SANK_IT_MISMATCH;572;12;12;;;;26125,45;26125,44',
    ]);
    expect(r.stderr).toContain('Случаев (Z_SL): 12; санкций (SANK): 10');
    expect(r.stderr).toMatch(/МЭЭ\s+43\u202f684,16\s+43\u202f684,17\s+\u22120,01/);
    expect(r.stderr).toContain('Нарушений: 2');
  });

  it('the XML and the ZIP give the same JSON', () => {
    const zip = run(['registry', 'HM770001S77001_2506.zip', '--format', 'json']);
    const xml = run(['registry', 'HM770001S77001_2506.xml', '--format', 'json']);
    expect([zip.code, xml.code]).toEqual([0, 0]);
    const a = JSON.parse(zip.stdout) as { source: string; totals: unknown; findings: unknown };
    const b = JSON.parse(xml.stdout) as { source: string; totals: unknown; findings: unknown };
    expect(a.source).toBe('HM770001S77001_2506.zip/HM770001S77001_2506.xml');
    expect([a.totals, a.findings]).toEqual([b.totals, b.findings]);
  });

  it('a generated register of 20,000 cases in a deflated ZIP: the totals to the kopeck', () => {
    const g = generateRegistry({ cases: 20_000, seed: 5 });
    const parts = [...g.bytes()];
    const xml = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      xml.set(p, at);
      at += p.length;
    }
    writeFileSync(join(dir, 'big.zip'), zipSync({ [`${g.filename}.xml`]: xml }));
    const r = run(['registry', 'big.zip', '--out', 'big.json']);
    expect(r.code).toBe(0);
    const audit = JSON.parse(readFileSync(join(dir, 'big.json'), 'utf8')) as { cases: number; sanctions: number; findings: unknown[]; totals: { recomputed: unknown; sumv: string } };
    expect([audit.cases, audit.sanctions, audit.findings.length]).toEqual([20_000, g.expected.sanctions, 0]);
    expect(audit.totals.recomputed).toEqual(g.expected.recomputed);
    expect(audit.totals.sumv).toBe(g.expected.sumv);
  }, 60_000);

  it('exit 2 when the input is not a register; the ZIP reader is bundled into the bin, not installed', () => {
    writeFileSync(join(dir, 'cases.csv'), 'id;tariff\n1;100\n');
    const r = run(['registry', 'cases.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a register of invoices');
    expect(existsSync(join(dir, 'node_modules/fflate'))).toBe(false);
    const help = run(['registry', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Example/);
    expect(run(['--help']).stdout).toContain('registry');
  });
});
