/**
 * Worked examples of reserveAtRisk, computed by hand on two-point distributions where the value
 * at risk and the tail value at risk can be read off. Every figure is derived in the comment
 * above its assertion.
 *
 * Notation: Д is the shortfall of one combination of scenarios,
 *   Д = (ДБ_МО − ДБ) + (Пап − Пап_МО)·Цап + (Пс − Пс_МО)·Цс + (Псз − Псз_МО)·Цсз + КЗ;
 * VaR_α = max(0, smallest s with P(Д ≤ s) ≥ α); TVaR_α = max(0, mean of the worst 1 − α of the
 * probability, an atom at the boundary split).
 */
import { describe, expect, it } from 'vitest';
import { reserveAtRisk, type ReserveAtRisk } from '../../src/reserve';
import { twoTwoPointRisks } from '../reserve/fixtures';

const one = (value: string) => [{ value, probability: '1' }];
const fixedCare = {
  ambulatory: { scenarios: one('1000000'), unitCost: '450' },
  inpatient: { scenarios: one('200000'), unitCost: '30000' },
  dayHospital: { scenarios: one('50000'), unitCost: '15000' },
};
const rows = (r: ReserveAtRisk) => r.levels.map((l) => [l.level.toString(), l.valueAtRisk.toString(), l.tailValueAtRisk.toString()]);

describe('one two-point risk: income 1 000 000 000 (p 0.9) or 800 000 000 (p 0.1)', () => {
  const input = {
    income: [
      { value: '1000000000', probability: '0.9' },
      { value: '800000000', probability: '0.1' },
    ],
    ...fixedCare,
    payables: '0',
    levels: ['0.8', '0.9', '0.95', '0.99'],
  };

  it('VaR, TVaR, the normative reserve and its coverage', () => {
    // ДБ_МО = 0.9·1e9 + 0.1·0.8e9 = 0.98e9. The care terms are fixed (one scenario each), КЗ = 0.
    // Д = 0.98e9 − 1e9 = −20 000 000 (p 0.9), or 0.98e9 − 0.8e9 = 180 000 000 (p 0.1).
    // P(Д ≤ −20e6) = 0.9, P(Д ≤ 180e6) = 1.
    // α = 0.8:  smallest s with P ≥ 0.8 is −20e6 → floored: 0.
    //           worst 0.2 = 0.1 at 180e6 + 0.1 of the atom at −20e6 → (18e6 − 2e6) / 0.2 = 80 000 000
    // α = 0.9:  −20e6 (P = 0.9 ≥ 0.9) → 0; worst 0.1 = the atom at 180e6 → 180 000 000
    // α = 0.95: P(≤ −20e6) = 0.9 < 0.95 → 180 000 000; worst 0.05 inside that atom → 180 000 000
    // α = 0.99: likewise 180 000 000 / 180 000 000
    const r = reserveAtRisk(input);
    expect(r.method).toBe('exact');
    expect(r.simulation).toBeNull();
    expect(rows(r)).toEqual([
      ['0.8', '0', '80000000'],
      ['0.9', '0', '180000000'],
      ['0.95', '180000000', '180000000'],
      ['0.99', '180000000', '180000000'],
    ]);
    // ОДБ = sqrt(0.9·(20e6)² + 0.1·(180e6)²) = sqrt(3.6e14 + 3.24e15) = sqrt(3.6e15) = 60 000 000
    // НСЗ = 60 000 000 covers Д = −20e6, not 180e6: P(Д ≤ НСЗ) = 0.9
    expect(r.normative.total.toString()).toBe('60000000');
    expect(r.normative.coverage.toString()).toBe('0.9');
    // M[max(0, Д)] = 0.1 · 180e6 = 18 000 000
    expect(r.expectedShortfall.toString()).toBe('18000000');
  });

  it('КЗ shifts every shortfall by the same amount', () => {
    // КЗ = 0.5 × 100 × max(0, 1 500 − 1 000) = 25 000. Д = −19 975 000 (p 0.9) or 180 025 000 (p 0.1).
    // α = 0.8: VaR = max(0, −19 975 000) = 0; TVaR = (0.1·180 025 000 + 0.1·(−19 975 000)) / 0.2
    //        = (18 002 500 − 1 997 500) / 0.2 = 16 005 000 / 0.2 = 80 025 000
    // α = 0.95: 180 025 000 / 180 025 000
    // НСЗ = 60 000 000 + 25 000 = 60 025 000 ≥ −19 975 000 only: coverage 0.9
    // M[max(0, Д)] = 0.1 × 180 025 000 = 18 002 500
    const r = reserveAtRisk({
      ...input,
      payables: { groups: [{ volume: '100', tariff: '1000', cost: '1500' }], probability: '0.5' },
      levels: ['0.8', '0.95'],
    });
    expect(rows(r)).toEqual([
      ['0.8', '0', '80025000'],
      ['0.95', '180025000', '180025000'],
    ]);
    expect(r.normative.total.toString()).toBe('60025000');
    expect(r.normative.coverage.toString()).toBe('0.9');
    expect(r.expectedShortfall.toString()).toBe('18002500');
  });
});

