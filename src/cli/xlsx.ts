/**
 * Excel workbooks (Office Open XML, .xlsx) for `--format xlsx`, written as a stream: each sheet's
 * rows are turned into XML and deflated as they come, through fflate's streaming `Zip` (the CLI's
 * ZIP library already, bundled into the bin; the library never loads it — docs/decisions.md D23).
 * Memory stays flat whatever the number of rows: a row is held only until its bytes are written.
 *
 * What a workbook holds: one sheet per table; number cells as numbers (the exact decimal digits
 * in the file, which Excel reads as a number: 15 significant digits, so to the kopeck below
 * 10¹³ ₽), with ruble (`# ##0,00 ₽`) or plain number formats; text as inline strings (never a
 * formula); the header row frozen; the trace on a sheet of its own.
 *
 * The row limit: a sheet holds at most 1 048 576 rows ({@link MAX_SHEET_ROWS}), its header
 * included. A table with more rows continues on a new sheet, `Нарушения (2)`, `Нарушения (3)`, …,
 * each with the header repeated; nothing is dropped.
 *
 * @module
 */
import { Zip, ZipDeflate } from 'fflate';
import type { DecimalInput } from '../shared';

/** Rows of one sheet of the format, the header included: 2²⁰. */
export const MAX_SHEET_ROWS = 1_048_576;

/** A cell: text, a number (a decimal string, a Decimal, a safe integer), or nothing. */
export type XlsxValue = string | DecimalInput | null | undefined;

/** How a column's numbers are shown: rubles and kopecks, or a number with `places` decimals. */
export type XlsxKind = 'text' | 'rub' | { places: number };

/** A column of a sheet. */
export interface XlsxColumn {
  /** The header, in the frozen first row. */
  header: string;
  /** `'text'` (default), `'rub'` (`# ##0,00 ₽`) or `{ places }` (`# ##0,0…`, 0–6 places). */
  kind?: XlsxKind | undefined;
  /** The width, in characters; default from the header. */
  width?: number | undefined;
}

/** A sheet: its name, columns and rows (an array, or any iterable, or an async iterable for a stream). */
export interface XlsxSheet {
  /** The tab's name; shortened to 31 characters and cleared of `[]:*?/\`, as Excel requires, and made unique. */
  name: string;
  columns: readonly XlsxColumn[];
  rows: Iterable<readonly XlsxValue[]> | AsyncIterable<readonly XlsxValue[]>;
}

/** What was written. */
export interface XlsxSummary {
  /** The sheets' names, in order (a table continued past the row limit has several). */
  sheets: string[];
  /** The data rows written (headers not counted). */
  rows: number;
}

/** Options of {@link writeXlsx}, for tests: a smaller row limit per sheet. */
export interface XlsxOptions {
  /** Rows per sheet, the header included; default and at most {@link MAX_SHEET_ROWS}. */
  maxSheetRows?: number | undefined;
}

/**
 * A deflated entry with a fixed date (1 January 2000, as the ZIP's local-time field holds it), so
 * that the same result gives the same bytes on every run and in every time zone.
 */
function entry(path: string): ZipDeflate {
  const file = new ZipDeflate(path, { level: 6 });
  file.mtime = new Date(2000, 0, 1);
  return file;
}

/** Style indices (cellXfs) of styles.xml below. */
const STYLE = { header: 1, text: 2, rub: 3, places: 4 } as const;
const MAX_PLACES = 6;

