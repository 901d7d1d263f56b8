/**
 * Text cells for spreadsheets: neutralising what Excel and other spreadsheet programs would
 * evaluate as a formula (CSV injection).
 *
 * @module
 */
import { show } from './decimal';
import { invalidInput, makeIssue } from './errors';

/** The first characters that make a spreadsheet cell a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as it is safe to write to a CSV or XLSX file that people open in Excel: a value
 * that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so
 * that it is shown as the text it is and never evaluated as a formula. Data from outside the fund
 * (ids, names, comments of medical organisations) goes through it; numbers that the library
 * formats itself are written as numbers and do not.
 *
 * Source: OWASP, «CSV Injection» (prefix such cells with a single quote).
 *
 * @param text - the cell's text
 * @returns the text, prefixed with `'` when it would be evaluated
 * @throws {@link OmsCalcError} `INVALID_INPUT` when `text` is not a string
 * @example
 * ```ts
 * import { excelSafeCell } from 'oms-calc';
 *
 * excelSafeCell('@SUM(1+1)'); // "'@SUM(1+1)"
 * excelSafeCell('ЭК-0001');   // 'ЭК-0001'
 * ```
 */
export function excelSafeCell(text: string): string {
  if (typeof text !== 'string') {
    throw invalidInput('excelSafeCell', [makeIssue('invalid_type', [], { expected: 'string', received: show(text) }, `expected the cell's text (a string), got ${show(text)}`)]);
  }
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a spreadsheet would evaluate the cell as a formula (what {@link excelSafeCell} prevents). */
export function isFormulaCell(text: string): boolean {
  return FORMULA_START.test(text);
}
