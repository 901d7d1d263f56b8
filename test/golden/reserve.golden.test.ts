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

describe('placementLimit — the Federal fund’s consent (раздел 1, ограничение 1)', () => {
  it('without consent nothing may be placed, and the result says why', () => {
    // Balance 2 594 537 100 (Voronezh, 2022). With consent: 2 594 537 100 × 0.5 = 1 297 268 550.
    // Without it: 0, reason NO_CONSENT; with arrears as well: both reasons, in the source's order.
    const balance = '2594537100';
    expect(placementLimit({ balance }).limit.toString()).toBe('1297268550');
    expect(placementLimit({ balance, consent: true }).allowed).toBe(true);
    const refused = placementLimit({ balance, consent: false });
    expect([refused.limit.toString(), refused.allowed]).toEqual(['0', false]);
    expect(refused.reasons.map((r) => r.code)).toEqual(['NO_CONSENT']);
    expect(refused.trace[0]?.formula).toBe('размещение не допускается: нет согласования с Федеральным фондом ОМС');
    expect(placementLimit({ balance, consent: false, arrears: true }).reasons.map((r) => r.code)).toEqual(['NO_CONSENT', 'ARREARS']);
  });
});

describe('plannedReserve — the target articles 505 17 01 and 505 17 02 of the п. 7 form', () => {
  const year = { required: '2500000000', plannedIncome: '32500000000', plannedBaseProgramCost: '32000000000' };
  const targetArticles = { nonWorkingPopulation: '9876543210.12', baseProgram: '22123456789.88' };

  it('the articles add up to the programme’s financing, shown in the result and the trace', () => {
    // 505 17 01 + 505 17 02 = 9 876 543 210.12 + 22 123 456 789.88 = 32 000 000 000.00
    // floor = 32e9 × 0.06 = 1 920 000 000; cap = 3 200 000 000; x = 2 500 000 000 → within
    // share = 2.5e9 / 32e9 = 0.078125 → 0.0781
    const r = plannedReserve({ ...year, targetArticles });
    expect(r.programFinancing.toString()).toBe('32000000000');
    expect([r.targetArticles?.nonWorkingPopulation.toString(), r.targetArticles?.baseProgram.toString()]).toEqual(['9876543210.12', '22123456789.88']);
    expect([r.floor, r.cap, r.planned, r.share].map(String)).toEqual(['1920000000', '3200000000', '2500000000', '0.0781']);
    expect(r.trace.slice(0, 3).map((s) => [s.symbol, s.value])).toEqual([
      ['505 17 01', '9876543210.12'],
      ['505 17 02', '22123456789.88'],
      ['Объём финансирования ТП ОМС', '32000000000'],
    ]);
    expect(r.trace[2]?.formula).toBe('505 17 01 + 505 17 02 = 9876543210.12 + 22123456789.88');
  });

  it('the same figures from the total alone, or from both when they agree', () => {
    const fromTotal = plannedReserve({ ...year, programFinancing: '32000000000' });
    const fromBoth = plannedReserve({ ...year, programFinancing: '32000000000.00', targetArticles });
    expect(fromTotal.targetArticles).toBeNull();
    expect([fromTotal.planned, fromTotal.share].map(String)).toEqual(['2500000000', '0.0781']);
    expect([fromBoth.planned, fromBoth.share, fromBoth.programFinancing].map(String)).toEqual(['2500000000', '0.0781', '32000000000']);
  });
});

describe('plannedReserve — the statutory cap (326-ФЗ, ст. 26, ч. 6) on two Voronezh budgets', () => {
  it('2022: 2 594 537.1 thousand ₽ is inside the band and under one month’s income', () => {
    // Закон Воронежской области о бюджете ТФОМС на 2022 год, ст. 6, ч. 1: НСЗ 2 594 537,1 тыс. ₽;
    // revenues about 32.9 bn ₽, taken here as both the planned income and the programme's financing.
    // НСЗпред = 32 900 000 000 / 12 = 2 741 666 666.666… → 2 741 666 666.67
    // floor = 32.9e9 × 0.06 = 1 974 000 000; cap = 32.9e9 × 0.1 = 3 290 000 000
    // x = 2 594 537 100 → within; share = 2 594 537 100 / 32.9e9 = 0.078861… → 0.0789 (7.9 %)
    // 2 594 537 100 ≤ 2 741 666 666.67: not above the statutory cap
    const r = plannedReserve({ required: '2594537100', programFinancing: '32900000000', plannedIncome: '32900000000', plannedBaseProgramCost: '32900000000' });
    expect([r.planned, r.floor, r.cap, r.share, r.statutoryCap].map(String)).toEqual(['2594537100', '1974000000', '3290000000', '0.0789', '2741666666.67']);
    expect([r.status, r.aboveStatutoryCap, r.statutoryCapApplied]).toEqual(['within', false, false]);
    expect(r.trace.find((s) => s.symbol === 'НСЗпред')?.source).toContain('326-ФЗ');
  });

  it('2016 (executed): 2 069 316.7 thousand ₽ is above one twelfth of 20 096 871.1 thousand ₽', () => {
    // Revenues 20 096 871 100 ₽, НСЗ 2 069 316 700 ₽ (10.3 % of revenues).
    // НСЗпред = 20 096 871 100 / 12 = 1 674 739 258.333… → 1 674 739 258.33
    // band on the same base: floor = 1 205 812 266, cap = 2 009 687 110;
    // x = 2 069 316 700 > cap → cut to 2 009 687 110, still above НСЗпред → flagged.
    const input = { required: '2069316700', programFinancing: '20096871100', plannedIncome: '20096871100', plannedBaseProgramCost: '20096871100' };
    const flagged = plannedReserve(input);
    expect([flagged.planned, flagged.cap, flagged.statutoryCap].map(String)).toEqual(['2009687110', '2009687110', '1674739258.33']);
    expect([flagged.status, flagged.aboveStatutoryCap, flagged.statutoryCapApplied]).toEqual(['cut-to-cap', true, false]);
    expect(flagged.trace.find((s) => s.symbol === 'НСЗпл ≤ НСЗпред')?.value).toBe('превышение');
    // With the cap applied: 1 674 739 258.33; share = 1 674 739 258.33 / 20 096 871 100 = 0.083333… → 0.0833
    const capped = plannedReserve({ ...input, applyStatutoryCap: true });
    expect([capped.planned, capped.share].map(String)).toEqual(['1674739258.33', '0.0833']);
    expect([capped.status, capped.aboveStatutoryCap, capped.statutoryCapApplied]).toEqual(['cut-to-cap', true, true]);
  });

  it('plannedReserveHorizon carries the cap in each column', () => {
    // 2023 and 2024 of the 2022 law: 2 494 332.2 and 2 640 737.5 thousand ₽ against incomes of
    // 30 000 000 000 and 31 200 000 000 (illustrative): НСЗпред = 2 500 000 000 and 2 600 000 000.
    // 2 494 332 200 ≤ 2 500 000 000; 2 640 737 500 > 2 600 000 000 → the third column is flagged.
    const col = (year: number, required: string, income: string) => ({ year, required, programFinancing: income, plannedIncome: income, plannedBaseProgramCost: income });
    const h = plannedReserveHorizon([col(2022, '2594537100', '32900000000'), col(2023, '2494332200', '30000000000'), col(2024, '2640737500', '31200000000')]);
    expect(h.rows.map((r) => [r.year, r.statutoryCap.toString(), r.aboveStatutoryCap])).toEqual([
      [2022, '2741666666.67', false],
      [2023, '2500000000', false],
      [2024, '2600000000', true],
    ]);
  });
});
