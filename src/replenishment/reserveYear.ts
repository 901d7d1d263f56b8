import * as z from 'zod';
import {
  D,
  fixed,
  issueParams,
  max,
  min,
  parseInput,
  show,
  STATUTORY_CAP_SOURCE,
  STATUTORY_CAP_SYMBOL,
  statutoryCapOf,
  trace,
  ZERO,
  type DecimalInput,
  type TraceStep,
  type X,
} from '../_internal';
import { calendarMonth, monthLabel, REGULATION } from './common';
import { computeReplenishmentSchedule, ledgerAmount, type ReplenishmentInstallment } from './replenishmentSchedule';

/**
 * One thing that happened to the reserve in a month: money spent from it and/or income earned on it.
 */
export interface ReserveYearEvent {
  /** The calendar month, 1…12. */
  month: number;
  /** Reserve money spent in the month, e.g. a subvention to an СМО (п. 14), rubles with kopecks. */
  spending?: DecimalInput | undefined;
  /** Income from placing the reserve in deposits (п. 19), rubles with kopecks. */
  income?: DecimalInput | undefined;
  /** Free text shown in the month's trace step, e.g. the СМО and the decision. */
  note?: string | undefined;
}

/** Input of {@link reserveYear}. Money in rubles with at most 2 decimal places. */
export interface ReserveYearInput {
  /** НСЗпл: the planned reserve for the year, set by the law on the fund's budget. */
  planned: DecimalInput;
  /** The reserve balance at the start of the year (last year's unused balance, п. 20). */
  openingBalance: DecimalInput;
  /**
   * П of every formation period: a number of months 1…12 (cut at December), or `'to-year-end'`
   * (the default) for a period that runs to December.
   */
  periodMonths?: number | 'to-year-end' | undefined;
  /** What happened in the year, in any order; several events in one month add up. */
  events?: ReserveYearEvent[] | undefined;
  /**
   * НСЗпред, the statutory cap of the reserve (326-ФЗ, ст. 26, ч. 6), rubles with kopecks: a month
   * whose closing balance is above it gets a warning. Give it or `plannedIncome`, not both.
   */
  statutoryCap?: DecimalInput | undefined;
  /** The fund's planned income for the year, rubles with kopecks: the statutory cap is its twelfth. */
  plannedIncome?: DecimalInput | undefined;
}

/** {@link ReserveYearEvent} after validation. */
export type ParsedReserveYearEvent = z.output<typeof ReserveYearEventSchema>;

/** {@link ReserveYearInput} after validation. */
export type ParsedReserveYearInput = z.output<typeof ReserveYearInputSchema>;

/** П of the ledger's formation periods: 1…12 or `'to-year-end'`. */
const periodMonthsField: z.ZodType<number | 'to-year-end', number | 'to-year-end'> = z
  .custom<number | 'to-year-end'>(() => true)
  .transform((value, ctx): number | 'to-year-end' => {
    if (value === 'to-year-end') return value;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12) return value;
    ctx.addIssue({
      code: 'custom',
      message: `periodMonths must be a whole number from 1 to 12 or 'to-year-end', got ${show(value)}`,
      params: issueParams('invalid_value', { values: ['1…12', 'to-year-end'], received: show(value) }),
    });
    return z.NEVER;
  });

/** Schema of {@link ReserveYearEvent}. */
export const ReserveYearEventSchema = z
  .strictObject({
    month: calendarMonth,
    spending: ledgerAmount.optional(),
    income: ledgerAmount.optional(),
    note: z.string().optional(),
  })
  .refine((e) => e.spending !== undefined || e.income !== undefined, { message: 'an event needs spending, income or both', params: issueParams('one_of', { fields: ['spending', 'income'] }) }) satisfies z.ZodType<unknown, ReserveYearEvent>;

