import * as z from 'zod';
import { D, parseInput, trace, type TraceStep, type X } from '../_internal';
import {
  annex1,
  computeIndicators,
  indicatorSymbol,
  InsurerKindSchema,
  meanOfNonZero,
  notAssessed,
  notSubmittedOf,
  NotSubmittedPolicySchema,
  places,
  type NotSubmittedPolicy,
  type SmoIndicatorValue,
  type InsurerKind,
} from './assessment';
import { IndicatorDataSchema, type IndicatorData, type ParsedIndicatorData } from './indicatorData';
import { SMO_INDICATORS, type IndicatorNumber } from './indicators';

/**
 * A violation found by the fund's (or the Federal fund's) control: the point of the list of
 * sanctions for insurers (Приказ Минздрава России № 469н, приложение 2 к типовому договору) and
 * how many times it was found.
 */
export interface SmoViolation {
  /** The point of the list of sanctions: `'n'` or `'n.m'`, e.g. `'5'` or `'4.1'`. */
  point: string;
  /** How many violations of this point were found; a whole number 0…1 000 000, default 1. */
  count?: number | undefined;
}

/** {@link SmoViolation} after validation. */
export type ParsedSmoViolation = z.output<typeof SmoViolationSchema>;

/** Schema of {@link SmoViolation}. */
export const SmoViolationSchema = z.strictObject({
  point: z
    .string()
    .regex(/^(?:0|[1-9]\d{0,3})(?:\.(?:0|[1-9]\d{0,3}))?$/, 'a point of the list of sanctions is written "n" or "n.m", e.g. "5" or "4.1"'),
  count: z
    .number('count must be a number')
    .int('count must be a whole number')
    .min(0, 'count must be at least 0')
    .max(1_000_000, 'count must be at most 1000000')
    .optional(),
}) satisfies z.ZodType<unknown, SmoViolation>;

/**
 * Input of {@link smoAnnualAssessment}: one insurer's January–December data and control findings.
 */
export interface SmoAnnualAssessmentInput {
  /** The figures of приложение 1, пункт 2 for January–December; an absent ДТ or СЧпо was not submitted (пункты 4, 7), any other absent figure is missing (пункты 2, 3). */
  data: IndicatorData;
  /** Violations of the list of sanctions found by the control (пункт 13); an empty list means none were found. */
  violations: SmoViolation[];
  /** Who acts as the insurer; default `'smo'`. With `'territorial-fund'` indicator 6 is left out and no Кэфф applies (пункт 1(1)). */
  insurer?: InsurerKind | undefined;
  /** What a not-submitted indicator 8 does to the mean; default `'leave-out'` (пункт 9 read literally, decision D14). */
  notSubmitted?: NotSubmittedPolicy | undefined;
  /** Whether the insurer worked in the region for the whole year; default `true`. When `false` it is not assessed (пункт 10). */
  workedWholePeriod?: boolean | undefined;
}

/** {@link SmoAnnualAssessmentInput} after validation. */
export type ParsedSmoAnnualAssessmentInput = z.output<typeof SmoAnnualAssessmentInputSchema>;

/** Schema of {@link SmoAnnualAssessmentInput}. */
export const SmoAnnualAssessmentInputSchema = z.strictObject({
  data: IndicatorDataSchema,
  violations: z.array(SmoViolationSchema),
  insurer: InsurerKindSchema.optional(),
  notSubmitted: NotSubmittedPolicySchema.optional(),
  workedWholePeriod: z.boolean('workedWholePeriod must be true or false').optional(),
}) satisfies z.ZodType<unknown, SmoAnnualAssessmentInput>;

/** One indicator of the annual assessment. */
export interface SmoAnnualIndicatorValue extends SmoIndicatorValue {
  /** Кэфф of this indicator: 1.1, 1, 0.9 or 0.8 (пункты 14–15, decision D7); 1 when not applied. */
  kEff: X;
  /** value × Кэфф, 4 places: what the score is taken over. */
  adjusted: X;
  /** Violations counted against this indicator (those of the points listed for it). */
  violations: number;
}

