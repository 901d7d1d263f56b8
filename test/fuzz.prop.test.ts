/**
 * One table over every public function of the library: each entry gives valid arguments, so that
 * the fuzzing below cannot pass with a function that always throws. For each function:
 * - valid arguments give a finite result (the guard);
 * - near-valid arguments (random leaves replaced, keys dropped) give a result or an OmsCalcError;
 * - arbitrary JSON in every argument gives a result or an OmsCalcError, never another error.
 * A test fails when an exported function has no entry. The modules' own fuzz files keep their
 * finer near-valid generators.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index';
import { reserveInput } from './arbitraries';
import { expectFinite, mutate } from './fuzz';
import { perCapitaRates, validCase } from './sanctions/arbitraries';
import { indicatorData, violations } from './smo-rating/arbitraries';
import { claimCents, claimInput, decisionCents, decisionInput } from './subvention/arbitraries';

const register = readFileSync(new URL('../examples/data/registry/HM770001S77001_2506.xml', import.meta.url));
const f014Xml =
  '<?xml version="1.0" encoding="UTF-8"?><packet><zglv><type>F014</type></zglv>' +
  '<zap><Kod>258</Kod><IDVID>3</IDVID><Naim>x</Naim><Osn>3.2.4.</Osn><DATEBEG>25.05.2021</DATEBEG><DATEEND></DATEEND><K_NO>1</K_NO><K_SH>3</K_SH></zap></packet>';
const planned = { required: '100', programFinancing: '1000', plannedIncome: '1200', plannedBaseProgramCost: '900' };
const table = JSON.parse(JSON.stringify(library.builtinSanctionTable)) as unknown;
/** Results as their JSON (what a saved result is), for the documents of oms-calc/report. */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x)) as unknown;
const none = { scenarios: [{ value: '0', probability: '1' }], unitCost: '0' };
const sizeInput = { income: [{ value: '900', probability: '0.5' }, { value: '1000', probability: '0.5' }], ambulatory: none, inpatient: none, dayHospital: none, payables: '0' };
const claimJson = json(
  library.subventionClaim({ openingBalance: '100', capitationFunds: '50', omsIncome: '0', sanctionIncome: '0', damagesRecovered: '0', reserveReturns: '0', acceptedInvoices: '400', invoicePayments: '100', administration: '10', prevention: '5', otherExpenses: '5' }),
);
const decisionJson = json(library.subventionDecision({ claim: '270', verifiedNeed: '200', reserveBalance: '1000', objectiveCauses: true, misuseFound: false, violationsFound: false, fundsFullySpent: true }));
const yearInput = { planned: '1200', openingBalance: '100', events: [{ month: 3, spending: '50', note: 'расход' }] };
const ratingJson = json(library.smoRating({ smos: [{ smo: 'А', resultExact: '90' }, { smo: 'Б', resultExact: '80' }] }));
const totalsJson = json(await library.sanctionTotals(library.sanctionRows([{ tariff: '1000', violations: ['3.2.1'] }, { tariff: '500', violations: ['1.2'] }])));
const auditJson = json(await library.auditRegistry([register]));

/** Drains what a function returns: a promise, an async or sync iterable (a stream of rows). */
async function settle(value: unknown): Promise<unknown> {
  const v = await value;
  if (typeof v === 'object' && v !== null && Symbol.asyncIterator in v) {
    const rows: unknown[] = [];
    for await (const row of v as AsyncIterable<unknown>) rows.push(row);
    return rows;
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && Symbol.iterator in v) return [...(v as Iterable<unknown>)];
  return v;
}

type Entry = { args: fc.Arbitrary<unknown[]>; call: (...args: never[]) => unknown };
const c = (...args: unknown[]): fc.Arbitrary<unknown[]> => fc.constant(args);

