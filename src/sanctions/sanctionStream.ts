import { invalidInput, isOmsCalcError, makeIssue, parseInput, show, type OmsCalcError, type OmsCalcErrorCode, type OmsCalcIssue } from '../_internal';
import { CaseInputSchema, computeCase, type CaseInput, type CaseSanction, type SanctionRow } from './caseSanction';
import { fastCase, fastContext, type FastContext } from './fastPath';
import { resolveOptions, SanctionStreamOptionsSchema, type ResolvedOptions, type SanctionStreamOptions } from './options';

/**
 * The row of a case that failed: its position, its id when it had one, and the error.
 *
 * @example
 * ```ts
 * import { sanctionRows, type SanctionErrorRow } from 'oms-calc/sanctions';
 *
 * const [row] = [...sanctionRows([{ id: 'X', tariff: '100', violations: ['9.9'] }])];
 * const bad = row as SanctionErrorRow;
 * [bad.index, bad.id, bad.error.code]; // [0, 'X', 'UNKNOWN_CODE']
 * ```
 */
export interface SanctionErrorRow {
  /** The case's id, when it had a string id. */
  id?: string | undefined;
  /** The case's position in the input, from 0. */
  index: number;
  /** The error the case raised, as {@link caseSanction} would throw it. */
  error: {
    /** The stable error code (`INVALID_INPUT`, `UNKNOWN_CODE`, `MISSING_PER_CAPITA_RATE`, `NO_TABLE_FOR_DATE`). */
    code: OmsCalcErrorCode;
    /** A readable message, starting with the case's position. */
    message: string;
    /** One entry per problem, with the path inside the case. */
    issues: OmsCalcIssue[];
  };
}

/**
 * Whether a stream row is an error row.
 *
 * @param row - a row of {@link sanctionStream} or {@link sanctionRows}
 * @returns `true` for an error row `{ index, error, id? }`
 * @example
 * ```ts
 * import { isSanctionErrorRow, sanctionRows } from 'oms-calc/sanctions';
 *
 * const rows = [...sanctionRows([{ tariff: '100', violations: ['1.4.2'] }, { tariff: '-1', violations: ['1.4.2'] }])];
 * rows.map(isSanctionErrorRow); // [false, true]
 * ```
 */
export function isSanctionErrorRow(row: unknown): row is SanctionErrorRow {
  return typeof row === 'object' && row !== null && 'error' in row && typeof (row as { error: unknown }).error === 'object';
}

type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/** The prepared state of one stream: resolved options and the fast path's context. */
export interface StreamState {
  readonly options: ResolvedOptions;
  readonly fast: FastContext | undefined;
}

/** The state of a stream with these options (no fast path when traces are asked for). */
export function streamState(options: ResolvedOptions): StreamState {
  return { options, fast: options.trace ? undefined : fastContext(options) };
}

function errorRow(raw: unknown, index: number, e: OmsCalcError): SanctionErrorRow {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const error = { code: e.code, message: e.message, issues: e.issues };
  return typeof id === 'string' ? { id, index, error } : { index, error };
}

/** One case → one row: the integer fast path when it applies, else the decimal reference. */
export function sanctionRow(raw: unknown, index: number, state: StreamState): SanctionRow | CaseSanction | SanctionErrorRow {
  if (state.fast !== undefined) {
    const row = fastCase(raw, state.fast);
    if (row !== undefined) return row;
  }
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const where = typeof id === 'string' ? `case ${index} (id ${JSON.stringify(id.slice(0, 60))})` : `case ${index}`;
  try {
    return computeCase(parseInput(CaseInputSchema, raw, where), state.options, where, state.options.trace);
  } catch (e) {
    if (isOmsCalcError(e)) return errorRow(raw, index, e);
    throw e;
  }
}

/**
 * The async iterable returned by {@link sanctionStream}. Each iteration walks the cases afresh
 * (when the source can be walked again) and holds one case at a time.
 */
export class SanctionStream<Row> implements AsyncIterable<Row> {
  readonly #cases: AnyIterable<unknown>;
  readonly #state: StreamState;

  constructor(cases: AnyIterable<unknown>, options: ResolvedOptions) {
    this.#cases = cases;
    this.#state = streamState(options);
  }

