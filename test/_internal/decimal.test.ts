import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { coerce, D, kopecks, roundTo } from '../../src/_internal/decimal';
import { fixed } from '../../src/_internal/format';

describe('coerce', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['-0.5', '-0.5'],
    ['.5', '0.5'],
    ['10.', '10'],
    [0.1, '0.1'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    ['1'.repeat(100), '1'.repeat(100)],
    [new Decimal('1e-30'), '0.000000000000000000000000000001'],
    [{ toString: () => '42.10' }, '42.1'],
  ])('accepts %j', (input, expected) => {
    const v = coerce(input);
    expect(typeof v).not.toBe('string');
    expect((v as Decimal).toString()).toBe(expected);
  });

  it.each([
    ['1e3', 'plain decimal string'],
    [' 1', 'plain decimal string'],
    ['1 000', 'plain decimal string'],
    ['1,5', 'plain decimal string'],
    ['', 'plain decimal string'],
    ['NaN', 'plain decimal string'],
    [Number.NaN, 'finite number, got NaN'],
    [Number.POSITIVE_INFINITY, 'finite number, got Infinity'],
    [null, 'got null'],
    [undefined, 'got undefined'],
    [true, 'got true'],
    [[1], 'got an array'],
    [{}, 'got an object'],
    [{ toString: () => 'abc' }, 'got "abc"'],
    [10n, 'got 10'],
    // a JavaScript number above 2⁵³ may already have lost digits (12345678901234567.891 arrives as 12345678901234568)
    [12345678901234567.891, 'a number above 2^53 (12345678901234568) may have lost digits; give it as a decimal string'],
    [1e21, 'above 2^53'],
    [-(2 ** 53 + 2), 'above 2^53'],
    // a 10 000-digit string: rejected, and the message shows its first 40 characters only
    ['9'.repeat(10_000), `at most 100 characters, got "${'9'.repeat(40)}…" (10000 characters)`],
  ])('rejects %s and says why', (input, message) => {
    const v = coerce(input);
    expect(typeof v).toBe('string');
    expect(v).toContain(message);
  });

  it('uses a private context and leaves the global Decimal alone', () => {
    const before = Decimal.precision;
    expect(D.precision).toBe(40);
    expect(D.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(before);
    // 1/3 at 40 significant digits
    expect(new D(1).div(3).toString()).toBe('0.3333333333333333333333333333333333333333');
  });

  it('never prints exponents', () => {
    expect(new D('1e-20').toString()).toBe('0.00000000000000000001');
    expect(new D('1e25').toString()).toBe('10000000000000000000000000');
  });
});

describe('kopecks and fixed', () => {
  it.each([
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['1.994999', '1.99'],
    ['2.675', '2.68'],
  ])('rounds %s half away from zero to %s', (input, expected) => {
    expect(kopecks(new D(input)).toString()).toBe(expected);
  });

  it('formats with fixed places', () => {
    expect(fixed(new D('1.5'))).toBe('1.50');
    expect(fixed(new D('-0.001'))).toBe('0.00');
    expect(fixed(new D('-2.5'), 0)).toBe('-3');
    expect(fixed(new D('12.34567'), 4)).toBe('12.3457');
  });
});

describe('negative zero', () => {
  it('never reaches a result', () => {
    expect(kopecks(new D('-0.001')).toString()).toBe('0');
    expect(JSON.stringify(kopecks(new D('-0.004')))).toBe('"0"');
    expect(roundTo(new D('-0.00001'), 4).isNegative()).toBe(false);
    expect((coerce('-0') as Decimal).isNegative()).toBe(false);
    expect((coerce(-0) as Decimal).isNegative()).toBe(false);
  });
});
