import * as z from 'zod';
import { amount, kopecks, max, parseInput, SOURCES, trace, ZERO, type DecimalInput, type TraceStep, type X } from '../_internal';

const SOURCE = `${SOURCES.stepanov}, раздел 1, Приложение 1 к Временному порядку`;

/** Input of {@link legacyReserve}. */
export interface LegacyReserveInput {
  /** Рф: the insurers' actual expenditure on care in the previous month, rubles. */
  previousMonthExpenditure: DecimalInput;
  /** Рфсз: the actual balance of the reserve, rubles. */
  currentBalance: DecimalInput;
}

/** Schema of {@link LegacyReserveInput}. */
export const LegacyReserveInputSchema: z.ZodType<{ previousMonthExpenditure: X; currentBalance: X }, LegacyReserveInput> = z.strictObject({
  previousMonthExpenditure: amount,
  currentBalance: amount,
});

/** Result of {@link legacyReserve}. Money in rubles, rounded to kopecks. */
export interface LegacyReserve {
  /** Рнсз = Рф, the reserve the one-month rule requires. */
  target: X;
  /** Рп = max(0, Рнсз − Рфсз), the top-up needed. */
  topUp: X;
  /** max(0, Рфсз − Рнсз), the balance above the target. */
  excess: X;
  /** How every figure was obtained. */
  trace: TraceStep[];
}

/**
 * The legacy one-month rule: the reserve equals the insurers' actual expenditure on care in the
 * previous month, and the top-up is what is missing to reach it.
 *
 *     Рнсз = Рф   (1);   Рп = Рнсз − Рфсз   (2)
 *
 * Source: Степанов, Головщинский (2011), раздел 1: Приложение 1 к Временному порядку финансового
 * взаимодействия и расходования средств в системе ОМС, формулы (1) и (2).
 *
 * @param input - last month's expenditure and the current balance
 * @returns the target, the top-up and the excess
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a missing or negative amount
 * @example
 * ```ts
 * import { legacyReserve } from 'oms-calc/reserve';
 *
 * const l = legacyReserve({ previousMonthExpenditure: '1000000000', currentBalance: '850000000' });
 * l.topUp.toString(); // '150000000'
 * ```
 */
export function legacyReserve(input: LegacyReserveInput): LegacyReserve {
  const v = parseInput(LegacyReserveInputSchema, input, 'legacyReserve');
  const t = trace();
  const target = t.step('Рнсз', `Рф = ${v.previousMonthExpenditure.toString()}`, kopecks(v.previousMonthExpenditure), `${SOURCE}, формула (1)`);
  const balance = kopecks(v.currentBalance);
  const topUp = t.step('Рп', `max(0, Рнсз − Рфсз) = max(0, ${target.toString()} − ${balance.toString()})`, max(ZERO, target.minus(balance)), `${SOURCE}, формула (2)`);
  const excess = t.step('Рфсз − Рнсз', `max(0, ${balance.toString()} − ${target.toString()})`, max(ZERO, balance.minus(target)), `${SOURCE}, п. 1 (не более месячного запаса)`);
  return { target, topUp, excess, trace: t.steps };
}
