/**
 * The distribution of the shortfall behind {@link reserveAtRisk}: exact enumeration of the
 * scenario combinations, or a seeded Monte Carlo sample of them. Both work on integers — the
 * shortfall terms scaled by a power of ten to whole numbers, the probabilities scaled to whole
 * numbers of their last decimal place — so that every figure computed from them is exact.
 *
 * @module
 */
import { D, type X } from '../_internal';
import { fillUint32, seedState } from './prng';

/**
 * One independent source of risk: the scaled terms it adds to the shortfall (whole numbers, as
 * Decimals) and their probabilities (each > 0, adding up to exactly 1), in the caller's order.
 */
export interface RiskSet {
  terms: X[];
  probabilities: X[];
}

/** The weight and the weighted sum of the values of a sample strictly above a threshold. */
export interface Tail {
  /** Σ w over the values above. */
  weight: bigint;
  /** Σ w·v over the values above. */
  sum: bigint;
}

/**
 * A discrete distribution of whole-number values with whole-number weights: the queries that the
 * value at risk, the tail value at risk and the coverage need, answered exactly.
 */
export interface Sample {
  /** The total weight (10^places of the probabilities for the exact law, the runs for a simulation). */
  readonly total: bigint;
  /** The smallest value. */
  readonly min: bigint;
  /** The smallest value v with weight(values ≤ v) ≥ (num / den) · total; 0 < num < den. */
  quantile(num: bigint, den: bigint): bigint;
  /** The weight of the values strictly above `y`. */
  weightAbove(y: bigint): bigint;
  /** The weight and the weighted sum of the values strictly above `y`. */
  above(y: bigint): Tail;
}

/** The largest magnitude a sum of doubles holds exactly: 2⁵³ − 1. */
export const SAFE = Number.MAX_SAFE_INTEGER;

const TWO32 = 4294967296;
const TWO52 = 4503599627370496;

/** A Decimal that is a whole number, as a BigInt. */
export function toBigInt(value: X): bigint {
  return BigInt(value.toString());
}

/** A BigInt as a library Decimal. */
export function toDecimal(value: bigint): X {
  return new D(value.toString());
}

/** Sorted distinct values with positive weights; suffix sums are built on the first query. */
export class WeightedSample implements Sample {
  readonly total: bigint;
  readonly min: bigint;
  private readonly values: bigint[];
  private readonly weights: bigint[];
  private suffixWeight: bigint[] | undefined;
  private suffixSum: bigint[] | undefined;

  /** @param values - ascending and distinct; @param weights - positive, adding up to `total` */
  constructor(values: bigint[], weights: bigint[], total: bigint) {
    this.values = values;
    this.weights = weights;
    this.total = total;
    this.min = values[0] as bigint;
  }

  /** The number of distinct values. */
  get size(): number {
    return this.values.length;
  }

  private suffixes(): [bigint[], bigint[]] {
    if (this.suffixWeight === undefined || this.suffixSum === undefined) {
      const n = this.values.length;
      const sw = new Array<bigint>(n + 1);
      const ss = new Array<bigint>(n + 1);
      sw[n] = 0n;
      ss[n] = 0n;
      for (let i = n - 1; i >= 0; i--) {
        const w = this.weights[i] as bigint;
        sw[i] = (sw[i + 1] as bigint) + w;
        ss[i] = (ss[i + 1] as bigint) + w * (this.values[i] as bigint);
      }
      this.suffixWeight = sw;
      this.suffixSum = ss;
    }
    return [this.suffixWeight, this.suffixSum];
  }

  quantile(num: bigint, den: bigint): bigint {
    const [sw] = this.suffixes();
    const target = num * this.total;
    // smallest i with (total − Σ_{j>i} w_j)·den ≥ num·total; i = n − 1 always qualifies
    let lo = 0;
    let hi = this.values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.total - (sw[mid + 1] as bigint)) * den >= target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo] as bigint;
  }

  /** The index of the first value above y. */
  private firstAbove(y: bigint): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.values[mid] as bigint) > y) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  weightAbove(y: bigint): bigint {
    return this.suffixes()[0][this.firstAbove(y)] as bigint;
  }

  above(y: bigint): Tail {
    const [sw, ss] = this.suffixes();
    const i = this.firstAbove(y);
    return { weight: sw[i] as bigint, sum: ss[i] as bigint };
  }
}

/**
 * A simulated sample of unit weights held as doubles: sorted whole numbers of magnitude at most
 * 2⁵³ − 1, so each is exact. Sums are accumulated exactly in two parts (multiples of 2³² and the
 * remainders), never rounded. Each suffix sum computed is kept as a checkpoint, so that queries
 * from the top down (as the levels are answered) add every value at most once.
 */
export class UnitSample implements Sample {
  readonly total: bigint;
  readonly min: bigint;
  private readonly sorted: Float64Array;
  /** Suffix sums already known: start index → [multiples of 2³², remainder]; ascending starts. */
  private readonly checkpoints: { start: number; high: number; low: number }[];

