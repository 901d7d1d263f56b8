/**
 * The CSVs that funds really have, one fixture each (test/cli/fixtures/sanctions): windows-1251,
 * an export's own headers, tabs, a register where most cases have no violation, blank lines, a
 * quote never closed, machine-readable totals, Cyrillic ids with many bad rows.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeSanctionTotals, sanctionTotals, type SanctionTotals } from '../../src/sanctions';
import { run } from './helpers';

const FIXTURES = join(__dirname, 'fixtures/sanctions');
const out = mkdtempSync(join(tmpdir(), 'oms-calc-variants-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const sanctions = (file: string, ...args: string[]): ReturnType<typeof run> => run(FIXTURES, ['sanctions', '--cases', file, '--rates', 'rates.json', ...args]);

describe('oms-calc sanctions on the CSVs funds have', () => {
  it('windows-1251: detected, read, and said so; forced to UTF-8 it names the likely encoding', async () => {
    const r = await sanctions('cp1251.csv');
    expect(r.code).toBe(0);
    // ЭК-0001: 25 000 × 0.4 = 10 000 (3.2.2), 7 000 × 0.3 = 2 100; 2.13: 25 000 × 0.1 = 2 500, not attributed (D5 'max')
    expect(r.stdout.split('\n')).toEqual([
      'line;id;status;non_payment;fine;details;error_code;error_message',
      '2;ЭК-0001;ok;10000,00;2100,00;3.2.2:10000,00:10000,00:2100,00|2.13:2500,00:0,00:0,00;;',
      '3;ЭК-0002;ok;0,00;0,00;;;',
      '',
    ]);
    expect(r.stderr).toContain('read as windows-1251');
    expect((await sanctions('cp1251.csv', '--encoding', 'windows-1251')).stdout).toBe(r.stdout);
    const forced = await sanctions('cp1251.csv', '--encoding', 'utf-8', '--lang', 'en');
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('is the file in windows-1251? (option encoding; --encoding windows-1251)');
    expect((await sanctions('cp1251.csv', '--encoding', 'utf-8')).stderr).toContain('заголовок не читается в кодировке UTF-8: файл в windows-1251?');
    expect((await sanctions('cp1251.csv', '--encoding', 'koi8', '--lang', 'en')).stderr).toContain('--encoding: expected "auto", "utf-8" or "windows-1251"');
    expect((await sanctions('cp1251.csv', '--encoding', 'koi8')).stderr).toContain('--encoding: ожидалось одно из значений: "auto", "utf-8", "windows-1251"');
  });

  it("an export's own headers, by --columns; the Russian aliases still work beside them", async () => {
    const columns = ['id=Номер случая', 'date=Дата окончания', 'tariff="Сумма к оплате"', 'setting=Условия оказания', 'violations=Коды дефектов'].flatMap((c) => ['--columns', c]);
    const r = await sanctions('export-headers.csv', ...columns);
    expect(r.code).toBe(0);
    // 77-001: 12 500 × 0.1 = 1 250 (3.2.1 has no Кшт); 77-002: no violations, zero amounts
    expect(r.stdout.split('\n').slice(1, 3)).toEqual(['2;77-001;ok;1250,00;0,00;3.2.1:1250,00:1250,00:0,00;;', '3;77-002;ok;0,00;0,00;;;']);
    const noneRu = await sanctions('export-headers.csv');
    expect([noneRu.code, noneRu.stderr.split('\n')[0]]).toEqual([2, 'oms-calc: в заголовке нет столбца tariff и violations; в нём есть: Номер случая, Дата окончания, Сумма к оплате, Условия оказания, Коды дефектов, Комментарий']);
    const none = await sanctions('export-headers.csv', '--lang', 'en');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'oms-calc: the header has no column tariff and violations; it has: Номер случая, Дата окончания, Сумма к оплате, Условия оказания, Коды дефектов, Комментарий']);
    const wrong = await sanctions('export-headers.csv', '--columns', 'tariff=Сумма', '--columns', 'violations=Коды дефектов', '--lang', 'en');
    expect(wrong.stderr.split('\n')[0]).toBe('oms-calc: the header has no column "Сумма" (given for tariff); it has: Номер случая, Дата окончания, Сумма к оплате, Условия оказания, Коды дефектов, Комментарий');
    expect((await sanctions('export-headers.csv', '--columns', 'price=x')).stderr).toContain('--columns takes FIELD=NAME with FIELD one of id, date, tariff, setting, per_capita_rate, violations, got "price=x"');
  });

  it('tab-delimited files: tabs out, decimal commas', async () => {
    const r = await sanctions('tabs.tsv');
    expect(r.code).toBe(0);
    // T1: 1 000.50 × 0.4 = 400.20, 7 000 × 0.3 = 2 100; T2: 1.4.1 Кно 1 → 200, 3.2.1 Кно 0.1 → 20, the larger attributed
    expect(r.stdout.split('\n').slice(1, 3)).toEqual(['2\tT1\tok\t400,20\t2100,00\t3.2.2:400,20:400,20:2100,00\t\t', '3\tT2\tok\t200,00\t0,00\t1.4.1:200,00:200,00:0,00|3.2.1:20,00:0,00:0,00\t\t']);
  });

  it('a whole register, most cases without violations: rows with zero amounts, exit 0', async () => {
    const r = await sanctions('register.csv', '--totals', join(out, 'register.json'));
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(30);
    expect(rows.filter((x) => x.endsWith(';ok;0,00;0,00;;;'))).toHaveLength(27);
    // R10, R20, R30: (1 010 + 1 020 + 1 030) × 0.1 = 306
    expect(r.stderr).toContain('non-payment (Н): 306,00');
  });

  it('blank and all-empty lines are counted and reported: no row is lost from the count', async () => {
    const r = await sanctions('blank-lines.csv');
    expect(r.stdout.trimEnd().split('\n').slice(1).map((x) => x.split(';').slice(0, 4).join(';'))).toEqual(['2;B1;ok;100,00', '6;B2;ok;200,00']);
    // lines 3 (empty), 4 (;;), 5 (a space) and 7 (empty): 2 rows + 4 blank + the header = 7 lines
    expect(r.stderr).toMatch(/^oms-calc sanctions: 2 rows, 0 with errors, 4 blank lines skipped \(7 lines with the header\), /);
  });

  it('a quote never closed: names the line where it opened, and leaves no --out, complete or not', async () => {
    const target = join(out, 'quote.csv');
    const r = await sanctions('open-quote.csv', '--out', target);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('open-quote.csv: строка 4: кавычка открывает здесь поле и не закрывается');
    const en = await sanctions('open-quote.csv', '--out', target, '--lang', 'en');
    expect(en.stderr).toContain('open-quote.csv: line 4: a double quote opens a field here and is never closed');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--totals: JSON that mergeSanctionTotals takes back, or CSV', async () => {
    await sanctions('register.csv', '--totals', join(out, 'register.json'));
    const t = JSON.parse(readFileSync(join(out, 'register.json'), 'utf8')) as SanctionTotals & { lines: number; blankLines: number };
    expect([t.cases, t.errors, t.nonPayment, t.byCode['3.2.1'], t.lines, t.blankLines]).toEqual([30, 0, '306', { cases: 3, nonPayment: '306', fine: '0' }, 31, 0]);
    expect(mergeSanctionTotals(t, await sanctionTotals([])).nonPayment.toString()).toBe('306');
    await sanctions('register.csv', '--totals', join(out, 'register.csv'));
    const csv = readFileSync(join(out, 'register.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('kind,name,cases,non_payment,fine');
    expect(csv).toContain('total,,30,306.00,0.00');
    expect(csv).toContain('code,3.2.1,3,306.00,0.00');
    expect(csv).toContain('section,EKMP,3,306.00,0.00');
  });

  it('Cyrillic ids, BOM, CRLF and 30 % bad rows: one row per line, in order, with its line number; the details reconcile with the totals by code', async () => {
    const r = await sanctions('cyrillic-errors.csv', '--totals', join(out, 'cyr.json'));
    expect(r.code).toBe(2);
    const rows = r.stdout.trimEnd().split('\n').slice(1).map((x) => x.split(';'));
    expect(rows.map((x) => x[0])).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 2)));
    expect(rows.map((x) => x[1])).toEqual(Array.from({ length: 40 }, (_, i) => `Случай-${String(i + 1).padStart(3, '0')}`));
    const kinds = rows.map((x) => (x[2] === 'ok' ? 'ok' : x[6]));
    expect(kinds.filter((k) => k === 'UNKNOWN_CODE')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'INVALID_INPUT')).toHaveLength(8);
    expect(r.stderr).toContain('line 4: INVALID_INPUT: the line has 2 fields, the header has 5');
    // ok cases i (i mod 10 ∉ {1, 2, 3}): Н = i × 100 (1.4.2, Кно 1, attributed), 3.2.1 gives i × 10, not attributed;
    // Σ i = 820 − (64 + 68 + 72) = 616 → 61 600
    const t = JSON.parse(readFileSync(join(out, 'cyr.json'), 'utf8')) as SanctionTotals;
    expect([t.cases, t.errors, t.nonPayment, t.byCode['1.4.2']?.nonPayment, t.byCode['3.2.1']?.nonPayment]).toEqual([40, 12, '61600', '61600', '0']);
    const attributed = rows.filter((x) => x[2] === 'ok').map((x) => (x[5] as string).split('|').map((d) => d.split(':')));
    const sum = (code: string): number => attributed.flat().filter((d) => d[0] === code).reduce((s, d) => s + Number((d[2] as string).replace(',', '.')), 0);
    expect([sum('1.4.2'), sum('3.2.1')]).toEqual([61_600, 0]);
  });
});
