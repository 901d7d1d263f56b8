/**
 * Worked examples of the reserve module, computed by hand. Every figure is derived in the comment
 * above its assertion so that it can be checked with a pencil.
 */
import { describe, expect, it } from 'vitest';
import { legacyReserve, placementLimit, plannedReserve, plannedReserveHorizon, reserveSize } from '../../src/reserve';

const one = (value: string) => [{ value, probability: '1' }];

describe('reserveSize — the worked example of the spec (reserve.md §1)', () => {
  const input = {
    income: [
      { value: '9000000000', probability: '0.2' },
      { value: '10000000000', probability: '0.5' },
      { value: '10500000000', probability: '0.3' },
    ],
    ambulatory: { scenarios: one('1000000'), unitCost: '450' },
    inpatient: { scenarios: one('200000'), unitCost: '30000' },
    dayHospital: { scenarios: one('50000'), unitCost: '15000' },
    payables: '0',
  };

  it('standard deviation', () => {
    // ДБ_МО = 0.2·9e9 + 0.5·10e9 + 0.3·10.5e9 = 1.8e9 + 5e9 + 3.15e9 = 9.95e9
    // Σ p(ДБ − ДБ_МО)² = 0.2·(−0.95e9)² + 0.5·(0.05e9)² + 0.3·(0.55e9)²
    //                  = 0.1805e18 + 0.00125e18 + 0.09075e18 = 0.2725e18
    // ОДБ = sqrt(0.2725e18) = 522 015 325.4455275… → 522 015 325.45
    // One scenario per kind of care: ОАП = ОС = ОСЗ = 0; КЗ = 0.
    const r = reserveSize(input);
    expect(r.expected.income.toString()).toBe('9950000000');
    expect(r.trace.find((s) => s.symbol === 'ОДБ')?.value).toBe('522015325.4455275089878877011274023839145');
    expect(r.components.income.toString()).toBe('522015325.45');
    expect(r.total.toString()).toBe('522015325.45');
    expect(r.volumeDeviations.ambulatory.isZero()).toBe(true);
  });

  it('downside semi-deviation', () => {
    // Only the scenario below the expectation counts: 0.2·(−0.95e9)² = 0.1805e18.
    // sqrt(0.1805e18) = 424 852 915.72496… → 424 852 915.72.
    // (reserve.md prints 424 852 915.87 for the same root; 424 852 915.87² = 1.80500000127…e17,
    // so .72 is the correctly rounded value of sqrt(0.1805·10¹⁸) — see docs/decisions.md, D1.)
    const r = reserveSize({ ...input, deviation: 'downside' });
    expect(r.components.income.toString()).toBe('424852915.72');
  });
});

