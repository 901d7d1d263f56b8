/**
 * The computation shared by the quarterly and the annual assessment: the ten indicator values
 * (decision D6) and the mean of the non-zero ones.
 *
 * @module
 */
import * as z from 'zod';
import { D, roundTo, SOURCES, sum, ZERO, type TraceBuilder, type X } from '../_internal';
import { type IndicatorNumber, SMO_INDICATORS } from './indicators';
import { symbolOf, type ParsedIndicatorData } from './indicatorData';
import type { IndicatorField } from './indicators';

/**
 * Who acts as the insurer: an insurance medical organisation (`'smo'`, the default) or the
 * territorial fund itself (`'territorial-fund'`, ч. 5 ст. 13 326-ФЗ): then КОЖзлсмо is not used,
 * so indicator 6 is left out, and no Кэфф applies (Приказ ФФОМС № 140н, приложение 1, пункт 1(1)).
 */
export type InsurerKind = 'smo' | 'territorial-fund';

/** Schema of {@link InsurerKind}. */
export const InsurerKindSchema: z.ZodType<InsurerKind, InsurerKind> = z.enum(['smo', 'territorial-fund']);

/**
 * A reporting quarter; the periods are cumulative from January (quarter 4 = January–December).
 */
export type ReportingQuarter = 1 | 2 | 3 | 4;

/** Schema of {@link ReportingQuarter}. */
export const ReportingQuarterSchema: z.ZodType<ReportingQuarter, ReportingQuarter> = z.literal([1, 2, 3, 4]);

/**
 * How an indicator value came about:
 * - `'computed'` — by its formula;
 * - `'not-submitted'` — indicator 8 only: the insurer did not submit ДТ or СЧпо, the data of
 *   приложение 1, пункт 4, so the indicator counts with the value 0 (пункт 7, decision D14);
 * - `'missing-data'` — data the fund takes from the sources of пункт 3 (the register, form ЗПЗ,
 *   the reconciliation acts, its own control) is missing, so it cannot be computed: 0
 *   (пункты 2, 3);
 * - `'zero-denominator'` — its denominator is 0, so it cannot be computed: 0;
 * - `'not-used'` — indicator 6 when the territorial fund is the insurer (пункт 1(1)): 0.
 */
export type SmoIndicatorStatus = 'computed' | 'not-submitted' | 'missing-data' | 'zero-denominator' | 'not-used';

/**
 * What a not-submitted indicator 8 (its value 0 by приложение 1, пункт 7) does to the mean
 * (decision D14):
 * - `'leave-out'` (default) — пункт 9 read literally: an indicator equal to 0 is not counted, so
 *   the mean is over the other indicators;
 * - `'count-as-zero'` — the 0 of пункт 7 is counted in the mean, so that not submitting never
 *   raises the score above what a non-negative submitted figure would give.
 */
export type NotSubmittedPolicy = 'leave-out' | 'count-as-zero';

/** Schema of {@link NotSubmittedPolicy}. */
export const NotSubmittedPolicySchema: z.ZodType<NotSubmittedPolicy, NotSubmittedPolicy> = z.enum(['leave-out', 'count-as-zero']);

/** One indicator's value in an assessment. */
export interface SmoIndicatorValue {
  /** Number in Приложение 2 (1…10). */
  number: IndicatorNumber;
  /** Name in the order's wording. */
  name: string;
  /** The value in percent, 4 decimal places (приложение 1, пункт 6); 0 when not computed. */
  value: X;
  /** Whether the formula was applied (`status === 'computed'`). */
  computed: boolean;
  /** How the value came about. */
  status: SmoIndicatorStatus;
  /** Why the indicator is 0 without being computed; absent when computed. */
  reason?: string | undefined;
}

const P1 = `${SOURCES.order140n}, приложение 1`;
/** `Приказ ФФОМС № 140н, приложение 1, пункт M` (or `пункты M, N` for several). */
export const annex1 = (...points: string[]): string => `${P1}, ${points.length === 1 ? 'пункт' : 'пункты'} ${points.join(', ')}`;

const HUNDRED = new D(100);

/**
 * The indicators computed from the data the insurer itself sends (приложение 1, пункт 4: ДТ and
 * СЧпо), the only ones пункт 7 makes 0 when not submitted (decision D14).
 */
