/**
 * The workbook writer of `--format xlsx` (src/cli/xlsx.ts), read back with read-excel-file (a
 * reader of its own, not this writer's code) and unzipped with fflate to look at the parts: real
 * number cells with their exact digits, ruble and number formats that show what formatRubles
 * writes, the header frozen, text never a formula, a table past the row limit continued on new
 * sheets, and rows pulled from an async iterable as the bytes are written.
 */
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { columnName, MAX_SHEET_ROWS, sheetName, writeXlsx, xmlText, type XlsxSheet } from '../../src/cli/xlsx';
import { formatRubles } from '../../src/shared';

async function workbook(sheets: XlsxSheet[] | AsyncIterable<XlsxSheet>, maxSheetRows?: number): Promise<{ bytes: Buffer; sheets: string[]; rows: number; writes: number }> {
  const chunks: Uint8Array[] = [];
  const summary = await writeXlsx(async (c) => void chunks.push(c), sheets, maxSheetRows === undefined ? {} : { maxSheetRows });
  return { bytes: Buffer.concat(chunks), ...summary, writes: chunks.length };
}

/** Every sheet as rows of raw cells: numbers as the digits in the file (`#1234.5`), text as text. */
async function read(bytes: Buffer): Promise<{ sheet: string; data: unknown[][] }[]> {
  return readXlsxFile(bytes, { parseNumber: (digits: string) => `#${digits}` });
}

/**
 * What Excel shows for a number under a format code of this writer: `#,##0.00\ "₽"` or
 * `#,##0.0…` — digits grouped by the locale's separator (U+202F here, as formatRubles), a decimal
 * comma, the places of the code, the literal suffix.
 */
function display(digits: string, code: string): string {
  const section = code.split(';')[0] as string;
  const places = /0\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const suffix = /"([^"]*)"/.exec(section)?.[1];
  const grouping = section.includes(',');
  return `${formatRubles(digits, { places, grouping })}${suffix === undefined ? '' : `\u00a0${suffix}`}`;
}

const money: XlsxSheet = {
  name: 'Итоги',
  columns: [{ header: 'Что' }, { header: 'Сумма, ₽', kind: 'rub' }, { header: 'Доля', kind: { places: 4 } }, { header: 'Случаев', kind: { places: 0 } }],
  rows: [
    ['НСЗ', '992209470.61', '0.06', 12],
    ['=SUM(A1:A9)', '-1234567.891', null, '7'],
    ['<&> "кавычки"', '0.005', '0.98765', null],
  ],
};

