/**
 * The pieces every module shares: the error type and its issues (codes, Russian and English
 * messages, {@link formatIssues}), the trace step, the decimal input type, the
 * spreadsheet-safe text cell, the money formatter and the month names.
 *
 * @module shared
 */
export {
  OmsCalcError,
  isOmsCalcError,
  formatIssues,
  issueMessage,
  type FormatIssuesOptions,
  type OmsCalcErrorCode,
  type OmsCalcIssue,
  type OmsCalcIssueInput,
} from './_internal/errors';
export { ISSUE_CODES, type IssueCode, type IssueLocale, type IssueParams } from './_internal/issues';
export type { TraceStep } from './_internal/trace';
export type { DecimalInput, DecimalLike, X } from './_internal/decimal';
export { excelSafeCell } from './_internal/csv';
export { formatRubles, MONTH_NAMES, type FormatRublesOptions } from './_internal/format';
