import { describe, expect, it } from 'vitest';
import { builtinSanctionTable, caseSanction, defineSanctionTable, type CaseInput } from '../../src/sanctions';
import { json, thrown } from './helpers';

const rates = { perCapitaRates: { hospital: '7000.00', ambulatory: '1850.40' } };

describe('caseSanction — results', () => {
  it('computes Н = РТ × Кно and Сшт = РП × Кшт per violation and combines them (D5)', () => {
    const r = caseSanction({ id: 'A-1', tariff: '25000.00', setting: 'hospital', violations: ['3.2.2', '2.13'] }, rates);
    expect(json(r)).toMatchObject({
      id: 'A-1',
      table: 'tariff-agreement-2025-01-09-annex-25',
      nonPayment: '10000',
      fine: '2100',
      details: [
        { code: '3.2.2', section: 'EKMP', kno: '0.4', ksht: '0.3', nonPayment: '10000', appliedNonPayment: '10000', fine: '2100' },
        { code: '2.13', section: 'MEE', kno: '0.1', ksht: null, nonPayment: '2500', appliedNonPayment: '0', fine: '0' },
      ],
    });
  });

  it('traces every figure, citing Приказ 231н and the table id', () => {
    const r = caseSanction({ tariff: '1000', setting: 'hospital', violations: ['3.2.2'] }, rates);
    expect(r.trace.map((s) => [s.symbol, s.formula, s.value])).toEqual([
      ['Перечень', 'единственная заданная таблица', 'tariff-agreement-2025-01-09-annex-25'],
      ['РТ', 'тариф случая, предъявленный к оплате', '1000'],
      ['РП', 'подушевой норматив финансирования для условий «hospital»', '7000'],
      ['Н', 'код 3.2.2: РТ × Кно = 1000 × 0.4, до копеек', '400'],
      ['Сшт', 'код 3.2.2: РП × Кшт = 7000 × 0.3, до копеек', '2100'],
      ['Н', 'max(400)', '400'],
      ['Сшт', 'ΣСшт = 2100', '2100'],
    ]);
    for (const step of r.trace.slice(1)) expect(step.source).toContain('Приказ Минздрава № 231н');
    expect(r.trace.filter((s) => s.source.includes('tariff-agreement-2025-01-09-annex-25'))).toHaveLength(2);
    expect(r.trace[0]?.source).toBe('Тарифное соглашение от 09.01.2025, прил. 25; Приказ Минздрава № 231н');
  });

  it('needs no РП when no violation has a Кшт', () => {
    expect(caseSanction({ tariff: '1000', violations: ['1.4.1', '2.13'] }).nonPayment.toString()).toBe('1000');
  });

  it('takes the case’s own РП before the setting’s', () => {
    expect(caseSanction({ tariff: '1000', setting: 'hospital', perCapitaRate: '100', violations: ['1.1'] }, rates).fine.toString()).toBe('30');
  });

  it('accepts numbers and Decimal-like values', () => {
    const r = caseSanction({ tariff: 1000.5, setting: 'all', perCapitaRate: { toString: () => '10' }, violations: [{ code: '2.16.1', recomputedTariff: 800 }] });
    // 1 000.50 − 800 = 200.50 (recomputation 'difference', D13); 10 × 0.3 = 3
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['200.5', '3']);
  });

  it('picks the table in force on the case’s date, or on options.date', () => {
    const t2026 = defineSanctionTable({
      id: 'fund-2026',
      title: 'Перечень 2026',
      source: 'Тарифное соглашение от 12.01.2026, прил. 25',
      validFrom: '2026-01-01',
      entries: [{ code: '3.2.2', section: 'EKMP', title: 'ухудшение', kno: '0.5', ksht: '0.4' }],
    });
    const tables = [builtinSanctionTable, t2026];
    const c: CaseInput = { tariff: '1000', setting: 'hospital', violations: ['3.2.2'] };
    expect(caseSanction({ ...c, date: '2025-12-31' }, { ...rates, tables }).nonPayment.toString()).toBe('400');
    expect(caseSanction({ ...c, date: '2026-01-01' }, { ...rates, tables }).nonPayment.toString()).toBe('500');
    expect(caseSanction(c, { ...rates, tables, date: '2026-03-01' }).table).toBe('fund-2026');
    // the case's date wins over options.date
    expect(caseSanction({ ...c, date: '2025-03-01' }, { ...rates, tables, date: '2026-03-01' }).table).toBe('tariff-agreement-2025-01-09-annex-25');
    // a plain object (parsed JSON) is validated and used too
    expect(caseSanction({ ...c, date: '2026-01-02' }, { ...rates, tables: [json(t2026) as never] }).fine.toString()).toBe('2800');
  });
});

