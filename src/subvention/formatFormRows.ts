import * as z from 'zod';
import { decimal, formatDecimal, parseInput, type DecimalInput, type X } from '../_internal';
import { excelSafeCell } from '../_internal/csv';

/**
 * A row of a reporting form: its line number, its name and the amount (any sign; shown with 2 decimals).
 */
export interface FormRow {
  /** The line number as printed in the form, e.g. `'8.1'`. */
  line: string;
  /** The line's name. */
  name: string;
  /** The amount, rubles. */
  amount: DecimalInput;
}

/** {@link FormRow} after validation. */
export type ParsedFormRow = z.output<typeof FormRowSchema>;

/** Schema of {@link FormRow}. */
export const FormRowSchema = z.strictObject({
  line: z.string(),
  name: z.string(),
  amount: decimal(),
}) satisfies z.ZodType<unknown, FormRow>;

/** The output formats of {@link formatFormRows}. */
export type FormRowsFormat = 'text' | 'csv';

/** Options of {@link formatFormRows}. */
export interface FormatFormRowsOptions {
  /** Column headings; default `['№ строки', 'Наименование показателей', 'Сумма, руб.']`, as in Form 1. */
  headers?: [string, string, string] | undefined;
  /** Text only: wrap names to this many characters (a whole number ≥ 10); default 60. */
  nameWidth?: number | undefined;
  /**
   * CSV only: for opening by double-click in Microsoft Excel — start with a UTF-8 byte-order mark
   * (so Cyrillic is read as UTF-8) and write line numbers as `="8.1"` (so that a Russian-locale
   * Excel does not turn 8.1 into a date). Default `false`: plain CSV for programs.
   */
  excel?: boolean | undefined;
}

/** {@link FormatFormRowsOptions} after validation. */
export type ParsedFormatFormRowsOptions = z.output<typeof FormatFormRowsOptionsSchema>;

/** Schema of {@link FormatFormRowsOptions}. */
export const FormatFormRowsOptionsSchema = z.strictObject({
  headers: z.tuple([z.string(), z.string(), z.string()]).optional(),
  nameWidth: z.number().int().min(10).max(10_000).optional(),
  excel: z.boolean().optional(),
}) satisfies z.ZodType<unknown, FormatFormRowsOptions>;

const ArgumentsSchema = z.strictObject({
  rows: z.array(FormRowSchema),
  format: z.enum(['text', 'csv']),
  options: FormatFormRowsOptionsSchema.optional(),
});

const DEFAULT_HEADERS: [string, string, string] = ['№ строки', 'Наименование показателей', 'Сумма, руб.'];

/** Length in characters (code points), not UTF-16 units. */
const width = (s: string): number => [...s].length;
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;

/** Greedy word wrap to `limit` characters; a word longer than the limit is cut. Never returns an empty list. */
function wrap(text: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = [...word];
    while (rest.length > limit) {
      if (current !== '') out.push(current);
      out.push(rest.slice(0, limit).join(''));
      current = '';
      rest = rest.slice(limit);
    }
    const piece = rest.join('');
    if (piece === '') continue;
    if (current === '') current = piece;
    else if (width(current) + 1 + width(piece) <= limit) current = `${current} ${piece}`;
    else {
      out.push(current);
      current = piece;
    }
  }
  out.push(current);
  return out;
}

