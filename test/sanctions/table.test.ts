import { describe, expect, it } from 'vitest';
import { annex25 } from '../../src/sanctions/data/tariff-agreement-2025-01-09-annex-25';
import { builtinSanctionTable, caseSanction, defineSanctionTable, findViolation, isOmsCalcError, type SanctionTableInput } from '../../src/sanctions';
import { isoDateNumber, SOURCES } from '../../src/_internal';
import { isDefinedTable, isIsoDate } from '../../src/sanctions/table';

// The numbers and columns of decision D4, as sanctions.md lists them: code, section, Кно, Кшт,
// and where the columns come from: two numbers on the row ('layout'), the classifier F014 ('F014'),
// or inferred ('inferred': only 2.16.3, 3.14.x, 3.15.x, which postdate that classifier).
const SPEC: [string, 'MEK' | 'MEE' | 'EKMP', string | null, string | null, 'layout' | 'F014' | 'inferred'][] = [
  ['1.1', 'MEK', null, '0.3', 'F014'], ['1.2', 'MEK', null, '1', 'F014'], ['1.3', 'MEK', '1', '0.3', 'layout'],
  ['1.4.1', 'MEK', '1', null, 'F014'], ['1.4.2', 'MEK', '1', null, 'F014'], ['1.4.3', 'MEK', '1', null, 'F014'],
  ['1.4.4', 'MEK', '1', null, 'F014'], ['1.4.5', 'MEK', '1', null, 'F014'], ['1.4.6', 'MEK', '1', null, 'F014'],
  ['1.5', 'MEK', '1', null, 'F014'], ['1.6.1', 'MEK', '1', null, 'F014'], ['1.6.2', 'MEK', '1', null, 'F014'],
  ['1.6.3', 'MEK', '1', null, 'F014'], ['1.6.4', 'MEK', '1', null, 'F014'], ['1.7.1', 'MEK', '1', null, 'F014'],
  ['1.7.2', 'MEK', '1', null, 'F014'], ['1.8.1', 'MEK', '1', null, 'F014'], ['1.8.2', 'MEK', '1', null, 'F014'],
  ['1.8.3', 'MEK', '1', null, 'F014'], ['1.9', 'MEK', '1', null, 'F014'], ['1.10.1', 'MEK', '1', null, 'F014'],
  ['1.10.2', 'MEK', '1', null, 'F014'], ['1.10.3', 'MEK', '1', null, 'F014'], ['1.10.4', 'MEK', '1', null, 'F014'],
  ['1.10.5', 'MEK', '1', null, 'F014'], ['1.10.6', 'MEK', '1', null, 'F014'], ['2.1', 'MEE', null, '0.3', 'F014'],
  ['2.2', 'MEE', '1', '3', 'layout'], ['2.7', 'MEE', '1', '0.3', 'layout'], ['2.8', 'MEE', '1', '0.3', 'layout'],
  ['2.9', 'MEE', null, '1', 'F014'], ['2.10', 'MEE', '0.5', '0.5', 'layout'], ['2.11', 'MEE', null, '0.6', 'F014'],
  ['2.12', 'MEE', '1', null, 'F014'], ['2.13', 'MEE', '0.1', null, 'F014'], ['2.14', 'MEE', '0.5', null, 'F014'],
  ['2.15', 'MEE', '1', null, 'F014'], ['2.16.1', 'MEE', '0.1', '0.3', 'layout'],
  ['2.16.2', 'MEE', '1', '1', 'layout'], ['2.16.3', 'MEE', '1', null, 'inferred'],
  ['2.17', 'MEE', null, '0.3', 'F014'], ['2.18', 'MEE', null, '0.3', 'F014'], ['3.1.1', 'EKMP', '0.1', null, 'F014'],
  ['3.1.2', 'EKMP', '0.3', null, 'F014'], ['3.1.3', 'EKMP', '0.4', '0.3', 'layout'],
  ['3.1.4', 'EKMP', '0.9', '1', 'layout'], ['3.1.5', 'EKMP', '1', '3', 'layout'],
  ['3.2.1', 'EKMP', '0.1', null, 'F014'], ['3.2.2', 'EKMP', '0.4', '0.3', 'layout'],
  ['3.2.3', 'EKMP', '0.9', '1', 'layout'], ['3.2.4', 'EKMP', '1', '3', 'layout'],
  ['3.2.5', 'EKMP', '0.9', '1', 'layout'], ['3.2.6', 'EKMP', '0.9', '1', 'layout'],
  ['3.3', 'EKMP', '0.5', '0.6', 'layout'], ['3.4', 'EKMP', '0.5', '0.3', 'layout'],
  ['3.5', 'EKMP', '0.3', null, 'F014'], ['3.6', 'EKMP', '0.8', '1', 'layout'], ['3.7', 'EKMP', '1', '0.3', 'layout'],
  ['3.8', 'EKMP', '1', '0.3', 'layout'], ['3.9', 'EKMP', '1', '0.3', 'layout'],
  ['3.10', 'EKMP', '0.9', '0.5', 'layout'], ['3.11', 'EKMP', '0.5', null, 'F014'],
  ['3.12', 'EKMP', null, '0.3', 'F014'], ['3.13', 'EKMP', '0.5', '0.6', 'layout'],
  ['3.14.1', 'EKMP', null, '1', 'inferred'], ['3.14.2', 'EKMP', null, '2', 'inferred'],
  ['3.14.3', 'EKMP', null, '3', 'inferred'], ['3.15.1', 'EKMP', null, '1', 'inferred'],
  ['3.15.2', 'EKMP', null, '2', 'inferred'], ['3.15.3', 'EKMP', null, '3', 'inferred'],
];

