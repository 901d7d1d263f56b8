import { z } from 'zod';
import {
  amount,
  D,
  kopecks,
  max,
  min,
  parseInput,
  roundTo,
  SOURCES,
  trace,
  unitInterval,
  ZERO,
  type DecimalInput,
  type TraceStep,
  type X,
} from '../_internal';

const POINTS = `${SOURCES.draftRegulation}`;

/**
 * Input of {@link plannedReserve}: the figures of one fiscal year.
 *
 * @example
 * ```ts
 * import { plannedReserve, type PlannedReserveInput } from 'oms-calc/reserve';
 *
 * const input: PlannedReserveInput = {
 *   required: '700000000',         // НСЗ of reserveSize
 *   smoReserves: '300000000',      // РОМУ and ЗР of the insurers
 *   programFinancing: '8000000000', plannedIncome: '10000000000', plannedBaseProgramCost: '9500000000',
 * };
 * const p = plannedReserve(input);
 * p.planned.toString(); // '480000000'   (700 M − 300 M = 400 M, raised to 6 % of 8 000 M)
 * p.status;             // 'raised-to-floor'
 * ```
 */
export interface PlannedReserveInput {
  /** The reserve required by the risk estimate (НСЗ of {@link reserveSize}), rubles. */
  required: DecimalInput;
  /** Financing of the territorial programme (target articles 505 17 01 + 505 17 02), rubles. */
  programFinancing: DecimalInput;
  /** The fund's planned income, rubles. */
  plannedIncome: DecimalInput;
  /** Planned expenses to meet the norms of the base programme, rubles. */
  plannedBaseProgramCost: DecimalInput;
  /** Reserves of the insurers at the end of the period (РОМУ and ЗР), rubles; default 0. */
  smoReserves?: DecimalInput | undefined;
  /** Floor share of the programme's financing; default 0.06. */
  minShare?: DecimalInput | undefined;
  /** Cap share of the programme's financing; default 0.10. */
  maxShare?: DecimalInput | undefined;
}

/**
 * {@link PlannedReserveInput} after validation.
 *
 * @example
 * ```ts
 * import { PlannedReserveInputSchema, type ParsedPlannedReserveInput } from 'oms-calc/reserve';
 *
 * const parsed: ParsedPlannedReserveInput | undefined = PlannedReserveInputSchema.safeParse({
 *   required: 700000000, programFinancing: '8000000000', plannedIncome: '10000000000', plannedBaseProgramCost: '9500000000',
 * }).data;
 * parsed?.programFinancing.toString(); // '8000000000'
 * parsed?.minShare;                    // undefined   (0.06 when absent)
 * ```
 */
export interface ParsedPlannedReserveInput {
  required: X;
  programFinancing: X;
  plannedIncome: X;
  plannedBaseProgramCost: X;
  smoReserves?: X | undefined;
  minShare?: X | undefined;
  maxShare?: X | undefined;
}

/** The fields of {@link PlannedReserveInputSchema}. */
export const plannedReserveShape = {
  required: amount,
  programFinancing: amount,
  plannedIncome: amount,
  plannedBaseProgramCost: amount,
  smoReserves: amount.optional(),
  minShare: unitInterval.optional(),
  maxShare: unitInterval.optional(),
};

/** minShare ≤ maxShare, with their defaults. */
export const sharesInOrder = (v: ParsedPlannedReserveInput): boolean =>
  (v.minShare ?? new D('0.06')).lte(v.maxShare ?? new D('0.1'));
/** The issue reported when the shares are out of order. */
export const sharesMessage = { message: 'minShare must not exceed maxShare', path: ['minShare'] };

/**
 * Schema of {@link PlannedReserveInput}.
 *
 * @example
 * ```ts
 * import { PlannedReserveInputSchema } from 'oms-calc/reserve';
 *
 * const json = '{ "required": "700000000", "programFinancing": "8000000000", "plannedIncome": "10000000000", "plannedBaseProgramCost": "9500000000" }';
 * PlannedReserveInputSchema.safeParse(JSON.parse(json)).success; // true
 * const bad = PlannedReserveInputSchema.safeParse({ ...JSON.parse(json), minShare: '0.12' });
 * bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`); // ['minShare: minShare must not exceed maxShare']
 * ```
 */
export const PlannedReserveInputSchema: z.ZodType<ParsedPlannedReserveInput, PlannedReserveInput> = z
  .strictObject(plannedReserveShape)
  .refine(sharesInOrder, sharesMessage);

/**
 * How the planned reserve relates to the 6–10 % band.
 *
 * @example
 * ```ts
 * import { plannedReserve, type PlannedReserveStatus } from 'oms-calc/reserve';
 *
 * const year = { programFinancing: '8000000000', plannedIncome: '10000000000', plannedBaseProgramCost: '9500000000' };
 * const statuses: PlannedReserveStatus[] = ['100000000', '600000000', '900000000'].map((required) => plannedReserve({ ...year, required }).status);
 * statuses; // ['raised-to-floor', 'within', 'cut-to-cap']   (band 480 M … 800 M)
 * plannedReserve({ ...year, required: '600000000', plannedBaseProgramCost: '10500000000' }).status; // 'not-formed'
 * ```
 */
