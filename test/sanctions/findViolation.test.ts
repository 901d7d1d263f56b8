import { describe, expect, it } from 'vitest';
import { builtinSanctionTable, defineSanctionTable, findViolation } from '../../src/sanctions';
import { thrown } from './helpers';

const later = defineSanctionTable({
  id: 'fund-2026',
  title: 'Перечень 2026',
  source: 'Тарифное соглашение от 12.01.2026, прил. 25',
  validFrom: '2026-01-01',
  entries: [{ code: '3.2.1', section: 'EKMP', title: 'не повлиявшее на состояние здоровья', kno: '0.2' }],
});

describe('findViolation', () => {
  it('finds a code of the built-in table', () => {
    const e = findViolation('3.14.3');
    expect(e.section).toBe('EKMP');
    expect(e.kno).toBeNull();
    expect(e.ksht?.toString()).toBe('3');
    expect(e.verified).toBe(false);
    expect(e).toBe(builtinSanctionTable.entries.find((x) => x.code === '3.14.3'));
  });

  it('picks the table in force on the date', () => {
    expect(findViolation('3.2.1', { tables: [builtinSanctionTable, later], date: '2025-06-01' }).kno?.toString()).toBe('0.1');
    expect(findViolation('3.2.1', { tables: [builtinSanctionTable, later], date: '2026-06-01' }).kno?.toString()).toBe('0.2');
  });

  it('names the code and the table of an unknown code', () => {
    expect(thrown(() => findViolation('2.3'))).toMatchObject({
      code: 'UNKNOWN_CODE',
      message: 'findViolation: violation code "2.3" is not in sanction table tariff-agreement-2025-01-09-annex-25',
      issues: [{ path: ['code'], message: 'violation code "2.3" is not in sanction table tariff-agreement-2025-01-09-annex-25' }],
    });
  });

  it('rejects a malformed code, a date with no table, and several tables without a date', () => {
    expect(thrown(() => findViolation('3-2-1')).code).toBe('INVALID_INPUT');
    expect(thrown(() => findViolation('3.2.1', { date: '2024-12-31' }))).toMatchObject({
      code: 'NO_TABLE_FOR_DATE',
      issues: [{ path: ['date'], message: 'no sanction table is in force on 2024-12-31; tables given: tariff-agreement-2025-01-09-annex-25 (2025-01-01 – …)' }],
    });
    expect(thrown(() => findViolation('3.2.1', { tables: [builtinSanctionTable, later] })).issues[0]?.message).toMatch(/^a date is needed to choose among 2 sanction tables/);
    expect(thrown(() => findViolation('3.2.1', { tables: [] })).issues).toMatchObject([{ path: ['tables'], message: 'give at least one table, or leave tables out for the built-in one' }]);
  });
});
