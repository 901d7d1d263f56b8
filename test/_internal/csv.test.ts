import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSafeCell } from '../../src/shared';

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
