import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  reserveAtRisk,
  ReserveAtRiskInputSchema,
  reserveAtRiskDefaults,
  type DecimalInput,
  type ReserveAtRisk,
  type ReserveAtRiskInput,
  type ReserveAtRiskLevel,
  type ReserveAtRiskMethod,
  type ReserveSizeInput,
  type TraceStep,
} from '../../src/reserve';
import * as root from '../../src/index';

describe('reserveAtRisk types', () => {
  it('takes the reserveSize input plus levels, seed, runs and method', () => {
    expectTypeOf(reserveAtRisk).parameter(0).toEqualTypeOf<ReserveAtRiskInput>();
    expectTypeOf<ReserveAtRiskInput>().toExtend<ReserveSizeInput>();
    expectTypeOf<ReserveAtRiskInput['levels']>().toEqualTypeOf<DecimalInput[]>();
    expectTypeOf<ReserveAtRiskInput['seed']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ReserveAtRiskInput['runs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ReserveAtRiskInput['method']>().toEqualTypeOf<ReserveAtRiskMethod | undefined>();
    expectTypeOf<ReserveAtRiskMethod>().toEqualTypeOf<'auto' | 'exact' | 'monte-carlo'>();
  });

  it('returns the method used, a row per level of Decimals, the normative coverage and a trace', () => {
    expectTypeOf(reserveAtRisk).returns.toEqualTypeOf<ReserveAtRisk>();
    expectTypeOf<ReserveAtRisk['method']>().toEqualTypeOf<'exact' | 'monte-carlo'>();
    expectTypeOf<ReserveAtRisk['levels']>().toEqualTypeOf<ReserveAtRiskLevel[]>();
    expectTypeOf<ReserveAtRiskLevel>().toEqualTypeOf<{ level: Decimal; valueAtRisk: Decimal; tailValueAtRisk: Decimal }>();
    expectTypeOf<ReserveAtRisk['expectedShortfall']>().toEqualTypeOf<Decimal>();
    expectTypeOf<ReserveAtRisk['normative']>().toEqualTypeOf<{ total: Decimal; coverage: Decimal }>();
    expectTypeOf<ReserveAtRisk['simulation']>().toEqualTypeOf<{ runs: number; seed: number } | null>();
    expectTypeOf<ReserveAtRisk['trace']>().toEqualTypeOf<TraceStep[]>();
  });

  it('accepts strings, numbers and Decimals as levels; a seed is a number', () => {
    type Care = ReserveAtRiskInput['ambulatory'];
    expectTypeOf<{ income: []; ambulatory: Care; inpatient: Care; dayHospital: Care; payables: '0'; levels: ['0.95', 0.99, Decimal] }>().toExtend<ReserveAtRiskInput>();
    expectTypeOf<{ income: []; ambulatory: Care; inpatient: Care; dayHospital: Care; payables: '0'; levels: ['0.9']; method: 'monte-carlo'; seed: 42; runs: 1000 }>().toExtend<ReserveAtRiskInput>();
    // @ts-expect-error — a seed given as a string
    expectTypeOf<{ income: []; ambulatory: Care; inpatient: Care; dayHospital: Care; payables: '0'; levels: ['0.9']; seed: '42' }>().toExtend<ReserveAtRiskInput>();
    // @ts-expect-error — no such method
    expectTypeOf<{ income: []; ambulatory: Care; inpatient: Care; dayHospital: Care; payables: '0'; levels: ['0.9']; method: 'quasi-monte-carlo' }>().toExtend<ReserveAtRiskInput>();
  });

  it('the schema outputs Decimal levels and takes the input type', () => {
    expectTypeOf<z.input<typeof ReserveAtRiskInputSchema>>().toEqualTypeOf<ReserveAtRiskInput>();
    expectTypeOf<z.output<typeof ReserveAtRiskInputSchema>['levels']>().toEqualTypeOf<Decimal[]>();
    expectTypeOf<z.output<typeof ReserveAtRiskInputSchema>['seed']>().toEqualTypeOf<number | undefined>();
    expectTypeOf(reserveAtRiskDefaults.runs).toEqualTypeOf<100_000>();
  });

  it('the root re-exports it', () => {
    expectTypeOf(root.reserveAtRisk).toEqualTypeOf(reserveAtRisk);
  });
});
