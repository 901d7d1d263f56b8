import * as z from 'zod';
import {
  amount,
  D,
  issueParams,
  kopecks,
  max,
  min,
  parseInput,
  roundTo,
  SOURCES,
  STATUTORY_CAP_SOURCE,
  STATUTORY_CAP_SYMBOL,
  statutoryCapOf,
  trace,
  unitInterval,
  ZERO,
  type DecimalInput,
  type TraceStep,
  type X,
} from '../_internal';

const POINTS = `${SOURCES.draftRegulation}`;

/** Input of {@link plannedReserve}: the figures of one fiscal year. */
export interface PlannedReserveInput {
  /** The reserve required by the risk estimate (НСЗ of {@link reserveSize}), rubles. */
  required: DecimalInput;
  /**
   * Financing of the territorial programme (target articles 505 17 01 + 505 17 02), rubles. Give
   * it, or `targetArticles`, or both (then they must agree to the kopeck).
   */
  programFinancing?: DecimalInput | undefined;
  /** The two target articles of the п. 7 form, whose sum is the programme's financing. */
  targetArticles?: TargetArticlesInput | undefined;
  /** The fund's planned income for the year, rubles; its twelfth is the statutory cap (326-ФЗ, ст. 26, ч. 6). */
  plannedIncome: DecimalInput;
  /** Planned expenses to meet the norms of the base programme, rubles. */
  plannedBaseProgramCost: DecimalInput;
  /** Reserves of the insurers at the end of the period (РОМУ and ЗР), rubles; default 0. */
  smoReserves?: DecimalInput | undefined;
  /** Floor share of the programme's financing; default 0.06. */
  minShare?: DecimalInput | undefined;
  /** Cap share of the programme's financing; default 0.10. */
  maxShare?: DecimalInput | undefined;
  /**
   * Cut the plan to the statutory cap (plannedIncome / 12) when the band's figure is above it;
   * default `false`: the cap is reported and flagged, the plan is left as the band gives it (D16).
   */
  applyStatutoryCap?: boolean | undefined;
}

/** The two target articles of the budget-law form of п. 7, rubles. */
export interface TargetArticlesInput {
  /** 505 17 01: обязательное медицинское страхование неработающего населения (детей). */
  nonWorkingPopulation: DecimalInput;
  /** 505 17 02: выполнение территориальной программы ОМС в рамках базовой программы ОМС. */
  baseProgram: DecimalInput;
}

/** The two target articles of the п. 7 form, as a result gives them (Decimals, rubles). */
export interface TargetArticles {
  /** 505 17 01: обязательное медицинское страхование неработающего населения (детей). */
  nonWorkingPopulation: X;
  /** 505 17 02: выполнение территориальной программы ОМС в рамках базовой программы ОМС. */
  baseProgram: X;
}

/** {@link PlannedReserveInput} after validation. */
export type ParsedPlannedReserveInput = z.output<typeof PlannedReserveInputSchema>;

/** The fields of {@link PlannedReserveInputSchema}. */
export const plannedReserveShape = {
  required: amount,
  programFinancing: amount.optional(),
  targetArticles: z.strictObject({ nonWorkingPopulation: amount, baseProgram: amount }).optional(),
  plannedIncome: amount,
  plannedBaseProgramCost: amount,
  smoReserves: amount.optional(),
  minShare: unitInterval.optional(),
  maxShare: unitInterval.optional(),
  applyStatutoryCap: z.boolean().optional(),
};

type FinancingFields = { programFinancing?: X | undefined; targetArticles?: TargetArticles | undefined };

/**
 * The programme's financing is given as a total, as the two target articles, or as both that
 * agree to the kopeck: one issue otherwise.
 */
export function checkFinancing(v: FinancingFields, ctx: z.RefinementCtx): void {
  const a = v.targetArticles;
  if (v.programFinancing === undefined && a === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['programFinancing'],
      message: 'give programFinancing or targetArticles (505 17 01 and 505 17 02)',
      params: issueParams('one_of', { fields: ['programFinancing', 'targetArticles'] }),
    });
    return;
  }
  if (v.programFinancing !== undefined && a !== undefined) {
    const articles = a.nonWorkingPopulation.plus(a.baseProgram);
    if (!articles.eq(v.programFinancing)) {
      ctx.addIssue({
        code: 'custom',
        path: ['programFinancing'],
        params: issueParams('mismatch', { field: 'programFinancing', value: v.programFinancing.toString(), expected: `505 17 01 + 505 17 02 = ${articles.toString()}` }),
        message: `programFinancing ${v.programFinancing.toString()} does not equal 505 17 01 + 505 17 02 = ${a.nonWorkingPopulation.toString()} + ${a.baseProgram.toString()} = ${articles.toString()}`,
      });
    }
  }
}

