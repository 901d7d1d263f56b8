/**
 * Issues are data: every code has a Russian and an English message, and each entry point's typical
 * bad input gives the expected code, parameters and both messages.
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, ISSUE_MESSAGES_EN, ISSUE_MESSAGES_RU, type IssueCode } from '../../src/_internal/issues';
import * as lib from '../../src/index';
import { failure } from '../errors';

const CYRILLIC = /[а-яё]/i;
/** Parameters that every template can show. */
const SAMPLE = {
  expected: 'string', received: '"x"', minimum: '0', maximum: '1', places: 2, keys: ['k'], values: ['a', 'b'], fields: ['a', 'b'],
  field: 'a', other: 'b', value: '"v"', first: '0', second: '1', sum: '0.9', limit: '10', code: '1.1', table: 't', date: '2025-01-01',
  count: 2, months: 6, start: 8, end: 13, fit: 5, previous: '2027', next: '2029', encoding: 'koi8', line: 3, detail: 'broken XML',
};

describe('the table of issue messages', () => {
  it('has every code of the union, once', () => {
    const all: Record<IssueCode, true> = Object.fromEntries(ISSUE_CODES.map((c) => [c, true])) as Record<IssueCode, true>;
    expect(Object.keys(all)).toHaveLength(ISSUE_CODES.length);
    expect(Object.keys(ISSUE_MESSAGES_RU)).toEqual(Object.keys(ISSUE_MESSAGES_EN));
    expect(ISSUE_CODES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ISSUE_CODES)('%s: a Russian and an English message, from the parameters', (code) => {
    const [ru, en] = [ISSUE_MESSAGES_RU[code], ISSUE_MESSAGES_EN[code]];
    expect(ru(SAMPLE)).toMatch(CYRILLIC);
    expect(en(SAMPLE)).not.toMatch(/undefined|\[object/);
    expect(ru(SAMPLE)).not.toMatch(/undefined|\[object/);
    expect(en(SAMPLE).length).toBeGreaterThan(3);
    // without parameters a template still gives text, never "undefined"
    expect(ru({})).not.toContain('undefined');
    expect(en({})).not.toContain('undefined');
  });
});

/** The code, path, parameters and both messages of each issue an entry point throws. */
function issuesOf(run: () => unknown): { error: string; issues: { code: IssueCode | undefined; path: (string | number)[]; params: unknown; en: string; ru: string }[] } {
  const e = failure(run);
  return { error: e.code, issues: e.issues.map((i) => ({ code: i.code, path: i.path, params: i.params, en: lib.issueMessage(i, 'en'), ru: lib.issueMessage(i, 'ru') })) };
}

describe('each entry point: code, params and both messages of a typical bad input', () => {
  it('reserve: a bound, a malformed decimal, a missing field, probabilities', () => {
    expect(issuesOf(() => lib.placementLimit({ balance: '1000000', share: '0.6' }))).toEqual({
      error: 'INVALID_INPUT',
      issues: [{ code: 'too_big', path: ['share'], params: { maximum: '0.5', received: '0.6' }, en: 'must be at most 0.5, got 0.6', ru: 'должно быть не больше 0.5, получено 0.6' }],
    });
    expect(issuesOf(() => lib.legacyReserve({ previousMonthExpenditure: '-5', currentBalance: '1e6' })).issues).toEqual([
      { code: 'too_small', path: ['previousMonthExpenditure'], params: { minimum: '0', received: '-5' }, en: 'must be at least 0, got -5', ru: 'должно быть не меньше 0, получено -5' },
      {
        code: 'not_a_decimal',
        path: ['currentBalance'],
        params: { received: '"1e6"' },
        en: 'expected a plain decimal string such as "1234.56", got "1e6"',
        ru: 'ожидалось десятичное число с точкой, например "1234.56", без пробелов и экспоненты, получено "1e6"',
      },
    ]);
    expect(issuesOf(() => lib.legacyReserve({ previousMonthExpenditure: '5' } as never)).issues).toEqual([
      {
        code: 'required',
        path: ['currentBalance'],
        params: { expected: 'decimal' },
        en: 'expected a decimal string, a finite number or a Decimal-like value, got undefined',
        ru: 'обязательное поле не задано (ожидалось: десятичное число — строка вида "1234.56", конечное число или Decimal)',
      },
    ]);
    const care = { scenarios: [{ value: '1', probability: '1' }], unitCost: '1' };
    expect(issuesOf(() => lib.reserveSize({ income: [{ value: '1', probability: '0.5' }], ambulatory: care, inpatient: care, dayHospital: care, payables: '0' }))).toEqual({
      error: 'PROBABILITIES_DO_NOT_SUM_TO_ONE',
      issues: [{ code: 'probabilities_sum', path: ['income'], params: { sum: '0.5' }, en: 'probabilities sum to 0.5, not 1', ru: 'сумма вероятностей равна 0.5, а должна быть равна 1' }],
    });
    expect(issuesOf(() => lib.plannedReserve({ required: '1', plannedIncome: '1', plannedBaseProgramCost: '1', minShare: '0.2', maxShare: '0.1' } as never)).issues).toEqual([
      {
        code: 'one_of',
        path: ['programFinancing'],
        params: { fields: ['programFinancing', 'targetArticles'] },
        en: 'give programFinancing or targetArticles (505 17 01 and 505 17 02)',
        ru: 'задайте programFinancing или targetArticles',
      },
      { code: 'out_of_order', path: ['minShare'], params: { field: 'minShare', other: 'maxShare', relation: 'above' }, en: 'minShare must not exceed maxShare', ru: 'minShare не должно превышать maxShare' },
    ]);
  });

  it('replenishment: kopecks, an unknown key, a period past December', () => {
    expect(issuesOf(() => lib.replenishmentSchedule({ planned: '1', openingBalance: '0.001', extra: 1 } as never)).issues).toEqual([
      { code: 'too_many_decimals', path: ['openingBalance'], params: { places: 2, received: '0.001' }, en: 'must have at most 2 decimal places, got 0.001', ru: 'допускается не более 2 знаков после точки, получено 0.001' },
      { code: 'unknown_key', path: [], params: { keys: ['extra'] }, en: 'Unrecognized key: "extra"', ru: 'неизвестное поле: "extra"' },
    ]);
    expect(issuesOf(() => lib.replenishmentSchedule({ planned: '1', openingBalance: '0', months: 6, startMonth: 8 })).issues).toEqual([
      {
        code: 'period_too_long',
        path: ['months'],
        params: { months: 6, start: 8, end: 13, fit: 5 },
        en: 'a formation period of 6 months starting in month 8 would end in month 13, past December; at most 5 months fit in the fiscal year',
        ru: 'период формирования из 6 мес. с месяца 8 закончился бы в месяце 13, после декабря; в финансовый год помещается не более 5 мес.',
      },
    ]);
  });

  it('sanctions: a date, a setting, a code, an unknown code, a missing rate, shares', () => {
    expect(issuesOf(() => lib.caseSanction({ tariff: '1', date: '2025-13-01', setting: 'home', violations: ['3-2'] } as never)).issues).toEqual([
      { code: 'not_a_date', path: ['date'], params: { received: '"2025-13-01"' }, en: 'expected an ISO date such as "2025-03-01", got "2025-13-01"', ru: 'ожидалась дата ГГГГ-ММ-ДД, например "2025-03-01", получено "2025-13-01"' },
      {
        code: 'invalid_value',
        path: ['setting'],
        params: { values: ['ambulatory', 'ambulance', 'all', 'hospital'], received: '"home"' },
        en: 'expected a setting: "ambulatory", "ambulance", "all" or "hospital"',
        ru: 'ожидалось одно из значений: "ambulatory", "ambulance", "all", "hospital", получено "home"',
      },
      {
        code: 'not_a_code',
        path: ['violations', 0],
        params: { received: '"3-2"' },
        en: 'expected a violation code of the form d.d or d.d.d such as "3.2.1", got "3-2"',
        ru: 'ожидался код нарушения вида d.d или d.d.d, например "3.2.1", получено "3-2"',
      },
    ]);
    expect(issuesOf(() => lib.caseSanction({ tariff: '1', violations: ['1.1', '1.1'] })).issues).toEqual([
      {
        code: 'duplicate',
        path: ['violations', 1],
        params: { value: '"1.1"', first: '0' },
        en: 'violation code "1.1" is listed twice (also at 0); list each code once per case',
        ru: '"1.1" указано дважды (также в позиции 0)',
      },
    ]);
    const table = lib.builtinSanctionTable.id;
    expect(issuesOf(() => lib.caseSanction({ tariff: '1', violations: ['9.9'] }))).toEqual({
      error: 'UNKNOWN_CODE',
      issues: [{ code: 'unknown_code', path: ['violations', 0], params: { code: '9.9', table }, en: `violation code "9.9" is not in sanction table ${table}`, ru: `кода "9.9" нет в таблице ${table}` }],
    });
    expect(issuesOf(() => lib.caseSanction({ tariff: '1', violations: ['1.2'] })).issues.map(({ code, params, ru }) => ({ code, params, ru }))).toEqual([
      { code: 'missing_rate', params: { code: '1.2' }, ru: 'у кода "1.2" есть штраф (Кшт): нужен подушевой норматив (РП), он не задан' },
    ]);
    expect(issuesOf(() => lib.caseSanction({ tariff: '1', date: '2024-01-01', violations: ['1.1'] })).issues.map(({ code, params, ru }) => ({ code, params, ru }))).toEqual([
      { code: 'no_table', params: { date: '2024-01-01' }, ru: 'на 2024-01-01 не действует ни одна таблица санкций' },
    ]);
    expect(issuesOf(() => lib.allocateSanctionProceeds('100', { a: '0.5', b: '0.4' })).issues).toEqual([
      { code: 'shares_sum', path: ['shares'], params: { sum: '0.9' }, en: 'the shares add up to 0.9, not 1', ru: 'сумма долей равна 0.9, а должна быть равна 1' },
    ]);
  });

  it('smo-rating: an enum, a bound, a duplicate', () => {
    expect(issuesOf(() => lib.smoIndicators({ quarter: 5, data: { appeals: -1 } } as never)).issues.map(({ code, path, ru }) => ({ code, path, ru }))).toEqual([
      { code: 'invalid_value', path: ['quarter'], ru: 'ожидалось одно из значений: "1", "2", "3", "4", получено 5' },
      { code: 'too_small', path: ['data', 'appeals'], ru: 'должно быть не меньше 0, получено -1' },
    ]);
    expect(issuesOf(() => lib.smoRating({ smos: [{ smo: 'А', resultExact: '1' }, { smo: 'А', resultExact: '2' }] })).issues).toEqual([
      { code: 'duplicate', path: ['smos', 1, 'smo'], params: { value: '"А"', first: '0' }, en: 'smo "А" is given twice (also at index 0)', ru: '"А" указано дважды (также в позиции 0)' },
    ]);
  });

  it('subvention and registry: a missing line, a file that is not F014, a source that is not a register', () => {
    const claim = issuesOf(() => lib.subventionClaim({} as never));
    expect(claim.issues.every((i) => i.code === 'required')).toBe(true);
    expect(claim.issues[0]?.path).toEqual(['openingBalance']);
    const form = {
      openingBalance: '1000000', capitationFunds: '50000000', omsIncome: '200000', sanctionIncome: '300000', damagesRecovered: '0', reserveReturns: '0',
      acceptedInvoices: '58000000', invoicePayments: '59000000', administration: '1500000', prevention: '1.234', otherExpenses: '100000',
    };
    expect(issuesOf(() => lib.subventionClaim(form)).issues).toEqual([
      { code: 'too_many_decimals', path: ['prevention'], params: { places: 2, received: '1.234' }, en: 'must have at most 2 decimal places, got 1.234', ru: 'допускается не более 2 знаков после точки, получено 1.234' },
      {
        code: 'exceeds',
        path: ['invoicePayments'],
        params: { field: 'invoicePayments (8.2)', value: '59000000', other: 'acceptedInvoices (8.1)', limit: '58000000' },
        en: 'payments on invoices (line 8.2, 59000000) exceed the invoices accepted (line 8.1, 58000000); give outstandingInvoices (line 11) explicitly',
        ru: 'invoicePayments (8.2) = 59000000 больше, чем acceptedInvoices (8.1) = 58000000',
      },
    ]);
    expect(issuesOf(() => lib.parseF014Xml('<root/>')).issues).toEqual([
      { code: 'not_f014', path: [], params: {}, en: 'no packet/zap rows: not the F014 classifier file', ru: 'нет строк packet/zap: это не файл классификатора F014' },
    ]);
    const e = failure(() => lib.auditRegistry(42 as never));
    expect(e.code).toBe('NOT_A_REGISTER');
    expect(e.issues.map((i) => [i.code, lib.issueMessage(i)])).toEqual([['not_a_register', 'это не реестр счетов (ZL_LIST) в формате XML']]);
  });
});

describe('formatIssues and issueMessage', () => {
  const e = failure(() => lib.legacyReserve({ previousMonthExpenditure: '-5', currentBalance: '1e6' }));

  it('one line per issue with its path, Russian by default', () => {
    expect(lib.formatIssues(e)).toBe(
      'previousMonthExpenditure: должно быть не меньше 0, получено -5\n' +
        'currentBalance: ожидалось десятичное число с точкой, например "1234.56", без пробелов и экспоненты, получено "1e6"',
    );
    expect(lib.formatIssues(e.issues, { locale: 'en' })).toBe(
      'previousMonthExpenditure: must be at least 0, got -5\ncurrentBalance: expected a plain decimal string such as "1234.56", got "1e6"',
    );
  });

  it('an issue written as { path, message } is custom: its message, marked as such in Russian', () => {
    const custom = new lib.OmsCalcError('INVALID_INPUT', 'x', [{ path: [], message: 'something odd' }]);
    expect(custom.issues).toEqual([{ code: 'custom', path: [], params: {}, message: 'something odd' }]);
    expect(lib.formatIssues(custom)).toBe('недопустимое значение: something odd');
    expect(lib.formatIssues(custom, { locale: 'en' })).toBe('something odd');
  });

  it('bad arguments are INVALID_INPUT, never a foreign error', () => {
    expect(failure(() => lib.formatIssues(42 as never)).issues[0]?.code).toBe('invalid_type');
    expect(failure(() => lib.formatIssues(e, { locale: 'de' as never })).issues[0]).toMatchObject({ code: 'invalid_value', path: ['locale'] });
    expect(failure(() => lib.issueMessage({} as never)).code).toBe('INVALID_INPUT');
  });
});

describe('docs/guides/errors.md', () => {
  it('lists every code with its Russian and English example', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/guides/errors.md', import.meta.url), 'utf8');
    const rows = new Set([...doc.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]));
    expect([...rows].sort()).toEqual([...ISSUE_CODES].sort());
  });
});
