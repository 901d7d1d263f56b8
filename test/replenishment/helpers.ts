/**
 * Test helpers of the replenishment module: kopeck conversions, arbitraries of plans, balances,
 * periods and events, and an independent reference ledger in integer kopecks (bigint).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import type { ReserveYear, ReserveYearEvent, ReserveYearMonth } from '../../src/replenishment';
import { centsToString } from '../arbitraries';

/** A result Decimal (or anything printing a decimal) in kopecks; fails on a fraction of a kopeck. */
export function toKopecks(value: { toString(): string }): bigint {
  const text = value.toString();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (match === null) throw new Error(`not a kopeck amount: ${text}`);
  const [, sign, int, frac = ''] = match;
  const k = BigInt(int as string) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign === '-' ? -k : k;
}

export { centsToString };

/** A money amount in kopecks: mostly realistic (up to 10¹³ kopecks), sometimes tiny, sometimes 0. */
export const kopecks: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 13n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 2_000n }) },
  { weight: 1, arbitrary: fc.constant(0n) },
);

/** П of a ledger: a number of months or 'to-year-end'. */
export const periodMonths: fc.Arbitrary<number | 'to-year-end'> = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant('to-year-end' as const));

/** An event amount on the scale of the plan (so that spending may exceed the balance). */
export function amountNear(planned: bigint): fc.Arbitrary<bigint> {
  return fc.oneof(fc.bigInt({ min: 0n, max: planned + 1_000n }), fc.bigInt({ min: 0n, max: 2n * planned + 100n }), fc.bigInt({ min: 0n, max: 500n }));
}

/** One event (in kopecks), with spending, income or both. */
export interface KopeckEvent {
  month: number;
  spending?: bigint;
  income?: bigint;
  note?: string;
}

/** Events of a year on the scale of the plan, in any order, several per month allowed. */
export function eventsNear(planned: bigint, maxLength = 10): fc.Arbitrary<KopeckEvent[]> {
  const amount = amountNear(planned);
  const month = fc.integer({ min: 1, max: 12 });
  const note = fc.constantFrom('субвенция СМО «А»', 'субвенция СМО «Б»', 'депозит', '');
  const event = fc.oneof(
    fc.record({ month, spending: amount, note }, { requiredKeys: ['month', 'spending'] }),
    fc.record({ month, income: amount, note }, { requiredKeys: ['month', 'income'] }),
    fc.record({ month, spending: amount, income: amount, note }, { requiredKeys: ['month', 'spending', 'income'] }),
  );
  return fc.array(event, { maxLength });
}

/** A whole ledger input in kopecks. */
export const yearInKopecks = kopecks.chain((planned) =>
  fc.record({
    planned: fc.constant(planned),
    openingBalance: fc.oneof(fc.bigInt({ min: 0n, max: planned }), amountNear(planned)),
    periodMonths,
    events: eventsNear(planned),
  }),
);

/** Kopeck events as the library's input (rubles strings). */
export function toEvents(events: readonly KopeckEvent[]): ReserveYearEvent[] {
  return events.map((e) => ({
    month: e.month,
    ...(e.spending === undefined ? {} : { spending: centsToString(e.spending) }),
    ...(e.income === undefined ? {} : { income: centsToString(e.income) }),
    ...(e.note === undefined ? {} : { note: e.note }),
  }));
}

/** A month row in kopecks. */
export interface KopeckRow {
  month: number;
  opening: bigint;
  income: bigint;
  overflow: bigint;
  transfer: bigint;
  spending: bigint;
  shortfall: bigint;
  closing: bigint;
  periodStart: boolean;
}

/** A library month row in kopecks. */
export function rowInKopecks(r: ReserveYearMonth): KopeckRow {
  return {
    month: r.month,
    opening: toKopecks(r.opening),
    income: toKopecks(r.income),
    overflow: toKopecks(r.overflow),
    transfer: toKopecks(r.transfer),
    spending: toKopecks(r.spending),
    shortfall: toKopecks(r.shortfall),
    closing: toKopecks(r.closing),
    periodStart: r.periodStart,
  };
}

/** Every row of a year in kopecks. */
export function yearInRows(y: ReserveYear): KopeckRow[] {
  return y.months.map(rowInKopecks);
}

const maxBig = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * The reference split of a difference into П installments, in kopecks: the level installment is
 * the quotient rounded half up (or cut, if П − 1 of them would overshoot), the last the remainder.
 */
export function referenceInstallments(difference: bigint, months: number): bigint[] {
  const p = BigInt(months);
  if (difference <= 0n) return Array.from({ length: months }, () => 0n);
  let each = (2n * difference + p) / (2n * p);
  if (each * (p - 1n) > difference) each = difference / p;
  return [...Array.from({ length: months - 1 }, () => each), difference - each * (p - 1n)];
}

/**
 * The fund-year ledger as a plain month-by-month balance in integer kopecks. Money arrives with
 * `income`/`spend` during the current month; `closeMonth` books the month.
 */
export class LedgerModel {
  month = 1;
  balance: bigint;
  readonly rows: KopeckRow[] = [];
  private income = 0n;
  private spending = 0n;
  private periodStart = 1;
  private installments: bigint[];

  constructor(
    readonly planned: bigint,
    openingBalance: bigint,
    readonly periodMonths: number | 'to-year-end',
  ) {
    this.balance = openingBalance;
    this.installments = this.schedule(1);
  }

  private schedule(start: number): bigint[] {
    const left = 13 - start;
    const months = this.periodMonths === 'to-year-end' ? left : Math.min(this.periodMonths, left);
    return referenceInstallments(this.planned - this.balance, months);
  }

  addIncome(k: bigint): void {
    this.income += k;
  }

  addSpending(k: bigint): void {
    this.spending += k;
  }

  closeMonth(): KopeckRow {
    const opening = this.balance;
    const income = this.income;
    const spending = this.spending;
    const overflow = maxBig(0n, income - maxBig(0n, this.planned - opening));
    let balance = opening + income - overflow;
    const installment = this.installments[this.month - this.periodStart] ?? 0n;
    const transfer = minBig(installment, maxBig(0n, this.planned - balance));
    balance += transfer;
    const shortfall = maxBig(0n, spending - balance);
    balance -= spending - shortfall;
    const row: KopeckRow = { month: this.month, opening, income, overflow, transfer, spending, shortfall, closing: balance, periodStart: this.periodStart === this.month };
    this.rows.push(row);
    this.balance = balance;
    this.income = 0n;
    this.spending = 0n;
    if (spending > 0n && this.month < 12) {
      this.periodStart = this.month + 1;
      this.installments = this.schedule(this.periodStart);
    }
    this.month += 1;
    return row;
  }
}
