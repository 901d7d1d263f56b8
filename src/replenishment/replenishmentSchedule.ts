import * as z from 'zod';
import {
  D,
  decimal,
  fixed,
  issueParams,
  kopecks,
  max,
  parseInput,
  trace,
  ZERO,
  type DecimalInput,
  type TraceBuilder,
  type TraceStep,
  type X,
} from '../_internal';
import { monthLabel, POINTS, wholeNumber } from './common';

/**
 * A sum of money in the ledger: rubles and kopecks (at most 2 decimal places), not negative, and
 * below 10¹⁸ ₽ so that every sum of the year stays exact in the 40-digit decimal context.
 */
export const ledgerAmount: z.ZodType<X, DecimalInput> = decimal({ min: 0, max: '999999999999999999.99', maxPlaces: 2 });

/** Input of {@link replenishmentSchedule}. Money in rubles with at most 2 decimal places. */
export interface ReplenishmentScheduleInput {
  /** НСЗпл: the planned reserve set by the law on the fund's budget. */
  planned: DecimalInput;
  /** НСЗнпф: the reserve balance at the start of the formation period. */
  openingBalance: DecimalInput;
  /** П: the number of months of the formation period, 1…12; default: to the end of the year. */
  months?: number | undefined;
  /** The calendar month of i = 1, 1…12; default 1 (January). */
  startMonth?: number | undefined;
}

/** {@link ReplenishmentScheduleInput} after validation. */
export type ParsedReplenishmentScheduleInput = z.output<typeof ReplenishmentScheduleInputSchema>;

/** The formation period must end in December at the latest (the schedule stays in one fiscal year). */
function periodFitsTheYear(v: { months?: number | undefined; startMonth?: number | undefined }, ctx: z.RefinementCtx): void {
  const start = v.startMonth ?? 1;
  if (v.months === undefined) return;
  const end = start + v.months - 1;
  if (end > 12) {
    ctx.addIssue({
      code: 'custom',
      path: ['months'],
      params: issueParams('period_too_long', { months: v.months, start, end, fit: 13 - start }),
      message: `a formation period of ${v.months} months starting in month ${start} would end in month ${end}, past December; at most ${13 - start} months fit in the fiscal year`,
    });
  }
}

/** Schema of {@link ReplenishmentScheduleInput}. */
export const ReplenishmentScheduleInputSchema = z
  .strictObject({
    planned: ledgerAmount,
    openingBalance: ledgerAmount,
    months: wholeNumber('months (П)', 1, 12).optional(),
    startMonth: wholeNumber('startMonth', 1, 12).optional(),
  })
  .superRefine(periodFitsTheYear) satisfies z.ZodType<unknown, ReplenishmentScheduleInput>;

/** One monthly transfer into the reserve. */
export interface ReplenishmentInstallment {
  /** The calendar month, 1…12. */
  month: number;
  /** i, the month's number in the formation period, 1…П. */
  index: number;
  /** НСЗ_i, the amount to transfer, rubles with kopecks. */
  amount: X;
}

/** Result of {@link replenishmentSchedule}. Money in rubles with kopecks. */
export interface ReplenishmentSchedule {
  /** One installment per month of the formation period, in order. */
  installments: ReplenishmentInstallment[];
  /** Σ НСЗ_i = max(0, НСЗпл − НСЗнпф), exactly. */
  total: X;
  /** max(0, НСЗнпф − НСЗпл): how far the balance already exceeds the plan. */
  surplus: X;
  /** П, the number of months of the period (the default filled in). */
  months: number;
  /** The calendar month of i = 1 (the default filled in). */
  startMonth: number;
  /** How every figure was obtained. */
  trace: TraceStep[];
}

/**
 * The monthly installments by which the reserve is brought from its balance at the start of the
 * formation period up to the planned amount.
 *
 *     НСЗ_i = (НСЗпл − НСЗнпф) / П,   i = 1…П
 *
 * Decision D3: installments 1…П−1 are the quotient rounded to kopecks (half up) and installment П
 * is the remainder, so Σ НСЗ_i = НСЗпл − НСЗнпф exactly. A transfer is never negative: in the
 * rare case where П − 1 rounded-up installments would already exceed the difference (only when
 * it is below 0.005 ₽ × П × (П − 1) ≤ 0.66 ₽) the quotient is cut to kopecks instead. When
 * НСЗнпф ≥ НСЗпл every installment is 0 and `surplus` = НСЗнпф − НСЗпл.
 *
 * Source: Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ, п. 10 and its
 * footnote 16 (the formation period), п. 13 (restoration after spending).
 *
 * @param input - the plan, the balance, П (default: to December) and the first month (default 1)
 * @returns the installments with their calendar months, their total, the surplus and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a negative amount or one with more than two
 *   decimal places, П or startMonth outside 1…12, or a period that runs past December
 * @example
 * ```ts
 * import { replenishmentSchedule } from 'oms-calc/replenishment';
 *
 * const s = replenishmentSchedule({ planned: '900000000', openingBalance: '800000000', startMonth: 10 });
 * s.installments.map((x) => `${x.month}: ${x.amount.toString()}`);
 * // ['10: 33333333.33', '11: 33333333.33', '12: 33333333.34']
 * s.total.toString(); // '100000000'
 * ```
 */
