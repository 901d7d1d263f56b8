import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  allocateSanctionProceeds,
  builtinSanctionTable,
  caseSanction,
  CaseInputSchema,
  defineSanctionTable,
  findViolation,
  sanctionRows,
  sanctionStream,
  sanctionTotals,
  SanctionStreamOptionsSchema,
  type CaseInput,
  type CaseSanction,
  type OmsCalcErrorCode,
  type ParsedCaseInput,
  type SanctionErrorRow,
  type SanctionOptions,
  type SanctionRow,
  type SanctionSection,
  type SanctionTable,
  type SanctionTotals,
  type Setting,
  type TraceStep,
  type ViolationEntry,
} from '../../src/sanctions';
import * as root from '../../src/index';

describe('sanctions types', () => {
  it('caseSanction takes a case and options and returns Decimals, details and a trace', () => {
    expectTypeOf(caseSanction).parameter(0).toEqualTypeOf<CaseInput>();
    expectTypeOf(caseSanction).parameter(1).toEqualTypeOf<SanctionOptions | undefined>();
    const r = caseSanction({} as CaseInput);
    expectTypeOf(r).toEqualTypeOf<CaseSanction>();
    expectTypeOf(r.nonPayment).toEqualTypeOf<Decimal>();
    expectTypeOf(r.details[0]!.kno).toEqualTypeOf<Decimal | null>();
    expectTypeOf(r.details[0]!.section).toEqualTypeOf<SanctionSection>();
    expectTypeOf(r.trace).toEqualTypeOf<TraceStep[]>();
  });

  it('a case accepts strings, numbers and Decimals, codes or { code, recomputedTariff }', () => {
    expectTypeOf<{ tariff: number; violations: string[] }>().toExtend<CaseInput>();
    expectTypeOf<{ tariff: Decimal; setting: 'hospital'; violations: { code: string; recomputedTariff: string }[] }>().toExtend<CaseInput>();
    // @ts-expect-error — an unknown setting
    expectTypeOf<{ tariff: string; setting: 'home'; violations: string[] }>().toExtend<CaseInput>();
    // @ts-expect-error — the violations are required
    expectTypeOf<{ tariff: string }>().toExtend<CaseInput>();
    expectTypeOf<Setting>().toEqualTypeOf<'ambulatory' | 'ambulance' | 'all' | 'hospital'>();
  });

  it('the stream yields traced results only when asked for trace: true', () => {
    expectTypeOf(sanctionStream([], { trace: true })).toEqualTypeOf<AsyncIterable<CaseSanction | SanctionErrorRow>>();
    expectTypeOf(sanctionStream([])).toEqualTypeOf<AsyncIterable<SanctionRow | SanctionErrorRow>>();
    expectTypeOf(sanctionRows([])).toEqualTypeOf<Iterable<SanctionRow | SanctionErrorRow>>();
    expectTypeOf<SanctionRow['trace']>().toEqualTypeOf<TraceStep[] | undefined>();
    expectTypeOf<SanctionErrorRow['error']['code']>().toEqualTypeOf<OmsCalcErrorCode>();
    expectTypeOf(sanctionStream).parameter(0).toExtend<Iterable<CaseInput> | AsyncIterable<CaseInput>>();
  });

  it('totals are a promise of Decimals by code and by section', () => {
    expectTypeOf(sanctionTotals([])).toEqualTypeOf<Promise<SanctionTotals>>();
    expectTypeOf<SanctionTotals['bySection']>().toEqualTypeOf<Record<SanctionSection, { cases: number; nonPayment: Decimal; fine: Decimal }>>();
    expectTypeOf<SanctionTotals['byCode'][string]['fine']>().toEqualTypeOf<Decimal>();
  });

  it('tables: data in, frozen Decimals out', () => {
    expectTypeOf(defineSanctionTable).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(defineSanctionTable).returns.toEqualTypeOf<SanctionTable>();
    expectTypeOf(builtinSanctionTable.entries).toEqualTypeOf<readonly ViolationEntry[]>();
    expectTypeOf(findViolation('1.1').ksht).toEqualTypeOf<Decimal | null>();
    expectTypeOf<ViolationEntry['section']>().toEqualTypeOf<'MEK' | 'MEE' | 'EKMP'>();
  });

  it('the schemas take the input types and output the parsed ones', () => {
    expectTypeOf<z.input<typeof CaseInputSchema>>().toEqualTypeOf<CaseInput>();
    expectTypeOf<z.output<typeof CaseInputSchema>>().toEqualTypeOf<ParsedCaseInput>();
    expectTypeOf<z.output<typeof CaseInputSchema>['tariff']>().toEqualTypeOf<Decimal>();
    expectTypeOf<z.output<typeof SanctionStreamOptionsSchema>['trace']>().toEqualTypeOf<boolean | undefined>();
  });

  it('allocation: parts by recipient', () => {
    expectTypeOf(allocateSanctionProceeds('1').parts).toEqualTypeOf<Record<string, Decimal>>();
    expectTypeOf(allocateSanctionProceeds).parameter(1).toEqualTypeOf<Record<string, string | number | object & { toString(): string }> | undefined>();
  });

  it('the root re-exports the module', () => {
    expectTypeOf(root).not.toBeAny();
  });
});
