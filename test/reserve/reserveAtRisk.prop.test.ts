/**
 * Laws of the risk-based reserve: monotonicity in the level, TVaR ≥ VaR, invariance under
 * zero-probability scenarios and under shifts of a scenario set, agreement of the exact law with
 * a brute-force enumeration, convergence of the simulation within a stated tolerance, and
 * reproducibility of a seed.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { reserveAtRisk, ReserveAtRiskInputSchema, type ReserveAtRiskInput } from '../../src/reserve';
import { computeReserveAtRisk } from '../../src/reserve/reserveAtRisk';
import { UnitSample } from '../../src/reserve/riskSample';
import { reserveInput } from '../arbitraries';
import { figures } from './fixtures';

/** A reference context with more digits than the library's, for the brute force. */
const R = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
type Rx = InstanceType<typeof R>;

const level = fc.integer({ min: 1, max: 9999 }).map((k) => (k / 10_000).toFixed(4));
const levels = fc.array(level, { minLength: 1, maxLength: 5 });
const seed = fc.nat({ max: 2 ** 31 });
const input = fc.record({ base: reserveInput, levels }).map(({ base, levels: ls }): ReserveAtRiskInput => ({ ...base, levels: ls }));

const sets = ['income', 'ambulatory', 'inpatient', 'dayHospital'] as const;
type Sc = { value: string; probability: string };
const scenariosOf = (x: ReserveAtRiskInput, set: (typeof sets)[number]): Sc[] => (set === 'income' ? x.income : x[set].scenarios) as Sc[];
const withScenarios = (x: ReserveAtRiskInput, set: (typeof sets)[number], scenarios: Sc[]): ReserveAtRiskInput =>
  set === 'income' ? { ...x, income: scenarios } : { ...x, [set]: { ...x[set], scenarios } };

/**
 * The law of the shortfall by brute force, straight from the definitions: every combination,
 * Д = (ДБ_МО − ДБ) + Σ (П − П_МО)·Ц + КЗ, probability the product; VaR the first atom whose
 * cumulative probability reaches α; TVaR by filling the worst 1 − α of the probability from the top.
 */
function atomsOf(x: ReserveAtRiskInput): { s: Rx; p: Rx }[] {
  const payables = new R(String(x.payables));
  const parts = sets.map((set) => {
    const sc = scenariosOf(x, set).map((s) => ({ v: new R(s.value), p: new R(s.probability) }));
    const mean = sc.reduce((a, s) => a.plus(s.p.times(s.v)), new R(0));
    const cost = set === 'income' ? new R(-1) : new R(String(x[set].unitCost));
    return sc.map((s) => ({ d: s.v.minus(mean).times(cost), p: s.p }));
  });
  let atoms: { s: Rx; p: Rx }[] = [{ s: payables, p: new R(1) }];
  for (const part of parts) atoms = atoms.flatMap((a) => part.map((b) => ({ s: a.s.plus(b.d), p: a.p.times(b.p) })));
  return atoms.filter((a) => !a.p.isZero()).sort((a, b) => a.s.comparedTo(b.s));
}

/** The cumulative probabilities strictly inside (0, 1): the levels where VaR jumps. */
function boundaries(x: ReserveAtRiskInput): string[] {
  let cum = new R(0);
  return atomsOf(x)
    .map((a) => (cum = cum.plus(a.p)))
    .filter((c) => c.gt(0) && c.lt(1))
    .map((c) => c.toFixed());
}

function bruteForce(x: ReserveAtRiskInput, normative: Decimal) {
  const atoms = atomsOf(x);
  const money = (v: Rx) => new Decimal(Decimal.max(0, v.toString()).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString()).toString();
  const rows = x.levels.map((l) => {
    const alpha = new R(String(l));
    let cum = new R(0);
    const atom = atoms.find((a) => (cum = cum.plus(a.p)).gte(alpha)) ?? atoms[atoms.length - 1]!;
    let remaining = new R(1).minus(alpha);
    let acc = new R(0);
    for (let i = atoms.length - 1; i >= 0 && remaining.gt(0); i--) {
      const a = atoms[i]!;
      const take = R.min(a.p, remaining);
      acc = acc.plus(take.times(a.s));
      remaining = remaining.minus(take);
    }
    return { level: alpha.toFixed(), valueAtRisk: money(atom.s), tailValueAtRisk: money(acc.div(new R(1).minus(alpha))) };
  });
  const coverage = atoms.filter((a) => a.s.lte(normative.toString())).reduce((a, b) => a.plus(b.p), new R(0));
  const expected = atoms.reduce((acc, a) => acc.plus(a.p.times(R.max(0, a.s))), new R(0));
  return { levels: rows, coverage: coverage.toFixed(), expectedShortfall: money(expected) };
}