function toText(rows: ParsedFormRow[], headers: [string, string, string], nameWidth: number): string {
  const cells = rows.map((r) => ({ line: r.line, name: wrap(r.name, nameWidth), amount: formatDecimal(r.amount, 2) }));
  const w0 = Math.max(width(headers[0]), ...cells.map((c) => width(c.line)));
  const w1 = Math.max(width(headers[1]), ...cells.flatMap((c) => c.name.map(width)));
  const w2 = Math.max(width(headers[2]), ...cells.map((c) => width(c.amount)));
  const row = (a: string, b: string, c: string): string => `${padEnd(a, w0)}  ${padEnd(b, w1)}  ${padStart(c, w2)}`.trimEnd();
  const out = [row(...headers), row('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2))];
  for (const c of cells) {
    c.name.forEach((part, i) => out.push(i === 0 ? row(c.line, part, c.amount) : row('', part, '')));
  }
  return `${out.join('\n')}\n`;
}

/** A CSV field, quoted when it holds the separator, a quote or a line break. */
function field(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV number cell: no grouping and an ASCII hyphen, so that Excel reads it as a number. */
const CSV_NUMBER = { grouping: false, sign: 'hyphen' } as const;

function toCsv(rows: ParsedFormRow[], headers: [string, string, string], excel: boolean): string {
  const line = (l: string): string => (excel ? `="${l.replace(/"/g, '""')}"` : l);
  const text = (t: string): string => field(excelSafeCell(t));
  const records = [headers.map(text).join(';')];
  // the line number and the name are text from the caller (excelSafeCell: never a formula); the amount is a number
  for (const r of rows) records.push([excel ? field(line(r.line)) : text(r.line), text(r.name), formatDecimal(r.amount, 2, CSV_NUMBER)].join(';'));
  return `${excel ? '\uFEFF' : ''}${records.join('\r\n')}\r\n`;
}

/**
 * Renders the rows of a reporting form — such as the `formRows` of `subventionClaim` — as a
 * plain-text table or as CSV. Amounts are shown with exactly two decimals (rounded half up).
 *
 * - `'text'`: a heading, a rule, and aligned columns (line number and name to the left, amount to
 *   the right, names wrapped to `nameWidth`); lines end with `\n`. Amounts as `formatRubles`
 *   writes them: `1 234 567,89`, U+202F between groups, U+2212 for a minus.
 * - `'csv'`: the way Russian accountants open CSV in Excel — `;` between fields, a decimal comma,
 *   a header row, CRLF line ends, fields quoted (with doubled quotes) only when they hold `;`, `"`
 *   or a line break; no thousands separators and an ASCII hyphen for a minus (a number cell Excel
 *   reads as a number). With `excel: true`, a byte-order mark and line
 *   numbers kept as text.
 *
 * @param rows - the rows, in the order to print
 * @param format - `'text'` or `'csv'`
 * @param options - headings, the name width of the text table, the Excel mode of the CSV
 * @returns the rendered form, ending with a line break
 * @throws {@link OmsCalcError} `INVALID_INPUT` — one issue per bad row field or option
 *   (paths like `['rows', 3, 'amount']`, `['format']`, `['options', 'nameWidth']`)
 * @example
 * ```ts
 * import { formatFormRows, subventionClaim } from 'oms-calc/subvention';
 *
 * const { formRows } = subventionClaim({
 *   openingBalance: '1000000', capitationFunds: '50000000', omsIncome: '200000',
 *   sanctionIncome: '300000', damagesRecovered: '0', reserveReturns: '0',
 *   acceptedInvoices: '58000000', invoicePayments: '49000000', administration: '1500000',
 *   prevention: '500000', otherExpenses: '100000',
 * });
 * formatFormRows(formRows.slice(-1), 'text').split('\n');
 * // ['№ строки  Наименование показателей     Сумма, руб.', '--------  --------------------------  ------------', '12        Сумма заявленной субвенции  8 600 000,00', '']
 * formatFormRows(formRows.slice(9, 10), 'csv', { excel: true }); // byte-order mark, line 8.1 kept as text
 * // '\uFEFF№ строки;Наименование показателей;Сумма, руб.\r\n"=""8.1""";Принятые к оплате счета, всего;58000000,00\r\n'
 *
 * formatFormRows([{ line: '7', name: 'Остаток', amount: '-1234.5' }], 'csv');
 * // '№ строки;Наименование показателей;Сумма, руб.\r\n7;Остаток;-1234,50\r\n'
 * ```
 */
export function formatFormRows(rows: readonly FormRow[], format: FormRowsFormat, options?: FormatFormRowsOptions): string {
  const v = parseInput(ArgumentsSchema, { rows, format, options }, 'formatFormRows');
  const headers = v.options?.headers ?? DEFAULT_HEADERS;
  return v.format === 'text'
    ? toText(v.rows, headers, v.options?.nameWidth ?? 60)
    : toCsv(v.rows, headers, v.options?.excel === true);
}
