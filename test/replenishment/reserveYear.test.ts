import { describe, expect, it } from 'vitest';
import { reserveYear, ReserveYearInputSchema, type ReserveYear } from '../../src/replenishment';
import { failure } from '../errors';

const column = (y: ReserveYear, key: 'opening' | 'income' | 'overflow' | 'transfer' | 'spending' | 'shortfall' | 'closing'): string[] =>
  y.months.map((m) => m[key].toString());

describe('reserveYear input rules', () => {
  const base = { planned: '1200', openingBalance: '0' };

  it('periodMonths: 1…12 or to-year-end', () => {
    const cases: [unknown, string][] = [[0, '0'], [13, '13'], [2.5, '2.5'], ['to-december', '"to-december"'], ['6', '"6"'], [null, 'null']];
    for (const [periodMonths, shown] of cases) {
      const e = failure(() => reserveYear({ ...base, periodMonths } as never));
      expect(e.issues).toMatchObject([{ path: ['periodMonths'], message: `periodMonths must be a whole number from 1 to 12 or 'to-year-end', got ${shown}` }]);
    }
  });

  it('events: the month, the amounts, an empty event, unknown keys — one issue each, with its path', () => {
    const e = failure(() =>
      reserveYear({
        ...base,
        events: [{ month: 13, spending: '1' }, { month: 2 }, { month: 3, income: '-5' }, { month: 4, spending: '1.005' }, { month: 5, spending: '1', amount: 2 }],
      } as never),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([
      { path: ['events', 0, 'month'], message: 'a calendar month must be a whole number from 1 to 12, got 13' },
      { path: ['events', 1], message: 'an event needs spending, income or both' },
      { path: ['events', 2, 'income'], message: 'must be at least 0, got -5' },
      { path: ['events', 3, 'spending'], message: 'must have at most 2 decimal places, got 1.005' },
      { path: ['events', 4], message: 'Unrecognized key: "amount"' },
    ]);
  });

  it('events must be an array; amounts are required', () => {
    expect(failure(() => reserveYear({ ...base, events: { month: 1, spending: '1' } } as never)).issues[0]?.path).toEqual(['events']);
    expect(failure(() => reserveYear({ planned: '1' } as never)).issues).toHaveLength(1);
    expect(failure(() => reserveYear({ planned: '1', openingBalance: '-0.01' })).issues[0]?.path).toEqual(['openingBalance']);
  });

  it('the exported schema validates JSON before the call', () => {
    expect(ReserveYearInputSchema.safeParse({ ...base, events: [{ month: 1, spending: '1', note: 'ok' }] }).success).toBe(true);
    expect(ReserveYearInputSchema.safeParse({ ...base, events: [{ month: 0, spending: '1' }] }).success).toBe(false);
  });
});

describe('reserveYear rules of the ledger', () => {
  it('a quiet year climbs to the plan by December in twelve equal steps', () => {
    const y = reserveYear({ planned: '1200', openingBalance: '0' });
    expect(column(y, 'transfer')).toEqual(Array.from({ length: 12 }, () => '100'));
    expect(y.closing.toString()).toBe('1200');
    expect(y.months.map((m) => m.periodStart)).toEqual([true, ...Array.from({ length: 11 }, () => false)]);
    expect(y.periods).toHaveLength(1);
  });

  it('a fixed period reaches the plan early and then transfers nothing', () => {
    const y = reserveYear({ planned: '1200', openingBalance: '0', periodMonths: 3 });
    expect(column(y, 'transfer')).toEqual(['400', '400', '400', ...Array.from({ length: 9 }, () => '0')]);
    expect(y.months[3]?.closing.toString()).toBe('1200');
    expect(y.trace.find((s) => s.symbol === 'НСЗ, 4 (апрель)')?.formula).toContain('период формирования завершён');
  });

  it('within a month: income first, then the transfer, then the spending', () => {
    // opening 100, plan 200, П = 1 ⇒ НСЗ_1 = 100. Income 30 → 130; transfer capped at 70 → 200;
    // spending 250 → 200 spent, shortfall 50, closing 0.
    const y = reserveYear({ planned: '200', openingBalance: '100', periodMonths: 1, events: [{ month: 1, income: '30', spending: '250' }] });
    expect(y.months[0]).toMatchObject({ month: 1 });
    expect(['opening', 'income', 'overflow', 'transfer', 'spending', 'shortfall', 'closing'].map((k) => String(y.months[0]?.[k as 'opening']))).toEqual([
      '100', '30', '0', '70', '250', '50', '0',
    ]);
  });

  it('spending restarts the period next month from the new balance; periodMonths is cut at December', () => {
    const y = reserveYear({ planned: '1200', openingBalance: '1200', periodMonths: 6, events: [{ month: 9, spending: '300' }] });
    expect(y.periods.map((p) => [p.startMonth, p.months, p.openingBalance.toString()])).toEqual([
      [1, 6, '1200'],
      [10, 3, '900'],
    ]);
    expect(column(y, 'transfer').slice(9)).toEqual(['100', '100', '100']);
    expect(y.months.map((m) => m.periodStart)).toEqual([true, false, false, false, false, false, false, false, false, true, false, false]);
    expect(y.closing.toString()).toBe('1200');
  });

  it('spending of zero does not restart the period; income does not either', () => {
    const y = reserveYear({ planned: '1200', openingBalance: '0', events: [{ month: 3, spending: '0', income: '5' }] });
    expect(y.periods).toHaveLength(1);
  });

  it('spending in December starts nothing: a period begun this year is not carried into the next', () => {
    const y = reserveYear({ planned: '100', openingBalance: '100', events: [{ month: 12, spending: '30' }] });
    expect(y.periods).toHaveLength(1);
    expect(y.closing.toString()).toBe('70');
  });

  it('several events in one month add up, in any order', () => {
    const one = reserveYear({ planned: '1000', openingBalance: '500', events: [{ month: 4, spending: '100', income: '20' }] });
    const split = reserveYear({
      planned: '1000',
      openingBalance: '500',
      events: [{ month: 4, income: '5' }, { month: 4, spending: '60' }, { month: 4, income: '15' }, { month: 4, spending: '40' }],
    });
    expect(JSON.stringify(split.months)).toBe(JSON.stringify(one.months));
    expect(JSON.stringify(split.totals)).toBe(JSON.stringify(one.totals));
  });

  it('income above the plan is overflow; the balance above the plan is kept and not transferred to', () => {
    // plan 100, opening 120: nothing to transfer, all income overflows, the balance stays 120
    const y = reserveYear({ planned: '100', openingBalance: '120', events: [{ month: 2, income: '7.5' }] });
    expect(column(y, 'closing')).toEqual(Array.from({ length: 12 }, () => '120'));
    expect(y.totals.overflow.toString()).toBe('7.5');
    expect(y.periods[0]?.installments.every((x) => x.amount.isZero())).toBe(true);
  });

  it('periodMonths 12 is the same year as to-year-end', () => {
    const input = { planned: '1000', openingBalance: '1', events: [{ month: 3, spending: '400' }, { month: 7, spending: '10', income: '3' }] };
    expect(JSON.stringify(reserveYear({ ...input, periodMonths: 12 }))).toBe(JSON.stringify(reserveYear({ ...input, periodMonths: 'to-year-end' })));
    expect(JSON.stringify(reserveYear(input))).toBe(JSON.stringify(reserveYear({ ...input, periodMonths: 'to-year-end' })));
  });
});

describe('reserveYear trace', () => {
  const y = reserveYear({
    planned: '1200',
    openingBalance: '0',
    events: [{ month: 4, spending: '100', note: 'субвенция СМО «Альфа»' }, { month: 9, income: '10' }],
  });
  const monthSteps = y.trace.filter((s) => s.symbol.startsWith('НСЗ, '));

  it('one step per month, in order, with the closing as its value', () => {
    expect(monthSteps.map((s) => s.symbol)).toEqual([
      'НСЗ, 1 (январь)', 'НСЗ, 2 (февраль)', 'НСЗ, 3 (март)', 'НСЗ, 4 (апрель)', 'НСЗ, 5 (май)', 'НСЗ, 6 (июнь)',
      'НСЗ, 7 (июль)', 'НСЗ, 8 (август)', 'НСЗ, 9 (сентябрь)', 'НСЗ, 10 (октябрь)', 'НСЗ, 11 (ноябрь)', 'НСЗ, 12 (декабрь)',
    ]);
    expect(monthSteps.map((s) => s.value)).toEqual(column(y, 'closing'));
  });

  it('each month step cites the points of the draft Положение that acted in it', () => {
    const regulation = 'Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ, ';
    for (const s of monthSteps) expect(s.source.startsWith(regulation)).toBe(true);
    expect(monthSteps[0]?.source).toBe(`${regulation}п. 20; п. 10 и сноска 16 к нему`);
    expect(monthSteps[1]?.source).toBe(`${regulation}п. 10`);
    expect(monthSteps[3]?.source).toBe(`${regulation}п. 10; пп. 13, 14`);
    expect(monthSteps[4]?.source).toBe(`${regulation}п. 10 и сноска 16 к нему`);
    expect(monthSteps[8]?.source).toBe(`${regulation}п. 10; п. 19`);
  });

  it('the April step shows the arithmetic and the note', () => {
    // Jan–Mar: 3 × 100 = 300; April: 300 + 100 − 100 = 300
    expect(monthSteps[3]?.formula).toBe(
      'остаток 300.00 + доход 0.00 − сверх плана 0.00 + перечисление 100.00 (НСЗ_4) − (расход 100.00 − недостаток 0.00) = 300.00 [субвенция СМО «Альфа»]',
    );
  });

  it('the schedule of every period is in the trace, named by its first month', () => {
    expect(y.trace.filter((s) => s.symbol.startsWith('НСЗ_П')).map((s) => s.symbol)).toEqual(['НСЗ_П [период с 1 (январь)]', 'НСЗ_П [период с 5 (май)]']);
  });

  it('serialises to JSON with decimal strings', () => {
    const json = JSON.parse(JSON.stringify(y)) as { months: Record<string, unknown>[]; closing: unknown };
    expect(json.months[3]).toEqual({
      month: 4, opening: '300', income: '0', overflow: '0', transfer: '100', spending: '100', shortfall: '0', closing: '300', periodStart: false,
    });
    expect(json.closing).toBe('1200');
  });
});

describe('reserveYear: the statutory cap input', () => {
  const base = { planned: '1200', openingBalance: '0' };

  it('takes statutoryCap or plannedIncome, not both', () => {
    expect(failure(() => reserveYear({ ...base, statutoryCap: '100', plannedIncome: '1200' })).issues).toMatchObject([
      { path: ['statutoryCap'], message: 'give statutoryCap or plannedIncome, not both' },
    ]);
  });

  it('both are ledger amounts: kopecks, not negative', () => {
    expect(failure(() => reserveYear({ ...base, statutoryCap: '-1' })).issues).toMatchObject([{ path: ['statutoryCap'], message: 'must be at least 0, got -1' }]);
    expect(failure(() => reserveYear({ ...base, plannedIncome: '1.005' })).issues).toMatchObject([
      { path: ['plannedIncome'], message: 'must have at most 2 decimal places, got 1.005' },
    ]);
  });

  it('a closing equal to the cap is not above it', () => {
    // 1 200 / 12 = 100 a month; the cap 1 200 is reached only in December, and equal is allowed
    const y = reserveYear({ ...base, statutoryCap: '1200' });
    expect(y.closing.toString()).toBe('1200');
    expect(y.warnings).toEqual([]);
    expect(reserveYear({ ...base, statutoryCap: '1199.99' }).warnings.map((w) => w.month)).toEqual([12]);
  });

  it('the warning text names the month, the amounts and the law', () => {
    const w = reserveYear({ ...base, statutoryCap: '1100' }).warnings[0];
    expect(w?.text).toBe('Остаток НСЗ на конец месяца 12 (декабрь) 1200.00 руб. выше предельного размера 1100.00 руб. (среднемесячный размер планируемых поступлений) на 100.00 руб.');
    expect(w?.source).toContain('326-ФЗ');
    expect(w?.source).toContain('ст. 26, ч. 6');
  });
});
