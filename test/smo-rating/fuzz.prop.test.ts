/**
 * Whatever they are fed, the public functions of smo-rating return a result or throw an
 * OmsCalcError — never another error, and never NaN or Infinity in a result.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  federalMonitoring,
  isOmsCalcError,
  mergeIndicatorData,
  monitoringDeadlines,
  smoAnnualAssessment,
  smoIndicators,
  smoRating,
} from '../../src/smo-rating';
import { assertFinite, indicatorData, violations } from './arbitraries';

const FUNCTIONS: Record<string, (input: never) => unknown> = {
  smoIndicators,
  smoAnnualAssessment,
  federalMonitoring,
  smoRating,
  mergeIndicatorData,
  monitoringDeadlines,
};
const name = fc.constantFrom(...Object.keys(FUNCTIONS));

/** Calls a function and checks the outcome; returns what happened, for coverage statistics. */
function outcome(fn: string, input: unknown): 'result' | 'error' {
  const f = FUNCTIONS[fn];
  if (f === undefined) throw new Error(fn);
  let result: unknown;
  try {
    result = f(input as never);
  } catch (e) {
    if (!isOmsCalcError(e)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(typeof issue.message).toBe('string');
      expect(issue.path.every((p) => typeof p === 'string' || typeof p === 'number')).toBe(true);
    }
    return 'error';
  }
  assertFinite(result);
  JSON.stringify(result);
  return 'result';
}

test.prop([name, fc.jsonValue()])('arbitrary JSON', (fn, input) => {
  outcome(fn, input);
});

test.prop([
  name,
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
])('arbitrary values', (fn, input) => {
  outcome(fn, input);
});

const score = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom('88.1234', '-0.0001', '100', '-0', '-0.0000'));

/** Valid inputs of each function. */
const valid: Record<string, fc.Arbitrary<unknown>> = {
  smoIndicators: fc.record({ quarter: fc.constantFrom(1, 2, 3, 4), data: indicatorData, insurer: fc.constantFrom('smo', 'territorial-fund') }),
  smoAnnualAssessment: fc.record({ data: indicatorData, violations }),
  federalMonitoring: fc.record({
    regions: fc.uniqueArray(fc.record({ region: fc.string({ minLength: 1 }), scoreExact: score, noViolations: fc.boolean() }), { selector: (r) => r.region, minLength: 1, maxLength: 4 }),
  }),
  smoRating: fc.record({ smos: fc.uniqueArray(fc.record({ smo: fc.string({ minLength: 1 }), resultExact: score }), { selector: (s) => s.smo, maxLength: 5 }) }),
  mergeIndicatorData: fc.record({ parts: fc.array(indicatorData, { minLength: 1, maxLength: 3 }) }),
  monitoringDeadlines: fc.record({ year: fc.integer({ min: 2026, max: 9998 }), quarter: fc.constantFrom(1, 2, 3, 4) }),
};

/** Every path inside a value, the root included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** Replaces (or deletes, or adds next to) the value at a path of a deep copy. */
function mutate(value: unknown, path: (string | number)[], replacement: unknown, mode: 'replace' | 'delete' | 'add'): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  if (path.length === 0) return mode === 'replace' ? replacement : copy;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (mode === 'replace') node[last] = replacement;
  else if (mode === 'delete') delete node[last];
  else node['unexpected'] = replacement;
  return copy;
}

test.prop([
  name.chain((fn) => fc.tuple(fc.constant(fn), (valid[fn] as fc.Arbitrary<unknown>))),
  fc.nat(),
  fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(-1, 1.5, 1e300, -0, '1e5', ' 1', '', '0.001', '12345678901234567890', 'NaN', null, true, [], {}),
  ),
  fc.constantFrom('replace' as const, 'delete' as const, 'add' as const),
])('near-valid inputs: one value replaced, removed or added', ([fn, input], pick, replacement, mode) => {
  const all = paths(input);
  const path = all[pick % all.length] ?? [];
  outcome(fn, mutate(input, path, replacement, mode));
});

test.prop([name.chain((fn) => fc.tuple(fc.constant(fn), valid[fn] as fc.Arbitrary<unknown>))])('valid inputs give results', ([fn, input]) => {
  expect(outcome(fn, input)).toBe('result');
});