describe('caseSanction — errors', () => {
  it('UNKNOWN_CODE names the code and the table, one issue per unknown code', () => {
    expect(thrown(() => caseSanction({ tariff: '1', violations: ['1.1', '2.3', '9.9'] }))).toMatchObject({
      code: 'UNKNOWN_CODE',
      message: 'caseSanction: violation code "2.3" is not in sanction table tariff-agreement-2025-01-09-annex-25 (and 1 more)',
      issues: [
        { path: ['violations', 1], message: 'violation code "2.3" is not in sanction table tariff-agreement-2025-01-09-annex-25' },
        { path: ['violations', 2], message: 'violation code "9.9" is not in sanction table tariff-agreement-2025-01-09-annex-25' },
      ],
    });
  });

  it('MISSING_PER_CAPITA_RATE for a Кшт without РП', () => {
    expect(thrown(() => caseSanction({ tariff: '1', violations: ['3.2.2', '1.1'] }))).toMatchObject({
      code: 'MISSING_PER_CAPITA_RATE',
      message: 'caseSanction: a fine (Кшт) for codes 3.2.2, 1.1 needs the per-capita rate РП, but the case has no perCapitaRate and no setting',
      issues: [{ path: ['perCapitaRate'], message: 'a fine (Кшт) for codes 3.2.2, 1.1 needs the per-capita rate РП, but the case has no perCapitaRate and no setting' }],
    });
    expect(thrown(() => caseSanction({ tariff: '1', setting: 'ambulance', violations: ['1.1'] }, rates)).issues[0]?.message).toBe(
      'a fine (Кшт) for code 1.1 needs the per-capita rate РП, but the case has no perCapitaRate and options.perCapitaRates has no rate for setting "ambulance"',
    );
  });

  it('NO_TABLE_FOR_DATE when no table is in force', () => {
    expect(thrown(() => caseSanction({ tariff: '1', date: '2024-12-31', violations: ['1.2'] }))).toMatchObject({
      code: 'NO_TABLE_FOR_DATE',
      message: 'caseSanction: no sanction table is in force on 2024-12-31; tables given: tariff-agreement-2025-01-09-annex-25 (2025-01-01 – …)',
      issues: [{ path: ['date'], message: 'no sanction table is in force on 2024-12-31; tables given: tariff-agreement-2025-01-09-annex-25 (2025-01-01 – …)' }],
    });
  });

  it('INVALID_INPUT: negative tariff, empty list, malformed or repeated code, and more — one issue each', () => {
    expect(thrown(() => caseSanction({ tariff: '-0.01', violations: [] }))).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'caseSanction: invalid input: tariff: must be at least 0, got -0.01 (and 1 more)',
      issues: [
        { path: ['tariff'], message: 'must be at least 0, got -0.01' },
        { path: ['violations'], message: 'a case needs at least one violation' },
      ],
    });
    expect(thrown(() => caseSanction({ tariff: '1', violations: ['3.2', '3-2-1', { code: '1,2' }, 7 as never] })).issues).toMatchObject([
      { path: ['violations', 1], message: 'expected a violation code of the form d.d or d.d.d such as "3.2.1", got "3-2-1"' },
      { path: ['violations', 2, 'code'], message: 'expected a violation code of the form d.d or d.d.d such as "3.2.1", got "1,2"' },
      { path: ['violations', 3], message: 'expected a violation code such as "3.2.1" or an object { code, recomputedTariff? }' },
    ]);
    expect(thrown(() => caseSanction({ tariff: '1', violations: ['1.2', { code: '1.2' }] })).issues).toMatchObject([
      { path: ['violations', 1], message: 'violation code "1.2" is listed twice (also at 0); list each code once per case' },
    ]);
    expect(thrown(() => caseSanction({ tariff: '1.001', date: '2025-13-01', setting: 'home' as never, violations: ['1.2'], extra: 1 } as never)).issues.map((i) => i.path)).toEqual([
      ['date'],
      ['tariff'],
      ['setting'],
      [],
    ]);
  });

  it('INVALID_INPUT for a recomputed tariff on a code without Кно', () => {
    expect(thrown(() => caseSanction({ tariff: '1', setting: 'hospital', violations: [{ code: '1.1', recomputedTariff: '0.5' }] }, rates))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: ['violations', 0, 'recomputedTariff'], message: 'code "1.1" has no Кно in table tariff-agreement-2025-01-09-annex-25, so a recomputed tariff does not apply to it' }],
    });
  });

  it('INVALID_INPUT for bad options', () => {
    expect(thrown(() => caseSanction({ tariff: '1', violations: ['1.2'] }, { combine: 'min' as never, perCapitaRates: { home: '1' } as never, date: '1.1.2025' })).issues.map((i) => i.path)).toEqual([
      ['date'],
      ['perCapitaRates'],
      ['combine'],
    ]);
    expect(thrown(() => caseSanction({ tariff: '1', violations: ['1.2'] }, { tables: [{ id: 'x' } as never] })).issues[0]?.path).toEqual(['tables', 0, 'title']);
    expect(thrown(() => caseSanction(null as never)).code).toBe('INVALID_INPUT');
  });
});

