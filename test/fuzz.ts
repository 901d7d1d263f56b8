/** Shared helpers for fuzzing public functions with arbitrary JSON. */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import { isOmsCalcError } from '../src/_internal/errors';

/** Walks a result and fails on any non-finite Decimal or number. */
export function expectFinite(value: unknown, path = '$'): void {
  if (Decimal.isDecimal(value)) {
    expect((value as Decimal).isFinite(), `${path} is ${String(value)}`).toBe(true);
    return;
  }
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} is ${value}`).toBe(true);
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => expectFinite(v, `${path}[${i}]`));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) expectFinite(v, `${path}.${k}`);
}

/**
 * Calls `run`; it must return a finite result or throw an OmsCalcError (of one of `codes`, when
 * given), nothing else.
 */
export function expectResultOrOmsCalcError(run: () => unknown, codes?: readonly string[]): void {
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    if (!isOmsCalcError(e)) throw new Error(`threw a foreign error: ${String(e)}`, { cause: e });
    if (codes !== undefined) expect(codes).toContain(e.code);
    expect(e.issues.length).toBeGreaterThan(0);
    return;
  }
  expectFinite(result);
}

/** Leaves that are nearly right: decimals in odd spellings, wrong types, extremes. */
export const oddLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('0', '1', '-1', '0.5', '1e3', '', ' ', 'NaN', 'Infinity', '1,5', '0.001', '99999999999999999999999999', '.5', '-0'),
  fc.constantFrom(0, 1, -1, 0.1, 1e300, -1e-300, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(null, undefined, true, false, [], {}, { toString: () => '1' }, { toString: () => 'x' }),
  fc.jsonValue(),
);

/** Replaces random leaves of a valid value with odd ones (or `leaves`), or drops keys. */
export function mutate<T>(valid: fc.Arbitrary<T>, leaves: fc.Arbitrary<unknown> = oddLeaf): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.infiniteStream(fc.tuple(fc.nat(100), leaves))).map(([v, stream]) => {
    const it = stream[Symbol.iterator]();
    const walk = (x: unknown): unknown => {
      const [roll, leaf] = it.next().value as [number, unknown];
      if (roll < 8) return leaf;
      if (Array.isArray(x)) return x.map(walk);
      if (typeof x === 'object' && x !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, val] of Object.entries(x)) if (roll !== 99) out[k] = walk(val);
        return out;
      }
      return x;
    };
    return walk(v);
  });
}
