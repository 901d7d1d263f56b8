/**
 * The pieces every module shares: the error type, the trace step, the decimal input type and the
 * spreadsheet-safe text cell.
 *
 * @module shared
 */
export { OmsCalcError, isOmsCalcError, type OmsCalcErrorCode, type OmsCalcIssue } from './_internal/errors';
export type { TraceStep } from './_internal/trace';
export type { DecimalInput, DecimalLike, X } from './_internal/decimal';
export { excelSafeCell } from './_internal/csv';