export const SUBMITTED_BY_INSURER: ReadonlySet<IndicatorNumber> = new Set<IndicatorNumber>([8]);

/**
 * Rounds half away from zero to `n` places, and writes a negative zero as 0 (decimal.js would
 * serialise −0.00001 rounded to 4 places as "-0" in JSON).
 */
export function places(value: X, n: number): X {
  const rounded = roundTo(value, n);
  return rounded.isZero() ? ZERO : rounded;
}

/** `Показатель N`, the trace symbol of an indicator. */
export const indicatorSymbol = (n: number): string => `Показатель ${n}`;

interface Ratio {
  /** The exact value is numerator / denominator (both exact). */
  numerator: X;
  denominator: X;
  /** The symbol that is the denominator, for the zero-denominator reason. */
  denominatorField: IndicatorField;
  /** The formula with the numbers substituted. */
  substituted: string;
}

/** Each indicator as one exact fraction, so that it is rounded to 4 places only once. */
function ratio(n: IndicatorNumber, v: Required<{ [K in IndicatorField]: X }>, quarter: ReportingQuarter): Ratio {
  const simple = (num: IndicatorField, den: IndicatorField): Ratio => ({
    numerator: v[num].times(HUNDRED),
    denominator: v[den],
    denominatorField: den,
    substituted: `${v[num].toString()} × 100 / ${v[den].toString()}`,
  });
  switch (n) {
    case 1:
      return simple('reliableInsured', 'insured');
    case 2:
      return simple('appealsResolved', 'appeals');
    case 3:
      return simple('screeningCompleted', 'screeningInformed');
    case 4:
      return simple('dispensaryCompleted', 'dispensaryInformed');
    case 5:
      return {
        numerator: v.complaintsPreTrial.plus(v.complaintsInCourt).times(HUNDRED),
        denominator: v.complaints,
        denominatorField: 'complaints',
        substituted: `(${v.complaintsPreTrial.toString()} + ${v.complaintsInCourt.toString()}) × 100 / ${v.complaints.toString()}`,
      };
    case 6:
      // 100 − К × 100 000 / Ч = (100·Ч − 100 000·К) / Ч
      return {
        numerator: v.insured.times(HUNDRED).minus(v.complaintsAgainstSmo.times(100_000)),
        denominator: v.insured,
        denominatorField: 'insured',
        substituted: `100 − ${v.complaintsAgainstSmo.toString()} × 100 000 / ${v.insured.toString()}`,
      };
    case 7:
      return simple('advanceRequestsCompliant', 'advanceRequests');
    case 8: {
      const dt = v.unclosedAdvances;
      const sch = v.invoicedTotal;
      // Q1: 100·(1 − ДТ/СЧпо + 1.9/12) = 100·(139·СЧпо − 120·ДТ) / (120·СЧпо)
      // Q2–Q4: 100·(1 − ДТ/СЧпо + 1/12) = 100·(13·СЧпо − 12·ДТ) / (12·СЧпо)
      return quarter === 1
        ? {
            numerator: sch.times(139).minus(dt.times(120)).times(HUNDRED),
            denominator: sch.times(120),
            denominatorField: 'invoicedTotal',
            substituted: `(1 − (${dt.toString()} / ${sch.toString()} − 1/12 × 1.9)) × 100`,
          }
        : {
            numerator: sch.times(13).minus(dt.times(12)).times(HUNDRED),
            denominator: sch.times(12),
            denominatorField: 'invoicedTotal',
            substituted: `(1 − (${dt.toString()} / ${sch.toString()} − 1/12)) × 100`,
          };
    }
    case 9:
      return simple('qualityReviewsConfirmed', 'qualityReviewsRechecked');
    case 10:
      return simple('conclusionsUpheld', 'moClaims');
  }
}

/**
 * The ten indicator values of one insurer for one cumulative period, each rounded to 4 places.
 * ДТ or СЧпо not submitted (пункты 4, 7), other data missing (пункты 2, 3), a zero denominator
 * and indicator 6 of a territorial fund give 0 with a reason. Source: Приказ ФФОМС № 140н,
 * приложение 2, пункты 1–10; приложение 1, пункты 1(1), 2–4, 6, 7.
 */