  /** @param sorted - ascending whole numbers, |v| ≤ 2⁵³ − 1 */
  constructor(sorted: Float64Array) {
    this.sorted = sorted;
    this.total = BigInt(sorted.length);
    this.min = BigInt(sorted[0] as number);
    this.checkpoints = [{ start: sorted.length, high: 0, low: 0 }];
  }

  quantile(num: bigint, den: bigint): bigint {
    // the k-th smallest, k = ⌈α·n⌉, is the smallest value with k/n ≥ α
    const k = (num * this.total + den - 1n) / den;
    return BigInt(this.sorted[Number(k) - 1] as number);
  }

  /** The index of the first value above y. */
  private firstAbove(y: bigint): number {
    const a = this.sorted;
    // every value lies in [−2⁵³, 2⁵³], so clamping y there keeps "v > y" unchanged
    const bound = 2n ** 53n;
    const limit = Number(y > bound ? bound : y < -bound ? -bound : y);
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((a[mid] as number) > limit) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  weightAbove(y: bigint): bigint {
    return BigInt(this.sorted.length - this.firstAbove(y));
  }

  above(y: bigint): Tail {
    const a = this.sorted;
    const from = this.firstAbove(y);
    // the nearest checkpoint at or above `from`
    const cps = this.checkpoints;
    let c = 0;
    while ((cps[c] as { start: number }).start < from) c++;
    const checkpoint = cps[c] as { start: number; high: number; low: number };
    let high = checkpoint.high;
    let low = checkpoint.low;
    for (let i = from; i < checkpoint.start; i++) {
      const v = a[i] as number;
      const h = Math.floor(v / TWO32);
      high += h;
      low += v - h * TWO32;
      if (low >= TWO52) {
        const carry = Math.floor(low / TWO32);
        high += carry;
        low -= carry * TWO32;
      }
    }
    if (checkpoint.start !== from) cps.splice(c, 0, { start: from, high, low });
    return { weight: BigInt(a.length - from), sum: BigInt(high) * 4294967296n + BigInt(low) };
  }
}

/** Scaled probabilities of a set: whole numbers p·10^places, and 10^places. */
function scaledProbabilities(set: RiskSet): { weights: bigint[]; scale: bigint } {
  const places = set.probabilities.reduce((m, p) => Math.max(m, p.decimalPlaces()), 0);
  const factor = new D(10).pow(places);
  return { weights: set.probabilities.map((p) => toBigInt(p.times(factor))), scale: 10n ** BigInt(places) };
}

/**
 * The exact law of the sum of independent sets: every combination enumerated, its weight the
 * product of the scaled probabilities, equal sums merged. The sets are added one at a time; each
 * step merges |set| sorted streams, so the result comes out sorted without a general sort.
 */
export function exactSample(sets: readonly RiskSet[]): WeightedSample {
  let values: bigint[] = [0n];
  let weights: bigint[] = [1n];
  let total = 1n;
  for (const set of sets) {
    const { weights: ps, scale } = scaledProbabilities(set);
    const merged = mergeSorted(set.terms.map(toBigInt), ps);
    [values, weights] = convolve(values, weights, merged.values, merged.weights);
    total *= scale;
  }
  return new WeightedSample(values, weights, total);
}

/** Sorts value–weight pairs by value and merges equal values. */
function mergeSorted(values: bigint[], weights: bigint[]): { values: bigint[]; weights: bigint[] } {
  const order = values.map((_, i) => i).sort((i, j) => {
    const a = values[i] as bigint;
    const b = values[j] as bigint;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const outV: bigint[] = [];
  const outW: bigint[] = [];
  for (const i of order) {
    const v = values[i] as bigint;
    const w = weights[i] as bigint;
    if (outV.length > 0 && outV[outV.length - 1] === v) outW[outW.length - 1] = (outW[outW.length - 1] as bigint) + w;
    else {
      outV.push(v);
      outW.push(w);
    }
  }
  return { values: outV, weights: outW };
}

/**
 * The law of X + Y for independent X (sorted distinct `xs`, weights `xw`) and Y (sorted distinct
 * `ys`, weights `yw`): a k-way merge (binary heap) of the streams xs + y, one per value y.
 */
function convolve(xs: bigint[], xw: bigint[], ys: bigint[], yw: bigint[]): [bigint[], bigint[]] {
  const k = ys.length;
  const m = xs.length;
  const outV: bigint[] = [];
  const outW: bigint[] = [];
  const pos = new Int32Array(k);
  const key: bigint[] = ys.map((y) => (xs[0] as bigint) + y);
  // the initial keys are ascending, so the identity order is already a heap
  const heap: number[] = ys.map((_, i) => i);
  let size = k;
  const less = (a: number, b: number): boolean => (key[a] as bigint) < (key[b] as bigint);
  const siftDown = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && less(heap[r] as number, heap[l] as number) ? r : l;
      if (!less(heap[c] as number, heap[i] as number)) return;
      const t = heap[i] as number;
      heap[i] = heap[c] as number;
      heap[c] = t;
      i = c;
    }
  };
  while (size > 0) {
    const s = heap[0] as number;
    const v = key[s] as bigint;
    const w = (xw[pos[s] as number] as bigint) * (yw[s] as bigint);
    if (outV.length > 0 && outV[outV.length - 1] === v) outW[outW.length - 1] = (outW[outW.length - 1] as bigint) + w;
    else {
      outV.push(v);
      outW.push(w);
    }
    const next = (pos[s] as number) + 1;
    if (next < m) {
      pos[s] = next;
      key[s] = (xs[next] as bigint) + (ys[s] as bigint);
    } else {
      size--;
      heap[0] = heap[size] as number;
    }
    siftDown(0);
  }
  return [outV, outW];
}

/** Runs per block of generated numbers (four numbers per run). */
const BLOCK = 4096;

/**
 * Draw thresholds of a set: τ_k = ⌊(p_1 + … + p_k) · 2³²⌋, the last being 2³². A uniform 32-bit
 * integer r selects the first k with r < τ_k, that is scenario k with probability
 * (τ_k − τ_{k−1}) / 2³², within 2⁻³² of p_k.
 */
export function thresholds(probabilities: readonly X[]): Float64Array {
  const out = new Float64Array(probabilities.length);
  let cumulative = new D(0);
  probabilities.forEach((p, k) => {
    cumulative = cumulative.plus(p);
    out[k] = cumulative.times(TWO32).floor().toNumber();
  });
  out[probabilities.length - 1] = TWO32;
  return out;
}

/** The index drawn by the 32-bit number r: the first k with r < τ_k. */
function pick(tau: Float64Array, r: number): number {
  let lo = 0;
  let hi = tau.length - 1;
  if (hi < 8) {
    while (r >= (tau[lo] as number)) lo++;
    return lo;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (r < (tau[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Which numbers hold the per-run sums of a simulation. */
export type Representation = 'number' | 'bigint';

/**
 * Simulates `runs` independent combinations of four sets with xoshiro128** seeded by `seed`:
 * run r draws the 32-bit numbers 4r … 4r + 3 of the stream, one per set in order, and adds the
 * drawn terms. With `'number'` (allowed when the largest possible |sum| is at most 2⁵³ − 1) the
 * sums are doubles, exact because every partial sum is a whole number of at most 53 bits; with
 * `'bigint'` they are BigInts. Both give the same sample.
 */
export function simulate(
  sets: readonly [RiskSet, RiskSet, RiskSet, RiskSet],
  runs: number,
  seed: number,
  representation: Representation,
): Sample {
  const [t0, t1, t2, t3] = sets.map((s) => thresholds(s.probabilities)) as [Float64Array, Float64Array, Float64Array, Float64Array];
  const state = seedState(seed);
  const buffer = new Uint32Array(4 * BLOCK);
  if (representation === 'number') {
    const [v0, v1, v2, v3] = sets.map((s) => Float64Array.from(s.terms, (t) => t.toNumber() + 0)) as [Float64Array, Float64Array, Float64Array, Float64Array];
    const out = new Float64Array(runs);
    for (let start = 0; start < runs; start += BLOCK) {
      const count = Math.min(BLOCK, runs - start);
      const block = count === BLOCK ? buffer : buffer.subarray(0, 4 * count);
      fillUint32(state, block);
      for (let i = 0, b = 0; i < count; i++, b += 4) {
        out[start + i] =
          (v0[pick(t0, block[b] as number)] as number) +
          (v1[pick(t1, block[b + 1] as number)] as number) +
          (v2[pick(t2, block[b + 2] as number)] as number) +
          (v3[pick(t3, block[b + 3] as number)] as number);
      }
    }
    out.sort();
    return new UnitSample(out);
  }
  const [v0, v1, v2, v3] = sets.map((s) => s.terms.map(toBigInt)) as [bigint[], bigint[], bigint[], bigint[]];
  const out = new Array<bigint>(runs);
  for (let start = 0; start < runs; start += BLOCK) {
    const count = Math.min(BLOCK, runs - start);
    const block = count === BLOCK ? buffer : buffer.subarray(0, 4 * count);
    fillUint32(state, block);
    for (let i = 0, b = 0; i < count; i++, b += 4) {
      out[start + i] =
        (v0[pick(t0, block[b] as number)] as bigint) +
        (v1[pick(t1, block[b + 1] as number)] as bigint) +
        (v2[pick(t2, block[b + 2] as number)] as bigint) +
        (v3[pick(t3, block[b + 3] as number)] as bigint);
    }
  }
  out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const values: bigint[] = [];
  const counts: bigint[] = [];
  for (const v of out) {
    if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1] = (counts[counts.length - 1] as bigint) + 1n;
    else {
      values.push(v);
      counts.push(1n);
    }
  }
  return new WeightedSample(values, counts, BigInt(runs));
}