const raw = (overrides: Partial<SanctionTableInput> = {}): SanctionTableInput => ({
  id: 'fund-2026',
  title: 'Перечень фонда',
  source: 'Тарифное соглашение фонда, прил. 25',
  validFrom: '2026-01-01',
  entries: [
    { code: '3.2.1', section: 'EKMP', title: 'не повлиявшее на состояние здоровья', kno: '0.2', ksht: null },
    { code: '3.14.1', section: 'EKMP', title: 'отказ в оказании помощи', ksht: '1.5' },
  ],
  ...overrides,
});

function issuesOf(f: () => unknown): { code: string; issues: { path: (string | number)[]; message: string }[] } {
  try {
    f();
  } catch (e) {
    if (isOmsCalcError(e)) return { code: e.code, issues: e.issues };
    throw e;
  }
  throw new Error('expected an OmsCalcError');
}

describe('the built-in table (Приложение № 25 к тарифному соглашению от 09.01.2025)', () => {
  it('has its id, period and source', () => {
    expect(builtinSanctionTable.id).toBe('tariff-agreement-2025-01-09-annex-25');
    expect(builtinSanctionTable.validFrom).toBe('2025-01-01');
    expect(builtinSanctionTable.validTo).toBeUndefined();
    expect(builtinSanctionTable.source).toBe(SOURCES.tariffAgreement);
  });

  it('has the 70 rows of decision D4, in the order of the list, with their numbers, columns and bases', () => {
    const rows = builtinSanctionTable.entries.map((e) => [e.code, e.section, e.kno?.toString() ?? null, e.ksht?.toString() ?? null, e.basis]);
    expect(builtinSanctionTable.entries.every((e) => e.verified === (e.basis !== 'inferred'))).toBe(true);
    expect(rows).toEqual(SPEC);
    expect(rows).toHaveLength(70);
  });

  it('gives every row a wording; sub-items carry their group heading', () => {
    for (const e of builtinSanctionTable.entries) expect(e.title.length).toBeGreaterThan(20);
    const title = (code: string): string => findViolation(code).title;
    expect(title('1.4.1')).toBe(
      'Нарушения, связанные с оформлением и предъявлением на оплату счетов и реестров счетов, в том числе: наличие ошибок и/или недостоверной информации в реквизитах счета',
    );
    expect(title('3.1.1')).toMatch(/^Установление неверного диагноза, связанное с невыполнением.*: не повлиявшее на состояние здоровья застрахованного лица$/);
    expect(title('3.2.1')).toMatch(/^Невыполнение, несвоевременное или ненадлежащее выполнение .*: не повлиявшее на состояние здоровья застрахованного лица$/);
    expect(title('3.14.3')).toBe(
      'Необоснованный отказ застрахованным лицам в оказании медицинской помощи в соответствии с программами обязательного медицинского страхования, в том числе: приведший к летальному исходу.',
    );
    expect(title('3.15.1')).toMatch(/^Непроведение диспансерного наблюдения застрахованного лица .* в том числе: с отсутствием последующего ухудшения состояния здоровья$/);
    expect(title('1.8.2')).toMatch(/^Нарушения, связанные с включением в реестр счетов нелицензированных видов/);
    expect(title('1.7.1')).toMatch(/^Нарушения, связанные с необоснованным применением тарифа/);
    expect(title('2.16.2')).toMatch(/^Несоответствие данных медицинской документации данным реестра счетов, в том числе: включение в счет/);
    // Line breaks of the printed text are joined; words broken with a hyphen keep it.
    expect(title('2.11')).toContain('учетно-отчетной документации');
    expect(title('3.10')).toContain('патолого-анатомического');
    for (const e of builtinSanctionTable.entries) expect(e.title).not.toMatch(/\s{2}|\n|;$/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(builtinSanctionTable)).toBe(true);
    expect(Object.isFrozen(builtinSanctionTable.entries)).toBe(true);
    expect(Object.isFrozen(builtinSanctionTable.entries[0])).toBe(true);
  });

  it('is the data file, validated: the table made at import without a parse is the one the parse makes', () => {
    expect(annex25.entries).toHaveLength(70);
    const parsed = defineSanctionTable(annex25);
    // every field, the coefficients as their decimal strings (Decimal's toJSON)
    expect(JSON.stringify(builtinSanctionTable)).toBe(JSON.stringify(parsed));
    expect(builtinSanctionTable.entries.map((e) => [e.kno?.constructor, e.ksht?.constructor])).toEqual(parsed.entries.map((e) => [e.kno?.constructor, e.ksht?.constructor]));
    expect(isDefinedTable(builtinSanctionTable)).toBe(true);
  });
});