describe('writeXlsx', () => {
  it('writes number cells with their exact digits, text as text, empty cells empty', async () => {
    const { bytes, sheets, rows } = await workbook([money]);
    expect([sheets, rows]).toEqual([['Итоги'], 3]);
    const [sheet] = await read(bytes);
    expect(sheet?.data).toEqual([
      ['Что', 'Сумма, ₽', 'Доля', 'Случаев'],
      ['НСЗ', '#992209470.61', '#0.06', '#12'],
      ['=SUM(A1:A9)', '#-1234567.891', null, '#7'],
      ['<&> "кавычки"', '#0.005', '#0.98765', null],
    ]);
  });

  it('never writes a formula: a text that starts with = is an inline string', async () => {
    const xml = strFromU8(unzipSync(new Uint8Array((await workbook([money])).bytes))['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<c r="A3" s="2" t="inlineStr"><is><t xml:space="preserve">=SUM(A1:A9)</t></is></c>');
  });

  it('freezes the header row, and gives number columns ruble and number formats that show what formatRubles writes', async () => {
    const parts = unzipSync(new Uint8Array((await workbook([money])).bytes));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    const styles = strFromU8(parts['xl/styles.xml'] as Uint8Array);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]+)"\/>/g)].map((m) => [m[1], (m[2] as string).replace(/&quot;/g, '"')]));
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]);
    const codeOf = (ref: string): string => formats.get(xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1])] as string) as string;
    // the ruble column: two places, grouped, the ruble sign; the share: four places; the count: none
    expect(display('992209470.61', codeOf('B2'))).toBe(`${formatRubles('992209470.61')}\u00a0₽`);
    expect(display('-1234567.891', codeOf('B3'))).toBe('−1\u202f234\u202f567,89\u00a0₽');
    expect(display('0.005', codeOf('B4'))).toBe('0,01\u00a0₽');
    expect(display('0.98765', codeOf('C4'))).toBe(formatRubles('0.98765', { places: 4 }));
    expect(display('12', codeOf('D2'))).toBe('12');
    // and a negative amount has its minus in the code's second section
    expect(codeOf('B2')).toBe('#,##0.00\\ "₽";\\-#,##0.00\\ "₽"');
  });

  it('continues a table past the row limit on new sheets, the header repeated, no row lost', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [String(i), i]);
    const { bytes, sheets, rows: n } = await workbook([{ name: 'Нарушения', columns: [{ header: 'i' }, { header: 'n', kind: { places: 0 } }], rows }], 4);
    expect(sheets).toEqual(['Нарушения', 'Нарушения (2)', 'Нарушения (3)', 'Нарушения (4)']);
    expect(n).toBe(10);
    const read_ = await read(bytes);
    expect(read_.map((s) => s.data[0])).toEqual(sheets.map(() => ['i', 'n']));
    expect(read_.flatMap((s) => s.data.slice(1).map((r) => r[1]))).toEqual(rows.map(([, i]) => `#${i}`));
    expect(read_.map((s) => s.data.length)).toEqual([4, 4, 4, 2]);
  });

  it('holds at most 1 048 576 rows per sheet, the header included', () => {
    expect(MAX_SHEET_ROWS).toBe(2 ** 20);
  });

  it('pulls the rows of an async iterable as it writes: bytes go out before the last row is made', async () => {
    let made = 0;
    let madeAtFirstWrite = -1;
    async function* rows(): AsyncGenerator<string[]> {
      for (let i = 0; i < 20_000; i++) {
        made++;
        yield [`строка ${i} ${'x'.repeat(40)}`, String(i)];
      }
    }
    const chunks: Uint8Array[] = [];
    await writeXlsx(
      async (c) => {
        if (madeAtFirstWrite < 0 && made > 0) madeAtFirstWrite = made;
        chunks.push(c);
      },
      [{ name: 'Поток', columns: [{ header: 'Текст' }, { header: 'i', kind: { places: 0 } }], rows: rows() }],
    );
    expect(made).toBe(20_000);
    expect(madeAtFirstWrite).toBeGreaterThan(0);
    expect(madeAtFirstWrite).toBeLessThan(20_000);
    const [sheet] = await read(Buffer.concat(chunks));
    expect(sheet?.data.length).toBe(20_001);
    expect(sheet?.data[20_000]).toEqual(['строка 19999 ' + 'x'.repeat(40), '#19999']);
  });

  it('takes the sheets themselves from an async iterable (totals after a stream)', async () => {
    async function* sheets(): AsyncGenerator<XlsxSheet> {
      yield { name: 'А', columns: [{ header: 'a' }], rows: [['1']] };
      yield { name: 'Б', columns: [{ header: 'b', kind: 'rub' }], rows: [['2.5']] };
    }
    const { bytes } = await workbook(sheets());
    expect((await read(bytes)).map((s) => [s.sheet, s.data])).toEqual([
      ['А', [['a'], ['1']]],
      ['Б', [['b'], ['#2.5']]],
    ]);
  });

  it('gives the same bytes for the same sheets: no clock in the file', async () => {
    const a = await workbook([money]);
    await new Promise((done) => setTimeout(done, 2100));
    const b = await workbook([money]);
    expect(b.bytes.equals(a.bytes)).toBe(true);
  });

  it('refuses a workbook without sheets', async () => {
    await expect(workbook([])).rejects.toThrow('at least one sheet');
  });
});

describe('names and text', () => {
  it('column letters', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('sheet names as Excel takes them: 31 characters, no []:*?/\\, unique regardless of case', () => {
    expect(sheetName('Итоги: МЭК/МЭЭ [2027]?', new Set())).toBe('Итоги  МЭК МЭЭ  2027');
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('Лист', new Set(['лист']))).toBe('Лист (2)');
    expect(sheetName('a'.repeat(31), new Set(['a'.repeat(31)]))).toBe(`${'a'.repeat(27)} (2)`);
    expect(sheetName('', new Set())).toBe('Лист');
  });

  it('XML text: escaped, the characters XML cannot hold dropped', () => {
    expect(xmlText('a<b & "c"\u0001\u0007\n')).toBe('a&lt;b &amp; &quot;c&quot;\n');
  });
});
