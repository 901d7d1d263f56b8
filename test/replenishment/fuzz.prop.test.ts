import { fc, test } from '@fast-check/vitest';
import { replenishmentSchedule, reserveYear } from '../../src/replenishment';
import { expectResultOrOmsCalcError, mutate as mutateWith, oddLeaf as commonLeaf } from '../fuzz';

const functions = { replenishmentSchedule, reserveYear } as Record<string, (x: never) => unknown>;

/** Leaves that are nearly right for a ledger: months, periods, kopecks, odd spellings, extremes. */
const oddLeaf: fc.Arbitrary<unknown> = fc.oneof(
  commonLeaf,
  fc.constantFrom('0', '1', '-1', '0.5', '0.005', '1e3', '', ' ', 'NaN', 'Infinity', '1,5', '.5', '-0', 'to-year-end', '999999999999999999999999'),
  fc.constantFrom(0, 1, -1, 0.1, 12, 13, 1.5, 1e300, -1e-300, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(null, undefined, true, false, [], {}, { toString: () => '1' }, { toString: () => 'x' }, { toString: 1 }),
  fc.jsonValue(),
);

const mutate = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> => mutateWith(valid, oddLeaf);

const money = fc.constantFrom('0', '100', '1234.56', '0.01', '999999999999999999.99');
const month = fc.integer({ min: 1, max: 12 });

const scheduleInput = fc.record(
  { planned: money, openingBalance: money, months: month, startMonth: month },
  { requiredKeys: ['planned', 'openingBalance'] },
);
const yearInput = fc.record(
  {
    planned: money,
    openingBalance: money,
    periodMonths: fc.oneof(month, fc.constant('to-year-end')),
    events: fc.array(fc.record({ month, spending: money, income: money, note: fc.string() }, { requiredKeys: ['month'] }), { maxLength: 6 }),
  },
  { requiredKeys: ['planned', 'openingBalance'] },
);

test.prop([fc.constantFrom(...Object.keys(functions)), fc.jsonValue()])('arbitrary JSON: a result or an OmsCalcError', (name, json) => {
  expectResultOrOmsCalcError(() => functions[name]?.(json as never), ['INVALID_INPUT']);
});

test.prop([mutate(scheduleInput), mutate(yearInput)])('near-valid input: a result or an OmsCalcError', (s, y) => {
  expectResultOrOmsCalcError(() => replenishmentSchedule(s as never), ['INVALID_INPUT']);
  expectResultOrOmsCalcError(() => reserveYear(y as never), ['INVALID_INPUT']);
});

test.prop([scheduleInput, yearInput])('valid-shaped input at the extremes: a result or an OmsCalcError', (s, y) => {
  expectResultOrOmsCalcError(() => replenishmentSchedule(s), ['INVALID_INPUT']);
  expectResultOrOmsCalcError(() => reserveYear(y), ['INVALID_INPUT']);
});
