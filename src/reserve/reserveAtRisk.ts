import * as z from 'zod';
import {
  D,
  decimal,
  invalidInput,
  issueParams,
  kopecks,
  max,
  parseInput,
  SOURCES,
  trace,
  ZERO,
  type DecimalInput,
  type TraceStep,
  type X,
} from '../_internal';
import {
  assertReserveProbabilities,
  computeReserveSize,
  payablesAmount,
  reserveSizeShape,
  type ParsedReserveSizeInput,
  type ReserveSizeInput,
} from './reserveSize';
import { MAX_SEED } from './prng';
import { exactSample, SAFE, simulate, toBigInt, toDecimal, type Representation, type RiskSet, type Sample, type Tail } from './riskSample';

const SECTION3 = `${SOURCES.stepanov}, раздел 3`;
/** Where the risk-based figures come from: the paper's risks, measured beyond the paper. */
const BEYOND = `${SECTION3} (риски дефицита средств); уровень доверия — ненормативное дополнение, docs/decisions.md, D8–D11`;

/**
 * Defaults and limits of {@link reserveAtRisk}: the runs and the seed of a simulation when none
 * are given, the most runs accepted, and the most scenario combinations enumerated exactly.
 */
export const reserveAtRiskDefaults = {
  /** Runs of a simulation when `runs` is not given. */
  runs: 100_000,
  /** Seed of a simulation when `seed` is not given. */
  seed: 1,
  /** The most runs accepted (10⁷). */
  maxRuns: 10_000_000,
  /** `'auto'` enumerates exactly up to this many combinations of scenarios (10⁶). */
  exactLimit: 1_000_000,
} as const;

/**
 * How {@link reserveAtRisk} obtains the law of the shortfall: `'exact'` enumerates every
 * combination of scenarios; `'monte-carlo'` draws `runs` combinations with a seeded generator;
 * `'auto'` (default) enumerates when there are at most 10⁶ combinations, and simulates otherwise.
 */
export type ReserveAtRiskMethod = 'auto' | 'exact' | 'monte-carlo';

/**
 * Input of {@link reserveAtRisk}: the input of {@link reserveSize}, the levels and the method.
 */
export interface ReserveAtRiskInput extends ReserveSizeInput {
  /** Confidence levels α, each strictly between 0 and 1, such as `['0.9', '0.95', '0.99']`. */
  levels: DecimalInput[];
  /** Seed of the simulation: a whole number in [0, 2⁵³ − 1]; default 1. Ignored when exact. */
  seed?: number | undefined;
  /** Runs of the simulation: a whole number in [1, 10⁷]; default 100 000. Ignored when exact. */
  runs?: number | undefined;
  /** `'auto'` (default), `'exact'` or `'monte-carlo'`. */
  method?: ReserveAtRiskMethod | undefined;
}

/** {@link ReserveAtRiskInput} after validation. */
export type ParsedReserveAtRiskInput = z.output<typeof ReserveAtRiskInputSchema>;

const level = decimal({ greaterThan: 0 }).superRefine((value, ctx) => {
  if (value.gte(1)) {
    ctx.addIssue({ code: 'custom', message: `must be less than 1, got ${value.toString()}`, params: issueParams('too_big', { maximum: '1', inclusive: false, received: value.toString() }) });
  }
});

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .number({ error: (issue) => `expected ${what}: a whole number, got ${typeof issue.input === 'number' ? String(issue.input) : typeof issue.input}` })
    .int({ error: (issue) => `must be a whole number, got ${String(issue.input)}` })
    .min(min, { error: (issue) => `must be at least ${min}, got ${String(issue.input)}` })
    .max(max, { error: (issue) => `must be at most ${max}, got ${String(issue.input)}` })
    // -0 is 0: no result ever carries a negative zero
    .transform((n) => (n === 0 ? 0 : n));

