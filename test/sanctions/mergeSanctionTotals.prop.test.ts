import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { mergeSanctionTotals, sanctionRows, sanctionTotals, type CaseInput, type SanctionTotals } from '../../src/sanctions';
import { json, thrown } from './helpers';
import { nearValidCase, perCapitaRates, validCase } from './arbitraries';

/** Cases of a registry, mostly valid, with a few that fail (error rows). */
const registry = fc.array(fc.oneof({ weight: 5, arbitrary: validCase as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: nearValidCase }), { maxLength: 24 });

const totalsOf = (cases: unknown[], rates: unknown): Promise<SanctionTotals> =>
  sanctionTotals(sanctionRows(cases as CaseInput[], { perCapitaRates: rates as Record<string, string> }));

describe('mergeSanctionTotals', () => {
  test.prop([registry, perCapitaRates, fc.nat()])('the totals of two halves merge into the totals of the whole, trace included', async (cases, rates, cut) => {
    const at = cut % (cases.length + 1);
    const whole = await totalsOf(cases, rates);
    const merged = mergeSanctionTotals(await totalsOf(cases.slice(0, at), rates), await totalsOf(cases.slice(at), rates));
    expect(json(merged)).toEqual(json(whole));
  });

  test.prop([registry, registry, registry, perCapitaRates])('is associative', async (a, b, c, rates) => {
    const [x, y, z] = await Promise.all([totalsOf(a, rates), totalsOf(b, rates), totalsOf(c, rates)]);
    expect(json(mergeSanctionTotals(mergeSanctionTotals(x, y), z))).toEqual(json(mergeSanctionTotals(x, mergeSanctionTotals(y, z))));
  });

  test.prop([registry, perCapitaRates])('the totals of no rows are its identity, on either side; totals read back from JSON are taken', async (cases, rates) => {
    const t = await totalsOf(cases, rates);
    const none = await sanctionTotals([]);
    expect(json(mergeSanctionTotals(t, none))).toEqual(json(t));
    expect(json(mergeSanctionTotals(none, t))).toEqual(json(t));
    expect(json(mergeSanctionTotals(json(t) as SanctionTotals, none))).toEqual(json(t));
  });

  it('adds by hand: 1 000 × 1 (1.4.2) + 500 × 1 (1.4.2) = 1 500 in 2 cases; an error row is counted', async () => {
    const a = await sanctionTotals(sanctionRows([{ tariff: '1000', violations: ['1.4.2'] }]));
    const b = await sanctionTotals(sanctionRows([{ tariff: '500', violations: ['1.4.2'] }, { tariff: '1', violations: ['9.9'] }]));
    const m = mergeSanctionTotals(a, b);
    expect([m.cases, m.errors, m.errorsByCode, m.nonPayment.toString(), m.byCode['1.4.2']?.cases, m.bySection.MEK.nonPayment.toString()]).toEqual([
      3, 1, { UNKNOWN_CODE: 1 }, '1500', 2, '1500',
    ]);
  });

  it('rejects what is not totals with INVALID_INPUT, the path naming the argument', async () => {
    const t = await sanctionTotals([]);
    const e = thrown(() => mergeSanctionTotals(t, { ...t, nonPayment: '-1' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]?.path).toEqual([1, 'nonPayment']);
    expect(thrown(() => mergeSanctionTotals(null as never, t)).issues[0]?.path).toEqual([0]);
  });
});