  [Symbol.asyncIterator](): AsyncIterator<Row> {
    const state = this.#state;
    const cases = this.#cases;
    let index = 0;
    if (typeof (cases as Iterable<unknown>)[Symbol.iterator] === 'function' && typeof (cases as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function') {
      const source = (cases as Iterable<unknown>)[Symbol.iterator]();
      return {
        next(): Promise<IteratorResult<Row>> {
          try {
            const step = source.next();
            if (step.done === true) return Promise.resolve({ done: true, value: undefined });
            return Promise.resolve({ done: false, value: sanctionRow(step.value, index++, state) as Row });
          } catch (e) {
            return Promise.reject(e);
          }
        },
        return(): Promise<IteratorResult<Row>> {
          source.return?.();
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    }
    const source = (cases as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    return {
      async next(): Promise<IteratorResult<Row>> {
        const step = await source.next();
        if (step.done === true) return { done: true, value: undefined };
        return { done: false, value: sanctionRow(step.value, index++, state) as Row };
      },
      async return(): Promise<IteratorResult<Row>> {
        await source.return?.();
        return { done: true, value: undefined };
      },
    };
  }

  /**
   * Walks a synchronous source without a promise per row (used by {@link sanctionTotals});
   * returns `false`, doing nothing, when the source is asynchronous.
   */
  forEachSync(visit: (row: Row) => void): boolean {
    const cases = this.#cases;
    if (typeof (cases as Iterable<unknown>)[Symbol.iterator] !== 'function' || typeof (cases as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') return false;
    const state = this.#state;
    let index = 0;
    for (const raw of cases as Iterable<unknown>) visit(sanctionRow(raw, index++, state) as Row);
    return true;
  }
}

/**
 * Applies {@link caseSanction} to a registry of cases, one at a time: yields one row per case,
 * in input order — the case's result, or for a case that fails an error row
 * `{ id?, index, error: { code, message, issues } }`. A bad case never stops the stream and no
 * case is lost; memory stays flat however long the input.
 *
 * Plainly well-formed cases (amounts as strings or numbers with at most two decimals, codes of
 * the table) are computed in exact integer kopecks; all others go through the same validation
 * and decimal computation as {@link caseSanction}, with which every row agrees. Rows carry their
 * `trace` only with `trace: true` (slower).
 *
 * A row of the integer path keeps its amounts as kopecks until they are read: `nonPayment`,
 * `fine` and `details` are getters that build the Decimals on first read, and
 * {@link sanctionTotals} adds the kopecks without building them. `JSON.stringify` gives the
 * same JSON as the decimal path; a spread or `structuredClone` copies only `id` and `table`.
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); Тарифное соглашение от
 * 09.01.2025, прил. 25; decisions D4 and D5.
 *
 * @param cases - an iterable or async iterable of {@link CaseInput}s (an array, a generator, a
 *   parser's output)
 * @param options - as for {@link caseSanction}, plus `trace`
 * @returns an async iterable of rows, one per case
 * @throws {@link OmsCalcError} `INVALID_INPUT` at once when `cases` is not iterable or the options
 *   are invalid; the errors of single cases become error rows
 * @example
 * ```ts
 * import { isSanctionErrorRow, sanctionStream } from 'oms-calc/sanctions';
 *
 * async function* cases() { // a parser's output, read as it comes
 *   yield { id: '1', tariff: '10000', setting: 'hospital' as const, violations: ['3.2.2'] };
 *   yield { id: '2', tariff: 'abc', violations: ['3.2.2'] };
 * }
 * const seen: string[] = [];
 * for await (const row of sanctionStream(cases(), { perCapitaRates: { hospital: '7000.00' } })) {
 *   seen.push(isSanctionErrorRow(row) ? `${row.index}: ${row.error.code}` : `${row.id}: ${row.nonPayment} + ${row.fine}`);
 * }
 * seen; // ['1: 4000 + 2100', '1: INVALID_INPUT']
 * ```
 */
export function sanctionStream(
  cases: Iterable<CaseInput> | AsyncIterable<CaseInput>,
  options: SanctionStreamOptions & { trace: true },
): AsyncIterable<CaseSanction | SanctionErrorRow>;
export function sanctionStream(
  cases: Iterable<CaseInput> | AsyncIterable<CaseInput>,
  options?: SanctionStreamOptions,
): AsyncIterable<SanctionRow | SanctionErrorRow>;
export function sanctionStream(
  cases: Iterable<CaseInput> | AsyncIterable<CaseInput>,
  options?: SanctionStreamOptions,
): AsyncIterable<SanctionRow | SanctionErrorRow> {
  const iterable =
    typeof cases === 'object' &&
    cases !== null &&
    (typeof (cases as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (cases as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function');
  if (!iterable) {
    throw invalidInput('sanctionStream', [makeIssue('invalid_type', [], { expected: 'iterable', received: show(cases) }, `expected an iterable or async iterable of cases (an array, a generator…), got ${show(cases)}`)]);
  }
  const resolved = resolveOptions(parseInput(SanctionStreamOptionsSchema, options === undefined ? {} : options, 'sanctionStream'));
  return new SanctionStream<SanctionRow | SanctionErrorRow>(cases, resolved);
}