describe('reserveSize — a regional example worked by hand', () => {
  const input = {
    income: [
      { value: '80000000', probability: '0.25' },
      { value: '100000000', probability: '0.5' },
      { value: '120000000', probability: '0.25' },
    ],
    ambulatory: { scenarios: [{ value: '1000', probability: '0.25' }, { value: '1400', probability: '0.75' }], unitCost: '12.5' },
    inpatient: { scenarios: [{ value: '500', probability: '0.5' }, { value: '700', probability: '0.5' }], unitCost: '25000' },
    dayHospital: { scenarios: one('300'), unitCost: '9000' },
    payables: {
      groups: [
        { volume: '100', tariff: '20000', cost: '23500.50' },
        { volume: '50', tariff: '10000', cost: '9000' },
      ],
      probability: '0.4',
    },
  };

  it('standard', () => {
    // ДБ_МО = 20e6 + 50e6 + 30e6 = 100e6; Σ p·d² = 0.25·(20e6)² · 2 = 2e14
    //   ОДБ = sqrt(2e14) = 14 142 135.6237… → 14 142 135.62
    // Пап_МО = 250 + 1050 = 1300; Σ r·d² = 0.25·300² + 0.75·100² = 22 500 + 7 500 = 30 000
    //   ОАП = 173.20508… ; ОАП·Цап = 173.20508… × 12.5 = 2 165.0635… → 2 165.06
    // Пс_МО = 600; ОС = sqrt(0.5·100² + 0.5·100²) = 100; ОС·Цс = 100 × 25 000 = 2 500 000.00
    // ОСЗ = 0 (one scenario)
    // КЗ = 0.4 × (100 × (23 500.50 − 20 000) + 50 × max(0, 9 000 − 10 000)) = 0.4 × 350 050 = 140 020.00
    // НСЗ = 14 142 135.62 + 2 165.06 + 2 500 000 + 0 + 140 020 = 16 784 320.68
    const r = reserveSize(input);
    expect(r.expected.ambulatory.toString()).toBe('1300');
    expect(r.volumeDeviations.ambulatory.toString()).toBe('173.2050807568877293527446341505872366943');
    expect(r.volumeDeviations.inpatient.toString()).toBe('100');
    expect(Object.fromEntries(Object.entries(r.components).map(([k, v]) => [k, v.toString()]))).toEqual({
      income: '14142135.62',
      ambulatory: '2165.06',
      inpatient: '2500000',
      dayHospital: '0',
      payables: '140020',
    });
    expect(r.total.toString()).toBe('16784320.68');
  });

  it('downside: income below, volumes above their expectation', () => {
    // ОДБ = sqrt(0.25·(20e6)²) = 10 000 000.00
    // ОАП = sqrt(0.75·100²) = 86.6025…; × 12.5 = 1 082.5317… → 1 082.53
    // ОС  = sqrt(0.5·100²) = 70.7106…; × 25 000 = 1 767 766.9529… → 1 767 766.95
    // НСЗ = 10 000 000 + 1 082.53 + 1 767 766.95 + 0 + 140 020 = 11 908 869.48
    const r = reserveSize({ ...input, deviation: 'downside' });
    expect(r.components.income.toString()).toBe('10000000');
    expect(r.components.ambulatory.toString()).toBe('1082.53');
    expect(r.components.inpatient.toString()).toBe('1767766.95');
    expect(r.total.toString()).toBe('11908869.48');
  });
});

describe('reserveSize — the parts add up, not the rounded exact total', () => {
  it('five half-kopecks', () => {
    // Each term is exactly 0.005 ₽: ОДБ = sqrt(0.5·0.005² · 2) = 0.005; ОАП = 0.5 units × 0.01 ₽;
    // КЗ = 0.005. Each rounds half up to 0.01, so НСЗ = 5 × 0.01 = 0.05, while the exact sum
    // 0.025 would round to 0.03. The total is the sum of what the user sees.
    const half = [{ value: '0', probability: '0.5' }, { value: '1', probability: '0.5' }];
    const r = reserveSize({
      income: [{ value: '0', probability: '0.5' }, { value: '0.01', probability: '0.5' }],
      ambulatory: { scenarios: half, unitCost: '0.01' },
      inpatient: { scenarios: half, unitCost: '0.01' },
      dayHospital: { scenarios: half, unitCost: '0.01' },
      payables: '0.005',
    });
    expect(Object.values(r.components).map(String)).toEqual(['0.01', '0.01', '0.01', '0.01', '0.01']);
    expect(r.total.toString()).toBe('0.05');
  });
});

