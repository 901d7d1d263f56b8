import { describe, expect, it } from 'vitest';
import { smoRating } from '../../src/smo-rating';
import { failure as fail } from '../errors';

const table = (smos: { smo: string; resultExact: string }[]): (string | number)[][] =>
  smoRating({ smos }).rows.map((r) => [r.rank, r.smo, r.result.toString(), r.resultExact.toString()]);

describe('smoRating — order and places (пункты 21–22)', () => {
  it('highest first; ties at 1 place broken by the 4-place values', () => {
    expect(table([
      { smo: 'C', resultExact: '91.2000' },
      { smo: 'A', resultExact: '91.1500' },
      { smo: 'B', resultExact: '91.2499' },
      { smo: 'D', resultExact: '95' },
    ])).toEqual([
      [1, 'D', '95', '95'],
      [2, 'B', '91.2', '91.2499'],
      [3, 'C', '91.2', '91.2'],
      [4, 'A', '91.2', '91.15'],
    ]);
  });

  it('equal 4-place values share a place and the next place is skipped (1, 2, 2, 4)', () => {
    expect(table([
      { smo: 'Z', resultExact: '90' },
      { smo: 'Y', resultExact: '90.0000' },
      { smo: 'X', resultExact: '99' },
      { smo: 'W', resultExact: '80' },
    ]).map((r) => [r[0], r[1]])).toEqual([[1, 'X'], [2, 'Y'], [2, 'Z'], [4, 'W']]);
  });

  it('all equal: all first, listed by name', () => {
    expect(table([
      { smo: 'b', resultExact: '1' }, { smo: 'a', resultExact: '1' }, { smo: 'B', resultExact: '1' },
    ]).map((r) => [r[0], r[1]])).toEqual([[1, 'B'], [1, 'a'], [1, 'b']]);
  });

  it('the 1-place result is rounded half up', () => {
    expect(table([{ smo: 'A', resultExact: '98.25' }, { smo: 'B', resultExact: '98.2499' }, { smo: 'C', resultExact: '-0.05' }]).map((r) => r[2])).toEqual([
      '98.3', '98.2', '-0.1',
    ]);
  });

  it('a negative zero is written 0', () => {
    const r = smoRating({ smos: [{ smo: 'A', resultExact: '-0' }, { smo: 'B', resultExact: '0' }] });
    expect(JSON.stringify(r.rows.map((x) => [x.rank, x.result, x.resultExact]))).toBe('[[1,"0","0"],[1,"0","0"]]');
  });

  it('an empty list gives an empty rating', () => {
    expect(smoRating({ smos: [] }).rows).toEqual([]);
  });

  it('the trace cites пункт 22 where a tie at 1 place was broken', () => {
    const r = smoRating({ smos: [{ smo: 'A', resultExact: '91.24' }, { smo: 'B', resultExact: '91.16' }, { smo: 'C', resultExact: '80' }] });
    expect(r.trace.map((s) => [s.symbol, s.value, s.source])).toEqual([
      ['Место [A]', '1', 'Приказ ФФОМС № 140н, приложение 1, пункты 21, 22'],
      ['Место [B]', '2', 'Приказ ФФОМС № 140н, приложение 1, пункты 21, 22'],
      ['Место [C]', '3', 'Приказ ФФОМС № 140н, приложение 1, пункт 21'],
    ]);
  });
});

describe('smoRating — bad input', () => {
  it('an insurer twice, an empty name, too many places', () => {
    expect(fail(() => smoRating({ smos: [{ smo: 'A', resultExact: '1' }, { smo: 'A', resultExact: '2' }] })).issues).toMatchObject([
      { path: ['smos', 1, 'smo'], message: 'smo "A" is given twice (also at index 0)' },
    ]);
    expect(fail(() => smoRating({ smos: [{ smo: '', resultExact: '1.12345' }] })).issues.map((i) => i.path)).toEqual([
      ['smos', 0, 'smo'],
      ['smos', 0, 'resultExact'],
    ]);
    expect(fail(() => smoRating({} as never)).issues[0]?.path).toEqual(['smos']);
  });
});
