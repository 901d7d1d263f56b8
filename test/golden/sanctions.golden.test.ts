/**
 * Worked examples of the sanctions module, computed by hand. Every figure is derived in the
 * comment above its assertion: Н = РТ × Кно, Сшт = РП × Кшт (Приказ Минздрава № 231н), each
 * rounded to kopecks half up; the coefficients are those of Приложение № 25 к тарифному
 * соглашению от 09.01.2025 (decision D4); several violations combine by decision D5.
 */
import { describe, expect, it } from 'vitest';
import { allocateSanctionProceeds, caseSanction, sanctionRows, sanctionTotals, type CaseInput, type CaseSanction } from '../../src/sanctions';

const rates = { perCapitaRates: { ambulatory: '1850.40', ambulance: '980.15', all: '2650.75', hospital: '7123.36' } };

const figures = (r: CaseSanction): { nonPayment: string; fine: string; details: [string, string, string, string][] } => ({
  nonPayment: r.nonPayment.toString(),
  fine: r.fine.toString(),
  details: r.details.map((d) => [d.code, d.nonPayment.toString(), d.appliedNonPayment.toString(), d.fine.toString()]),
});

describe('several violations in one case', () => {
  // A hospital case billed at РТ = 25 000.00, РП (hospital) = 7 123.36, with three violations:
  //   3.2.2 (Кно 0.4, Кшт 0.3): Н = 25 000 × 0.4 = 10 000.00;  Сшт = 7 123.36 × 0.3 = 2 137.008 → 2 137.01
  //   2.13  (Кно 0.1, —):       Н = 25 000 × 0.1 =  2 500.00;  Сшт = 0
  //   3.1.4 (Кно 0.9, Кшт 1):   Н = 25 000 × 0.9 = 22 500.00;  Сшт = 7 123.36 × 1   = 7 123.36
  const c: CaseInput = { tariff: '25000.00', setting: 'hospital', violations: ['3.2.2', '2.13', '3.1.4'] };

  it("'max' (default): the largest non-payment; fines add up", () => {
    // Н = max(10 000, 2 500, 22 500) = 22 500.00, all of it attributed to 3.1.4
    // Сшт = 2 137.01 + 0 + 7 123.36 = 9 260.37
    expect(figures(caseSanction(c, rates))).toEqual({
      nonPayment: '22500',
      fine: '9260.37',
      details: [
        ['3.2.2', '10000', '0', '2137.01'],
        ['2.13', '2500', '0', '0'],
        ['3.1.4', '22500', '22500', '7123.36'],
      ],
    });
  });

  it("'sum-capped': the sum, capped at the tariff; fines add up the same", () => {
    // Σ Н = 10 000 + 2 500 + 22 500 = 35 000 > РТ = 25 000 → Н = 25 000.00
    // Attributed in the order of the list (2.13, then 3.1.4, then 3.2.2) until РТ is used up:
    //   2.13 → 2 500; 3.1.4 → 22 500 (2 500 + 22 500 = 25 000); 3.2.2 → 0
    expect(figures(caseSanction(c, { ...rates, combine: 'sum-capped' }))).toEqual({
      nonPayment: '25000',
      fine: '9260.37',
      details: [
        ['3.2.2', '10000', '0', '2137.01'],
        ['2.13', '2500', '2500', '0'],
        ['3.1.4', '22500', '22500', '7123.36'],
      ],
    });
  });

  it("'sum-capped' below the cap is the plain sum", () => {
    // 3.2.2 + 2.13: 10 000 + 2 500 = 12 500.00 ≤ 25 000
    expect(caseSanction({ ...c, violations: ['3.2.2', '2.13'] }, { ...rates, combine: 'sum-capped' }).nonPayment.toString()).toBe('12500');
  });

  it('Н is rounded to kopecks half up before it is combined', () => {
    // РТ = 12 345.67:  3.2.2: × 0.4 = 4 938.268 → 4 938.27;  3.2.3: × 0.9 = 11 111.103 → 11 111.10;
    //                  3.2.1: × 0.1 = 1 234.567 → 1 234.57
    // 'sum-capped': 4 938.27 + 11 111.10 + 1 234.57 = 17 283.94 > 12 345.67 → 12 345.67
    const r = caseSanction({ tariff: '12345.67', setting: 'hospital', violations: ['3.2.2', '3.2.3', '3.2.1'] }, { ...rates, combine: 'sum-capped' });
    expect(r.details.map((d) => d.nonPayment.toString())).toEqual(['4938.27', '11111.1', '1234.57']);
    expect(r.nonPayment.toString()).toBe('12345.67');
  });
});

