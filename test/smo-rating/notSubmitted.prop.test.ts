/**
 * Laws of the not-submitted indicator 8 (Приказ ФФОМС № 140н, приложение 1, пункты 4, 7, 9;
 * decision D14): under 'count-as-zero' not submitting ДТ or СЧпо never gives a higher score than
 * submitting them; under 'leave-out' the result says when leaving the 0 out raised the score.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoAnnualAssessment, smoIndicators, type IndicatorData } from '../../src/smo-rating';
import { exactData, FIELDS, toInput, violations, type ExactData } from './arbitraries';

const quarter = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
const insurer = fc.constantFrom('smo' as const, 'territorial-fund' as const);
/** Which of ДТ and СЧпо the insurer did not send: at least one. */
const unsent = fc.constantFrom(['unclosedAdvances'] as const, ['invoicedTotal'] as const, ['unclosedAdvances', 'invoicedTotal'] as const);
/** The other eighteen figures: which of them are there (the same with and without ДТ, СЧпо). */
const kept = fc.array(fc.boolean(), { minLength: FIELDS.length, maxLength: FIELDS.length });

/**
 * ДТ brought within 13/12 of СЧпо, so that the submitted indicator 8 is not negative:
 * (1 − (ДТ / СЧпо − 1/12)) × 100 ≥ 0 ⇔ 12·ДТ ≤ 13·СЧпо (and the first quarter allows more).
 */
function nonNegativeEight(e: ExactData): ExactData {
  const cap = (13n * e.invoicedTotal) / 12n;
  return e.invoicedTotal === 0n ? e : { ...e, unclosedAdvances: e.unclosedAdvances % (cap + 1n) };
}

/** The figures with only the kept ones (ДТ and СЧпо always there), and the same without `drop`. */
function pair(e: ExactData, keep: boolean[], drop: readonly string[]): { submitted: IndicatorData; notSubmitted: IndicatorData } {
  const full = toInput(e) as Record<string, unknown>;
  const submitted = Object.fromEntries(
    FIELDS.filter((f, i) => keep[i] === true || f === 'unclosedAdvances' || f === 'invoicedTotal').map((f) => [f, full[f]]),
  );
  const notSubmitted = Object.fromEntries(Object.entries(submitted).filter(([f]) => !drop.includes(f)));
  return { submitted: submitted as IndicatorData, notSubmitted: notSubmitted as IndicatorData };
}

describe("'count-as-zero': not submitting never raises a score", () => {
  it('smoIndicators: any submitted ДТ, СЧпо with indicator 8 ≥ 0 score at least as high as not submitting them', () => {
    fc.assert(
      fc.property(exactData.map(nonNegativeEight), kept, unsent, quarter, insurer, (e, keep, drop, q, who) => {
        const { submitted, notSubmitted } = pair(e, keep, drop);
        const withData = smoIndicators({ quarter: q, data: submitted, insurer: who, notSubmitted: 'count-as-zero' });
        const without = smoIndicators({ quarter: q, data: notSubmitted, insurer: who, notSubmitted: 'count-as-zero' });
        // The law needs the other indicators not to pull the mean below 0: with a negative mean
        // (indicator 6 can be far below 0), a submitted indicator 8 that is 0 or not computable
        // is left out and the mean over fewer terms is lower still (decision D14).
        const others = withData.indicators.filter((i) => i.number !== 8).reduce((a, i) => a.plus(i.value), new Decimal(0));
        fc.pre(others.gte(0));
        expect(withData.indicators[7]?.value.gte(0)).toBe(true);
        expect(without.indicators[7]?.status).toBe('not-submitted');
        expect(without.notSubmittedIndicators).toEqual([8]);
        expect(without.scoreExact.lte(withData.scoreExact)).toBe(true);
        expect(without.score.lte(withData.score)).toBe(true);
        expect(without.leavingOutRaisedScore).toBe(false);
      }),
    );
  });

  it('smoAnnualAssessment: the same law after Кэфф', () => {
    fc.assert(
      fc.property(exactData.map(nonNegativeEight), kept, unsent, violations, insurer, (e, keep, drop, found, who) => {
        const { submitted, notSubmitted } = pair(e, keep, drop);
        const withData = smoAnnualAssessment({ data: submitted, violations: found, insurer: who, notSubmitted: 'count-as-zero' });
        const without = smoAnnualAssessment({ data: notSubmitted, violations: found, insurer: who, notSubmitted: 'count-as-zero' });
        const others = withData.indicators.filter((i) => i.number !== 8).reduce((a, i) => a.plus(i.adjusted), new Decimal(0));
        fc.pre(others.gte(0));
        expect(withData.indicators[7]?.adjusted.gte(0)).toBe(true);
        expect(without.indicators[7]?.adjusted.isZero()).toBe(true);
        expect(without.scoreExact.lte(withData.scoreExact)).toBe(true);
      }),
    );
  });
});

describe("'leave-out': the flag tells exactly when leaving the 0 out raised the score", () => {
  it('leavingOutRaisedScore ⇔ the leave-out score is above the count-as-zero one; they agree when nothing is missing', () => {
    fc.assert(
      fc.property(exactData, kept, fc.option(unsent, { nil: undefined }), quarter, insurer, (e, keep, drop, q, who) => {
        const { submitted, notSubmitted } = pair(e, keep, drop ?? []);
        const leave = smoIndicators({ quarter: q, data: notSubmitted, insurer: who });
        const zero = smoIndicators({ quarter: q, data: notSubmitted, insurer: who, notSubmitted: 'count-as-zero' });
        expect(leave.notSubmittedPolicy).toBe('leave-out');
        expect(leave.leavingOutRaisedScore).toBe(leave.scoreExact.gt(zero.scoreExact));
        expect(zero.leavingOutRaisedScore).toBe(false);
        // the mean with one more 0 lies between 0 and the mean without it
        if (leave.scoreExact.gte(0)) expect(zero.scoreExact.lte(leave.scoreExact) && zero.scoreExact.gte(0)).toBe(true);
        else expect(zero.scoreExact.gte(leave.scoreExact) && zero.scoreExact.lte(0)).toBe(true);
        if (drop === undefined) {
          expect(leave.notSubmittedIndicators).toEqual([]);
          expect(zero.scoreExact.eq(leave.scoreExact)).toBe(true);
          expect(smoIndicators({ quarter: q, data: submitted, insurer: who }).scoreExact.eq(leave.scoreExact)).toBe(true);
        }
      }),
    );
  });

  it('only indicator 8 is ever not submitted; every other missing figure is missing data (пункты 2, 3)', () => {
    fc.assert(
      fc.property(exactData, kept, quarter, (e, keep, q) => {
        const full = toInput(e) as Record<string, unknown>;
        const data = Object.fromEntries(FIELDS.filter((_, i) => keep[i] === true).map((f) => [f, full[f]])) as IndicatorData;
        const r = smoIndicators({ quarter: q, data });
        for (const row of r.indicators) {
          if (row.status === 'not-submitted') expect(row.number).toBe(8);
          if (row.status === 'missing-data') expect(row.number).not.toBe(8);
        }
        const eightMissing = data.unclosedAdvances === undefined || data.invoicedTotal === undefined;
        expect(r.notSubmittedIndicators).toEqual(eightMissing ? [8] : []);
      }),
    );
  });
});
