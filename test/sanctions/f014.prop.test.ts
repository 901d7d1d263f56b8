import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type X } from '../../src/_internal';
import { caseSanction, defineF014, findF014, findViolation, type F014EntryInput } from '../../src/sanctions';
import { centsToString } from '../arbitraries';
import { failure } from '../errors';
import { cents, KNO_CODES } from './arbitraries';

const DAY = 86_400_000;
const iso = (day: number): string => new Date(Date.UTC(2000, 0, 1) + day * DAY).toISOString().slice(0, 10);

/**
 * A copy of F014: a few Kods, each with 1–4 periods cut from sorted day numbers, with gaps
 * between some of them; the last period is open-ended or not.
 */
const copy = fc
  .uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 })
  .chain((kods) =>
    fc.tuple(
      ...kods.map((kod) =>
        fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: 12_000 }), { minLength: 2, maxLength: 8 }), fc.boolean(), fc.boolean()).map(([cuts, open, gaps]) => {
          const days = [...cuts].sort((a, b) => a - b);
          const rows: { kod: number; beg: number; end: number | undefined }[] = [];
          for (let i = 0; i + 1 < days.length; i += gaps ? 2 : 1) {
            const beg = (days[i] as number) + (gaps || i === 0 ? 0 : 1);
            const end = days[i + 1] as number;
            if (beg <= end) rows.push({ kod, beg, end });
          }
          const last = rows[rows.length - 1];
          if (open && last !== undefined) last.end = undefined;
          return rows;
        }),
      ),
    ),
  )
  .map((groups) => groups.flat());

describe('findF014 — laws', () => {
  it('finds, for every Kod, exactly the one row valid on a date inside its period, and none outside every period', () => {
    fc.assert(
      fc.property(copy, fc.integer({ min: -10, max: 12_010 }), (rows, probe) => {
        if (rows.length === 0) return;
        const entries: F014EntryInput[] = rows.map((r, i) => ({
          kod: r.kod,
          osn: `3.${(i % 13) + 1}`,
          dateBeg: iso(r.beg),
          ...(r.end === undefined ? {} : { dateEnd: iso(r.end) }),
          kno: '0.5',
          ksht: String(i),
        }));
        const f014 = defineF014({ id: 'gen', entries });
        rows.forEach((r, i) => {
          for (const day of [r.beg, r.end ?? r.beg + 5000, Math.floor((r.beg + (r.end ?? r.beg + 10)) / 2)]) {
            expect(findF014(r.kod, iso(day), f014).ksht?.toString() ?? '0').toBe(String(i));
          }
        });
        for (const kod of new Set(rows.map((r) => r.kod))) {
          const valid = rows.filter((r) => r.kod === kod && r.beg <= probe && (r.end === undefined || probe <= r.end));
          expect(valid.length).toBeLessThanOrEqual(1);
          if (valid.length === 1) expect(findF014(kod, iso(probe), f014).dateBeg).toBe(iso((valid[0] as (typeof rows)[number]).beg));
          else expect(failure(() => findF014(kod, iso(probe), f014)).code).toBe('UNKNOWN_CODE');
        }
      }),
    );
  });
});

describe("recomputation 'difference-plus-kno' — laws", () => {
  it('the non-payment lies between РТ1 − РТ2 and РТ1, and equals (РТ1 − РТ2) + РТ2 × Кно rounded when РТ2 ≤ РТ1', () => {
    const noFine = KNO_CODES.filter((c) => findViolation(c).ksht === null);
    fc.assert(
      fc.property(cents(), cents(), fc.constantFrom(...noFine), (t1, t2, code) => {
        const [T1, T2] = [new D(centsToString(t1)), new D(centsToString(t2))];
        const n = caseSanction({ tariff: centsToString(t1), violations: [{ code, recomputedTariff: centsToString(t2) }] }, { recomputation: 'difference-plus-kno' }).nonPayment;
        const over = D.max(0, T1.minus(T2));
        expect(n.gte(over)).toBe(true);
        expect(n.lte(T1)).toBe(true);
        if (t2 <= t1) expect(n.eq(over.plus(T2.times(findViolation(code).kno as X).toDecimalPlaces(2, D.ROUND_HALF_UP)))).toBe(true);
        // and never less than the plain difference
        const d = caseSanction({ tariff: centsToString(t1), violations: [{ code, recomputedTariff: centsToString(t2) }] }, { recomputation: 'difference' }).nonPayment;
        expect(d.eq(over)).toBe(true);
        expect(n.gte(d)).toBe(true);
      }),
    );
  });
});
