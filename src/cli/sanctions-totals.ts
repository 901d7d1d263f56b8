/**
 * The totals of `oms-calc sanctions` when the file is computed in parts (by worker threads, or
 * partly by the command's own thread): each part's totals as plain data, added up exactly.
 *
 * @module
 */
import { D, type X } from '../_internal';
import { compareCodes, sanctionSections, type SanctionCodeTotals, type SanctionSection, type SanctionTotals } from '../sanctions';

/** The three sections, in the order of the list. */
const SANCTION_SECTIONS = Object.keys(sanctionSections) as SanctionSection[];

/** The totals of the whole file: {@link SanctionTotals} without the trace. */
export type FileTotals = Omit<SanctionTotals, 'trace'>;

/** A value with each Decimal in it as its decimal string. */
type Plain<T> = T extends X ? string : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;

/** The totals of one part of the file as plain data (what a worker thread posts). */
export type TotalsPart = Plain<FileTotals>;

/** Cases and money of a code or a section, money as a decimal string. */
type PartSums = Plain<SanctionCodeTotals>;

const sums = (s: { cases: number; nonPayment: X; fine: X }): PartSums => ({ cases: s.cases, nonPayment: s.nonPayment.toString(), fine: s.fine.toString() });

/** The totals of a part as plain data. */
export function totalsPart(t: SanctionTotals): TotalsPart {
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

interface Running {
  cases: number;
  nonPayment: X;
  fine: X;
}

const zero = (): Running => ({ cases: 0, nonPayment: new D(0), fine: new D(0) });

function add(to: Running, s: PartSums): void {
  to.cases += s.cases;
  to.nonPayment = to.nonPayment.plus(s.nonPayment);
  to.fine = to.fine.plus(s.fine);
}

/** The parts added up: counts, and money exact to the kopeck; codes in their natural order. */
export function mergeTotals(parts: readonly TotalsPart[]): FileTotals {
  let cases = 0;
  let errors = 0;
  const errorsByCode = new Map<string, number>();
  const all = zero();
  const byCode = new Map<string, Running>();
  const bySection = new Map<SanctionSection, Running>(SANCTION_SECTIONS.map((s) => [s, zero()]));
  for (const p of parts) {
    cases += p.cases;
    errors += p.errors;
    for (const [code, n] of Object.entries(p.errorsByCode)) errorsByCode.set(code, (errorsByCode.get(code) ?? 0) + n);
    add(all, { cases: 0, nonPayment: p.nonPayment, fine: p.fine });
    for (const [code, s] of Object.entries(p.byCode)) {
      let to = byCode.get(code);
      if (to === undefined) byCode.set(code, (to = zero()));
      add(to, s);
    }
    for (const section of SANCTION_SECTIONS) add(bySection.get(section) as Running, p.bySection[section]);
  }
  const section = (s: SanctionSection): Running => bySection.get(s) as Running;
  return {
    cases,
    errors,
    errorsByCode: Object.fromEntries([...errorsByCode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    nonPayment: all.nonPayment,
    fine: all.fine,
    byCode: Object.fromEntries([...byCode.keys()].sort(compareCodes).map((code) => [code, byCode.get(code) as Running])),
    bySection: { MEK: section('MEK'), MEE: section('MEE'), EKMP: section('EKMP') },
  };
}
