import * as z from 'zod';
import { parseInput, trace, type TraceStep, type X } from '../_internal';
import {
  annex1,
  computeIndicators,
  InsurerKindSchema,
  meanOfNonZero,
  notAssessed,
  notSubmittedOf,
  NotSubmittedPolicySchema,
  ReportingQuarterSchema,
  type NotSubmittedPolicy,
  type SmoIndicatorValue,
  type InsurerKind,
  type ReportingQuarter,
} from './assessment';
import { IndicatorDataSchema, type IndicatorData, type ParsedIndicatorData } from './indicatorData';
import type { IndicatorNumber } from './indicators';

/** Input of {@link smoIndicators}: one insurer's data in one region for a cumulative period. */
export interface SmoIndicatorsInput {
  /** The reporting quarter; the data is cumulative from January to its end. Indicator 8 has its own formula for quarter 1. */
  quarter: ReportingQuarter;
  /** The figures of приложение 1, пункт 2; an absent ДТ or СЧпо was not submitted (пункты 4, 7), any other absent figure is missing (пункты 2, 3). */
  data: IndicatorData;
  /** Who acts as the insurer; default `'smo'`. With `'territorial-fund'` indicator 6 is left out (пункт 1(1)). */
  insurer?: InsurerKind | undefined;
  /** What a not-submitted indicator 8 does to the mean; default `'leave-out'` (пункт 9 read literally, decision D14). */
  notSubmitted?: NotSubmittedPolicy | undefined;
  /** Whether the insurer worked in the region for the whole reporting period; default `true`. When `false` it is not assessed (пункт 10). */
  workedWholePeriod?: boolean | undefined;
}

/** {@link SmoIndicatorsInput} after validation. */
export type ParsedSmoIndicatorsInput = z.output<typeof SmoIndicatorsInputSchema>;

/** Schema of {@link SmoIndicatorsInput}. */
export const SmoIndicatorsInputSchema = z.strictObject({
  quarter: ReportingQuarterSchema,
  data: IndicatorDataSchema,
  insurer: InsurerKindSchema.optional(),
  notSubmitted: NotSubmittedPolicySchema.optional(),
  workedWholePeriod: z.boolean('workedWholePeriod must be true or false').optional(),
}) satisfies z.ZodType<unknown, SmoIndicatorsInput>;

/** Result of {@link smoIndicators}. */
export interface SmoIndicators {
  /** Always ten rows, indicators 1…10 in order, each to 4 places. */
  indicators: SmoIndicatorValue[];
  /** The assessment: mean of the non-zero indicators, 4 places (пункты 8, 9); 0 when not assessed. */
  scoreExact: X;
  /** The assessment as published: `scoreExact` to 1 place (пункт 6); 0 when not assessed. */
  score: X;
  /** Whether the insurer is assessed: `false` when it did not work in the region for the whole period (пункт 10); then there is no score. */
  assessed: boolean;
  /** Why there is no score; present exactly when `assessed` is false. */
  notAssessedReason?: string | undefined;
  /** The indicators marked not submitted (indicator 8 without ДТ or СЧпо, пункты 4, 7). */
  notSubmittedIndicators: IndicatorNumber[];
  /** How they entered the mean (decision D14). */
  notSubmittedPolicy: NotSubmittedPolicy;
  /** Whether leaving them out of the mean (`'leave-out'`, пункт 9) made the score higher than counting them as 0 (пункт 7). */
  leavingOutRaisedScore: boolean;
  /**
   * Quarter 4 only: the result is the January–December figure without Кэфф, not the annual
   * assessment of пункт 12 — that one is {@link smoAnnualAssessment}.
   */
  annualNote?: string | undefined;
  /** How every figure was obtained. */
  trace: TraceStep[];
}