/** Every public function, with valid arguments. */
const TABLE: Record<string, Entry> = {
  excelSafeCell: { args: fc.tuple(fc.string()), call: library.excelSafeCell },
  isOmsCalcError: { args: fc.tuple(fc.jsonValue()), call: library.isOmsCalcError },
  formatIssues: { args: fc.tuple(fc.constant({ issues: [{ code: 'too_big', path: ['share'], params: { maximum: '0.5', received: '0.6' }, message: 'must be at most 0.5, got 0.6' }] }), fc.constantFrom({}, { locale: 'en' })), call: library.formatIssues },
  issueMessage: { args: fc.tuple(fc.constant({ code: 'required', path: ['a'], params: {}, message: 'required' }), fc.constantFrom('ru', 'en')), call: library.issueMessage },
  formatRubles: { args: fc.tuple(claimCents.map(() => '-1234567.891'), fc.constantFrom({}, { grouping: false, sign: 'hyphen' }, { decimalComma: false, places: 4 })), call: library.formatRubles },
  reserveSize: { args: fc.tuple(reserveInput), call: library.reserveSize },
  reserveAtRisk: { args: reserveInput.map((r) => [{ ...r, levels: ['0.9', '0.99'], method: 'monte-carlo', runs: 200, seed: 7 }]), call: library.reserveAtRisk },
  plannedReserve: { args: c(planned), call: library.plannedReserve },
  plannedReserveHorizon: { args: c([planned, planned, planned]), call: library.plannedReserveHorizon },
  legacyReserve: { args: c({ previousMonthExpenditure: '1000', currentBalance: '850' }), call: library.legacyReserve },
  placementLimit: { args: c({ balance: '1000' }), call: library.placementLimit },
  replenishmentSchedule: { args: c({ planned: '1200', openingBalance: '100', months: 12 }), call: library.replenishmentSchedule },
  reserveYear: { args: c({ planned: '1200', openingBalance: '100', events: [{ month: 3, spending: '50' }] }), call: library.reserveYear },
  subventionClaim: { args: claimCents.map((x) => [claimInput(x)]), call: library.subventionClaim },
  subventionDecision: { args: decisionCents.map((x) => [decisionInput(x)]), call: library.subventionDecision },
  formatFormRows: { args: c([{ line: '1', name: 'Доходы', amount: '10' }], 'csv'), call: library.formatFormRows },
  caseSanction: { args: fc.tuple(validCase, perCapitaRates).map(([k, r]) => [k, { perCapitaRates: r }]), call: library.caseSanction },
  sanctionRows: { args: fc.tuple(fc.array(validCase, { maxLength: 5 }), perCapitaRates).map(([k, r]) => [k, { perCapitaRates: r }]), call: library.sanctionRows },
  sanctionStream: { args: fc.tuple(fc.array(validCase, { maxLength: 5 }), perCapitaRates).map(([k, r]) => [k, { perCapitaRates: r }]), call: library.sanctionStream },
  sanctionTotals: { args: fc.tuple(fc.array(validCase, { maxLength: 5 }), perCapitaRates).map(([k, r]) => [library.sanctionRows(k, { perCapitaRates: r })]), call: library.sanctionTotals },
  isSanctionErrorRow: { args: c({ index: 0, error: { code: 'INVALID_INPUT', message: 'x' } }), call: library.isSanctionErrorRow },
  allocateSanctionProceeds: { args: c('1000.00'), call: library.allocateSanctionProceeds },
  defineSanctionTable: { args: c(table), call: library.defineSanctionTable },
  findViolation: { args: c('3.2.1'), call: library.findViolation },
  sanctionCsvBytes: {
    args: fc.tuple(fc.constantFrom('id;tariff;setting;violations\nA;1000;hospital;3.2.2\nB;5;;\n', 'тариф,нарушения\r\n1 000.50,1.4.2|9.9\r\n'), perCapitaRates).map(([t, r]) => [t, { perCapitaRates: r }]),
    call: library.sanctionCsvBytes,
  },
  sanctionCsvSync: {
    args: fc.tuple(fc.constantFrom('id;tariff;setting;violations\nA;1000;hospital;3.2.2\nB;5;;\n', 'тариф;нарушения\n1000;1.4.2\n'), perCapitaRates).map(([t, r]) => [{ perCapitaRates: r }, t]),
    call: (options: never, text: never) => {
      const csv = library.sanctionCsvSync(options);
      const bytes = new TextEncoder().encode(typeof text === 'string' ? text : 'tariff;violations\n1;1.2\n');
      const out = [csv.write(bytes.subarray(0, 7)).slice(), csv.write(bytes.subarray(7)).slice(), csv.end().slice()];
      return { out: out.map((b) => new TextDecoder().decode(b)).join(''), totals: csv.totals() };
    },
  },
  sanctionCsv: {
    args: fc.tuple(fc.constantFrom('id;tariff;setting;violations\nA;1000;hospital;3.2.2\nB;5;;\n', 'тариф\tнарушения\n1000\t1.4.2\n'), perCapitaRates).map(([t, r]) => [{ perCapitaRates: r }, t]),
    call: async (options: never, text: never) => {
      const csv = library.sanctionCsv(options);
      const out = await new Response(new Blob([typeof text === 'string' ? text : 'tariff;violations\n1;1.2\n']).stream().pipeThrough(csv)).text();
      return { out, totals: await csv.totals };
    },
  },
  mergeSanctionTotals: {
    args: c(
      { cases: 1, errors: 0, errorsByCode: {}, nonPayment: '400', fine: '0', byCode: { '3.2.2': { cases: 1, nonPayment: '400', fine: '0' } }, bySection: { MEK: { cases: 0, nonPayment: '0', fine: '0' }, MEE: { cases: 0, nonPayment: '0', fine: '0' }, EKMP: { cases: 1, nonPayment: '400', fine: '0' } } },
      { cases: 1, errors: 1, errorsByCode: { UNKNOWN_CODE: 1 }, nonPayment: '0', fine: '0', byCode: {}, bySection: { MEK: { cases: 0, nonPayment: '0', fine: '0' }, MEE: { cases: 0, nonPayment: '0', fine: '0' }, EKMP: { cases: 0, nonPayment: '0', fine: '0' } } },
    ),
    call: library.mergeSanctionTotals,
  },
  compareCodes: { args: c('1.10.1', '1.2'), call: library.compareCodes },
  readPerCapitaRates: { args: c({ стационар: '7 123,36', ambulatory: 410 }), call: library.readPerCapitaRates },
  defineF014: { args: c({ entries: [{ kod: 258, osn: '3.2.4.', dateBeg: '2021-05-25', kno: '1', ksht: '3' }] }), call: library.defineF014 },
  findF014: { args: c(258, '2025-01-01'), call: library.findF014 },
  sanctionTableFromF014: { args: c({ id: 'f', title: 'f', source: 'F014', validFrom: '2025-01-01' }), call: library.sanctionTableFromF014 },
  smoIndicators: { args: indicatorData.map((data) => [{ quarter: 2, data }]), call: library.smoIndicators },
  smoAnnualAssessment: { args: fc.tuple(indicatorData, violations).map(([data, v]) => [{ data, violations: v }]), call: library.smoAnnualAssessment },
  federalMonitoring: { args: c({ regions: [{ region: '36', scoreExact: '90.5', noViolations: true }] }), call: library.federalMonitoring },
  smoRating: { args: c({ smos: [{ smo: 'А', resultExact: '90' }, { smo: 'Б', resultExact: '80' }] }), call: library.smoRating },
  mergeIndicatorData: { args: c({ parts: [{ appeals: 10 }, { appeals: 30 }] }), call: library.mergeIndicatorData },
  monitoringDeadlines: { args: c({ year: 2026, quarter: 2 }), call: library.monitoringDeadlines },
  readRegistry: { args: c([register]), call: library.readRegistry },
  auditRegistry: { args: c([register]), call: library.auditRegistry },
  registryFindings: { args: c([register]), call: library.registryFindings },
  parseF014Xml: { args: c(f014Xml), call: library.parseF014Xml },
  controlClassOf: { args: c(1, '2025-01-01'), call: library.controlClassOf },
  reserveSizeHtml: {
    args: c({ size: json(library.reserveSize(sizeInput)), input: sizeInput, planned: json(library.plannedReserve(planned)), risk: json(library.reserveAtRisk({ ...sizeInput, levels: ['0.9'] })) }, { date: '01.12.2026' }),
    call: library.reserveSizeHtml,
  },
  subventionHtml: { args: c({ claim: claimJson, decision: decisionJson, insurer: 'СМО' }), call: library.subventionHtml },
  reserveYearHtml: { args: c({ year: json(library.reserveYear(yearInput)), input: yearInput }), call: library.reserveYearHtml },
  smoRatingHtml: { args: indicatorData.map((data) => [{ assessments: [{ smo: 'А', assessment: json(library.smoAnnualAssessment({ data, violations: [] })) }], rating: ratingJson }]), call: library.smoRatingHtml },
  sanctionTotalsHtml: { args: c({ totals: totalsJson, period: '2027' }), call: library.sanctionTotalsHtml },
  registryAuditHtml: { args: c({ audit: auditJson, source: 'HM.xml' }), call: library.registryAuditHtml },
  tablesHtml: {
    args: c({ title: 'Итоги', tables: [{ title: 'Суммы', columns: [{ header: 'Что' }, { header: 'Сумма, ₽', kind: 'rub' }, { header: 'Доля', kind: { places: 4 } }], rows: [['НСЗ', '1812000000', '0.06'], ['КЗ', null, 0.5]] }], trace: [{ symbol: 'x', formula: '1 + 1', value: '2', source: 's' }] }),
    call: library.tablesHtml,
  },
  textTable: { args: c(['Статья', 'Сумма'], [['ОДБ', '1 200,00']]), call: library.textTable },
  traceText: { args: c([{ symbol: 'НСЗ', formula: 'ОДБ + КЗ', value: '1', source: 'п. 3' }]), call: library.traceText },
};

