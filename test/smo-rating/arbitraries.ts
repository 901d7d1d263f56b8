/**
 * Arbitraries and an independent integer reference for the smo-rating tests.
 */
import fc from 'fast-check';
import type { IndicatorData, IndicatorField } from '../../src/smo-rating';
import { centsToString } from '../arbitraries';

/** The twenty fields, in the order of приложение 1, пункт 2. */
export const FIELDS: readonly IndicatorField[] = [
  'reliableInsured', 'insured', 'appealsResolved', 'appeals', 'screeningCompleted', 'screeningInformed',
  'dispensaryCompleted', 'dispensaryInformed', 'complaintsPreTrial', 'complaintsInCourt', 'complaints',
  'complaintsAgainstSmo', 'advanceRequestsCompliant', 'advanceRequests', 'unclosedAdvances', 'invoicedTotal',
  'qualityReviewsConfirmed', 'qualityReviewsRechecked', 'conclusionsUpheld', 'moClaims',
];

/** A count, often 0, sometimes large. */
const total = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 5_000_000_000 }) },
);

/** A denominator and a numerator not above it. */
const part = total.chain((whole) => fc.tuple(fc.integer({ min: 0, max: whole }), fc.constant(whole)));

/** Kopecks up to 2 · 10¹⁴ rubles (so that four parts merged stay within the 10¹⁵ bound). */
const kopecks = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0n) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 10_000_000_000n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 2n * 10n ** 16n }) },
);

/** A full set of figures as exact integers (money in kopecks). */
export interface ExactData {
  counts: Record<Exclude<IndicatorField, 'unclosedAdvances' | 'invoicedTotal'>, number>;
  unclosedAdvances: bigint;
  invoicedTotal: bigint;
}

/** Valid figures: every count within its denominator. */
export const exactData: fc.Arbitrary<ExactData> = fc
  .record({
    insurance: part,
    appeals: part,
    screening: part,
    dispensary: part,
    complaints: total.chain((c) => fc.integer({ min: 0, max: c }).chain((pre) => fc.tuple(fc.constant(pre), fc.integer({ min: 0, max: c - pre }), fc.constant(c)))),
    against: total,
    advances: part,
    reviews: part,
    claims: part,
    dt: kopecks,
    sch: kopecks,
  })
  .map((r) => ({
    counts: {
      reliableInsured: r.insurance[0], insured: r.insurance[1],
      appealsResolved: r.appeals[0], appeals: r.appeals[1],
      screeningCompleted: r.screening[0], screeningInformed: r.screening[1],
      dispensaryCompleted: r.dispensary[0], dispensaryInformed: r.dispensary[1],
      complaintsPreTrial: r.complaints[0], complaintsInCourt: r.complaints[1], complaints: r.complaints[2],
      complaintsAgainstSmo: r.against,
      advanceRequestsCompliant: r.advances[0], advanceRequests: r.advances[1],
      qualityReviewsConfirmed: r.reviews[0], qualityReviewsRechecked: r.reviews[1],
      conclusionsUpheld: r.claims[0], moClaims: r.claims[1],
    },
    unclosedAdvances: r.dt,
    invoicedTotal: r.sch,
  }));

/** The figures as an {@link IndicatorData}, with every field given. Counts as numbers or strings. */
export function toInput(e: ExactData, asStrings = false): IndicatorData {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.counts)) out[k] = asStrings ? String(v) : v;
  out['unclosedAdvances'] = centsToString(e.unclosedAdvances);
  out['invoicedTotal'] = centsToString(e.invoicedTotal);
  return out as IndicatorData;
}

/** Valid input data with some fields left out (not submitted). */
export const indicatorData: fc.Arbitrary<IndicatorData> = fc
  .tuple(exactData, fc.array(fc.boolean(), { minLength: FIELDS.length, maxLength: FIELDS.length }), fc.boolean(), fc.boolean())
  .map(([e, keep, strings, allIn]) => {
    const full = toInput(e, strings) as Record<string, unknown>;
    if (allIn) return full as IndicatorData;
    return Object.fromEntries(FIELDS.filter((_, i) => keep[i]).map((f) => [f, full[f]])) as IndicatorData;
  });

