/**
 * Sanction tables: the shape of a coefficient table (Кно, Кшт by violation code), its schema and
 * the checks of decision D4.
 *
 * @module
 */
import * as z from 'zod';
import { D, decimal, isoDateNumber, issueParams, type DecimalInput, type X } from '../_internal';

/**
 * The section of the list a violation code belongs to:
 * `MEK` — раздел 1, медико-экономический контроль; `MEE` — раздел 2, медико-экономическая
 * экспертиза; `EKMP` — раздел 3, экспертиза качества медицинской помощи.
 */
export type SanctionSection = 'MEK' | 'MEE' | 'EKMP';

/** The three sections, in the order of the list. */
export const SANCTION_SECTIONS: readonly SanctionSection[] = ['MEK', 'MEE', 'EKMP'];

/**
 * One row of a sanction table after validation: a violation code, its wording and its two
 * coefficients. `null` means the row has no such coefficient (no non-payment, or no fine).
 */
export interface ViolationEntry {
  /** The code of the violation (defect), `d.d` or `d.d.d`, e.g. `'3.2.1'`. */
  readonly code: string;
  /** The section of the list. */
  readonly section: SanctionSection;
  /** The full Russian wording of the row, with its group heading where the row is a sub-item. */
  readonly title: string;
  /** Кно, the coefficient of non-payment or partial payment, in [0, 1]; `null` when none. */
  readonly kno: X | null;
  /** Кшт, the coefficient of the fine on the medical organisation, ≥ 0; `null` when none. */
  readonly ksht: X | null;
  /** Where the row's columns come from (decision D4): two numbers in the source, F014, or inferred. */
  readonly basis: CoefficientBasis;
  /** `basis !== 'inferred'`: the column of every number is certain. Kept for compatibility. */
  readonly verified: boolean;
}

/**
 * Where a row's Кно and Кшт columns come from (decision D4): `'layout'` — the source prints two
 * numbers, (Кно, Кшт); `'F014'` — the source prints one number and the Federal classifier F014
 * settles its column; `'inferred'` — one number, its column inferred.
 */
export type CoefficientBasis = 'layout' | 'F014' | 'inferred';

/** The three bases, in the order of certainty. */
export const COEFFICIENT_BASES: readonly CoefficientBasis[] = ['layout', 'F014', 'inferred'];

/**
 * A coefficient table in force over a period: what {@link defineSanctionTable} returns and what
 * the `tables` option takes. Frozen; its coefficients are Decimals.
 */
export interface SanctionTable {
  /** A stable identifier, cited in every trace, e.g. `'tariff-agreement-2025-01-09-annex-25'`. */
  readonly id: string;
  /** The document's own title. */
  readonly title: string;
  /** How to cite the document (title, date, annex). */
  readonly source: string;
  /** The first day the table is in force, ISO `YYYY-MM-DD`. */
  readonly validFrom: string;
  /** The last day the table is in force, inclusive, ISO `YYYY-MM-DD`; open-ended when absent. */
  readonly validTo?: string | undefined;
  /** The rows, in the order of the list. */
  readonly entries: readonly ViolationEntry[];
}

/**
 * One row of a table as a fund writes it (coefficients as decimal strings, numbers or Decimals).
 */
export interface ViolationEntryInput {
  /** The code, `d.d` or `d.d.d`; unique within the table. */
  readonly code: string;
  /** The section of the list. */
  readonly section: SanctionSection;
  /** The full wording of the row. */
  readonly title: string;
  /** Кно in [0, 1], or `null`/absent when the row has no non-payment. */
  readonly kno?: DecimalInput | null | undefined;
  /** Кшт ≥ 0, or `null`/absent when the row has no fine. */
  readonly ksht?: DecimalInput | null | undefined;
  /** Where the columns come from; default `'layout'` (the fund states both columns). */
  readonly basis?: CoefficientBasis | undefined;
  /** Older form of `basis`: `false` means `'inferred'`. Must agree with `basis` when both are given. */
  readonly verified?: boolean | undefined;
}

