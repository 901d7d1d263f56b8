/**
 * The Federal classifier F014 «Классификатор причин отказа (частичного отказа) в оплате
 * медицинской помощи»: its rows, their schema, and the index by Kod used by {@link findF014}.
 *
 * @module
 */
import * as z from 'zod';
import { decimal, issueParams, type DecimalInput, type X } from '../_internal';
import { CODE_PATTERN, COEFFICIENT_PLACES, isoDate, shippedCoefficient, type SanctionSection, type Shipped } from './table';

/**
 * One row of F014 after validation. `kno` and `ksht` are `null` where the classifier has 0 (no
 * non-payment, no fine).
 */
export interface F014Entry {
  /** Kod: the numeric code that registers of invoices carry in SANK/S_OSN. */
  readonly kod: number;
  /** Osn: the point of the list of Приказ Минздрава № 231н, without the trailing dot, e.g. `'3.2.4'`. */
  readonly osn: string;
  /** DATEBEG: the first day the row is valid, ISO `YYYY-MM-DD`. */
  readonly dateBeg: string;
  /** DATEEND: the last day the row is valid, inclusive; absent while it is still valid. */
  readonly dateEnd?: string | undefined;
  /** K_NO, Кно; `null` where the classifier has 0. */
  readonly kno: X | null;
  /** K_SH, Кшт; `null` where the classifier has 0. */
  readonly ksht: X | null;
  /** The wording of the point (Naim), where known. */
  readonly title?: string | undefined;
  /**
   * The section of the list of 231н the point belongs to (its first number: 1 МЭК, 2 МЭЭ,
   * 3 ЭКМП), for rows valid from 2021-05-25, when that list came into force; `null` for older
   * rows, whose points belong to earlier lists.
   */
  readonly section: SanctionSection | null;
}

/** A copy of F014: what {@link defineF014} returns and the `f014` option takes. Frozen. */
export interface F014Table {
  /** A stable identifier, cited in traces and messages. */
  readonly id: string;
  /** The classifier's title. */
  readonly title: string;
  /** How to cite this copy. */
  readonly source: string;
  /** The rows, in Kod order as given. */
  readonly entries: readonly F014Entry[];
}

/**
 * One row of F014 as a user writes it (coefficients as decimal strings, numbers or Decimals;
 * 0, `null` or absent means none). A trailing dot on `osn` (`'3.2.4.'`, as the classifier
 * writes it) is removed.
 */
export interface F014EntryInput {
  readonly kod: number;
  readonly osn: string;
  readonly dateBeg: string;
  readonly dateEnd?: string | null | undefined;
  readonly kno?: DecimalInput | null | undefined;
  readonly ksht?: DecimalInput | null | undefined;
  readonly title?: string | null | undefined;
  /** Ignored: derived from `osn` and `dateBeg`. Accepted so that a made row validates again. */
  readonly section?: SanctionSection | null | undefined;
}

/** A copy of F014 as a user writes it: the input of {@link defineF014}. */
export interface F014TableInput {
  /** Default `'f014'`. */
  readonly id?: string | undefined;
  /** Default the classifier's title. */
  readonly title?: string | undefined;
  /** Default «Классификатор F014 (ФФОМС)». */
  readonly source?: string | undefined;
  /** At least one row; the periods of rows with the same Kod must not overlap. */
  readonly entries: readonly F014EntryInput[];
}

/** The day the list of Приказ Минздрава № 231н came into force, and F014's rows 201–271 with it. */
export const LIST_231N_FROM = '2021-05-25';

const SECTION_BY_NUMBER: Record<string, SanctionSection> = { '1': 'MEK', '2': 'MEE', '3': 'EKMP' };

/** The section of a point of the list of 231н, for a row valid from 2021-05-25; else `null`. */
export function sectionOfPoint(osn: string, dateBeg: string): SanctionSection | null {
  if (dateBeg < LIST_231N_FROM) return null;
  return SECTION_BY_NUMBER[osn.slice(0, osn.indexOf('.'))] ?? null;
}