export function replenishmentSchedule(input: ReplenishmentScheduleInput): ReplenishmentSchedule {
  return computeReplenishmentSchedule(parseInput(ReplenishmentScheduleInputSchema, input, 'replenishmentSchedule'));
}

/**
 * The computation of {@link replenishmentSchedule} on a validated input. `label` is appended to
 * every trace symbol (the ledger uses it to name the period).
 */
export function computeReplenishmentSchedule(v: ParsedReplenishmentScheduleInput, label = ''): ReplenishmentSchedule {
  const t = trace();
  const startMonth = v.startMonth ?? 1;
  const months = v.months ?? 13 - startMonth;
  const endMonth = startMonth + months - 1;
  const tag = (symbol: string): string => (label === '' ? symbol : `${symbol} ${label}`);

  t.step(tag('П'), `месяцы ${monthLabel(startMonth)} … ${monthLabel(endMonth)}`, String(months), POINTS.period);
  const difference = t.step(
    tag('НСЗпл − НСЗнпф'),
    `${fixed(v.planned)} − ${fixed(v.openingBalance)}`,
    v.planned.minus(v.openingBalance),
    POINTS.transfer,
  );

  const amounts = difference.gt(0) ? splitEvenly(difference, months, t, tag) : zeros(months, t, tag);
  const installments = amounts.map((amount, i): ReplenishmentInstallment => ({ month: startMonth + i, index: i + 1, amount }));
  const total = t.step(
    tag('Σ НСЗ_i'),
    months === 1 ? 'НСЗ_1' : `(П − 1) × НСЗ_i + НСЗ_П = ${months - 1} × ${fixed(amounts[0] ?? ZERO)} + ${fixed(amounts[months - 1] ?? ZERO)}`,
    amounts.reduce((a, b) => a.plus(b), new D(0)),
    `${POINTS.transfer} (решение D3: сумма перечислений равна НСЗпл − НСЗнпф)`,
  );
  const surplus = t.step(
    tag('НСЗнпф − НСЗпл'),
    `max(0, ${fixed(v.openingBalance)} − ${fixed(v.planned)}): остаток сверх плановой величины`,
    max(ZERO, v.openingBalance.minus(v.planned)),
    POINTS.transfer,
  );
  return { installments, total, surplus, months, startMonth, trace: t.steps };
}

/** П installments of a positive difference, per decision D3. */
function splitEvenly(difference: X, months: number, t: TraceBuilder, tag: (s: string) => string): X[] {
  const quotient = t.step(tag('НСЗ_i (точно)'), `(НСЗпл − НСЗнпф) / П = ${fixed(difference)} / ${months}`, difference.div(months), POINTS.transfer);
  let each = kopecks(quotient);
  if (months > 1) {
    if (each.times(months - 1).gt(difference)) {
      // Rounding up П − 1 times would overshoot the whole difference; cut the quotient instead,
      // so that no installment is negative.
      each = quotient.toDecimalPlaces(2, D.ROUND_DOWN);
      t.step(
        tag('НСЗ_i, i = 1…П−1'),
        `${quotient.toString()} до копеек с отбрасыванием: округление вверх дало бы (П − 1) × ${fixed(kopecks(quotient))} > ${fixed(difference)}`,
        each,
        `${POINTS.transfer} (решение D3)`,
      );
    } else {
      t.step(tag('НСЗ_i, i = 1…П−1'), `${quotient.toString()} до копеек (половина вверх)`, each, `${POINTS.transfer} (решение D3)`);
    }
  }
  const last = t.step(
    tag('НСЗ_П'),
    months === 1 ? `П = 1: вся разница ${fixed(difference)}` : `(НСЗпл − НСЗнпф) − (П − 1) × НСЗ_i = ${fixed(difference)} − ${months - 1} × ${fixed(each)}`,
    difference.minus(each.times(months - 1)),
    `${POINTS.transfer} (решение D3: последний взнос — остаток)`,
  );
  return [...Array.from({ length: months - 1 }, () => each), last];
}

/** П zero installments: the balance already reaches the plan. */
function zeros(months: number, t: TraceBuilder, tag: (s: string) => string): X[] {
  t.step(tag('НСЗ_i'), 'НСЗнпф ≥ НСЗпл: перечислять в НСЗ нечего', ZERO, POINTS.transfer);
  return Array.from({ length: months }, () => ZERO);
}
