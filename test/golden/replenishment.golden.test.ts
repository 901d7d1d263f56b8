/**
 * Worked examples of the replenishment module, computed by hand. Every figure is derived in the
 * comment above its assertion so that it can be checked with a pencil. Money in rubles.
 */
import { describe, expect, it } from 'vitest';
import { replenishmentSchedule, reserveYear, type ReserveYear } from '../../src/replenishment';

const amounts = (s: ReturnType<typeof replenishmentSchedule>): string[] => s.installments.map((x) => x.amount.toString());
const repeat = (n: number, v: string): string[] => Array.from({ length: n }, () => v);
/** The ledger as rows of strings: month, opening, income, overflow, transfer, spending, shortfall, closing, periodStart. */
const table = (y: ReserveYear): string[][] =>
  y.months.map((m) => [
    String(m.month), m.opening.toString(), m.income.toString(), m.overflow.toString(), m.transfer.toString(),
    m.spending.toString(), m.shortfall.toString(), m.closing.toString(), m.periodStart ? 'start' : '',
  ]);

describe('replenishmentSchedule — installments by hand (п. 10, D3)', () => {
  it('a full year with a remainder in the last month', () => {
    // НСЗпл − НСЗнпф = 900 000 000.00 − 812 345 678.90 = 87 654 321.10; П = 12 (January…December)
    // 87 654 321.10 / 12 = 7 304 526.758333… → 7 304 526.76 (i = 1…11)
    // 11 × 7 304 526.76 = 80 349 794.36; НСЗ_12 = 87 654 321.10 − 80 349 794.36 = 7 304 526.74
    const s = replenishmentSchedule({ planned: '900000000.00', openingBalance: '812345678.90' });
    expect(amounts(s)).toEqual([...repeat(11, '7304526.76'), '7304526.74']);
    expect(s.installments.map((x) => x.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect([s.total.toString(), s.surplus.toString()]).toEqual(['87654321.1', '0']);
  });

  it('the last quarter: three months from October', () => {
    // 900 000 000 − 800 000 000 = 100 000 000; П = 12 − 10 + 1 = 3
    // 100 000 000 / 3 = 33 333 333.333… → 33 333 333.33, 33 333 333.33; НСЗ_3 = 100 000 000 − 66 666 666.66 = 33 333 333.34
    const s = replenishmentSchedule({ planned: '900000000', openingBalance: '800000000', startMonth: 10 });
    expect(s.installments.map((x) => [x.month, x.index, x.amount.toString()])).toEqual([
      [10, 1, '33333333.33'],
      [11, 2, '33333333.33'],
      [12, 3, '33333333.34'],
    ]);
  });

  it('a half kopeck rounds up and the last installment gives it back', () => {
    // 291 769 547.40 / 8 = 36 471 193.425 → 36 471 193.43 (half up)
    // 7 × 36 471 193.43 = 255 298 354.01; НСЗ_8 = 291 769 547.40 − 255 298 354.01 = 36 471 193.39
    const s = replenishmentSchedule({ planned: '1000000000', openingBalance: '708230452.60', startMonth: 5 });
    expect(amounts(s)).toEqual([...repeat(7, '36471193.43'), '36471193.39']);
  });

  it('a surplus: the balance is above the plan', () => {
    // НСЗнпф − НСЗпл = 512 345 678.90 − 500 000 000 = 12 345 678.90 > 0 ⇒ six zero installments
    const s = replenishmentSchedule({ planned: '500000000', openingBalance: '512345678.90', startMonth: 7, months: 6 });
    expect(amounts(s)).toEqual(repeat(6, '0'));
    expect([s.total.toString(), s.surplus.toString()]).toEqual(['0', '12345678.9']);
  });

  it('a tiny difference where rounding up would overshoot', () => {
    // 0.54 / 12 = 0.045 → half up 0.05, but 11 × 0.05 = 0.55 > 0.54 (the last would be −0.01);
    // so the quotient is cut to 0.04: 11 × 0.04 = 0.44, НСЗ_12 = 0.54 − 0.44 = 0.10
    const s = replenishmentSchedule({ planned: '0.54', openingBalance: '0' });
    expect(amounts(s)).toEqual([...repeat(11, '0.04'), '0.1']);
  });
});

describe('reserveYear — a year with spending in spring and deposit income in autumn', () => {
  const y = reserveYear({
    planned: '1000000000.00',
    openingBalance: '912345678.90',
    events: [
      // listed out of order on purpose; the two April subventions add up
      { month: 10, income: '3000000.00', note: 'проценты по депозиту' },
      { month: 4, spending: '40000000.00', note: 'субвенция СМО «Б»' },
      { month: 3, spending: '150000000.00', note: 'субвенция СМО «А»' },
      { month: 9, income: '2345678.91', note: 'проценты по депозиту' },
      { month: 4, spending: '60000000.00', note: 'субвенция СМО «А»' },
    ],
  });

  it('month by month', () => {
    // Period 1 (January, П = 12): 1 000 000 000 − 912 345 678.90 = 87 654 321.10 → 7 304 526.76 a month.
    // Jan: 912 345 678.90 + 7 304 526.76 = 919 650 205.66
    // Feb: 919 650 205.66 + 7 304 526.76 = 926 954 732.42
    // Mar: 926 954 732.42 + 7 304 526.76 − 150 000 000 = 784 259 259.18
    // Period 2 (April, П = 9): 1 000 000 000 − 784 259 259.18 = 215 740 740.82; / 9 = 23 971 193.4244… → 23 971 193.42
    // Apr: 784 259 259.18 + 23 971 193.42 − (60 000 000 + 40 000 000) = 708 230 452.60
    // Period 3 (May, П = 8): 291 769 547.40 / 8 = 36 471 193.425 → 36 471 193.43; НСЗ_8 = 36 471 193.39
    // May: 708 230 452.60 + 36 471 193.43 = 744 701 646.03
    // Jun: 781 172 839.46;  Jul: 817 644 032.89;  Aug: 854 115 226.32
    // Sep: 854 115 226.32 + 2 345 678.91 (below the plan, all to the reserve) + 36 471 193.43 = 892 932 098.66
    // Oct: 892 932 098.66 + 3 000 000 + 36 471 193.43 = 932 403 292.09
    // Nov: 932 403 292.09 + 36 471 193.43 = 968 874 485.52
    // Dec: НСЗ_8 = 36 471 193.39, but only 1 000 000 000 − 968 874 485.52 = 31 125 514.48 fits → 1 000 000 000.00
    expect(table(y)).toEqual([
      ['1', '912345678.9', '0', '0', '7304526.76', '0', '0', '919650205.66', 'start'],
      ['2', '919650205.66', '0', '0', '7304526.76', '0', '0', '926954732.42', ''],
      ['3', '926954732.42', '0', '0', '7304526.76', '150000000', '0', '784259259.18', ''],
      ['4', '784259259.18', '0', '0', '23971193.42', '100000000', '0', '708230452.6', 'start'],
      ['5', '708230452.6', '0', '0', '36471193.43', '0', '0', '744701646.03', 'start'],
      ['6', '744701646.03', '0', '0', '36471193.43', '0', '0', '781172839.46', ''],
      ['7', '781172839.46', '0', '0', '36471193.43', '0', '0', '817644032.89', ''],
      ['8', '817644032.89', '0', '0', '36471193.43', '0', '0', '854115226.32', ''],
      ['9', '854115226.32', '2345678.91', '0', '36471193.43', '0', '0', '892932098.66', ''],
      ['10', '892932098.66', '3000000', '0', '36471193.43', '0', '0', '932403292.09', ''],
      ['11', '932403292.09', '0', '0', '36471193.43', '0', '0', '968874485.52', ''],
      ['12', '968874485.52', '0', '0', '31125514.48', '0', '0', '1000000000', ''],
    ]);
  });

  it('the periods and the totals', () => {
    // Σ transfer = 3 × 7 304 526.76 + 23 971 193.42 + 7 × 36 471 193.43 + 31 125 514.48
    //            = 21 913 580.28 + 23 971 193.42 + 255 298 354.01 + 31 125 514.48 = 332 308 642.19
    // check: 912 345 678.90 + 5 345 678.91 + 332 308 642.19 − 250 000 000 = 1 000 000 000.00
    expect(y.periods.map((p) => [p.startMonth, p.months, p.openingBalance.toString()])).toEqual([
      [1, 12, '912345678.9'],
      [4, 9, '784259259.18'],
      [5, 8, '708230452.6'],
    ]);
    expect(y.periods[1]?.installments.at(-1)?.amount.toString()).toBe('23971193.46'); // 215 740 740.82 − 8 × 23 971 193.42
    expect(Object.fromEntries(Object.entries(y.totals).map(([k, v]) => [k, v.toString()]))).toEqual({
      income: '5345678.91',
      overflow: '0',
      transfer: '332308642.19',
      spending: '250000000',
      shortfall: '0',
    });
    expect(y.closing.toString()).toBe('1000000000');
  });

  it('the April step of the trace', () => {
    expect(y.trace.find((s) => s.symbol === 'НСЗ, 4 (апрель)')).toEqual({
      symbol: 'НСЗ, 4 (апрель)',
      formula:
        'остаток 784259259.18 + доход 0.00 − сверх плана 0.00 + перечисление 23971193.42 (НСЗ_1) − (расход 100000000.00 − недостаток 0.00) = 708230452.60 [субвенция СМО «А»; субвенция СМО «Б»]',
      value: '708230452.6',
      source: 'Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ, п. 10 и сноска 16 к нему; пп. 13, 14',
    });
  });
});

describe('reserveYear — overflow, a shortfall, and a fixed period cut at December', () => {
  const y = reserveYear({
    planned: '50000000.00',
    openingBalance: '50000000.00',
    periodMonths: 3,
    events: [
      { month: 3, income: '1250000.50' },
      { month: 6, spending: '80000000.00', note: 'эпидемия' },
      { month: 8, income: '100000.00' },
      { month: 10, income: '400000.00' },
      { month: 11, spending: '5000000.00' },
    ],
  });

  it('month by month', () => {
    // Jan–Feb: the reserve is formed (50 000 000 = plan), period 1 (Jan–Mar) transfers 0.
    // Mar: income 1 250 000.50, room 0 → all of it overflow (п. 19), closing 50 000 000.
    // Apr–May: unchanged. Jun: 80 000 000 asked, 50 000 000 there → shortfall 30 000 000, closing 0.
    // Period Jul–Sep (П = 3): 50 000 000 / 3 = 16 666 666.666… → 16 666 666.67 × 2, НСЗ_3 = 16 666 666.66
    // Jul: 0 + 16 666 666.67 = 16 666 666.67
    // Aug: 16 666 666.67 + 100 000 + 16 666 666.67 = 33 433 333.34
    // Sep: room 50 000 000 − 33 433 333.34 = 16 566 666.66 < НСЗ_3 → transfer 16 566 666.66 → 50 000 000
    // Oct: income 400 000 all overflow. Nov: 50 000 000 − 5 000 000 = 45 000 000.
    // Period December only (П = 3 cut to 1): НСЗ_1 = 5 000 000 → 50 000 000.
    expect(table(y)).toEqual([
      ['1', '50000000', '0', '0', '0', '0', '0', '50000000', 'start'],
      ['2', '50000000', '0', '0', '0', '0', '0', '50000000', ''],
      ['3', '50000000', '1250000.5', '1250000.5', '0', '0', '0', '50000000', ''],
      ['4', '50000000', '0', '0', '0', '0', '0', '50000000', ''],
      ['5', '50000000', '0', '0', '0', '0', '0', '50000000', ''],
      ['6', '50000000', '0', '0', '0', '80000000', '30000000', '0', ''],
      ['7', '0', '0', '0', '16666666.67', '0', '0', '16666666.67', 'start'],
      ['8', '16666666.67', '100000', '0', '16666666.67', '0', '0', '33433333.34', ''],
      ['9', '33433333.34', '0', '0', '16566666.66', '0', '0', '50000000', ''],
      ['10', '50000000', '400000', '400000', '0', '0', '0', '50000000', ''],
      ['11', '50000000', '0', '0', '0', '5000000', '0', '45000000', ''],
      ['12', '45000000', '0', '0', '5000000', '0', '0', '50000000', 'start'],
    ]);
  });

  it('the totals balance', () => {
    // income 1 250 000.50 + 100 000 + 400 000 = 1 750 000.50; overflow 1 250 000.50 + 400 000 = 1 650 000.50
    // transfer 2 × 16 666 666.67 + 16 566 666.66 + 5 000 000 = 54 900 000.00
    // 50 000 000 + 1 750 000.50 − 1 650 000.50 + 54 900 000 − (85 000 000 − 30 000 000) = 50 000 000
    expect(Object.fromEntries(Object.entries(y.totals).map(([k, v]) => [k, v.toString()]))).toEqual({
      income: '1750000.5',
      overflow: '1650000.5',
      transfer: '54900000',
      spending: '85000000',
      shortfall: '30000000',
    });
    expect(y.periods.map((p) => [p.startMonth, p.months])).toEqual([[1, 3], [7, 3], [12, 1]]);
  });
});

describe('reserveYear — the plan fell below last year’s balance', () => {
  it('nothing is transferred until spending; then the reserve returns to the new, lower plan', () => {
    // plan 90, opening 100: НСЗнпф ≥ НСЗпл, installments 0; March income 2.50 all overflow.
    // May: 100 − 15 = 85. Period Jun–Dec (П = 7): (90 − 85) / 7 = 0.714285… → 0.71 × 6 = 4.26, НСЗ_7 = 0.74
    // Jun 85.71, Jul 86.42, Aug 87.13, Sep 87.84, Oct 88.55, Nov 89.26, Dec 89.26 + 0.74 = 90.00
    const y = reserveYear({ planned: '90', openingBalance: '100', events: [{ month: 3, income: '2.50' }, { month: 5, spending: '15' }] });
    expect(y.months.map((m) => m.closing.toString())).toEqual(['100', '100', '100', '100', '85', '85.71', '86.42', '87.13', '87.84', '88.55', '89.26', '90']);
    expect([y.totals.overflow.toString(), y.totals.transfer.toString()]).toEqual(['2.5', '5']);
  });
});

describe('reserveYear — the statutory cap is a warning per month (326-ФЗ, ст. 26, ч. 6; D16)', () => {
  it('Voronezh 2016 (executed): a balance of 2 069 316 700 is above one twelfth of 20 096 871 100 all year', () => {
    // НСЗпред = 20 096 871 100 / 12 = 1 674 739 258.333… → 1 674 739 258.33
    // Balance at the plan all year (no events): closing = 2 069 316 700 every month;
    // excess = 2 069 316 700 − 1 674 739 258.33 = 394 577 441.67, in each of the twelve months.
    const y = reserveYear({ planned: '2069316700', openingBalance: '2069316700', plannedIncome: '20096871100' });
    expect(y.statutoryCap?.toString()).toBe('1674739258.33');
    expect(y.warnings.map((w) => w.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(y.warnings.map((w) => `${w.code} ${w.closing.toString()} ${w.excess.toString()}`))).toEqual(new Set(['ABOVE_STATUTORY_CAP 2069316700 394577441.67']));
    expect(y.closing.toString()).toBe('2069316700'); // a warning, not a change of the figures
    expect(y.trace[0]).toMatchObject({ symbol: 'НСЗпред', value: '1674739258.33' });
    expect(y.trace.at(-1)?.formula).toContain('[выше НСЗпред 1674739258.33 на 394577441.67]');
  });

  it('the plan of 2022 against a lower cap: only November and December are above it', () => {
    // НСЗпл = 2 594 537 100; НСЗнпф = 2 000 000 000; cap given: 2 500 000 000.
    // (2 594 537 100 − 2 000 000 000) / 12 = 49 544 758.333… → 49 544 758.33 (i = 1…11),
    // НСЗ_12 = 594 537 100 − 11 × 49 544 758.33 = 594 537 100 − 544 992 341.63 = 49 544 758.37.
    // October: 2e9 + 10 × 49 544 758.33 = 2 495 447 583.30 ≤ 2.5e9;
    // November: 2 544 992 341.63 (above by 44 992 341.63); December: 2 594 537 100 (above by 94 537 100).
    const y = reserveYear({ planned: '2594537100', openingBalance: '2000000000', statutoryCap: '2500000000' });
    expect(y.months[9]?.closing.toString()).toBe('2495447583.3');
    expect(y.warnings.map((w) => [w.month, w.closing.toString(), w.excess.toString()])).toEqual([
      [11, '2544992341.63', '44992341.63'],
      [12, '2594537100', '94537100'],
    ]);
  });

  it('no cap given: no warnings and no cap', () => {
    const y = reserveYear({ planned: '2069316700', openingBalance: '2069316700' });
    expect([y.statutoryCap, y.warnings]).toEqual([null, []]);
  });
});