/** Schema of {@link ReserveYearInput}. */
export const ReserveYearInputSchema = z
  .strictObject({
    planned: ledgerAmount,
    openingBalance: ledgerAmount,
    periodMonths: periodMonthsField.optional(),
    events: z.array(ReserveYearEventSchema).optional(),
    statutoryCap: ledgerAmount.optional(),
    plannedIncome: ledgerAmount.optional(),
  })
  .refine((v) => v.statutoryCap === undefined || v.plannedIncome === undefined, {
    message: 'give statutoryCap or plannedIncome, not both',
    params: issueParams('exclusive', { fields: ['statutoryCap', 'plannedIncome'] }),
    path: ['statutoryCap'],
  }) satisfies z.ZodType<unknown, ReserveYearInput>;

/** One month of the ledger. Money in rubles with kopecks. */
export interface ReserveYearMonth {
  /** The calendar month, 1…12. */
  month: number;
  /** The balance at the start of the month (the previous month's closing; January: openingBalance). */
  opening: X;
  /** Income from placing the reserve earned in the month, all of it (п. 19). */
  income: X;
  /** The part of the income above the plan, which goes to financing the СМО, not to the reserve (п. 19). */
  overflow: X;
  /** The installment transferred into the reserve (п. 10), never lifting the balance above the plan. */
  transfer: X;
  /** Reserve money asked for in the month, all of it (п. 14). */
  spending: X;
  /** The part of the spending the balance could not cover; the caller must find it elsewhere. */
  shortfall: X;
  /** The balance at the end of the month: opening + income − overflow + transfer − (spending − shortfall). */
  closing: X;
  /** Whether a formation period begins in this month (January, and the month after each spending). */
  periodStart: boolean;
}

/** Sums of the twelve months of {@link ReserveYear}. */
export interface ReserveYearTotals {
  /** Σ income. */
  income: X;
  /** Σ overflow. */
  overflow: X;
  /** Σ transfer. */
  transfer: X;
  /** Σ spending. */
  spending: X;
  /** Σ shortfall. */
  shortfall: X;
}

/**
 * A warning of the ledger: the month's closing balance is above the statutory cap. Actual balances
 * may exceed it (income, a plan set above it), so this is a warning, not an error (D16).
 */
export interface ReserveYearWarning {
  /** Stable machine-readable code. */
  code: 'ABOVE_STATUTORY_CAP';
  /** The calendar month, 1…12. */
  month: number;
  /** The month's closing balance. */
  closing: X;
  /** НСЗпред, the statutory cap. */
  statutoryCap: X;
  /** closing − НСЗпред. */
  excess: X;
  /** The warning in Russian. */
  text: string;
  /** The law, article and part. */
  source: string;
}

/** A formation period of the year and its schedule (footnote 16 to п. 10). */
export interface ReserveYearPeriod {
  /** The calendar month of i = 1. */
  startMonth: number;
  /** П, the number of months (cut at December). */
  months: number;
  /** НСЗнпф, the balance at the start of the period. */
  openingBalance: X;
  /** The scheduled installments НСЗ_i; the ledger transfers them, capped at the plan. */
  installments: ReplenishmentInstallment[];
}

/** Result of {@link reserveYear}. */
export interface ReserveYear {
  /** Twelve rows, January to December. */
  months: ReserveYearMonth[];
  /** The balance at the end of December. */
  closing: X;
  /** Sums over the year. */
  totals: ReserveYearTotals;
  /** The formation periods that began in the year, in order. */
  periods: ReserveYearPeriod[];
  /** НСЗпред, the statutory cap the months were checked against; `null` when none was given. */
  statutoryCap: X | null;
  /** One warning per month whose closing balance is above the statutory cap, in month order. */
  warnings: ReserveYearWarning[];
  /** The schedule of every period and one step for every month, in order. */
  trace: TraceStep[];
}

