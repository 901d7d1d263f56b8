/**
 * Model-based test of the fund-year ledger: random sequences of "income arrives", "money is
 * spent" and "the month is closed" drive both a plain month-by-month balance in integer kopecks
 * (the model) and reserveYear fed the events so far (the real system). After every closed month
 * the ledger's rows must equal the model's, kopeck for kopeck.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { reserveYear, type ReserveYearEvent } from '../../src/replenishment';
import { amountNear, centsToString, kopecks, LedgerModel, periodMonths, toKopecks, yearInRows } from './helpers';

/** The real system: the events booked so far and the year's fixed inputs. */
class Real {
  readonly events: ReserveYearEvent[] = [];
  constructor(
    readonly planned: bigint,
    readonly openingBalance: bigint,
    readonly periodMonths: number | 'to-year-end',
  ) {}

  run() {
    // The events are handed over newest first: their order must not matter.
    return reserveYear({
      planned: centsToString(this.planned),
      openingBalance: centsToString(this.openingBalance),
      periodMonths: this.periodMonths,
      events: [...this.events].reverse(),
    });
  }
}

class IncomeCommand implements fc.Command<LedgerModel, Real> {
  constructor(readonly k: bigint) {}
  check(m: Readonly<LedgerModel>): boolean {
    return m.month <= 12;
  }
  run(m: LedgerModel, r: Real): void {
    m.addIncome(this.k);
    r.events.push({ month: m.month, income: centsToString(this.k), note: 'доход от размещения' });
  }
  toString(): string {
    return `income(${centsToString(this.k)})`;
  }
}

class SpendCommand implements fc.Command<LedgerModel, Real> {
  constructor(readonly k: bigint) {}
  check(m: Readonly<LedgerModel>): boolean {
    return m.month <= 12;
  }
  run(m: LedgerModel, r: Real): void {
    m.addSpending(this.k);
    r.events.push({ month: m.month, spending: centsToString(this.k), note: 'субвенция' });
  }
  toString(): string {
    return `spend(${centsToString(this.k)})`;
  }
}

class CloseMonthCommand implements fc.Command<LedgerModel, Real> {
  check(m: Readonly<LedgerModel>): boolean {
    return m.month <= 12;
  }
  run(m: LedgerModel, r: Real): void {
    const month = m.month;
    m.closeMonth();
    const rows = yearInRows(r.run());
    expect(rows.slice(0, month)).toEqual(m.rows);
  }
  toString(): string {
    return 'closeMonth';
  }
}

const setup = kopecks.chain((planned) =>
  fc.record({
    planned: fc.constant(planned),
    openingBalance: fc.oneof(fc.bigInt({ min: 0n, max: planned }), amountNear(planned)),
    periodMonths,
    amount: fc.constant(amountNear(planned)),
  }),
);

test.prop([
  setup.chain((s) =>
    fc.tuple(
      fc.constant(s),
      fc.commands(
        [
          s.amount.map((k) => new IncomeCommand(k)),
          s.amount.map((k) => new SpendCommand(k)),
          fc.constant(new CloseMonthCommand()),
          fc.constant(new CloseMonthCommand()),
        ],
        { maxCommands: 40 },
      ),
    ),
  ),
])('the ledger agrees month by month with a balance kept in integer kopecks', ([s, commands]) => {
  const model = new LedgerModel(s.planned, s.openingBalance, s.periodMonths);
  const real = new Real(s.planned, s.openingBalance, s.periodMonths);
  fc.modelRun(() => ({ model, real }), commands);
  // Close the rest of the year with no more events and compare the whole year and its totals.
  while (model.month <= 12) model.closeMonth();
  const year = real.run();
  expect(yearInRows(year)).toEqual(model.rows);
  expect(toKopecks(year.closing)).toBe(model.balance);
});