/** A table as a fund writes it: the input of {@link defineSanctionTable}. */
export interface SanctionTableInput {
  /** A stable, non-empty identifier. */
  readonly id: string;
  /** The document's title. */
  readonly title: string;
  /** How to cite the document. */
  readonly source: string;
  /** First day in force, ISO `YYYY-MM-DD`. */
  readonly validFrom: string;
  /** Last day in force (inclusive), ISO `YYYY-MM-DD`; not before `validFrom`. */
  readonly validTo?: string | undefined;
  /** At least one row; codes unique. */
  readonly entries: readonly ViolationEntryInput[];
}

/** The decimal places a coefficient may have (Кно, Кшт): two, as the list of 231н writes them. */
export const COEFFICIENT_PLACES = 2;

/** A violation code: two or three groups of digits separated by dots (`1.1`, `3.2.1`, `1.10.6`). */
export const CODE_PATTERN = /^\d{1,3}\.\d{1,3}(?:\.\d{1,3})?$/;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return isoDateNumber(s) >= 0;
}

/** An ISO calendar date `YYYY-MM-DD`. */
export const isoDate: z.ZodType<string, string> = z
  .string({ error: 'expected an ISO date string such as "2025-03-01"' })
  .refine(isIsoDate, { error: (issue) => `expected an ISO date such as "2025-03-01", got ${JSON.stringify(issue.input)}`, params: issueParams('not_a_date') });

/** A violation code string (`d.d` or `d.d.d`). */
export const violationCode: z.ZodType<string, string> = z
  .string({ error: 'expected a violation code string such as "3.2.1"' })
  .refine((s) => CODE_PATTERN.test(s), {
    error: (issue) => `expected a violation code of the form d.d or d.d.d such as "3.2.1", got ${JSON.stringify(String(issue.input).slice(0, 40))}`,
    params: issueParams('not_a_code'),
  });

const nonEmpty = (what: string): z.ZodType<string, string> => z.string({ error: `expected ${what} (a string)` }).min(1, `${what} must not be empty`);

/** A coefficient field: a decimal in range, or `null`/absent for "none". */
const coefficient = (rules: { min: number; max?: number }): z.ZodType<X | null, DecimalInput | null | undefined> =>
  z
    // at most two places, as the list of 231н and F014 write every coefficient: 0.1 + 0.2 given
    // as a number (0.30000000000000004) is a mistake to report, not a coefficient to store
    .union([z.null(), decimal({ ...rules, maxPlaces: COEFFICIENT_PLACES })])
    .optional()
    .transform((v) => v ?? null);

/** {@link ViolationEntryInput} after validation: coefficients as Decimals or `null`. */
export type ParsedViolationEntryInput = z.output<typeof ViolationEntryInputSchema>;