/** The programme's financing after {@link checkFinancing}: the total given, or the articles' sum. */
export function resolveFinancing<T extends FinancingFields>(v: T): Omit<T, 'programFinancing'> & { programFinancing: X } {
  const a = v.targetArticles;
  const total = v.programFinancing ?? (a === undefined ? ZERO : a.nonWorkingPopulation.plus(a.baseProgram));
  return { ...v, programFinancing: total };
}

/** minShare ≤ maxShare, with their defaults. */
export const sharesInOrder = (v: { minShare?: X | undefined; maxShare?: X | undefined }): boolean =>
  (v.minShare ?? new D('0.06')).lte(v.maxShare ?? new D('0.1'));
/** The issue reported when the shares are out of order. */
export const sharesMessage = {
  message: 'minShare must not exceed maxShare',
  path: ['minShare'],
  params: issueParams('out_of_order', { field: 'minShare', other: 'maxShare', relation: 'above' }),
};

/** Schema of {@link PlannedReserveInput}. */
export const PlannedReserveInputSchema = z
  .strictObject(plannedReserveShape)
  .superRefine(checkFinancing)
  .refine(sharesInOrder, sharesMessage)
  .transform(resolveFinancing) satisfies z.ZodType<unknown, PlannedReserveInput>;

/** How the planned reserve relates to the 6–10 % band. */
export type PlannedReserveStatus = 'not-formed' | 'raised-to-floor' | 'within' | 'cut-to-cap';

/** Result of {@link plannedReserve}. Money in rubles, rounded to kopecks. */
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
  /** Объём финансирования территориальной программы: as given, or 505 17 01 + 505 17 02. */
  programFinancing: X;
  /** The two target articles, when they were given; `null` when only the total was. */
  targetArticles: TargetArticles | null;
  /** НСЗпред, today's legal limit: plannedIncome / 12 in kopecks (326-ФЗ, ст. 26, ч. 6). */
  statutoryCap: X;
  /** Whether the band's figure is above the statutory cap (flagged whether or not the cap was applied). */
  aboveStatutoryCap: boolean;
  /** Whether `applyStatutoryCap` cut the plan to the statutory cap. */
  statutoryCapApplied: boolean;
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
  const articles = v.targetArticles ?? null;
  const form = `${POINTS}, п. 7 (форма)`;
  if (articles !== null) {
    t.step('505 17 01', 'ОМС неработающего населения (детей)', articles.nonWorkingPopulation, form);
    t.step('505 17 02', 'территориальная программа ОМС в рамках базовой программы ОМС', articles.baseProgram, form);
  }
  const financing = t.step(
    'Объём финансирования ТП ОМС',
    articles === null ? 'задан суммой' : `505 17 01 + 505 17 02 = ${articles.nonWorkingPopulation.toString()} + ${articles.baseProgram.toString()}`,
    v.programFinancing,
    form,
  );
  const statutoryCap = t.step(STATUTORY_CAP_SYMBOL, `планируемые поступления / 12 = ${v.plannedIncome.toString()} / 12, округлено до копеек`, statutoryCapOf(v.plannedIncome), STATUTORY_CAP_SOURCE);
  const floor = t.step('НСЗпл min', `${financing.toString()} × ${minShare.toString()}`, kopecks(financing.times(minShare)), `${POINTS}, п. 7 (не менее 6 %)`);
  const cap = t.step('НСЗпл max', `${financing.toString()} × ${maxShare.toString()}`, kopecks(financing.times(maxShare)), `${POINTS}, п. 7 (не более 10 %)`);

  let planned: X;
  let status: PlannedReserveStatus;
  let aboveStatutoryCap = false;
  let statutoryCapApplied = false;
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
    aboveStatutoryCap = planned.gt(statutoryCap);
    if (aboveStatutoryCap) {
      const over = `${planned.toString()} > ${STATUTORY_CAP_SYMBOL} ${statutoryCap.toString()}`;
      if (v.applyStatutoryCap === true) {
        planned = t.step('НСЗпл', `min(НСЗпл, ${STATUTORY_CAP_SYMBOL}): ${over}, план уменьшен до предельного размера`, statutoryCap, STATUTORY_CAP_SOURCE);
        statutoryCapApplied = true;
      } else {
        t.step(`НСЗпл ≤ ${STATUTORY_CAP_SYMBOL}`, `${over}: плановая величина выше предельного размера (не применено: applyStatutoryCap не задан)`, 'превышение', STATUTORY_CAP_SOURCE);
      }
    }
  }
  const share = t.step(
    'Доля',
    `НСЗпл / объём финансирования = ${planned.toString()} / ${financing.toString()}, 4 знака`,
    financing.isZero() ? ZERO : roundTo(planned.div(financing), 4),
    `${POINTS}, п. 7 (форма: доля от объёма финансирования)`,
  );
  return {
    planned,
    floor,
    cap,
    share,
    status,
    programFinancing: financing,
    targetArticles: articles,
    statutoryCap,
    aboveStatutoryCap,
    statutoryCapApplied,
    trace: t.steps,
  };
}
