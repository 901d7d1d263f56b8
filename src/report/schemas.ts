/**
 * What the documents read from the results: zod schemas of the results' fields (Decimals, or the
 * strings of the results' JSON), so that a renderer takes a result as a function returned it or
 * as it was saved with `JSON.stringify` (the JSON of the command line).
 *
 * @module
 */
import * as z from 'zod';
import { decimal } from '../_internal/schema';

const x = decimal();
const step = z.object({ symbol: z.string(), formula: z.string(), value: z.string(), source: z.string() });
const trace = z.array(step);
const month = z.number().int().min(1).max(12);

export const ReserveSizeResult = z.object({
  total: x,
  components: z.object({ income: x, ambulatory: x, inpatient: x, dayHospital: x, payables: x }),
  volumeDeviations: z.object({ ambulatory: x, inpatient: x, dayHospital: x }),
  expected: z.object({ income: x, ambulatory: x, inpatient: x, dayHospital: x }),
  trace,
});

const scenario = z.object({ value: x, probability: x });
const care = z.object({ scenarios: z.array(scenario), unitCost: x });
export const ReserveSizeInputShape = z.object({
  income: z.array(scenario),
  ambulatory: care,
  inpatient: care,
  dayHospital: care,
});

export const PlannedReserveResult = z.object({
  planned: x,
  floor: x,
  cap: x,
  share: x,
  status: z.enum(['not-formed', 'raised-to-floor', 'within', 'cut-to-cap']),
  programFinancing: x,
  statutoryCap: x,
  aboveStatutoryCap: z.boolean(),
  statutoryCapApplied: z.boolean().optional(),
  trace,
});

export const ReserveAtRiskResult = z.object({
  method: z.enum(['exact', 'monte-carlo']),
  levels: z.array(z.object({ level: x, valueAtRisk: x, tailValueAtRisk: x })),
  expectedShortfall: x,
  normative: z.object({ total: x, coverage: x }),
  simulation: z.object({ runs: z.number().int(), seed: z.number().int() }).nullable(),
  trace,
});

export const SubventionClaimResult = z.object({
  formRows: z.array(z.object({ line: z.string(), name: z.string(), amount: x })).min(1),
  claim: x,
  trace,
});

export const SubventionDecisionResult = z.object({
  granted: x,
  status: z.enum(['granted', 'partly-granted', 'refused']),
  reasons: z.array(z.object({ code: z.string(), text: z.string(), source: z.string() })),
  trace,
});

export const ReserveYearResult = z.object({
  months: z
    .array(
      z.object({
        month,
        opening: x,
        income: x,
        overflow: x,
        transfer: x,
        spending: x,
        shortfall: x,
        closing: x,
        periodStart: z.boolean(),
      }),
    )
    .min(1)
    .max(12),
  closing: x,
  totals: z.object({ income: x, overflow: x, transfer: x, spending: x, shortfall: x }),
  statutoryCap: x.nullable().optional(),
  warnings: z.array(z.object({ month, text: z.string() })).optional(),
  trace,
});

export const ReserveYearInputShape = z.object({
  planned: x,
  events: z.array(z.object({ month, note: z.string().optional() })).optional(),
});

const indicator = z.object({
  number: z.number().int().min(1).max(10),
  name: z.string(),
  value: x,
  kEff: x,
  adjusted: x,
  violations: z.number().int(),
});
export const SmoAnnualAssessmentResult = z.object({
  indicators: z.array(indicator).length(10),
  scoreExact: x,
  score: x,
  assessed: z.boolean(),
  notAssessedReason: z.string().optional(),
  noViolations: z.boolean(),
  totalViolations: z.number().int(),
  kEffApplied: z.boolean(),
  trace,
});

export const SmoRatingResult = z.object({
  rows: z.array(z.object({ smo: z.string(), rank: z.number().int(), result: x, resultExact: x })),
  trace,
});

const money = z.object({ cases: z.number().int(), nonPayment: x, fine: x });
export const SanctionTotalsResult = z.object({
  cases: z.number().int(),
  errors: z.number().int(),
  errorsByCode: z.record(z.string(), z.number().int()).optional(),
  nonPayment: x,
  fine: x,
  byCode: z.record(z.string(), money),
  bySection: z.object({ MEK: money, MEE: money, EKMP: money }),
  trace,
});

const classes = z.object({ MEK: x, MEE: x, EKMP: x });
export const RegistryAuditResult = z.object({
  cases: z.number().int(),
  sanctions: z.number().int(),
  findings: z
    .array(
      z.object({
        rule: z.string(),
        nZap: z.string().optional(),
        idcase: z.string().optional(),
        sCode: z.string().optional(),
        point: z.string().optional(),
        element: z.string().optional(),
        expected: x.optional(),
        actual: x.optional(),
        line: z.number().int().optional(),
        message: z.string(),
      }),
    )
    .optional(),
  byRule: z.record(z.string(), z.number().int()),
  truncated: z.boolean().optional(),
  combine: z.enum(['max', 'sum-capped']),
  coefficients: z.enum(['table', 'f014']),
  totals: z.object({
    MEK: x,
    MEE: x,
    EKMP: x,
    recomputed: classes,
    byPoint: z.record(z.string(), z.object({ sanctions: z.number().int(), actual: x, recomputed: x })),
    sumv: x,
    sump: x,
    sankIt: x,
    fines: classes.optional(),
  }),
  trace: trace.optional(),
});

export const DocumentOptionsSchema = z
  .object({ title: z.string().optional(), organisation: z.string().optional(), date: z.string().optional() })
  .strict()
  .optional();
