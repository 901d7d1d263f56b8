/**
 * Laws of the one money formatter: the text reads back as the value rounded to kopecks (half up),
 * whatever the options; the options change separators and sign, never the figure.
 */
import { fc } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect, it } from 'vitest';
import { formatRubles, type FormatRublesOptions } from '../../src/shared';

/** Up to 10¹⁵ rubles with up to 6 places: half-up rounding to kopecks is exercised. */
const micro = fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }).map((m) => new Decimal(m.toString()).div(1_000_000));
const options: fc.Arbitrary<FormatRublesOptions> = fc.record(
  { grouping: fc.boolean(), decimalComma: fc.boolean(), sign: fc.constantFrom('minus' as const, 'hyphen' as const) },
  { requiredKeys: [] },
);

/** The inverse of the format: remove U+202F, U+2212 → '-', ',' → '.'. */
const parseBack = (s: string): Decimal => new Decimal(s.replace(/\u202f/g, '').replace('\u2212', '-').replace(',', '.'));

it('parsing the text back gives the value rounded to kopecks, half up', () => {
  fc.assert(
    fc.property(micro, options, (x, o) => {
      const text = formatRubles(x, o);
      // rounded independently: decimal.js's own half-up rounding of the exact value
      const expected = x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      expect(parseBack(text).eq(expected)).toBe(true);
      expect(text).toMatch(/^[-\u2212]?\d{1,3}(?:\u202f?\d{3})*[.,]\d\d$/);
      expect(text.startsWith('-') || text.startsWith('\u2212')).toBe(expected.isNegative() && !expected.isZero());
    }),
  );
});

it('the options change separators and sign only: without them the text is the same figure', () => {
  fc.assert(
    fc.property(micro, options, (x, o) => {
      const plain = formatRubles(x, { grouping: false, decimalComma: false, sign: 'hyphen' });
      expect(parseBack(formatRubles(x, o)).toFixed(2)).toBe(plain);
      if (o.grouping === false) expect(formatRubles(x, o)).not.toContain('\u202f');
      if (o.sign === 'hyphen') expect(formatRubles(x, o)).not.toContain('\u2212');
    }),
  );
});
