import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseSanction, defineSanctionTable, isOmsCalcError, type SanctionTable } from '../../src/sanctions';
import { date2025 } from './arbitraries';

/** A small table: an id from a few, a period in 2025, Кно of 1.4.1 and 3.2.1. */
const table = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    from: date2025,
    to: fc.option(date2025, { nil: undefined }),
    k1: fc.integer({ min: 0, max: 100 }),
    k2: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ id, from, to, k1, k2 }): SanctionTable => {
    const [validFrom, validTo] = to !== undefined && to < from ? [to, from] : [from, to];
    return defineSanctionTable({
      id,
      title: id,
      source: 's',
      validFrom,
      ...(validTo === undefined ? {} : { validTo }),
      entries: [
        { code: '1.4.1', section: 'MEK', title: 't', kno: String(k1 / 100) },
        { code: '3.2.1', section: 'EKMP', title: 't', kno: String(k2 / 100) },
      ],
    });
  });

/** The result, or the error's code and number of issues (their paths name positions in the list). */
function outcome(run: () => unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(run())) as unknown;
  } catch (e) {
    if (!isOmsCalcError(e)) throw e;
    return { code: e.code, issues: e.issues.length };
  }
}

describe('the tables given — laws', () => {
  it('caseSanction gives the same result, or the same error, for any order of the tables', () => {
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 4 }), date2025, fc.constantFrom(['1.4.1'], ['3.2.1'], ['1.4.1', '3.2.1']), fc.infiniteStream(fc.nat()), (tables, date, violations, keys) => {
        const shuffled = tables.map((t) => ({ t, k: keys.next().value as number })).sort((x, y) => x.k - y.k).map((x) => x.t);
        const c = { tariff: '1000', date, violations: [...violations] };
        expect(outcome(() => caseSanction(c, { tables: shuffled }))).toEqual(outcome(() => caseSanction(c, { tables })));
      }),
    );
  });
});
