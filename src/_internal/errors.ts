/**
 * The one error type of oms-calc.
 *
 * @module
 */

/**
 * Stable error codes. A code never changes meaning; new codes may be added.
 *
 * - `INVALID_INPUT` — the input does not match the function's schema (one issue per problem).
 * - `PROBABILITIES_DO_NOT_SUM_TO_ONE` — a scenario set's probabilities do not add up to exactly 1.
 * - `UNKNOWN_CODE` — a violation code is not in the sanction table in force.
 * - `NO_TABLE_FOR_DATE` — no sanction table is in force on the case's date.
 * - `MISSING_PER_CAPITA_RATE` — a fine (Кшт) needs a per-capita rate (РП) that was not given.
 * - `NOT_A_REGISTER` — the source given to `oms-calc/registry` is not XML at all (or not a
 *   register of invoices, ZL_LIST), or names an encoding the runtime cannot decode. Bad content
 *   inside a register is never an error: it is a `MALFORMED` finding.
 *
 * @example
 * ```ts
 * import { isOmsCalcError, placementLimit, reserveSize, type OmsCalcErrorCode } from 'oms-calc/reserve';
 *
 * const codeOf = (run: () => unknown): OmsCalcErrorCode | undefined => {
 *   try {
 *     run();
 *     return undefined;
 *   } catch (e) {
 *     return isOmsCalcError(e) ? e.code : undefined;
 *   }
 * };
 * codeOf(() => placementLimit({ balance: '1000000', share: '0.6' })); // 'INVALID_INPUT'
 * const care = { scenarios: [{ value: '100', probability: '1' }], unitCost: '1' };
 * codeOf(() =>
 *   reserveSize({
 *     income: [{ value: '9000000000', probability: '0.5' }, { value: '10000000000', probability: '0.4' }],
 *     ambulatory: care, inpatient: care, dayHospital: care, payables: '0',
 *   }),
 * ); // 'PROBABILITIES_DO_NOT_SUM_TO_ONE'
 * ```
 */
export type OmsCalcErrorCode =
  | 'INVALID_INPUT'
  | 'PROBABILITIES_DO_NOT_SUM_TO_ONE'
  | 'UNKNOWN_CODE'
  | 'NO_TABLE_FOR_DATE'
  | 'MISSING_PER_CAPITA_RATE'
  | 'NOT_A_REGISTER';

/**
 * One problem found in an input: where it is (`path`) and what is wrong (`message`).
 *
 * @example
 * ```ts
 * import { isOmsCalcError, placementLimit, type OmsCalcIssue } from 'oms-calc/reserve';
 *
 * let issues: OmsCalcIssue[] = [];
 * try {
 *   placementLimit({ balance: '1000000', share: '0.6' });
 * } catch (e) {
 *   if (isOmsCalcError(e)) issues = e.issues;
 * }
 * issues; // [{ path: ['share'], message: 'must be at most 0.5, got 0.6' }]
 * ```
 */
export interface OmsCalcIssue {
  /** Path to the offending value, e.g. `['income', 2, 'probability']`; empty for the whole input. */
  path: (string | number)[];
  /** What is wrong, in plain words, showing the bad value where it helps. */
  message: string;
}

/** Brand shared by every loaded copy of oms-calc (ESM, CJS, two versions side by side). */
const BRAND: unique symbol = Symbol.for('oms-calc.OmsCalcError') as never;

/**
 * The error every public function of oms-calc throws: a stable {@link OmsCalcErrorCode}, at least
 * one {@link OmsCalcIssue}, and the underlying `cause` where there is one.
 *
 * `instanceof OmsCalcError` and {@link isOmsCalcError} both recognise errors thrown by another
 * loaded copy of the library (for example the CommonJS and the ESM build in one process).
 *
 * @example
 * ```ts
 * import { legacyReserve, OmsCalcError } from 'oms-calc/reserve';
 *
 * try {
 *   legacyReserve({ previousMonthExpenditure: '-5', currentBalance: '1e6' });
 * } catch (e) {
 *   if (e instanceof OmsCalcError && e.code === 'INVALID_INPUT') {
 *     e.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
 *     // ['previousMonthExpenditure: must be at least 0, got -5', 'currentBalance: expected a plain decimal string such as "1234.56", got "1e6"']
 *     e.message; // 'legacyReserve: invalid input: previousMonthExpenditure: must be at least 0, got -5 (and 1 more)'
 *   }
 * }
 * ```
 */
export class OmsCalcError extends Error {
  /** Stable machine-readable code. */
  readonly code: OmsCalcErrorCode;
  /** One entry per problem; never empty. */
  readonly issues: OmsCalcIssue[];
  /** The brand that {@link isOmsCalcError} looks for; shared by every loaded copy. */
  declare readonly [BRAND]: true;

  /**
   * @param code - the stable error code
   * @param message - a human-readable summary
   * @param issues - the problems, one per entry; defaults to one issue with the message
   * @param options - `cause`: the underlying error, if any
   */
  constructor(
    code: OmsCalcErrorCode,
    message: string,
    issues?: OmsCalcIssue[],
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OmsCalcError';
    this.code = code;
    this.issues = issues !== undefined && issues.length > 0 ? issues : [{ path: [], message }];
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** Recognises errors from any loaded copy of oms-calc, not only this one. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isOmsCalcError(value);
  }
}

/**
 * Tells whether a value is an {@link OmsCalcError}, from this or any other loaded copy of the
 * library.
 *
 * @param e - any caught value
 * @returns `true` when `e` is an OmsCalcError
 * @example
 * ```ts
 * import { isOmsCalcError, plannedReserve } from 'oms-calc/reserve';
 *
 * try {
 *   plannedReserve({ required: '1', programFinancing: '1', plannedIncome: '1', plannedBaseProgramCost: '1', minShare: '0.2', maxShare: '0.1' });
 * } catch (e) {
 *   isOmsCalcError(e); // true
 *   isOmsCalcError(new Error('other')); // false
 * }
 * ```
 */
export function isOmsCalcError(e: unknown): e is OmsCalcError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

/** Shorthand for an `INVALID_INPUT` error with the given issues. */
export function invalidInput(where: string, issues: OmsCalcIssue[]): OmsCalcError {
  const first = issues[0];
  const head = first === undefined ? 'invalid input' : formatIssue(first);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new OmsCalcError('INVALID_INPUT', `${where}: invalid input: ${head}${more}`, issues);
}

/** `path: message`, or the message alone for the root. */
export function formatIssue(issue: OmsCalcIssue): string {
  return issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`;
}
