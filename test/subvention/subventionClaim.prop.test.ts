/**
 * Laws of Form 1, checked against an independent reference in integer kopecks (BigInt).
 */
import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { subventionClaim, type SubventionClaim } from '../../src/subvention';
import { centsToString } from '../arbitraries';
import { cents, claimCents, claimInput, type ClaimCents } from './arbitraries';

/** A line of the result in kopecks; fails if it is not a whole number of kopecks. */
function k(c: SubventionClaim, line: keyof SubventionClaim['lines']): bigint {
  const x = c.lines[line].times(100);
  expect(x.isInteger()).toBe(true);
  return BigInt(x.toFixed(0));
}

const run = (c: ClaimCents): SubventionClaim => subventionClaim(claimInput(c));

it('the generator reaches shortages, surpluses and a negative line 7', () => {
  const results = fc.sample(claimCents, 1000).map(run);
  expect(results.filter((r) => r.claim.gt(0)).length).toBeGreaterThan(200);
  expect(results.filter((r) => r.claim.isZero()).length).toBeGreaterThan(100);
  expect(results.filter((r) => r.lines['7'].isNegative()).length).toBeGreaterThan(100);
});

test.prop([claimCents])('line 1 = Σ lines 2–6 (income)', (c) => {
  const r = run(c);
  expect(k(r, '1')).toBe(c.capitationFunds + c.omsIncome + c.sanctionIncome + c.damagesRecovered + c.reserveReturns);
  expect(k(r, '1')).toBe(k(r, '2') + k(r, '3') + k(r, '4') + k(r, '5') + k(r, '6'));
});

test.prop([claimCents])('line 7 = 0 + 1 − 8, with line 8 = 8.2 + 8.3 + 8.4 + 8.5 (D2)', (c) => {
  const r = run(c);
  expect(k(r, '8')).toBe(c.invoicePayments + c.administration + c.prevention + c.otherExpenses);
  expect(k(r, '7')).toBe(k(r, '0') + k(r, '1') - k(r, '8'));
});

test.prop([claimCents])('the claim is never negative, and is the unpaid invoices beyond the funds left', (c) => {
  const r = run(c);
  const outstanding = c.outstandingInvoices ?? c.acceptedInvoices - c.invoicePayments;
  const gap = outstanding - k(r, '7');
  expect(r.claim.isNegative() && !r.claim.isZero()).toBe(false);
  expect(k(r, '12')).toBe(gap > 0n ? gap : 0n);
  expect(k(r, '11')).toBe(outstanding);
});

test.prop([claimCents, cents(10n ** 12n)])('the claim grows by exactly Δ when the outstanding invoices grow by Δ, while it is positive', (c, delta) => {
  const outstanding = c.outstandingInvoices ?? c.acceptedInvoices - c.invoicePayments;
  const before = run({ ...c, outstandingInvoices: outstanding });
  const after = run({ ...c, outstandingInvoices: outstanding + delta });
  if (before.claim.gt(0)) expect(after.claim.minus(before.claim).eq(centsToString(delta))).toBe(true);
  // in any case: never less, never more than Δ more
  expect(after.claim.gte(before.claim)).toBe(true);
  expect(after.claim.minus(before.claim).lte(centsToString(delta))).toBe(true);
});

test.prop([claimCents, cents(10n ** 12n)])('without line 11, more accepted invoices raise the claim the same way', (c, delta) => {
  const { outstandingInvoices: _, ...d } = c;
  const before = run(d);
  const after = run({ ...d, acceptedInvoices: d.acceptedInvoices + delta });
  if (before.claim.gt(0)) expect(after.claim.minus(before.claim).eq(centsToString(delta))).toBe(true);
  expect(after.lines['8'].eq(before.lines['8'])).toBe(true);
});

const incomeLines = ['openingBalance', 'capitationFunds', 'omsIncome', 'sanctionIncome', 'damagesRecovered', 'reserveReturns'] as const;
const expenseLines = ['administration', 'prevention', 'otherExpenses'] as const;

test.prop([claimCents, fc.constantFrom(...incomeLines), fc.constantFrom(...expenseLines), cents(10n ** 12n)])(
  'more income never raises the claim; more expenses never lower it',
  (c, income, expense, delta) => {
    const claim = run(c).claim;
    expect(run({ ...c, [income]: c[income] + delta }).claim.lte(claim)).toBe(true);
    expect(run({ ...c, [expense]: c[expense] + delta }).claim.gte(claim)).toBe(true);
  },
);

test.prop([claimCents])('the form rows are the lines, in the form order, each once', (c) => {
  const r = run(c);
  expect(r.formRows.map((row) => row.line)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '8.1', '8.2', '8.3', '8.4', '8.5', '11', '12']);
  for (const row of r.formRows) expect(row.amount.eq(r.lines[row.line])).toBe(true);
  expect(r.claim.eq(r.lines['12'])).toBe(true);
});

test.prop([claimCents])('JSON round-trip: every amount becomes its exact decimal string', (c) => {
  const r = run(c);
  const json = JSON.parse(JSON.stringify(r)) as {
    lines: Record<string, string>;
    claim: string;
    formRows: { line: string; name: string; amount: string }[];
    trace: unknown[];
  };
  expect(json.claim).toBe(r.claim.toString());
  for (const [line, value] of Object.entries(r.lines)) expect(json.lines[line]).toBe(value.toString());
  expect(json.formRows).toEqual(r.formRows.map((row) => ({ line: row.line, name: row.name, amount: row.amount.toString() })));
  expect(json.trace).toEqual(r.trace);
  // and the parsed JSON is valid input again: the given lines reproduce the same form
  const again = subventionClaim({
    openingBalance: json.lines['0'] as string,
    capitationFunds: json.lines['2'] as string,
    omsIncome: json.lines['3'] as string,
    sanctionIncome: json.lines['4'] as string,
    damagesRecovered: json.lines['5'] as string,
    reserveReturns: json.lines['6'] as string,
    acceptedInvoices: json.lines['8.1'] as string,
    invoicePayments: json.lines['8.2'] as string,
    administration: json.lines['8.3'] as string,
    prevention: json.lines['8.4'] as string,
    otherExpenses: json.lines['8.5'] as string,
    outstandingInvoices: json.lines['11'] as string,
  });
  expect(JSON.stringify(again.formRows)).toBe(JSON.stringify(r.formRows));
});
