import * as z from 'zod';
import { parseInput } from '../_internal';
import { builtinF014 } from './builtinF014';
import { compareCodes } from './sanctionTotals';
import { F014TableInputSchema, isDefinedF014, makeF014, type F014Table } from './f014';
import { makeTable, SanctionTableInputSchema, isoDate, type SanctionTable, type ViolationEntryInput } from './table';

/** Input of {@link sanctionTableFromF014}. */
export interface SanctionTableFromF014Input {
  /** The table's id. */
  readonly id: string;
  /** The table's title. */
  readonly title: string;
  /** How to cite the agreement that adopts the federal values. */
  readonly source: string;
  /** First day in force, ISO. */
  readonly validFrom: string;
  /** Last day in force (inclusive), ISO. */
  readonly validTo?: string | undefined;
  /** The day on which F014's rows are taken; default `validFrom`. */
  readonly date?: string | undefined;
  /** The copy of the classifier; default {@link builtinF014}. */
  readonly f014?: F014Table | undefined;
}

const InputSchema = z.strictObject({
  id: z.string({ error: 'expected an id (a string)' }).min(1, 'an id must not be empty'),
  title: z.string({ error: 'expected a title (a string)' }).min(1, 'a title must not be empty'),
  source: z.string({ error: 'expected a source (a string)' }).min(1, 'a source must not be empty'),
  validFrom: isoDate,
  validTo: isoDate.optional(),
  date: isoDate.optional(),
  f014: z.unknown().optional(),
});

/**
 * Makes a coefficient table from F014 for a region whose tariff agreement applies the federal
 * values: every point of the list of 231н valid on `date` with a Кно or a Кшт, its section, its
 * wording (or «F014 Kod N» where the copy has none) and `basis: 'F014'`.
 *
 * Source: Классификатор F014 (ФФОМС) (K_NO, K_SH); Приказ Минздрава № 231н.
 *
 * @param input - the table's id, title, source and period; `date` and `f014` to choose the rows
 * @returns a table for the `tables` option
 * @throws {@link OmsCalcError} `INVALID_INPUT` with one issue per problem, including a date on
 *   which the classifier has no row of the list of 231н
 * @example
 * ```ts
 * import { sanctionTableFromF014 } from 'oms-calc/sanctions';
 *
 * const federal = sanctionTableFromF014({ id: 'federal', title: 'Федеральные значения', source: 'Классификатор F014 (ФФОМС)', validFrom: '2025-01-01' });
 * federal.entries.length;                                      // 71
 * federal.entries.find((e) => e.code === '2.3.2')?.ksht?.toString(); // '2'
 * ```
 */
export function sanctionTableFromF014(input: SanctionTableFromF014Input): SanctionTable {
  const o = parseInput(InputSchema, input, 'sanctionTableFromF014');
  const f014 =
    o.f014 === undefined ? builtinF014 : isDefinedF014(o.f014) ? o.f014 : makeF014(parseInput(F014TableInputSchema, o.f014, 'sanctionTableFromF014'));
  const on = o.date ?? o.validFrom;
  const entries: ViolationEntryInput[] = [];
  for (const e of f014.entries) {
    if (e.section === null || e.dateBeg > on || (e.dateEnd !== undefined && on > e.dateEnd)) continue;
    if (e.kno === null && e.ksht === null) continue;
    entries.push({ code: e.osn, section: e.section, title: e.title ?? `F014 Kod ${e.kod}`, kno: e.kno, ksht: e.ksht, basis: 'F014' });
  }
  entries.sort((a, b) => compareCodes(a.code, b.code));
  const raw = { id: o.id, title: o.title, source: o.source, validFrom: o.validFrom, ...(o.validTo === undefined ? {} : { validTo: o.validTo }), entries };
  if (entries.length === 0) {
    return makeTable(parseInput(SanctionTableInputSchema, { ...raw, entries: [] }, `sanctionTableFromF014 (${f014.id} on ${on})`));
  }
  return makeTable(parseInput(SanctionTableInputSchema, raw, 'sanctionTableFromF014'));
}
