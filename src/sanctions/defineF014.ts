import { parseInput } from '../_internal';
import { F014TableInputSchema, makeF014, type F014Table } from './f014';

/**
 * Validates a user's copy of the Federal classifier F014 (for example the current one, read from
 * the Federal fund's reference service) and returns it ready for {@link findF014} and the `f014`
 * options.
 *
 * Checks: Kod an integer 0–999; Osn a point of the list (`d`, `d.d` or `d.d.d`; a trailing dot
 * is dropped); ISO dates, DATEBEG ≤ DATEEND; 0 ≤ K_NO ≤ 1; K_SH ≥ 0; no two rows of one Kod valid
 * on the same day. A coefficient of 0 means none and becomes `null`.
 *
 * Source: Классификатор F014 (ФФОМС).
 *
 * @param raw - `{ id?, title?, source?, entries: [{ kod, osn, dateBeg, dateEnd?, kno, ksht, title? }] }`
 * @returns the validated, frozen copy
 * @throws {@link OmsCalcError} `INVALID_INPUT` with one issue per problem
 * @example
 * ```ts
 * import { defineF014, findF014 } from 'oms-calc/sanctions';
 *
 * const f014 = defineF014({ id: 'f014-2026', entries: [{ kod: 258, osn: '3.2.4.', dateBeg: '2021-05-25', kno: '1', ksht: '3' }] });
 * findF014(258, '2026-02-01', f014).osn; // '3.2.4'
 * ```
 */
export function defineF014(raw: unknown): F014Table {
  return makeF014(parseInput(F014TableInputSchema, raw, 'defineF014'));
}