test.prop([input, fc.array(fc.nat(), { maxLength: 4 })])('the exact law agrees with a brute-force enumeration, also at the jumps of the CDF', (base, picks) => {
  // besides random levels, levels equal to cumulative probabilities: the boundary cases of VaR
  const jumps = boundaries(base);
  const x = { ...base, levels: [...base.levels, ...(jumps.length === 0 ? [] : picks.map((i) => jumps[i % jumps.length]!))] };
  const r = reserveAtRisk(x);
  expect(r.method).toBe('exact');
  const ref = bruteForce(x, r.normative.total);
  expect(r.levels.map((l) => ({ level: l.level.toString(), valueAtRisk: l.valueAtRisk.toString(), tailValueAtRisk: l.tailValueAtRisk.toString() }))).toEqual(ref.levels);
  expect(r.normative.coverage.toString()).toBe(ref.coverage);
  expect(r.expectedShortfall.toString()).toBe(ref.expectedShortfall);
});

test.prop([input, fc.constantFrom('exact' as const, 'monte-carlo' as const), seed])('VaR and TVaR never decrease as the level rises', (x, method, s) => {
  const sorted = [...new Set(x.levels.map(String))].sort((a, b) => Number(a) - Number(b));
  const r = reserveAtRisk({ ...x, levels: sorted, method, seed: s, runs: 2000 });
  for (let i = 1; i < r.levels.length; i++) {
    expect(r.levels[i]!.valueAtRisk.gte(r.levels[i - 1]!.valueAtRisk)).toBe(true);
    expect(r.levels[i]!.tailValueAtRisk.gte(r.levels[i - 1]!.tailValueAtRisk)).toBe(true);
  }
});

test.prop([input, fc.constantFrom('exact' as const, 'monte-carlo' as const), seed])('TVaR ≥ VaR ≥ 0 at every level; the coverage is a probability', (x, method, s) => {
  const r = reserveAtRisk({ ...x, method, seed: s, runs: 2000 });
  for (const l of r.levels) {
    expect(l.valueAtRisk.gte(0)).toBe(true);
    expect(l.tailValueAtRisk.gte(l.valueAtRisk)).toBe(true);
  }
  expect(r.expectedShortfall.gte(0)).toBe(true);
  expect(r.normative.coverage.gte(0) && r.normative.coverage.lte(1)).toBe(true);
});

test.prop([input, fc.constantFrom(...sets), fc.nat(), fc.integer({ min: 0, max: 10_000_000_000 }), seed])(
  'a scenario with zero probability changes nothing, exact or simulated',
  (x, set, at, value, s) => {
    const scenarios = [...scenariosOf(x, set)];
    scenarios.splice(at % (scenarios.length + 1), 0, { value: String(value), probability: '0' });
    const y = withScenarios(x, set, scenarios);
    expect(figures(reserveAtRisk(y))).toEqual(figures(reserveAtRisk(x)));
    const mc = { method: 'monte-carlo' as const, seed: s, runs: 1000 };
    expect(figures(reserveAtRisk({ ...y, ...mc }))).toEqual(figures(reserveAtRisk({ ...x, ...mc })));
  },
);

test.prop([input, fc.constantFrom(...sets), fc.integer({ min: 0, max: 1_000_000_000 })])(
  'shifting every scenario of a set by a constant changes nothing: only deviations from the expectation count',
  (x, set, shift) => {
    const y = withScenarios(
      x,
      set,
      scenariosOf(x, set).map((sc) => ({ ...sc, value: new Decimal(sc.value).plus(shift).toString() })),
    );
    expect(figures(reserveAtRisk(y))).toEqual(figures(reserveAtRisk(x)));
  },
);

