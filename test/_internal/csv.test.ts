import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSafeCell } from '../../src/shared';
import { failure } from '../errors';

describe('excelSafeCell', () => {
  it('prefixes with an apostrophe every cell a spreadsheet would evaluate (OWASP)', () => {
    expect(['=1+1', '+7 900', '-2+3', '@SUM(1+1)', '\t=x', '\r=x'].map(excelSafeCell)).toEqual([
      "'=1+1", "'+7 900", "'-2+3", "'@SUM(1+1)", "'\t=x", "'\r=x",
    ]);
  });

  it('leaves every other text as it is', () => {
    expect(['ЭК-0001', '3.2.1', '', ' =1', "'=1", '1000,50', 'a=b'].map(excelSafeCell)).toEqual(['ЭК-0001', '3.2.1', '', ' =1', "'=1", '1000,50', 'a=b']);
  });

  it('never yields a formula, and changes a text only by one leading apostrophe', () => {
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', "'", ' '), fc.string()), ([head, tail]) => {
        const text = head + tail;
        const safe = excelSafeCell(text);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(safe === text || safe === `'${text}`).toBe(true);
      }),
    );
  });
});

describe('excelSafeCell on a value that is not text', () => {
  it('throws INVALID_INPUT, never a foreign error or a number handed back', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 5, null, undefined, { toString: false }]) {
      expect(failure(() => excelSafeCell(bad as never)).code).toBe('INVALID_INPUT');
    }
    expect(failure(() => excelSafeCell(5 as never)).issues).toMatchObject([{ path: [], message: "expected the cell's text (a string), got 5" }]);
  });
});
