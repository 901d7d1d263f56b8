// Requires the packed tarball from a CommonJS project, by every public subpath.
const assert = require('node:assert/strict');
const root = require('oms-calc');
const { reserveSize, isOmsCalcError } = require('oms-calc/reserve');

const one = [{ value: '1', probability: '1' }];
const r = reserveSize({
  income: [{ value: '9000000000', probability: '0.2' }, { value: '10000000000', probability: '0.5' }, { value: '10500000000', probability: '0.3' }],
  ambulatory: { scenarios: one, unitCost: '1' },
  inpatient: { scenarios: one, unitCost: '1' },
  dayHospital: { scenarios: one, unitCost: '1' },
  payables: '0',
});
assert.equal(r.total.toString(), '522015325.45');
assert.equal(typeof root.reserveSize, 'function');
// errors thrown by one build are recognised by the other copy
assert.throws(() => reserveSize({}), (e) => isOmsCalcError(e) && root.isOmsCalcError(e) && e instanceof root.OmsCalcError);
console.log('cjs consumer: ok');
