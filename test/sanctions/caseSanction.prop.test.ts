import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { D, type X } from '../../src/_internal';
import { builtinSanctionTable, caseSanction, defineSanctionTable, type CaseInput, type CombinePolicy, type SanctionOptions } from '../../src/sanctions';
import { perCapitaRates, validCase } from './arbitraries';

const combine = fc.constantFrom<CombinePolicy>('max', 'sum-capped');
const sum = (xs: readonly X[]): X => xs.reduce((a, b) => a.plus(b), new D(0));
const codeOf = (v: CaseInput['violations'][number]): string => (typeof v === 'string' ? v : v.code);

describe('caseSanction — laws of the domain', () => {
  test.prop([validCase, perCapitaRates, combine])('the non-payment is never above the tariff, nor below 0', (c, rates, policy) => {
    const r = caseSanction(c, { perCapitaRates: rates, combine: policy });
    expect(r.nonPayment.lte(new D(String(c.tariff)))).toBe(true);
    expect(r.nonPayment.gte(0)).toBe(true);
    expect(r.fine.gte(0)).toBe(true);
  });

  test.prop([validCase, perCapitaRates, combine, fc.infiniteStream(fc.nat())])('the result does not depend on the order of the violations', (c, rates, policy, keys) => {
    const options = { perCapitaRates: rates, combine: policy };
    const shuffled = c.violations.map((v) => ({ v, k: keys.next().value as number })).sort((a, b) => a.k - b.k).map((x) => x.v);
    const a = caseSanction(c, options);
    const b = caseSanction({ ...c, violations: shuffled }, options);
    const byCode = (r: typeof a): unknown => JSON.parse(JSON.stringify([...r.details].sort((x, y) => (x.code < y.code ? -1 : 1))));
    expect(a.nonPayment.eq(b.nonPayment)).toBe(true);
    expect(a.fine.eq(b.fine)).toBe(true);
    expect(byCode(a)).toEqual(byCode(b));
  });

  test.prop([validCase, perCapitaRates, combine, fc.nat(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })])(
    'a larger Кно never lowers the non-payment',
    (c, rates, policy, pick, k1, k2) => {
      const plain = c.violations.filter((v) => typeof v === 'string');
      const code = plain.length > 0 ? (plain[pick % plain.length] as string) : undefined;
      fc.pre(code !== undefined);
      const [low, high] = k1 <= k2 ? [k1, k2] : [k2, k1];
      const withKno = (kno: number): SanctionOptions => ({
        perCapitaRates: rates,
        combine: policy,
        tables: [
          defineSanctionTable({
            ...builtinSanctionTable,
            entries: builtinSanctionTable.entries.map((e) => (e.code === code ? { ...e, kno: new D(kno).div(100) } : e)),
          }),
        ],
      });
      const a = caseSanction(c, withKno(low));
      const b = caseSanction(c, withKno(high));
      expect(b.nonPayment.gte(a.nonPayment)).toBe(true);
    },
  );

  test.prop([validCase, perCapitaRates])("under 'max', the non-payment is the largest of the single-violation runs", (c, rates) => {
    const options = { perCapitaRates: rates };
    const singles = c.violations.map((v) => caseSanction({ ...c, violations: [v] }, options).nonPayment);
    const largest = singles.reduce((a, b) => (b.gt(a) ? b : a));
    expect(caseSanction(c, options).nonPayment.eq(largest)).toBe(true);
  });

  test.prop([validCase, perCapitaRates, combine])('fines add up: the case’s fine is the sum of the single-violation fines, whatever the policy', (c, rates, policy) => {
    const options = { perCapitaRates: rates, combine: policy };
    const r = caseSanction(c, options);
    const singles = c.violations.map((v) => caseSanction({ ...c, violations: [v] }, options).fine);
    expect(r.fine.eq(sum(singles))).toBe(true);
    expect(r.fine.eq(sum(r.details.map((d) => d.fine)))).toBe(true);
  });

  test.prop([validCase, perCapitaRates, combine])('the attributed non-payments add up to the case’s non-payment, none above its own', (c, rates, policy) => {
    const r = caseSanction(c, { perCapitaRates: rates, combine: policy });
    expect(sum(r.details.map((d) => d.appliedNonPayment)).eq(r.nonPayment)).toBe(true);
    for (const d of r.details) expect(d.appliedNonPayment.lte(d.nonPayment) && d.appliedNonPayment.gte(0)).toBe(true);
    expect(r.details.map((d) => d.code)).toEqual(c.violations.map(codeOf));
  });

  test.prop([validCase, perCapitaRates])("'sum-capped' is the sum capped at the tariff, so never below 'max'", (c, rates) => {
    const max = caseSanction(c, { perCapitaRates: rates });
    const capped = caseSanction(c, { perCapitaRates: rates, combine: 'sum-capped' });
    const tariff = new D(String(c.tariff));
    const total = sum(max.details.map((d) => d.nonPayment));
    expect(capped.nonPayment.eq(total.gt(tariff) ? tariff : total)).toBe(true);
    expect(capped.nonPayment.gte(max.nonPayment)).toBe(true);
    expect(capped.fine.eq(max.fine)).toBe(true);
  });
});
