import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  
  replenishmentSchedule,
  ReplenishmentScheduleInputSchema } from '../../src/replenishment';
import { failure } from '../errors';

const amounts = (s: ReturnType<typeof replenishmentSchedule>): string[] => s.installments.map((x) => x.amount.toString());

describe('replenishmentSchedule defaults', () => {
  it('runs from January to December by default', () => {
    const s = replenishmentSchedule({ planned: '1200', openingBalance: '0' });
    expect([s.startMonth, s.months]).toEqual([1, 12]);
    expect(s.installments.map((x) => [x.month, x.index])).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, i + 1]));
    expect(amounts(s)).toEqual(Array.from({ length: 12 }, () => '100'));
  });

  it('runs to December from a later start month', () => {
    const s = replenishmentSchedule({ planned: '1200', openingBalance: '0', startMonth: 9 });
    expect(s.months).toBe(4);
    expect(s.installments.map((x) => [x.month, x.index])).toEqual([[9, 1], [10, 2], [11, 3], [12, 4]]);
    expect(amounts(s)).toEqual(['300', '300', '300', '300']);
  });

  it('a one-month period transfers the whole difference, in any month', () => {
    expect(amounts(replenishmentSchedule({ planned: '10.01', openingBalance: '0.02', months: 1, startMonth: 12 }))).toEqual(['9.99']);
    expect(amounts(replenishmentSchedule({ planned: '10.01', openingBalance: '0.02', months: 1, startMonth: 1 }))).toEqual(['9.99']);
  });
});

describe('replenishmentSchedule: the balance at or above the plan', () => {
  it('equal: zero installments, no surplus', () => {
    const s = replenishmentSchedule({ planned: '500', openingBalance: '500', months: 3 });
    expect(amounts(s)).toEqual(['0', '0', '0']);
    expect([s.total.toString(), s.surplus.toString()]).toEqual(['0', '0']);
  });

  it('above: zero installments and the surplus', () => {
    const s = replenishmentSchedule({ planned: '500', openingBalance: '512.34', months: 2, startMonth: 11 });
    expect(amounts(s)).toEqual(['0', '0']);
    expect([s.total.toString(), s.surplus.toString()]).toEqual(['0', '12.34']);
    expect(s.trace.at(-1)).toMatchObject({ symbol: 'НСЗнпф − НСЗпл', value: '12.34' });
  });

  it('a zero plan with a zero balance', () => {
    const s = replenishmentSchedule({ planned: '0', openingBalance: '0', months: 2 });
    expect([...amounts(s), s.total.toString(), s.surplus.toString()]).toEqual(['0', '0', '0', '0']);
  });
});

describe('replenishmentSchedule: D3 and its edge', () => {
  it('the last installment takes the remainder, up or down', () => {
    // 1.00 / 3 = 0.333… → 0.33, 0.33, 0.34;  2.00 / 3 = 0.666… → 0.67, 0.67, 0.66
    expect(amounts(replenishmentSchedule({ planned: '1', openingBalance: '0', months: 3 }))).toEqual(['0.33', '0.33', '0.34']);
    expect(amounts(replenishmentSchedule({ planned: '2', openingBalance: '0', months: 3 }))).toEqual(['0.67', '0.67', '0.66']);
  });

  it('half a kopeck rounds up (half away from zero)', () => {
    // 0.10 / 4 = 0.025 → 0.03, 0.03, 0.03, last 0.10 − 0.09 = 0.01
    expect(amounts(replenishmentSchedule({ planned: '0.10', openingBalance: '0', months: 4 }))).toEqual(['0.03', '0.03', '0.03', '0.01']);
  });

  it('never a negative installment: the quotient is cut when rounding up would overshoot', () => {
    // 0.06 / 12 = 0.005 → half up 0.01, but 11 × 0.01 = 0.11 > 0.06 (last would be −0.05);
    // cut: 0.00 × 11, last 0.06.
    const s = replenishmentSchedule({ planned: '0.06', openingBalance: '0', months: 12 });
    expect(amounts(s)).toEqual([...Array.from({ length: 11 }, () => '0'), '0.06']);
    expect(s.trace.find((x) => x.symbol === 'НСЗ_i, i = 1…П−1')?.formula).toContain('с отбрасыванием');
  });

  it('a one-kopeck difference', () => {
    expect(amounts(replenishmentSchedule({ planned: '100.01', openingBalance: '100', months: 3 }))).toEqual(['0', '0', '0.01']);
  });
});