/** Schema of {@link ReserveAtRiskInput}. */
export const ReserveAtRiskInputSchema = z.strictObject({
  ...reserveSizeShape,
  levels: z.array(level).min(1, 'at least one level is needed'),
  seed: wholeNumber(0, MAX_SEED, 'a seed').optional(),
  runs: wholeNumber(1, reserveAtRiskDefaults.maxRuns, 'a number of runs').optional(),
  method: z.enum(['auto', 'exact', 'monte-carlo']).optional(),
}) satisfies z.ZodType<unknown, ReserveAtRiskInput>;

/** The reserve that covers the shortfall at one confidence level. */
export interface ReserveAtRiskLevel {
  /** The confidence level α, as given. */
  level: X;
  /** VaR_α: the smallest s with P(shortfall ≤ s) ≥ α, floored at 0; rubles, kopecks. */
  valueAtRisk: X;
  /** TVaR_α: the mean of the worst (1 − α) of the probability, floored at 0; rubles, kopecks. */
  tailValueAtRisk: X;
}

/** Result of {@link reserveAtRisk}. Money is in rubles, rounded to kopecks. Non-normative. */
export interface ReserveAtRisk {
  /** The method used: exact enumeration or the seeded simulation. */
  method: 'exact' | 'monte-carlo';
  /** One row per requested level, in the order given. */
  levels: ReserveAtRiskLevel[];
  /** M[max(0, shortfall)]: the mean call on the reserve (a surplus counts as 0); kopecks. */
  expectedShortfall: X;
  /** The normative reserve of {@link reserveSize} and the probability that it covers the shortfall. */
  normative: {
    /** НСЗ, the total of {@link reserveSize} for the same input. */
    total: X;
    /** P(shortfall ≤ НСЗ), unrounded (for a simulation, the share of runs). */
    coverage: X;
  };
  /** The runs and the seed of a simulation; `null` when exact. */
  simulation: { runs: number; seed: number } | null;
  /** How every figure was obtained. */
  trace: TraceStep[];
}

/** Internal switches, for tests: force the BigInt representation of a simulation. */
export interface ReserveAtRiskOptions {
  representation?: Representation | undefined;
}

/**
 * **Non-normative.** How much confidence a reserve buys: the reserve that covers the fund's
 * shortfall with probability α (value at risk, VaR) and the mean shortfall in the worst (1 − α)
 * of years (tail value at risk, TVaR), for each requested level, beside the normative НСЗ of
 * {@link reserveSize} and the probability that it covers the shortfall. The normative figure
 * remains {@link reserveSize}; this is a risk measure of the same scenarios.
 *
 * The shortfall of one combination of scenarios (the sets are independent):
 *
 *     Д = (ДБ_МО − ДБ) + (Пап − Пап_МО)·Цап + (Пс − Пс_МО)·Цс + (Псз − Псз_МО)·Цсз + КЗ
 *
 *     VaR_α  = max(0, min { s : P(Д ≤ s) ≥ α })
 *     TVaR_α = max(0, VaR*_α + M[max(0, Д − VaR*_α)] / (1 − α))     (VaR* before the floor)
 *
 * Methods: `'exact'` enumerates every combination of scenarios (at most 10⁶), `'monte-carlo'`
 * draws `runs` of them with a seeded generator (the same `seed` gives the same figures on every
 * runtime), `'auto'` enumerates when it can. Details: docs/guides/reserve-at-risk.md.
 *
 * Source: Степанов, Головщинский (2011), раздел 3 (the risks of the fund: income below plan,
 * volumes of care above plan, payables of medical organisations; the scenarios ДБ_i, p_i,
 * Пап_i, r_i). The confidence-level measures are beyond the paper (docs/decisions.md).
 *
 * @param input - the input of {@link reserveSize}, the `levels` α ∈ (0, 1), and optionally
 *   `method` (default `'auto'`), `seed` (default 1) and `runs` (default 100 000)
 * @returns the method, VaR and TVaR per level, the expected shortfall, the normative НСЗ with its
 *   coverage, the simulation's runs and seed, and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a malformed input (as {@link reserveSize}; a
 *   level outside (0, 1); a seed or runs that is not a whole number in range; `method: 'exact'`
 *   with more than 10⁶ combinations); `PROBABILITIES_DO_NOT_SUM_TO_ONE` when a set's
 *   probabilities do not add up to exactly 1
 * @example
 * ```ts
 * import { reserveAtRisk } from 'oms-calc/reserve';
 *
 * const r = reserveAtRisk({
 *   income: [
 *     { value: '9000000000', probability: '0.2' },
 *     { value: '10000000000', probability: '0.5' },
 *     { value: '10500000000', probability: '0.3' },
 *   ],
 *   ambulatory: { scenarios: [{ value: '1000000', probability: '1' }], unitCost: '450' },
 *   inpatient: { scenarios: [{ value: '200000', probability: '1' }], unitCost: '30000' },
 *   dayHospital: { scenarios: [{ value: '50000', probability: '1' }], unitCost: '15000' },
 *   payables: '0',
 *   levels: ['0.7', '0.9'],
 * });
 * r.method; // 'exact'
 * r.levels.map((l) => [l.valueAtRisk.toString(), l.tailValueAtRisk.toString()]);
 * // [['0', '616666666.67'], ['950000000', '950000000']]
 * r.normative.total.toString(); // '522015325.45'
 * r.normative.coverage.toString(); // '0.8'
 * ```
 */