/**
 * A fund year of the normed insurance reserve, month by month: income from placing it, the
 * monthly transfers that restore it to the plan, and the money spent from it.
 *
 * Each month m, in this order:
 *
 *     opening  = closing of m − 1 (January: openingBalance)
 *     overflow = max(0, income − max(0, НСЗпл − opening))            (п. 19)
 *     transfer = min(НСЗ_i, max(0, НСЗпл − (opening + income − overflow)))   (п. 10)
 *     shortfall = max(0, spending − (opening + income − overflow + transfer))   (п. 14)
 *     closing  = opening + income − overflow + transfer − (spending − shortfall)
 *
 * Rules and edge cases: docs/guides/replenishment.md.
 *
 * Source: Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ, пп. 10, 13, 14, 19,
 * 20 and footnote 16; 326-ФЗ, ст. 26, ч. 6 (the cap).
 *
 * @param input - the plan, the opening balance, П and the year's events
 * @returns twelve month rows, the December closing, the totals, the periods and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a negative amount or one with more than two
 *   decimal places, a month outside 1…12, periodMonths other than 1…12 or `'to-year-end'`,
 *   an event with neither spending nor income, or both statutoryCap and plannedIncome
 * @example
 * ```ts
 * import { reserveYear } from 'oms-calc/replenishment';
 *
 * const y = reserveYear({
 *   planned: '900000000', openingBalance: '840000000',
 *   events: [{ month: 4, spending: '300000000', note: 'субвенция СМО' }, { month: 9, income: '1234567.89' }],
 * });
 * y.months[3]?.closing.toString(); // '560000000'   (April: 855 M + 5 M − 300 M)
 * y.closing.toString();            // '900000000'   (restored by December)
 * ```
 */
export function reserveYear(input: ReserveYearInput): ReserveYear {
  return computeReserveYear(parseInput(ReserveYearInputSchema, input, 'reserveYear'));
}

