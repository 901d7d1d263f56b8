// Imports the packed tarball from an ES module project, by every public subpath.
import assert from 'node:assert/strict';
import * as root from 'oms-calc';
import { isOmsCalcError, reserveSize } from 'oms-calc/reserve';

const one = [{ value: '1', probability: '1' }];
const r = reserveSize({
  income: [{ value: '9000000000', probability: '0.2' }, { value: '10000000000', probability: '0.5' }, { value: '10500000000', probability: '0.3' }],
  ambulatory: { scenarios: one, unitCost: '1' },
  inpatient: { scenarios: one, unitCost: '1' },
  dayHospital: { scenarios: one, unitCost: '1' },
  payables: '0',
});
assert.equal(r.total.toString(), '522015325.45');
assert.equal(root.reserveSize, reserveSize, 'the root re-exports the same function');
assert.throws(() => reserveSize({}), (e) => isOmsCalcError(e) && e.code === 'INVALID_INPUT' && e instanceof root.OmsCalcError);
console.log('esm consumer: ok');