/**
 * The quarterly assessment of an insurer (СМО) by a territorial fund: the ten indicators of
 * Приложение 2 in percent (decision D6), each to 4 decimal places, and their mean.
 *
 *     1: ЧЗЛдост × 100 / ЧЗЛсмо              6: 100 − КОЖзлсмо × 100 000 / ЧЗЛсмо
 *     2: КСЭрез × 100 / КСЭ                  7: КЗАсобл × 100 / КЗАвсего
 *     3: ППМинфдвн × 100 / ИИдвн             8: Q1: (1 − (ДТ / СЧпо − 1/12 × 190 %)) × 100
 *     4: ППМИНФДН × 100 / ИИдн                  Q2–Q4: (1 − (ДТ / СЧпо − 1/12)) × 100
 *     5: (КОЖдосуд + КОЖсуд) × 100 / КОЖзл   9: КЭКМПподтв × 100 / КЭКМПтфомс
 *                                           10: КЗСМОподтв × 100 / КПМОтфомс
 *     оценка = среднее ненулевых показателей (4 знака), публикуется с 1 знаком
 *
 * Rules and edge cases: docs/guides/smo-rating.md.
 *
 * Source: Приказ ФФОМС № 140н, приложение 2, пункты 1–10 (formulas restored, decision D6);
 * приложение 1, пункты 1(1), 2–10, 12 (decisions D14, D15).
 *
 * @param input - the quarter, the data, who acts as the insurer, the policy for not-submitted
 *   data and whether the insurer worked the whole period
 * @returns the ten indicators, the score to 4 and to 1 place, and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a quarter other than 1–4, a negative or
 *   fractional count, money with more than 2 places, an unknown field, or a count above its
 *   denominator (e.g. `appealsResolved` > `appeals`)
 * @example
 * ```ts
 * import { smoIndicators } from 'oms-calc/smo-rating';
 *
 * const r = smoIndicators({ quarter: 2, data: { appealsResolved: 45, appeals: 50, unclosedAdvances: '1500000', invoicedTotal: '12000000' } });
 * r.indicators[1]?.value.toString(); // '90'      (45 × 100 / 50)
 * r.indicators[7]?.value.toString(); // '95.8333' ((1 − (0.125 − 1/12)) × 100)
 * r.scoreExact.toString();           // '92.9167' (the other eight are 0: no data)
 * r.score.toString();                // '92.9'
 * smoIndicators({ quarter: 2, data: { appealsResolved: 45, appeals: 50 }, workedWholePeriod: false }).assessed; // false   (пункт 10)
 * ```
 */
export function smoIndicators(input: SmoIndicatorsInput): SmoIndicators {
  const v = parseInput(SmoIndicatorsInputSchema, input, 'smoIndicators');
  const t = trace();
  const insurer = v.insurer ?? 'smo';
  t.step(
    'Период',
    `январь — конец ${v.quarter} квартала, нарастающим итогом; страховщик: ${insurer === 'smo' ? 'СМО' : 'территориальный фонд'}`,
    String(v.quarter),
    insurer === 'smo' ? annex1('5') : annex1('1(1)', '5'),
  );
  const indicators = computeIndicators(v.data, v.quarter, insurer, t);
  const notSubmittedIndicators = notSubmittedOf(indicators);
  const notSubmittedPolicy = v.notSubmitted ?? 'leave-out';
  let annualNote: string | undefined;
  if (v.quarter === 4) {
    annualNote = ANNUAL_NOTE;
    t.step('Январь — декабрь', ANNUAL_NOTE, 'без Кэфф', annex1('12'));
  }
  const common = { indicators, notSubmittedIndicators, notSubmittedPolicy, ...(annualNote === undefined ? {} : { annualNote }) };
  if (v.workedWholePeriod === false) {
    const { scoreExact, score, reason } = notAssessed(t);
    return { ...common, scoreExact, score, assessed: false, notAssessedReason: reason, leavingOutRaisedScore: false, trace: t.steps };
  }
  const { scoreExact, score, leavingOutRaisedScore } = meanOfNonZero(indicators, t, 'показателей', {
    indicators: notSubmittedIndicators,
    policy: notSubmittedPolicy,
  });
  return { ...common, scoreExact, score, assessed: true, leavingOutRaisedScore, trace: t.steps };
}

/** The note of a quarter-4 result (приложение 1, пункт 12). */
const ANNUAL_NOTE =
  '4 квартал: показатели за январь — декабрь без коэффициента эффективности; оценку за январь — декабрь с коэффициентом эффективности (приложение 1, пункт 12) дает smoAnnualAssessment';
