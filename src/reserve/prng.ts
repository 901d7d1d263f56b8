/**
 * The seeded pseudo-random generator of the risk-based reserve simulation: xoshiro128** 1.1
 * (D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", 2018) on 32-bit
 * integers, its 128-bit state filled from the seed by SplitMix64.
 *
 * Everything here is integer arithmetic (`Math.imul`, shifts, xor; BigInt once for the seeding),
 * so the same seed gives the same sequence on every JavaScript runtime.
 *
 * @module
 */

/** The largest seed accepted: `Number.MAX_SAFE_INTEGER` (2⁵³ − 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

const MASK64 = (1n << 64n) - 1n;
const MASK32 = 0xffffffffn;

/**
 * The xoshiro128** state for a seed: two outputs z₁, z₂ of SplitMix64 started at the seed,
 * split into 32-bit words as (low z₁, high z₁, low z₂, high z₂) — the seeding the authors of
 * xoshiro recommend. SplitMix64 is a bijection of its counter, so two consecutive outputs are
 * never both zero and the state is never all zero.
 *
 * @param seed - an integer in [0, 2⁵³ − 1]
 * @returns a fresh state of four unsigned 32-bit words
 */
export function seedState(seed: number): Uint32Array {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be an integer in [0, 2^53 - 1], got ${String(seed)}`);
  const state = new Uint32Array(4);
  let x = BigInt(seed);
  for (let k = 0; k < 2; k++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    z ^= z >> 31n;
    state[2 * k] = Number(z & MASK32);
    state[2 * k + 1] = Number(z >> 32n);
  }
  return state;
}

/**
 * Fills `out` with the next `out.length` outputs of xoshiro128** (unsigned 32-bit integers) and
 * advances `state` past them. Calling it with blocks of any sizes gives the same sequence as one
 * call with their total.
 *
 * @param state - the generator state, four 32-bit words (changed in place)
 * @param out - where the outputs go
 */
export function fillUint32(state: Uint32Array, out: Uint32Array): void {
  let s0 = state[0] as number;
  let s1 = state[1] as number;
  let s2 = state[2] as number;
  let s3 = state[3] as number;
  for (let i = 0; i < out.length; i++) {
    const m = Math.imul(s1, 5);
    out[i] = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  state[0] = s0;
  state[1] = s1;
  state[2] = s2;
  state[3] = s3;
}
