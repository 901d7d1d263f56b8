/** Laws of the ledger's statutory-cap warnings (326-ФЗ, ст. 26, ч. 6; D16). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reserveYear } from '../../src/replenishment';
import { centsToString } from '../arbitraries';

const money = fc.bigInt({ min: 0n, max: 5_000_000_000_00n });
const event = fc.record(
  { month: fc.integer({ min: 1, max: 12 }), spending: money.map(centsToString), income: money.map(centsToString) },
  { requiredKeys: ['month'] },
).filter((e) => e.spending !== undefined || e.income !== undefined);
const ledger = fc.record({
  planned: money.map(centsToString),
  openingBalance: money.map(centsToString),
  periodMonths: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant('to-year-end' as const)),
  events: fc.array(event, { maxLength: 6 }),
});

describe('reserveYear and the statutory cap', () => {
  it('warns exactly in the months whose closing is above the cap, and changes no figure', () => {
    fc.assert(
      fc.property(ledger, money, (v, cap) => {
        const plain = reserveYear(v);
        const checked = reserveYear({ ...v, statutoryCap: centsToString(cap) });
        expect(checked.months.map((m) => m.closing.toString())).toEqual(plain.months.map((m) => m.closing.toString()));
        expect(checked.totals.transfer.eq(plain.totals.transfer)).toBe(true);
        expect(checked.warnings.map((w) => w.month)).toEqual(checked.months.filter((m) => m.closing.gt(centsToString(cap))).map((m) => m.month));
        for (const w of checked.warnings) expect(w.excess.eq(w.closing.minus(w.statutoryCap)) && w.excess.gt(0)).toBe(true);
      }),
    );
  });

  it('plannedIncome gives the same warnings as its twelfth given as the cap', () => {
    fc.assert(
      fc.property(ledger, money, (v, income) => {
        const byIncome = reserveYear({ ...v, plannedIncome: centsToString(income) });
        const cap = (2n * income + 12n) / 24n; // income / 12, half up, in kopecks
        const byCap = reserveYear({ ...v, statutoryCap: centsToString(cap) });
        expect(byIncome.statutoryCap?.toString()).toBe(byCap.statutoryCap?.toString());
        expect(byIncome.warnings.map((w) => w.month)).toEqual(byCap.warnings.map((w) => w.month));
      }),
    );
  });
});
