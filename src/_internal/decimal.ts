/**
 * The library-private decimal context and input coercion.
 *
 * @module
 */
import { Decimal } from 'decimal.js';

/**
 * The one decimal constructor of oms-calc: 40 significant digits, ROUND_HALF_UP, plain
 * (non-exponential) string output. It is a clone, so the global `Decimal` configuration of the
 * host application is neither read nor changed.
 */
export const D: typeof Decimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/**
 * A decimal.js `Decimal`: every amount and ratio in a result. It serialises to a string in JSON.
 */
export type X = Decimal;

/**
 * What a number may be given as: a plain decimal string (`"1234.56"`, recommended), a finite
 * JavaScript number, or a Decimal-like object whose `toString()` is a decimal (a decimal.js,
 * big.js or bignumber.js value).
 */
export type DecimalInput = string | number | DecimalLike;

/** Any object whose `toString()` yields a decimal, such as a decimal.js `Decimal`. */
export type DecimalLike = object & {
  /** The value as a decimal string, e.g. `"1234.56"`. */
  toString(): string;
};

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const EXPONENTIAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Shows a bad value in an error message, briefly and safely. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Converts a {@link DecimalInput} to a library Decimal, or returns an error message.
 * Strings must be plain decimals (no exponent, no spaces, no thousands separators); numbers must
 * be finite; objects must be Decimal-like (their own `toString`, giving a decimal).
 */
export function coerce(value: unknown): X | string {
  const result = coerceDecimal(value);
  return result instanceof D ? result : result.message;
}

/** Why a value is not a decimal: an issue code, its parameters and the English message. */
export interface CoerceFailure {
  readonly code: 'not_a_decimal' | 'unsafe_number' | 'too_long' | 'invalid_type' | 'required';
  readonly params: { received?: string; maximum?: string; expected?: string };
  readonly message: string;
}

/** Like {@link coerce}, with the failure as issue data. */
export function coerceDecimal(value: unknown): X | CoerceFailure {
  const result = coerceSigned(value);
  // "-0" and -0 are zero: a negative zero must never reach a result as "-0"
  return result instanceof D && result.isZero() ? new D(0) : result;
}

/**
 * The longest decimal string accepted, in characters: room for any amount below 10¹⁸ with many
 * places and for probabilities written to 10⁻⁹⁰; a longer one is a mistake, and its message
 * shows only its beginning.
 */
export const MAX_DECIMAL_LENGTH = 100;

const failure = (code: CoerceFailure['code'], params: CoerceFailure['params'], message: string): CoerceFailure => ({ code, params, message });

function coerceText(text: string, what: string): X | CoerceFailure {
  if (text.length > MAX_DECIMAL_LENGTH) {
    return failure('too_long', { maximum: String(MAX_DECIMAL_LENGTH), received: show(text) }, `expected ${what} of at most ${MAX_DECIMAL_LENGTH} characters, got ${show(text)} (${text.length} characters)`);
  }
  if (!PLAIN.test(text)) return failure('not_a_decimal', { received: show(text) }, `expected a plain decimal string such as "1234.56", got ${show(text)}`);
  return new D(text);
}

function coerceSigned(value: unknown): X | CoerceFailure {
  if (typeof value === 'string') return coerceText(value, 'a decimal string');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return failure('not_a_decimal', { received: show(value) }, `expected a finite number, got ${show(value)}`);
    // Above 2⁵³ a JavaScript number no longer holds every integer: 12345678901234567.891 is
    // already 12345678901234568 when it arrives. Such an amount must come as a decimal string.
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return failure('unsafe_number', { received: String(value) }, `a number above 2^53 (${String(value)}) may have lost digits; give it as a decimal string`);
    }
    return new D(value);
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const toString = (value as { toString?: unknown }).toString;
    if (typeof toString === 'function' && toString !== Object.prototype.toString) {
      let text: unknown;
      try {
        text = toString.call(value);
      } catch {
        return failure('not_a_decimal', {}, 'expected a Decimal-like value, but its toString() threw');
      }
      const isDecimalJs = Decimal.isDecimal(value);
      if (typeof text === 'string' && isDecimalJs && EXPONENTIAL.test(text)) {
        const x = new D(text);
        return x.precision(true) > MAX_DECIMAL_LENGTH
          ? failure('too_long', { maximum: String(MAX_DECIMAL_LENGTH), received: `${x.precision(true)}` }, `expected a Decimal of at most ${MAX_DECIMAL_LENGTH} digits, got one of ${x.precision(true)}`)
          : x;
      }
      if (typeof text === 'string' && !isDecimalJs && PLAIN.test(text)) return coerceText(text, 'a Decimal-like value');
      return failure('not_a_decimal', { received: show(text) }, `expected a Decimal-like value whose toString() is a decimal, got ${show(text)}`);
    }
  }
  return failure(value === undefined ? 'required' : 'invalid_type', value === undefined ? { expected: 'decimal' } : { expected: 'decimal', received: show(value) }, `expected a decimal string, a finite number or a Decimal-like value, got ${show(value)}`);
}

/** Converts a trusted value (already validated, or a library constant) to a Decimal. */
export function dec(value: DecimalInput): X {
  const result = coerce(value);
  if (typeof result === 'string') throw new TypeError(result);
  return result;
}

/** Money rounded to kopecks, half away from zero (ROUND_HALF_UP). */
export function kopecks(value: X): X {
  return roundTo(value, 2);
}

/** Rounds to `places` decimal places, half away from zero. */
export function roundTo(value: X, places: number): X {
  const rounded = value.toDecimalPlaces(places, D.ROUND_HALF_UP);
  // −0.00001 rounds to −0: a result must never show "-0"
  return rounded.isZero() ? ZERO : rounded;
}

/** Exact sum of Decimals (0 for none). */
export function sum(values: Iterable<X>): X {
  let total = new D(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** The larger of two Decimals. */
export function max(a: X, b: X): X {
  return a.gte(b) ? a : b;
}

/** The smaller of two Decimals. */
export function min(a: X, b: X): X {
  return a.lte(b) ? a : b;
}

/** Zero, as a library Decimal. */
export const ZERO: X = new D(0);
