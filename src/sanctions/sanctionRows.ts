import { invalidInput, makeIssue, parseInput, show } from '../_internal';
import type { CaseInput, CaseSanction, SanctionRow } from './caseSanction';
import { resolveOptions, SanctionStreamOptionsSchema, type SanctionStreamOptions } from './options';
import { sanctionRow, streamState, type SanctionErrorRow, type StreamState } from './sanctionStream';

/** The iterable returned by {@link sanctionRows}: each iteration walks the cases afresh. */
class SanctionRows<Row> implements Iterable<Row> {
  readonly #cases: Iterable<unknown>;
  readonly #state: StreamState;

  constructor(cases: Iterable<unknown>, state: StreamState) {
    this.#cases = cases;
    this.#state = state;
  }

  *[Symbol.iterator](): Iterator<Row> {
    let index = 0;
    for (const raw of this.#cases) yield sanctionRow(raw, index++, this.#state) as Row;
  }
}

/**
 * The synchronous form of {@link sanctionStream}, for arrays and other synchronous sources: the
 * same rows — one per case, in input order, an error row `{ id?, index, error }` for a case
 * that fails — without a promise per row. The rows are produced as the iterable is walked, so
 * memory stays flat for a generator source.
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); Тарифное соглашение от
 * 09.01.2025, прил. 25; decisions D4 and D5.
 *
 * @param cases - an iterable of {@link CaseInput}s
 * @param options - as for {@link sanctionStream}
 * @returns an iterable of rows, one per case
 * @throws {@link OmsCalcError} `INVALID_INPUT` at once when `cases` is not iterable or the options
 *   are invalid; the errors of single cases become error rows
 * @example
 * ```ts
 * import { isSanctionErrorRow, sanctionRows } from 'oms-calc/sanctions';
 *
 * // 3.2.2: Н = 10 000 × Кно 0,4 = 4 000; Сшт = РП 7 000 × Кшт 0,3 = 2 100
 * const cases = [{ id: '1', tariff: '10000', setting: 'hospital' as const, violations: ['3.2.2'] }, { id: '2', tariff: '1', violations: ['9.9'] }];
 * const rows = [...sanctionRows(cases, { perCapitaRates: { hospital: '7000.00' } })];
 * rows.map((row) => (isSanctionErrorRow(row) ? row.error.code : `${row.nonPayment} + ${row.fine}`)); // ['4000 + 2100', 'UNKNOWN_CODE']
 * ```
 */
export function sanctionRows(cases: Iterable<CaseInput>, options: SanctionStreamOptions & { trace: true }): Iterable<CaseSanction | SanctionErrorRow>;
export function sanctionRows(cases: Iterable<CaseInput>, options?: SanctionStreamOptions): Iterable<SanctionRow | SanctionErrorRow>;
export function sanctionRows(cases: Iterable<CaseInput>, options?: SanctionStreamOptions): Iterable<SanctionRow | SanctionErrorRow> {
  if (typeof cases !== 'object' || cases === null || typeof (cases as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw invalidInput('sanctionRows', [makeIssue('invalid_type', [], { expected: 'iterable', received: show(cases) }, `expected an iterable of cases (an array, a generator…), got ${show(cases)}`)]);
  }
  const resolved = resolveOptions(parseInput(SanctionStreamOptionsSchema, options === undefined ? {} : options, 'sanctionRows'));
  return new SanctionRows<SanctionRow | SanctionErrorRow>(cases, streamState(resolved));
}
