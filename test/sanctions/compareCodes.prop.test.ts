import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodes } from '../../src/sanctions';

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);
/** Codes as files have them: numbers with leading zeros, words that Number() would read ('Infinity', '1e3', ' 1'). */
const segment = fc.oneof(
  fc.stringMatching(/^0{0,2}[0-9]{1,3}$/),
  fc.constantFrom('Infinity', '-1', '1e3', ' 1', '0x10', '', 'a', 'б'),
);
const code = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));

describe('compareCodes', () => {
  it('orders the codes of the list by their numbers, part by part', () => {
    expect(['2.1', '1.10.1', '1.2', '1.2.1', '3.14.3', '1.10'].sort(compareCodes)).toEqual(['1.2', '1.2.1', '1.10', '1.10.1', '2.1', '3.14.3']);
  });

  it('puts a part that is not a number after the numbers, and never gives NaN or Infinity', () => {
    // Number('Infinity') − Number('1') was −Infinity, and Number('1e3') read as 1000: text parts are text
    expect(compareCodes('1.10.1', 'Infinity')).toBe(-1);
    expect(compareCodes('Infinity', '1.10.1')).toBe(1);
    expect(compareCodes('1.1e3', '1.999')).toBe(1);
    expect(compareCodes('1.01', '1.1')).not.toBe(0);
  });

  it('is a total order: 0 only for equal codes, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(code, code, code, (a, b, c) => {
        const ab = compareCodes(a, b);
        expect(Number.isFinite(ab)).toBe(true);
        expect(ab === 0).toBe(a === b);
        expect(sign(compareCodes(b, a)) + sign(ab)).toBe(0);
        if (ab <= 0 && compareCodes(b, c) <= 0) expect(compareCodes(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
