/**
 * Laws of the statutory cap (326-ФЗ, ст. 26, ч. 6), the target articles of the п. 7 form and the
 * Federal fund's consent to placement.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { placementLimit, plannedReserve } from '../../src/reserve';
import { centsToString, kopeckString } from '../arbitraries';
import { failure } from '../errors';

const kopecks = (max = 10_000_000_000_00n): fc.Arbitrary<bigint> => fc.bigInt({ min: 0n, max });
const share = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(10_000).toString());
const year = fc
  .record({
    required: kopeckString(),
    programFinancing: kopeckString(),
    plannedIncome: kopeckString(),
    plannedBaseProgramCost: kopeckString(),
    smoReserves: kopeckString(),
    a: share,
    b: share,
  })
  .map(({ a, b, ...rest }) => ({ ...rest, minShare: Decimal.min(a, b).toString(), maxShare: Decimal.max(a, b).toString() }));

describe('plannedReserve and the statutory cap', () => {
  it('the cap is the planned income / 12 rounded half up to kopecks (checked in integer kopecks)', () => {
    fc.assert(
      fc.property(kopecks(), (income) => {
        // half up on a non-negative quotient: floor((2k + 12) / 24) = floor(k/12 + 1/2)
        const expected = (2n * income + 12n) / 24n;
        const r = plannedReserve({ required: '0', programFinancing: '0', plannedIncome: centsToString(income), plannedBaseProgramCost: '0' });
        expect(r.statutoryCap.eq(centsToString(expected))).toBe(true);
      }),
    );
  });

  it('applying the cap never raises the plan, and leaves it at or under the cap', () => {
    fc.assert(
      fc.property(year, (v) => {
        const flagged = plannedReserve(v);
        const capped = plannedReserve({ ...v, applyStatutoryCap: true });
        expect(capped.planned.lte(flagged.planned)).toBe(true);
        expect(capped.planned.lte(capped.statutoryCap)).toBe(true);
        expect(capped.aboveStatutoryCap).toBe(flagged.aboveStatutoryCap);
        expect(capped.statutoryCapApplied).toBe(flagged.aboveStatutoryCap);
        expect(capped.status).toBe(flagged.status);
        if (!flagged.aboveStatutoryCap) expect(capped.planned.eq(flagged.planned)).toBe(true);
      }),
    );
  });

  it('the flag is exactly "the band’s figure is above planned income / 12"', () => {
    fc.assert(
      fc.property(year, (v) => {
        const r = plannedReserve(v);
        expect(r.aboveStatutoryCap).toBe(r.planned.gt(r.statutoryCap));
        expect(r.statutoryCapApplied).toBe(false);
      }),
    );
  });
});

describe('plannedReserve and the target articles 505 17 01 and 505 17 02', () => {
  const parts = fc.tuple(kopecks(), kopecks());

  it('the articles sum to the total, and give the same plan as the total alone', () => {
    fc.assert(
      fc.property(year, parts, (v, [a, b]) => {
        const { programFinancing: _total, ...rest } = v;
        const targetArticles = { nonWorkingPopulation: centsToString(a), baseProgram: centsToString(b) };
        const byArticles = plannedReserve({ ...rest, targetArticles });
        const byTotal = plannedReserve({ ...rest, programFinancing: centsToString(a + b) });
        expect(byArticles.programFinancing.eq(centsToString(a + b))).toBe(true);
        expect(byArticles.targetArticles?.nonWorkingPopulation.plus(byArticles.targetArticles.baseProgram).eq(byArticles.programFinancing)).toBe(true);
        expect([byArticles.planned, byArticles.floor, byArticles.cap, byArticles.share].map(String)).toEqual(
          [byTotal.planned, byTotal.floor, byTotal.cap, byTotal.share].map(String),
        );
      }),
    );
  });

  it('a total that differs from the articles’ sum is one INVALID_INPUT issue on programFinancing', () => {
    fc.assert(
      fc.property(year, parts, fc.bigInt({ min: 1n, max: 1_000_000n }), (v, [a, b], off) => {
        const targetArticles = { nonWorkingPopulation: centsToString(a), baseProgram: centsToString(b) };
        const e = failure(() => plannedReserve({ ...v, programFinancing: centsToString(a + b + off), targetArticles }));
        expect(e.code).toBe('INVALID_INPUT');
        expect(e.issues.map((i) => i.path)).toEqual([['programFinancing']]);
      }),
    );
  });
});

describe('placementLimit and the Federal fund’s consent', () => {
  it('without consent the limit is 0 with the reason; with it, the same as before', () => {
    fc.assert(
      fc.property(kopeckString(), fc.integer({ min: 0, max: 5000 }), fc.boolean(), (balance, s, arrears) => {
        const input = { balance, share: new Decimal(s).div(10_000).toString(), arrears };
        const refused = placementLimit({ ...input, consent: false });
        expect(refused.limit.isZero()).toBe(true);
        expect(refused.allowed).toBe(false);
        expect(refused.reasons[0]?.code).toBe('NO_CONSENT');
        const given = placementLimit({ ...input, consent: true });
        expect(given.limit.eq(placementLimit(input).limit)).toBe(true);
        expect(given.allowed).toBe(!arrears);
      }),
    );
  });
});
