import { makeIssue, OmsCalcError, parseInput } from '../_internal';
import { selectTable, unknownCodeMessage } from './lookup';
import { LookupOptionsSchema, resolveOptions } from './options';
import { violationCode, type SanctionTable, type ViolationEntry } from './table';

/** Options of {@link findViolation}. */
export interface FindViolationOptions {
  /** The tables to choose from by date; default `[builtinSanctionTable]`. */
  tables?: readonly SanctionTable[] | undefined;
  /** The date on which the table must be in force, ISO `YYYY-MM-DD`. */
  date?: string | undefined;
}

/**
 * Looks a violation code up in the table in force: its section, full wording, Кно, Кшт and
 * whether their column is certain.
 *
 * Source: Тарифное соглашение от 09.01.2025, прил. 25 (the built-in table); decision D4.
 *
 * @param code - the violation code, `d.d` or `d.d.d`, e.g. `'3.2.1'`
 * @param options - `tables` (default the built-in table) and `date`
 * @returns the table's entry for the code
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a malformed code or options; `UNKNOWN_CODE`
 *   (naming the code and the table) when the table has no such code; `NO_TABLE_FOR_DATE` when no
 *   table is in force on the date
 * @example
 * ```ts
 * import { findViolation } from 'oms-calc/sanctions';
 *
 * const e = findViolation('3.14.3');
 * e.section;             // 'EKMP'
 * e.kno;                 // null
 * e.ksht?.toString();    // '3'
 * e.basis;               // 'inferred' — the column was inferred (D4)
 * ```
 */
export function findViolation(code: string, options?: FindViolationOptions): ViolationEntry {
  const checked = parseInput(violationCode, code, 'findViolation');
  const o = resolveOptions(parseInput(LookupOptionsSchema, options === undefined ? {} : options, 'findViolation'));
  const { table, byCode } = selectTable(o.tables, o.date, 'findViolation');
  const found = byCode.get(checked);
  if (found === undefined) {
    const message = unknownCodeMessage(checked, table);
    throw new OmsCalcError('UNKNOWN_CODE', `findViolation: ${message}`, [makeIssue('unknown_code', ['code'], { code: checked, table: table.id }, message)]);
  }
  return found.entry;
}
