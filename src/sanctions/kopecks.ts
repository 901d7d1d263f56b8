/**
 * Exact integer kopecks: the representation of the fast path. Amounts are whole kopecks and the
 * coefficients have at most two decimals, so every product fits a safe integer and rounds
 * exactly; the results are turned into Decimals that equal the decimal reference.
 *
 * @module
 */
import { D, ZERO, type X } from '../_internal';

/**
 * The largest amount the fast path takes, in kopecks (900 billion rubles): × 100 (a coefficient
 * with two decimals) it stays a safe integer. Larger amounts go through the decimal path.
 */
export const MAX_FAST_KOPECKS = 90_000_000_000_000;

/**
 * Kopecks of a plain decimal string `digits[.d[d]]` (at most 12 integer digits), or −1 when the
 * string has another form (sign, exponent, more places, spaces) — the decimal path decides those.
 */
export function stringKopecks(s: string): number {
  const n = s.length;
  if (n === 0 || n > 16) return -1;
  let i = 0;
  let int = 0;
  let c = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    int = int * 10 + (c - 48);
  }
  if (i === 0 || i > 12) return -1;
  let frac = 0;
  if (i < n) {
    if (c !== 46) return -1;
    const places = n - i - 1;
    if (places > 2) return -1;
    if (places >= 1) {
      const d1 = s.charCodeAt(i + 1) - 48;
      if (d1 < 0 || d1 > 9) return -1;
      frac = d1 * 10;
      if (places === 2) {
        const d2 = s.charCodeAt(i + 2) - 48;
        if (d2 < 0 || d2 > 9) return -1;
        frac += d2;
      }
    }
  }
  const k = int * 100 + frac;
  return k <= MAX_FAST_KOPECKS ? k : -1;
}

/** Kopecks of a finite number ≥ 0 with at most 2 decimals (as `String(x)` shows it), or −1. */
export function numberKopecks(x: number): number {
  if (!(x >= 0) || x > MAX_FAST_KOPECKS / 100 || Object.is(x, -0)) return -1;
  const k = Math.round(x * 100);
  return k / 100 === x ? k : -1;
}

/** Kopecks of a string or number input, or −1 when the fast path does not take it. */
export function inputKopecks(value: unknown): number {
  if (typeof value === 'string') return stringKopecks(value);
  if (typeof value === 'number') return numberKopecks(value);
  return -1;
}

/**
 * round_half_up(x / 100) for a safe integer x ≥ 0, exactly, without `%` on a double (a library
 * call, several times slower) and without a branch on the size of x: `Math.floor((x + 50) / 100)`,
 * exact while x + 50 is safe (the division is correctly rounded, and a quotient below 2⁵³ / 100 is
 * never within half a unit in the last place of the next integer); the last 50 safe integers by
 * the quotient and its remainder.
 */
export function roundHundredths(x: number): number {
  if (x <= 9_007_199_254_740_941) return Math.floor((x + 50) / 100);
  const q = Math.floor(x / 100);
  return q + (x - q * 100 >= 50 ? 1 : 0);
}

/** `k` kopecks (a safe integer ≥ 0) as a plain string with two places, a point, no grouping: 12345 → "123.45". */
export function kopeckString(k: number): string {
  const r = k % 100;
  return `${(k - r) / 100}.${r < 10 ? '0' : ''}${r}`;
}

/** The Decimal of `k` kopecks (a safe integer ≥ 0), built through the constructor: `new D("q.rr")`. */
export function decimalFromKopecks(k: number): X {
  return k === 0 ? ZERO : new D(kopeckString(k));
}

/** Kopecks of a Decimal that is a whole number of kopecks within the safe range, or NaN. */
export function kopecksOfDecimal(x: X): number {
  const h = x.times(100);
  if (!h.isInteger() || h.abs().gt(Number.MAX_SAFE_INTEGER)) return Number.NaN;
  return h.toNumber();
}
