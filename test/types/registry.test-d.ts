import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import {
  auditRegistry,
  builtinControlTypes,
  controlClassOf,
  parseF014Xml,
  readRegistry,
  registryFindings,
  type AuditRegistryOptions,
  type ByteStreamLike,
  type ControlClass,
  type ControlType,
  type Finding,
  type FindingRule,
  type RegistryAudit,
  type RegistryItem,
  type RegistrySource,
  type TraceStep,
} from '../../src/registry';
import * as root from '../../src/index';
import type { F014Table, SanctionOptions } from '../../src/sanctions';

describe('registry types', () => {
  it('readRegistry takes bytes or strings, sync or async, and yields the three kinds of item', () => {
    expectTypeOf(readRegistry).parameter(0).toEqualTypeOf<RegistrySource>();
    expectTypeOf<RegistrySource>().toEqualTypeOf<AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | ByteStreamLike>();
    expectTypeOf<ReadableStream<Uint8Array>>().toMatchTypeOf<RegistrySource>();
    expectTypeOf(readRegistry([])).toEqualTypeOf<AsyncIterable<RegistryItem>>();
    expectTypeOf<RegistryItem['kind']>().toEqualTypeOf<'schet' | 'case' | 'malformed'>();
    const item = {} as RegistryItem;
    if (item.kind === 'case') {
      expectTypeOf(item.sank[0]?.slId).toEqualTypeOf<string[] | undefined>();
      expectTypeOf(item.sumv).toEqualTypeOf<string | undefined>();
    }
  });

  it('auditRegistry: SanctionOptions plus the register’s own; findings and totals as Decimals', () => {
    expectTypeOf<AuditRegistryOptions>().toMatchTypeOf<Pick<SanctionOptions, 'tables' | 'date' | 'perCapitaRates' | 'combine'>>();
    expectTypeOf<AuditRegistryOptions['f014']>().toEqualTypeOf<F014Table | undefined>();
    expectTypeOf<AuditRegistryOptions['coefficients']>().toEqualTypeOf<'table' | 'f014' | undefined>();
    expectTypeOf(auditRegistry([])).toEqualTypeOf<Promise<RegistryAudit>>();
    expectTypeOf<RegistryAudit['findings']>().toEqualTypeOf<Finding[]>();
    expectTypeOf<RegistryAudit['totals']['recomputed']['MEK']>().toEqualTypeOf<Decimal>();
    expectTypeOf<RegistryAudit['trace']>().toEqualTypeOf<TraceStep[]>();
    expectTypeOf<Finding['expected']>().toEqualTypeOf<Decimal | undefined>();
    expectTypeOf<Finding['rule']>().toEqualTypeOf<FindingRule>();
    expectTypeOf<'SANK_SUM_MISMATCH' | 'MALFORMED' | 'DUPLICATE_SANK' | 'ZERO_MEK_SANK'>().toMatchTypeOf<FindingRule>();
    expectTypeOf(registryFindings([])).toEqualTypeOf<AsyncIterable<Finding>>();
  });

  it('F014 and F006 as data', () => {
    expectTypeOf(parseF014Xml).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(parseF014Xml).returns.toEqualTypeOf<F014Table>();
    expectTypeOf(builtinControlTypes).toEqualTypeOf<readonly ControlType[]>();
    expectTypeOf(controlClassOf(1, '2025-01-01')).toEqualTypeOf<ControlClass | undefined>();
  });

  it('the root re-exports the module', () => {
    expectTypeOf(root.auditRegistry).toEqualTypeOf(auditRegistry);
  });
});
