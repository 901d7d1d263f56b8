import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { isOmsCalcError, replenishmentSchedule } from '../../src/replenishment';
import { centsToString, kopecks, toKopecks } from './helpers';

/** A schedule input in kopecks: the balance below, at or above the plan; a period inside the year. */
const scheduleInput = fc
  .tuple(kopecks, kopecks, fc.integer({ min: 1, max: 12 }))
  .chain(([planned, other, startMonth]) =>
    fc.record({
      planned: fc.constant(planned),
      openingBalance: fc.oneof(fc.constant(other), fc.bigInt({ min: 0n, max: planned }), fc.constant(planned)),
      startMonth: fc.constant(startMonth),
      months: fc.option(fc.integer({ min: 1, max: 13 - startMonth }), { nil: undefined }),
    }),
  );

const call = (x: { planned: bigint; openingBalance: bigint; startMonth: number; months: number | undefined }) =>
  replenishmentSchedule({
    planned: centsToString(x.planned),
    openingBalance: centsToString(x.openingBalance),
    startMonth: x.startMonth,
    ...(x.months === undefined ? {} : { months: x.months }),
  });

test.prop([scheduleInput])('the installments add up exactly to НСЗпл − НСЗнпф (or to 0 with a surplus)', (x) => {
  const s = call(x);
  const amounts = s.installments.map((i) => toKopecks(i.amount)); // also: every amount is whole kopecks
  const difference = x.planned - x.openingBalance;
  const sum = amounts.reduce((a, b) => a + b, 0n);
  expect(sum).toBe(difference > 0n ? difference : 0n);
  expect(toKopecks(s.total)).toBe(sum);
  expect(toKopecks(s.surplus)).toBe(difference < 0n ? -difference : 0n);
  // never both something to transfer and a surplus
  expect(s.total.isZero() || s.surplus.isZero()).toBe(true);
});

test.prop([scheduleInput])('each installment but the last is within one kopeck of the exact quotient; none is negative', (x) => {
  const s = call(x);
  const p = BigInt(s.months);
  const difference = x.planned > x.openingBalance ? x.planned - x.openingBalance : 0n;
  const amounts = s.installments.map((i) => toKopecks(i.amount));
  for (const a of amounts.slice(0, -1)) {
    // |a − difference / П| ≤ 1 kopeck  ⇔  |a·П − difference| ≤ П
    const gap = a * p - difference;
    expect(gap <= p && gap >= -p).toBe(true);
  }
  for (const a of amounts) expect(a >= 0n).toBe(true);
});

test.prop([scheduleInput])('a level schedule: the first П − 1 installments are equal', (x) => {
  const amounts = call(x).installments.map((i) => i.amount.toString());
  expect(new Set(amounts.slice(0, -1)).size).toBeLessThanOrEqual(1);
});

test.prop([scheduleInput])('one installment a month, numbered 1…П, from startMonth, never past December', (x) => {
  const s = call(x);
  const months = x.months ?? 13 - x.startMonth;
  expect(s.months).toBe(months);
  expect(s.startMonth).toBe(x.startMonth);
  expect(s.installments.map((i) => i.index)).toEqual(Array.from({ length: months }, (_, i) => i + 1));
  expect(s.installments.map((i) => i.month)).toEqual(Array.from({ length: months }, (_, i) => x.startMonth + i));
  expect(s.installments.at(-1)?.month).toBe(x.startMonth + months - 1);
  expect(x.startMonth + months - 1).toBeLessThanOrEqual(12);
});

test.prop([kopecks, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })])(
  'a period that would run past December is refused, one that fits is not',
  (planned, startMonth, months) => {
    let code: string | undefined;
    try {
      replenishmentSchedule({ planned: centsToString(planned), openingBalance: '0', startMonth, months });
    } catch (e) {
      if (!isOmsCalcError(e)) throw e;
      code = e.code;
      expect(e.issues.map((i) => i.path)).toEqual([['months']]);
    }
    expect(code).toBe(startMonth + months - 1 > 12 ? 'INVALID_INPUT' : undefined);
  },
);

test.prop([fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 13 }), fc.double({ noInteger: true }))])('П outside 1…12 is refused', (months) => {
  try {
    replenishmentSchedule({ planned: '1', openingBalance: '0', months });
    expect.unreachable();
  } catch (e) {
    expect(isOmsCalcError(e) && e.code === 'INVALID_INPUT' && e.issues[0]?.path[0] === 'months').toBe(true);
  }
});
