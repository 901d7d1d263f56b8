import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatFormRows, subventionClaim, type FormRow } from '../../src/subvention';
import { failure } from '../errors';

const tricky: FormRow[] = [
  { line: '1', name: 'Доходы; в том числе "прочие"', amount: '1234.5' },
  { line: '2', name: 'Две\r\nстроки', amount: new Decimal('-0.004') },
  { line: '3', name: 'Округление', amount: 0.005 },
];

describe('formatFormRows — CSV', () => {
  it('quotes only where needed, doubles quotes, decimal comma, two decimals rounded half up', () => {
    expect(formatFormRows(tricky, 'csv')).toBe(
      '№ строки;Наименование показателей;Сумма, руб.\r\n' +
        '1;"Доходы; в том числе ""прочие""";1234,50\r\n' +
        '2;"Две\r\nстроки";0,00\r\n' +
        '3;Округление;0,01\r\n',
    );
  });

  it('never writes a cell that Excel would evaluate: names and lines from the caller are neutralised', () => {
    const rows: FormRow[] = [
      { line: '=1', name: '=HYPERLINK("http://x","y")', amount: '-5' },
      { line: '2', name: '@SUM(1+1)', amount: '1' },
      { line: '3', name: '+7 (900) 000-00-00', amount: '1' },
    ];
    for (const excel of [false, true]) {
      const records = parse(formatFormRows(rows, 'csv', { excel }), { delimiter: ';', bom: true }) as string[][];
      // the amount of −5 stays a number (-5,00); every text cell is safe ('="…"' is the line kept as text on purpose)
      expect(records.slice(1).map((r) => r[1])).toEqual(["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1+1)", "'+7 (900) 000-00-00"]);
      expect(records[1]?.[0]).toBe(excel ? '="=1"' : "'=1");
      expect(records[1]?.[2]).toBe('-5,00');
    }
  });

  it('reads back with a CSV parser', () => {
    const records = parse(formatFormRows(tricky, 'csv'), { delimiter: ';' }) as string[][];
    expect(records).toEqual([
      ['№ строки', 'Наименование показателей', 'Сумма, руб.'],
      ['1', 'Доходы; в том числе "прочие"', '1234,50'],
      ['2', 'Две\r\nстроки', '0,00'],
      ['3', 'Округление', '0,01'],
    ]);
  });

  it('Excel mode: a byte-order mark, and line numbers kept as text', () => {
    const csv = formatFormRows([{ line: '8.1', name: 'Принятые к оплате счета, всего', amount: '10' }], 'csv', { excel: true });
    expect(csv).toBe('\uFEFF№ строки;Наименование показателей;Сумма, руб.\r\n"=""8.1""";Принятые к оплате счета, всего;10,00\r\n');
    const records = parse(csv, { delimiter: ';', bom: true }) as string[][];
    expect(records[1]).toEqual(['="8.1"', 'Принятые к оплате счета, всего', '10,00']);
  });

  it('custom headings; an empty form has the header alone', () => {
    expect(formatFormRows([], 'csv', { headers: ['Строка', 'Показатель', 'Руб.'] })).toBe('Строка;Показатель;Руб.\r\n');
  });
});

describe('formatFormRows — text', () => {
  it('wraps long names and keeps the amount on the row’s first line', () => {
    const text = formatFormRows([{ line: '12', name: 'Сумма заявленной субвенции', amount: '5' }], 'text', { nameWidth: 10 });
    expect(text.split('\n')).toEqual([
      '№ строки  Наименование показателей  Сумма, руб.',
      '--------  ------------------------  -----------',
      '12        Сумма                            5,00',
      '          заявленной',
      '          субвенции',
      '',
    ]);
  });

  it('cuts a word longer than the width', () => {
    const text = formatFormRows([{ line: '1', name: 'абвгдежзийклмн', amount: '1' }], 'text', { nameWidth: 10, headers: ['N', 'Имя', 'Сумма'] });
    expect(text).toBe('N  Имя         Сумма\n-  ----------  -----\n1  абвгдежзий   1,00\n   клмн\n');
  });

  it('prints a whole claim', () => {
    const c = subventionClaim({
      openingBalance: '1', capitationFunds: '2', omsIncome: '3', sanctionIncome: '4', damagesRecovered: '5', reserveReturns: '6',
      acceptedInvoices: '10', invoicePayments: '7', administration: '8', prevention: '9', otherExpenses: '10.5',
    });
    // стр. 7 = 1 + (2 + 3 + 4 + 5 + 6) − (7 + 8 + 9 + 10.5) = −13.5; стр. 11 = 10 − 7 = 3; стр. 12 = 3 + 13.5 = 16.5
    const lines = formatFormRows(c.formRows, 'text').trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^12 +Сумма заявленной субвенции +16,50$/);
    expect(lines.find((l) => l.startsWith('7 '))).toMatch(/ \u221213,50$/);
    // every amount ends in the same column
    const amountEnds = lines.filter((l) => /\d,\d\d$/.test(l)).map((l) => [...l].length);
    expect(new Set(amountEnds).size).toBe(1);
  });
});

describe('formatFormRows input rules', () => {
  it('one issue per bad row field or option', () => {
    const e = failure(() =>
      formatFormRows([{ line: '1', name: 'x', amount: '1e5' }, { line: 2, name: 'y', amount: '1' } as never], 'xml' as never, { nameWidth: 3 }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual([['rows', 0, 'amount'], ['rows', 1, 'line'], ['format'], ['options', 'nameWidth']]);
  });
});
