import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  builtinF014,
  builtinSanctionTable,
  caseSanction,
  defineF014,
  findF014,
  findViolation,
  sanctionTableFromF014,
} from '../../src/sanctions';
import { f014From20210525 } from '../../src/sanctions/data/f014-2021-05-25';
import { isDefinedF014 } from '../../src/sanctions/f014';
import { failure } from '../errors';

/** The published rows of F014 valid from 2021-05-25 (shared/reference), as the classifier has them. */
const reference = readFileSync(new URL('../../../shared/reference/f014-2021-05-25.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [kod, osn, dateBeg, dateEnd, kNo, kSh] = line.split(';') as [string, string, string, string, string, string];
    return { kod: Number(kod), osn, dateBeg, dateEnd, kNo, kSh };
  });

const asZero = (x: { toString(): string } | null): string => (x === null ? '0' : x.toString());

describe('builtinF014: the classifier as published', () => {
  it('has the 71 rows of the reference, Kod 201–271, with their points, dates, K_NO and K_SH', () => {
    expect(reference).toHaveLength(71);
    expect(builtinF014.entries.map((e) => [e.kod, e.osn, e.dateBeg, e.dateEnd ?? '', asZero(e.kno), asZero(e.ksht)])).toEqual(
      reference.map((r) => [r.kod, r.osn, r.dateBeg, r.dateEnd, r.kNo, r.kSh]),
    );
    expect(builtinF014.entries.map((e) => e.kod)).toEqual(Array.from({ length: 71 }, (_, i) => 201 + i));
  });

  it('is the data file, validated: the classifier made at import without a parse is the one the parse makes', () => {
    const parsed = defineF014(f014From20210525);
    const titled = (t: typeof builtinF014): unknown[] => t.entries.map(({ title: _, ...e }) => e);
    // every field but the titles (which the built-in takes from the tariff agreement), coefficients as decimal strings
    expect(JSON.stringify(titled(builtinF014))).toBe(JSON.stringify(titled(parsed)));
    expect([builtinF014.id, builtinF014.title, builtinF014.source]).toEqual([parsed.id, parsed.title, parsed.source]);
    expect(builtinF014.entries.map((e) => [e.kno?.constructor, e.ksht?.constructor])).toEqual(parsed.entries.map((e) => [e.kno?.constructor, e.ksht?.constructor]));
    expect(isDefinedF014(builtinF014)).toBe(true);
  });

  it('carries the wording of the tariff agreement where it has the point, and none for 2.3.x–2.6', () => {
    const byOsn = new Map(builtinF014.entries.map((e) => [e.osn, e]));
    for (const e of builtinSanctionTable.entries) if (byOsn.has(e.code)) expect(byOsn.get(e.code)?.title).toBe(e.title);
    expect(['2.3.1', '2.3.2', '2.3.3', '2.4', '2.5.1', '2.5.2', '2.5.3', '2.6'].map((o) => byOsn.get(o)?.title)).toEqual(Array(8).fill(undefined));
    expect(builtinF014.entries.filter((e) => e.title === undefined)).toHaveLength(8);
  });

  it('gives each row its section from the first number of the point', () => {
    expect(findF014(201, '2025-01-01').section).toBe('MEK');
    expect(findF014(227, '2025-01-01').section).toBe('MEE');
    expect(findF014(271, '2025-01-01').section).toBe('EKMP');
  });
});

describe('the built-in coefficient table agrees with F014', () => {
  it('on every code both carry (absent = 0): Кно = K_NO and Кшт = K_SH', () => {
    const byOsn = new Map(reference.map((r) => [r.osn, r]));
    const shared = builtinSanctionTable.entries.filter((e) => byOsn.has(e.code));
    expect(shared).toHaveLength(63);
    const disagree = shared
      .map((e) => ({ code: e.code, table: [asZero(e.kno), asZero(e.ksht)], f014: [byOsn.get(e.code)?.kNo, byOsn.get(e.code)?.kSh] }))
      .filter((d) => d.table[0] !== d.f014[0] || d.table[1] !== d.f014[1]);
    expect(disagree).toEqual([]);
  });

  it("marks a one-number row 'F014' exactly when the classifier carries the point, and only 2.16.3, 3.14.x, 3.15.x 'inferred'", () => {
    const carried = new Set(reference.map((r) => r.osn));
    for (const e of builtinSanctionTable.entries) {
      const two = e.kno !== null && e.ksht !== null;
      expect([e.code, e.basis]).toEqual([e.code, two ? 'layout' : carried.has(e.code) ? 'F014' : 'inferred']);
    }
    expect(builtinSanctionTable.entries.filter((e) => e.basis === 'inferred').map((e) => e.code)).toEqual([
      '2.16.3', '3.14.1', '3.14.2', '3.14.3', '3.15.1', '3.15.2', '3.15.3',
    ]);
  });
});

