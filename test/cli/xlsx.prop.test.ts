/**
 * Laws of the workbook writer (src/cli/xlsx.ts), read back with read-excel-file: every cell
 * written is the cell read — a number cell's digits exactly, a text cell's text exactly (less the
 * control characters XML 1.0 cannot hold) — whatever the row limit splits the rows into, and in
 * the same order.
 */
import { fc, it } from '@fast-check/vitest';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect } from 'vitest';
import { writeXlsx, type XlsxValue } from '../../src/cli/xlsx';

/** An amount as a decimal string: up to 13 digits of rubles, up to 2 of kopecks, either sign. */
const amount = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }))
  .map(([negative, rubles, kopecks]) => `${negative && (rubles > 0n || (kopecks ?? 0) > 0) ? '-' : ''}${rubles}${kopecks === undefined ? '' : `.${String(kopecks).padStart(2, '0')}`}`);
const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const row = fc.tuple(text, amount, fc.option(amount, { nil: null }));

/** What a text cell holds once written: XML 1.0 drops these. */
// eslint-disable-next-line no-control-regex
const storable = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

describe('writeXlsx, read back', () => {
  it.prop([fc.array(row, { maxLength: 40 }), fc.integer({ min: 2, max: 12 })], { numRuns: 40 })('every cell is read as written, across the sheets the row limit makes', async (rows, limit) => {
    const chunks: Uint8Array[] = [];
    const summary = await writeXlsx(async (c) => void chunks.push(c), [{ name: 'Данные', columns: [{ header: 'Текст' }, { header: 'Сумма', kind: 'rub' }, { header: 'Ещё', kind: 'rub' }], rows: rows as XlsxValue[][] }], { maxSheetRows: limit });
    expect(summary.rows).toBe(rows.length);
    expect(summary.sheets).toHaveLength(Math.max(1, Math.ceil(rows.length / (limit - 1))));
    const sheets = await readXlsxFile(Buffer.concat(chunks), { parseNumber: (digits: string) => `#${digits}`, trim: false });
    const back = sheets.flatMap((s) => {
      expect(s.data[0]).toEqual(['Текст', 'Сумма', 'Ещё']);
      return s.data.slice(1);
    });
    expect(back).toEqual(rows.map(([t, a, b]) => [storable(t) === '' ? null : storable(t), `#${a}`, b === null ? null : `#${b}`]));
  });
});
