import { describe, expect, it } from 'vitest';
import { legacyReserve, placementLimit, plannedReserve, plannedReserveHorizon } from '../../src/reserve';
import { failure } from '../errors';

const base = { required: '100', programFinancing: '1000', plannedIncome: '1000', plannedBaseProgramCost: '900' };

describe('plannedReserve input rules', () => {
  it('minShare above maxShare', () => {
    const e = failure(() => plannedReserve({ ...base, minShare: '0.2', maxShare: '0.1' }));
    expect(e.issues).toMatchObject([{ path: ['minShare'], message: 'minShare must not exceed maxShare' }]);
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
    expect(failure(() => plannedReserveHorizon([{ ...base, year: 2027 }, { ...base, year: 2029 }, { ...base, year: 2030 }])).issues).toMatchObject([
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
    expect(failure(() => placementLimit({ balance: '1', share: '0.6' })).issues).toMatchObject([{ path: ['share'], message: 'must be at most 0.5, got 0.6' }]);
  });
});

describe('plannedReserve: the programme’s financing and the statutory cap', () => {
  const year = { required: '100', plannedIncome: '1200', plannedBaseProgramCost: '900' };

  it('needs the total or the two target articles', () => {
    expect(failure(() => plannedReserve(year)).issues).toMatchObject([
      { path: ['programFinancing'], message: 'give programFinancing or targetArticles (505 17 01 and 505 17 02)' },
    ]);
  });

  it('a total that disagrees with the articles is refused, with both figures', () => {
    const e = failure(() => plannedReserve({ ...year, programFinancing: '1000', targetArticles: { nonWorkingPopulation: '300', baseProgram: '699.99' } }));
    expect(e.issues).toMatchObject([{ path: ['programFinancing'], message: 'programFinancing 1000 does not equal 505 17 01 + 505 17 02 = 300 + 699.99 = 999.99' }]);
  });

  it('bad articles and a bad option are one issue each, with their paths', () => {
    const e = failure(() => plannedReserve({ ...year, targetArticles: { nonWorkingPopulation: '-1' } as never, applyStatutoryCap: 'yes' as never }));
    expect(e.issues.map((i) => i.path)).toEqual([['targetArticles', 'nonWorkingPopulation'], ['targetArticles', 'baseProgram'], ['applyStatutoryCap']]);
  });

  it('a column of the horizon without financing is reported at its index', () => {
    expect(failure(() => plannedReserveHorizon([{ ...year, programFinancing: '1000' }, year, { ...year, programFinancing: '1000' }])).issues).toMatchObject([
      { path: [1, 'programFinancing'], message: 'give programFinancing or targetArticles (505 17 01 and 505 17 02)' },
    ]);
  });

  it('not formed: nothing to flag', () => {
    // 1 200 / 12 = 100; the plan is 0 because the base programme costs more than the income
    const r = plannedReserve({ required: '500', programFinancing: '1000', plannedIncome: '1200', plannedBaseProgramCost: '1300', applyStatutoryCap: true });
    expect([r.planned.toString(), r.statutoryCap.toString(), r.aboveStatutoryCap, r.statutoryCapApplied]).toEqual(['0', '100', false, false]);
  });
});

describe('placementLimit: consent', () => {
  it('consent must be a boolean', () => {
    expect(failure(() => placementLimit({ balance: '1', consent: 'no' as never })).issues.map((i) => i.path)).toEqual([['consent']]);
  });
});
