import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { sanctionCsvBytes } from '../../src/sanctions';
import { run, scratch } from './helpers';

// A registry as a fund exports it: BOM, ';', decimal commas, Russian column names, an extra
// column, a blank line, a quoted id with the delimiter and a line break in a quoted field.
const CASES = [
  '\uFEFFномер;дата;тариф;условия;рп;нарушения;примечание',
  'A1;01.03.2025;25 000,00;стационар;;3.2.2|2.13;x', //          line 2
  'A2;2025-03-02;-5;hospital;;3.2.2;y', //                         line 3: negative tariff
  'A3;2025-03-02;1000;hospital;;9.9;y', //                         line 4: unknown code
  '', //                                                           line 5: blank, skipped
  'A4;2025-03-02;1000', //                                         line 6: 3 fields of 7
  'A5;2024-03-02;1000;hospital;;3.2.2;z', //                       line 7: before the table
  'A6;2025-03-02;1000;;;3.2.2;z', //                               line 8: a fine with no РП
  'A7;2025-03-02;1000,50;all;;2.16.1:800,50|1.4.1;z', //           line 9: recomputed tariff
  '"A;8";2025-03-02;100;hospital;500;1.1;"two', //                 line 10 (and 11)
  'lines"',
  'A9;2025-03-02;200;ambulatory;;3.2.1.;z', //                     line 12: trailing dot
  '',
].join('\r\n');

const files = scratch({
  'cases.csv': CASES,
  'rates.json': '{ "hospital": "7000,00", "all": "100" }',
  'comma.csv': 'id,tariff,setting,violations\nB1,1000.50,hospital,3.2.2\nB2,10,hospital,"1.4.1|3.2.1"\n',
  'bad-rates.json': '{ "hospital": "-1", "home": "5" }',
  'not-json.json': '{ hospital: 1 }',
  'table.json': JSON.stringify({
    id: 'fund-2026',
    title: 'Перечень 2026',
    source: 'Тарифное соглашение от 12.01.2026, прил. 25',
    validFrom: '2026-01-01',
    entries: [{ code: '3.2.2', section: 'EKMP', title: 'ухудшение', kno: '0.5', ksht: '0.4' }],
  }),
  'bad-table.json': JSON.stringify({ id: 'x', title: 'x', source: 'x', validFrom: '2026-01-01', entries: [{ code: '3.2', section: 'EKMP', title: 'x', kno: '2' }] }),
  'dated.csv': 'id;date;tariff;setting;violations\nC1;2025-12-31;1000;hospital;3.2.2\nC2;2026-01-01;1000;hospital;3.2.2\n',
  'no-tariff.csv': 'id;violations\n1;1.2\n',
  'empty.csv': '',
});
afterAll(files.remove);

const rows = (text: string, delimiter = ';'): Record<string, string>[] => parse(text, { delimiter, columns: true }) as Record<string, string>[];

