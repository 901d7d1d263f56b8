/**
 * The documents of the sample fund year (examples/data), computed as the demo computes them:
 * shared by the snapshot tests, the workbook tests and the browser check (scripts/browser-check.ts).
 */
import { createReadStream, readFileSync } from 'node:fs';
import { plannedReserve, reserveAtRisk, reserveSize, type ReserveSizeInput } from '../../src/reserve';
import { reserveYear, type ReserveYearEvent } from '../../src/replenishment';
import { subventionClaim, subventionDecision } from '../../src/subvention';
import { allocateSanctionProceeds, sanctionStream, sanctionTotals, type CaseInput } from '../../src/sanctions';
import { federalMonitoring, smoAnnualAssessment, smoRating, type IndicatorData, type SmoViolation } from '../../src/smo-rating';
import { auditRegistry } from '../../src/registry';
import { registryAuditHtml, reserveSizeHtml, reserveYearHtml, sanctionTotalsHtml, smoRatingHtml, subventionHtml } from '../../src/report';

const data = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../examples/data/${name}`, import.meta.url), 'utf8'));

/** Every result of the sample year. */
export async function fundYear() {
  const year = data('fund-year.json') as {
    region: string;
    year: number;
    reserve: ReserveSizeInput;
    plan: { programFinancing: string; plannedIncome: string; plannedBaseProgramCost: string; smoReserves: string };
    openingBalance: string;
    subvention: { insurer: string; month: number; claim: Parameters<typeof subventionClaim>[0]; check: { verifiedNeed: string; objectiveCauses: boolean; misuseFound: boolean; violationsFound: boolean; fundsFullySpent: boolean } };
    depositIncome: { month: number; amount: string; note: string };
  };
  const size = reserveSize(year.reserve);
  const planned = plannedReserve({ ...year.plan, required: size.total });
  const risk = reserveAtRisk({ ...year.reserve, levels: ['0.9', '0.95', '0.99'] });
  const claim = subventionClaim(year.subvention.claim);
  const before = reserveYear({ planned: planned.planned, openingBalance: year.openingBalance });
  const reserveBalance = before.months[year.subvention.month - 2]?.closing ?? before.months[0]!.opening;
  const decision = subventionDecision({ ...year.subvention.check, claim: claim.claim, reserveBalance });
  const sanctions = data('sanctions-2027.json') as { period: string; perCapitaRates: Record<string, string>; cases: CaseInput[]; proceedsMonth: number };
  const totals = await sanctionTotals(sanctionStream(sanctions.cases, { perCapitaRates: sanctions.perCapitaRates }));
  const proceeds = allocateSanctionProceeds(totals.nonPayment.plus(totals.fine));
  const events: ReserveYearEvent[] = [
    { month: year.subvention.month, spending: decision.granted, note: `субвенция ${year.subvention.insurer}` },
    { month: sanctions.proceedsMonth, income: proceeds.parts['reserve']!, note: 'доля НСЗ в удержанных санкциях' },
    { month: year.depositIncome.month, income: year.depositIncome.amount, note: year.depositIncome.note },
  ];
  const ledgerInput = { planned: planned.planned, openingBalance: year.openingBalance, events, plannedIncome: year.plan.plannedIncome };
  const ledger = reserveYear(ledgerInput);
  const smo = data('smo-2027.json') as { period: string; insurers: { smo: string; data: IndicatorData; violations: SmoViolation[] }[] };
  const assessments = smo.insurers.map((i) => ({ smo: i.smo, assessment: smoAnnualAssessment({ data: i.data, violations: i.violations }) }));
  const rating = smoRating({
    smos: assessments.map((a) => ({ smo: a.smo, resultExact: federalMonitoring({ regions: [{ region: year.region, scoreExact: a.assessment.scoreExact, noViolations: a.assessment.noViolations }] }).resultExact })),
  });
  const audit = await auditRegistry(createReadStream(new URL('../../examples/data/registry/HM770001S77001_2506.xml', import.meta.url)));
  return { year, size, planned, risk, claim, decision, totals, sanctionsPeriod: sanctions.period, ledger, ledgerInput, assessments, rating, smoPeriod: smo.period, audit };
}

/** One document of the sample year, with what a reader must find in it. */
export interface SampleDocument {
  name: string;
  html: string;
  /** Every figure of the result, as the one formatter writes it. */
  figures: string[];
  /** The number of data of its chart (bars or points), when it has one. */
  chartData?: number;
  /** The pages it prints on (A4), inclusive. */
  pages: [number, number];
}

const options = { organisation: 'ТФОМС «Условная область»', date: '01.12.2026' };

/** The six documents of the sample year. */
export async function sampleDocuments(): Promise<SampleDocument[]> {
  const y = await fundYear();
  const { formatRubles: f } = await import('../../src/shared');
  const money = (...xs: { toString(): string }[]): string[] => xs.map((x) => f(x.toString()));
  return [
    {
      name: 'reserve-size',
      html: reserveSizeHtml({ size: y.size, input: y.year.reserve, planned: y.planned, risk: y.risk }, options),
      figures: [...money(y.size.total, ...Object.values(y.size.components), y.planned.planned, y.planned.floor, y.planned.cap, y.planned.statutoryCap, y.risk.expectedShortfall), ...y.risk.levels.flatMap((l) => money(l.valueAtRisk, l.tailValueAtRisk))],
      pages: [4, 8],
    },
    {
      name: 'subvention',
      html: subventionHtml({ claim: y.claim, decision: y.decision, insurer: y.year.subvention.insurer, period: 'апрель 2027 г.' }, options),
      figures: [...y.claim.formRows.map((r) => f(r.amount.toString())), ...money(y.claim.claim, y.decision.granted)],
      pages: [5, 9],
    },
    {
      name: 'reserve-year',
      html: reserveYearHtml({ year: y.ledger, input: y.ledgerInput }, options),
      figures: [...y.ledger.months.flatMap((m) => money(m.opening, m.income, m.overflow, m.transfer, m.spending, m.shortfall, m.closing)), ...money(...Object.values(y.ledger.totals), y.ledger.closing)],
      chartData: 12,
      pages: [2, 5],
    },
    {
      name: 'smo-rating',
      html: smoRatingHtml({ assessments: y.assessments, rating: y.rating, period: y.smoPeriod }, options),
      figures: [
        ...y.assessments.flatMap((a) => [...a.assessment.indicators.flatMap((i) => [f(i.value.toString(), { places: 4 }), f(i.adjusted.toString(), { places: 4 })]), f(a.assessment.score.toString(), { places: 1 })]),
        ...y.rating.rows.flatMap((r) => [f(r.result.toString(), { places: 1 }), f(r.resultExact.toString(), { places: 4 })]),
      ],
      chartData: y.rating.rows.length,
      pages: [10, 16],
    },
    {
      name: 'sanction-totals',
      html: sanctionTotalsHtml({ totals: y.totals, period: y.sanctionsPeriod }, options),
      figures: [
        ...money(y.totals.nonPayment, y.totals.fine),
        ...Object.values(y.totals.bySection).flatMap((s) => money(s.nonPayment, s.fine)),
        ...Object.values(y.totals.byCode).flatMap((c) => money(c.nonPayment, c.fine)),
      ],
      chartData: Math.min(10, Object.keys(y.totals.byCode).length),
      pages: [2, 5],
    },
    {
      name: 'registry-audit',
      html: registryAuditHtml({ audit: y.audit, source: 'HM770001S77001_2506.xml' }, options),
      figures: [
        ...money(y.audit.totals.MEK, y.audit.totals.MEE, y.audit.totals.EKMP, y.audit.totals.sumv, y.audit.totals.sump, y.audit.totals.sankIt),
        ...money(y.audit.totals.recomputed.MEK, y.audit.totals.recomputed.MEE, y.audit.totals.recomputed.EKMP),
        ...Object.values(y.audit.totals.byPoint).flatMap((p) => money(p.actual, p.recomputed)),
      ],
      chartData: Math.min(10, Object.keys(y.audit.totals.byPoint).length),
      pages: [2, 5],
    },
  ];
}
