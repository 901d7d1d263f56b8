import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sanctionRows, type CaseInput, type SanctionRow } from '../../src/sanctions';
import { FastRow } from '../../src/sanctions/fastPath';
import { CsvBytes } from '../../src/cli/format';
import { numberText, resultLine, violationsOf } from '../../src/cli/sanctions-rows';
import { perCapitaRates, validCase } from '../sanctions/arbitraries';

describe('the output line of a case', () => {
  it('written from the fast path’s kopecks, it is byte for byte the line written from the row’s Decimals, for most rows', () => {
    // Rows compared, and those of them that took the fast path: counted inside this one test, so
    // that the comparison is never vacuous and the test passes or fails the same when run alone.
    let compared = 0;
    let fast = 0;
    fc.assert(
      fc.property(fc.array(validCase, { minLength: 1, maxLength: 20 }), perCapitaRates, fc.constantFrom<';' | ','>(';', ','), fc.nat(10_000_000), (cases, rates, delimiter, line) => {
        const rows = [...sanctionRows(cases as CaseInput[], { perCapitaRates: rates })].filter((r): r is SanctionRow => !('error' in r));
        const mark = delimiter === ';' ? 44 : 46;
        for (const row of rows) {
          const fromKopecks = new CsvBytes(16);
          const fromDecimals = new CsvBytes(16);
          resultLine(fromKopecks, line, row, delimiter, mark);
          // A copy is a plain object: it has the Decimals but not the kopecks.
          const copy: SanctionRow = { ...row, details: row.details.map((d) => ({ ...d })) };
          expect(FastRow.kopecksOf(copy)).toBeUndefined();
          resultLine(fromDecimals, line, copy, delimiter, mark);
          expect(fromKopecks.view().toString('latin1')).toBe(fromDecimals.view().toString('latin1'));
          compared++;
          if (FastRow.kopecksOf(row) !== undefined) fast++;
        }
      }),
    );
    expect(compared).toBeGreaterThan(0);
    expect(fast).toBeGreaterThan(compared / 2);
  });
});

describe('the cells of a case', () => {
  const code = fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));

  test.prop([fc.array(code, { minLength: 1, maxLength: 6 })])('a violations cell of bare codes gives the codes, in order', (codes) => {
    expect(violationsOf(codes.join('|'))).toEqual(codes);
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom('.', ','), fc.boolean()])('a number with a decimal comma or point reads as the same decimal', (cents, mark, spaced) => {
    const rubles = (cents / 100n).toString();
    const text = `${spaced ? rubles.replace(/\B(?=(\d{3})+$)/g, ' ') : rubles}${mark}${(cents % 100n).toString().padStart(2, '0')}`;
    expect(numberText(text)).toBe(`${rubles}.${(cents % 100n).toString().padStart(2, '0')}`);
  });
});