describe('plannedReserve — each status by hand', () => {
  const base = { programFinancing: '12000000000', plannedIncome: '12500000000', plannedBaseProgramCost: '12000000000' };

  it('within the band', () => {
    // floor = 12e9 × 0.06 = 720e6; cap = 12e9 × 0.1 = 1.2e9; x = 900e6 − 100e6 = 800e6 → within
    // share = 800e6 / 12e9 = 0.0666…→ 0.0667
    const r = plannedReserve({ ...base, required: '900000000', smoReserves: '100000000' });
    expect([r.planned, r.floor, r.cap, r.share].map(String)).toEqual(['800000000', '720000000', '1200000000', '0.0667']);
    expect(r.status).toBe('within');
  });

  it('raised to the floor', () => {
    // x = max(0, 500e6 − 600e6) = 0 < 720e6 → 720e6; share 0.06
    const r = plannedReserve({ ...base, required: '500000000', smoReserves: '600000000' });
    expect([r.planned.toString(), r.share.toString(), r.status]).toEqual(['720000000', '0.06', 'raised-to-floor']);
  });

  it('cut to the cap, with custom shares and kopeck rounding', () => {
    // floor = 1 234 567.89 × 0.07 = 86 419.7523 → 86 419.75; cap = × 0.08 = 98 765.4312 → 98 765.43
    // x = 200 000 > cap → 98 765.43; share = 98 765.43 / 1 234 567.89 = 0.07999… → 0.0800
    const r = plannedReserve({
      required: '200000', programFinancing: '1234567.89', plannedIncome: '2000000', plannedBaseProgramCost: '1000000',
      minShare: '0.07', maxShare: '0.08',
    });
    expect([r.floor, r.cap, r.planned, r.share].map(String)).toEqual(['86419.75', '98765.43', '98765.43', '0.08']);
    expect(r.status).toBe('cut-to-cap');
  });

  it('not formed when the base programme costs more than the income (п. 9)', () => {
    const r = plannedReserve({ ...base, plannedBaseProgramCost: '12500000000.01', required: '900000000' });
    expect(r.planned.toString()).toBe('0');
    expect(r.share.toString()).toBe('0');
    expect(r.status).toBe('not-formed');
    expect(r.trace.at(-2)?.source).toContain('п. 9');
  });
});

describe('plannedReserveHorizon', () => {
  it('three columns of the budget-law form', () => {
    // 2027: 7.5 % within; 2028: 500e6 < 6 % of 12.6e9 = 756e6 → raised; 2029: 2e9 > 10 % of 13.2e9 → 1.32e9
    const h = plannedReserveHorizon([
      { year: 2027, required: '900000000', programFinancing: '12000000000', plannedIncome: '12500000000', plannedBaseProgramCost: '12000000000' },
      { year: 2028, required: '500000000', programFinancing: '12600000000', plannedIncome: '13100000000', plannedBaseProgramCost: '12600000000' },
      { year: 2029, required: '2000000000', programFinancing: '13200000000', plannedIncome: '13700000000', plannedBaseProgramCost: '13200000000' },
    ]);
    expect(h.rows.map((r) => [r.year, r.planned.toString(), r.share.toString(), r.status])).toEqual([
      [2027, '900000000', '0.075', 'within'],
      [2028, '756000000', '0.06', 'raised-to-floor'],
      [2029, '1320000000', '0.1', 'cut-to-cap'],
    ]);
    expect(h.trace.some((s) => s.symbol === 'НСЗпл [2028]')).toBe(true);
  });
});

describe('legacyReserve and placementLimit', () => {
  it('the one-month rule', () => {
    // Рнсз = Рф = 1 000 000 000; Рп = 1e9 − 850e6 = 150e6
    const l = legacyReserve({ previousMonthExpenditure: '1000000000', currentBalance: '850000000' });
    expect([l.target, l.topUp, l.excess].map(String)).toEqual(['1000000000', '150000000', '0']);
    // balance above the month: excess = 1.2e9 − 1e9
    const e = legacyReserve({ previousMonthExpenditure: '1000000000', currentBalance: '1200000000' });
    expect([e.topUp, e.excess].map(String)).toEqual(['0', '200000000']);
  });

  it('the 50 % placement limit', () => {
    // 1 000 000 000.01 × 0.5 = 500 000 000.005 → 500 000 000.01 (half up)
    expect(placementLimit({ balance: '1000000000.01' }).limit.toString()).toBe('500000000.01');
    expect(placementLimit({ balance: '1000', share: '0.3' }).limit.toString()).toBe('300');
    expect(placementLimit({ balance: '1000', arrears: true }).limit.toString()).toBe('0');
  });
});
