import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { sanctionRows, sanctionTotals, type CaseInput, type SanctionStreamOptions, type SanctionTotals } from '../../src/sanctions';
import { mergeTotals, totalsPart, type FileTotals } from '../../src/cli/sanctions-totals';
import { nearValidCase, perCapitaRates, validCase } from '../sanctions/arbitraries';

/** Cases of a registry, mostly valid, with a few that fail (error rows). */
const registry = fc.array(fc.oneof({ weight: 5, arbitrary: validCase as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: nearValidCase }), { maxLength: 30 });

/** Every figure of the totals as text, the trace left out: what two totals must share. */
function figures(t: FileTotals | SanctionTotals): unknown {
  const { trace: _trace, ...rest } = t as SanctionTotals;
  return JSON.parse(JSON.stringify(rest)) as unknown;
}

describe('totals of a file computed in parts (oms-calc sanctions on worker threads)', () => {
  test.prop([registry, perCapitaRates, fc.array(fc.nat(), { maxLength: 6 })])(
    'the parts’ totals added up equal the totals of the whole file, wherever it is cut',
    async (cases, rates, cuts) => {
      const options: SanctionStreamOptions = { perCapitaRates: rates };
      const rows = [...sanctionRows(cases as CaseInput[], options)];
      const at = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b);
      const parts = [0, ...at, rows.length].slice(1).map((end, i, ends) => rows.slice(i === 0 ? 0 : (ends[i - 1] as number), end));
      const merged = mergeTotals(await Promise.all(parts.map(async (part) => totalsPart(await sanctionTotals(part)))));
      expect(figures(merged)).toEqual(figures(await sanctionTotals(rows)));
    },
  );

  test.prop([registry, perCapitaRates])('no parts give the totals of no rows; one part gives its own totals', async (cases, rates) => {
    const none = mergeTotals([]);
    expect(figures(none)).toEqual(figures(await sanctionTotals([])));
    // one part is itself
    const rows = [...sanctionRows(cases as CaseInput[], { perCapitaRates: rates })];
    expect(figures(mergeTotals([totalsPart(await sanctionTotals(rows))]))).toEqual(figures(await sanctionTotals(rows)));
  });
});