export function reserveAtRisk(input: ReserveAtRiskInput): ReserveAtRisk {
  const parsed = parseInput(ReserveAtRiskInputSchema, input, 'reserveAtRisk');
  assertReserveProbabilities(parsed, 'reserveAtRisk');
  return computeReserveAtRisk(parsed);
}

/** The kinds of care, in the order of the simulation's draws (after the income). */
const CARE = ['ambulatory', 'inpatient', 'dayHospital'] as const;

/** The computation of {@link reserveAtRisk} on a validated, probability-checked input. */
export function computeReserveAtRisk(parsed: ParsedReserveAtRiskInput, options: ReserveAtRiskOptions = {}): ReserveAtRisk {
  const where = 'reserveAtRisk';
  const normative = computeReserveSize(parsed);
  const t = trace();
  t.include(normative.trace);

  // The four independent sets, without their zero-probability scenarios: the income enters the
  // shortfall as −ДБ_i, a kind of care as П_j·Ц; the expectations go into the constant Д₀.
  const positive = <S extends { probability: X }>(scenarios: readonly S[]): S[] => scenarios.filter((s) => !s.probability.isZero());
  const income = positive(parsed.income);
  const raw: RiskSet[] = [
    { terms: income.map((s) => s.value.neg()), probabilities: income.map((s) => s.probability) },
    ...CARE.map((kind) => {
      const risk = parsed[kind];
      const scenarios = positive(risk.scenarios);
      return { terms: scenarios.map((s) => s.value.times(risk.unitCost)), probabilities: scenarios.map((s) => s.probability) };
    }),
  ];
  const payables = payablesAmount(parsed.payables).value;
  const constant = t.step(
    'Д₀',
    `ДБ_МО − Пап_МО·Цап − Пс_МО·Цс − Псз_МО·Цсз + КЗ = ${normative.expected.income.toString()} − ${normative.expected.ambulatory.toString()} × ${parsed.ambulatory.unitCost.toString()} − ${normative.expected.inpatient.toString()} × ${parsed.inpatient.unitCost.toString()} − ${normative.expected.dayHospital.toString()} × ${parsed.dayHospital.unitCost.toString()} + ${payables.toString()}`,
    normative.expected.income
      .minus(normative.expected.ambulatory.times(parsed.ambulatory.unitCost))
      .minus(normative.expected.inpatient.times(parsed.inpatient.unitCost))
      .minus(normative.expected.dayHospital.times(parsed.dayHospital.unitCost))
      .plus(payables),
    BEYOND,
  );
  t.step(
    'Д',
    'Д = (ДБ_МО − ДБ) + (Пап − Пап_МО)·Цап + (Пс − Пс_МО)·Цс + (Псз − Псз_МО)·Цсз + КЗ = Д₀ − ДБ + Пап·Цап + Пс·Цс + Псз·Цсз; наборы сценариев независимы',
    'дефицит одного сочетания сценариев',
    BEYOND,
  );

  // Scale every term to a whole number once: 10^places, places = the most decimal places.
  const places = raw.reduce((m, s) => s.terms.reduce((n, v) => Math.max(n, v.decimalPlaces()), m), 0);
  const scale = new D(10).pow(places);
  const sets = raw.map((s) => ({ terms: s.terms.map((v) => v.times(scale)), probabilities: s.probabilities })) as [RiskSet, RiskSet, RiskSet, RiskSet];

  const counts = sets.map((s) => s.terms.length);
  const combinations = counts.reduce((a, b) => a * b, 1);
  const requested = parsed.method ?? 'auto';
  if (requested === 'exact' && combinations > reserveAtRiskDefaults.exactLimit) {
    throw invalidInput(where, [
      {
        code: 'too_many_combinations',
        path: ['method'],
        params: { limit: String(reserveAtRiskDefaults.exactLimit), received: `${counts.join(' × ')} = ${combinations}` },
        message: `exact enumeration takes at most ${reserveAtRiskDefaults.exactLimit} combinations of scenarios with non-zero probability, got ${counts.join(' × ')} = ${combinations}; use 'monte-carlo' or 'auto'`,
      },
    ]);
  }
  const method = requested === 'monte-carlo' || (requested === 'auto' && combinations > reserveAtRiskDefaults.exactLimit) ? 'monte-carlo' : 'exact';
  const combinationsText = `сочетаний сценариев с ненулевой вероятностью ${counts.join(' × ')} = ${combinations}`;

  let sample: Sample;
  let simulation: { runs: number; seed: number } | null = null;
  if (method === 'exact') {
    t.step('Метод', `точный перебор: ${combinationsText} (не более ${reserveAtRiskDefaults.exactLimit}); вероятность сочетания — произведение вероятностей, точно`, 'exact', BEYOND);
    sample = exactSample(sets);
  } else {
    const runs = parsed.runs ?? reserveAtRiskDefaults.runs;
    const seed = parsed.seed ?? reserveAtRiskDefaults.seed;
    simulation = { runs, seed };
    // The largest possible |sum| of the scaled terms decides whether doubles hold it exactly.
    const bound = sets.reduce((acc, s) => acc.plus(s.terms.reduce((m, v) => max(m, v.abs()), ZERO)), ZERO);
    const representation = options.representation ?? (bound.lte(SAFE) ? 'number' : 'bigint');
    t.step(
      'Метод',
      `Монте-Карло: ${combinationsText}; в каждом прогоне из каждого набора выбирается сценарий по числу ГПСЧ xoshiro128** (состояние — SplitMix64 от зерна), r < ⌊(p_1 + … + p_k)·2³²⌋; P̂ — доля прогонов`,
      'monte-carlo',
      BEYOND,
    );
    t.step('Число прогонов', `runs${parsed.runs === undefined ? ' (по умолчанию)' : ''}`, String(runs), BEYOND);
    t.step('Зерно ГПСЧ', `seed${parsed.seed === undefined ? ' (по умолчанию)' : ''}`, String(seed), BEYOND);
    sample = simulate(sets, runs, seed, representation);
  }

  const W = sample.total;
  const Wd = toDecimal(W);
  const mc = method === 'monte-carlo';
  const shortfall = (v: bigint): X => constant.plus(toDecimal(v).div(scale));
  const probability = (w: bigint): string => {
    const p = toDecimal(w).div(Wd).toString();
    return mc ? `${p} (${w.toString()} из ${W.toString()} прогонов)` : p;
  };
  const P = mc ? 'P̂' : 'P';
  // the smallest scaled value of a shortfall above the given rubles: Д > y ⇔ v > ⌊(y − Д₀)·10^places⌋
  const threshold = (y: X): bigint => toBigInt(y.minus(constant).times(scale).floor());

  // The tails of the levels are taken from the highest level down (each sum then extends the
  // previous one), the mean and the positive part after them; the trace keeps the given order.
  const quantiles = new Map<string, { v: bigint; tail: Tail }>();
  for (const alpha of [...parsed.levels].sort((a, b) => b.comparedTo(a))) {
    const key = alpha.toString();
    if (quantiles.has(key)) continue;
    // α = digits / 10^places exactly, read from its plain decimal string (0 < α < 1)
    const [whole = '0', fraction = ''] = key.split('.');
    const v = sample.quantile(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
    quantiles.set(key, { v, tail: sample.above(v) });
  }
  // M[max(0, Д)] = Σ_{Д > 0} w·(Д₀ + v/10^places) / W
  const positiveTail = sample.above(threshold(ZERO));
  const meanPositive = toDecimal(positiveTail.weight).times(constant).plus(toDecimal(positiveTail.sum).div(scale)).div(Wd);
  const all = sample.above(sample.min - 1n);
  t.step('M[Д]', mc ? 'среднее Д по прогонам' : 'Σ p·Д по всем сочетаниям (= КЗ: отклонения от ожиданий в среднем равны нулю)', constant.plus(toDecimal(all.sum).div(scale).div(Wd)), BEYOND);

  const levels = parsed.levels.map((alpha): ReserveAtRiskLevel => {
    const a = alpha.toString();
    const { v, tail } = quantiles.get(a) as { v: bigint; tail: Tail };
    const s = shortfall(v);
    const atOrBelow = W - tail.weight;
    const below = W - sample.weightAbove(v - 1n);
    const valueAtRisk = t.step(
      `VaR(${a})`,
      `наименьшее s: ${P}(Д ≤ s) ≥ ${a}; s = ${s.toString()}, ${P}(Д ≤ s) = ${probability(atOrBelow)}, ${P}(Д < s) = ${probability(below)}; max(0, s), округлено до копеек`,
      kopecks(max(ZERO, s)),
      BEYOND,
    );
    // M[max(0, Д − s)] = Σ_{v' > v} w·(v' − v) / (10^places · W), a whole-number numerator ≥ 0
    const tailExcess = toDecimal(tail.sum - tail.weight * v).div(scale).div(Wd);
    const rest = new D(1).minus(alpha);
    const tailValueAtRisk = t.step(
      `TVaR(${a})`,
      `s + M[max(0, Д − s)] / (1 − ${a}) = ${s.toString()} + ${tailExcess.toString()} / ${rest.toString()} (среднее худших ${rest.toString()} вероятности); max(0, ·), округлено до копеек`,
      kopecks(max(ZERO, s.plus(tailExcess.div(rest)))),
      BEYOND,
    );
    return { level: alpha, valueAtRisk, tailValueAtRisk };
  });

  const expectedShortfall = t.step(
    'M[max(0, Д)]',
    `${mc ? 'среднее по прогонам' : 'Σ p·Д по сочетаниям с Д > 0'}: ожидаемое обращение к запасу (профицит считается нулём), округлено до копеек`,
    kopecks(meanPositive),
    BEYOND,
  );
  const covered = W - sample.weightAbove(threshold(normative.total));
  const coverage = t.step(`${P}(Д ≤ НСЗ)`, `${mc ? 'доля прогонов, в которых' : 'вероятность, что'} НСЗ = ${normative.total.toString()} покрывает дефицит: ${probability(covered)}`, toDecimal(covered).div(Wd), BEYOND);

  return {
    method,
    levels,
    expectedShortfall,
    normative: { total: normative.total, coverage },
    simulation,
    trace: t.steps,
  };
}
