import { describe, expect, it } from 'vitest';
import { mergeIndicatorData, smoIndicators } from '../../src/smo-rating';
import { failure as fail } from '../errors';

const str = (data: Record<string, { toString(): string } | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]));

describe('mergeIndicatorData — пункт 11', () => {
  it('sums the counts and the money', () => {
    const m = mergeIndicatorData({ parts: [
      { appealsResolved: 9, appeals: 10, unclosedAdvances: '100.10', invoicedTotal: '1000' },
      { appealsResolved: 1, appeals: 30, unclosedAdvances: '0.05', invoicedTotal: '200.55' },
    ] });
    expect(str(m.data)).toEqual({ appealsResolved: '10', appeals: '40', unclosedAdvances: '100.15', invoicedTotal: '1200.55' });
    expect(m.incomplete).toEqual([]);
    expect(m.trace.find((s) => s.symbol === 'КСЭ')).toEqual({
      symbol: 'КСЭ', formula: 'Σ по частям = 10 + 30', value: '40', source: 'Приказ ФФОМС № 140н, приложение 1, пункт 11',
    });
  });

  it('the indicator of the merged insurer is the ratio of the sums, not the mean of the ratios', () => {
    // 10 × 100 / 40 = 25; the mean of 90 and 3.3333 would be 46.6667
    const m = mergeIndicatorData({ parts: [{ appealsResolved: 9, appeals: 10 }, { appealsResolved: 1, appeals: 30 }] });
    expect(smoIndicators({ quarter: 4, data: m.data }).indicators[1]?.value.toString()).toBe('25');
  });

  it('a field only some parts submitted is not submitted by default, or counts the others as 0', () => {
    // the successor holds the register counts on the 1st day after the period; the absorbed insurer does not
    const parts = [
      { reliableInsured: 990, insured: 1000, appealsResolved: 5, appeals: 10 },
      { appealsResolved: 4, appeals: 4 },
    ];
    const strict = mergeIndicatorData({ parts });
    expect(str(strict.data)).toEqual({ appealsResolved: '9', appeals: '14' });
    expect(strict.incomplete).toEqual(['reliableInsured', 'insured']);
    expect(strict.trace[0]).toEqual({
      symbol: 'ЧЗЛдост',
      formula: 'не представлено частями 1: для объединенной организации сведения не представлены',
      value: 'не представлено',
      source: 'Приказ ФФОМС № 140н, приложение 1, пункты 7, 11',
    });
    const lenient = mergeIndicatorData({ parts, missing: 'zero' });
    expect(str(lenient.data)).toEqual({ reliableInsured: '990', insured: '1000', appealsResolved: '9', appeals: '14' });
    expect(lenient.incomplete).toEqual(['reliableInsured', 'insured']);
  });

  it("with missing: 'zero' a part may not have a positive numerator without its denominator", () => {
    const e = fail(() => mergeIndicatorData({ parts: [{ advanceRequests: 0 }, { advanceRequestsCompliant: 1 }], missing: 'zero' }));
    expect(e.issues).toMatchObject([
      { path: ['parts', 1, 'advanceRequests'], message: "with missing: 'zero' an absent advanceRequests (КЗАвсего) counts as 0, below advanceRequestsCompliant (КЗАсобл) = 1" },
    ]);
    // a zero numerator is fine, and by default the field is simply not submitted
    expect(str(mergeIndicatorData({ parts: [{ advanceRequests: 2 }, { advanceRequestsCompliant: 0 }], missing: 'zero' }).data)).toEqual({ advanceRequestsCompliant: '0', advanceRequests: '2' });
    expect(str(mergeIndicatorData({ parts: [{ advanceRequests: 0 }, { advanceRequestsCompliant: 1 }] }).data)).toEqual({});
  });

  it('one part is itself', () => {
    expect(str(mergeIndicatorData({ parts: [{ moClaims: 4, conclusionsUpheld: 2 }] }).data)).toEqual({ conclusionsUpheld: '2', moClaims: '4' });
  });

  it('each part is validated, with its index in the path', () => {
    const e = fail(() => mergeIndicatorData({ parts: [{ appeals: 1 }, { appeals: 1, appealsResolved: 2 }] }));
    expect(e.issues).toMatchObject([{ path: ['parts', 1, 'appealsResolved'], message: 'appealsResolved (КСЭрез) = 2 exceeds appeals (КСЭ) = 1' }]);
    expect(fail(() => mergeIndicatorData({ parts: [] })).issues).toMatchObject([{ path: ['parts'], message: 'at least one part is needed' }]);
    expect(fail(() => mergeIndicatorData({ parts: [{}], missing: 'skip' as never })).issues[0]?.path).toEqual(['missing']);
  });

  it('never returns what smoIndicators would reject: a sum above a field limit is an error', () => {
    // 10¹² insured twice is 2·10¹², above the limit of 10¹²
    const e = fail(() => mergeIndicatorData({ parts: [{ insured: 1e12 }, { insured: 1e12 }] }));
    expect(e.issues).toMatchObject([{ path: ['parts'], message: 'the merged insured (ЧЗЛсмо) would be 2000000000000, above the limit 1000000000000 of the indicator data' }]);
    // at the limit the merge is accepted and smoIndicators takes its data
    const merged = mergeIndicatorData({ parts: [{ insured: 5e11 }, { insured: 5e11 }] });
    expect(() => smoIndicators({ quarter: 1, data: merged.data })).not.toThrow();
  });
});
