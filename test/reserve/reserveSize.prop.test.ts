import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';

/** Test-side arithmetic at 80 digits, independent of the library's context. */
const Big = Decimal.clone({ precision: 80 });
import { expect } from 'vitest';
import { reserveSize, type ReserveSizeInput } from '../../src/reserve';
import { reserveInput, scenarios } from '../arbitraries';

const one = [{ value: '0', probability: '1' }];
const flat = { scenarios: one, unitCost: '0' };
const incomeOnly = (income: { value: string; probability: string }[], deviation: 'standard' | 'downside' = 'standard'): ReserveSizeInput => ({
  income,
  ambulatory: flat,
  inpatient: flat,
  dayHospital: flat,
  payables: '0',
  deviation,
});
const sigma = (income: { value: string; probability: string }[], deviation: 'standard' | 'downside' = 'standard'): Decimal =>
  new Big(reserveSize(incomeOnly(income, deviation)).trace.find((s) => s.symbol === 'ОДБ')?.value ?? 'NaN');

/** Equal to 30 significant digits (σ is a 40-digit square root). */
const close = (a: Decimal, b: Decimal): boolean => a.minus(b).abs().lte(a.abs().plus(b.abs()).times('1e-30').plus('1e-30'));

test.prop([reserveInput])('the total is exactly the sum of the rounded components, each in kopecks', (input) => {
  const r = reserveSize(input);
  const parts = Object.values(r.components);
  expect(parts.reduce((a, b) => a.plus(b), new Big(0)).eq(r.total)).toBe(true);
  for (const p of parts) {
    expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
    expect(p.isNegative()).toBe(false);
  }
});

test.prop([fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom('standard' as const, 'downside' as const)])(
  'one scenario carries no risk',
  (value, deviation) => {
    expect(sigma([{ value: value.toString(), probability: '1' }], deviation).isZero()).toBe(true);
  },
);

test.prop([reserveInput, fc.integer()])('invariant under the order of scenarios', (input, salt) => {
  const shuffle = <T>(xs: T[]): T[] =>
    xs.map((x, i) => ({ x, k: (i * 2654435761 + salt) % 1009 })).sort((a, b) => a.k - b.k).map((e) => e.x);
  const shuffled: ReserveSizeInput = {
    ...input,
    income: shuffle(input.income),
    ambulatory: { ...input.ambulatory, scenarios: shuffle(input.ambulatory.scenarios) },
    inpatient: { ...input.inpatient, scenarios: shuffle(input.inpatient.scenarios) },
    dayHospital: { ...input.dayHospital, scenarios: shuffle(input.dayHospital.scenarios) },
  };
  const a = reserveSize(input);
  const b = reserveSize(shuffled);
  expect(b.total.eq(a.total)).toBe(true);
  expect(b.expected.income.eq(a.expected.income)).toBe(true);
  expect(close(b.volumeDeviations.inpatient, a.volumeDeviations.inpatient)).toBe(true);
});

test.prop([scenarios(), fc.integer({ min: 1, max: 1000 }), fc.constantFrom('standard' as const, 'downside' as const)])(
  'scaling the values by k scales σ by k',
  (income, k) => {
    const scaled = income.map((s) => ({ ...s, value: new Big(s.value).times(k).toString() }));
    expect(close(sigma(scaled), sigma(income).times(k))).toBe(true);
  },
);

test.prop([scenarios(), fc.integer({ min: 1, max: 10 ** 9 })])('pushing the largest value further out never lowers σ', (income, d) => {
  const top = income.reduce((best, s, i) => (new Big(s.value).gt(income[best]?.value ?? 0) ? i : best), 0);
  const pushed = income.map((s, i) => (i === top ? { ...s, value: new Big(s.value).plus(d).toString() } : s));
  expect(sigma(pushed).gte(sigma(income))).toBe(true);
});

test.prop([scenarios(), fc.nat({ max: 5 }), fc.integer({ min: 1, max: 10 ** 9 })])(
  'spreading a scenario into two around it (mean-preserving) never lowers σ',
  (income, pick, d) => {
    // Shift every value by d first (σ is shift-invariant), so that x − d stays ≥ 0.
    const shifted = income.map((x) => ({ ...x, value: new Big(x.value).plus(d).toString() }));
    const i = pick % shifted.length;
    const s = shifted[i] as { value: string; probability: string };
    const half = new Big(s.probability).div(2).toString();
    const spread = [
      ...shifted.filter((_, j) => j !== i),
      { value: new Big(s.value).plus(d).toString(), probability: half },
      { value: new Big(s.value).minus(d).toString(), probability: half },
    ];
    expect(sigma(spread).gte(sigma(shifted))).toBe(true);
  },
);

test.prop([reserveInput])('the downside deviation never exceeds the standard one', (input) => {
  const std = reserveSize({ ...input, deviation: 'standard' });
  const down = reserveSize({ ...input, deviation: 'downside' });
  expect(down.total.lte(std.total)).toBe(true);
  for (const k of ['ambulatory', 'inpatient', 'dayHospital'] as const) {
    expect(down.volumeDeviations[k].lte(std.volumeDeviations[k])).toBe(true);
  }
});

test.prop([reserveInput, fc.bigInt({ min: 0n, max: 10n ** 12n })])('more payables or dearer care never lower the reserve', (input, extra) => {
  const base = reserveSize(input);
  const more = reserveSize({
    ...input,
    payables: new Big(String(input.payables)).plus(extra.toString()).toString(),
    inpatient: { ...input.inpatient, unitCost: new Big(String(input.inpatient.unitCost)).plus(extra.toString()).toString() },
  });
  expect(more.total.gte(base.total)).toBe(true);
});
