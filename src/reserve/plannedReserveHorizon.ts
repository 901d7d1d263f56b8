import * as z from 'zod';
import { issueParams, parseInput, type TraceStep, type X } from '../_internal';
import {
  checkFinancing,
  computePlannedReserve,
  plannedReserveShape,
  resolveFinancing,
  sharesInOrder,
  sharesMessage,
  type ParsedPlannedReserveInput,
  type PlannedReserveInput,
  type PlannedReserveStatus,
  type TargetArticles,
} from './plannedReserve';

/**
 * One column of the budget-law form: a year's {@link PlannedReserveInput} and, optionally, the year.
 */
export interface PlannedReserveYear extends PlannedReserveInput {
  /** The calendar year; consecutive across the columns. Default: 0, 1, 2 (очередной, +1, +2). */
  year?: number | undefined;
}

/** Schema of the input of {@link plannedReserveHorizon}. */
export const PlannedReserveHorizonInputSchema: z.ZodType<(ParsedPlannedReserveInput & { year?: number | undefined })[], PlannedReserveYear[]> = z
  .array(
    z
      .strictObject({ ...plannedReserveShape, year: z.number().int().min(0).max(9999).optional() })
      .superRefine(checkFinancing)
      .refine(sharesInOrder, sharesMessage)
      .transform(resolveFinancing),
  )
  .length(3, 'the form has three columns: the next fiscal year and the two planning years')
  .superRefine((years, ctx) => {
    const given = years.map((y) => y.year);
    if (given.every((y) => y === undefined)) return;
    if (given.some((y) => y === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give the year in every column or in none', path: [given.indexOf(undefined), 'year'], params: issueParams('all_or_none', { field: 'year' }) });
      return;
    }
    for (let i = 1; i < given.length; i++) {
      if (given[i] !== (given[i - 1] as number) + 1) {
        ctx.addIssue({
          code: 'custom',
          message: `years must be consecutive: ${String(given[i - 1])} is followed by ${String(given[i])}`,
          path: [i, 'year'],
          params: issueParams('not_consecutive', { previous: String(given[i - 1]), next: String(given[i]) }),
        });
      }
    }
  });

/** One row (column of the form) of {@link plannedReserveHorizon}. */
export interface PlannedReserveHorizonRow {
  /** The calendar year, or the offset 0, 1, 2 when no years were given. */
  year: number;
  /** Объём финансирования территориальной программы (505 17 01 + 505 17 02). */
  programFinancing: X;
  /** Доля от объёма финансирования, направляемая на формирование НСЗ (4 places). */
  share: X;
  /** Плановая величина НСЗ. */
  planned: X;
  /** Where the risk estimate fell relative to the 6–10 % band. */
  status: PlannedReserveStatus;
  /** The target articles 505 17 01 and 505 17 02 of the column, when given; `null` otherwise. */
  targetArticles: TargetArticles | null;
  /** НСЗпред: the year's planned income / 12 (326-ФЗ, ст. 26, ч. 6). */
  statutoryCap: X;
  /** Whether the band's figure is above the statutory cap. */
  aboveStatutoryCap: boolean;
  /** Whether `applyStatutoryCap` cut the year's plan to the statutory cap. */
  statutoryCapApplied: boolean;
}

/** Result of {@link plannedReserveHorizon}. */
export interface PlannedReserveHorizon {
  /** One row per year: the next fiscal year and the two planning years. */
  rows: PlannedReserveHorizonRow[];
  /** The steps of every year, each prefixed with its year. */
  trace: TraceStep[];
}

/**
 * The planned reserve for the next fiscal year and the two planning years: the three columns of
 * the budget-law form (Объём финансирования…, Доля…, Плановая величина НСЗ), each computed as
 * {@link plannedReserve}.
 *
 * Source: Степанов, Головщинский (2011), раздел 4, проект Положения, пп. 6–7 (form).
 *
 * @param years - exactly three years' inputs, in order; `year` optional but then in all three
 * @returns one row per year and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a malformed year, a count other than three, or
 *   years that are not consecutive
 * @example
 * ```ts
 * import { plannedReserveHorizon } from 'oms-calc/reserve';
 *
 * const h = plannedReserveHorizon([
 *   { year: 2027, required: '900000000', programFinancing: '12000000000', plannedIncome: '12500000000', plannedBaseProgramCost: '12000000000' },
 *   { year: 2028, required: '950000000', programFinancing: '12600000000', plannedIncome: '13100000000', plannedBaseProgramCost: '12600000000' },
 *   { year: 2029, required: '990000000', programFinancing: '13200000000', plannedIncome: '13700000000', plannedBaseProgramCost: '13200000000' },
 * ]);
 * h.rows.map((r) => r.planned.toString()); // ['900000000', '950000000', '990000000']
 * ```
 */
export function plannedReserveHorizon(years: PlannedReserveYear[]): PlannedReserveHorizon {
  const parsed = parseInput(PlannedReserveHorizonInputSchema, years, 'plannedReserveHorizon');
  const steps: TraceStep[] = [];
  const rows = parsed.map((y, index): PlannedReserveHorizonRow => {
    const year = y.year ?? index;
    const r = computePlannedReserve(y);
    const label = y.year === undefined ? (index === 0 ? 'очередной год' : `плановый период +${index}`) : String(year);
    steps.push(...r.trace.map((s) => ({ ...s, symbol: `${s.symbol} [${label}]` })));
    return {
      year,
      programFinancing: r.programFinancing,
      share: r.share,
      planned: r.planned,
      status: r.status,
      targetArticles: r.targetArticles,
      statutoryCap: r.statutoryCap,
      aboveStatutoryCap: r.aboveStatutoryCap,
      statutoryCapApplied: r.statutoryCapApplied,
    };
  });
  return { rows, trace: steps };
}
