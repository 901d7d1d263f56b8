import { describe, expect, it } from 'vitest';
import { legacyReserve, placementLimit, plannedReserve, plannedReserveHorizon } from '../../src/reserve';
import { failure } from '../errors';

const base = { required: '100', programFinancing: '1000', plannedIncome: '1000', plannedBaseProgramCost: '900' };

describe('plannedReserve input rules', () => {
  it('minShare above maxShare', () => {
    const e = failure(() => plannedReserve({ ...base, minShare: '0.2', maxShare: '0.1' }));
    expect(e.issues).toEqual([{ path: ['minShare'], message: 'minShare must not exceed maxShare' }]);
  });

  it('shares outside [0, 1] and negative amounts', () => {
    const e = failure(() => plannedReserve({ ...base, maxShare: '1.5', required: '-1' }));
    expect(e.issues.map((i) => i.path)).toEqual([['required'], ['maxShare']]);
  });

  it('zero financing gives a zero share rather than a division by zero', () => {
    const r = plannedReserve({ ...base, programFinancing: '0' });
    expect([r.planned.toString(), r.share.toString(), r.status]).toEqual(['0', '0', 'cut-to-cap']);
  });

  it('income equal to the base programme cost still forms the reserve (п. 9 needs "exceed")', () => {
    expect(plannedReserve({ ...base, plannedBaseProgramCost: '1000' }).status).toBe('within');
  });
});

describe('plannedReserveHorizon input rules', () => {
  it('needs exactly three columns', () => {
    expect(failure(() => plannedReserveHorizon([base, base])).issues[0]?.message).toContain('three columns');
  });

  it('years must be consecutive, in all columns or none', () => {
    expect(failure(() => plannedReserveHorizon([{ ...base, year: 2027 }, { ...base, year: 2029 }, { ...base, year: 2030 }])).issues).toEqual([
      { path: [1, 'year'], message: 'years must be consecutive: 2027 is followed by 2029' },
    ]);
    expect(failure(() => plannedReserveHorizon([{ ...base, year: 2027 }, base, base])).issues[0]?.path).toEqual([1, 'year']);
  });

  it('numbers the columns 0, 1, 2 without years', () => {
    expect(plannedReserveHorizon([base, base, base]).rows.map((r) => r.year)).toEqual([0, 1, 2]);
  });
});

describe('legacyReserve and placementLimit input rules', () => {
  it('legacyReserve needs both amounts', () => {
    expect(failure(() => legacyReserve({ previousMonthExpenditure: '1' } as never)).issues[0]?.path).toEqual(['currentBalance']);
  });

  it('placementLimit share is capped at the regulation’s 50 %', () => {
    expect(failure(() => placementLimit({ balance: '1', share: '0.6' })).issues).toEqual([{ path: ['share'], message: 'must be at most 0.5, got 0.6' }]);
  });
});
