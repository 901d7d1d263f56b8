import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatRubles, isOmsCalcError, MONTH_NAMES } from '../../src/shared';
import { formatFormRows } from '../../src/subvention';

const NNBSP = '\u202f'; // NARROW NO-BREAK SPACE
const MINUS = '\u2212'; // MINUS SIGN

describe('formatRubles — golden cases', () => {
  it('zero, and what rounds to zero, has no sign', () => {
    expect(formatRubles(0)).toBe('0,00');
    expect(formatRubles('-0')).toBe('0,00');
    // −0.004 → half up to kopecks: |−0.004| < 0.005 → 0.00, never "−0,00"
    expect(formatRubles('-0.004')).toBe('0,00');
    expect(formatRubles('-0.004', { sign: 'hyphen', grouping: false })).toBe('0,00');
    expect(formatRubles(new Decimal('-0.0049999'))).toBe('0,00');
  });

  it('groups by three with U+202F and writes a decimal comma', () => {
    // 1 234 567.891 → kopecks: .891 → .89 (the third place 1 < 5); groups 1 | 234 | 567
    expect(formatRubles('1234567.891')).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(formatRubles('999.995')).toBe(`1${NNBSP}000,00`); // .995 → half up → 1 000.00
    expect(formatRubles('100000')).toBe(`100${NNBSP}000,00`); // six digits: two groups, no leading separator
    expect(formatRubles('12.5')).toBe('12,50');
  });

  it('a negative amount takes U+2212, rounded half away from zero', () => {
    // −1 500.005 → half up (away from zero) → −1 500.01
    expect(formatRubles('-1500.005')).toBe(`${MINUS}1${NNBSP}500,01`);
    expect(formatRubles(-0.005)).toBe(`${MINUS}0,01`);
  });

  it('the hyphen, no grouping and a point, for machines (CSV number cells)', () => {
    expect(formatRubles('-1234567.5', { sign: 'hyphen' })).toBe(`-1${NNBSP}234${NNBSP}567,50`);
    expect(formatRubles('-1234567.5', { grouping: false, sign: 'hyphen' })).toBe('-1234567,50');
    expect(formatRubles('1234567.5', { grouping: false })).toBe('1234567,50');
    expect(formatRubles('-1234567.5', { decimalComma: false, grouping: false, sign: 'hyphen' })).toBe('-1234567.50');
    expect(formatRubles('1234567.5', { decimalComma: false })).toBe(`1${NNBSP}234${NNBSP}567.50`);
  });

  it('other places for other figures, in the same format', () => {
    // 0.98765 to 4 places: the fifth digit 5 → half up → 0.9877
    expect(formatRubles('0.98765', { places: 4 })).toBe('0,9877');
    expect(formatRubles('1234.5', { places: 0 })).toBe(`1${NNBSP}235`); // .5 → half up
    expect(formatRubles('-12.34', { places: 1 })).toBe(`${MINUS}12,3`);
  });

  it('takes every DecimalInput, and never an exponent in the text', () => {
    // 10²¹ = 1 and seven groups of 000
    expect(formatRubles(new Decimal('1e21'))).toBe(`${['1', '000', '000', '000', '000', '000', '000', '000'].join(NNBSP)},00`);
    expect(formatRubles({ toString: () => '42.1' })).toBe('42,10');
    expect(formatRubles(1234.5)).toBe(`1${NNBSP}234,50`);
  });

  it('bad input is an OmsCalcError with one issue per problem', () => {
    let caught: unknown;
    try {
      formatRubles('1 234,50', { sign: 'dash' as never, places: 1.5 });
    } catch (e) {
      caught = e;
    }
    expect(isOmsCalcError(caught)).toBe(true);
    if (!isOmsCalcError(caught)) return;
    expect(caught.code).toBe('INVALID_INPUT');
    expect(caught.issues.map((i) => i.path)).toEqual([['value'], ['options', 'sign'], ['options', 'places']]);
    expect(caught.message).toMatch(/^formatRubles: invalid input: value: expected a plain decimal string/);
  });
});

describe('the CSV rule: number cells keep no grouping and an ASCII hyphen', () => {
  it('formatFormRows writes −1 234 567,5 as -1234567,50', () => {
    const csv = formatFormRows([{ line: '7', name: 'Остаток', amount: '-1234567.5' }], 'csv');
    expect(csv).toBe('№ строки;Наименование показателей;Сумма, руб.\r\n7;Остаток;-1234567,50\r\n');
  });
});

describe('MONTH_NAMES', () => {
  it('twelve nominative names, January first', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect([MONTH_NAMES[0], MONTH_NAMES[3], MONTH_NAMES[11]]).toEqual(['январь', 'апрель', 'декабрь']);
  });
});
