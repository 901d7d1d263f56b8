import * as z from 'zod';
import {
  amount,
  kopecks,
  max,
  parseInput,
  SOURCES,
  sum,
  trace,
  unitInterval,
  ZERO,
  type DecimalInput,
  type TraceStep,
  type X,
} from '../_internal';
import {
  assertProbabilities,
  list,
  ScenarioListSchema,
  scenarioStats,
  type AdverseSide,
  type DeviationKind,
  type ParsedScenario,
  type Scenario,
} from './scenarios';

const SECTION3 = `${SOURCES.stepanov}, раздел 3`;

/**
 * The risk of one kind of medical care: forecast scenarios of its volume and the average cost of
 * a unit of it.
 */
export interface CareRisk {
  /** Volume scenarios (Пап_i, Пс_i, Псз_i) with their probabilities (r_i). */
  scenarios: Scenario[];
  /** Average cost of a unit of care (Цап, Цс, Цсз), rubles; ≥ 0. */
  unitCost: DecimalInput;
}

/** A cost group for the payables estimate: volume of cases, the tariff paid and the real cost. */
export interface PayablesGroup {
  /** Number of cases (units of care) in the group; ≥ 0. */
  volume: DecimalInput;
  /** Tariff paid per case, rubles; ≥ 0. */
  tariff: DecimalInput;
  /** Cost per case by the medico-economic standard, rubles; ≥ 0. */
  cost: DecimalInput;
}

/** КЗ estimated from tariff-versus-cost groups. */
export interface PayablesEstimate {
  /** The groups; the shortfall of each is volume × max(0, cost − tariff). */
  groups: PayablesGroup[];
  /** Probability that the payables arise, in [0, 1]; default 1. */
  probability?: DecimalInput | undefined;
}

/** Input of {@link reserveSize}. */
export interface ReserveSizeInput {
  /** Income scenarios of the fund's budget: ДБ_i with probabilities p_i. */
  income: Scenario[];
  /** Ambulatory care (амбулаторно-поликлиническая помощь): Пап_i, r_i and Цап. */
  ambulatory: CareRisk;
  /** Inpatient care (стационарная помощь): Пс_i and Цс. */
  inpatient: CareRisk;
  /** Day-hospital care (стационарозамещающая помощь): Псз_i and Цсз. */
  dayHospital: CareRisk;
  /** КЗ: expected payables of medical organisations, as an amount or estimated from groups. */
  payables: DecimalInput | PayablesEstimate;
  /** Deviation measure (decision D1); default `'standard'`. */
  deviation?: DeviationKind | undefined;
}

/** {@link CareRisk} after validation. */
export type ParsedCareRisk = z.output<typeof CareRiskSchema>;

/** {@link PayablesEstimate} after validation. */
export type ParsedPayablesEstimate = z.output<typeof PayablesEstimateSchema>;

/** {@link ReserveSizeInput} after validation. */
export type ParsedReserveSizeInput = z.output<typeof ReserveSizeInputSchema>;

/** Schema of {@link CareRisk}. */
export const CareRiskSchema = z.strictObject({
  scenarios: ScenarioListSchema,
  unitCost: amount,
}) satisfies z.ZodType<unknown, CareRisk>;

/** Schema of {@link PayablesEstimate}. */
export const PayablesEstimateSchema = z.strictObject({
  groups: z.array(z.strictObject({ volume: amount, tariff: amount, cost: amount })),
  probability: unitInterval.optional(),
}) satisfies z.ZodType<unknown, PayablesEstimate>;

/** The fields of {@link ReserveSizeInputSchema}, for schemas that extend it. */
export const reserveSizeShape = {
  income: ScenarioListSchema,
  ambulatory: CareRiskSchema,
  inpatient: CareRiskSchema,
  dayHospital: CareRiskSchema,
  payables: z.union([PayablesEstimateSchema, amount]),
  deviation: z.enum(['standard', 'downside']).optional(),
};

/** Schema of {@link ReserveSizeInput}. */
export const ReserveSizeInputSchema = z.strictObject(reserveSizeShape) satisfies z.ZodType<unknown, ReserveSizeInput>;

