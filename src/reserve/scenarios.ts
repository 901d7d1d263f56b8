/**
 * Scenario sets: schemas and the probability-weighted expectation and deviation (decision D1).
 *
 * @module
 */
import * as z from 'zod';
import {
  amount,
  makeIssue,
  OmsCalcError,
  sum,
  unitInterval,
  ZERO,
  type DecimalInput,
  type OmsCalcIssue,
  type X,
} from '../_internal';

/**
 * One forecast scenario: a value (income ДБ_i, or a volume of care Пап_i) and the probability of
 * it coming true (p_i, r_i).
 */
export interface Scenario {
  /** The forecast value; ≥ 0. */
  value: DecimalInput;
  /** Its probability, in [0, 1]; the probabilities of a set add up to exactly 1. */
  probability: DecimalInput;
}

/** A scenario after validation. */
export type ParsedScenario = z.output<typeof ScenarioSchema>;

/** Schema of {@link Scenario}. */
export const ScenarioSchema = z.strictObject({
  value: amount,
  probability: unitInterval,
}) satisfies z.ZodType<unknown, Scenario>;

/** A non-empty list of scenarios. */
export const ScenarioListSchema: z.ZodType<ParsedScenario[], Scenario[]> = z
  .array(ScenarioSchema)
  .min(1, 'at least one scenario is needed');

/**
 * Which deviation measures a risk (decision D1): `'standard'` — the standard deviation over all
 * scenarios; `'downside'` — the semi-deviation over the adverse side only (income below its
 * expectation, volumes of care above theirs).
 */
export type DeviationKind = 'standard' | 'downside';

/** Which side of the expectation is adverse for a risk. */
export type AdverseSide = 'below' | 'above';

/** Expectation and deviation of one scenario set. */
export interface ScenarioStats {
  /** X_МО = Σ p_i · X_i. */
  expected: X;
  /** σ, standard or downside (D1). */
  deviation: X;
}

/**
 * X_МО = Σ p_i · X_i and σ = sqrt(Σ p_i · d_i²), where d_i = X_i − X_МО for the standard
 * deviation, and for the downside only the adverse deviations count (min(0, d_i) for income,
 * max(0, d_i) for volumes of care).
 *
 * Source: Степанов, Головщинский (2011), раздел 3, п. 1–2 (ОДБ, ОАП; «среднеквадратичное
 * отклонение»), decision D1.
 */
export function scenarioStats(scenarios: readonly ParsedScenario[], kind: DeviationKind, adverse: AdverseSide): ScenarioStats {
  const expected = sum(scenarios.map((s) => s.probability.times(s.value)));
  let variance = ZERO;
  for (const s of scenarios) {
    const d = s.value.minus(expected);
    const counted = kind === 'standard' || (adverse === 'below' ? d.isNegative() : d.isPositive()) ? d : ZERO;
    variance = variance.plus(s.probability.times(counted.times(counted)));
  }
  return { expected, deviation: variance.sqrt() };
}

/**
 * Checks that each named scenario set's probabilities add up to exactly 1; throws
 * `PROBABILITIES_DO_NOT_SUM_TO_ONE` with one issue per offending set, showing the actual sum.
 */
export function assertProbabilities(where: string, sets: readonly { path: (string | number)[]; scenarios: readonly ParsedScenario[] }[]): void {
  const issues: OmsCalcIssue[] = [];
  for (const set of sets) {
    const total = sum(set.scenarios.map((s) => s.probability));
    if (!total.eq(1)) {
      issues.push(makeIssue('probabilities_sum', set.path, { sum: total.toString() }, `probabilities sum to ${total.toString()}, not 1`));
    }
  }
  if (issues.length > 0) {
    const text = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new OmsCalcError('PROBABILITIES_DO_NOT_SUM_TO_ONE', `${where}: ${text}`, issues);
  }
}

/** Formats a number of Decimals for a trace formula. */
export function list(values: readonly X[]): string {
  return values.map((v) => v.toString()).join(', ');
}