/** The computation of {@link reserveYear} on a validated input. */
export function computeReserveYear(v: ParsedReserveYearInput): ReserveYear {
  const t = trace();
  const { planned } = v;
  const periodMonths = v.periodMonths ?? 'to-year-end';

  // Several events in one month add up; their order does not matter.
  const income: X[] = Array.from({ length: 13 }, () => ZERO);
  const spending: X[] = Array.from({ length: 13 }, () => ZERO);
  const notes: string[][] = Array.from({ length: 13 }, () => []);
  for (const e of v.events ?? []) {
    if (e.income !== undefined) income[e.month] = (income[e.month] ?? ZERO).plus(e.income);
    if (e.spending !== undefined) spending[e.month] = (spending[e.month] ?? ZERO).plus(e.spending);
    if (e.note !== undefined && e.note !== '') notes[e.month]?.push(e.note);
  }
  for (const list of notes) list.sort();

  const statutoryCap =
    v.statutoryCap !== undefined
      ? t.step(STATUTORY_CAP_SYMBOL, 'задан', v.statutoryCap, STATUTORY_CAP_SOURCE)
      : v.plannedIncome !== undefined
        ? t.step(STATUTORY_CAP_SYMBOL, `планируемые поступления / 12 = ${fixed(v.plannedIncome)} / 12, округлено до копеек`, statutoryCapOf(v.plannedIncome), STATUTORY_CAP_SOURCE)
        : null;
  const warnings: ReserveYearWarning[] = [];

  const periods: ReserveYearPeriod[] = [];
  const beginPeriod = (startMonth: number, openingBalance: X): ReserveYearPeriod => {
    const left = 13 - startMonth;
    const months = periodMonths === 'to-year-end' ? left : Math.min(periodMonths, left);
    const s = computeReplenishmentSchedule({ planned, openingBalance, months, startMonth }, `[период с ${monthLabel(startMonth)}]`);
    t.include(s.trace);
    const period = { startMonth, months, openingBalance, installments: s.installments };
    periods.push(period);
    return period;
  };

  const rows: ReserveYearMonth[] = [];
  let balance = v.openingBalance;
  let period = beginPeriod(1, balance);
  for (let month = 1; month <= 12; month++) {
    const periodStart = period.startMonth === month;
    const opening = balance;
    const monthIncome = income[month] ?? ZERO;
    const monthSpending = spending[month] ?? ZERO;

    const room = max(ZERO, planned.minus(opening));
    const overflow = max(ZERO, monthIncome.minus(room));
    const afterIncome = opening.plus(monthIncome).minus(overflow);

    const installment = period.installments.find((x) => x.month === month);
    const scheduled = installment?.amount ?? ZERO;
    const transfer = min(scheduled, max(ZERO, planned.minus(afterIncome)));
    const afterTransfer = afterIncome.plus(transfer);

    const shortfall = max(ZERO, monthSpending.minus(afterTransfer));
    const closing = afterTransfer.minus(monthSpending).plus(shortfall);

    const parts = [
      `остаток ${fixed(opening)}`,
      `+ доход ${fixed(monthIncome)}`,
      `− сверх плана ${fixed(overflow)}`,
      `+ перечисление ${fixed(transfer)}${transferNote(installment, scheduled, transfer)}`,
      `− (расход ${fixed(monthSpending)} − недостаток ${fixed(shortfall)})`,
    ];
    const points = [
      ...(month === 1 ? ['п. 20'] : []),
      periodStart ? 'п. 10 и сноска 16 к нему' : 'п. 10',
      ...(monthIncome.gt(0) ? ['п. 19'] : []),
      ...(monthSpending.gt(0) ? ['пп. 13, 14'] : []),
    ];
    const noteText = (notes[month] ?? []).length > 0 ? ` [${(notes[month] ?? []).join('; ')}]` : '';
    const above = statutoryCap !== null && closing.gt(statutoryCap);
    const capText = above ? ` [выше ${STATUTORY_CAP_SYMBOL} ${fixed(statutoryCap)} на ${fixed(closing.minus(statutoryCap))}]` : '';
    t.step(
      `НСЗ, ${monthLabel(month)}`,
      `${parts.join(' ')} = ${fixed(closing)}${noteText}${capText}`,
      closing,
      `${REGULATION}, ${points.join('; ')}${above ? `; ${STATUTORY_CAP_SOURCE}` : ''}`,
    );
    if (above) {
      const excess = closing.minus(statutoryCap);
      warnings.push({
        code: 'ABOVE_STATUTORY_CAP',
        month,
        closing,
        statutoryCap,
        excess,
        text: `Остаток НСЗ на конец месяца ${monthLabel(month)} ${fixed(closing)} руб. выше предельного размера ${fixed(statutoryCap)} руб. (среднемесячный размер планируемых поступлений) на ${fixed(excess)} руб.`,
        source: STATUTORY_CAP_SOURCE,
      });
    }

    rows.push({ month, opening, income: monthIncome, overflow, transfer, spending: monthSpending, shortfall, closing, periodStart });
    balance = closing;
    if (monthSpending.gt(0) && month < 12) period = beginPeriod(month + 1, closing);
  }

  const total = (pick: (r: ReserveYearMonth) => X): X => rows.reduce((a, r) => a.plus(pick(r)), new D(0));
  const totals: ReserveYearTotals = {
    income: total((r) => r.income),
    overflow: total((r) => r.overflow),
    transfer: total((r) => r.transfer),
    spending: total((r) => r.spending),
    shortfall: total((r) => r.shortfall),
  };
  return { months: rows, closing: balance, totals, periods, statutoryCap, warnings, trace: t.steps };
}

/** How the transfer relates to the scheduled installment, for the trace. */
function transferNote(installment: ReplenishmentInstallment | undefined, scheduled: X, transfer: X): string {
  if (installment === undefined) return ' (период формирования завершён)';
  const name = `НСЗ_${installment.index}`;
  return transfer.eq(scheduled) ? ` (${name})` : ` (${name} = ${fixed(scheduled)}, не выше НСЗпл)`;
}
