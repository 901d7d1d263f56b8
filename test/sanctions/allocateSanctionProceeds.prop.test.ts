import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { D, type X } from '../../src/_internal';
import { allocateSanctionProceeds } from '../../src/sanctions';
import { centsToString } from '../arbitraries';
import { cents } from './arbitraries';

/** 1–6 shares in steps of 1/10000 adding up to exactly 1, under distinct names. */
const shares = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
    return Object.fromEntries(points.slice(1).map((p, i) => [`r${i}`, new D(p - (points[i] as number)).div(10_000).toString()]));
  }),
);

describe('allocateSanctionProceeds — laws', () => {
  test.prop([cents(10n ** 15n), fc.option(shares, { nil: undefined })])('the parts add up to the amount, each within a kopeck of its exact share', (k, s) => {
    const amount = centsToString(k);
    const r = allocateSanctionProceeds(amount, s);
    const used = s ?? { territorialFund: '0.5', reserve: '0.35', insurer: '0.15' };
    const parts = Object.values(r.parts);
    expect(parts.reduce((a, b) => a.plus(b), new D(0)).eq(amount)).toBe(true);
    for (const [name, part] of Object.entries(r.parts)) {
      const exact = new D(amount).times(used[name] as string);
      expect(part.minus(exact).abs().lt('0.01')).toBe(true);
      expect(part.decimalPlaces()).toBeLessThanOrEqual(2);
    }
  });

  test.prop([cents(10n ** 12n), shares])('does not depend on the order of the recipients', (k, s) => {
    const reversed = Object.fromEntries(Object.entries(s).reverse());
    const a = allocateSanctionProceeds(centsToString(k), s).parts;
    const b = allocateSanctionProceeds(centsToString(k), reversed).parts;
    for (const name of Object.keys(s)) expect((a[name] as X).eq(b[name] as X)).toBe(true);
  });
});
