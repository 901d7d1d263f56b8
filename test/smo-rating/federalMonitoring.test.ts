import { describe, expect, it } from 'vitest';
import { federalMonitoring } from '../../src/smo-rating';
import { failure as fail } from '../errors';

describe('federalMonitoring — the mean over the regions (пункт 19)', () => {
  it('without the 1.1 when one region found violations', () => {
    // (80 + 90.1 + 70.25) / 3 = 240.35 / 3 = 80.11666… → 80.1167 → 80.1
    const f = federalMonitoring({ regions: [
      { region: 'A', scoreExact: '80', noViolations: true },
      { region: 'B', scoreExact: '90.1', noViolations: false },
      { region: 'C', scoreExact: '70.25', noViolations: true },
    ] });
    expect(f.mean.toString()).toBe('80.1167');
    expect(f.resultExact.toString()).toBe('80.1167');
    expect(f.result.toString()).toBe('80.1');
    expect(f.bonusApplied).toBe(false);
    expect(f.carriedRegions).toEqual([]);
  });

  it('every region counts, a zero one too', () => {
    // (0 + 90) / 2 = 45 (пункт 9 is the fund's rule for indicators, not for regions)
    const f = federalMonitoring({ regions: [
      { region: 'A', scoreExact: 0, noViolations: false },
      { region: 'B', scoreExact: 90, noViolations: false },
    ] });
    expect(f.resultExact.toString()).toBe('45');
  });

  it('the mean is rounded half up to 4 places before the 1.1', () => {
    // (1.0001 + 1.0002) / 2 = 1.00015 → 1.0002; × 1.1 = 1.10022 → 1.1002
    const f = federalMonitoring({ regions: [
      { region: 'A', scoreExact: '1.0001', noViolations: true },
      { region: 'B', scoreExact: '1.0002', noViolations: true },
    ] });
    expect(f.mean.toString()).toBe('1.0002');
    expect(f.resultExact.toString()).toBe('1.1002');
    expect(f.trace.find((s) => s.symbol === 'Результат')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункт 20');
  });
});

describe('federalMonitoring — пункты 18, 20, 1(1)', () => {
  it('× 1.1 when every region reported no violations, literally (пункт 20)', () => {
    // 95 × 1.1 = 104.5: the result may exceed 100
    const f = federalMonitoring({ regions: [{ region: '77', scoreExact: '95', noViolations: true }] });
    expect(f.bonusApplied).toBe(true);
    expect(f.resultExact.toString()).toBe('104.5');
  });

  it('a region carried from the previous period is flagged in the result and the trace', () => {
    const f = federalMonitoring({ regions: [
      { region: '77', scoreExact: '95', noViolations: true, fromPreviousPeriod: false },
      { region: '50', scoreExact: '85', noViolations: true, fromPreviousPeriod: true },
    ] });
    expect(f.carriedRegions).toEqual(['50']);
    const step = f.trace.find((s) => s.symbol === 'Оценка [50]');
    expect(step?.formula).toContain('показатель предыдущего отчетного периода');
    expect(step?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункты 16, 18');
    // it still counts: (95 + 85) / 2 × 1.1 = 99
    expect(f.resultExact.toString()).toBe('99');
  });

  it('no 1.1 when the territorial fund is the insurer', () => {
    const f = federalMonitoring({ regions: [{ region: '77', scoreExact: '95', noViolations: true }], insurer: 'territorial-fund' });
    expect(f.bonusApplied).toBe(false);
    expect(f.resultExact.toString()).toBe('95');
    expect(f.trace.find((s) => s.symbol === 'Результат')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункты 1(1), 20');
  });

  it('negative regional scores are allowed (indicators 6 and 8 are not clamped)', () => {
    const f = federalMonitoring({ regions: [{ region: 'A', scoreExact: '-12.5', noViolations: false }] });
    expect(f.result.toString()).toBe('-12.5');
  });
});

describe('federalMonitoring — bad input', () => {
  it('no regions', () => {
    expect(fail(() => federalMonitoring({ regions: [] })).issues).toMatchObject([{ path: ['regions'], message: 'at least one region is needed' }]);
  });

  it('a region twice, an empty name, more than 4 places, a missing flag', () => {
    const e = fail(() =>
      federalMonitoring({ regions: [
        { region: 'A', scoreExact: '1', noViolations: true },
        { region: 'A', scoreExact: '2', noViolations: true },
      ] }),
    );
    expect(e.issues).toMatchObject([{ path: ['regions', 1, 'region'], message: 'region "A" is given twice (also at index 0)' }]);
    const f = fail(() =>
      federalMonitoring({ regions: [{ region: '', scoreExact: '1.00001', noViolations: 'yes' as never }] }),
    );
    expect(f.issues.map((i) => i.path)).toEqual([
      ['regions', 0, 'region'],
      ['regions', 0, 'scoreExact'],
      ['regions', 0, 'noViolations'],
    ]);
    expect(f.issues[1]?.message).toBe('must have at most 4 decimal places, got 1.00001');
  });
});
