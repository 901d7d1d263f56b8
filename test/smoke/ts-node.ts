// ts-node, CommonJS: a TypeScript script in a CommonJS project, against the packed tarball.
import assert = require('node:assert/strict');
import { reserveSize, type ReserveSizeInput } from 'oms-calc/reserve';
import { isOmsCalcError } from 'oms-calc';

const one = [{ value: '1', probability: '1' }];
const input: ReserveSizeInput = {
  income: [{ value: '9000000000', probability: '0.2' }, { value: '10000000000', probability: '0.5' }, { value: '10500000000', probability: '0.3' }],
  ambulatory: { scenarios: one, unitCost: '1' },
  inpatient: { scenarios: one, unitCost: '1' },
  dayHospital: { scenarios: one, unitCost: '1' },
  payables: '0',
};
assert.equal(reserveSize(input).total.toString(), '522015325.45');
assert.throws(() => reserveSize({} as ReserveSizeInput), (e: unknown) => isOmsCalcError(e));
console.log('ts-node consumer: ok');
