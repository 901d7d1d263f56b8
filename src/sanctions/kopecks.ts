/**
 * Exact integer kopecks: the representation of the fast path. Amounts are whole kopecks and the
 * coefficients have at most two decimals, so every product fits a safe integer and rounds
 * exactly; the results are turned into Decimals that equal the decimal reference.
 *
 * @module
 */
import { D, fixed, ZERO, type X } from '../_internal';

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

/** round_half_up(x / 100) for a safe integer x ≥ 0, exactly. */
export function roundHundredths(x: number): number {
  const r = x % 100;
  return (x - r) / 100 + (r >= 50 ? 1 : 0);
}

/** `k` kopecks as a plain string with two places (the library's one formatter, a point, no grouping): 12345 → "123.45". */
export function kopeckString(k: number): string {
  return fixed(new D(k).div(100));
}

type DecimalParts = { s: number; e: number; d: number[] };

const PROTOTYPE: object = D.prototype;

/**
 * Builds the Decimal of `k` kopecks directly from its base-10⁷ digit words, the form decimal.js
 * itself produces when parsing "q.rr" (exponent e = position of the leading digit; the integer
 * part in words aligned at the point; the two decimals as the first fractional word; no trailing
 * zero words). Checked once against the parser ({@link decimalFromKopecks} falls back to it).
 */
function buildKopecks(k: number): X {
  if (k === 0) return ZERO;
  const r = k % 100;
  const q = (k - r) / 100;
  // The own fields a Decimal of this constructor has: constructor, s, e, d (in that order).
  const x = Object.create(PROTOTYPE) as DecimalParts & { constructor: unknown };
  x.constructor = D;
  x.s = 1;
  if (q === 0) {
    x.e = r >= 10 ? -1 : -2;
    x.d = [r * 100_000];
  } else {
    let e = 0;
    for (let p = 10; p <= q; p *= 10) e++;
    const hi = Math.floor(q / 10_000_000);
    const lo = q - hi * 10_000_000;
    // Words of seven digits, the last without trailing zero words; built at their final length
    // (an array grown by push keeps room for more).
    const f = r * 100_000;
    let d: number[];
    if (hi > 0) d = r > 0 ? [hi, lo, f] : lo > 0 ? [hi, lo] : [hi];
    else d = r > 0 ? [lo, f] : [lo];
    x.e = e;
    x.d = d;
  }
  return x as unknown as X;
}

function parseKopecks(k: number): X {
  return k === 0 ? ZERO : new D(kopeckString(k));
}

let builder: ((k: number) => X) | undefined;

function selfCheck(): (k: number) => X {
  const samples = [1, 5, 9, 10, 11, 50, 99, 100, 101, 110, 190, 999, 1000, 1001, 12345, 100000, 999999999, 1000000000, 1000000001, 1000000010,
    1000000100, 123456789012, 100000000000000, 900719925474099, MAX_FAST_KOPECKS, 9007199254740991];
  for (const k of samples) {
    const a = buildKopecks(k) as unknown as DecimalParts;
    const b = parseKopecks(k) as unknown as DecimalParts;
    const same =
      a.s === b.s &&
      a.e === b.e &&
      a.d.length === b.d.length &&
      a.d.every((w, i) => w === b.d[i]) &&
      String(a) === String(b) &&
      (a as unknown as X).eq(b as unknown as X) &&
      a instanceof D &&
      (a as { constructor?: unknown }).constructor === (b as { constructor?: unknown }).constructor;
    if (!same) return parseKopecks;
  }
  return buildKopecks;
}

/** The Decimal of `k` kopecks (a safe integer ≥ 0), equal to `new D("q.rr")`. */
export function decimalFromKopecks(k: number): X {
  builder ??= selfCheck();
  return builder(k);
}

/** Kopecks of a Decimal that is a whole number of kopecks within the safe range, or NaN. */
export function kopecksOfDecimal(x: X): number {
  const h = x.times(100);
  if (!h.isInteger() || h.abs().gt(Number.MAX_SAFE_INTEGER)) return Number.NaN;
  return h.toNumber();
}