export function computeIndicators(data: ParsedIndicatorData, quarter: ReportingQuarter, insurer: InsurerKind, t: TraceBuilder): SmoIndicatorValue[] {
  return SMO_INDICATORS.map((def): SmoIndicatorValue => {
    const symbol = indicatorSymbol(def.number);
    const formula = def.number === 8 && quarter === 1 ? def.formulaQ1 : def.formula;
    const source = `${def.source} (формула восстановлена: решение D6)`;
    const zero = (status: Exclude<SmoIndicatorStatus, 'computed'>, reason: string, why: string, src: string): SmoIndicatorValue => {
      t.step(symbol, `${formula}: ${why}`, ZERO, src);
      return { number: def.number, name: def.name, value: ZERO, computed: false, status, reason };
    };

    if (def.number === 6 && insurer === 'territorial-fund') {
      return zero(
        'not-used',
        'территориальный фонд выполняет функции страховщика: сведения КОЖзлсмо не используются, показатель не учитывается (приложение 1, пункт 1(1))',
        'не учитывается — страховщик территориальный фонд, КОЖзлсмо не используется',
        annex1('1(1)'),
      );
    }
    const missing = def.symbols.filter((s) => data[s.field] === undefined).map((s) => s.symbol);
    if (missing.length > 0) {
      const list = missing.join(', ');
      // Only ДТ and СЧпо (indicator 8) are sent by the insurer (пункт 4), and пункт 7 speaks of
      // «указанных в пункте 4 … сведений»: the other figures come from the sources of пункт 3.
      if (SUBMITTED_BY_INSURER.has(def.number)) {
        return zero(
          'not-submitted',
          `СМО не представила сведения пункта 4 (${list}): показатель учитывается с нулевым значением (приложение 1, пункты 4, 7)`,
          `не представлены ${list} (сведения СМО по пункту 4) — учитывается с нулевым значением`,
          annex1('4', '7'),
        );
      }
      return zero(
        'missing-data',
        `нет сведений (${list}): показатель не может быть рассчитан, значение 0; эти сведения территориальный фонд получает из источников пункта 3, а не от СМО по пункту 4, поэтому пункт 7 к ним не применяется (приложение 1, пункты 2, 3)`,
        `нет сведений ${list} (источники пункта 3) — не рассчитывается, значение 0`,
        annex1('2', '3'),
      );
    }
    const r = ratio(def.number, data as Required<{ [K in IndicatorField]: X }>, quarter);
    if (r.denominator.isZero()) {
      const den = symbolOf(r.denominatorField);
      return zero(
        'zero-denominator',
        `${den} = 0: показатель не может быть рассчитан, значение 0`,
        `${den} = 0 — не рассчитывается, значение 0`,
        source,
      );
    }
    const value = t.step(symbol, `${formula} = ${r.substituted}, 4 знака`, places(r.numerator.div(r.denominator), 4), `${source}; ${annex1('6')}`);
    return { number: def.number, name: def.name, value, computed: true, status: 'computed' };
  });
}

/** The score of an assessment: the 4-place mean and its 1-place display. */
export interface Score {
  scoreExact: X;
  score: X;
  /** Whether leaving the not-submitted indicators out (пункт 9) made `scoreExact` higher than counting them as 0 (пункт 7). */
  leavingOutRaisedScore: boolean;
}

/** The indicators that are 0 because not submitted (пункт 7), and what to do with them in the mean. */
export interface NotSubmittedInMean {
  readonly indicators: readonly number[];
  readonly policy: NotSubmittedPolicy;
}

const listOf = (numbers: readonly number[]): string => numbers.join(', ');
const indicatorsWord = (numbers: readonly number[]): string => (numbers.length === 1 ? `показатель ${listOf(numbers)}` : `показатели ${listOf(numbers)}`);

/**
 * The mean of the non-zero values, 4 places, and the same shown to 1 place; 0 when no value is
 * counted. With `policy: 'count-as-zero'` the not-submitted indicators are counted with 0
 * (пункт 7); with `'leave-out'` they are left out like every 0 (пункт 9), and a comparison step
 * tells whether that raised the score (decision D14). Source: Приказ ФФОМС № 140н, приложение 1,
 * пункты 6–9.
 */
