import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  placementLimit,
  plannedReserve,
  reserveSize,
  type PlacementRefusalCode,
  type PlannedReserveInput,
  type TargetArticles,
  ReserveSizeInputSchema,
  type OmsCalcError,
  type PlannedReserveStatus,
  type ReserveSizeInput,
  type TraceStep,
} from '../../src/reserve';
import * as root from '../../src/index';

describe('reserve types', () => {
  it('reserveSize takes the documented input and returns Decimals and a trace', () => {
    expectTypeOf(reserveSize).parameter(0).toEqualTypeOf<ReserveSizeInput>();
    const r = reserveSize({} as ReserveSizeInput);
    expectTypeOf(r.total).toEqualTypeOf<Decimal>();
    expectTypeOf(r.components.payables).toEqualTypeOf<Decimal>();
    expectTypeOf(r.trace).toEqualTypeOf<TraceStep[]>();
  });

  it('inputs accept strings, numbers and Decimals', () => {
    expectTypeOf<{ value: string; probability: number }>().toExtend<ReserveSizeInput['income'][number]>();
    expectTypeOf<{ value: Decimal; probability: Decimal }>().toExtend<ReserveSizeInput['income'][number]>();
    // @ts-expect-error — a boolean is not a decimal input
    expectTypeOf<{ value: boolean; probability: string }>().toExtend<ReserveSizeInput['income'][number]>();
  });

  it('the schema outputs Decimals and takes the input type', () => {
    expectTypeOf<z.output<typeof ReserveSizeInputSchema>['income'][number]['value']>().toEqualTypeOf<Decimal>();
    expectTypeOf<z.input<typeof ReserveSizeInputSchema>>().toEqualTypeOf<ReserveSizeInput>();
  });

  it('the status is a closed union', () => {
    expectTypeOf(plannedReserve).returns.toHaveProperty('status').toEqualTypeOf<PlannedReserveStatus>();
    expectTypeOf<PlannedReserveStatus>().toEqualTypeOf<'not-formed' | 'raised-to-floor' | 'within' | 'cut-to-cap'>();
  });

  it('the programme’s financing: a total, the two target articles, or both', () => {
    const rest = { required: '1', plannedIncome: '1', plannedBaseProgramCost: '1' };
    expectTypeOf({ ...rest, programFinancing: '1' }).toExtend<PlannedReserveInput>();
    expectTypeOf({ ...rest, targetArticles: { nonWorkingPopulation: '1', baseProgram: 1 } }).toExtend<PlannedReserveInput>();
    // @ts-expect-error — both target articles are needed
    expectTypeOf({ ...rest, targetArticles: { nonWorkingPopulation: '1' } }).toExtend<PlannedReserveInput>();
    const r = plannedReserve({ ...rest, programFinancing: '1' });
    expectTypeOf(r.targetArticles).toEqualTypeOf<TargetArticles | null>();
    expectTypeOf(r.statutoryCap).toEqualTypeOf<Decimal>();
    expectTypeOf(r.aboveStatutoryCap).toEqualTypeOf<boolean>();
  });

  it('placement refusals have closed codes', () => {
    expectTypeOf<ReturnType<typeof placementLimit>['reasons'][number]['code']>().toEqualTypeOf<PlacementRefusalCode>();
    expectTypeOf<PlacementRefusalCode>().toEqualTypeOf<'NO_CONSENT' | 'ARREARS'>();
  });

  it('the root re-exports the module and the error type', () => {
    expectTypeOf(root.reserveSize).toEqualTypeOf(reserveSize);
    expectTypeOf<InstanceType<typeof root.OmsCalcError>['code']>().toEqualTypeOf<OmsCalcError['code']>();
  });
});
