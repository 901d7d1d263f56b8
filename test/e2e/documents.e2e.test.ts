/**
 * `--format html` and `--format xlsx` through the `oms-calc` bin of the packed tarball: the
 * workbook writer and the documents bundled into dist/cli.js work as a user runs them, a
 * workbook piped to standard output is the same as one written to --out, and the workbook reads
 * back with read-excel-file to the kopeck.
 *
 * Run after `scripts/pack-check.sh` (it leaves the tarball's path in .tmp/tarball):
 * `npx vitest run --project e2e`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Decimal } from 'decimal.js';
import readXlsxFile from 'read-excel-file/node';
import { installTarball } from './install';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
let dir = '';
let bin = '';

let remove = (): void => {};

beforeAll(() => {
  ({ dir, bin, remove } = installTarball('documents'));
  // 1 812 000 000 − 1 650 000 000 = 162 000 000 over 12 months: 13 500 000 a month
  writeFileSync(join(dir, 'year.json'), JSON.stringify({ planned: '1812000000', openingBalance: '1650000000' }));
}, 120_000);

afterAll(() => remove());

const run = (args: string[]): { code: number | null; stdout: Buffer; stderr: string } => {
  const r = spawnSync(bin, args, { cwd: dir, encoding: 'buffer' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
};

describe('the bin’s documents and workbooks', () => {
  it('reserve-year --format html: a printable document with the package’s version', () => {
    const r = run(['reserve-year', '--input', 'year.json', '--format', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout.toString('utf8');
    const version = (JSON.parse(readFileSync(join(dir, 'node_modules/oms-calc/package.json'), 'utf8')) as { version: string }).version;
    expect(html).toContain(`oms-calc ${version}`);
    expect(html).toContain('13\u202f500\u202f000,00');
    expect(html).toMatch(/<circle data-datum="11"/);
  });

  it('reserve-year --format xlsx: to --out and to a pipe, the same workbook, every month to the kopeck', async () => {
    const file = run(['reserve-year', '--input', 'year.json', '--format', 'xlsx', '--out', 'year.xlsx']);
    expect([file.code, file.stderr]).toEqual([0, '']);
    const piped = run(['reserve-year', '--input', 'year.json', '--format', 'xlsx']);
    expect(piped.code).toBe(0);
    const written = readFileSync(join(dir, 'year.xlsx'));
    expect(piped.stdout.equals(written)).toBe(true);
    const [ledger] = await readXlsxFile(written, { parseNumber: (digits: string) => new Decimal(digits) });
    expect(ledger?.sheet).toBe('Движение НСЗ');
    const rows = ledger?.data.slice(1, 13) ?? [];
    expect(rows.map((r) => (r[4] as Decimal).toFixed(2))).toEqual(Array.from({ length: 12 }, () => '13500000.00'));
    expect((rows[11]?.[7] as Decimal).toFixed(2)).toBe('1812000000.00');
  });

  it('registry --out *.xlsx: the findings of the sample register', async () => {
    const r = run(['registry', join(root, 'examples/data/registry/HM770001S77001_2506.zip'), '--out', 'audit.xlsx']);
    expect(r.code).toBe(0);
    const sheets = await readXlsxFile(readFileSync(join(dir, 'audit.xlsx')), { parseNumber: (digits: string) => new Decimal(digits) });
    expect(sheets.map((s) => s.sheet)).toEqual(['Итоги', 'По пунктам', 'По правилам', 'Нарушения', 'Трассировка']);
    const findings = sheets[3]?.data.slice(1) ?? [];
    expect(findings.map((f) => [f[0], f[2], (f[7] as Decimal).toFixed(2), (f[8] as Decimal).toFixed(2)])).toEqual([
      ['SANK_SUM_MISMATCH', '6', '43684.17', '43684.16'],
      ['SANK_IT_MISMATCH', '12', '26125.45', '26125.44'],
    ]);
  });
});
