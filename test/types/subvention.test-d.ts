import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  formatFormRows,
  subventionClaim,
  SubventionClaimInputSchema,
  subventionDecision,
  SubventionDecisionInputSchema,
  type FormRow,
  type SubventionClaimInput,
  type SubventionDecisionInput,
  type SubventionDecisionStatus,
  type SubventionLine,
  type SubventionReasonCode,
  type TraceStep,
} from '../../src/subvention';

describe('subvention types', () => {
  it('subventionClaim takes the documented input and returns Decimals keyed by line', () => {
    expectTypeOf(subventionClaim).parameter(0).toEqualTypeOf<SubventionClaimInput>();
    const c = subventionClaim({} as SubventionClaimInput);
    expectTypeOf(c.claim).toEqualTypeOf<Decimal>();
    expectTypeOf(c.lines['8.1']).toEqualTypeOf<Decimal>();
    expectTypeOf(c.lines).toEqualTypeOf<Record<SubventionLine, Decimal>>();
    expectTypeOf(c.formRows[0]).toEqualTypeOf<{ line: SubventionLine; name: string; amount: Decimal } | undefined>();
    expectTypeOf(c.trace).toEqualTypeOf<TraceStep[]>();
    // @ts-expect-error — there is no line 9 in Form 1
    c.lines['9'];
  });

  it('line 11 is optional, everything else is required', () => {
    expectTypeOf<SubventionClaimInput['outstandingInvoices']>().toEqualTypeOf<SubventionClaimInput['openingBalance'] | undefined>();
    expectTypeOf<Omit<SubventionClaimInput, 'outstandingInvoices'>>().toExtend<SubventionClaimInput>();
    expectTypeOf<Omit<SubventionClaimInput, 'invoicePayments'>>().not.toExtend<SubventionClaimInput>();
    // @ts-expect-error — a boolean is not an amount
    subventionClaim({} as Omit<SubventionClaimInput, 'omsIncome'> & { omsIncome: boolean });
  });

  it('the schemas take the input types and output Decimals', () => {
    expectTypeOf<z.input<typeof SubventionClaimInputSchema>>().toEqualTypeOf<SubventionClaimInput>();
    expectTypeOf<z.output<typeof SubventionClaimInputSchema>['invoicePayments']>().toEqualTypeOf<Decimal>();
    expectTypeOf<z.input<typeof SubventionDecisionInputSchema>>().toEqualTypeOf<SubventionDecisionInput>();
    expectTypeOf<z.output<typeof SubventionDecisionInputSchema>['fundsFullySpent']>().toEqualTypeOf<boolean>();
  });

  it('the decision: a closed status union and typed reason codes', () => {
    const d = subventionDecision({} as SubventionDecisionInput);
    expectTypeOf(d.granted).toEqualTypeOf<Decimal>();
    expectTypeOf(d.status).toEqualTypeOf<SubventionDecisionStatus>();
    expectTypeOf<SubventionDecisionStatus>().toEqualTypeOf<'granted' | 'partly-granted' | 'refused'>();
    expectTypeOf(d.reasons[0]!.code).toEqualTypeOf<SubventionReasonCode>();
    expectTypeOf(d.reasons[0]!.text).toEqualTypeOf<string>();
    expectTypeOf(d.reasons[0]!.amounts.reduction).toEqualTypeOf<Decimal | undefined>();
    // the claim of Form 1 is a valid decision input
    expectTypeOf(subventionClaim({} as SubventionClaimInput).claim).toExtend<SubventionDecisionInput['claim']>();
  });

  it('formatFormRows takes the claim’s rows (or any rows) and returns a string', () => {
    expectTypeOf(subventionClaim({} as SubventionClaimInput).formRows).toExtend<readonly FormRow[]>();
    expectTypeOf(formatFormRows).returns.toEqualTypeOf<string>();
    expectTypeOf(formatFormRows).parameter(1).toEqualTypeOf<'text' | 'csv'>();
    expectTypeOf<{ line: string; name: string; amount: string }[]>().toExtend<Parameters<typeof formatFormRows>[0]>();
  });
});
