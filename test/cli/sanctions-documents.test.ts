/**
 * `oms-calc sanctions --format xlsx|html`: the workbook read back with read-excel-file, every case
 * cell compared with the JSON Lines row of the same run and the totals' sheets with the totals
 * (to the kopeck); the document holds the totals' figures in the one money format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanctionCsvBytes } from '../../src/sanctions';
import { formatRubles } from '../../src/shared';
import { run, scratch } from './helpers';

// line 2: РТ 10 000 × Кно 0,4 (3.2.2) = 4 000,00 and РП 7 000 × Кшт 0,3 = 2 100,00;
// line 3: a bad tariff (an error row); line 4: no violations (zero amounts);
// line 5: 1.4.2 (Кно 1) on 1 234,56 = 1 234,56.
const CASES = 'id;tariff;setting;violations\n1;10000;hospital;3.2.2\n2;abc;hospital;3.2.2\n3;500;hospital;\nА-4;1234,56;hospital;1.4.2\n';
const RATES = JSON.stringify({ hospital: '7000' });

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch({ 'cases.csv': CASES, 'rates.json': RATES }));
});
afterAll(() => remove());

const expected = async (): Promise<{ rows: Record<string, unknown>[]; totals: Awaited<ReturnType<typeof sanctionCsvBytes>>['totals'] }> => {
  const r = await sanctionCsvBytes(new TextEncoder().encode(CASES), { perCapitaRates: { hospital: '7000' }, format: 'jsonl' });
  const text = new TextDecoder().decode(r.output);
  return { rows: text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), totals: r.totals };
};

describe('oms-calc sanctions --format xlsx', () => {
  it('writes every case, then the totals by section and by code, as number cells to the kopeck', async () => {
    const r = await run(dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'rates.json', '--format', 'xlsx', '--out', 'r.xlsx']);
    expect(r.code).toBe(2); // one error row
    const sheets = (await readXlsxFile(readFileSync(join(dir, 'r.xlsx')), { parseNumber: (d: string) => new Decimal(d) })) as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((s) => s.sheet)).toEqual(['Случаи', 'По разделам', 'По кодам', 'Трассировка']);
    const { rows, totals } = await expected();
    const cases = sheets[0]?.data.slice(1) ?? [];
    expect(cases).toHaveLength(4);
    cases.forEach((cells, i) => {
      const row = rows[i] as { line: number; id?: string; status: string; non_payment?: string; fine?: string; error_code?: string };
      expect(String(cells[0])).toBe(String(row.line));
      expect(cells[1] ?? undefined).toBe(row.id);
      expect(cells[2]).toBe(row.status === 'ok' ? 'ок' : 'ошибка');
      if (row.status === 'ok') {
        expect((cells[3] as Decimal).toFixed(2)).toBe(row.non_payment);
        expect((cells[4] as Decimal).toFixed(2)).toBe(row.fine);
      } else expect(cells[6]).toBe(row.error_code);
    });
    expect(String(cases[0]?.[5])).toBe('3.2.2: 4000.00; 4000.00; 2100.00');
    const total = sheets[1]?.data.at(-1) as unknown[];
    expect(total[0]).toBe('Итого');
    expect((total[2] as Decimal).toFixed(2)).toBe(totals.nonPayment.toFixed(2));
    expect((total[3] as Decimal).toFixed(2)).toBe(totals.fine.toFixed(2));
    expect(totals.nonPayment.toFixed(2)).toBe('5234.56'); // 4 000,00 + 1 234,56
    expect(totals.fine.toFixed(2)).toBe('2100.00');
    const byCode = (sheets[2]?.data.slice(1) ?? []).map((c) => [c[0], (c[2] as Decimal).toFixed(2), (c[3] as Decimal).toFixed(2)]);
    expect(byCode).toEqual([
      ['1.4.2', '1234.56', '0.00'],
      ['3.2.2', '4000.00', '2100.00'],
    ]);
  });
});

describe('oms-calc sanctions --format html', () => {
  it('writes the printable note of the totals, with every figure in the one money format', async () => {
    const r = await run(dir, ['sanctions', '--cases', 'cases.csv', '--rates', 'rates.json', '--format', 'html', '--out', 'r.html']);
    expect(r.code).toBe(2);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    for (const x of ['5234.56', '2100', '1234.56', '4000']) expect(html).toContain(formatRubles(x));
  });

  it('is refused for an unknown format, with the four it takes', async () => {
    const r = await run(dir, ['sanctions', '--cases', 'cases.csv', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('csv, json, html or xlsx');
  });
});