/** F014's reading of a coefficient: 0, `null` or absent is none (`null`). */
const noneIfZero = (v: X | null | undefined): X | null => (v === null || v === undefined || v.isZero() ? null : v);

/** A coefficient of F014: a decimal in range; 0, `null` or absent → `null`. */
const coefficient = (rules: { min: number; max?: number }): z.ZodType<X | null, DecimalInput | null | undefined> =>
  z
    .union([z.null(), decimal({ ...rules, maxPlaces: COEFFICIENT_PLACES })])
    .optional()
    .transform(noneIfZero);

const F014EntrySchema = z.strictObject({
  kod: z
    .number({ error: 'expected Kod as an integer number' })
    .int('expected Kod as an integer')
    .min(0, 'Kod must be at least 0')
    .max(999, 'Kod must be at most 999'),
  osn: z
    .string({ error: 'expected Osn, a point such as "3.2.4"' })
    .transform((s) => (s.endsWith('.') ? s.slice(0, -1) : s))
    .refine((s) => CODE_PATTERN.test(s) || /^\d{1,3}$/.test(s), {
      error: (issue) => `expected Osn of the form d, d.d or d.d.d such as "3.2.4", got ${JSON.stringify(String(issue.input).slice(0, 40))}`,
      params: issueParams('not_a_code'),
    }),
  dateBeg: isoDate,
  dateEnd: z.union([z.null(), isoDate]).optional(),
  kno: coefficient({ min: 0, max: 1 }),
  ksht: coefficient({ min: 0 }),
  title: z.union([z.null(), z.string({ error: 'expected a title string' })]).optional(),
  // the derived field of a row already made by defineF014 (for example in another copy of the library)
  section: z.union([z.null(), z.enum(['MEK', 'MEE', 'EKMP'])]).optional(),
});

/** {@link F014EntryInput} after validation, before freezing. */
type ParsedF014Entry = z.output<typeof F014EntrySchema>;

/**
 * {@link F014TableInput} after validation: coefficients as Decimals or `null`, Osn without its dot.
 */
export type ParsedF014TableInput = z.output<typeof F014TableInputSchema>;

const nonEmpty = (what: string): z.ZodType<string, string> => z.string({ error: `expected ${what} (a string)` }).min(1, `${what} must not be empty`);

/**
 * Schema of {@link F014TableInput}: Kod an integer 0–999, Osn a point, ISO dates with
 * DATEBEG ≤ DATEEND, 0 ≤ K_NO ≤ 1, K_SH ≥ 0, and no two rows of one Kod valid on the same day.
 */
export const F014TableInputSchema = z
  .strictObject({
    id: nonEmpty('an id').optional(),
    title: nonEmpty('a title').optional(),
    source: nonEmpty('a source').optional(),
    entries: z.array(F014EntrySchema, { error: 'expected an array of F014 rows' }).min(1, 'F014 needs at least one row'),
  })
  .superRefine((t, ctx) => {
    const byKod = new Map<number, number[]>();
    t.entries.forEach((e, i) => {
      if (e.dateEnd !== null && e.dateEnd !== undefined && e.dateEnd < e.dateBeg) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'dateEnd'],
          message: `DATEEND ${e.dateEnd} is before DATEBEG ${e.dateBeg}`,
          params: issueParams('out_of_order', { field: `DATEEND ${e.dateEnd}`, other: `DATEBEG ${e.dateBeg}`, relation: 'before' }),
        });
      }
      const same = byKod.get(e.kod) ?? [];
      for (const j of same) {
        const o = t.entries[j] as ParsedF014Entry;
        const end = (x: ParsedF014Entry): string => x.dateEnd ?? '9999-12-31';
        if (e.dateBeg <= end(o) && o.dateBeg <= end(e)) {
          ctx.addIssue({
            code: 'custom',
            path: ['entries', i, 'dateBeg'],
            params: issueParams('overlap', { value: `Kod ${e.kod}`, first: `${e.dateBeg} – ${e.dateEnd ?? '…'}`, second: `${o.dateBeg} – ${o.dateEnd ?? '…'}` }),
            message: `Kod ${e.kod}: the period ${e.dateBeg} – ${e.dateEnd ?? '…'} overlaps entry ${j} (${o.dateBeg} – ${o.dateEnd ?? '…'})`,
          });
        }
      }
      same.push(i);
      byKod.set(e.kod, same);
    });
  }) satisfies z.ZodType<unknown, F014TableInput>;