describe('fines by each setting (Сшт = РП × Кшт)', () => {
  // Code 1.1 has only a fine, Кшт 0.3 (verified against the federal list); РТ does not matter.
  it.each([
    // 1 850.40 × 0.3 = 555.12
    ['ambulatory', '555.12'],
    // 980.15 × 0.3 = 294.045 → 294.05 (half up)
    ['ambulance', '294.05'],
    // 2 650.75 × 0.3 = 795.225 → 795.23
    ['all', '795.23'],
    // 7 123.36 × 0.3 = 2 137.008 → 2 137.01
    ['hospital', '2137.01'],
  ] as const)('%s', (setting, fine) => {
    const r = caseSanction({ tariff: '5000', setting, violations: ['1.1'] }, rates);
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['0', fine]);
  });

  it("the case's own РП comes before the setting's", () => {
    // 1 000.05 × 0.3 = 300.015 → 300.02
    expect(caseSanction({ tariff: '5000', setting: 'hospital', perCapitaRate: '1000.05', violations: ['1.1'] }, rates).fine.toString()).toBe('300.02');
  });

  it('refusal of care and dispensary observation not done are fines of 1, 2, 3 РП', () => {
    // 3.14.1, 3.14.2, 3.14.3 and 3.15.x: Кшт 1, 2, 3 (D4: Кно cannot exceed 1, so these are fines)
    // ambulatory РП = 1 850.40: 1 850.40, 3 700.80, 5 551.20
    const fines = ['3.14.1', '3.14.2', '3.14.3', '3.15.1', '3.15.2', '3.15.3'].map((code) =>
      caseSanction({ tariff: '900', setting: 'ambulatory', violations: [code] }, rates).fine.toString(),
    );
    expect(fines).toEqual(['1850.4', '3700.8', '5551.2', '1850.4', '3700.8', '5551.2']);
  });
});

describe('recomputation: a case billed at a higher tariff than the one that applied (D13)', () => {
  // 2.16.1 (Кно 0.1, Кшт 0.3), billed at the wrong КСГ: РТ1 = 48 750.00, the right tariff РТ2 = 41 200.00.
  const wrongKsg: CaseInput = { tariff: '48750.00', setting: 'hospital', violations: [{ code: '2.16.1', recomputedTariff: '41200.00' }] };

  it("'difference-plus-kno': Н = (РТ1 − РТ2) + РТ2 × Кно", () => {
    //   Н = (48 750.00 − 41 200.00) + 41 200.00 × 0.1 = 7 550.00 + 4 120.00 = 11 670.00
    //   Сшт = 7 123.36 × 0.3 = 2 137.008 → 2 137.01 (the fine does not depend on the tariff)
    const r = caseSanction(wrongKsg, { ...rates, recomputation: 'difference-plus-kno' });
    expect([r.nonPayment.toString(), r.fine.toString(), r.details[0]?.recomputedTariff?.toString()]).toEqual(['11670', '2137.01', '41200']);
    expect(r.trace.find((s) => s.symbol === 'Н')?.formula).toBe('код 2.16.1: max(0, РТ1 − РТ2) + min(РТ1, РТ2) × Кно = 7550 + 41200 × 0.1, до копеек');
  });

  it("'difference' (the default): Н = РТ1 − РТ2, the overcharge alone", () => {
    //   Н = 48 750.00 − 41 200.00 = 7 550.00; Сшт = 2 137.01 as above
    const r = caseSanction(wrongKsg, rates);
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['7550', '2137.01']);
    expect(caseSanction(wrongKsg, { ...rates, recomputation: 'difference' }).nonPayment.toString()).toBe('7550');
  });

  it('a "recomputed" tariff above the billed one: no overcharge, the ordinary Н on the billed tariff', () => {
    // РТ2 = 50 000 > РТ1 = 48 750: max(0, 48 750 − 50 000) = 0;
    //   'difference-plus-kno': 0 + min(48 750, 50 000) × 0.1 = 4 875.00 (= РТ × Кно); 'difference': 0
    const up: CaseInput = { ...wrongKsg, violations: [{ code: '2.16.1', recomputedTariff: '50000' }] };
    expect(caseSanction(up, { ...rates, recomputation: 'difference-plus-kno' }).nonPayment.toString()).toBe('4875');
    expect(caseSanction(up, rates).nonPayment.toString()).toBe('0');
  });

  it('rounds the РТ2 × Кно part to kopecks, half up', () => {
    // 2.13 (Кно 0.1): РТ1 = 1 000.00, РТ2 = 333.35: (1 000.00 − 333.35) + 333.35 × 0.1 = 666.65 + 33.335 → 666.65 + 33.34 = 699.99
    const c: CaseInput = { tariff: '1000.00', violations: [{ code: '2.13', recomputedTariff: '333.35' }] };
    expect(caseSanction(c, { recomputation: 'difference-plus-kno' }).nonPayment.toString()).toBe('699.99');
  });

  it('combines with other violations like any non-payment', () => {
    // 2.16.1 recomputed (7 550.00; 'difference-plus-kno': 11 670.00) with 3.2.1 (48 750 × 0.1 = 4 875.00): 'max'
    const c: CaseInput = { ...wrongKsg, violations: [{ code: '2.16.1', recomputedTariff: '41200.00' }, '3.2.1'] };
    expect(caseSanction(c, rates).nonPayment.toString()).toBe('7550');
    expect(caseSanction(c, { ...rates, recomputation: 'difference-plus-kno' }).nonPayment.toString()).toBe('11670');
  });
});