describe('oms-calc sanctions', () => {
  it('a file of many chunks, to --out and to standard output: the bytes and totals of sanctionCsvBytes', async () => {
    // 40,000 lines (about 1.7 MB, seven chunks of 256 KiB): plain rows, quoted ids, rows without
    // violations and bad rows, so that lines and quotes are cut between chunks
    const lines = ['id;date;tariff;setting;violations'];
    for (let i = 0; i < 40_000; i++) {
      const kind = i % 7;
      if (kind === 0) lines.push(`"Q;${i}";2025-03-02;${1000 + i},50;hospital;3.2.2|2.13`);
      else if (kind === 1) lines.push(`N${i};2025-03-02;${i};hospital;`);
      else if (kind === 2) lines.push(`E${i};2025-03-02;${i};hospital;9.9`);
      else lines.push(`P${i};2025-03-02;${i * 3},0${kind};all;1.4.2`);
    }
    const text = `${lines.join('\n')}\n`;
    const big = scratch({ 'big.csv': text, 'rates.json': '{ "hospital": "7000,00", "all": "100" }' });
    try {
      const expected = sanctionCsvBytes(text, { perCapitaRates: { hospital: '7000,00', all: '100' } });
      const want = new TextDecoder().decode(expected.output);
      const toStdout = await run(big.dir, ['sanctions', '--cases', 'big.csv', '--rates', 'rates.json']);
      expect(toStdout.code).toBe(2);
      expect(toStdout.stdout === want).toBe(true);
      const toFile = await run(big.dir, ['sanctions', '--cases', 'big.csv', '--rates', 'rates.json', '--out', 'out.csv', '--totals', 't.json']);
      expect(toFile.code).toBe(2);
      expect(readFileSync(join(big.dir, 'out.csv'), 'utf8') === want).toBe(true);
      const totals = JSON.parse(readFileSync(join(big.dir, 't.json'), 'utf8')) as { cases: number; errors: number; nonPayment: string };
      expect([totals.cases, totals.errors, totals.nonPayment]).toEqual([40_000, expected.totals.errors, expected.totals.nonPayment.toString()]);
    } finally {
      big.remove();
    }
  });

  it('writes one row per input row, error rows with their line number, and exits 2', async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'rates.json']);
    expect(r.code).toBe(2);
    const out = rows(r.stdout);
    expect(out.map((x) => [x['line'], x['id'], x['status'], x['non_payment'], x['fine'], x['error_code']])).toEqual([
      ['2', 'A1', 'ok', '10000,00', '2100,00', ''],
      ['3', 'A2', 'error', '', '', 'INVALID_INPUT'],
      ['4', 'A3', 'error', '', '', 'UNKNOWN_CODE'],
      ['6', 'A4', 'error', '', '', 'INVALID_INPUT'],
      ['7', 'A5', 'error', '', '', 'NO_TABLE_FOR_DATE'],
      ['8', 'A6', 'error', '', '', 'MISSING_PER_CAPITA_RATE'],
      ['9', 'A7', 'ok', '1000,50', '30,00', ''],
      ['10', 'A;8', 'ok', '0,00', '150,00', ''],
      ['12', 'A9', 'ok', '20,00', '0,00', ''],
    ]);
    // 25 000 × 0.4 = 10 000 and 7 000 × 0.3 = 2 100 (3.2.2); 25 000 × 0.1 = 2 500 (2.13);
    // 'max' (D5): the case's Н is 10 000, attributed to 3.2.2, 0 to 2.13
    expect(out[0]?.['details']).toBe('3.2.2:10000,00:10000,00:2100,00|2.13:2500,00:0,00:0,00');
    // 1 000.50 − 800.50 = 200 (2.16.1 recomputed, 'difference', D13), 100 × 0.3 = 30; 1.4.1: 1 000.50, the largest, attributed
    expect(out[6]?.['details']).toBe('2.16.1:200,00:0,00:30,00|1.4.1:1000,50:1000,50:0,00');
    expect(out[1]?.['error_message']).toBe('tariff: must be at least 0, got -5');
    expect(out[2]?.['error_message']).toBe('violations.0: violation code "9.9" is not in sanction table tariff-agreement-2025-01-09-annex-25');
    expect(out[3]?.['error_message']).toBe('the line has 3 fields, the header has 7');
    // the raw line of the quoted id, as csv-stringify writes it
    expect(r.stdout.split('\n')).toContain('10;"A;8";ok;0,00;150,00;1.1:0,00:0,00:150,00;;');
  });

  it('prints the totals and every bad line on standard error, no progress when not a terminal', async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'rates.json']);
    expect(r.stderr).toMatch(/^oms-calc sanctions: 9 rows, 5 with errors, /);
    expect(r.stderr).toContain('errors by code: INVALID_INPUT 2, MISSING_PER_CAPITA_RATE 1, NO_TABLE_FOR_DATE 1, UNKNOWN_CODE 1');
    expect(r.stderr).toContain('  line 6: INVALID_INPUT: the line has 3 fields, the header has 7');
    // the blank line 5 is counted and reported; 12 lines and the header's
    expect(r.stderr).toMatch(/^oms-calc sanctions: 9 rows, 5 with errors, 1 blank line skipped \(12 lines with the header\), /);
    expect(r.stderr).toContain('  line 7: NO_TABLE_FOR_DATE: date: no sanction table is in force on 2024-03-02');
    // Н: 10 000 + 1 000.50 + 0 + 20 = 11 020.50; Сшт: 2 100 + 30 + 150 = 2 280
    expect(r.stderr).toContain('non-payment (Н): 11020,50');
    expect(r.stderr).toContain('fines (Сшт):     2280,00');
    // EKMP: A1 (3.2.2: Н 10 000, Сшт 2 100) and A9 (3.2.1: Н 20)
    expect(r.stderr).toMatch(/ {2}EKMP {2}cases +2 {2}Н +10020,00 {2}Сшт +2100,00/);
    expect(r.stderr).not.toContain('\r');
  });

  it("reads ',' files with decimal points, writes --out with the same delimiter, exits 0", async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'comma.csv', '--rates', 'rates.json', '--out', 'out.csv', '--combine', 'sum-capped']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const out = rows(readFileSync(join(files.dir, 'out.csv'), 'utf8'), ',');
    // B1: 1 000.50 × 0.4 = 400.20, 7 000 × 0.3 = 2 100; B2: 'sum-capped' 10 + 1 = 11 → capped at 10
    expect(out.map((x) => [x['line'], x['id'], x['non_payment'], x['fine'], x['details']])).toEqual([
      ['2', 'B1', '400.20', '2100.00', '3.2.2:400.20:400.20:2100.00'],
      // 'sum-capped' attributes in table order: 1.4.1 takes 10, 3.2.1 the 0 left
      ['3', 'B2', '10.00', '0.00', '1.4.1:10.00:10.00:0.00|3.2.1:1.00:0.00:0.00'],
    ]);
  });

  it('--recomputation chooses the rule of decision D13', async () => {
    const plus = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'rates.json', '--recomputation', 'difference-plus-kno']);
    // A7: (1 000.50 − 800.50) + 800.50 × 0.1 = 200 + 80.05 = 280.05; 1.4.1 (1 000.50) is still the largest
    expect(rows(plus.stdout).find((x) => x['id'] === 'A7')?.['details']).toBe('2.16.1:280,05:0,00:30,00|1.4.1:1000,50:1000,50:0,00');
    const bad = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--recomputation', 'sum', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('recomputation: expected "difference" or "difference-plus-kno"');
  });

  it('takes a fund table by --table and chooses it by date', async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'dated.csv', '--rates', 'rates.json']);
    expect(rows(r.stdout).map((x) => x['status'])).toEqual(['ok', 'ok']);
    const own = await run(files.dir, ['sanctions', '--cases', 'dated.csv', '--rates', 'rates.json', '--table', 'table.json']);
    // only the 2026 table is given: the 2025 case has no table; the 2026 one has Кно 0.5, Кшт 0.4
    expect(rows(own.stdout).map((x) => [x['status'], x['non_payment'], x['fine'], x['error_code']])).toEqual([
      ['error', '', '', 'NO_TABLE_FOR_DATE'],
      ['ok', '500,00', '2800,00', ''],
    ]);
  });

  it('rejects bad options with exit 2, unreadable files with exit 1', async () => {
    const missing = await run(files.dir, ['sanctions']);
    expect([missing.code, missing.stderr.split('\n')[0]]).toEqual([2, 'oms-calc: missing --cases FILE.csv']);
    const combineRu = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--combine', 'min']);
    expect([combineRu.code, combineRu.stderr]).toEqual([2, 'oms-calc: invalid options\n  --combine: ожидалось одно из значений: "max", "sum-capped"\n']);
    const combine = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--combine', 'min', '--lang', 'en']);
    expect(combine.code).toBe(2);
    expect(combine.stderr).toContain('combine: expected "max" or "sum-capped"');
    const rates = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'bad-rates.json']);
    expect(rates.code).toBe(2);
    expect(rates.stderr).toContain('--rates.hospital: должно быть не меньше 0, получено -1');
    expect((await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'not-json.json'])).code).toBe(2);
    const table = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--table', 'bad-table.json']);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('entries.0.kno: должно быть не больше 1, получено 2');
    const tableEn = await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--table', 'bad-table.json', '--lang', 'en']);
    expect(tableEn.stderr).toContain('entries.0.kno: must be at most 1, got 2');
    expect((await run(files.dir, ['sanctions', '--cases', 'no-such.csv'])).code).toBe(1);
    expect((await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'no-such.json'])).code).toBe(1);
    const header = await run(files.dir, ['sanctions', '--cases', 'no-tariff.csv', '--lang', 'en']);
    expect([header.code, header.stderr.split('\n')[0]]).toEqual([2, 'oms-calc: the header has no column tariff; it has: id, violations']);
    const headerRu = await run(files.dir, ['sanctions', '--cases', 'no-tariff.csv']);
    expect(headerRu.stderr.split('\n')[0]).toBe('oms-calc: в заголовке нет столбца tariff; в нём есть: id, violations');
    expect((await run(files.dir, ['sanctions', '--cases', 'empty.csv'])).code).toBe(2);
    expect((await run(files.dir, ['sanctions', '--cases', 'cases.csv', '--bogus'])).code).toBe(2);
  });

  it('--help documents the columns and shows an example; the root help lists the commands', async () => {
    const help = await run(files.dir, ['sanctions', '--help']);
    expect(help.code).toBe(0);
    for (const column of ['id', 'date', 'tariff', 'setting', 'per_capita_rate', 'violations']) expect(help.stdout).toContain(`  ${column} `);
    expect(help.stdout).toContain('Example:');
    const root = await run(files.dir, ['--help']);
    expect(root.stdout).toMatch(/sanctions +неоплата/);
    expect((await run(files.dir, [])).code).toBe(2);
    expect((await run(files.dir, ['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('runs as a script: `node --import tsx src/cli/index.ts sanctions …`', () => {
    const root = resolve(__dirname, '../..');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'sanctions', '--cases', join(files.dir, 'cases.csv'), '--rates', join(files.dir, 'rates.json')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(r.status).toBe(2);
    expect(rows(r.stdout)).toHaveLength(9);
    expect(r.stderr).toContain('9 rows, 5 with errors');
  }, 30_000);
});
