import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { D, kopecks, sum } from '../../src/_internal/decimal';
import { centsToString } from '../arbitraries';

const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

// decimal.js's default 20-digit precision breaks the associativity of money sums over
// 10^13 rubles; the library's 40-digit context must not.
test.prop([fc.array(cents, { minLength: 1, maxLength: 30 })])('money sums are exact and associative', (ks) => {
  const values = ks.map((k) => new D(centsToString(k)));
  const exact = ks.reduce((a, b) => a + b, 0n);
  expect(sum(values).toString()).toBe(new D(centsToString(exact)).toString());
  expect(sum([...values].reverse()).eq(sum(values))).toBe(true);
});

test.prop([cents, cents])('sums beyond 20 significant digits keep every kopeck, and the global Decimal stays untouched', (a, b) => {
  const big = 10n ** 18n;
  const exact = big + a + b;
  expect(new D(centsToString(big)).plus(centsToString(a)).plus(centsToString(b)).toString()).toBe(new D(centsToString(exact)).toString());
  // the global constructor is untouched by the library
  expect(Decimal.precision).toBe(20);
});

test.prop([fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n })])('kopeck rounding agrees with an integer reference (half away from zero)', (milli) => {
  // milli-kopecks / 10 → round half away from zero on the last digit
  const neg = milli < 0n;
  const a = neg ? -milli : milli;
  const q = a / 10n;
  const r = a % 10n;
  const roundedAbs = r >= 5n ? q + 1n : q;
  const expected = neg ? -roundedAbs : roundedAbs;
  const value = new D(milli.toString()).div(1000);
  expect(kopecks(value).eq(new D(expected.toString()).div(100))).toBe(true);
});

test('the reason for the private context: at decimal.js\'s default 20 digits a kopeck on 10^18 rubles is lost', () => {
  // 1 000 000 000 000 000 000.01 has 21 significant digits
  expect(new Decimal('1000000000000000000').plus('0.01').toString()).toBe('1000000000000000000');
  expect(new D('1000000000000000000').plus('0.01').toString()).toBe('1000000000000000000.01');
});
