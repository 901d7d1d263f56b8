import { describe, expect, it } from 'vitest';
import { textTable, traceText } from '../../src/report';
import { formatRubles } from '../../src/shared';
import { failure } from '../errors';

describe('textTable', () => {
  it('right-aligns the columns whose cells all read as numbers, and only those', () => {
    const rows = [
      ['ОДБ', formatRubles('1200'), 'да'],
      ['КЗ', formatRubles('-35.5'), '—'],
    ];
    expect(textTable(['Статья', 'Сумма', 'Заметка'], rows).split('\n')).toEqual([
      'Статья     Сумма  Заметка', // the numbers' header is right-aligned with them
      '──────  ────────  ───────',
      'ОДБ     1\u202f200,00  да',
      'КЗ        −35,50  —', // «да» and «—» are not all numbers: left-aligned
    ]);
  });

  it('takes only text, as INVALID_INPUT with the cell', () => {
    expect(failure(() => textTable(['a'], [[1 as never]])).issues[0]).toMatchObject({ code: 'invalid_type', path: ['rows', 0, 0] });
  });
});

describe('traceText', () => {
  it('numbers the steps: symbol = value, formula, source', () => {
    const text = traceText([
      { symbol: 'ОДБ', formula: 'max(0, ожидаемые − плановые)', value: '1200', source: 'раздел 3, п. 1' },
      { symbol: 'НСЗ', formula: 'ОДБ + КЗ', value: '1235.5', source: 'раздел 3, п. 2' },
    ]);
    expect(text).toBe(' 1. ОДБ = 1200\n      max(0, ожидаемые − плановые)\n      источник: раздел 3, п. 1\n 2. НСЗ = 1235.5\n      ОДБ + КЗ\n      источник: раздел 3, п. 2');
  });

  it('refuses a step without its four texts', () => {
    expect(failure(() => traceText([{ symbol: 'x' } as never])).code).toBe('INVALID_INPUT');
  });
});
