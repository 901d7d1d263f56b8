// Deno: type-checks and runs against the packed tarball through npm: specifiers.
import { reserveSize } from 'npm:oms-calc/reserve';
import { replenishmentSchedule } from 'npm:oms-calc/replenishment';
import { isOmsCalcError, type TraceStep } from 'npm:oms-calc';
import { reserveSizeHtml } from 'npm:oms-calc/report';

const one = [{ value: '1', probability: '1' }];
const r = reserveSize({
  income: [{ value: '9000000000', probability: '0.2' }, { value: '10000000000', probability: '0.5' }, { value: '10500000000', probability: '0.3' }],
  ambulatory: { scenarios: one, unitCost: '1' },
  inpatient: { scenarios: one, unitCost: '1' },
  dayHospital: { scenarios: one, unitCost: '1' },
  payables: '0',
});
const step: TraceStep | undefined = r.trace[1];
if (r.total.toString() !== '522015325.45' || step?.symbol !== 'ОДБ') throw new Error(`unexpected ${r.total.toString()}`);
const s = replenishmentSchedule({ planned: '100000000', openingBalance: '0', months: 3, startMonth: 10 });
if (s.total.toString() !== '100000000') throw new Error('schedule');
try {
  reserveSize({} as never);
  throw new Error('no error');
} catch (e) {
  if (!isOmsCalcError(e) || e.code !== 'INVALID_INPUT') throw e;
}
if (!reserveSizeHtml({ size: r }).includes('522\u202f015\u202f325,45')) throw new Error('report');
console.log('deno consumer: ok');
