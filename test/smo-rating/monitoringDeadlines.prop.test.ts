import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { monitoringDeadlines } from '../../src/smo-rating';

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number): number => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;

/** Walks the calendar day by day — a reference independent of Date. */
function addDays(y: number, m: number, d: number, n: number): string {
  for (let i = 0; i < n; i++) {
    d += 1;
    if (d > monthDays(y, m)) {
      d = 1;
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

test.prop([fc.integer({ min: 2026, max: 9998 }), fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const)])(
  'each deadline is the N-th calendar day after the period, N = 20/30/45 or 40/50/60 for the year',
  (year, quarter) => {
    const r = monitoringDeadlines({ year, quarter });
    const m = quarter * 3;
    const last = monthDays(year, m);
    expect(r.periodEnd).toBe(addDays(year, m, last, 0));
    const days = quarter === 4 ? [40, 50, 60] : [20, 30, 45];
    expect([r.smoReport.day, r.fundReport.day, r.ratingPublication.day]).toEqual(days);
    expect([r.smoReport.date, r.fundReport.date, r.ratingPublication.date]).toEqual(days.map((n) => addDays(year, m, last, n)));
    // ISO dates compare as strings: the chain of пункты 4 → 16 → 23 is in order
    expect(r.periodEnd < r.smoReport.date && r.smoReport.date < r.fundReport.date && r.fundReport.date < r.ratingPublication.date).toBe(true);
  },
);