/** Tables made by {@link defineF014}: trusted, frozen, not validated again. */
const definedF014 = new WeakSet<object>();

/** Freezes a validated copy of F014 and remembers it as trusted. */
export function makeF014(t: ParsedF014TableInput, titles?: ReadonlyMap<string, string>): F014Table {
  const entries = Object.freeze(
    t.entries.map((e): F014Entry => {
      const title = e.title ?? titles?.get(e.osn);
      return Object.freeze({
        kod: e.kod,
        osn: e.osn,
        dateBeg: e.dateBeg,
        ...(e.dateEnd === null || e.dateEnd === undefined ? {} : { dateEnd: e.dateEnd }),
        kno: e.kno,
        ksht: e.ksht,
        ...(title === undefined || title === null ? {} : { title }),
        section: sectionOfPoint(e.osn, e.dateBeg),
      });
    }),
  );
  const table: F014Table = Object.freeze({
    id: t.id ?? 'f014',
    title: t.title ?? 'Классификатор причин отказа (частичного отказа) в оплате медицинской помощи (F014)',
    source: t.source ?? 'Классификатор F014 (ФФОМС)',
    entries,
  });
  definedF014.add(table);
  return table;
}

/**
 * F014 from the library's own data, made when the module loads without a parse (which took 4 ms
 * of every import, D22): its rows give Osn without a final dot and coefficients as decimal strings
 * (0 for none, as F014 writes it).
 * The tests check that the data passes {@link F014TableInputSchema} and that this gives the same
 * table as the parse.
 */
export function shippedF014(
  t: Omit<F014TableInput, 'entries'> & { readonly entries: readonly Shipped<F014EntryInput>[] },
  titles?: ReadonlyMap<string, string>,
): F014Table {
  return makeF014({ ...t, entries: t.entries.map((e) => ({ ...e, kno: noneIfZero(shippedCoefficient(e.kno)), ksht: noneIfZero(shippedCoefficient(e.ksht)) })) }, titles);
}

/** Whether a value is a copy of F014 made by {@link defineF014} in this copy of the library. */
export function isDefinedF014(value: unknown): value is F014Table {
  return typeof value === 'object' && value !== null && definedF014.has(value);
}

const indexes = new WeakMap<F014Table, ReadonlyMap<number, readonly F014Entry[]>>();

/** The rows of a copy of F014 by Kod (cached per table; tables are frozen). */
export function f014Index(table: F014Table): ReadonlyMap<number, readonly F014Entry[]> {
  const hit = indexes.get(table);
  if (hit !== undefined) return hit;
  const index = new Map<number, F014Entry[]>();
  for (const e of table.entries) {
    const list = index.get(e.kod);
    if (list === undefined) index.set(e.kod, [e]);
    else list.push(e);
  }
  indexes.set(table, index);
  return index;
}

/** The row of `kod` valid on `date` (DATEBEG ≤ date ≤ DATEEND), or `undefined`. */
export function lookupF014(table: F014Table, kod: number, date: string): F014Entry | undefined {
  const rows = f014Index(table).get(kod);
  if (rows === undefined) return undefined;
  for (const e of rows) if (e.dateBeg <= date && (e.dateEnd === undefined || date <= e.dateEnd)) return e;
  return undefined;
}

/** The message of a Kod not valid on a date, naming both, the table and the Kod's periods. */
export function unknownKodMessage(table: F014Table, kod: number, date: string): string {
  const rows = f014Index(table).get(kod);
  if (rows === undefined) return `F014 Kod ${kod} is not in ${table.id}`;
  const periods = rows.map((e) => `${e.dateBeg} – ${e.dateEnd ?? '…'}`).join(', ');
  return `F014 Kod ${kod} is not valid on ${date} in ${table.id} (its rows: ${periods})`;
}