describe('two independent two-point risks: income and inpatient care', () => {
  // Income 100 000 000 or 80 000 000 (p 0.5 each): ДБ_МО = 90e6, ДБ_МО − ДБ = −10e6 or +10e6.
  // Inpatient 1 000 (p 0.8) or 1 200 (p 0.2) cases at 50 000: Пс_МО = 800 + 240 = 1 040,
  //   (Пс − Пс_МО)·Цс = −40 × 50 000 = −2e6 (p 0.8) or 160 × 50 000 = 8e6 (p 0.2).
  // Four combinations (independent, probabilities multiply):
  //   −10e6 − 2e6 = −12e6  p 0.4      −10e6 + 8e6 = −2e6  p 0.1
  //   +10e6 − 2e6 =   8e6  p 0.4      +10e6 + 8e6 = 18e6  p 0.1
  // Sorted: −12e6 (0.4), −2e6 (0.1), 8e6 (0.4), 18e6 (0.1); P(Д ≤ ·) = 0.4, 0.5, 0.9, 1.
  const input = twoTwoPointRisks;

  it('each level read off the four atoms', () => {
    // α = 0.3:  VaR: P(≤ −12e6) = 0.4 ≥ 0.3 → −12e6 → 0.
    //           TVaR: worst 0.7 = 0.1·18e6 + 0.4·8e6 + 0.1·(−2e6) + 0.1 of the atom −12e6
    //                = 1.8e6 + 3.2e6 − 0.2e6 − 1.2e6 = 3.6e6; / 0.7 = 5 142 857.142857… → 5 142 857.14
    // α = 0.5:  VaR: P(≤ −2e6) = 0.5 ≥ 0.5 → −2e6 → 0. TVaR: worst 0.5 = 0.1·18e6 + 0.4·8e6 = 5e6;
    //           / 0.5 = 10 000 000
    // α = 0.75: VaR: P(≤ −2e6) = 0.5 < 0.75 ≤ P(≤ 8e6) = 0.9 → 8 000 000.
    //           TVaR: worst 0.25 = 0.1·18e6 + 0.15 of the atom 8e6 = 1.8e6 + 1.2e6 = 3e6; / 0.25 = 12 000 000
    // α = 0.9:  VaR 8 000 000 (P = 0.9 ≥ 0.9); TVaR: worst 0.1 = the atom 18e6 → 18 000 000
    // α = 0.95: VaR 18 000 000; TVaR 18 000 000
    const r = reserveAtRisk(input);
    expect(rows(r)).toEqual([
      ['0.3', '0', '5142857.14'],
      ['0.5', '0', '10000000'],
      ['0.75', '8000000', '12000000'],
      ['0.9', '8000000', '18000000'],
      ['0.95', '18000000', '18000000'],
    ]);
  });

  it('the normative reserve covers 90 % of years', () => {
    // ОДБ = sqrt(0.5·(10e6)² · 2) = 10 000 000
    // ОС = sqrt(0.8·40² + 0.2·160²) = sqrt(1 280 + 5 120) = 80; ОС·Цс = 80 × 50 000 = 4 000 000
    // НСЗ = 10e6 + 4e6 = 14 000 000: covers −12e6, −2e6, 8e6, not 18e6 → P = 0.4 + 0.1 + 0.4 = 0.9
    // M[max(0, Д)] = 0.4·8e6 + 0.1·18e6 = 3.2e6 + 1.8e6 = 5 000 000
    const r = reserveAtRisk(input);
    expect(r.normative.total.toString()).toBe('14000000');
    expect(r.normative.coverage.toString()).toBe('0.9');
    expect(r.expectedShortfall.toString()).toBe('5000000');
  });
});

describe('the worked example of reserve.md §1', () => {
  it('one standard deviation of income covers 80 % of years', () => {
    // ДБ_МО = 9.95e9. Д = 9.95e9 − ДБ: 0.95e9 (p 0.2), −0.05e9 (p 0.5), −0.55e9 (p 0.3).
    // Sorted: −550e6 (0.3), −50e6 (0.5), 950e6 (0.2); P(Д ≤ ·) = 0.3, 0.8, 1.
    // α = 0.7: VaR: −50e6 → 0; TVaR: worst 0.3 = 0.2·950e6 + 0.1·(−50e6) = 190e6 − 5e6 = 185e6;
    //          / 0.3 = 616 666 666.666… → 616 666 666.67
    // α = 0.8: VaR: −50e6 (P = 0.8) → 0; TVaR: worst 0.2 = the atom 950e6 → 950 000 000
    // α = 0.9: VaR 950 000 000; TVaR 950 000 000
    // НСЗ = ОДБ = 522 015 325.45 (reserve.md §1) lies between −50e6 and 950e6: coverage 0.8
    // M[max(0, Д)] = 0.2 × 950e6 = 190 000 000
    const r = reserveAtRisk({
      income: [
        { value: '9000000000', probability: '0.2' },
        { value: '10000000000', probability: '0.5' },
        { value: '10500000000', probability: '0.3' },
      ],
      ...fixedCare,
      payables: '0',
      levels: ['0.7', '0.8', '0.9'],
    });
    expect(rows(r)).toEqual([
      ['0.7', '0', '616666666.67'],
      ['0.8', '0', '950000000'],
      ['0.9', '950000000', '950000000'],
    ]);
    expect(r.normative.total.toString()).toBe('522015325.45');
    expect(r.normative.coverage.toString()).toBe('0.8');
    expect(r.expectedShortfall.toString()).toBe('190000000');
  });
});
