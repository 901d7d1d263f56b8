import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  replenishmentSchedule,
  ReplenishmentScheduleInputSchema,
  reserveYear,
  ReserveYearInputSchema,
  type ReplenishmentInstallment,
  type ReplenishmentScheduleInput,
  type ReserveYearEvent,
  type ReserveYearInput,
  type ReserveYearMonth,
  type TraceStep,
} from '../../src/replenishment';
import * as root from '../../src/index';

describe('replenishment types', () => {
  it('replenishmentSchedule takes the documented input and returns Decimals and a trace', () => {
    expectTypeOf(replenishmentSchedule).parameter(0).toEqualTypeOf<ReplenishmentScheduleInput>();
    const s = replenishmentSchedule({ planned: '1', openingBalance: '0' });
    expectTypeOf(s.installments).toEqualTypeOf<ReplenishmentInstallment[]>();
    expectTypeOf(s.installments[0]).toEqualTypeOf<ReplenishmentInstallment | undefined>();
    expectTypeOf<ReplenishmentInstallment>().toEqualTypeOf<{ month: number; index: number; amount: Decimal }>();
    expectTypeOf(s.total).toEqualTypeOf<Decimal>();
    expectTypeOf(s.surplus).toEqualTypeOf<Decimal>();
    expectTypeOf(s.trace).toEqualTypeOf<TraceStep[]>();
  });

  it('reserveYear returns twelve typed rows, totals and a trace', () => {
    expectTypeOf(reserveYear).parameter(0).toEqualTypeOf<ReserveYearInput>();
    const y = reserveYear({ planned: '1', openingBalance: '0' });
    expectTypeOf(y.months).toEqualTypeOf<ReserveYearMonth[]>();
    expectTypeOf<ReserveYearMonth['periodStart']>().toEqualTypeOf<boolean>();
    expectTypeOf<ReserveYearMonth['shortfall']>().toEqualTypeOf<Decimal>();
    expectTypeOf(y.closing).toEqualTypeOf<Decimal>();
    expectTypeOf(y.totals).toEqualTypeOf<{ income: Decimal; overflow: Decimal; transfer: Decimal; spending: Decimal; shortfall: Decimal }>();
    expectTypeOf(y.trace).toEqualTypeOf<TraceStep[]>();
  });

  it('inputs accept strings, numbers and Decimals; periodMonths is a number or to-year-end', () => {
    expectTypeOf<{ planned: string; openingBalance: number; months: 3 }>().toExtend<ReplenishmentScheduleInput>();
    expectTypeOf<{ planned: Decimal; openingBalance: Decimal }>().toExtend<ReserveYearInput>();
    expectTypeOf<{ planned: '1'; openingBalance: '0'; periodMonths: 'to-year-end' }>().toExtend<ReserveYearInput>();
    expectTypeOf<ReserveYearInput['periodMonths']>().toEqualTypeOf<number | 'to-year-end' | undefined>();
    expectTypeOf<{ month: 4; spending: '100'; note: 'субвенция' }>().toExtend<ReserveYearEvent>();
    // @ts-expect-error — a string is not a number of months
    expectTypeOf<{ planned: '1'; openingBalance: '0'; months: '3' }>().toExtend<ReplenishmentScheduleInput>();
    // @ts-expect-error — any other word is not a period
    expectTypeOf<{ planned: '1'; openingBalance: '0'; periodMonths: 'to-december' }>().toExtend<ReserveYearInput>();
  });

  it('the schemas output Decimals and take the input types', () => {
    expectTypeOf<z.output<typeof ReplenishmentScheduleInputSchema>['planned']>().toEqualTypeOf<Decimal>();
    expectTypeOf<z.input<typeof ReplenishmentScheduleInputSchema>>().toEqualTypeOf<ReplenishmentScheduleInput>();
    expectTypeOf<NonNullable<z.output<typeof ReserveYearInputSchema>['events']>[number]['spending']>().toEqualTypeOf<Decimal | undefined>();
    expectTypeOf<z.input<typeof ReserveYearInputSchema>>().toEqualTypeOf<ReserveYearInput>();
  });

  it('the module re-exports the shared error type', async () => {
    const m = await import('../../src/replenishment');
    expectTypeOf(m.isOmsCalcError).toEqualTypeOf(root.isOmsCalcError);
  });
});
