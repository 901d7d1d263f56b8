import { fc, test } from '@fast-check/vitest';
import { formatFormRows, subventionClaim, subventionDecision } from '../../src/subvention';
import { expectResultOrOmsCalcError, mutate } from '../fuzz';
import { claimCents, claimInput, decisionCents, decisionInput } from './arbitraries';

test.prop([fc.jsonValue(), fc.jsonValue(), fc.jsonValue()])('arbitrary JSON: a result or an OmsCalcError', (a, b, c) => {
  expectResultOrOmsCalcError(() => subventionClaim(a as never));
  expectResultOrOmsCalcError(() => subventionDecision(a as never));
  expectResultOrOmsCalcError(() => formatFormRows(a as never, b as never, c as never));
  expectResultOrOmsCalcError(() => formatFormRows([], 'text', a as never));
});

test.prop([mutate(claimCents.map(claimInput)), mutate(decisionCents.map(decisionInput))])('near-valid input: a result or an OmsCalcError', (claim, decision) => {
  expectResultOrOmsCalcError(() => subventionClaim(claim as never));
  expectResultOrOmsCalcError(() => subventionDecision(decision as never));
});

const rows = fc.array(fc.record({ line: fc.constantFrom('7', '8.1'), name: fc.string(), amount: fc.constantFrom('1.5', '-2', '0') }), { maxLength: 5 });
const options = fc.record({ headers: fc.constant(['a', 'b', 'c']), nameWidth: fc.constant(20), excel: fc.boolean() }, { requiredKeys: [] });

test.prop([mutate(rows), fc.constantFrom('text', 'csv', 'xml', 1), mutate(options)])('formatFormRows on near-valid input: a string or an OmsCalcError', (r, format, o) => {
  expectResultOrOmsCalcError(() => formatFormRows(r as never, format as never, o as never));
});
