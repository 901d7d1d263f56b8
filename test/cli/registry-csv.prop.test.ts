import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type X } from '../../src/_internal';
import { findingLine } from '../../src/cli/registry';
import type { Finding } from '../../src/registry';

/** Text as a medical organisation's file may have it: formula-like first characters, separators, quotes, Cyrillic. */
const cell = fc.tuple(
  fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', ' ', "'"),
  fc.string({ unit: fc.constantFrom('a', 'Б', '1', ';', '"', '\n', '=', '(', ')', ' '), maxLength: 12 }),
).map(([head, tail]) => head + tail);

const finding: fc.Arbitrary<Finding> = fc.record({
  rule: fc.constant('SANK_SUM_MISMATCH' as const),
  nZap: cell,
  idcase: cell,
  sCode: cell,
  point: cell,
  element: cell,
  expected: fc.bigInt({ min: 0n, max: 10n ** 14n }).map((k) => new D(k.toString()).div(100)),
  actual: fc.bigInt({ min: 0n, max: 10n ** 14n }).map((k) => new D(k.toString()).div(100)),
  line: fc.nat(),
  message: cell,
});

describe('the findings CSV of oms-calc registry', () => {
  it('never writes a cell that a spreadsheet would evaluate, and reads back to the text with at most a leading apostrophe', () => {
    fc.assert(
      fc.property(finding, (f) => {
        const [record] = parse(findingLine(f), { delimiter: ';' }) as string[][];
        expect(record).toHaveLength(10);
        const cells = record as string[];
        for (const c of cells) expect(/^[=+\-@\t\r]/.test(c)).toBe(false);
        const texts = [f.nZap, f.idcase, f.sCode, f.point, f.element, f.message] as string[];
        [2, 3, 4, 5, 6, 9].forEach((column, i) => {
          const written = cells[column] as string;
          const given = texts[i] as string;
          expect(written === given || written === `'${given}`).toBe(true);
        });
        expect(cells[7]).toBe((f.expected as X).toFixed(2).replace('.', ','));
      }),
    );
  });
});
