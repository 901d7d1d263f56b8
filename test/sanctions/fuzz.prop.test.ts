import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  allocateSanctionProceeds,
  builtinSanctionTable,
  caseSanction,
  defineSanctionTable,
  findViolation,
  isOmsCalcError,
  sanctionRows,
  sanctionStream,
  sanctionTotals,
} from '../../src/sanctions';
import { expectFinite, expectResultOrOmsCalcError, mutate } from '../fuzz';
import { perCapitaRates, validCase } from './arbitraries';

/** Awaits `run`; a result must be finite throughout; an error must be an OmsCalcError. */
async function expectAsyncResultOrOmsCalcError(run: () => Promise<unknown>): Promise<void> {
  let result: unknown;
  try {
    result = await run();
  } catch (e) {
    if (!isOmsCalcError(e)) throw new Error(`threw a foreign error: ${String(e)}`, { cause: e });
    expect(e.issues.length).toBeGreaterThan(0);
    return;
  }
  expectFinite(result);
}

const anything = fc.jsonValue();
const nearCase = mutate(validCase);
const options = fc.oneof(anything, mutate(fc.record({ perCapitaRates, combine: fc.constantFrom('max', 'sum-capped'), date: fc.constant('2025-05-05') })));
const cases = fc.array(fc.oneof(anything, nearCase, validCase), { maxLength: 6 });

async function drain(rows: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('every public function, fed arbitrary or near-valid JSON, returns a finite result or throws an OmsCalcError', () => {
  test.prop([fc.oneof(anything, nearCase), options])('caseSanction', (c, o) => {
    expectResultOrOmsCalcError(() => caseSanction(c as never, o as never));
  });

  test.prop([fc.oneof(anything, cases), options])('sanctionStream, sanctionRows, sanctionTotals', async (c, o) => {
    await expectAsyncResultOrOmsCalcError(() => drain(sanctionStream(c as never, o as never)));
    await expectAsyncResultOrOmsCalcError(() => drain(sanctionStream(c as never, { ...(o as object), trace: true } as never)));
    expectResultOrOmsCalcError(() => [...sanctionRows(c as never, o as never)]);
    await expectAsyncResultOrOmsCalcError(() => sanctionTotals(sanctionStream(c as never, o as never)));
    await expectAsyncResultOrOmsCalcError(() => sanctionTotals(c as never));
  });

  test.prop([fc.oneof(anything, mutate(fc.constant(JSON.parse(JSON.stringify(builtinSanctionTable)) as unknown)))])('defineSanctionTable', (raw) => {
    expectResultOrOmsCalcError(() => defineSanctionTable(raw));
  });

  test.prop([fc.oneof(anything, fc.constantFrom('3.2.1', '2.3', '1.10.6')), fc.oneof(anything, mutate(fc.record({ date: fc.constant('2025-01-01') })))])('findViolation', (code, o) => {
    expectResultOrOmsCalcError(() => findViolation(code as never, o as never));
  });

  test.prop([fc.oneof(anything, fc.constantFrom('100.00', '0.01', 5)), fc.oneof(anything, mutate(fc.constant({ territorialFund: '0.5', reserve: '0.35', insurer: '0.15' })))])(
    'allocateSanctionProceeds',
    (amount, shares) => {
      expectResultOrOmsCalcError(() => allocateSanctionProceeds(amount as never, shares as never));
    },
  );
});
