/**
 * The options of {@link sanctionCsv}: the computation's options, as a CSV user writes them, and
 * the dialect of the file.
 *
 * @module
 */
import * as z from 'zod';
import { invalidInput, makeIssue, parseInput, show, toIssues, type OmsCalcIssue } from '../_internal';
import { CASE_COLUMNS, issueAsWritten, dateText, type CaseField } from './csvCells';
import type { CsvSetup } from './csvEngine';
import { resolveOptions, SanctionOptionsSchema, type SanctionOptions } from './options';
import { mapRates } from './readPerCapitaRates';

/**
 * Options of {@link sanctionCsv} and {@link sanctionCsvBytes}: those of {@link caseSanction}
 * (the rates may be keyed by the settings' Russian names and written as the CSV writes amounts,
 * `"7 000,00"`; the date as `DD.MM.YYYY`), and the file's dialect.
 *
 * @example
 * ```ts
 * import type { SanctionCsvOptions } from 'oms-calc/sanctions';
 *
 * const o: SanctionCsvOptions = { perCapitaRates: { стационар: '7 000,00' }, columns: { tariff: 'Сумма к оплате' }, encoding: 'auto' };
 * ```
 */
export interface SanctionCsvOptions extends Omit<SanctionOptions, 'perCapitaRates'> {
  /** РП by setting: `hospital` or `стационар`…, amounts as numbers or as the CSV writes them. */
  perCapitaRates?: Record<string, string | number> | undefined;
  /** Header names of the fields (any case), in place of the documented names and aliases: `{ tariff: 'Сумма к оплате' }`. */
  columns?: Partial<Record<'id' | 'date' | 'tariff' | 'setting' | 'perCapitaRate' | 'violations', string>> | undefined;
  /** The file's encoding: `'auto'` (default: UTF-8 unless its first 4 KiB are not UTF-8, then windows-1251), `'utf-8'`, `'windows-1251'`. */
  encoding?: 'auto' | 'utf-8' | 'windows-1251' | undefined;
  /** The delimiter; default: the most frequent of `;`, tab and `,` in the header line. */
  delimiter?: ';' | ',' | '\t' | undefined;
  /** The output: `'csv'` (default, the results CSV) or `'jsonl'` (JSON Lines, one object per row). */
  format?: 'csv' | 'jsonl' | undefined;
}

const FIELDS = Object.keys(CASE_COLUMNS) as [CaseField, ...CaseField[]];

const dialectSchema = z.strictObject({
  columns: z.partialRecord(z.enum(FIELDS, { error: `expected a field: ${FIELDS.join(', ')}` }), z.string({ error: 'expected a header name' }).min(1, 'expected a header name')).optional(),
  encoding: z.enum(['auto', 'utf-8', 'windows-1251'], { error: 'expected "auto", "utf-8" or "windows-1251"' }).optional(),
  delimiter: z.enum([';', ',', '\t'], { error: 'expected ";", "," or a tab' }).optional(),
  format: z.enum(['csv', 'jsonl'], { error: 'expected "csv" or "jsonl"' }).optional(),
});

const DIALECT = new Set(['columns', 'encoding', 'delimiter', 'format']);

/** Checks the options of {@link sanctionCsv}; throws `INVALID_INPUT` with one issue per problem. */
export function csvSetup(options: unknown, where: string): CsvSetup {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalidInput(where, [makeIssue('invalid_type', [], { expected: 'object', received: show(options) }, 'expected an options object')]);
  }
  const dialect: Record<string, unknown> = {};
  const computation: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) (DIALECT.has(k) ? dialect : computation)[k] = v;
  const issues: OmsCalcIssue[] = [];
  let written = new Map<string, string>();
  const given = computation['perCapitaRates'];
  if (typeof given === 'object' && given !== null && !Array.isArray(given)) {
    const mapped = mapRates(given, ['perCapitaRates']);
    issues.push(...mapped.issues);
    written = mapped.written;
    computation['perCapitaRates'] = mapped.rates;
  }
  const date = computation['date'];
  if (typeof date === 'string') computation['date'] = dateText(date) ?? date;
  const d = dialectSchema.safeParse(dialect);
  if (!d.success) issues.push(...toIssues(d.error.issues));
  const c = SanctionOptionsSchema.safeParse(computation);
  if (!c.success) {
    for (const i of toIssues(c.error.issues)) {
      if (i.path[0] === 'perCapitaRates') issues.push(issueAsWritten(i, written.get(String(i.path[1]))));
      else if (i.path[0] === 'date' && typeof date === 'string') issues.push(issueAsWritten(i, date));
      else issues.push(i);
    }
  }
  if (issues.length > 0 || !d.success || !c.success) throw invalidInput(where, issues);
  const parsed = parseInput(SanctionOptionsSchema, computation, where);
  return {
    options: resolveOptions(parsed),
    columns: d.data.columns ?? {},
    encoding: d.data.encoding ?? 'auto',
    delimiter: d.data.delimiter,
    format: d.data.format ?? 'csv',
  };
}
