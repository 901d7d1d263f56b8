import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { legacyReserve, placementLimit, plannedReserve } from '../../src/reserve';
import { kopeckString } from '../arbitraries';

const share = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(10_000).toString());
const input = fc
  .record({
    required: kopeckString(),
    programFinancing: kopeckString(),
    plannedIncome: kopeckString(),
    plannedBaseProgramCost: kopeckString(),
    smoReserves: kopeckString(),
    a: share,
    b: share,
  })
  .map(({ a, b, ...rest }) => ({ ...rest, minShare: Decimal.min(a, b).toString(), maxShare: Decimal.max(a, b).toString() }));

test.prop([input])('the planned reserve stays within floor and cap unless it is not formed', (v) => {
  const r = plannedReserve(v);
  if (r.status === 'not-formed') {
    expect(new Decimal(v.plannedBaseProgramCost).gt(v.plannedIncome)).toBe(true);
    expect(r.planned.isZero()).toBe(true);
  } else {
    expect(r.planned.gte(r.floor)).toBe(true);
    expect(r.planned.lte(r.cap)).toBe(true);
  }
  expect(r.planned.decimalPlaces()).toBeLessThanOrEqual(2);
});

test.prop([input])('the status tells where the risk estimate fell', (v) => {
  const r = plannedReserve(v);
  const x = Decimal.max(0, new Decimal(v.required).minus(v.smoReserves));
  if (r.status === 'within') expect(r.planned.eq(x)).toBe(true);
  if (r.status === 'raised-to-floor') expect(x.lt(r.floor) && r.planned.eq(r.floor)).toBe(true);
  if (r.status === 'cut-to-cap') expect(x.gt(r.cap) && r.planned.eq(r.cap)).toBe(true);
});

test.prop([input, kopeckString()])('a larger risk estimate never lowers the planned reserve', (v, extra) => {
  const more = { ...v, required: new Decimal(v.required).plus(extra).toString() };
  expect(plannedReserve(more).planned.gte(plannedReserve(v).planned)).toBe(true);
});

test.prop([kopeckString(), kopeckString()])('legacy rule: target = balance + top-up − excess, one of them zero', (spent, balance) => {
  const r = legacyReserve({ previousMonthExpenditure: spent, currentBalance: balance });
  expect(r.target.eq(new Decimal(balance).plus(r.topUp).minus(r.excess))).toBe(true);
  expect(r.topUp.isZero() || r.excess.isZero()).toBe(true);
});

test.prop([kopeckString(), fc.integer({ min: 0, max: 5000 }), fc.boolean()])('placement never exceeds half the reserve', (balance, s, arrears) => {
  const r = placementLimit({ balance, share: new Decimal(s).div(10_000).toString(), arrears });
  expect(r.limit.lte(new Decimal(balance).div(2).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
  if (arrears) expect(r.limit.isZero()).toBe(true);
});
