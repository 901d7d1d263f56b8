/** Inputs shared by the golden and unit tests of the reserve module. */
import type { ReserveAtRisk, ReserveAtRiskInput } from '../../src/reserve';

const one = (value: string) => [{ value, probability: '1' }];

/**
 * Two independent two-point risks. Shortfall Д = (E income − income) + (volume − E volume) × cost:
 * income 100e6 / 80e6 (0.5 each) gives ∓10e6; inpatient 1 000 / 1 200 cases (0.8 / 0.2) at 50 000
 * gives −2e6 / +8e6; the rest carry no risk. The atoms are −12e6 (0.4), −2e6 (0.1), 8e6 (0.4),
 * 18e6 (0.1).
 */
export const twoTwoPointRisks: ReserveAtRiskInput = {
  income: [
    { value: '100000000', probability: '0.5' },
    { value: '80000000', probability: '0.5' },
  ],
  ambulatory: { scenarios: one('1000'), unitCost: '100' },
  inpatient: {
    scenarios: [
      { value: '1000', probability: '0.8' },
      { value: '1200', probability: '0.2' },
    ],
    unitCost: '50000',
  },
  dayHospital: { scenarios: one('10'), unitCost: '1000' },
  payables: '0',
  levels: ['0.3', '0.5', '0.75', '0.9', '0.95'],
};

/** The figures of a result as plain JSON, without the trace: what two runs must share. */
export const figures = (r: ReserveAtRisk): unknown => JSON.parse(JSON.stringify({ ...r, trace: undefined })) as unknown;