describe('defineSanctionTable', () => {
  it("accepts a fund table; basis defaults to 'layout' (verified true); kno/ksht may be absent or null", () => {
    const t = defineSanctionTable(raw());
    expect(t.entries.map((e) => [e.code, e.kno?.toString() ?? null, e.ksht?.toString() ?? null, e.basis, e.verified])).toEqual([
      ['3.2.1', '0.2', null, 'layout', true],
      ['3.14.1', null, '1.5', 'layout', true],
    ]);
    expect(caseSanction({ tariff: '1000', date: '2026-02-01', violations: ['3.2.1'] }, { tables: [t] }).nonPayment.toString()).toBe('200');
  });

  it('reports one issue per problem, with its path', () => {
    const bad = raw({
      validFrom: '2026-02-30',
      entries: [
        { code: '3.2', section: 'EKMP', title: 'x', kno: '1.5' },
        { code: '3.2', section: 'EKMP', title: 'y', ksht: '-1' },
        { code: '3.x', section: 'EKMP', title: 'z', kno: '0.1' },
        { code: '4.1', section: 'EKMP', title: 'w', kno: null, ksht: null },
      ],
    });
    const { code, issues } = issuesOf(() => defineSanctionTable(bad));
    expect(code).toBe('INVALID_INPUT');
    expect(issues).toMatchObject([
      { path: ['validFrom'], message: 'expected an ISO date such as "2025-03-01", got "2026-02-30"' },
      { path: ['entries', 0, 'kno'], message: 'must be at most 1, got 1.5' },
      { path: ['entries', 1, 'ksht'], message: 'must be at least 0, got -1' },
      { path: ['entries', 2, 'code'], message: 'expected a violation code of the form d.d or d.d.d such as "3.2.1", got "3.x"' },
      { path: ['entries', 3, 'kno'], message: 'a row needs Кно (kno) or Кшт (ksht), or both' },
    ]);
  });

  it('takes coefficients with at most two places: a float artefact is reported, not stored', () => {
    const e = issuesOf(() => defineSanctionTable(raw({ entries: [{ code: '1.2', section: 'MEK', title: 'a', kno: 0.1 + 0.2, ksht: '0.333' }] })));
    expect(e.issues).toMatchObject([
      { path: ['entries', 0, 'kno'], message: 'must have at most 2 decimal places, got 0.30000000000000004' },
      { path: ['entries', 0, 'ksht'], message: 'must have at most 2 decimal places, got 0.333' },
    ]);
  });

  it('rejects a row that gives both basis and a verified flag that disagree', () => {
    const e = issuesOf(() => defineSanctionTable(raw({ entries: [{ code: '1.2', section: 'MEK', title: 'a', kno: '1', basis: 'inferred', verified: true }] })));
    expect(e.issues).toMatchObject([{ path: ['entries', 0, 'verified'], message: 'verified must be false exactly when basis is "inferred"' }]);
    const old = defineSanctionTable(raw({ entries: [{ code: '1.2', section: 'MEK', title: 'a', kno: '1', verified: false }] }));
    expect([old.entries[0]?.basis, old.entries[0]?.verified]).toEqual(['inferred', false]);
  });

  it('rejects duplicate codes and a period that ends before it starts', () => {
    const dup = raw({ validTo: '2025-12-31', entries: [...raw().entries, { code: '3.2.1', section: 'EKMP', title: 'again', kno: '0.1' }] });
    expect(issuesOf(() => defineSanctionTable(dup)).issues).toMatchObject([
      { path: ['validTo'], message: 'validTo 2025-12-31 is before validFrom 2026-01-01' },
      { path: ['entries', 2, 'code'], message: 'duplicate code "3.2.1" (also entry 0)' },
    ]);
  });

  it('rejects an empty table, unknown fields and non-objects', () => {
    expect(issuesOf(() => defineSanctionTable(raw({ entries: [] }))).issues).toMatchObject([{ path: ['entries'], message: 'a table needs at least one entry' }]);
    expect(issuesOf(() => defineSanctionTable({ ...raw(), extra: 1 })).code).toBe('INVALID_INPUT');
    expect(issuesOf(() => defineSanctionTable('table')).code).toBe('INVALID_INPUT');
    expect(issuesOf(() => defineSanctionTable(null)).code).toBe('INVALID_INPUT');
  });

  it('survives a JSON round trip (Decimals become strings and are read back)', () => {
    const again = defineSanctionTable(JSON.parse(JSON.stringify(builtinSanctionTable)));
    expect(JSON.stringify(again)).toBe(JSON.stringify(builtinSanctionTable));
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31'].map(isIsoDate)).toEqual([true, true, true, true]);
    expect(['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '25-01-01x', '2025/01/01', '２０２５-01-01'].map(isIsoDate)).toEqual(
      new Array(9).fill(false),
    );
  });

  it('takes a date exactly when isoDateNumber reads it, with each byte from * to A at each place', () => {
    for (let place = 0; place < 10; place++) {
      for (let c = 42; c <= 65; c++) {
        const s = '2024-02-29'.slice(0, place) + String.fromCharCode(c) + '2024-02-29'.slice(place + 1);
        expect([s, isIsoDate(s)]).toEqual([s, isoDateNumber(s) >= 0]);
      }
    }
  });
});
