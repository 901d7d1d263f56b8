import { describe, expect, it } from 'vitest';
import { INDICATOR_FIELDS, SMO_INDICATORS } from '../../src/smo-rating';

describe('SMO_INDICATORS — the table of приложение 2 as data', () => {
  it('ten indicators, numbered 1…10, each citing its row', () => {
    expect(SMO_INDICATORS.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const d of SMO_INDICATORS) expect(d.source).toBe(`Приказ ФФОМС № 140н, приложение 2, пункт ${d.number}`);
  });

  it('the sanction points of the column «Порядок определения коэффициента эффективности»', () => {
    expect(SMO_INDICATORS.map((d) => d.sanctionPoints.join(' '))).toEqual([
      '1 2', '3 5 16', '3 5 16', '3 5 16', '6 8', '6', '4.1 10 12 13', '4.2 5 11 14 15', '9.1 9.2 9.3 9.6', '9.4 9.5 9.6',
    ]);
    // each listed point appears in the order's wording of its row
    for (const d of SMO_INDICATORS) for (const p of d.sanctionPoints) expect(d.sanctionWording).toContain(p);
  });

  it('names in the order\'s wording', () => {
    expect(SMO_INDICATORS[3].name).toBe('Эффективность информирования о прохождении диспансерного наблюдения');
    expect(SMO_INDICATORS[7].name).toBe('Контроль за использованием медицинскими организациями средств ОМС (дебиторская задолженность МО)');
  });

  it('every symbol is a field of the data, with the same symbol, and every field is used', () => {
    const bySymbol = new Map(INDICATOR_FIELDS.map((f) => [f.field, f.symbol]));
    const used = new Set<string>();
    for (const d of SMO_INDICATORS) {
      for (const s of d.symbols) {
        expect(bySymbol.get(s.field)).toBe(s.symbol);
        expect(d.formula).toContain(s.symbol);
        used.add(s.field);
      }
    }
    expect(used.size).toBe(20);
    expect(INDICATOR_FIELDS).toHaveLength(20);
  });

  it('indicator 8 has its first-quarter formula with 190 %', () => {
    expect(SMO_INDICATORS[7].formulaQ1).toBe('(1 − (ДТ / СЧпо − 1/12 × 190 %)) × 100');
    expect(SMO_INDICATORS[7].formula).toBe('(1 − (ДТ / СЧпо − 1/12)) × 100');
  });
});