describe('caseSanction — hostile and careless input', () => {
  const mk = (id: string, k: string, validFrom = '2025-03-01') =>
    defineSanctionTable({ id, title: id, source: 's', validFrom, entries: [{ code: '1.4.1', section: 'MEK', title: 'a', kno: k, ksht: null }] });
  const c: CaseInput = { tariff: '1000', date: '2025-03-15', violations: ['1.4.1'] };

  it('two tables that begin on the same day are an error naming both, in either order', () => {
    for (const tables of [[mk('b', '0.5'), mk('c', '0.2')], [mk('c', '0.2'), mk('b', '0.5')]]) {
      const e = thrown(() => caseSanction(c, { tables }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]?.path).toEqual(['tables', 1, 'validFrom']);
      expect(e.issues[0]?.message).toMatch(/^tables "(b|c)" \(2025-03-01 – …\) and "(b|c)" \(2025-03-01 – …\) both begin on 2025-03-01/);
    }
  });

  it('two tables with one id are an error', () => {
    const e = thrown(() => caseSanction(c, { tables: [mk('b', '0.5'), mk('b', '0.2', '2026-01-01')] }));
    expect(e.issues).toMatchObject([{ path: ['tables', 1, 'id'], message: 'two tables have the id "b" (tables 0 and 1); give each table its own id' }]);
  });

  it('a later table still supersedes an open-ended earlier one, whatever the order', () => {
    const tables = [mk('old', '0.5', '2025-01-01'), mk('new', '0.2', '2025-03-01')];
    expect(caseSanction(c, { tables }).nonPayment.toString()).toBe('200');
    expect(caseSanction(c, { tables: [...tables].reverse() }).nonPayment.toString()).toBe('200');
  });

  it('amounts are capped below 10¹⁸ ₽, so a kopeck is never lost', () => {
    // 10⁴⁴ + 0.01 with Кно 1 used to give Н = 10⁴⁴ (40 digits), not the tariff
    const e = thrown(() => caseSanction({ tariff: `1${'0'.repeat(44)}.01`, violations: ['1.4.1'] }));
    expect(e.issues).toMatchObject([{ path: ['tariff'], message: 'must be at most 999999999999999999.99, got 100000000000000000000000000000000000000000000.01' }]);
    // the largest tariff allowed is paid back to the kopeck
    expect(caseSanction({ tariff: '999999999999999999.99', violations: ['1.4.1'] }).nonPayment.toString()).toBe('999999999999999999.99');
  });

  it('a tariff as a JavaScript number above 2⁵³ is rejected: it may have lost digits', () => {
    const e = thrown(() => caseSanction({ tariff: 12345678901234567.891, violations: ['1.4.1'] }));
    expect(e.issues[0]?.message).toBe('a number above 2^53 (12345678901234568) may have lost digits; give it as a decimal string');
  });
});
