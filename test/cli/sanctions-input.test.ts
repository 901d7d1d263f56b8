import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { run, scratch } from './helpers';

const files = scratch({
  // the example of a formula in an id
  'i.csv': 'id;tariff;setting;violations\n@SUM(1+1);1000;hospital;3.2.2\n',
  'r.json': '{"hospital": "7000,00"}',
  'formulas.csv': [
    'id;tariff;setting;violations',
    '=HYPERLINK("http://x");1000;hospital;3.2.2',
    '+1;1000;hospital;3.2.2',
    '-1;1000;hospital;3.2.2',
    '\tT;1000;hospital;3.2.2',
    '=1+1;1000;hospital;9.9',
    'plain;1000;hospital;3.2.2',
    '',
  ].join('\n'),
  'written.csv': [
    'id;date;tariff;setting;violations',
    'D1;30.02.2025;1000;hospital;3.2.2',
    'T1;01.03.2025;12 345,67 ₽;hospital;3.2.2',
    'S1;01.03.2025;1000;дом;3.2.2',
    'R1;01.03.2025;1000;hospital;2.16.1:8 000,50 ₽',
    'N1;01.03.2025;-5;hospital;3.2.2',
    'ok;01.03.2025;1000;стационар;3.2.2',
    '',
  ].join('\n'),
  'rates-written.json': '{"стационар": "7 000 р", "дом": "5"}',
});
afterAll(files.remove);

const rows = (text: string): Record<string, string>[] => parse(text, { delimiter: ';', columns: true }) as Record<string, string>[];

describe('oms-calc sanctions: cells a spreadsheet would run', () => {
  it("writes the issue's @SUM(1+1) id as text ('@SUM(1+1)), the amounts as numbers", async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--rates', 'r.json']);
    expect(r.code).toBe(0);
    // 1 000 × 0.4 = 400 (3.2.2, Кно 0.4); 7 000 × 0.3 = 2 100 (Кшт 0.3)
    expect(r.stdout.split('\n')[1]).toBe("2;'@SUM(1+1);ok;400,00;2100,00;3.2.2:400,00:400,00:2100,00;;");
  });

  it('neutralises every formula-like id, of computed rows and of error rows alike', async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'formulas.csv', '--rates', 'r.json']);
    expect(rows(r.stdout).map((x) => [x['id'], x['status']])).toEqual([
      ['\'=HYPERLINK("http://x")', 'ok'],
      ["'+1", 'ok'],
      ["'-1", 'ok'],
      ['T', 'ok'], // ids are trimmed: a leading tab is gone before any spreadsheet sees it
      ["'=1+1", 'error'],
      ['plain', 'ok'],
    ]);
  });
});

describe('oms-calc sanctions: messages show the value as the file has it', () => {
  it('dates, amounts, settings and recomputed tariffs as written, the settings with their Russian forms', async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'written.csv', '--rates', 'r.json']);
    expect(r.code).toBe(2);
    const byId = Object.fromEntries(rows(r.stdout).map((x) => [x['id'], x['error_message']]));
    expect(byId['D1']).toMatch(/^date: .*, got "30\.02\.2025"$/);
    expect(byId['T1']).toMatch(/^tariff: .*, got "12 345,67 ₽"$/);
    expect(byId['S1']).toBe('setting: expected one of ambulatory (амбулаторно), ambulance (скорая), all (все), hospital (стационар); got "дом"');
    expect(byId['R1']).toMatch(/^violations\.0\.recomputedTariff: .*, got "8 000,50 ₽"$/);
    // a value the file has as the library shows it keeps its message
    expect(byId['N1']).toBe('tariff: must be at least 0, got -5');
    expect(byId['ok']).toBe('');
    expect(r.stderr).toContain('  line 2: INVALID_INPUT: date: ');
    expect(r.stderr).toContain('got "30.02.2025"');
  });

  it('--rates: Russian names of the settings accepted, values and unknown settings shown as written', async () => {
    const ru = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--rates', 'rates-written.json']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/ {2}--rates\.дом: .*получено "дом"/);
    expect(ru.stderr).toMatch(/ {2}--rates\.hospital: .*получено "7 000 р"/);
    const r = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--rates', 'rates-written.json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  --rates.дом: unknown setting: expected one of ambulatory (амбулаторно), ambulance (скорая), all (все), hospital (стационар); got "дом"');
    expect(r.stderr).toMatch(/ {2}--rates\.hospital: .*, got "7 000 р"/);
  });

  it('--date as written', async () => {
    const ru = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--date', '30.02.2025']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/ {2}--date: .*получено "30\.02\.2025"/);
    const r = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--date', '30.02.2025', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ {2}--date: .*, got "30\.02\.2025"/);
  });
});

describe('oms-calc sanctions: options', () => {
  it('--jobs -1 (and --jobs=-1, --jobs 0) is a clear exit-2 error', async () => {
    for (const args of [['--jobs', '-1'], ['--jobs=-1'], ['--jobs', '0'], ['--jobs', 'many']]) {
      const r = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--rates', 'r.json', ...args]);
      expect([args, r.code]).toEqual([args, 2]);
      expect(r.stderr).toMatch(/^oms-calc: --jobs takes a whole number from 1 to 256 or auto, got (-1|0|many)\n$/);
    }
  });

  it('--format json writes JSON Lines: one object per row, money as decimal strings', async () => {
    const r = await run(files.dir, ['sanctions', '--cases', 'formulas.csv', '--rates', 'r.json', '--format', 'json']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    // JSON is no spreadsheet: the id as it is
    expect(lines[0]).toEqual({
      line: 2,
      id: '=HYPERLINK("http://x")',
      status: 'ok',
      non_payment: '400.00',
      fine: '2100.00',
      details: [{ code: '3.2.2', non_payment: '400.00', applied_non_payment: '400.00', fine: '2100.00' }],
    });
    expect(lines[4]).toMatchObject({ line: 6, id: '=1+1', status: 'error', error_code: 'UNKNOWN_CODE' });
    const out = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--rates', 'r.json', '--format', 'json', '--out', 'rows.jsonl']);
    expect(out.code).toBe(0);
    expect(JSON.parse(readFileSync(join(files.dir, 'rows.jsonl'), 'utf8'))).toMatchObject({ id: '@SUM(1+1)', non_payment: '400.00' });
    const csv = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--rates', 'r.json', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('line;id;status;non_payment;fine;details;error_code;error_message');
    const bad = await run(files.dir, ['sanctions', '--cases', 'i.csv', '--format', 'xml']);
    expect([bad.code, bad.stderr]).toEqual([2, 'oms-calc: --format must be csv, json, html or xlsx, got "xml"\n']);
  });
});
