import * as z from 'zod';
import { invalidInput, type OmsCalcIssue } from '../_internal/errors';
import { formatDecimal } from '../_internal/format';
import { decimal, parseInput, toIssues } from '../_internal/schema';
import type { DecimalInput } from '../_internal/decimal';
import type { TraceStep } from '../_internal/trace';
import { h2, n, page, para, table, traceSection, type Cell, type DocumentOptions } from './html';
import { DocumentOptionsSchema } from './schemas';

/**
 * How a column of a {@link ReportTable} shows its values: text, rubles and kopecks (`1 234,50`),
 * or a number with `places` decimals (0–6).
 *
 * @example
 * ```ts
 * import type { ReportColumnKind } from 'oms-calc/report';
 *
 * const kinds: ReportColumnKind[] = ['text', 'rub', { places: 4 }];
 * ```
 */
export type ReportColumnKind = 'text' | 'rub' | { places: number };

/**
 * A column of a {@link ReportTable}.
 *
 * @example
 * ```ts
 * import type { ReportColumn } from 'oms-calc/report';
 *
 * const column: ReportColumn = { header: 'Сумма, ₽', kind: 'rub' };
 * ```
 */
export interface ReportColumn {
  /** The header. */
  header: string;
  /** `'text'` (the default), `'rub'` or `{ places }`. */
  kind?: ReportColumnKind | undefined;
}

/**
 * One table of a {@link TablesDocument}: its title, columns and rows. A cell of a number column
 * is a decimal (a string, a number or a Decimal), `null` for none; a text cell is a string.
 *
 * @example
 * ```ts
 * import type { ReportTable } from 'oms-calc/report';
 *
 * const t: ReportTable = { title: 'Перечисления', columns: [{ header: 'Месяц' }, { header: 'Сумма, ₽', kind: 'rub' }], rows: [['январь', '150000000']] };
 * ```
 */
export interface ReportTable {
  /** The table's heading. */
  title: string;
  /** The columns. */
  columns: readonly ReportColumn[];
  /** The rows: one value per column. */
  rows: readonly (readonly (string | DecimalInput | null)[])[];
  /** A note printed under the table; optional. */
  note?: string | undefined;
}

/**
 * What {@link tablesHtml} prints: any result laid out as tables, with its trace and sources.
 *
 * @example
 * ```ts
 * import { replenishmentSchedule } from 'oms-calc/replenishment';
 * import type { TablesDocument } from 'oms-calc/report';
 *
 * const s = replenishmentSchedule({ planned: '1200', openingBalance: '600', months: 2 });
 * const doc: TablesDocument = {
 *   title: 'График пополнения НСЗ',
 *   tables: [{ title: 'Перечисления', columns: [{ header: 'i', kind: { places: 0 } }, { header: 'Сумма, ₽', kind: 'rub' }], rows: s.installments.map((i) => [i.index, i.amount]) }],
 *   trace: s.trace,
 * };
 * ```
 */
export interface TablesDocument {
  /** The heading of the document. */
  title: string;
  /** The tables, in order. */
  tables: readonly ReportTable[];
  /** The trace of the result; optional. */
  trace?: readonly TraceStep[] | undefined;
  /** Sources cited besides those of the trace; optional. */
  sources?: readonly string[] | undefined;
}

const kind = z.union([z.literal('text'), z.literal('rub'), z.object({ places: z.number().int().min(0).max(6) }).strict()]);
const value = z.union([z.string(), z.number(), z.null(), z.custom<object>((v) => typeof v === 'object' && v !== null)]);
const Schema = z
  .object({
    title: z.string(),
    tables: z.array(
      z
        .object({
          title: z.string(),
          columns: z.array(z.object({ header: z.string(), kind: kind.optional() }).strict()).min(1),
          rows: z.array(z.array(value)),
          note: z.string().optional(),
        })
        .strict(),
    ),
    trace: z.array(z.object({ symbol: z.string(), formula: z.string(), value: z.string(), source: z.string() })).optional(),
    sources: z.array(z.string()).optional(),
  })
  .strict();

const number = decimal();

/**
 * Any result as a document of tables: each table with its title, its number columns in the one
 * format (rubles and kopecks, or a number with its places), then the trace on a page of its own
 * and the sources. One self-contained HTML document (inline CSS, no script), in Russian, for print:
 * what the command line prints with `--format html` for the results that have no document of their own.
 *
 * @param doc - the title, the tables, the trace and the sources
 * @param options - the heading, the organisation and the date to print
 * @returns the HTML document
 * @throws OmsCalcError `INVALID_INPUT` when a table is malformed, or a number cell is not a decimal (with its path)
 * @example
 * ```ts
 * import { tablesHtml } from 'oms-calc/report';
 *
 * const html = tablesHtml({ title: 'Итоги', tables: [{ title: 'Суммы', columns: [{ header: 'Что' }, { header: 'Сумма, ₽', kind: 'rub' }], rows: [['НСЗ', '1812000000']] }] });
 * html.includes('1\u202f812\u202f000\u202f000,00'); // true
 * ```
 */
export function tablesHtml(doc: TablesDocument, options?: DocumentOptions): string {
  const v = parseInput(Schema, doc, 'tablesHtml');
  const o = parseInput(DocumentOptionsSchema, options, 'tablesHtml') ?? {};
  const issues: OmsCalcIssue[] = [];
  const body: string[] = [];
  v.tables.forEach((t, ti) => {
    const rows = t.rows.map((r, ri) =>
      t.columns.map((c, ci): Cell => {
        const x = r[ci];
        if (c.kind === undefined || c.kind === 'text') return typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x);
        if (x === null || x === undefined || x === '') return n('');
        const parsed = number.safeParse(x);
        if (!parsed.success) {
          issues.push(...toIssues(parsed.error.issues, ['tables', ti, 'rows', ri, ci]));
          return n('');
        }
        return n(formatDecimal(parsed.data, c.kind === 'rub' ? 2 : c.kind.places));
      }),
    );
    body.push(h2(t.title), table(t.columns.map((c) => (c.kind === undefined || c.kind === 'text' ? c.header : n(c.header))), rows), ...(t.note === undefined ? [] : [para(t.note, 'note')]));
  });
  if (issues.length > 0) throw invalidInput('tablesHtml', issues);
  const trace = v.trace ?? [];
  if (trace.length > 0) body.push(traceSection(trace));
  return page(v.title, o, body, [...(v.sources ?? []), ...trace.map((s) => s.source)]);
}
