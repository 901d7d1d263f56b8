import { describe, expect, it } from 'vitest';
import { D, fixed } from '../../src/_internal';
import { CsvBytes, moneyText, plainAscii, wholeKopecks } from '../../src/cli/format';
import { dateText, detectDelimiter, numberText, violationsOf } from '../../src/cli/sanctions-rows';

describe('money as text and bytes', () => {
  it('reads whole kopecks from a Decimal, and refuses what is not', () => {
    for (const s of ['0', '0.01', '0.1', '1', '10.5', '1234567.89', '10000000', '10000000.01', '123456789012.34', '90000000000000']) {
      expect(wholeKopecks(new D(s))).toBe(Number(new D(s).times(100).toString()));
    }
    for (const s of ['-1', '0.001', '1.005', '900000000000000', '100000000000000000']) expect(wholeKopecks(new D(s))).toBe(-1);
  });

  it('writes two decimals with the chosen mark, as fixed() does', () => {
    for (const s of ['0', '0.5', '7', '1234.5', '0.07', '99999999999.99', '1.005']) {
      expect(moneyText(new D(s), '.')).toBe(fixed(new D(s), 2));
      expect(moneyText(new D(s), ',')).toBe(fixed(new D(s), 2).replace('.', ','));
    }
  });

  it('writes bytes: numbers, ASCII, UTF-8, money; grows as needed', () => {
    const b = new CsvBytes(4);
    b.uint(0);
    b.byte(59);
    b.uint(1234567890123);
    b.byte(59);
    b.money(new D('1234.5'), 44);
    b.byte(59);
    b.ascii('3.2.1');
    b.byte(59);
    b.text('Кно');
    expect(b.take().toString('utf8')).toBe('0;1234567890123;1234,50;3.2.1;Кно');
    expect(b.length).toBe(0);
  });

  it('tells plain ASCII fields from those that need csv-stringify', () => {
    expect(['A-1', 'c0', '', '2025/01'].map(plainAscii)).toEqual([true, true, true, true]);
    expect(['A;1', 'A,1', 'A"1', 'A\n1', 'Ж'].map(plainAscii)).toEqual([false, false, false, false, false]);
  });
});

describe('reading the cells of the cases file', () => {
  it('numbers: decimal comma or point, spaces as thousands separators', () => {
    expect(['1234,56', '1234.56', '1 234,56', '1\u00a0234,5', ' 7 ', '', undefined, '1,2,3'].map(numberText)).toEqual([
      '1234.56',
      '1234.56',
      '1234.56',
      '1234.5',
      '7',
      undefined,
      undefined,
      '1,2,3',
    ]);
  });

  it('violations: codes between bars, recomputed tariffs after : or =, trailing dots dropped', () => {
    expect(violationsOf('3.2.1|1.4.1')).toEqual(['3.2.1', '1.4.1']);
    expect(violationsOf(' 3.2.1. | 2.16.1:8 000,50 |2.16.2=10')).toEqual(['3.2.1', { code: '2.16.1', recomputedTariff: '8000.50' }, { code: '2.16.2', recomputedTariff: '10' }]);
    expect(violationsOf('')).toEqual([]);
    expect(violationsOf('||1.2||')).toEqual(['1.2']);
  });

  it('dates: ISO as it is, DD.MM.YYYY turned into ISO', () => {
    expect(['2025-03-01', '01.03.2025', ' 2025-03-01 ', '', 'март'].map(dateText)).toEqual(['2025-03-01', '2025-03-01', '2025-03-01', undefined, 'март']);
  });

  it('the delimiter is the one the header uses', () => {
    expect(['id;tariff;violations', 'id,tariff,violations', '"a;b",c,d', 'tariff'].map(detectDelimiter)).toEqual([';', ',', ',', ',']);
  });
});
