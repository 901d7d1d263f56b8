/** Shared fast-check arbitraries for the domain: exact probabilities, amounts, scenario sets. */
import fc from 'fast-check';

/** n probabilities in steps of 1/10000 that add up to exactly 1, as decimal strings. */
export function probabilities(n: number): fc.Arbitrary<string[]> {
  return fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
      return points.slice(1).map((p, i) => ((p - (points[i] as number)) / 10_000).toFixed(4));
    });
}

/** A non-negative amount in kopecks, as a decimal string. */
export const kopeckString = (max = 10_000_000_000_00): fc.Arbitrary<string> =>
  fc.bigInt({ min: 0n, max: BigInt(max) }).map((k) => centsToString(k));

/** Kopecks (bigint) to a rubles string with two places. */
export function centsToString(k: bigint): string {
  const neg = k < 0n;
  const a = neg ? -k : k;
  const s = `${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** A scenario set: 1–6 scenarios with exact probabilities and values up to `max`. */
export function scenarios(max = 100_000_000_000): fc.Arbitrary<{ value: string; probability: string }[]> {
  return fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc
      .tuple(probabilities(n), fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }))
      .map(([ps, vs]) => ps.map((probability, i) => ({ value: String(vs[i]), probability }))),
  );
}

/** A care risk: scenarios of volume and a unit cost. */
export const careRisk = fc.record({
  scenarios: scenarios(10_000_000),
  unitCost: kopeckString(1_000_000_00),
});

/** A whole valid reserveSize input. */
export const reserveInput = fc.record({
  income: scenarios(),
  ambulatory: careRisk,
  inpatient: careRisk,
  dayHospital: careRisk,
  payables: kopeckString(),
  deviation: fc.constantFrom('standard' as const, 'downside' as const),
});
