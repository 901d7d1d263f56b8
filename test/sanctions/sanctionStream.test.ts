import { describe, expect, it } from 'vitest';
import { caseSanction, defineSanctionTable, isSanctionErrorRow, sanctionRows, sanctionStream, type CaseInput, type SanctionErrorRow, type SanctionRow } from '../../src/sanctions';
import { FastRow } from '../../src/sanctions/fastPath';
import { json, thrown } from './helpers';

const options = { perCapitaRates: { hospital: '7000.00' } };
const cases: CaseInput[] = [
  { id: 'ok', tariff: '25000.00', setting: 'hospital', violations: ['3.2.2', '2.13'] },
  { id: 'neg', tariff: '-5', violations: ['3.2.2'] },
  { id: 'unknown', tariff: '100', violations: ['9.9'] },
  { tariff: '100', violations: ['3.2.2'] },
  { id: 'ok2', tariff: 1000.5, setting: 'hospital', violations: [{ code: '2.16.1', recomputedTariff: '800' }, '1.4.1'] },
];

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    yield item;
  }
}

describe('sanctionStream', () => {
  it('yields one row per case in order: results, and error rows with index, id and code', async () => {
    const rows = await collect(sanctionStream(cases, options));
    expect(rows).toHaveLength(5);
    expect(json(rows[0])).toEqual(json({ ...caseSanction(cases[0] as CaseInput, options), trace: undefined }));
    expect(rows.slice(1, 4).map((r) => (isSanctionErrorRow(r) ? [r.index, r.id, r.error.code] : r))).toEqual([
      [1, 'neg', 'INVALID_INPUT'],
      [2, 'unknown', 'UNKNOWN_CODE'],
      [3, undefined, 'MISSING_PER_CAPITA_RATE'],
    ]);
    expect(rows[1]).toMatchObject({
      id: 'neg',
      index: 1,
      error: {
        code: 'INVALID_INPUT',
        message: 'case 1 (id "neg"): invalid input: tariff: must be at least 0, got -5',
        issues: [{ path: ['tariff'], message: 'must be at least 0, got -5' }],
      },
    });
    expect('id' in (rows[3] as object)).toBe(false);
    expect(json(rows[4])).toMatchObject({ id: 'ok2', nonPayment: '1000.5', fine: '2100' });
  });

  it('rows carry a trace only with trace: true, and then equal caseSanction', async () => {
    const plain = await collect(sanctionStream([cases[0] as CaseInput], options));
    expect('trace' in (plain[0] as object)).toBe(false);
    const traced = await collect(sanctionStream([cases[0] as CaseInput], { ...options, trace: true }));
    expect(traced[0]).toEqual(caseSanction(cases[0] as CaseInput, options));
  });

  it('takes an async iterable, and walks a re-iterable source afresh each time', async () => {
    const fromAsync = await collect(sanctionStream(slowly(cases), options));
    const stream = sanctionStream(cases, options);
    const first = await collect(stream);
    const second = await collect(stream);
    expect(json(fromAsync)).toEqual(json(first));
    expect(json(second)).toEqual(json(first));
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    function* source(): Generator<CaseInput> {
      try {
        for (;;) yield { tariff: '1', violations: ['1.2'] };
      } finally {
        closed = true;
      }
    }
    for await (const row of sanctionStream(source())) {
      void row;
      break;
    }
    expect(closed).toBe(true);
  });

  it('holds one case at a time (a generator of a million cases is not read ahead)', async () => {
    let produced = 0;
    function* many(): Generator<CaseInput> {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield { tariff: '1', violations: ['1.2'] };
      }
    }
    let seen = 0;
    for await (const row of sanctionStream(many())) {
      void row;
      if (++seen === 3) break;
    }
    expect(produced).toBe(3);
  });

  it('gives a bad element of the input an error row, never an exception', async () => {
    const rows = await collect(sanctionStream([null, 42, 'x', [], { tariff: '1' }] as never));
    expect(rows.map((r) => (r as SanctionErrorRow).error.code)).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT']);
  });

  it('throws at once for a non-iterable input or invalid options', () => {
    expect(thrown(() => sanctionStream(42 as never)).issues).toMatchObject([{ path: [], message: 'expected an iterable or async iterable of cases (an array, a generator…), got 42' }]);
    expect(thrown(() => sanctionStream('cases' as never)).code).toBe('INVALID_INPUT');
    expect(thrown(() => sanctionStream([], { trace: 'yes' } as never)).issues).toMatchObject([{ path: ['trace'], message: 'expected true or false' }]);
  });
});

describe('sanctionRows (synchronous)', () => {
  it('gives the same rows as the stream', async () => {
    const rows: (SanctionRow | SanctionErrorRow)[] = [...sanctionRows(cases, options)];
    expect(json(rows)).toEqual(json(await collect(sanctionStream(cases, options))));
  });

  it('rejects a non-iterable input at once', () => {
    expect(thrown(() => sanctionRows({} as never)).code).toBe('INVALID_INPUT');
  });
});

describe('one table with a closed period', () => {
  // 2025-03-01 … 2025-06-30, Кно of 1.4.1 = 0.30: a case of РТ 1000.00 on either end day has
  // Н = 1000.00 × 0.30 = 300.00; the day before and the day after have no table in force.
  const table = defineSanctionTable({
    id: 'spring',
    title: 'spring',
    source: 's',
    validFrom: '2025-03-01',
    validTo: '2025-06-30',
    entries: [{ code: '1.4.1', section: 'MEK', title: 't', kno: '0.3' }],
  });
  it('takes a case on its first and its last day (by the integer path), and none a day outside', () => {
    const dates = ['2025-02-28', '2025-03-01', '2025-06-30', '2025-07-01'];
    const rows = [...sanctionRows(dates.map((date) => ({ id: date, date, tariff: '1000.00', violations: ['1.4.1'] })), { tables: [table] })];
    expect(rows.map((r) => (isSanctionErrorRow(r) ? r.error.code : (r as SanctionRow).nonPayment.toFixed(2)))).toEqual(['NO_TABLE_FOR_DATE', '300.00', '300.00', 'NO_TABLE_FOR_DATE']);
    expect(rows.map((r) => r instanceof FastRow)).toEqual([false, true, true, false]);
  });
});
