import { parseInput } from '../_internal';
import { makeTable, SanctionTableInputSchema, type SanctionTable } from './table';

/**
 * Validates a fund's own coefficient table and returns it ready for the `tables` option of
 * {@link caseSanction}, {@link sanctionStream} and {@link findViolation}.
 *
 * Checks (decision D4 and the spec of the table): codes unique and of the form `d.d` or `d.d.d`;
 * 0 ≤ Кно ≤ 1; Кшт ≥ 0; at least one of the two per row; `validFrom` and `validTo` ISO dates with
 * validFrom ≤ validTo. Coefficients may be decimal strings (recommended), numbers or Decimals;
 * `null` or an absent field means the row has no such coefficient. `verified` defaults to `true`.
 *
 * The returned table is frozen and remembered, so passing it in options costs no second
 * validation. A plain object (for example parsed JSON) is accepted in options too, and validated
 * on each call.
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); the layout of
 * Тарифное соглашение от 09.01.2025, прил. 25.
 *
 * @param raw - the table: `{ id, title, source, validFrom, validTo?, entries: [{ code, section,
 *   title, kno, ksht, verified? }] }`
 * @returns the validated, frozen table with Decimal coefficients
 * @throws {@link OmsCalcError} `INVALID_INPUT` with one issue per problem (path + message)
 * @example
 * ```ts
 * import { caseSanction, defineSanctionTable } from 'oms-calc/sanctions';
 *
 * const table = defineSanctionTable({
 *   id: 'my-fund-2026', title: 'Перечень оснований…', source: 'Тарифное соглашение от 12.01.2026, прил. 25',
 *   validFrom: '2026-01-01',
 *   entries: [{ code: '3.2.1', section: 'EKMP', title: '…', kno: '0.1', ksht: null }],
 * });
 * caseSanction({ tariff: '1000', date: '2026-02-01', violations: ['3.2.1'] }, { tables: [table] })
 *   .nonPayment.toString(); // '100'
 * ```
 */
export function defineSanctionTable(raw: unknown): SanctionTable {
  return makeTable(parseInput(SanctionTableInputSchema, raw, 'defineSanctionTable'));
}
