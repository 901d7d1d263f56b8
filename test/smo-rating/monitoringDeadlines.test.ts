import { describe, expect, it } from 'vitest';
import { monitoringDeadlines } from '../../src/smo-rating';
import { failure as fail } from '../errors';

const dates = (year: number, quarter: 1 | 2 | 3 | 4): string[] => {
  const d = monitoringDeadlines({ year, quarter });
  return [d.periodStart, d.periodEnd, d.smoReport.date, d.fundReport.date, d.ratingPublication.date];
};

describe('monitoringDeadlines — пункты 4, 16, 23', () => {
  it('quarters 1–3: the 20th, 30th and 45th day after the period', () => {
    // 30.06 + 20 = 20.07; + 30 = 30.07; + 45 = 31 days of July + 14 → 14.08
    expect(dates(2026, 2)).toEqual(['2026-01-01', '2026-06-30', '2026-07-20', '2026-07-30', '2026-08-14']);
    // 30.09 + 45 = 31 days of October + 14 → 14.11
    expect(dates(2026, 3)).toEqual(['2026-01-01', '2026-09-30', '2026-10-20', '2026-10-30', '2026-11-14']);
  });

  it('January–December: the 40th, 50th and 60th day, into a leap February', () => {
    // 31.12.2027 + 60 = 31 days of January + 29 → 29.02.2028
    expect(dates(2027, 4)).toEqual(['2027-01-01', '2027-12-31', '2028-02-09', '2028-02-19', '2028-02-29']);
    const d = monitoringDeadlines({ year: 2027, quarter: 4 });
    expect(d.annual).toBe(true);
    expect([d.smoReport.day, d.fundReport.day, d.ratingPublication.day]).toEqual([40, 50, 60]);
  });

  it('the trace cites the points and shows the count', () => {
    const d = monitoringDeadlines({ year: 2026, quarter: 1 });
    expect(d.annual).toBe(false);
    expect(d.trace.map((s) => s.source)).toEqual([
      'Приказ ФФОМС № 140н, приложение 1, пункты 4, 16, 23',
      'Приказ ФФОМС № 140н, приложение 1, пункт 4',
      'Приказ ФФОМС № 140н, приложение 1, пункт 16',
      'Приказ ФФОМС № 140н, приложение 1, пункт 23',
    ]);
    expect(d.trace[1]?.formula).toBe(
      'СМО направляет сведения в территориальный фонд: на 20 день, следующий за отчетным периодом = 2026-03-31 + 20 календарных дней',
    );
  });

  it('years before the order came into force, fractional years, quarters outside 1–4', () => {
    expect(fail(() => monitoringDeadlines({ year: 2025, quarter: 4 })).issues).toMatchObject([
      { path: ['year'], message: 'the order is in force from 1 January 2026: year must be 2026 or later' },
    ]);
    expect(fail(() => monitoringDeadlines({ year: 2026.5, quarter: 1 })).issues[0]?.message).toBe('year must be a whole number');
    expect(fail(() => monitoringDeadlines({ year: 2026, quarter: 0 as never })).issues[0]?.path).toEqual(['quarter']);
  });
});
