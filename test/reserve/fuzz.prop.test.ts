import { fc, test } from '@fast-check/vitest';
import { legacyReserve, placementLimit, plannedReserve, plannedReserveHorizon, reserveSize } from '../../src/reserve';
import { reserveInput } from '../arbitraries';
import { expectResultOrOmsCalcError, mutate } from '../fuzz';

const functions = { reserveSize, plannedReserve, plannedReserveHorizon, legacyReserve, placementLimit } as Record<string, (x: never) => unknown>;

test.prop([fc.constantFrom(...Object.keys(functions)), fc.jsonValue()])('arbitrary JSON: a result or an OmsCalcError', (name, json) => {
  expectResultOrOmsCalcError(() => functions[name]?.(json as never));
});

test.prop([mutate(reserveInput)])('reserveSize on near-valid input: a result or an OmsCalcError', (input) => {
  expectResultOrOmsCalcError(() => reserveSize(input as never));
});

const planned = fc.record({
  required: fc.constant('100'),
  programFinancing: fc.constant('1000'),
  plannedIncome: fc.constant('1000'),
  plannedBaseProgramCost: fc.constant('900'),
  minShare: fc.constant('0.06'),
  maxShare: fc.constant('0.1'),
});

test.prop([mutate(planned), mutate(fc.array(planned, { minLength: 3, maxLength: 3 })), mutate(fc.record({ balance: fc.constant('10'), share: fc.constant('0.5'), arrears: fc.boolean() }))])(
  'plannedReserve, the horizon and placementLimit on near-valid input',
  (p, h, l) => {
    expectResultOrOmsCalcError(() => plannedReserve(p as never));
    expectResultOrOmsCalcError(() => plannedReserveHorizon(h as never));
    expectResultOrOmsCalcError(() => placementLimit(l as never));
    expectResultOrOmsCalcError(() => legacyReserve(p as never));
  },
);