describe('the three codes F014 settles as fines (Fixed)', () => {
  // Before, the built-in table charged a non-payment for them. F014: Кно 0, Кшт 1 / 0.6 / 0.3.
  const rates = { perCapitaRates: { hospital: '7123.36', ambulatory: '1850.40' } };

  it('1.2 is a fine of 1 РП, no non-payment', () => {
    // РТ = 25 000.00, РП (ambulatory) = 1 850.40: Н = 0; Сшт = 1 850.40 × 1 = 1 850.40
    const r = caseSanction({ tariff: '25000.00', setting: 'ambulatory', violations: ['1.2'] }, rates);
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['0', '1850.4']);
    expect([findViolation('1.2').kno, findViolation('1.2').ksht?.toString(), findViolation('1.2').basis]).toEqual([null, '1', 'F014']);
  });

  it('2.11 is a fine of 0.6 РП, no non-payment', () => {
    // РТ = 48 750.00, РП (hospital) = 7 123.36: Н = 0; Сшт = 7 123.36 × 0.6 = 4 274.016 → 4 274.02
    const r = caseSanction({ tariff: '48750.00', setting: 'hospital', violations: ['2.11'] }, rates);
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['0', '4274.02']);
  });

  it('2.17 is a fine of 0.3 РП, no non-payment', () => {
    // РТ = 48 750.00, РП (hospital) = 7 123.36: Н = 0; Сшт = 7 123.36 × 0.3 = 2 137.008 → 2 137.01
    const r = caseSanction({ tariff: '48750.00', setting: 'hospital', violations: ['2.17'] }, rates);
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['0', '2137.01']);
  });

  it('now need РП: without one they are MISSING_PER_CAPITA_RATE', () => {
    expect(failure(() => caseSanction({ tariff: '1000', violations: ['2.11'] })).code).toBe('MISSING_PER_CAPITA_RATE');
  });
});

describe('findF014', () => {
  it('finds a row by Kod on a date inside its period', () => {
    const e = findF014(258, '2021-05-25');
    expect([e.osn, e.kno?.toString(), e.ksht?.toString()]).toEqual(['3.2.4', '1', '3']);
  });

  it('UNKNOWN_CODE names the Kod and the date, before the period and for a Kod not in the copy', () => {
    const before = failure(() => findF014(258, '2021-05-24'));
    expect(before.code).toBe('UNKNOWN_CODE');
    expect(before.issues).toMatchObject([{ path: ['kod'], message: 'F014 Kod 258 is not valid on 2021-05-24 in f014-2021-05-25 (its rows: 2021-05-25 – …)' }]);
    expect(failure(() => findF014(999, '2025-01-01')).message).toBe('findF014: F014 Kod 999 is not in f014-2021-05-25');
  });

  it('rejects a malformed Kod or date', () => {
    expect(failure(() => findF014(2.5, '2025-01-01')).issues).toMatchObject([{ path: ['kod'], message: 'expected Kod as an integer' }]);
    expect(failure(() => findF014(201, '2025-02-30')).issues[0]?.path).toEqual(['date']);
  });

  it('reads a user copy, made or plain, with its own periods', () => {
    const raw = {
      id: 'f014-user',
      entries: [
        { kod: 1, osn: '5.1.4.', dateBeg: '2011-01-01', dateEnd: '2021-05-24', kno: '1', ksht: '0' },
        { kod: 258, osn: '3.2.4', dateBeg: '2021-05-25', dateEnd: '2025-12-31', kno: '1', ksht: '3' },
        { kod: 258, osn: '3.2.4', dateBeg: '2026-01-01', kno: '0.9', ksht: '3' },
      ],
    };
    const f014 = defineF014(raw);
    expect(findF014(1, '2020-06-01', f014)).toMatchObject({ osn: '5.1.4', section: null, dateEnd: '2021-05-24' });
    expect(findF014(258, '2025-12-31', f014).kno?.toString()).toBe('1');
    expect(findF014(258, '2026-01-01', f014).kno?.toString()).toBe('0.9');
    expect(findF014(258, '2026-01-01', JSON.parse(JSON.stringify(f014))).kno?.toString()).toBe('0.9');
    expect(failure(() => findF014(1, '2021-05-25', f014)).message).toBe('findF014: F014 Kod 1 is not valid on 2021-05-25 in f014-user (its rows: 2011-01-01 – 2021-05-24)');
  });
});

