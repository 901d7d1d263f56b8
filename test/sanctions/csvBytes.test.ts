import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { putKopecks, putUint, putWords, putWords3 } from '../../src/sanctions/csvBytes';

const text = (write: (b: Uint8Array) => number): string => {
  const b = new Uint8Array(32).fill(0x3f);
  const end = write(b);
  expect(b[end]).toBe(0x3f); // nothing written past the position returned
  return new TextDecoder().decode(b.subarray(0, end));
};

/** Safe integers, dense around the digit counts and the int32 boundary the writers branch on. */
const safe = fc.oneof(
  fc.maxSafeNat(),
  fc.integer({ min: 0, max: 2 ** 31 + 1000 }),
  fc.integer({ min: 2 ** 31 - 1000, max: 2 ** 31 + 1000 }),
  fc.integer({ min: 0, max: 16 }).map((p) => 10 ** p + (p % 3) - 1),
  fc.integer({ min: 0, max: 9_999 }).map((d) => Number.MAX_SAFE_INTEGER - d),
);

describe('digits and kopecks as bytes', () => {
  it('putUint writes the decimal digits of any safe integer', () => {
    expect([0, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, 1e9, 1e9 + 7, 1_000_000_000_000, Number.MAX_SAFE_INTEGER].map((n) => text((b) => putUint(b, 0, n)))).toEqual([
      '0', '9', '10', '99', '100', '2147483647', '2147483648', '1000000000', '1000000007', '1000000000000', '9007199254740991',
    ]);
    fc.assert(fc.property(safe, (n) => {
      expect(text((b) => putUint(b, 0, n))).toBe(BigInt(n).toString());
    }), { numRuns: 2000 });
    // the number of digits is taken from the number of bits: each side of every power of ten and of two
    const edges = [...Array.from({ length: 16 }, (_, k) => [10 ** k - 1, 10 ** k]), ...Array.from({ length: 53 }, (_, k) => [2 ** k - 1, 2 ** k])].flat();
    for (const n of edges) expect(text((b) => putUint(b, 0, n))).toBe(String(n));
  });

  it('putKopecks writes rubles, the mark and two decimals, exactly (the reference: BigInt division)', () => {
    expect([0, 5, 50, 100, 12_345, 2 ** 31 + 5, Number.MAX_SAFE_INTEGER].map((k) => text((b) => putKopecks(b, 0, k, 44)))).toEqual([
      '0,00', '0,05', '0,50', '1,00', '123,45', '21474836,53', '90071992547409,91',
    ]);
    fc.assert(
      fc.property(safe, fc.constantFrom(44, 46), fc.integer({ min: 0, max: 8 }), (k, mark, at) => {
        const b = new Uint8Array(32);
        const end = putKopecks(b, at, k, mark);
        const big = BigInt(k);
        const expected = `${big / 100n}${String.fromCharCode(mark)}${String(big % 100n).padStart(2, '0')}`;
        expect(new TextDecoder().decode(b.subarray(at, end))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('putWords and putWords3 write 8 and 12 bytes of little-endian words and move on by the length given', () => {
    const b = new Uint8Array(16).fill(0x3f);
    const view = new DataView(b.buffer);
    expect(putWords3(view, 1, 0x34333231, 0x38373635, 0x00003039, 10)).toBe(11);
    expect(new TextDecoder().decode(b.subarray(1, 11))).toBe('1234567890');
    expect([b[0], b[11], b[12], b[13]]).toEqual([0x3f, 0, 0, 0x3f]); // the word's zeros past the length, nothing beyond
    b.fill(0x3f);
    expect(putWords(view, 0, 0x64636261, 0x00006665, 6)).toBe(6);
    expect(new TextDecoder().decode(b.subarray(0, 6))).toBe('abcdef');
    expect([b[6], b[7], b[8]]).toEqual([0, 0, 0x3f]);
  });
});
