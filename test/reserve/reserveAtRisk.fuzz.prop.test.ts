/**
 * reserveAtRisk fed arbitrary JSON and near-valid inputs: it only ever returns a finite result or
 * throws an OmsCalcError — never another error, never NaN or Infinity.
 */
import { fc, test } from '@fast-check/vitest';
import { reserveAtRisk } from '../../src/reserve';
import { reserveInput } from '../arbitraries';
import { expectResultOrOmsCalcError, mutate, oddLeaf } from '../fuzz';

const valid = fc.record({
  base: reserveInput,
  levels: fc.array(fc.constantFrom('0.9', '0.95', '0.99', '0.5', '0.0001', '0.9999'), { minLength: 1, maxLength: 4 }),
  method: fc.constantFrom('auto', 'exact', 'monte-carlo'),
  seed: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
  runs: fc.integer({ min: 1, max: 300 }),
}).map(({ base, ...rest }) => ({ ...base, ...rest }));

test.prop([fc.jsonValue()])('arbitrary JSON: a result or an OmsCalcError', (json) => {
  expectResultOrOmsCalcError(() => reserveAtRisk(json as never));
});

test.prop([mutate(valid)])('near-valid input: a result or an OmsCalcError', (input) => {
  expectResultOrOmsCalcError(() => reserveAtRisk(input as never));
});

test.prop([valid, fc.constantFrom('levels', 'seed', 'runs', 'method'), oddLeaf])('odd levels, seeds, runs and methods', (input, key, leaf) => {
  // keep odd numbers of runs from turning into a long simulation: the large ones are refused anyway
  expectResultOrOmsCalcError(() => reserveAtRisk({ ...input, [key]: key === 'levels' ? [leaf] : leaf } as never));
});