describe('defineF014', () => {
  it('reports one issue per problem: overlapping periods of one Kod, reversed dates, bad numbers', () => {
    const e = failure(() =>
      defineF014({
        entries: [
          { kod: 258, osn: '3.2.4', dateBeg: '2021-05-25', kno: '1', ksht: '3' },
          { kod: 258, osn: '3.2.4', dateBeg: '2026-01-01', kno: '0.9', ksht: '3' },
          { kod: 7, osn: '3.x', dateBeg: '2021-05-25', dateEnd: '2021-01-01', kno: '1.5', ksht: '-1' },
          { kod: 1000, osn: '1.1', dateBeg: '2021-05-25' },
        ],
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    // the rows' own checks first; the periods are compared once every row is valid
    expect(e.issues).toMatchObject([
      { path: ['entries', 2, 'osn'], message: 'expected Osn of the form d, d.d or d.d.d such as "3.2.4", got "3.x"' },
      { path: ['entries', 2, 'kno'], message: 'must be at most 1, got 1.5' },
      { path: ['entries', 2, 'ksht'], message: 'must be at least 0, got -1' },
      { path: ['entries', 3, 'kod'], message: 'Kod must be at most 999' },
    ]);
  });

  it('checks the periods once the rows are valid', () => {
    const e = failure(() =>
      defineF014({
        entries: [
          { kod: 258, osn: '3.2.4', dateBeg: '2021-05-25', kno: '1', ksht: '3' },
          { kod: 258, osn: '3.2.4', dateBeg: '2026-01-01', kno: '0.9', ksht: '3' },
          { kod: 7, osn: '3.1', dateBeg: '2021-05-25', dateEnd: '2021-01-01', kno: '1' },
        ],
      }),
    );
    expect(e.issues).toMatchObject([
      { path: ['entries', 1, 'dateBeg'], message: 'Kod 258: the period 2026-01-01 – … overlaps entry 0 (2021-05-25 – …)' },
      { path: ['entries', 2, 'dateEnd'], message: 'DATEEND 2021-01-01 is before DATEBEG 2021-05-25' },
    ]);
  });

  it('survives a JSON round trip', () => {
    expect(JSON.stringify(defineF014(JSON.parse(JSON.stringify(builtinF014))))).toBe(JSON.stringify(builtinF014));
  });
});

describe('sanctionTableFromF014: a region that applies the federal values', () => {
  const federal = sanctionTableFromF014({ id: 'federal-2025', title: 'Федеральные значения', source: 'Классификатор F014 (ФФОМС)', validFrom: '2025-01-01' });

  it('has every point of the list of 231н in F014 with a coefficient, in the order of the list', () => {
    expect(federal.entries).toHaveLength(71);
    expect(federal.entries.slice(0, 4).map((e) => e.code)).toEqual(['1.1', '1.2', '1.3', '1.4.1']);
    expect(federal.entries.map((e) => e.code).indexOf('1.10.1')).toBeGreaterThan(federal.entries.map((e) => e.code).indexOf('1.9'));
    expect(federal.entries.every((e) => e.basis === 'F014')).toBe(true);
  });

  it('computes with the federal values, including the points the agreement does not list', () => {
    // 2.3.2 (F014 Kod 230): Кно 0, Кшт 2; РП = 1 000: Сшт = 2 000
    const r = caseSanction({ tariff: '5000', date: '2025-05-01', perCapitaRate: '1000', violations: ['2.3.2'] }, { tables: [federal] });
    expect([r.nonPayment.toString(), r.fine.toString()]).toEqual(['0', '2000']);
    // on a code both carry, the same as the built-in table: 3.2.2 at 25 000 → 10 000 and 0.3 РП
    const c = { tariff: '25000', date: '2025-05-01', perCapitaRate: '1000', violations: ['3.2.2'] };
    expect(JSON.stringify(caseSanction(c, { tables: [federal] }).details)).toBe(JSON.stringify(caseSanction(c).details));
  });

  it('is an error on a date on which the classifier has no row of the list', () => {
    const e = failure(() => sanctionTableFromF014({ id: 'x', title: 'x', source: 'x', validFrom: '2020-01-01' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([{ path: ['entries'], message: 'a table needs at least one entry' }]);
  });
});
