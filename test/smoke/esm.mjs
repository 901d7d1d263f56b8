// Imports the packed tarball from an ES module project, by every public subpath.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as root from 'oms-calc';
import { isOmsCalcError, reserveSize } from 'oms-calc/reserve';
import { replenishmentSchedule } from 'oms-calc/replenishment';
import { subventionClaim } from 'oms-calc/subvention';
import { smoRating } from 'oms-calc/smo-rating';
import { reserveAtRisk } from 'oms-calc/reserve';
import { caseSanction, allocateSanctionProceeds } from 'oms-calc/sanctions';
import { controlClassOf } from 'oms-calc/registry';
import { smoRatingHtml } from 'oms-calc/report';

const one = [{ value: '1', probability: '1' }];
const r = reserveSize({
  income: [{ value: '9000000000', probability: '0.2' }, { value: '10000000000', probability: '0.5' }, { value: '10500000000', probability: '0.3' }],
  ambulatory: { scenarios: one, unitCost: '1' },
  inpatient: { scenarios: one, unitCost: '1' },
  dayHospital: { scenarios: one, unitCost: '1' },
  payables: '0',
});
assert.equal(r.total.toString(), '522015325.45');
assert.equal(root.reserveSize, reserveSize, 'the root re-exports the same function');
assert.throws(() => reserveSize({}), (e) => isOmsCalcError(e) && e.code === 'INVALID_INPUT' && e instanceof root.OmsCalcError);
// oms-calc/replenishment: 100 000 000 over 3 months → 33 333 333.33 ×2 + 33 333 333.34
const sched = replenishmentSchedule({ planned: '100000000', openingBalance: '0', months: 3, startMonth: 10 });
assert.deepEqual(sched.installments.map((i) => i.amount.toString()), ['33333333.33', '33333333.33', '33333333.34']);
assert.equal(root.replenishmentSchedule, replenishmentSchedule);
// oms-calc/subvention: line 8 = 100 + 10 + 5 + 5 = 120; line 11 = 400 − 100 = 300; line 12 = 300 − (100 + 50 − 120) = 270
const form = subventionClaim({ openingBalance: '100', capitationFunds: '50', omsIncome: '0', sanctionIncome: '0', damagesRecovered: '0',
  reserveReturns: '0', acceptedInvoices: '400', invoicePayments: '100', administration: '10', prevention: '5', otherExpenses: '5' });
assert.equal(form.claim.toString(), '270');
// oms-calc/smo-rating: equal 4-place results share a rank (п. 22)
const rating = smoRating({ smos: [{ smo: 'Б', resultExact: '81.25' }, { smo: 'А', resultExact: '90.1' }, { smo: 'В', resultExact: '81.25' }] });
assert.deepEqual(rating.rows.map((r) => [r.smo, r.rank]), [['А', 1], ['Б', 2], ['В', 2]]);
// oms-calc/reserve, risk-based: a two-point income, shortfall 0 or 100 with p 0.5 → VaR 95 % = 100
const flat = { scenarios: [{ value: '0', probability: '1' }], unitCost: '0' };
const risk = reserveAtRisk({ income: [{ value: '0', probability: '0.5' }, { value: '200', probability: '0.5' }], ambulatory: flat, inpatient: flat, dayHospital: flat, payables: '0', levels: ['0.95'] });
assert.equal(risk.levels[0].valueAtRisk.toString(), '100');
// oms-calc/sanctions: 3.2.3 (Кно 0.9, Кшт 1) on a 48 950.00 case, РП 3 120.60 → 44 055.00 and 3 120.60
const sanction = caseSanction({ date: '2025-06-01', tariff: '48950.00', setting: 'hospital', violations: ['3.2.3'] }, { perCapitaRates: { hospital: '3120.60' } });
assert.equal(sanction.nonPayment.toString(), '44055');
assert.equal(sanction.fine.toString(), '3120.6');
const split = allocateSanctionProceeds('100.01');
assert.equal(Object.values(split.parts).map(String).join(' '), '50.01 35 15');
// oms-calc/registry: S_TIP 1 is МЭК, 73 is ЭКМП (F006)
assert.deepEqual([controlClassOf(1, '2025-06-30'), controlClassOf(73, '2025-06-30')], ['MEK', 'EKMP']);
assert.equal(root.controlClassOf, controlClassOf);
// oms-calc/report: a self-contained document with the package's version
const ratingHtml = smoRatingHtml({ rating: smoRating({ smos: [{ smo: 'А', resultExact: '90.1' }] }) });
assert.ok(ratingHtml.includes('<svg') && !ratingHtml.includes('<script'));
assert.ok(ratingHtml.includes(`oms-calc ${createRequire(import.meta.url)('oms-calc/package.json').version}`));
assert.equal(root.smoRatingHtml, smoRatingHtml);
console.log('esm consumer: ok');
