import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { mergeIndicatorData, smoIndicators } from '../../src/smo-rating';
import { exactData, FIELDS, indicatorData, referenceIndicators, toInput, type ExactData } from './arbitraries';

/** Adds exact figures field by field — the reference sum. */
function add(a: ExactData, b: ExactData): ExactData {
  const counts = { ...a.counts };
  for (const k of Object.keys(counts) as (keyof ExactData['counts'])[]) counts[k] = a.counts[k] + b.counts[k];
  return { counts, unclosedAdvances: a.unclosedAdvances + b.unclosedAdvances, invoicedTotal: a.invoicedTotal + b.invoicedTotal };
}

const quarter = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);

test.prop([fc.array(exactData, { minLength: 1, maxLength: 4 }), quarter])(
  'merging equals computing on summed data: the indicators of the merge are the ratios of the sums',
  (parts, q) => {
    const merged = mergeIndicatorData({ parts: parts.map((p) => toInput(p)) });
    const summed = parts.reduce(add);
    const r = smoIndicators({ quarter: q, data: merged.data });
    const ref = referenceIndicators(summed, q);
    r.indicators.forEach((row, i) => expect(row.value.eq(ref[i] ?? 0)).toBe(true));
    // and the same as assessing the summed figures directly
    expect(smoIndicators({ quarter: q, data: toInput(summed, true) }).scoreExact.eq(r.scoreExact)).toBe(true);
  },
);

/** With missing: 'zero' an absent denominator is 0, so a part keeps a numerator only with its denominator. */
const WHOLE: Partial<Record<string, string>> = {
  reliableInsured: 'insured', appealsResolved: 'appeals', screeningCompleted: 'screeningInformed',
  dispensaryCompleted: 'dispensaryInformed', complaintsPreTrial: 'complaints', complaintsInCourt: 'complaints',
  advanceRequestsCompliant: 'advanceRequests', qualityReviewsConfirmed: 'qualityReviewsRechecked', conclusionsUpheld: 'moClaims',
};
const consistentWithZero = indicatorData.map((d) =>
  Object.fromEntries(Object.entries(d).filter(([k]) => {
    const whole = WHOLE[k];
    return whole === undefined || (d as Record<string, unknown>)[whole] !== undefined;
  })) as typeof d,
);

test.prop([consistentWithZero, consistentWithZero, consistentWithZero, fc.constantFrom('not-submitted' as const, 'zero' as const)])(
  'merging is associative and commutative',
  (a, b, c, missing) => {
    const all = mergeIndicatorData({ parts: [a, b, c], missing }).data;
    const nested = mergeIndicatorData({ parts: [mergeIndicatorData({ parts: [a, b], missing }).data, c], missing }).data;
    const swapped = mergeIndicatorData({ parts: [c, a, b], missing }).data;
    const text = (d: Record<string, unknown>): string => JSON.stringify(FIELDS.map((f) => d[f] === undefined ? null : String(d[f])));
    expect(text(nested)).toBe(text(all));
    expect(text(swapped)).toBe(text(all));
  },
);

test.prop([fc.array(indicatorData, { minLength: 1, maxLength: 4 })])('a field is merged only when every part submitted it, by default', (parts) => {
  const m = mergeIndicatorData({ parts });
  for (const f of FIELDS) {
    const everywhere = parts.every((p) => p[f] !== undefined);
    const somewhere = parts.some((p) => p[f] !== undefined);
    expect(m.data[f] !== undefined).toBe(everywhere);
    expect(m.incomplete.includes(f)).toBe(somewhere && !everywhere);
  }
});
