import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { SMO_INDICATORS, smoAnnualAssessment, smoIndicators } from '../../src/smo-rating';
import { indicatorData, point, violations } from './arbitraries';

const insurer = fc.constantFrom('smo' as const, 'territorial-fund' as const);

test.prop([indicatorData, violations, insurer])('Кэфф is always one of 0.8, 0.9, 1 and 1.1', (data, v, who) => {
  const a = smoAnnualAssessment({ data, violations: v, insurer: who });
  for (const row of a.indicators) expect(['0.8', '0.9', '1', '1.1']).toContain(row.kEff.toString());
  // 1.1 exactly when nothing at all was found, and only for an insurer
  const clean = v.every((x) => (x.count ?? 1) === 0);
  expect(a.noViolations).toBe(clean);
  expect(a.indicators.some((r) => r.kEff.eq('1.1'))).toBe(clean && who === 'smo');
});

test.prop([indicatorData, violations, point, fc.integer({ min: 1, max: 3 })])(
  'adding a violation never raises a Кэфф, nor an adjusted value that is not negative',
  (data, v, p, n) => {
    const before = smoAnnualAssessment({ data, violations: v });
    const after = smoAnnualAssessment({ data, violations: [...v, { point: p, count: n }] });
    before.indicators.forEach((b, i) => {
      const a = after.indicators[i];
      if (a === undefined) throw new Error('ten rows expected');
      expect(a.kEff.lte(b.kEff)).toBe(true);
      // indicators 6 and 8 can be negative; then a smaller Кэфф moves the product towards 0
      if (!b.value.isNegative()) expect(a.adjusted.lte(b.adjusted)).toBe(true);
    });
    expect(after.noViolations).toBe(false);
  },
);

test.prop([indicatorData, violations.chain((v) => fc.tuple(fc.constant(v), fc.shuffledSubarray(v, { minLength: v.length, maxLength: v.length })))])(
  'the order of the violations does not matter, nor splitting a count into single entries',
  (data, [v, shuffled]) => {
    const a = smoAnnualAssessment({ data, violations: v });
    const b = smoAnnualAssessment({ data, violations: shuffled });
    const singles = v.flatMap((x) => Array.from({ length: x.count ?? 1 }, () => ({ point: x.point })));
    const c = smoAnnualAssessment({ data, violations: singles });
    const key = (r: typeof a): string => JSON.stringify({ i: r.indicators, s: r.scoreExact, n: r.noViolations, t: r.totalViolations });
    expect(key(b)).toBe(key(a));
    expect(key(c)).toBe(key(a));
  },
);

test.prop([indicatorData, violations])('the values are those of the quarterly assessment of January–December; Кэфф counts the listed points', (data, v) => {
  const a = smoAnnualAssessment({ data, violations: v });
  const q4 = smoIndicators({ quarter: 4, data });
  a.indicators.forEach((row, i) => {
    expect(row.value.eq(q4.indicators[i]?.value ?? NaN)).toBe(true);
    // independently: n = Σ count over violations whose point is listed (or is a sub-point of a listed whole point)
    const listed = SMO_INDICATORS[i]?.sanctionPoints ?? [];
    const n = v
      .filter((x) => listed.some((p: string) => x.point === p || (!p.includes('.') && x.point.split('.')[0] === p && x.point.includes('.'))))
      .reduce((s, x) => s + (x.count ?? 1), 0);
    expect(row.violations).toBe(n);
    const expected = a.noViolations ? '1.1' : n === 0 ? '1' : n === 1 ? '0.9' : '0.8';
    expect(row.kEff.toString()).toBe(expected);
    expect(row.adjusted.eq(row.value.times(expected).toDecimalPlaces(4, Decimal.ROUND_HALF_UP))).toBe(true);
  });
});

test.prop([indicatorData, violations])('the score lies between the min and the max of the non-zero adjusted values', (data, v) => {
  const a = smoAnnualAssessment({ data, violations: v });
  const nonZero = a.indicators.map((r) => r.adjusted).filter((x) => !x.isZero());
  if (nonZero.length === 0) return void expect(a.scoreExact.isZero()).toBe(true);
  expect(a.scoreExact.gte(Decimal.min(...nonZero)) && a.scoreExact.lte(Decimal.max(...nonZero))).toBe(true);
});
