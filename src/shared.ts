/**
 * The pieces every module shares: the error type, the trace step, the decimal input type, the
 * spreadsheet-safe text cell, the money formatter and the month names.
 *
 * @module shared
 */
export { OmsCalcError, isOmsCalcError, type OmsCalcErrorCode, type OmsCalcIssue } from './_internal/errors';
export type { TraceStep } from './_internal/trace';
export type { DecimalInput, DecimalLike, X } from './_internal/decimal';
export { excelSafeCell } from './_internal/csv';
export { formatRubles, MONTH_NAMES, type FormatRublesOptions } from './_internal/format';