describe('replenishmentSchedule input rules', () => {
  const base = { planned: '1000', openingBalance: '0' };

  it('П outside 1…12', () => {
    for (const months of [0, 13, -1, 1.5]) {
      const e = failure(() => replenishmentSchedule({ ...base, months }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues).toMatchObject([{ path: ['months'], message: `months (П) must be a whole number from 1 to 12, got ${months}` }]);
    }
  });

  it('a period that runs past December', () => {
    const e = failure(() => replenishmentSchedule({ ...base, months: 6, startMonth: 8 }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([
      {
        path: ['months'],
        message: 'a formation period of 6 months starting in month 8 would end in month 13, past December; at most 5 months fit in the fiscal year',
      },
    ]);
    expect(e.message).toBe(`replenishmentSchedule: invalid input: months: ${e.issues[0]?.message ?? ''}`);
    // the last month that fits
    expect(replenishmentSchedule({ ...base, months: 5, startMonth: 8 }).installments.at(-1)?.month).toBe(12);
  });

  it('startMonth outside 1…12, as a string, or a float', () => {
    for (const startMonth of [0, 13, '3', 2.5, Number.NaN]) {
      const e = failure(() => replenishmentSchedule({ ...base, startMonth } as never));
      expect(e.issues.map((i) => i.path)).toEqual([['startMonth']]);
    }
  });

  it('money: negative, more than two places, not a decimal, missing, an unknown key — one issue each', () => {
    const e = failure(() => replenishmentSchedule({ planned: '-1', openingBalance: '0.001', extra: 1 } as never));
    expect(e.issues).toMatchObject([
      { path: ['planned'], message: 'must be at least 0, got -1' },
      { path: ['openingBalance'], message: 'must have at most 2 decimal places, got 0.001' },
      { path: [], message: 'Unrecognized key: "extra"' },
    ]);
    expect(failure(() => replenishmentSchedule({ planned: '1e3', openingBalance: '0' })).issues[0]?.path).toEqual(['planned']);
    expect(failure(() => replenishmentSchedule({ planned: '1' } as never)).issues[0]?.path).toEqual(['openingBalance']);
    // a float sum is not an amount of kopecks
    expect(failure(() => replenishmentSchedule({ planned: 0.1 + 0.2, openingBalance: 0 })).issues[0]?.message).toBe(
      'must have at most 2 decimal places, got 0.30000000000000004',
    );
    expect(failure(() => replenishmentSchedule({ planned: '1000000000000000000', openingBalance: '0' })).issues[0]?.message).toBe(
      'must be at most 999999999999999999.99, got 1000000000000000000',
    );
  });

  it('not an object', () => {
    for (const bad of [null, 'x', [], 42]) expect(failure(() => replenishmentSchedule(bad as never)).code).toBe('INVALID_INPUT');
  });

  it('accepts numbers and Decimals', () => {
    expect(amounts(replenishmentSchedule({ planned: 300, openingBalance: new Decimal('0.03'), months: 3 }))).toEqual(['99.99', '99.99', '99.99']);
  });

  it('the exported schema validates JSON before the call', () => {
    expect(ReplenishmentScheduleInputSchema.safeParse({ planned: '1', openingBalance: '0', months: 12, startMonth: 2 }).success).toBe(false);
    const ok = ReplenishmentScheduleInputSchema.safeParse({ planned: '1', openingBalance: '0', months: 11, startMonth: 2 });
    expect(ok.success && ok.data.planned.toString()).toBe('1');
  });
});

describe('replenishmentSchedule result', () => {
  it('serialises to JSON with decimal strings', () => {
    const json = JSON.parse(JSON.stringify(replenishmentSchedule({ planned: '1', openingBalance: '0', months: 3, startMonth: 10 }))) as unknown;
    expect(json).toMatchObject({
      installments: [
        { month: 10, index: 1, amount: '0.33' },
        { month: 11, index: 2, amount: '0.33' },
        { month: 12, index: 3, amount: '0.34' },
      ],
      total: '1',
      surplus: '0',
      months: 3,
      startMonth: 10,
    });
  });

  it('every trace step cites the draft Положение and its point', () => {
    const s = replenishmentSchedule({ planned: '1', openingBalance: '0', months: 3 });
    expect(s.trace.map((x) => x.symbol)).toEqual(['П', 'НСЗпл − НСЗнпф', 'НСЗ_i (точно)', 'НСЗ_i, i = 1…П−1', 'НСЗ_П', 'Σ НСЗ_i', 'НСЗнпф − НСЗпл']);
    for (const step of s.trace) expect(step.source).toMatch(/^Степанов, Головщинский \(2011\), раздел 4, проект Положения о НСЗ, п\. 10/);
    expect(s.trace[0]?.source).toContain('сноска 16');
    expect(s.trace.find((x) => x.symbol === 'НСЗ_i (точно)')?.value).toBe('0.3333333333333333333333333333333333333333');
  });
});
