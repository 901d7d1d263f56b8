/** The integer kopecks of the audit's inner loop, against decimal.js. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isIsoDate, KopeckSum, kopeckText, nonPaymentKopecks, parseKopecks } from '../../src/registry/money';

describe('money as kopecks', () => {
  it.each([
    ['0', 0],
    ['0.5', 50],
    ['0.05', 5],
    ['12.3', 1230],
    ['123.45', 12345],
    ['007.10', 710],
    ['9999999999999.99', 999_999_999_999_999],
  ])('parseKopecks(%s) = %i', (s, k) => {
    expect(parseKopecks(s)).toBe(k);
  });

  it.each(['', '.5', '5.', '1,50', '-1', '+1', '1e3', '1.234', ' 1', '10000000000000', '12345678901234.5', 'NaN'])('parseKopecks(%j) is malformed', (s) => {
    expect(parseKopecks(s)).toBe(-1);
  });

  it('РТ × Кно rounds half up to kopecks, exactly, also past 2^53 / 100', () => {
    const cases: [number, number][] = [
      [1_500_005, 10], // 15000.05 × 0.1 = 1500.005 → 1500.01
      [2_033_333, 40], // 20333.33 × 0.4 = 8133.332 → 8133.33
      [999_999_999_999_999, 99],
      [999_999_999_999_999, 100],
      [123_456_789_012_345, 55],
    ];
    for (const [rt, kno] of cases) {
      const expected = new Decimal(rt).div(100).times(kno).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber();
      expect(nonPaymentKopecks(rt, kno)).toBe(expected);
    }
  });

  it('a running sum stays exact past 2^53 kopecks', () => {
    const s = new KopeckSum();
    for (let i = 0; i < 20; i++) s.add(999_999_999_999_999);
    expect(s.total()).toBe(19_999_999_999_999_980n);
    expect(s.value().toString()).toBe('199999999999999.8');
    expect(kopeckText(5)).toBe('0.05');
  });

  it('ISO dates', () => {
    expect(['2024-02-29', '2025-12-31'].map(isIsoDate)).toEqual([true, true]);
    expect(['2025-02-29', '2025-13-01', '2025-1-01', '01.07.2025', '2025-00-10'].map(isIsoDate)).toEqual([false, false, false, false, false]);
    // the year 0000 is not an xs:date of XML Schema 1.0; the day after its last is
    expect(['0000-12-31', '0001-01-01'].map(isIsoDate)).toEqual([false, true]);
  });
});
