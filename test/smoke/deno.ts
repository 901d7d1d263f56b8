// Deno: type-checks and runs against the packed tarball through npm: specifiers.
import { reserveSize } from 'npm:oms-calc/reserve';
import { replenishmentSchedule } from 'npm:oms-calc/replenishment';
import { isOmsCalcError, type TraceStep } from 'npm:oms-calc';
import { reserveSizeHtml } from 'npm:oms-calc/report';
import { sanctionCsv, sanctionCsvSync } from 'npm:oms-calc/sanctions';

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
// The sanctions CSV as a byte stream (Deno has byte streams: the BYOB side too) and pushed in chunks.
const cases = 'номер;тариф;условия;нарушения\nА-1;25 000,00;стационар;3.2.2|2.13\nА-2;1000;;9.9\n';
const row = '2;А-1;ok;10000,00;2100,00;3.2.2:10000,00:10000,00:2100,00|2.13:2500,00:0,00:0,00;;';
const csv = sanctionCsv({ perCapitaRates: { стационар: '7000,00' } });
const text = await new Response(new Blob([cases]).stream().pipeThrough(csv)).text();
const totals = await csv.totals;
if (text.split('\n')[1] !== row || totals.errors !== 1 || totals.nonPayment.toString() !== '10000') throw new Error(`sanctionCsv: ${text}`);
const sync = sanctionCsvSync({ perCapitaRates: { стационар: '7000,00' } });
const bytes = new TextEncoder().encode(cases);
const parts = [sync.write(bytes.subarray(0, 9)).slice(), sync.write(bytes.subarray(9)).slice(), sync.end().slice()];
if (parts.map((p) => new TextDecoder().decode(p)).join('') !== text || sync.totals().fine.toString() !== totals.fine.toString()) throw new Error('sanctionCsvSync');
console.log('deno consumer: ok');
