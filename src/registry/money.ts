/**
 * Money of a register as integer kopecks: the representation of the audit's inner loop.
 *
 * Why a JavaScript number holds every amount exactly: a money field of the format has at most
 * 15 digits, 2 of them after the point (xs:decimal, totalDigits 15, fractionDigits 2, and
 * maxExclusive 10¹³ rubles). In kopecks it is an integer below 10¹⁵ < 2⁵³ = 9 007 199 254 740 992,
 * and every integer below 2⁵³ is a double exactly; the sum of two of them is below 2·10¹⁵ < 2⁵³,
 * so adding two amounts is exact too. Running sums ({@link KopeckSum}) spill into a BigInt before
 * they could reach 2⁵³, and the product РТ × Кно·100 goes through BigInt when it could exceed it.
 *
 * @module
 */
import { D, isoDateNumber, type X } from '../_internal';

/** The largest number of kopecks a money field may have: 10¹⁵ − 1 (13 digits of rubles, 2 of kopecks). */
export const MAX_FIELD_KOPECKS = 999_999_999_999_999;

/**
 * Kopecks of a money field's text `d…d[.d[d]]` (at most 15 digits, at most 2 after the point,
 * no sign, no exponent), or −1 when the text has another form.
 */
export function parseKopecks(s: string): number {
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
  if (i === 0) return -1;
  let places = 0;
  let frac = 0;
  if (i < n) {
    if (c !== 46) return -1;
    places = n - i - 1;
    if (places < 1 || places > 2) return -1;
    for (let j = i + 1; j < n; j++) {
      const d = s.charCodeAt(j) - 48;
      if (d < 0 || d > 9) return -1;
      frac = frac * 10 + d;
    }
    if (places === 1) frac *= 10;
  }
  // 15 digits at most in all (leading zeros of the integer part do not count, as in xs:decimal)
  let digits = i;
  for (let j = 0; j < i - 1 && s.charCodeAt(j) === 48; j++) digits--;
  if (digits + places > 15 || digits > 13) return -1;
  return int * 100 + frac;
}

/** A small non-negative integer field (`0`–`max`, digits only), or −1. */
export function parseSmallInt(s: string, max: number): number {
  const n = s.length;
  if (n === 0 || n > 4) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v <= max ? v : -1;
}

/**
 * Whether `s` is an ISO calendar date `YYYY-MM-DD` of the year 0001 or later (XML Schema 1.0's
 * xs:date has no year 0000): {@link isoDateNumber} of 0001-01-01 is 10101.
 */
export function isIsoDate(s: string): boolean {
  return isoDateNumber(s) >= 10_101;
}

/** `k` kopecks (a non-negative safe integer or BigInt) as a plain decimal string: 12345 → "123.45", 100 → "1". */
export function kopeckText(k: number | bigint): string {
  const big = BigInt(k);
  const r = big % 100n;
  const q = big / 100n;
  if (r === 0n) return q.toString();
  return `${q}.${r < 10n ? '0' : ''}${r % 10n === 0n ? (r / 10n).toString() : r.toString()}`;
}

/** `k` kopecks with exactly two places, for messages: 12345 → "123.45", 100 → "1.00". */
export function kopeckFixed(k: number | bigint): string {
  const big = BigInt(k);
  const r = big % 100n;
  return `${big / 100n}.${r < 10n ? '0' : ''}${r}`;
}

/** The Decimal of `k` kopecks. */
export function kopeckDecimal(k: number | bigint): X {
  return new D(kopeckText(k));
}

/** Кно of a table or of F014 as hundredths (Кно has at most 2 places, 0 ≤ Кно ≤ 1), or −1 when it has more places. */
export function hundredthsOf(x: X): number {
  const h = x.times(100);
  return h.isInteger() && h.gte(0) && h.lte(100) ? h.toNumber() : -1;
}

/** The largest РТ in kopecks whose product with Кно·100 ≤ 100 stays below 2⁵³. */
const SAFE_BASE = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/**
 * round_half_up(РТ × Кно) in kopecks, for РТ in kopecks and Кно in hundredths: the product is an
 * integer in units of 1/10000 ₽, rounded half up to kopecks exactly.
 */
export function nonPaymentKopecks(rt: number, kno100: number): number {
  if (rt <= SAFE_BASE) {
    const x = rt * kno100;
    const r = x % 100;
    return (x - r) / 100 + (r >= 50 ? 1 : 0);
  }
  const x = BigInt(rt) * BigInt(kno100);
  const r = x % 100n;
  return Number(x / 100n + (r >= 50n ? 1n : 0n));
}

/** round_half_up(РТ × c) in kopecks for any non-negative Decimal coefficient (a fine's Кшт may exceed 1 and have more places). */
export function productKopecks(base: X, coefficient: X): number {
  return base.times(coefficient).toDecimalPlaces(2, D.ROUND_HALF_UP).times(100).toNumber();
}

/** An exact running sum of kopecks: a safe integer that spills into a BigInt long before 2⁵³. */
export class KopeckSum {
  small = 0;
  big = 0n;

  add(k: number): void {
    this.small += k;
    if (this.small > 4_000_000_000_000_000) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
  }

  /** The sum as a BigInt. */
  total(): bigint {
    return this.big + BigInt(this.small);
  }

  /** Whether the sum equals `k` kopecks. */
  equals(k: number): boolean {
    return this.big === 0n ? this.small === k : this.total() === BigInt(k);
  }

  /** The sum as a Decimal of rubles. */
  value(): X {
    return kopeckDecimal(this.total());
  }
}