/** A point of the list of sanctions, mostly the listed ones. */
export const point = fc.oneof(
  fc.constantFrom('1', '2', '3', '4.1', '4.2', '5', '6', '8', '9.1', '9.2', '9.3', '9.4', '9.5', '9.6', '10', '11', '12', '13', '14', '15', '16'),
  fc.constantFrom('4', '7', '9', '17', '3.1', '16.2', '9.7'),
);

/** A list of violations. */
export const violations = fc.array(
  fc.record({ point, count: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }) }, { requiredKeys: ['point'] }),
  { maxLength: 8 },
);

/**
 * The exact value n / d rounded half away from zero to `places`, as a decimal string — an integer
 * reference independent of decimal.js.
 */
export function roundRatio(n: bigint, d: bigint, places = 4): string {
  if (d < 0n) return roundRatio(-n, -d, places);
  const scale = 10n ** BigInt(places);
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = (a * scale) / d;
  const r = (a * scale) % d;
  if (2n * r >= d) q += 1n;
  const int = q / scale;
  const frac = (q % scale).toString().padStart(places, '0');
  const text = `${int}.${frac}`;
  return negative && q !== 0n ? `-${text}` : text;
}

/** The ten indicators by the integer reference (null where not computable), indicator 8 per quarter. */
export function referenceIndicators(e: ExactData, quarter: 1 | 2 | 3 | 4): (string | null)[] {
  const c = e.counts;
  const big = (x: number): bigint => BigInt(x);
  const ratio = (n: number, d: number): string | null => (d === 0 ? null : roundRatio(big(n) * 100n, big(d)));
  const dt = e.unclosedAdvances;
  const sch = e.invoicedTotal;
  return [
    ratio(c.reliableInsured, c.insured),
    ratio(c.appealsResolved, c.appeals),
    ratio(c.screeningCompleted, c.screeningInformed),
    ratio(c.dispensaryCompleted, c.dispensaryInformed),
    ratio(c.complaintsPreTrial + c.complaintsInCourt, c.complaints),
    c.insured === 0 ? null : roundRatio(100n * big(c.insured) - 100_000n * big(c.complaintsAgainstSmo), big(c.insured)),
    ratio(c.advanceRequestsCompliant, c.advanceRequests),
    sch === 0n
      ? null
      : quarter === 1
        ? roundRatio(100n * (139n * sch - 120n * dt), 120n * sch)
        : roundRatio(100n * (13n * sch - 12n * dt), 12n * sch),
    ratio(c.qualityReviewsConfirmed, c.qualityReviewsRechecked),
    ratio(c.conclusionsUpheld, c.moClaims),
  ];
}

/**
 * Walks a result and fails on NaN, Infinity, a non-finite Decimal or a negative zero anywhere in
 * it, or a trace step whose value shows NaN or Infinity.
 */
export function assertFinite(value: unknown, path = '$', key = ''): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (typeof value === 'string') {
    // a trace step's value (names given by the caller may say anything)
    if (key === 'value' && /\bNaN\b|\bInfinity\b/.test(value)) throw new Error(`${path} shows ${JSON.stringify(value)}`);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const maybeDecimal = value as { isFinite?: () => boolean; isZero?: () => boolean; isNeg?: () => boolean; d?: unknown };
  if (typeof maybeDecimal.isFinite === 'function' && 'd' in maybeDecimal) {
    if (!maybeDecimal.isFinite()) throw new Error(`${path} is a non-finite Decimal`);
    // a negative zero would serialise as "-0"
    if (maybeDecimal.isZero?.() === true && maybeDecimal.isNeg?.() === true) throw new Error(`${path} is -0`);
    return;
  }
  for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`, k);
}