/** Result of {@link smoAnnualAssessment}. */
export interface SmoAnnualAssessment {
  /** Always ten rows, indicators 1…10 in order. */
  indicators: SmoAnnualIndicatorValue[];
  /** Mean of the non-zero adjusted values, 4 places; 0 when not assessed. */
  scoreExact: X;
  /** `scoreExact` to 1 place, as published; 0 when not assessed. */
  score: X;
  /** Whether the insurer is assessed: `false` when it did not work in the region for the whole year (пункт 10); then there is no score. */
  assessed: boolean;
  /** Why there is no score; present exactly when `assessed` is false. */
  notAssessedReason?: string | undefined;
  /** The indicators marked not submitted (indicator 8 without ДТ or СЧпо, пункты 4, 7). */
  notSubmittedIndicators: IndicatorNumber[];
  /** How they entered the mean (decision D14). */
  notSubmittedPolicy: NotSubmittedPolicy;
  /** Whether leaving them out of the mean (`'leave-out'`, пункт 9) made the score higher than counting them as 0 (пункт 7). */
  leavingOutRaisedScore: boolean;
  /** Whether the control found no violation of the list of sanctions at all (пункт 15) — what the fund reports for пункт 20. */
  noViolations: boolean;
  /** All violations found, counting `count` (those of unlisted points too). */
  totalViolations: number;
  /** Whether Кэфф was applied (`false` when the territorial fund is the insurer, пункт 1(1)). */
  kEffApplied: boolean;
  /** How every figure was obtained. */
  trace: TraceStep[];
}

const K = {
  none: new D(1),
  one: new D('0.9'),
  many: new D('0.8'),
  clean: new D('1.1'),
} as const;

/**
 * Whether a violation of `point` is a violation of the listed point `listed`: the same point,
 * or a sub-point `n.m` of a listed whole point `n` (decision D7).
 */
export function pointMatches(point: string, listed: string): boolean {
  return point === listed || (!listed.includes('.') && point.startsWith(`${listed}.`));
}

/**
 * The January–December assessment of an insurer with the efficiency coefficient Кэфф applied to
 * each indicator (decision D7):
 *
 *     n_i   = violations found of the points of the list of sanctions listed for indicator i
 *     Кэфф_i = 0,9 when n_i = 1;  0,8 when n_i ≥ 2;  1 when n_i = 0   (пункт 14)
 *     Кэфф_i = 1,1 for every indicator when no violation at all was found   (пункт 15)
 *     скорректированный_i = показатель_i × Кэфф_i, 4 знака
 *     оценка = среднее ненулевых скорректированных показателей, 4 знака; публикуется с 1 знаком
 *
 * Rules and edge cases: docs/guides/smo-rating.md.
 *
 * Source: Приказ ФФОМС № 140н, приложение 1, пункты 1(1), 4, 7, 9, 10, 12–15; приложение 2
 * (column «Порядок определения коэффициента эффективности»).
 *
 * @param input - the January–December data, the violations found, who acts as the insurer, the
 *   policy for not-submitted data and whether the insurer worked the whole year
 * @returns the ten indicators with Кэфф and adjusted values, the score and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for malformed data (as {@link smoIndicators}), a
 *   point not written `n` or `n.m`, or a negative or fractional `count`
 * @example
 * ```ts
 * import { smoAnnualAssessment } from 'oms-calc/smo-rating';
 *
 * const a = smoAnnualAssessment({
 *   data: { appealsResolved: 45, appeals: 50, advanceRequestsCompliant: 11, advanceRequests: 12 },
 *   violations: [{ point: '4.1' }],
 * });
 * a.indicators[6]?.kEff.toString();     // '0.9'     (one violation of 4.1, listed for indicator 7)
 * a.indicators[6]?.adjusted.toString(); // '82.5'    (91.6667 × 0.9 = 82.50003)
 * a.scoreExact.toString();              // '86.25'   ((90 + 82.5) / 2)
 * ```
 */