const names = Object.keys(TABLE);
const call = async (name: string, args: unknown[]): Promise<unknown> => settle((TABLE[name] as Entry).call(...(args as never[])));

/** A result, or an OmsCalcError with issues; anything else fails. */
async function resultOrOmsCalcError(name: string, args: unknown[]): Promise<void> {
  let result: unknown;
  try {
    result = await call(name, args);
  } catch (e) {
    if (!library.isOmsCalcError(e)) throw new Error(`${name} threw a foreign error: ${String(e)}`, { cause: e });
    expect(e.issues.length).toBeGreaterThan(0);
    return;
  }
  expectFinite(result);
}

describe('every public function, fuzzed from one table', () => {
  it('has an entry for every function the library exports', () => {
    const exported = Object.entries(library)
      .filter(([k, v]) => typeof v === 'function' && !/^[A-Z]/.test(k))
      .map(([k]) => k)
      .sort();
    expect(names.slice().sort()).toEqual(exported);
  });

  it('valid arguments give a finite result (so that a function that always throws cannot pass)', async () => {
    for (const name of names) {
      await fc.assert(
        fc.asyncProperty((TABLE[name] as Entry).args, async (args) => {
          let result: unknown;
          try {
            result = await call(name, args);
          } catch (e) {
            throw new Error(`${name} refused valid arguments: ${String(e)}`, { cause: e });
          }
          expectFinite(result);
        }),
        { numRuns: 10 },
      );
    }
  });

  it('near-valid arguments give a result or an OmsCalcError', async () => {
    for (const name of names) {
      await fc.assert(fc.asyncProperty(mutate((TABLE[name] as Entry).args), async (args) => resultOrOmsCalcError(name, Array.isArray(args) ? args : [args])), { numRuns: 25 });
    }
  });

  it('arbitrary JSON in every argument gives a result or an OmsCalcError', async () => {
    for (const name of names) {
      await fc.assert(fc.asyncProperty(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 3 }), async (args) => resultOrOmsCalcError(name, args)), { numRuns: 25 });
    }
  });
});
