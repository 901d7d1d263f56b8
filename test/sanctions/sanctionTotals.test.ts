import { describe, expect, it } from 'vitest';
import { caseSanction, sanctionRows, sanctionStream, sanctionTotals, type CaseInput } from '../../src/sanctions';
import { json } from './helpers';

const options = { perCapitaRates: { hospital: '7000.00' } };
const cases: CaseInput[] = [
  { id: 'a', tariff: '25000.00', setting: 'hospital', violations: ['3.2.2', '2.13'] },
  { id: 'b', tariff: '1000', setting: 'hospital', violations: ['3.2.2', '1.4.1'] },
  { id: 'bad', tariff: '-1', violations: ['3.2.2'] },
  { id: 'c', tariff: '0.5', violations: ['9.9'] },
];

describe('sanctionTotals', () => {
  it('adds up cases, errors, non-payments and fines, by code and by section', async () => {
    // a: Н = max(10000, 2500) = 10000 (3.2.2); Сшт = 2100
    // b: Н = max(400, 1000) = 1000 (1.4.1); Сшт = 2100 (3.2.2)
    const t = await sanctionTotals(sanctionStream(cases, options));
    expect(json(t)).toEqual({
      cases: 4,
      errors: 2,
      errorsByCode: { INVALID_INPUT: 1, UNKNOWN_CODE: 1 },
      nonPayment: '11000',
      fine: '4200',
      byCode: {
        '1.4.1': { cases: 1, nonPayment: '1000', fine: '0' },
        '2.13': { cases: 1, nonPayment: '0', fine: '0' },
        '3.2.2': { cases: 2, nonPayment: '10000', fine: '4200' },
      },
      bySection: {
        MEK: { cases: 1, nonPayment: '1000', fine: '0' },
        MEE: { cases: 1, nonPayment: '0', fine: '0' },
        EKMP: { cases: 2, nonPayment: '10000', fine: '4200' },
      },
      trace: [
        { symbol: 'Н', formula: 'Σ Н по 2 случаям без ошибок (из 4)', value: '11000', source: 'Приказ Минздрава № 231н; решение D5' },
        { symbol: 'Сшт', formula: 'Σ Сшт по 2 случаям без ошибок (из 4)', value: '4200', source: 'Приказ Минздрава № 231н; решение D5' },
      ],
    });
  });

  it('gives the same totals from the stream, the synchronous rows, caseSanction results and JSON rows', async () => {
    const fromStream = json(await sanctionTotals(sanctionStream(cases, options)));
    const rows = [...sanctionRows(cases, options)];
    expect(json(await sanctionTotals(rows))).toEqual(fromStream);
    expect(json(await sanctionTotals(json(rows) as never))).toEqual(fromStream);
    async function* again(): AsyncGenerator<unknown> {
      yield* rows;
    }
    expect(json(await sanctionTotals(again() as never))).toEqual(fromStream);
    const results = cases.slice(0, 2).map((c) => caseSanction(c, options));
    expect(json(await sanctionTotals(results))).toMatchObject({ cases: 2, errors: 0, nonPayment: '11000', fine: '4200' });
  });

  it('orders codes as the list does (1.5 before 1.10)', async () => {
    const t = await sanctionTotals(sanctionRows([{ tariff: '1', violations: ['1.10.1', '1.5', '1.9'] }]));
    expect(t.errors).toBe(0);
    expect(Object.keys(t.byCode)).toEqual(['1.5', '1.9', '1.10.1']);
  });

  it('is zero for no rows', async () => {
    expect(json(await sanctionTotals([]))).toMatchObject({ cases: 0, errors: 0, nonPayment: '0', fine: '0', byCode: {} });
  });

  it('rejects what is not a row, with the row’s position in the path', async () => {
    await expect(sanctionTotals([{ nonPayment: '1', fine: '1', details: [] }, { nonPayment: 'x' }] as never)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [
        { path: [1, 'nonPayment'], message: 'expected a plain decimal string such as "1234.56", got "x"' },
        { path: [1, 'fine'], message: expect.any(String) as string },
        { path: [1, 'details'], message: 'expected the array of details of a case result' },
      ],
    });
    await expect(sanctionTotals(7 as never)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(sanctionTotals([3] as never)).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: [0] }] });
  });
});