export function smoAnnualAssessment(input: SmoAnnualAssessmentInput): SmoAnnualAssessment {
  const v = parseInput(SmoAnnualAssessmentInputSchema, input, 'smoAnnualAssessment');
  const t = trace();
  const insurer = v.insurer ?? 'smo';
  t.step(
    'Период',
    `январь — декабрь; страховщик: ${insurer === 'smo' ? 'СМО' : 'территориальный фонд'}`,
    'январь — декабрь',
    annex1('12'),
  );
  const base = computeIndicators(v.data, 4, insurer, t);

  const counted = v.violations.map((x) => ({ point: x.point, count: x.count ?? 1 }));
  const totalViolations = counted.reduce((a, x) => a + x.count, 0);
  const noViolations = totalViolations === 0;
  const listed = SMO_INDICATORS.flatMap((d) => d.sanctionPoints);
  const unlisted = counted.filter((x) => x.count > 0 && !listed.some((p) => pointMatches(x.point, p)));
  t.step(
    'Нарушения',
    noViolations
      ? 'нарушений согласно перечню санкций не выявлено'
      : `выявлено нарушений: ${counted
          .filter((x) => x.count > 0)
          .map((x) => `п. ${x.point} × ${x.count}`)
          .join(', ')}${unlisted.length > 0 ? `; из них не отнесены ни к одному показателю: ${unlisted.map((x) => `п. ${x.point}`).join(', ')}` : ''}`,
    String(totalViolations),
    annex1('13'),
  );
  const kEffApplied = insurer === 'smo';
  if (!kEffApplied) {
    t.step('Кэфф', 'территориальный фонд выполняет функции страховщика: коэффициент эффективности не применяется', '1', annex1('1(1)'));
  }

  const indicators = base.map((row): SmoAnnualIndicatorValue => {
    const def = SMO_INDICATORS[row.number - 1];
    const points: readonly string[] = def?.sanctionPoints ?? [];
    const violations = counted.filter((x) => points.some((p) => pointMatches(x.point, p))).reduce((a, x) => a + x.count, 0);
    const symbol = indicatorSymbol(row.number);
    let kEff: X;
    if (!kEffApplied) {
      kEff = K.none;
    } else if (noViolations) {
      kEff = t.step(`Кэфф ${row.number}`, 'полное отсутствие нарушений согласно перечню санкций', K.clean, annex1('15'));
    } else {
      const which = violations === 0 ? K.none : violations === 1 ? K.one : K.many;
      kEff = t.step(
        `Кэфф ${row.number}`,
        `нарушений по пунктам ${points.join(', ')} перечня санкций: ${violations} → ${violations === 0 ? '1 (нет нарушений)' : violations === 1 ? '0,9 (одно нарушение)' : '0,8 (два и более)'}`,
        which,
        `${annex1('14')}; ${def?.source ?? ''}`,
      );
    }
    const adjusted = kEffApplied
      ? t.step(`${symbol} × Кэфф`, `${row.value.toString()} × ${kEff.toString()}, 4 знака`, places(row.value.times(kEff), 4), annex1('6', '12', '14', '15'))
      : row.value;
    return { ...row, kEff, adjusted, violations };
  });

  const notSubmittedIndicators = notSubmittedOf(indicators);
  const notSubmittedPolicy = v.notSubmitted ?? 'leave-out';
  const common = { indicators, noViolations, totalViolations, kEffApplied, notSubmittedIndicators, notSubmittedPolicy };
  if (v.workedWholePeriod === false) {
    const { scoreExact, score, reason } = notAssessed(t);
    return { ...common, scoreExact, score, assessed: false, notAssessedReason: reason, leavingOutRaisedScore: false, trace: t.steps };
  }
  const { scoreExact, score, leavingOutRaisedScore } = meanOfNonZero(
    indicators.map((r) => ({ number: r.number, value: r.adjusted })),
    t,
    kEffApplied ? 'скорректированных показателей' : 'показателей',
    { indicators: notSubmittedIndicators, policy: notSubmittedPolicy },
  );
  return { ...common, scoreExact, score, assessed: true, leavingOutRaisedScore, trace: t.steps };
}