/** Result of {@link reserveSize}. All money is in rubles, rounded to kopecks. */
export interface ReserveSize {
  /** НСЗ = the sum of the rounded components. */
  total: X;
  /** The five terms of the formula, each rounded to kopecks. */
  components: {
    /** ОДБ, the deviation of the fund's income. */
    income: X;
    /** ОАП · Цап. */
    ambulatory: X;
    /** ОС · Цс. */
    inpatient: X;
    /** ОСЗ · Цсз. */
    dayHospital: X;
    /** КЗ. */
    payables: X;
  };
  /** The volume deviations ОАП, ОС, ОСЗ, unrounded (units of care). */
  volumeDeviations: { ambulatory: X; inpatient: X; dayHospital: X };
  /** The expectations ДБ_МО, Пап_МО, Пс_МО, Псз_МО, unrounded. */
  expected: { income: X; ambulatory: X; inpatient: X; dayHospital: X };
  /** How every figure was obtained. */
  trace: TraceStep[];
}

/** The validated, probability-checked input: shared with the risk-based sizing. */
export function parseReserveSizeInput(input: unknown, where: string): ParsedReserveSizeInput {
  const parsed = parseInput(ReserveSizeInputSchema, input, where);
  assertReserveProbabilities(parsed, where);
  return parsed;
}

/**
 * Checks that the probabilities of each of the four scenario sets add up to exactly 1; throws
 * `PROBABILITIES_DO_NOT_SUM_TO_ONE` otherwise. Shared with the risk-based sizing.
 */
export function assertReserveProbabilities(parsed: ParsedReserveSizeInput, where: string): void {
  assertProbabilities(where, [
    { path: ['income'], scenarios: parsed.income },
    { path: ['ambulatory', 'scenarios'], scenarios: parsed.ambulatory.scenarios },
    { path: ['inpatient', 'scenarios'], scenarios: parsed.inpatient.scenarios },
    { path: ['dayHospital', 'scenarios'], scenarios: parsed.dayHospital.scenarios },
  ]);
}

const CARE = [
  { key: 'ambulatory', deviation: 'ОАП', volume: 'Пап', cost: 'Цап', point: 'п. 2 (амбулаторно-поликлиническая помощь)' },
  { key: 'inpatient', deviation: 'ОС', volume: 'Пс', cost: 'Цс', point: 'п. 2 (стационарная помощь)' },
  { key: 'dayHospital', deviation: 'ОСЗ', volume: 'Псз', cost: 'Цсз', point: 'п. 2 (стационарозамещающая помощь)' },
] as const;

/**
 * Sizes the normed insurance reserve of a territorial fund from its risks:
 *
 *     НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ
 *
 * ОДБ is the deviation of the fund's income scenarios around their expectation ДБ_МО = Σ p_i·ДБ_i;
 * ОАП, ОС, ОСЗ are the deviations of the volumes of ambulatory, inpatient and day-hospital care,
 * priced at the average unit costs; КЗ is the expected payables of medical organisations.
 * A deviation is the standard deviation sqrt(Σ p_i·(X_i − X_МО)²) (decision D1; the extracted
 * formula of the paper lost its square and root), or with `deviation: 'downside'` the
 * semi-deviation over the adverse side (income below, volumes above the expectation).
 * Each component is rounded to kopecks and the total is their sum.
 *
 * Source: Степанов, Головщинский (2011), раздел 3 «Экономическое обоснование…», пп. 1–3 and the
 * final formula of НСЗ.
 *
 * @param input - the scenario sets, unit costs and КЗ
 * @returns the total, its components, the volume deviations, the expectations and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a malformed input (negative value, empty
 *   scenario list, probability outside [0, 1], …); `PROBABILITIES_DO_NOT_SUM_TO_ONE` when a
 *   set's probabilities do not add up to exactly 1 (the message shows the sum)
 * @example
 * ```ts
 * import { reserveSize } from 'oms-calc/reserve';
 *
 * const r = reserveSize({
 *   income: [
 *     { value: '9000000000', probability: '0.2' },
 *     { value: '10000000000', probability: '0.5' },
 *     { value: '10500000000', probability: '0.3' },
 *   ],
 *   ambulatory: { scenarios: [{ value: '1000000', probability: '1' }], unitCost: '450' },
 *   inpatient: { scenarios: [{ value: '200000', probability: '1' }], unitCost: '30000' },
 *   dayHospital: { scenarios: [{ value: '50000', probability: '1' }], unitCost: '15000' },
 *   payables: '0',
 * });
 * r.components.income.toString(); // '522015325.45'
 * ```
 */
export function reserveSize(input: ReserveSizeInput): ReserveSize {
  const parsed = parseReserveSizeInput(input, 'reserveSize');
  return computeReserveSize(parsed);
}

