/**
 * Laws of the rendering: the CSV reads back with an independent parser; the text table keeps its
 * columns aligned, writes amounts the Russian way and loses no word of a name.
 */
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { excelSafeCell } from '../../src/shared';
import { formatFormRows } from '../../src/subvention';
import { centsToString } from '../arbitraries';

/** Names with the characters CSV must quote: separators, quotes, line breaks, Cyrillic. */
const text = fc.string({ unit: fc.constantFrom('а', 'Б', 'x', ' ', ';', '"', ',', '\n', '\r', '.', '№', '=', '1', '+', '-', '@', '\t'), maxLength: 40 });
const row = fc.record({
  line: text,
  name: text,
  cents: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
});

test.prop([fc.array(row, { maxLength: 20 }), fc.boolean()])('CSV: a CSV parser reads back every field, amounts with a decimal comma', (rows, excel) => {
  const csv = formatFormRows(rows.map((r) => ({ line: r.line, name: r.name, amount: centsToString(r.cents) })), 'csv', { excel });
  expect(csv.endsWith('\r\n')).toBe(true);
  expect(csv.startsWith('\uFEFF')).toBe(excel);
  const records = parse(csv, { delimiter: ';', bom: true, relax_quotes: false }) as string[][];
  expect(records[0]).toEqual(['№ строки', 'Наименование показателей', 'Сумма, руб.']);
  expect(records.slice(1)).toEqual(
    // text from the caller is neutralised (excelSafeCell): '=x' is read back as "'=x", never as a formula
    rows.map((r) => [excel ? `="${r.line.replace(/"/g, '""')}"` : excelSafeCell(r.line), excelSafeCell(r.name), centsToString(r.cents).replace('.', ',')]),
  );
});

/** "-1234567.89" → "−1 234 567,89" (U+2212, U+202F between groups), independently of the library. */
function russianAmount(plain: string): string {
  const negative = plain.startsWith('-');
  const [int = '', frac = ''] = (negative ? plain.slice(1) : plain).split('.');
  return `${negative ? '\u2212' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')},${frac}`;
}

const word = fc.string({ unit: fc.constantFrom('а', 'б', 'в', 'Г', 'x', '1'), minLength: 1, maxLength: 25 });
const textRow = fc.record({
  line: fc.constantFrom('0', '1', '8.1', '11', '12'),
  words: fc.array(word, { minLength: 1, maxLength: 30 }),
  cents: fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
});

test.prop([fc.array(textRow, { minLength: 1, maxLength: 10 }), fc.integer({ min: 10, max: 80 })])(
  'text: names wrap within the width and keep their words; amounts are right-aligned with two decimals',
  (rows, nameWidth) => {
    const out = formatFormRows(rows.map((r) => ({ line: r.line, name: r.words.join(' '), amount: centsToString(r.cents) })), 'text', { nameWidth });
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    const [heading, rule, ...body] = lines;
    const widths = (rule as string).split('  ').map((s) => s.length);
    const [w0, w1] = widths as [number, number, number];
    const nameStart = w0 + 2;
    const amountEnd = [...(heading as string)].length;
    // group physical lines by row: a row starts where the line column is not blank
    const groups: string[][] = [];
    for (const l of body) {
      if (l.slice(0, w0).trim() !== '') groups.push([l]);
      else groups.at(-1)?.push(l);
    }
    expect(groups).toHaveLength(rows.length);
    groups.forEach((g, i) => {
      const r = rows[i] as (typeof rows)[number];
      const first = g[0] as string;
      expect(first.slice(0, w0).trim()).toBe(r.line);
      expect([...first].length).toBe(amountEnd);
      expect(first.endsWith(` ${russianAmount(centsToString(r.cents))}`)).toBe(true);
      const nameParts = g.map((l) => l.slice(nameStart, nameStart + w1).trimEnd());
      for (const p of nameParts) expect([...p].length).toBeLessThanOrEqual(Math.max(nameWidth, 'Наименование показателей'.length));
      if (r.words.every((w) => w.length <= nameWidth)) expect(nameParts.join(' ').split(' ')).toEqual(r.words);
      else expect(nameParts.join('').replace(/ /g, '')).toBe(r.words.join('')); // long words are cut, nothing is lost
    });
  },
);
