import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/_internal';
import { decimalFromKopecks, kopeckString, MAX_FAST_KOPECKS, numberKopecks, roundHundredths, stringKopecks } from '../../src/sanctions/kopecks';
import { codeKey } from '../../src/sanctions/lookup';

describe('integer kopecks (the fast path’s representation)', () => {
  it('reads plain decimal strings with at most two places, and leaves every other form to the decimal path', () => {
    expect(['0', '1', '12.5', '12.50', '12.', '007.05', '123456789012.99'].map(stringKopecks)).toEqual([0, 100, 1250, 1250, 1200, 705, 12345678901299]);
    expect(['', '.5', '+1', '-1', '1e3', '1.234', ' 1', '1 ', '1,5', '1234567890123', '9000000000000.01'].map(stringKopecks)).toEqual([
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
    ]);
    expect(stringKopecks(kopeckString(MAX_FAST_KOPECKS))).toBe(MAX_FAST_KOPECKS);
  });

  it('reads numbers with at most two decimals', () => {
    expect([0, 0.29, 1000.5, 123456.78].map(numberKopecks)).toEqual([0, 29, 100050, 12345678]);
    expect([-0, -1, 0.001, Number.NaN, Number.POSITIVE_INFINITY, 1e12].map(numberKopecks)).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('rounds hundredths half up, exactly, up to the largest safe integer', () => {
    expect([0, 49, 50, 149, 150, 2 ** 31 - 1, 2 ** 31 + 49, 2 ** 31 + 52, 9_007_199_254_740_991].map(roundHundredths)).toEqual([
      0, 0, 1, 1, 2, 21_474_836, 21_474_837, 21_474_837, 90_071_992_547_410,
    ]);
    // the exact reference: (x + 50) div 100 in BigInt
    const safe = fc.oneof(fc.maxSafeNat(), fc.integer({ min: 2 ** 31 - 300, max: 2 ** 31 + 300 }), fc.integer({ min: 0, max: 9_999 }).map((d) => Number.MAX_SAFE_INTEGER - d));
    fc.assert(fc.property(safe, (x) => {
      expect(roundHundredths(x)).toBe(Number((BigInt(x) + 50n) / 100n));
    }), { numRuns: 3000 });
  });

  it('builds Decimals equal to the parsed text of the kopecks (value, text, class), through the constructor', () => {
    const samples = [0, 1, 9, 10, 99, 100, 101, 1_000, 99_999_999, 100_000_000, 100_000_001, 1_000_000_000, 1_000_000_010, 123_456_789_012, 9_007_199_254_740_991];
    for (const k of samples) {
      const built = decimalFromKopecks(k);
      const parsed = new D(kopeckString(k));
      expect([built.toString(), built.toFixed(2), built.eq(parsed)]).toEqual([parsed.toString(), kopeckString(k), true]);
      expect(built).toBeInstanceOf(D);
      expect(built.plus(parsed).eq(parsed.times(2))).toBe(true);
    }
  });
});

describe('codeKey', () => {
  it('numbers canonical codes one to one, and refuses every other string', () => {
    // 140,000 codes: the misses are collected and asserted once (an expect per code is slow).
    const seen = new Map<number, string>();
    const refused: string[] = [];
    const clashes: string[] = [];
    let codes = 0;
    for (let a = 0; a < 1000; a += 37) {
      for (let b = 0; b < 1000; b += 1) {
        for (const code of [`${a}.${b}`, `${a}.${b}.0`, `${a}.${b}.1`, `${a}.${b}.998`, `${a}.${b}.999`]) {
          codes++;
          const key = codeKey(code);
          const before = seen.get(key);
          if (key < 0) refused.push(code);
          else if (before !== undefined) clashes.push(`${code} = ${before}`);
          else seen.set(key, code);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(clashes).toEqual([]);
    expect(seen.size).toBe(codes);
    expect(['', '1', '1.', '.1', '1..2', '01.2', '1.02', '1000.1', '1.2.3.4', '1.2.', 'a.b', '1,2', ' 1.2'].map(codeKey)).toEqual(new Array(13).fill(-1));
  });
});