/** The computation of {@link reserveSize} on a validated input. */
export function computeReserveSize(parsed: ParsedReserveSizeInput): ReserveSize {
  const kind: DeviationKind = parsed.deviation ?? 'standard';
  const t = trace();
  const sigma = kind === 'standard' ? 'sqrt(Σ p_i · (X_i − X_МО)²)' : undefined;
  const deviationFormula = (x: string, p: string, adverse: AdverseSide): string =>
    sigma === undefined
      ? `sqrt(Σ ${p}_i · ${adverse === 'below' ? 'min' : 'max'}(0, ${x}_i − ${x}_МО)²)  [downside, D1]`
      : `sqrt(Σ ${p}_i · (${x}_i − ${x}_МО)²)`;

  const income = scenarioStats(parsed.income, kind, 'below');
  t.step('ДБ_МО', `Σ p_i · ДБ_i; ДБ_i = ${list(parsed.income.map((s) => s.value))}; p_i = ${list(parsed.income.map((s) => s.probability))}`, income.expected, `${SECTION3}, п. 1`);
  t.step('ОДБ', deviationFormula('ДБ', 'p', 'below'), income.deviation, `${SECTION3}, п. 1`);
  const incomeComponent = t.step('ОДБ, ₽', 'ОДБ, округлено до копеек', kopecks(income.deviation), `${SECTION3}, п. 1`);

  const care = {} as Record<(typeof CARE)[number]['key'], { stats: ReturnType<typeof scenarioStats>; component: X }>;
  for (const c of CARE) {
    const risk = parsed[c.key];
    const stats = scenarioStats(risk.scenarios, kind, 'above');
    t.step(`${c.volume}_МО`, `Σ r_i · ${c.volume}_i; ${c.volume}_i = ${list(risk.scenarios.map((s) => s.value))}; r_i = ${list(risk.scenarios.map((s) => s.probability))}`, stats.expected, `${SECTION3}, ${c.point}`);
    t.step(c.deviation, deviationFormula(c.volume, 'r', 'above'), stats.deviation, `${SECTION3}, ${c.point}`);
    const component = t.step(
      `${c.deviation}·${c.cost}`,
      `${c.deviation} × ${c.cost} = ${stats.deviation.toString()} × ${risk.unitCost.toString()}, округлено до копеек`,
      kopecks(stats.deviation.times(risk.unitCost)),
      `${SECTION3}, ${c.point}`,
    );
    care[c.key] = { stats, component };
  }

  const payables = payablesAmount(parsed.payables);
  const payablesComponent = t.step('КЗ', payables.formula, kopecks(payables.value), `${SECTION3}, п. 3`);

  const components = {
    income: incomeComponent,
    ambulatory: care.ambulatory.component,
    inpatient: care.inpatient.component,
    dayHospital: care.dayHospital.component,
    payables: payablesComponent,
  };
  const total = t.step(
    'НСЗ',
    `ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ = ${[components.income, components.ambulatory, components.inpatient, components.dayHospital, components.payables].map((v) => v.toString()).join(' + ')}`,
    sum(Object.values(components)),
    `${SECTION3}, итоговая формула НСЗ`,
  );

  return {
    total,
    components,
    volumeDeviations: {
      ambulatory: care.ambulatory.stats.deviation,
      inpatient: care.inpatient.stats.deviation,
      dayHospital: care.dayHospital.stats.deviation,
    },
    expected: {
      income: income.expected,
      ambulatory: care.ambulatory.stats.expected,
      inpatient: care.inpatient.stats.expected,
      dayHospital: care.dayHospital.stats.expected,
    },
    trace: t.steps,
  };
}

/**
 * КЗ, given or estimated: probability × Σ volume × max(0, cost − tariff).
 * Source: Степанов, Головщинский (2011), раздел 3, п. 3.
 */
export function payablesAmount(payables: X | ParsedPayablesEstimate): { value: X; formula: string } {
  if (!('groups' in payables)) return { value: payables, formula: 'задано' };
  const shortfall = sum(payables.groups.map((g) => g.volume.times(max(ZERO, g.cost.minus(g.tariff)))));
  const probability = payables.probability ?? ZERO.plus(1);
  return {
    value: probability.times(shortfall),
    formula: `вероятность × Σ объём × max(0, себестоимость − тариф) = ${probability.toString()} × ${shortfall.toString()}`,
  };
}