describe('lethal outcomes: the whole tariff at most, and three РП of fine', () => {
  // 3.2.4 and 3.1.5 (Кно 1, Кшт 3), 2.2 (ambulance, Кно 1, Кшт 3), 3.14.3 and 3.15.3 (Кшт 3).
  it("two lethal-outcome codes: 'sum-capped' stops at РТ; the fines add up", () => {
    // РТ = 180 000.00; 3.2.4: Н = 180 000; 3.1.5: Н = 180 000; Σ = 360 000 → capped at 180 000.00
    // Сшт = 3 × 7 123.36 + 3 × 7 123.36 = 21 370.08 + 21 370.08 = 42 740.16
    const r = caseSanction({ tariff: '180000.00', setting: 'hospital', violations: ['3.2.4', '3.1.5'] }, { ...rates, combine: 'sum-capped' });
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['180000', '42740.16']);
    // 'max' gives the same non-payment: max(180 000, 180 000) = 180 000 (attributed to 3.1.5, first in the list)
    const m = caseSanction({ tariff: '180000.00', setting: 'hospital', violations: ['3.2.4', '3.1.5'] }, rates);
    expect(m.details.map((d) => [d.code, d.appliedNonPayment.toString()])).toEqual([
      ['3.2.4', '0'],
      ['3.1.5', '180000'],
    ]);
  });

  it('an ambulance arriving too late, and a refusal of care that led to death', () => {
    // 2.2: РТ = 3 500.00 → Н = 3 500.00; Сшт = 3 × 980.15 = 2 940.45
    const a = caseSanction({ tariff: '3500.00', setting: 'ambulance', violations: ['2.2'] }, rates);
    expect([a.nonPayment.toString(), a.fine.toString()]).toEqual(['3500', '2940.45']);
    // 3.14.3 with 3.2.4 on a hospital case of 64 000.00: Н = max(0, 64 000) = 64 000.00;
    // Сшт = 3 × 7 123.36 + 3 × 7 123.36 = 42 740.16
    const b = caseSanction({ tariff: '64000.00', setting: 'hospital', violations: ['3.14.3', '3.2.4'] }, rates);
    expect([b.nonPayment.toString(), b.fine.toString()]).toEqual(['64000', '42740.16']);
  });
});

describe('a small registry and where its money goes', () => {
  it('totals by code and by section', async () => {
    // 1. РТ 25 000, hospital, 3.2.2 + 2.13: Н = max(10 000, 2 500) = 10 000 (3.2.2); Сшт = 2 137.01
    // 2. РТ 1 000, ambulatory, 1.4.2 + 3.2.2: Н = max(1 000, 400) = 1 000 (1.4.2); Сшт = 1 850.40 × 0.3 = 555.12
    // 3. unknown code → an error row
    // Н = 11 000.00: MEK 1 000 (1.4.2), EKMP 10 000 (3.2.2); Сшт = 2 137.01 + 555.12 = 2 692.13, all 3.2.2
    const t = await sanctionTotals(
      sanctionRows(
        [
          { tariff: '25000', setting: 'hospital', violations: ['3.2.2', '2.13'] },
          { tariff: '1000', setting: 'ambulatory', violations: ['1.4.2', '3.2.2'] },
          { tariff: '1', violations: ['9.9'] },
        ],
        rates,
      ),
    );
    expect([t.cases, t.errors, t.nonPayment.toString(), t.fine.toString()]).toEqual([3, 1, '11000', '2692.13']);
    expect(Object.fromEntries(Object.entries(t.byCode).map(([k, v]) => [k, [v.cases, v.nonPayment.toString(), v.fine.toString()]]))).toEqual({
      '1.4.2': [1, '1000', '0'],
      '2.13': [1, '0', '0'],
      '3.2.2': [2, '10000', '2692.13'],
    });
    expect([t.bySection.MEK.nonPayment.toString(), t.bySection.MEE.nonPayment.toString(), t.bySection.EKMP.nonPayment.toString()]).toEqual(['1000', '0', '10000']);
  });

  it('50 % to the territorial fund, 35 % to the reserve, the rest to the insurer, to the kopeck', () => {
    // 13 692.13 withheld (the registry's Н + Сшт): × 0.5 = 6 846.065, × 0.35 = 4 792.2455, × 0.15 = 2 053.8195
    // floors 6 846.06 + 4 792.24 + 2 053.81 = 13 692.11; 2 kopecks left, to the largest remainders:
    // 0.95 (insurer) and 0.55 (reserve) kopeck, before 0.5 (territorial fund)
    const r = allocateSanctionProceeds('13692.13');
    expect(Object.fromEntries(Object.entries(r.parts).map(([k, v]) => [k, v.toString()]))).toEqual({
      territorialFund: '6846.06',
      reserve: '4792.25',
      insurer: '2053.82',
    });
  });
});