/** Schema of {@link ViolationEntryInput}: Кно in [0, 1], Кшт ≥ 0, at least one of the two. */
export const ViolationEntryInputSchema = z
  .strictObject({
    code: violationCode,
    section: z.enum(['MEK', 'MEE', 'EKMP'], { error: 'expected a section: "MEK", "MEE" or "EKMP"' }),
    title: nonEmpty('a title'),
    kno: coefficient({ min: 0, max: 1 }),
    ksht: coefficient({ min: 0, max: 100 }),
    basis: z.enum(['layout', 'F014', 'inferred'], { error: 'expected a basis: "layout", "F014" or "inferred"' }).optional(),
    verified: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .refine((e) => e.kno !== null || e.ksht !== null, { error: 'a row needs Кно (kno) or Кшт (ksht), or both', path: ['kno'], params: issueParams('one_of', { fields: ['kno', 'ksht'] }) })
  .refine((e) => e.basis === undefined || e.verified === undefined || e.verified === (e.basis !== 'inferred'), {
    error: 'verified must be false exactly when basis is "inferred"',
    params: issueParams('mismatch', { field: 'verified', expected: 'basis !== "inferred"' }),
    path: ['verified'],
  }) satisfies z.ZodType<unknown, ViolationEntryInput>;

/** {@link SanctionTableInput} after validation. */
export type ParsedSanctionTableInput = z.output<typeof SanctionTableInputSchema>;

/**
 * Schema of {@link SanctionTableInput}: the checks of {@link defineSanctionTable} — codes unique
 * and well-formed, 0 ≤ Кно ≤ 1, Кшт ≥ 0, at least one coefficient per row, ISO dates,
 * validFrom ≤ validTo.
 */
export const SanctionTableInputSchema = z
  .strictObject({
    id: nonEmpty('an id'),
    title: nonEmpty('a title'),
    source: nonEmpty('a source'),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    entries: z.array(ViolationEntryInputSchema, { error: 'expected an array of entries' }).min(1, 'a table needs at least one entry'),
  })
  .superRefine((t, ctx) => {
    if (t.validTo !== undefined && t.validTo < t.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: `validTo ${t.validTo} is before validFrom ${t.validFrom}`,
        params: issueParams('out_of_order', { field: `validTo ${t.validTo}`, other: `validFrom ${t.validFrom}`, relation: 'before' }),
      });
    }
    const seen = new Map<string, number>();
    t.entries.forEach((e, i) => {
      const first = seen.get(e.code);
      if (first === undefined) seen.set(e.code, i);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'code'],
          message: `duplicate code "${e.code}" (also entry ${first})`,
          params: issueParams('duplicate', { value: JSON.stringify(e.code), first: String(first) }),
        });
      }
    });
  }) satisfies z.ZodType<unknown, SanctionTableInput>;

/** Tables made by {@link defineSanctionTable}: trusted, frozen, not validated again. */
const defined = new WeakSet<object>();

/** Freezes a validated table and remembers it as trusted. */
export function makeTable(t: ParsedSanctionTableInput): SanctionTable {
  const entries = Object.freeze(
    t.entries.map((e): ViolationEntry =>
      {
        const basis: CoefficientBasis = e.basis ?? (e.verified === false ? 'inferred' : 'layout');
        return Object.freeze({ code: e.code, section: e.section, title: e.title, kno: e.kno, ksht: e.ksht, basis, verified: basis !== 'inferred' });
      },
    ),
  );
  const table: SanctionTable = Object.freeze({
    id: t.id,
    title: t.title,
    source: t.source,
    validFrom: t.validFrom,
    ...(t.validTo === undefined ? {} : { validTo: t.validTo }),
    entries,
  });
  defined.add(table);
  return table;
}

/** A row `T` of the library's own data: its coefficients Кно and Кшт as decimal strings (or none). */
export type Shipped<T> = Omit<T, 'kno' | 'ksht'> & { readonly kno?: string | null | undefined; readonly ksht?: string | null | undefined };

/** A coefficient of the library's own data as a Decimal, or `null` for none. */
export function shippedCoefficient(value: string | null | undefined): X | null {
  return value === null || value === undefined ? null : new D(value);
}

/**
 * A table of the library's own data, made when the module loads without a parse: the parse of
 * {@link defineSanctionTable} took 9 ms of every import (D22). The tests check that the data passes
 * the parse and that this gives the same table as {@link defineSanctionTable}.
 */
export function shippedTable(t: Omit<SanctionTableInput, 'entries'> & { readonly entries: readonly Shipped<ViolationEntryInput>[] }): SanctionTable {
  return makeTable({ ...t, entries: t.entries.map((e) => ({ ...e, kno: shippedCoefficient(e.kno), ksht: shippedCoefficient(e.ksht) })) });
}

/** Whether a value is a table made by {@link defineSanctionTable} (in this copy of the library). */
export function isDefinedTable(value: unknown): value is SanctionTable {
  return typeof value === 'object' && value !== null && defined.has(value);
}
