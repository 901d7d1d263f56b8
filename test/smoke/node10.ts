// A CommonJS TypeScript project with "module": "commonjs" and no "moduleResolution": TypeScript
// resolves as node10, which ignores "exports", so each subpath's types come from "typesVersions".
// Type-checked with tsc and run with ts-node against the packed tarball (scripts/runtimes.sh),
// which also checks that every module of scripts/modules.json is imported here.
import assert = require('node:assert/strict');
import { isOmsCalcError, type TraceStep } from 'oms-calc';
import { reserveSize, type ReserveSizeInput } from 'oms-calc/reserve';
import { replenishmentSchedule } from 'oms-calc/replenishment';
import { subventionClaim } from 'oms-calc/subvention';
import { allocateSanctionProceeds } from 'oms-calc/sanctions';
import { smoRating } from 'oms-calc/smo-rating';
import { controlClassOf, type ControlType } from 'oms-calc/registry';
import { smoRatingHtml, type DocumentOptions } from 'oms-calc/report';

const one = [{ value: '1', probability: '1' }];
const input: ReserveSizeInput = {
  income: [{ value: '9000000000', probability: '0.2' }, { value: '10000000000', probability: '0.5' }, { value: '10500000000', probability: '0.3' }],
  ambulatory: { scenarios: one, unitCost: '1' },
  inpatient: { scenarios: one, unitCost: '1' },
  dayHospital: { scenarios: one, unitCost: '1' },
  payables: '0',
};
const reserve = reserveSize(input);
const step: TraceStep | undefined = reserve.trace[1];
assert.equal(reserve.total.toString(), '522015325.45');
assert.equal(step?.symbol, 'ОДБ');
assert.throws(() => reserveSize({} as ReserveSizeInput), (e: unknown) => isOmsCalcError(e) && e.code === 'INVALID_INPUT');
// 100 000 000 over 3 months → 33 333 333.33 ×2 + 33 333 333.34
const months: string[] = replenishmentSchedule({ planned: '100000000', openingBalance: '0', months: 3, startMonth: 10 }).installments.map((i) => i.amount.toString());
assert.deepEqual(months, ['33333333.33', '33333333.33', '33333333.34']);
// line 12 = (400 − 100) − (100 + 50 − (100 + 10 + 5 + 5)) = 270
const form = subventionClaim({ openingBalance: '100', capitationFunds: '50', omsIncome: '0', sanctionIncome: '0', damagesRecovered: '0',
  reserveReturns: '0', acceptedInvoices: '400', invoicePayments: '100', administration: '10', prevention: '5', otherExpenses: '5' });
assert.equal(form.claim.toString(), '270');
assert.equal(Object.values(allocateSanctionProceeds('100.01').parts).map(String).join(' '), '50.01 35 15');
assert.deepEqual(smoRating({ smos: [{ smo: 'Б', resultExact: '81.25' }, { smo: 'А', resultExact: '90.1' }] }).rows.map((r) => [r.smo, r.rank]), [['А', 1], ['Б', 2]]);
const types: readonly ControlType[] = [{ tip: 2, class: 'MEE', dateBeg: '2011-01-01', dateEnd: '2021-05-24' }];
assert.equal(controlClassOf(2, '2020-01-01', types), 'MEE');
const print: DocumentOptions = { date: '01.12.2026' };
assert.ok(smoRatingHtml({ rating: smoRating({ smos: [{ smo: 'А', resultExact: '90.1' }] }) }, print).includes('01.12.2026'));
console.log('node10 (module commonjs) consumer: ok');
