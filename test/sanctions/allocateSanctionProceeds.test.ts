import { describe, expect, it } from 'vitest';
import { allocateSanctionProceeds, DEFAULT_PROCEEDS_SHARES } from '../../src/sanctions';
import { json, thrown } from './helpers';

const parts = (amount: string, shares?: Record<string, string>): Record<string, string> =>
  json(allocateSanctionProceeds(amount, shares).parts) as Record<string, string>;

describe('allocateSanctionProceeds', () => {
  it('splits 50 / 35 / 15 by default, to the kopeck, parts adding up to the amount', () => {
    expect(DEFAULT_PROCEEDS_SHARES).toEqual({ territorialFund: '0.5', reserve: '0.35', insurer: '0.15' });
    expect(parts('1000000')).toEqual({ territorialFund: '500000', reserve: '350000', insurer: '150000' });
    // 1000.01: exact 500.005 / 350.0035 / 150.0015; floors 500.00 / 350.00 / 150.00 leave 1 kopeck,
    // which goes to the largest remainder (0.5 kopeck, the territorial fund).
    expect(parts('1000.01')).toEqual({ territorialFund: '500.01', reserve: '350', insurer: '150' });
    // 0.02: exact 1 / 0.7 / 0.3 kopeck → 1 / 0 / 0, the last kopeck to the reserve (0.7).
    expect(parts('0.02')).toEqual({ territorialFund: '0.01', reserve: '0.01', insurer: '0' });
    expect(parts('0')).toEqual({ territorialFund: '0', reserve: '0', insurer: '0' });
  });

  it('takes the caller’s shares; ties go to the larger share, then to the name, whatever the key order', () => {
    expect(parts('0.01', { b: '0.5', a: '0.5' })).toEqual({ b: '0', a: '0.01' });
    expect(parts('0.01', { a: '0.5', b: '0.5' })).toEqual({ a: '0.01', b: '0' });
    // exact 0.5 / 0.5 / 1 kopeck: z gets 1; the last kopeck ties x and y (same remainder, same share): x by name.
    expect(parts('0.02', { y: '0.25', x: '0.25', z: '0.5' })).toEqual({ y: '0', x: '0.01', z: '0.01' });
    expect(parts('100', { only: '1' })).toEqual({ only: '100' });
  });

  it('traces each part', () => {
    const r = allocateSanctionProceeds('1000.01');
    expect(r.trace[0]).toEqual({
      symbol: 'Доля «territorialFund»',
      formula: '1000.01 × 0.5 = 500.005 → 500.01 (+0.01 по наибольшему остатку)',
      value: '500.01',
      source: '«Возврат средств в систему ОМС…» (Комсомольская правда, Волгоград); метод наибольшего остатка',
    });
    expect(r.trace.at(-1)).toMatchObject({ symbol: 'Σ', value: '1000.01' });
  });

  it('rejects shares that do not add up to 1, bad shares and bad amounts', () => {
    expect(thrown(() => allocateSanctionProceeds('100', { a: '0.5', b: '0.4' }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'allocateSanctionProceeds: invalid input: shares: the shares add up to 0.9, not 1',
      issues: [{ path: ['shares'], message: 'the shares add up to 0.9, not 1' }],
    });
    expect(thrown(() => allocateSanctionProceeds('100', { a: '1.5', b: '-0.5' })).issues.map((i) => i.path)).toEqual([
      ['shares', 'a'],
      ['shares', 'b'],
    ]);
    expect(thrown(() => allocateSanctionProceeds('100', {})).issues).toMatchObject([{ path: ['shares'], message: 'give at least one recipient' }]);
    expect(thrown(() => allocateSanctionProceeds('100.001')).issues).toMatchObject([{ path: ['amount'], message: 'must have at most 2 decimal places, got 100.001' }]);
    expect(thrown(() => allocateSanctionProceeds('-1')).code).toBe('INVALID_INPUT');
    expect(thrown(() => allocateSanctionProceeds('1', [] as never)).issues).toMatchObject([{ path: ['shares'], message: 'expected an object of shares by recipient' }]);
  });

  it('refuses an amount of 10¹⁸ ₽ and more: below it the parts always add up to the amount', () => {
    // 10⁴⁴ + 0.01 used to lose its kopeck in the 40-digit context
    expect(thrown(() => allocateSanctionProceeds(`1${'0'.repeat(44)}.01`)).issues[0]?.message).toBe(
      'must be at most 999999999999999999.99, got 100000000000000000000000000000000000000000000.01',
    );
    const top = allocateSanctionProceeds('999999999999999999.99');
    expect(Object.values(top.parts).reduce((a, b) => a.plus(b)).toString()).toBe('999999999999999999.99');
  });

  it('names a reserved recipient name instead of losing its share', () => {
    const shares = JSON.parse('{ "__proto__": "0.5", "fund": "0.5" }') as Record<string, string>;
    expect(thrown(() => allocateSanctionProceeds('100', shares)).issues).toMatchObject([
      { path: ['shares', '__proto__'], message: 'a recipient may not be named "__proto__" (a reserved name of JavaScript objects)' },
    ]);
    expect(thrown(() => allocateSanctionProceeds('100', { constructor: '1' })).issues[0]?.path).toEqual(['shares', 'constructor']);
  });
});
