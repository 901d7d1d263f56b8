import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { federalMonitoring, smoRating } from '../../src/smo-rating';

/** A 4-place result from a small pool, so that ties at 1 and at 4 places are frequent. */
const result = fc.oneof(
  fc.constantFrom('91.2', '91.24', '91.2400', '91.2449', '91.15', '91.25', '90', '-0.05', '0'),
  fc.integer({ min: -100_0000, max: 200_0000 }).map((k) => (k / 10_000).toFixed(4)),
);

const smos = fc.uniqueArray(fc.record({ smo: fc.string({ minLength: 1, maxLength: 6 }), resultExact: result }), {
  selector: (s) => s.smo,
  maxLength: 12,
});

test.prop([smos.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length })))])(
  'the rating does not depend on the order of the input',
  ([a, b]) => {
    expect(JSON.stringify(smoRating({ smos: b }))).toBe(JSON.stringify(smoRating({ smos: a })));
  },
);

test.prop([smos])('the rating is a total order: by result, then by name; a place is 1 + the number of better results', (s) => {
  const rows = smoRating({ smos: s }).rows;
  expect(rows.map((r) => r.smo).sort()).toEqual(s.map((x) => x.smo).sort());
  rows.forEach((r, i) => {
    const better = rows.filter((o) => o.resultExact.gt(r.resultExact)).length;
    expect(r.rank).toBe(better + 1);
    expect(r.result.eq(r.resultExact.toDecimalPlaces(1, 4))).toBe(true);
    const next = rows[i + 1];
    if (next === undefined) return;
    // strictly before: a higher 4-place value, or an equal one and a smaller name
    const before = r.resultExact.gt(next.resultExact) || (r.resultExact.eq(next.resultExact) && r.smo < next.smo);
    expect(before).toBe(true);
    // the published 1-place results never increase down the table (п. 22)
    expect(r.result.gte(next.result)).toBe(true);
  });
});

const region = fc.record({
  region: fc.string({ minLength: 1, maxLength: 4 }),
  scoreExact: fc.integer({ min: -100_0000, max: 150_0000 }).map((k) => (k / 10_000).toFixed(4)),
  noViolations: fc.boolean(),
  fromPreviousPeriod: fc.option(fc.boolean(), { nil: undefined }),
});
const regions = fc.uniqueArray(region, { selector: (r) => r.region, minLength: 1, maxLength: 8 });

test.prop([regions.chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length })))])(
  'federal monitoring: the mean lies within the regions, the 1.1 applies exactly when every region is clean, order does not matter',
  ([r, shuffled]) => {
    const f = federalMonitoring({ regions: r });
    const g = federalMonitoring({ regions: shuffled });
    expect(g.resultExact.eq(f.resultExact)).toBe(true);
    const scores = r.map((x) => Number(x.scoreExact));
    expect(f.mean.toNumber()).toBeGreaterThanOrEqual(Math.min(...scores));
    expect(f.mean.toNumber()).toBeLessThanOrEqual(Math.max(...scores));
    const clean = r.every((x) => x.noViolations);
    expect(f.bonusApplied).toBe(clean);
    expect(f.resultExact.eq(clean ? f.mean.times('1.1').toDecimalPlaces(4, 4) : f.mean)).toBe(true);
    expect(f.carriedRegions).toEqual(r.filter((x) => x.fromPreviousPeriod === true).map((x) => x.region));
  },
);
