import * as z from 'zod';
import { makeIssue, OmsCalcError, parseInput } from '../_internal';
import { builtinF014 } from './builtinF014';
import { F014TableInputSchema, isDefinedF014, lookupF014, makeF014, unknownKodMessage, type F014Entry, type F014Table } from './f014';
import { isoDate } from './table';

const ArgsSchema = z.strictObject({
  kod: z.number({ error: 'expected Kod as an integer number' }).int('expected Kod as an integer'),
  date: isoDate,
});

/**
 * Finds the row of F014 with Kod `kod` valid on `date` (DATEBEG ≤ date ≤ DATEEND): how a register
 * of invoices' SANK/S_OSN is read on the sanction's DATE_ACT. The same point got new Kods when
 * the list changed, so a Kod means a point only on a date.
 *
 * Source: Классификатор F014 (ФФОМС); Приказ ФФОМС № 34н (S_OSN is F014's Kod).
 *
 * @param kod - F014's Kod (S_OSN)
 * @param date - the date, ISO `YYYY-MM-DD` (DATE_ACT)
 * @param f014 - the copy of the classifier; default {@link builtinF014}
 * @returns the row
 * @throws {@link OmsCalcError} `UNKNOWN_CODE` naming the Kod and the date when no row is valid
 *   then; `INVALID_INPUT` for a malformed Kod, date or table
 * @example
 * ```ts
 * import { findF014 } from 'oms-calc/sanctions';
 *
 * const e = findF014(241, '2025-06-30');
 * [e.osn, e.kno, e.ksht?.toString()]; // ['2.11', null, '0.6']
 * ```
 */
export function findF014(kod: number, date: string, f014?: F014Table): F014Entry {
  const args = parseInput(ArgsSchema, { kod, date }, 'findF014');
  const table =
    f014 === undefined ? builtinF014 : isDefinedF014(f014) ? f014 : makeF014(parseInput(F014TableInputSchema, f014, 'findF014'));
  const found = lookupF014(table, args.kod, args.date);
  if (found === undefined) {
    const message = unknownKodMessage(table, args.kod, args.date);
    throw new OmsCalcError('UNKNOWN_CODE', `findF014: ${message}`, [makeIssue('unknown_code', ['kod'], { code: String(kod), table: 'F014' }, message)]);
  }
  return found;
}
