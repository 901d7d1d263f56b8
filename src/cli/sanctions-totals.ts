/**
 * The totals of `oms-calc sanctions` when the file is computed in parts: each part's totals as
 * plain data (what a worker thread posts), added up by the library's {@link mergeSanctionTotals}.
 *
 * @module
 */
import { mergeSanctionTotals, sanctionTotals, type SanctionTotals, type SanctionTotalsInput } from '../sanctions';

/** The totals of the whole file. */
export type FileTotals = SanctionTotals;

/** The totals of one part of the file as plain data (money as decimal strings). */
export type TotalsPart = SanctionTotalsInput;

/** The totals of a part as plain data. */
export function totalsPart(t: SanctionTotals): TotalsPart {
  const sums = (s: { cases: number; nonPayment: { toString(): string }; fine: { toString(): string } }): TotalsPart['byCode'][string] => ({
    cases: s.cases,
    nonPayment: s.nonPayment.toString(),
    fine: s.fine.toString(),
  });
  return {
    cases: t.cases,
    errors: t.errors,
    errorsByCode: { ...t.errorsByCode },
    nonPayment: t.nonPayment.toString(),
    fine: t.fine.toString(),
    byCode: Object.fromEntries(Object.entries(t.byCode).map(([code, s]) => [code, sums(s)])),
    bySection: { MEK: sums(t.bySection.MEK), MEE: sums(t.bySection.MEE), EKMP: sums(t.bySection.EKMP) },
  };
}

/** The parts added up by {@link mergeSanctionTotals}, starting from the totals of no rows. */
export async function mergeTotals(parts: readonly TotalsPart[]): Promise<FileTotals> {
  let all = await sanctionTotals([]);
  for (const p of parts) all = mergeSanctionTotals(all, p);
  return all;
}
