import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { smoIndicators } from '../../src/smo-rating';
import { exactData, indicatorData, referenceIndicators, toInput } from './arbitraries';

const quarter = fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const);
const insurer = fc.constantFrom('smo' as const, 'territorial-fund' as const);

test.prop([indicatorData, quarter, insurer])('the score lies between the min and the max of the non-zero indicators', (data, q, who) => {
  const r = smoIndicators({ quarter: q, data, insurer: who });
  const nonZero = r.indicators.map((i) => i.value).filter((v) => !v.isZero());
  if (nonZero.length === 0) {
    expect(r.scoreExact.isZero()).toBe(true);
    return;
  }
  const lo = Decimal.min(...nonZero);
  const hi = Decimal.max(...nonZero);
  expect(r.scoreExact.gte(lo) && r.scoreExact.lte(hi)).toBe(true);
  // the 1-place score is the 4-place one to within half a unit of the first place
  expect(r.score.minus(r.scoreExact).abs().lte('0.05')).toBe(true);
  expect(r.scoreExact.decimalPlaces()).toBeLessThanOrEqual(4);
  expect(r.score.decimalPlaces()).toBeLessThanOrEqual(1);
});

test.prop([exactData, quarter])('every indicator agrees with an exact integer reference, rounded half up to 4 places', (e, q) => {
  const r = smoIndicators({ quarter: q, data: toInput(e, true) });
  const ref = referenceIndicators(e, q);
  r.indicators.forEach((row, i) => {
    const expected = ref[i];
    if (expected === null || expected === undefined) {
      expect(row.status).toBe('zero-denominator');
      expect(row.value.isZero()).toBe(true);
    } else {
      expect(row.status).toBe('computed');
      expect(row.value.eq(expected)).toBe(true);
    }
  });
});

test.prop([exactData, quarter])('a share of a whole is between 0 and 100; indicator 6 is at most 100', (e, q) => {
  const r = smoIndicators({ quarter: q, data: toInput(e) });
  for (const row of r.indicators) {
    if (row.number === 6) expect(row.value.lte(100)).toBe(true);
    else if (row.number !== 8) expect(row.value.gte(0) && row.value.lte(100)).toBe(true);
  }
});

test.prop([exactData])('the first quarter allows 1/12 × 0.9 more receivables: indicator 8 is 7.5 higher, up to rounding', (e) => {
  fc.pre(e.invoicedTotal > 0n);
  const q1 = smoIndicators({ quarter: 1, data: toInput(e) }).indicators[7]?.value;
  const q2 = smoIndicators({ quarter: 2, data: toInput(e) }).indicators[7]?.value;
  expect(q1 !== undefined && q2 !== undefined).toBe(true);
  // (1.9/12 − 1/12) × 100 = 7.5 exactly; each side is rounded to 4 places
  expect(q1?.minus(q2 ?? 0).minus('7.5').abs().lte('0.0001')).toBe(true);
});

test.prop([exactData, quarter, fc.constantFrom('appealsResolved', 'screeningCompleted', 'dispensaryCompleted', 'advanceRequestsCompliant', 'qualityReviewsConfirmed', 'conclusionsUpheld', 'reliableInsured')])(
  'one more success in the numerator never lowers its indicator; one more complaint against the insurer never raises indicator 6',
  (e, q, field) => {
    const whole = { appealsResolved: 'appeals', screeningCompleted: 'screeningInformed', dispensaryCompleted: 'dispensaryInformed', advanceRequestsCompliant: 'advanceRequests', qualityReviewsConfirmed: 'qualityReviewsRechecked', conclusionsUpheld: 'moClaims', reliableInsured: 'insured' }[field] as keyof typeof e.counts;
    fc.pre(e.counts[field] < e.counts[whole]);
    const before = smoIndicators({ quarter: q, data: toInput(e) }).indicators;
    const more = { ...e, counts: { ...e.counts, [field]: e.counts[field] + 1 } };
    const after = smoIndicators({ quarter: q, data: toInput(more) }).indicators;
    before.forEach((b, i) => {
      const a = after[i];
      if (a === undefined) throw new Error('ten rows expected');
      expect(a.value.gte(b.value)).toBe(true);
    });
    const complained = smoIndicators({ quarter: q, data: toInput({ ...e, counts: { ...e.counts, complaintsAgainstSmo: e.counts.complaintsAgainstSmo + 1 } }) });
    expect(complained.indicators[5]?.value.lte(before[5]?.value ?? 0)).toBe(true);
  },
);

test.prop([indicatorData, quarter])('the territorial fund differs from an insurer only in indicator 6', (data, q) => {
  const smo = smoIndicators({ quarter: q, data });
  const fund = smoIndicators({ quarter: q, data, insurer: 'territorial-fund' });
  expect(fund.indicators[5]?.value.isZero()).toBe(true);
  smo.indicators.forEach((row, i) => {
    if (row.number !== 6) expect(fund.indicators[i]?.value.eq(row.value)).toBe(true);
  });
});

test.prop([indicatorData, quarter])('results survive a JSON round trip with decimals as strings', (data, q) => {
  const r = smoIndicators({ quarter: q, data });
  const json = JSON.parse(JSON.stringify(r)) as { indicators: { value: string }[]; scoreExact: string };
  expect(json.indicators.map((i) => i.value)).toEqual(r.indicators.map((i) => i.value.toString()));
  expect(new Decimal(json.scoreExact).eq(r.scoreExact)).toBe(true);
});