test.prop([input, seed])('the same seed gives the same result, trace included; BigInt and double sums agree', (x, s) => {
  const y = { ...x, method: 'monte-carlo' as const, seed: s, runs: 3000 };
  const a = reserveAtRisk(y);
  const b = reserveAtRisk(structuredClone(y));
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  const parsed = ReserveAtRiskInputSchema.parse(y);
  expect(figures(computeReserveAtRisk(parsed, { representation: 'bigint' }))).toEqual(figures(a));
});

/**
 * Tolerance of the simulation. With n = 40 000 runs the Dvoretzky–Kiefer–Wolfowitz inequality
 * gives P(sup_s |F_n(s) − F(s)| > 0.015) ≤ 2·exp(−2·n·0.015²) = 2·e⁻¹⁸ ≈ 3·10⁻⁸, F being the law
 * sampled — within 24·2⁻³² of the exact law, as each scenario is drawn with its cumulative
 * probability rounded down to a multiple of 2⁻³². So, with ε = 0.0151, outside a 3·10⁻⁸ chance:
 *   - the simulated VaR_α lies between the exact VaR at α − ε and at α + ε;
 *   - the simulated coverage is within ε of the exact one;
 *   - TVaR_α = (1/(1 − α))∫_α^1 Q(u)du moves by at most ε·(range of Д)/(1 − α), and
 *     M[max(0, Д)] = ∫_0^∞ (1 − F) by at most ε·(range of Д); plus a kopeck for the rounding.
 */
const RUNS = 40_000;
const EPS = new Decimal('0.0151');
const midLevels = fc.array(fc.integer({ min: 500, max: 9500 }).map((k) => (k / 10_000).toFixed(4)), { minLength: 1, maxLength: 3 });

test.prop([reserveInput, midLevels, seed])('the simulation approaches the exact figures within the DKW tolerance', (base, ls, s) => {
  const x: ReserveAtRiskInput = { ...base, levels: ls };
  const exact = reserveAtRisk(x);
  const mc = reserveAtRisk({ ...x, method: 'monte-carlo', runs: RUNS, seed: s });
  const shifted = (d: Decimal) => reserveAtRisk({ ...x, levels: ls.map((l) => new Decimal(l).plus(d).toString()) });
  const lower = shifted(EPS.neg());
  const upper = shifted(EPS);
  const range = sets
    .map((set) => {
      const vs = scenariosOf(x, set).filter((sc) => !new Decimal(sc.probability).isZero()).map((sc) => new Decimal(sc.value));
      const cost = set === 'income' ? new Decimal(1) : new Decimal(String(x[set].unitCost));
      return Decimal.max(...vs).minus(Decimal.min(...vs)).times(cost);
    })
    .reduce((a, b) => a.plus(b), new Decimal(0));
  mc.levels.forEach((l, i) => {
    expect(l.valueAtRisk.gte(lower.levels[i]!.valueAtRisk)).toBe(true);
    expect(l.valueAtRisk.lte(upper.levels[i]!.valueAtRisk)).toBe(true);
    const tolerance = EPS.times(range).div(new Decimal(1).minus(l.level.toString())).plus('0.01');
    expect(new Decimal(l.tailValueAtRisk.minus(exact.levels[i]!.tailValueAtRisk).abs().toString()).lte(tolerance)).toBe(true);
  });
  expect(new Decimal(mc.normative.coverage.minus(exact.normative.coverage).abs().toString()).lte(EPS)).toBe(true);
  expect(new Decimal(mc.expectedShortfall.minus(exact.expectedShortfall).abs().toString()).lte(EPS.times(range).plus('0.01'))).toBe(true);
});

const big = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 52, -(2 ** 52)), fc.maxSafeInteger());
test.prop([fc.array(big, { minLength: 1, maxLength: 3000 }), fc.array(fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }), { maxLength: 8 })])(
  'a simulated sample sums whole numbers up to 2⁵³ exactly, whatever the order of the queries',
  (values, queries) => {
    const sample = new UnitSample(Float64Array.from(values).sort());
    const exact = values.map((v) => BigInt(v));
    for (const y of [...queries, exact[0]! - 1n]) {
      const above = exact.filter((v) => v > y);
      expect(sample.above(y)).toEqual({ weight: BigInt(above.length), sum: above.reduce((a, b) => a + b, 0n) });
      expect(sample.weightAbove(y)).toBe(BigInt(above.length));
    }
  },
);