export function meanOfNonZero(
  values: readonly { number: number; value: X }[],
  t: TraceBuilder,
  label: string,
  notSubmitted: NotSubmittedInMean = { indicators: [], policy: 'leave-out' },
): Score {
  const absent = new Set(notSubmitted.indicators);
  const mean = (countAbsent: boolean): { counted: { number: number; value: X }[]; left: number[]; value: X } => {
    const counted = values.filter((v) => !v.value.isZero() || (countAbsent && absent.has(v.number)));
    const left = values.filter((v) => !counted.includes(v)).map((v) => v.number);
    const value = counted.length === 0 ? ZERO : places(sum(counted.map((v) => v.value)).div(counted.length), 4);
    return { counted, left, value };
  };
  const terms = (counted: readonly { value: X }[]): string => `(${counted.map((v) => v.value.toString()).join(' + ')}) / ${counted.length}`;
  const leftNote = (left: readonly number[]): string =>
    left.length === 0 ? '' : left.length === 1 ? `; нулевой показатель ${listOf(left)} не учитывается` : `; нулевые показатели ${listOf(left)} не учитываются`;

  const countZeros = notSubmitted.policy === 'count-as-zero' && absent.size > 0;
  const main = mean(countZeros);
  let scoreExact: X;
  if (main.counted.length === 0) {
    scoreExact = t.step('Оценка', `ненулевых ${label} нет: оценка 0`, ZERO, annex1('8', '9'));
  } else if (countZeros) {
    const zeros = [...absent].sort((a, b) => a - b);
    scoreExact = t.step(
      'Оценка',
      `среднее ненулевых ${label} и непредставленных = ${terms(main.counted)}${leftNote(main.left)}; ${indicatorsWord(zeros)} (сведения не представлены) ${zeros.length === 1 ? 'учитывается' : 'учитываются'} с нулевым значением (пункт 7), 4 знака`,
      main.value,
      annex1('7', '8', '9', '6'),
    );
  } else {
    scoreExact = t.step('Оценка', `среднее ненулевых ${label} = ${terms(main.counted)}${leftNote(main.left)}, 4 знака`, main.value, annex1('8', '9', '6'));
  }

  let leavingOutRaisedScore = false;
  if (!countZeros && absent.size > 0) {
    const alt = mean(true);
    leavingOutRaisedScore = scoreExact.gt(alt.value);
    const zeros = [...absent].sort((a, b) => a - b);
    t.step(
      'Оценка с нулями п. 7',
      `для сравнения: ${indicatorsWord(zeros)} (сведения не представлены) с нулевым значением = ${terms(alt.counted)}, 4 знака; ${
        zeros.length === 1 ? `оставленный вне среднего по пункту 9, он ${leavingOutRaisedScore ? 'повысил' : 'не повысил'}` : `оставленные вне среднего по пункту 9, они ${leavingOutRaisedScore ? 'повысили' : 'не повысили'}`
      } оценку`,
      alt.value,
      annex1('7', '9'),
    );
  }
  const score = t.step('Оценка (1 знак)', `${scoreExact.toString()}, с одним десятичным знаком`, places(scoreExact, 1), annex1('6'));
  return { scoreExact, score, leavingOutRaisedScore };
}

/**
 * The trace of an insurer that did not work in the region for the whole period (приложение 1,
 * пункт 10): it is not assessed, and the reason says so.
 */
export function notAssessed(t: TraceBuilder): { scoreExact: X; score: X; reason: string } {
  const reason =
    'СМО осуществляла деятельность в сфере ОМС субъекта Российской Федерации не весь отчетный период: оценка достижения показателей не осуществляется (приложение 1, пункт 10)';
  t.step('Оценка', `не осуществляется: ${reason}`, 'не осуществляется', annex1('10'));
  return { scoreExact: ZERO, score: ZERO, reason };
}

/** The indicators an assessment marked not submitted (пункт 7). */
export const notSubmittedOf = (rows: readonly SmoIndicatorValue[]): IndicatorNumber[] => rows.filter((r) => r.status === 'not-submitted').map((r) => r.number);
