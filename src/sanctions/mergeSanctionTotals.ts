import * as z from 'zod';
import { decimal, invalidInput, toIssues, type DecimalInput, type X } from '../_internal';
import { compareCodes, totalsTrace, type SanctionCodeTotals, type SanctionSectionTotals, type SanctionTotals } from './sanctionTotals';
import type { SanctionSection } from './table';

const sums = z.looseObject({
  cases: z.number({ error: 'expected a number of cases' }).int().min(0),
  nonPayment: decimal({ min: 0 }),
  fine: decimal({ min: 0 }),
});

const totalsSchema = z.looseObject({
  cases: z.number({ error: 'expected a number of cases' }).int().min(0),
  errors: z.number({ error: 'expected a number of error rows' }).int().min(0),
  errorsByCode: z.record(z.string(), z.number().int().min(0)),
  nonPayment: decimal({ min: 0 }),
  fine: decimal({ min: 0 }),
  byCode: z.record(z.string(), sums),
  bySection: z.object({ MEK: sums, MEE: sums, EKMP: sums }),
});

type Parsed = z.output<typeof totalsSchema>;

/**
 * What {@link mergeSanctionTotals} takes: {@link SanctionTotals}, or the same read back from JSON
 * (money as decimal strings; the trace is not read).
 *
 * @example
 * ```ts
 * import { mergeSanctionTotals, type SanctionTotalsInput } from 'oms-calc/sanctions';
 *
 * const zero = { cases: 0, nonPayment: '0', fine: '0' };
 * const empty: SanctionTotalsInput = { cases: 0, errors: 0, errorsByCode: {}, nonPayment: '0', fine: '0', byCode: {}, bySection: { MEK: zero, MEE: zero, EKMP: zero } };
 * mergeSanctionTotals(empty, empty).cases; // 0
 * ```
 */
export interface SanctionTotalsInput {
  /** Number of rows, error rows included. */
  cases: number;
  /** Number of error rows. */
  errors: number;
  /** Error rows by error code. */
  errorsByCode: Record<string, number>;
  /** Total non-payment, rubles. */
  nonPayment: DecimalInput;
  /** Total fines, rubles. */
  fine: DecimalInput;
  /** By violation code: number of cases, non-payment and fines in rubles. */
  byCode: Record<string, { cases: number; nonPayment: DecimalInput; fine: DecimalInput }>;
  /** By section: number of cases, non-payment and fines in rubles. */
  bySection: Record<SanctionSection, { cases: number; nonPayment: DecimalInput; fine: DecimalInput }>;
}

function parse(value: unknown, at: number): Parsed {
  const r = totalsSchema.safeParse(value);
  if (!r.success) throw invalidInput('mergeSanctionTotals', toIssues(r.error.issues, [at]));
  return r.data;
}

const add = (a: { cases: number; nonPayment: X; fine: X } | undefined, b: { cases: number; nonPayment: X; fine: X } | undefined): SanctionCodeTotals => {
  if (a === undefined) return { cases: (b as SanctionCodeTotals).cases, nonPayment: (b as SanctionCodeTotals).nonPayment, fine: (b as SanctionCodeTotals).fine };
  if (b === undefined) return { cases: a.cases, nonPayment: a.nonPayment, fine: a.fine };
  return { cases: a.cases + b.cases, nonPayment: a.nonPayment.plus(b.nonPayment), fine: a.fine.plus(b.fine) };
};

const byName = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The totals of two parts of a registry as one: counts added, money added exactly, codes in the
 * order of the list. Associative, with the totals of no rows as identity, and the totals of two
 * halves merge into the totals of the whole — so that parts computed apart (files, threads,
 * months) add up. Totals read back from JSON (money as strings) are accepted.
 *
 * Source: Приказ Минздрава № 231н; decision D5 (as {@link sanctionTotals}).
 *
 * @param a - the totals of one part ({@link sanctionTotals}, {@link sanctionCsv})
 * @param b - the totals of another part
 * @returns the totals of both, with their trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` when either is not totals (the path starts with 0 or 1)
 * @example
 * ```ts
 * import { mergeSanctionTotals, sanctionRows, sanctionTotals } from 'oms-calc/sanctions';
 *
 * const a = await sanctionTotals(sanctionRows([{ tariff: '1000', violations: ['1.4.2'] }]));
 * const b = await sanctionTotals(sanctionRows([{ tariff: '500', violations: ['1.4.2'] }]));
 * mergeSanctionTotals(a, b).nonPayment.toString(); // '1500'
 * ```
 */
export function mergeSanctionTotals(a: SanctionTotalsInput, b: SanctionTotalsInput): SanctionTotals {
  const x = parse(a, 0);
  const y = parse(b, 1);
  const errorsByCode: Record<string, number> = {};
  for (const [code, n] of Object.entries({ ...x.errorsByCode }).concat(Object.entries(y.errorsByCode))) errorsByCode[code] = (errorsByCode[code] ?? 0) + n;
  const byCode: Record<string, SanctionCodeTotals> = {};
  for (const code of [...new Set([...Object.keys(x.byCode), ...Object.keys(y.byCode)])].sort(compareCodes)) byCode[code] = add(x.byCode[code], y.byCode[code]);
  const section = (s: SanctionSection): SanctionSectionTotals => add(x.bySection[s], y.bySection[s]);
  const cases = x.cases + y.cases;
  const errors = x.errors + y.errors;
  const nonPayment = x.nonPayment.plus(y.nonPayment);
  const fine = x.fine.plus(y.fine);
  return {
    cases,
    errors,
    errorsByCode: Object.fromEntries(Object.entries(errorsByCode).sort(byName)),
    nonPayment,
    fine,
    byCode,
    bySection: { MEK: section('MEK'), MEE: section('MEE'), EKMP: section('EKMP') },
    trace: totalsTrace(cases, errors, nonPayment, fine),
  };
}