export type PlannedReserveStatus = 'not-formed' | 'raised-to-floor' | 'within' | 'cut-to-cap';

/**
 * Result of {@link plannedReserve}. Money in rubles, rounded to kopecks.
 *
 * @example
 * ```ts
 * import { plannedReserve, type PlannedReserve } from 'oms-calc/reserve';
 *
 * const p: PlannedReserve = plannedReserve({ required: '900000000', programFinancing: '8000000000', plannedIncome: '10000000000', plannedBaseProgramCost: '9500000000' });
 * p.floor.toString();   // '480000000'   (6 % of 8 000 M)
 * p.cap.toString();     // '800000000'   (10 %)
 * p.planned.toString(); // '800000000'
 * p.share.toString();   // '0.1'
 * p.status;             // 'cut-to-cap'
 * ```
 */
export interface PlannedReserve {
  /** НСЗпл, the planned reserve for the budget law. */
  planned: X;
  /** programFinancing × minShare. */
  floor: X;
  /** programFinancing × maxShare. */
  cap: X;
  /** planned / programFinancing, 4 places (the «Доля…» line of the form); 0 when financing is 0. */
  share: X;
  /** Where the risk estimate fell relative to the band. */
  status: PlannedReserveStatus;
  /** How every figure was obtained. */
  trace: TraceStep[];
}

/**
 * The planned reserve НСЗпл for the budget law: the risk estimate less the insurers' reserves,
 * kept within 6–10 % of the territorial programme's financing, and not formed at all when the
 * planned expenses for the base programme exceed the planned income.
 *
 *     x = max(0, required − smoReserves);  planned = min(max(x, floor), cap)
 *
 * Source: Степанов, Головщинский (2011), раздел 4, проект Положения, пп. 6–9.
 *
 * @param input - the year's figures
 * @returns the planned reserve, the band, the share and the status
 * @throws {@link OmsCalcError} `INVALID_INPUT` for negative amounts, shares outside [0, 1], or
 *   minShare above maxShare
 * @example
 * ```ts
 * import { plannedReserve } from 'oms-calc/reserve';
 *
 * const p = plannedReserve({
 *   required: '900000000', programFinancing: '12000000000',
 *   plannedIncome: '12500000000', plannedBaseProgramCost: '12000000000',
 * });
 * p.planned.toString(); // '900000000'  (7.5 %, within the 6–10 % band)
 * p.status;             // 'within'
 * ```
 */
export function plannedReserve(input: PlannedReserveInput): PlannedReserve {
  return computePlannedReserve(parseInput(PlannedReserveInputSchema, input, 'plannedReserve'));
}

/** The computation of {@link plannedReserve} on a validated input. */
export function computePlannedReserve(v: ParsedPlannedReserveInput): PlannedReserve {
  const t = trace();
  const minShare = v.minShare ?? new D('0.06');
  const maxShare = v.maxShare ?? new D('0.1');
  const floor = t.step('НСЗпл min', `${v.programFinancing.toString()} × ${minShare.toString()}`, kopecks(v.programFinancing.times(minShare)), `${POINTS}, п. 7 (не менее 6 %)`);
  const cap = t.step('НСЗпл max', `${v.programFinancing.toString()} × ${maxShare.toString()}`, kopecks(v.programFinancing.times(maxShare)), `${POINTS}, п. 7 (не более 10 %)`);

  let planned: X;
  let status: PlannedReserveStatus;
  if (v.plannedBaseProgramCost.gt(v.plannedIncome)) {
    t.step('НСЗпл', `расходы на базовую программу ${v.plannedBaseProgramCost.toString()} > доходы ${v.plannedIncome.toString()}: НСЗ не формируется`, ZERO, `${POINTS}, п. 9`);
    planned = ZERO;
    status = 'not-formed';
  } else {
    const smo = v.smoReserves ?? ZERO;
    const x = t.step('НСЗ − резервы СМО', `max(0, ${v.required.toString()} − ${smo.toString()})`, kopecks(max(ZERO, v.required.minus(smo))), `${POINTS}, п. 8`);
    planned = min(max(x, floor), cap);
    status = x.lt(floor) ? 'raised-to-floor' : x.gt(cap) ? 'cut-to-cap' : 'within';
    t.step('НСЗпл', `min(max(${x.toString()}, ${floor.toString()}), ${cap.toString()})  [${status}]`, planned, `${POINTS}, пп. 7–8`);
  }
  const share = t.step(
    'Доля',
    `НСЗпл / объём финансирования = ${planned.toString()} / ${v.programFinancing.toString()}, 4 знака`,
    v.programFinancing.isZero() ? ZERO : roundTo(planned.div(v.programFinancing), 4),
    `${POINTS}, п. 7 (форма: доля от объёма финансирования)`,
  );
  return { planned, floor, cap, share, status, trace: t.steps };
}