const NUMBER_FORMATS = [
  `<numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;₽&quot;;\\-#,##0.00\\ &quot;₽&quot;"/>`,
  ...Array.from({ length: MAX_PLACES + 1 }, (_, p) => `<numFmt numFmtId="${165 + p}" formatCode="#,##0${p === 0 ? '' : `.${'0'.repeat(p)}`}"/>`),
];

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="${NUMBER_FORMATS.length}">${NUMBER_FORMATS.join('')}</numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8E8E8"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="${4 + MAX_PLACES + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>${Array.from({ length: MAX_PLACES + 1 }, (_, p) => `<xf numFmtId="${165 + p}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

// Every .xml part is a worksheet unless overridden: the content types can go first, before the
// number of sheets (which the row limit may raise) is known.
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

/** XML text: `&`, `<`, `>`, `"` escaped, and the control characters XML 1.0 cannot hold dropped. */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/** The column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
}

/** A plain decimal number as the file holds it, or undefined when the value is not one. */
function numberText(value: XlsxValue): string | undefined {
  if (value === null || value === undefined || typeof value === 'string' && value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  const text = typeof value === 'string' ? value : value.toString();
  return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
}

function styleOf(kind: XlsxKind | undefined): number {
  if (kind === undefined || kind === 'text') return STYLE.text;
  if (kind === 'rub') return STYLE.rub;
  return STYLE.places + Math.max(0, Math.min(MAX_PLACES, Math.trunc(kind.places)));
}

/** One `<c>`: a number cell where the column is numeric and the value a number, else an inline string. */
function cell(ref: string, value: XlsxValue, kind: XlsxKind | undefined): string {
  if (value === null || value === undefined) return '';
  const numeric = kind !== undefined && kind !== 'text';
  const number = numeric ? numberText(value) : undefined;
  if (number !== undefined) return `<c r="${ref}" s="${styleOf(kind)}"><v>${number}</v></c>`;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value.toString();
  if (text === '') return '';
  return `<c r="${ref}" s="${STYLE.text}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function rowXml(index: number, values: readonly XlsxValue[], columns: readonly XlsxColumn[], header = false): string {
  let cells = '';
  for (let c = 0; c < values.length; c++) {
    const ref = `${columnName(c)}${index}`;
    cells += header ? `<c r="${ref}" s="${STYLE.header}" t="inlineStr"><is><t xml:space="preserve">${xmlText(String(values[c] ?? ''))}</t></is></c>` : cell(ref, values[c], columns[c]?.kind);
  }
  return `<row r="${index}">${cells}</row>`;
}

function sheetHead(columns: readonly XlsxColumn[]): string {
  const cols = columns
    .map((c, i) => {
      const width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2, c.kind === 'rub' ? 20 : 0));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols === '' ? '' : `<cols>${cols}</cols>`,
    '<sheetData>',
    rowXml(1, columns.map((c) => c.header), columns, true),
  ].join('');
}

const SHEET_TAIL = '</sheetData></worksheet>';

/** A name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, ' ').trim().replace(/^'|'$/g, '') || 'Лист';
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? '' : ` (${k})`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (![...taken].some((t) => t.toLowerCase() === name.toLowerCase())) return name;
  }
}

/**
 * Writes a workbook to `write` as it is made: the sheets in order, each sheet's rows as they
 * come (an async iterable is read one row at a time, with the writer's back-pressure between
 * chunks of about 64 KB). A table with more rows than a sheet holds ({@link MAX_SHEET_ROWS}, the
 * header included) continues on new sheets named `Name (2)`, `Name (3)`, …, its header repeated.
 *
 * @param write - takes the workbook's bytes in order; resolves when it can take more
 * @param sheets - the sheets (at least one)
 * @param options - a smaller row limit (tests)
 * @returns the names of the sheets written and the number of data rows
 */
export async function writeXlsx(write: (chunk: Uint8Array) => Promise<void>, sheets: Iterable<XlsxSheet> | AsyncIterable<XlsxSheet>, options: XlsxOptions = {}): Promise<XlsxSummary> {
  const limit = Math.min(MAX_SHEET_ROWS, Math.max(2, options.maxSheetRows ?? MAX_SHEET_ROWS));
  const pending: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((e, chunk, _final) => {
    if (e !== null) failure = e;
    else pending.push(chunk);
  });
  const flush = async (): Promise<void> => {
    if (failure !== undefined) throw failure;
    while (pending.length > 0) await write(pending.shift() as Uint8Array);
  };
  const encoder = new TextEncoder();
  const whole = async (path: string, text: string): Promise<void> => {
    const file = entry(path);
    zip.add(file);
    file.push(encoder.encode(text), true);
    await flush();
  };

  await whole('[Content_Types].xml', CONTENT_TYPES);
  await whole('_rels/.rels', ROOT_RELS);
  const names: string[] = [];
  const taken = new Set<string>();
  let rows = 0;
  for await (const sheet of sheets) {
    let file: ZipDeflate | undefined;
    let buffer = '';
    let index = 0;
    const open = (): void => {
      const name = sheetName(sheet.name, taken);
      taken.add(name);
      names.push(name);
      file = entry(`xl/worksheets/sheet${names.length}.xml`);
      zip.add(file);
      buffer = sheetHead(sheet.columns);
      index = 1;
    };
    const push = async (final: boolean): Promise<void> => {
      (file as ZipDeflate).push(encoder.encode(buffer), final);
      buffer = '';
      await flush();
    };
    open();
    for await (const values of sheet.rows) {
      if (index >= limit) {
        buffer += SHEET_TAIL;
        await push(true);
        open();
      }
      index++;
      rows++;
      buffer += rowXml(index, values, sheet.columns);
      if (buffer.length >= 1 << 16) await push(false);
    }
    buffer += SHEET_TAIL;
    await push(true);
  }
  if (names.length === 0) throw new Error('a workbook needs at least one sheet');

  await whole('xl/styles.xml', STYLES);
  await whole(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>${names
      .map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  await whole(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  await whole(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>oms-calc</dc:creator></cp:coreProperties>',
  );
  await whole(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>oms-calc</Application></Properties>`,
  );
  zip.end();
  await flush();
  return { sheets: names, rows };
}
