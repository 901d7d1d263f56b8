/**
 * Plain text for a terminal or a log: an aligned table and the trace as a numbered list. The
 * command line's `--format table` and the examples print with these.
 *
 * @module
 */
import * as z from 'zod';
import { parseInput } from '../_internal/schema';
import type { TraceStep } from '../_internal/trace';

const TextTableSchema = z.strictObject({ headers: z.array(z.string()), rows: z.array(z.array(z.string())) });
const TraceSchema = z.array(z.object({ symbol: z.string(), formula: z.string(), value: z.string(), source: z.string() }));

/** A cell that reads as a number (`1 234,50`, `−7,5 %`, `12 ₽`, `—`): right-aligned. */
const NUMERIC = /^[−-]?[\d\u202f]+(,\d+)?( %| ₽)?$|^—$/;

/**
 * Rows as an aligned plain-text table: a header, a rule, the rows; a column whose cells all read as
 * numbers in the Russian format (`formatRubles`) is right-aligned.
 *
 * @param headers - the column headers
 * @param rows - the cells, as text (format numbers with `formatRubles` first)
 * @returns the table, lines joined by `\n`
 * @throws {@link OmsCalcError} `INVALID_INPUT` for headers or cells that are not text
 * @example
 * ```ts
 * import { textTable } from 'oms-calc/report';
 *
 * textTable(['Статья', 'Сумма'], [['ОДБ', '120,00'], ['КЗ', '35,50']]);
 * // 'Статья   Сумма\n──────  ──────\nОДБ     120,00\nКЗ       35,50'
 * ```
 */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const v = parseInput(TextTableSchema, { headers, rows }, 'textTable');
  const widths = v.headers.map((h, i) => Math.max(h.length, ...v.rows.map((r) => (r[i] ?? '').length)));
  const numeric = v.headers.map((_, i) => v.rows.length > 0 && v.rows.every((r) => NUMERIC.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (numeric[i] === true ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(v.headers), rule, ...v.rows.map(line)].join('\n');
}

/**
 * The trace of a result as a numbered plain-text list: symbol = value, the formula, the source.
 *
 * @param steps - a result's `trace`
 * @returns the list, lines joined by `\n`
 * @throws {@link OmsCalcError} `INVALID_INPUT` for steps without their four texts
 * @example
 * ```ts
 * import { traceText } from 'oms-calc/report';
 *
 * traceText([{ symbol: 'НСЗ', formula: 'ОДБ + КЗ', value: '1235.5', source: 'п. 3' }]);
 * // ' 1. НСЗ = 1235.5\n      ОДБ + КЗ\n      источник: п. 3'
 * ```
 */
export function traceText(steps: readonly TraceStep[]): string {
  const v = parseInput(TraceSchema, steps, 'traceText');
  return v.map((s, i) => `${String(i + 1).padStart(2)}. ${s.symbol} = ${s.value}\n      ${s.formula}\n      источник: ${s.source}`).join('\n');
}
