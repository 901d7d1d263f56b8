import * as z from 'zod';
import { D, decimal, issueParams, parseInput, sum, trace, type DecimalInput, type TraceStep, type X } from '../_internal';
import { annex1, InsurerKindSchema, places, type InsurerKind } from './assessment';

/** One region's assessment of the insurer, as the territorial fund reported it (пункт 16). */
export interface RegionScore {
  /** The region (субъект Российской Федерации): a name or a code, unique within the input. */
  region: string;
  /** The region's assessment to 4 places (`scoreExact` of {@link smoIndicators} or {@link smoAnnualAssessment}). */
  scoreExact: DecimalInput;
  /** Whether the fund reported no violation of the list of sanctions by the insurer (пункт 20). */
  noViolations: boolean;
  /** The fund did not report for this period, and the previous period's value is used (пункт 18). Default `false`. */
  fromPreviousPeriod?: boolean | undefined;
}

/** {@link RegionScore} after validation. */
export type ParsedRegionScore = z.output<typeof RegionScoreSchema>;

/**
 * Input of {@link federalMonitoring}: one insurer's assessments in every region where it works.
 */
export interface FederalMonitoringInput {
  /** One entry per region where the insurer works; at least one. */
  regions: RegionScore[];
  /** Who acts as the insurer; default `'smo'`. With `'territorial-fund'` the 1.1 does not apply (пункт 1(1)). */
  insurer?: InsurerKind | undefined;
}

/** {@link FederalMonitoringInput} after validation. */
export type ParsedFederalMonitoringInput = z.output<typeof FederalMonitoringInputSchema>;

/** A score to at most 4 decimal places (пункт 6), of any sign (indicators 6 and 8 are not clamped). */
export const score4: z.ZodType<X, DecimalInput> = decimal({ maxPlaces: 4 });

/** Schema of {@link RegionScore}. */
export const RegionScoreSchema = z.strictObject({
  region: z.string().min(1, 'region must not be empty'),
  scoreExact: score4,
  noViolations: z.boolean(),
  fromPreviousPeriod: z.boolean().optional(),
}) satisfies z.ZodType<unknown, RegionScore>;

/** Schema of {@link FederalMonitoringInput}. */
export const FederalMonitoringInputSchema = z.strictObject({
  regions: z
    .array(RegionScoreSchema)
    .min(1, 'at least one region is needed')
    .superRefine((regions, ctx) => {
      const seen = new Map<string, number>();
      regions.forEach((r, i) => {
        const first = seen.get(r.region);
        if (first === undefined) seen.set(r.region, i);
        else {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'region'],
            message: `region ${JSON.stringify(r.region)} is given twice (also at index ${first})`,
            params: issueParams('duplicate', { value: JSON.stringify(r.region), first: String(first) }),
          });
        }
      });
    }),
  insurer: InsurerKindSchema.optional(),
}) satisfies z.ZodType<unknown, FederalMonitoringInput>;

/** Result of {@link federalMonitoring}. */
export interface FederalMonitoring {
  /** The mean of the regional assessments, 4 places (пункт 19). */
  mean: X;
  /** The monitoring result: `mean`, × 1.1 when every region reported no violations (пункт 20), 4 places. */
  resultExact: X;
  /** `resultExact` to 1 place, as published (пункты 22–23). */
  result: X;
  /** Whether the 1.1 of пункт 20 was applied. */
  bonusApplied: boolean;
  /** The regions whose value was carried from the previous period (пункт 18), in input order. */
  carriedRegions: string[];
  /** How every figure was obtained. */
  trace: TraceStep[];
}

const BONUS = new D('1.1');

/**
 * The Federal fund's monitoring result for one insurer: the mean of its assessments in the
 * regions where it works, multiplied by the efficiency coefficient 1.1 when the territorial fund
 * of every one of those regions reported no violation by it of the list of sanctions.
 *
 *     среднее = Σ оценка_r / число регионов, 4 знака                     (пункт 19)
 *     результат = среднее × 1,1, если все регионы сообщили об отсутствии нарушений,
 *                 иначе среднее; 4 знака, публикуется с 1 знаком         (пункты 20, 22)
 *
 * Rules and edge cases: docs/guides/smo-rating.md.
 *
 * Source: Приказ ФФОМС № 140н, приложение 1, пункты 17–20, 22, 1(1).
 *
 * @param input - the regional assessments and who acts as the insurer
 * @returns the mean, the result to 4 and 1 places, whether the 1.1 applied, the carried regions
 * @throws {@link OmsCalcError} `INVALID_INPUT` for no regions, a region given twice or with an
 *   empty name, or a score with more than 4 decimal places
 * @example
 * ```ts
 * import { federalMonitoring } from 'oms-calc/smo-rating';
 *
 * const f = federalMonitoring({ regions: [
 *   { region: 'Тверская область', scoreExact: '88.1234', noViolations: true },
 *   { region: 'Псковская область', scoreExact: '90.5', noViolations: true, fromPreviousPeriod: true },
 * ] });
 * f.mean.toString();        // '89.3117'  ((88.1234 + 90.5) / 2)
 * f.resultExact.toString(); // '98.2429'  (89.3117 × 1.1 = 98.24287)
 * f.result.toString();      // '98.2'
 * f.carriedRegions;         // ['Псковская область']
 * ```
 */
export function federalMonitoring(input: FederalMonitoringInput): FederalMonitoring {
  const v = parseInput(FederalMonitoringInputSchema, input, 'federalMonitoring');
  const t = trace();
  const carriedRegions: string[] = [];
  for (const r of v.regions) {
    const carried = r.fromPreviousPeriod === true;
    if (carried) carriedRegions.push(r.region);
    t.step(
      `Оценка [${r.region}]`,
      `${carried ? 'показатель предыдущего отчетного периода (сведения за период не представлены); ' : ''}${r.noViolations ? 'нарушений не выявлено' : 'нарушения выявлены'}`,
      r.scoreExact,
      carried ? annex1('16', '18') : annex1('16'),
    );
  }
  const scores = v.regions.map((r) => r.scoreExact);
  const mean = t.step(
    'Среднее',
    `(${scores.map((s) => s.toString()).join(' + ')}) / ${scores.length}, 4 знака`,
    places(sum(scores).div(scores.length), 4),
    `${annex1('19')}; ${annex1('6')}`,
  );
  const allClean = v.regions.every((r) => r.noViolations);
  const territorial = v.insurer === 'territorial-fund';
  const bonusApplied = allClean && !territorial;
  const resultExact = bonusApplied
    ? t.step('Результат', `${mean.toString()} × 1,1 (все регионы сообщили об отсутствии нарушений), 4 знака`, places(mean.times(BONUS), 4), annex1('20'))
    : t.step(
        'Результат',
        territorial
          ? `${mean.toString()}: страховщик — территориальный фонд, коэффициент 1,1 не применяется`
          : `${mean.toString()}: не все регионы сообщили об отсутствии нарушений, коэффициент 1,1 не применяется`,
        mean,
        territorial ? annex1('1(1)', '20') : annex1('20'),
      );
  const result = t.step('Результат (1 знак)', `${resultExact.toString()}, с одним десятичным знаком`, places(resultExact, 1), annex1('22', '23'));
  return { mean, resultExact, result, bonusApplied, carriedRegions, trace: t.steps };
}
