/**
 * The one error type of oms-calc.
 *
 * @module
 */
import { isIssueCode, ISSUE_MESSAGES_EN, ISSUE_MESSAGES_RU, type IssueCode, type IssueLocale, type IssueParams } from './issues';

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
 */
export type OmsCalcErrorCode =
  | 'INVALID_INPUT'
  | 'PROBABILITIES_DO_NOT_SUM_TO_ONE'
  | 'UNKNOWN_CODE'
  | 'NO_TABLE_FOR_DATE'
  | 'MISSING_PER_CAPITA_RATE'
  | 'NOT_A_REGISTER';

/**
 * One problem found in an input, as data: a stable {@link IssueCode}, where it is (`path`), the
 * figures it concerns (`params`) and the English `message`. {@link issueMessage} gives the
 * message in Russian or English, {@link formatIssues} a whole error's issues.
 */
export interface OmsCalcIssue {
  /** What is wrong, as a stable code (`custom` for an issue given as `{ path, message }`). */
  code: IssueCode;
  /** Path to the offending value, e.g. `['income', 2, 'probability']`; empty for the whole input. */
  path: (string | number)[];
  /** The figures of the problem (bounds, the bad value, the fields concerned). */
  params: IssueParams;
  /** What is wrong, in English, showing the bad value where it helps. */
  message: string;
}

/**
 * An issue as a caller may give it to {@link OmsCalcError}: `code` and `params` may be left out
 * (the issue is then `custom`).
 */
export type OmsCalcIssueInput = Omit<OmsCalcIssue, 'code' | 'params'> & Partial<Pick<OmsCalcIssue, 'code' | 'params'>>;

/** Makes an issue with its English message. */
export function makeIssue(code: IssueCode, path: (string | number)[], params: IssueParams, message: string): OmsCalcIssue {
  return { code, path, params, message };
}

/**
 * Makes an issue whose English message is the table's ({@link ISSUE_MESSAGES_EN}); apart from
 * {@link makeIssue} so that a bundle whose issues all have their own wording leaves the table out.
 */
export function tableIssue(code: IssueCode, path: (string | number)[], params: IssueParams = {}): OmsCalcIssue {
  return { code, path, params, message: ISSUE_MESSAGES_EN[code](params) };
}

/**
 * The message of an issue in Russian (from its code and parameters) or English (its `message`).
 *
 * @param issue - an issue of an {@link OmsCalcError}
 * @param locale - `'ru'` (default) or `'en'`
 * @returns the message, without the path
 * @example
 * ```ts
 * import { isOmsCalcError, issueMessage, placementLimit } from 'oms-calc/reserve';
 *
 * try {
 *   placementLimit({ balance: '1000000', share: '0.6' });
 * } catch (e) {
 *   if (isOmsCalcError(e)) {
 *     e.issues[0]?.code;                         // 'too_big'
 *     issueMessage(e.issues[0]!, 'ru');          // 'должно быть не больше 0.5, получено 0.6'
 *     issueMessage(e.issues[0]!, 'en');          // 'must be at most 0.5, got 0.6'
 *   }
 * }
 * ```
 */
export function issueMessage(issue: OmsCalcIssue, locale: IssueLocale = 'ru'): string {
  checkLocale(locale, 'issueMessage');
  if (!isIssue(issue)) throw invalidInput('issueMessage', [makeIssue('invalid_type', [], { expected: 'object' }, 'expected an issue { code, path, params, message }')]);
  return messageOf(issue, locale);
}

function messageOf(issue: OmsCalcIssue, locale: IssueLocale): string {
  if (locale === 'en' || !isIssueCode(issue.code)) return issue.message;
  const params = typeof issue.params === 'object' && issue.params !== null ? issue.params : {};
  if (issue.code === 'custom') return ISSUE_MESSAGES_RU.custom({ detail: params.detail ?? issue.message });
  return ISSUE_MESSAGES_RU[issue.code](params);
}

const isIssue = (v: unknown): v is OmsCalcIssue =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { message?: unknown }).message === 'string' &&
  Array.isArray((v as { path?: unknown }).path) &&
  ((v as { path: unknown[] }).path).every((k) => typeof k === 'string' || typeof k === 'number');

function checkLocale(locale: unknown, where: string): void {
  if (locale !== 'ru' && locale !== 'en') {
    throw invalidInput(where, [tableIssue('invalid_value', ['locale'], { values: ['ru', 'en'], received: typeof locale === 'string' ? JSON.stringify(locale) : typeof locale })]);
  }
}

/** Options of {@link formatIssues}. */
export interface FormatIssuesOptions {
  /** The language of the messages: `'ru'` (default) or `'en'`. */
  locale?: IssueLocale | undefined;
}

/**
 * The issues of an error (or a list of issues) as text, one line per issue: its path, then its
 * message in the chosen language, as zod's `prettifyError` writes one line per issue.
 *
 * @param errorOrIssues - an {@link OmsCalcError} (or anything with `issues`), or the issues
 * @param options - `locale`: `'ru'` (default) or `'en'`
 * @returns the lines joined with `\n`; a root issue is its message alone
 * @example
 * ```ts
 * import { formatIssues, isOmsCalcError, legacyReserve } from 'oms-calc/reserve';
 *
 * try {
 *   legacyReserve({ previousMonthExpenditure: '-5', currentBalance: '1e6' });
 * } catch (e) {
 *   if (isOmsCalcError(e)) {
 *     formatIssues(e).split('\n')[0]; // 'previousMonthExpenditure: должно быть не меньше 0, получено -5'
 *     formatIssues(e, { locale: 'en' });
 *     // 'previousMonthExpenditure: must be at least 0, got -5\ncurrentBalance: expected a plain decimal string such as "1234.56", got "1e6"'
 *   }
 * }
 * ```
 */
export function formatIssues(errorOrIssues: { readonly issues: readonly OmsCalcIssue[] } | readonly OmsCalcIssue[], options: FormatIssuesOptions = {}): string {
  const given: unknown = Array.isArray(errorOrIssues) ? errorOrIssues : (errorOrIssues as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(given) || !given.every(isIssue)) {
    throw invalidInput('formatIssues', [makeIssue('invalid_type', [], { expected: 'object' }, 'expected an OmsCalcError or a list of issues { path, message }')]);
  }
  const locale = (typeof options === 'object' && options !== null ? options.locale : undefined) ?? 'ru';
  checkLocale(locale, 'formatIssues');
  return given.map((i) => (i.path.length === 0 ? messageOf(i, locale) : `${i.path.join('.')}: ${messageOf(i, locale)}`)).join('\n');
}

/** An issue with its code and parameters (`custom` for one written as `{ path, message }`). */
function complete(i: OmsCalcIssueInput): OmsCalcIssue {
  return { code: i.code ?? 'custom', path: i.path, params: i.params ?? {}, message: i.message };
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
    issues?: readonly OmsCalcIssueInput[],
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OmsCalcError';
    this.code = code;
    this.issues = issues !== undefined && issues.length > 0 ? issues.map(complete) : [{ code: 'custom', path: [], params: { detail: message }, message }];
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
