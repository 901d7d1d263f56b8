import * as z from 'zod';
import { issueParams, parseInput, trace, type DecimalInput, type TraceStep, type X } from '../_internal';
import { annex1, places } from './assessment';
import { score4 } from './federalMonitoring';

/** One insurer's monitoring result, as {@link federalMonitoring} gives it. */
export interface SmoResult {
  /** The insurer's name (or register number); unique within the input. */
  smo: string;
  /** Its monitoring result to 4 places (`resultExact` of {@link federalMonitoring}). */
  resultExact: DecimalInput;
}

/** {@link SmoResult} after validation. */
export type ParsedSmoResult = z.output<typeof SmoResultSchema>;

/** Input of {@link smoRating}. */
export interface SmoRatingInput {
  /** The insurers to rank, in any order. */
  smos: SmoResult[];
}

/** {@link SmoRatingInput} after validation. */
export type ParsedSmoRatingInput = z.output<typeof SmoRatingInputSchema>;

/** Schema of {@link SmoResult}. */
export const SmoResultSchema = z.strictObject({
  smo: z.string().min(1, 'smo must not be empty'),
  resultExact: score4,
}) satisfies z.ZodType<unknown, SmoResult>;

/** Schema of {@link SmoRatingInput}. */
export const SmoRatingInputSchema = z.strictObject({
  smos: z.array(SmoResultSchema).superRefine((smos, ctx) => {
    const seen = new Map<string, number>();
    smos.forEach((s, i) => {
      const first = seen.get(s.smo);
      if (first === undefined) seen.set(s.smo, i);
      else ctx.addIssue({ code: 'custom', path: [i, 'smo'], message: `smo ${JSON.stringify(s.smo)} is given twice (also at index ${first})`, params: issueParams('duplicate', { value: JSON.stringify(s.smo), first: String(first) }) });
    });
  }),
}) satisfies z.ZodType<unknown, SmoRatingInput>;

/** One row of the rating. */
export interface SmoRatingRow {
  /** The insurer. */
  smo: string;
  /** Its place: 1 for the best; insurers with equal 4-place results share a place (1, 2, 2, 4). */
  rank: number;
  /** The result to 1 place, as published (пункты 22–23). */
  result: X;
  /** The result to 4 places, which breaks ties at 1 place (пункт 22). */
  resultExact: X;
}

/** Result of {@link smoRating}. */
export interface SmoRating {
  /** Best first; equal 4-place results in the order of the insurers' names. */
  rows: SmoRatingRow[];
  /** How the order was obtained. */
  trace: TraceStep[];
}

/** Compares names by UTF-16 code units: the same order in every runtime and locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The rating of insurers by their monitoring results, highest first. Results are published to
 * 1 place; insurers whose results coincide at 1 place are ordered by their 4-place values
 * (пункт 22), and insurers whose 4-place values are equal share a place, the next place being
 * skipped (1, 2, 2, 4). Within a shared place the rows are listed by name (compared by code
 * units, independent of locale), so the rating is a total order and does not depend on the
 * order of the input.
 *
 *     место = 1 + число СМО с большим результатом (4 знака)
 *
 * Source: Приказ ФФОМС № 140н, приложение 1, пункты 21–23.
 *
 * @param input - the insurers and their 4-place results
 * @returns the rows, best first, and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for an insurer given twice or with an empty name,
 *   or a result with more than 4 decimal places
 * @example
 * ```ts
 * import { smoRating } from 'oms-calc/smo-rating';
 *
 * const r = smoRating({ smos: [
 *   { smo: 'Б', resultExact: '91.2400' }, { smo: 'А', resultExact: '91.2449' },
 *   { smo: 'В', resultExact: '91.24' }, { smo: 'Г', resultExact: '88' },
 * ] });
 * r.rows.map((x) => `${x.rank} ${x.smo} ${x.result.toString()}`);
 * // ['1 А 91.2', '2 Б 91.2', '2 В 91.2', '4 Г 88']
 * ```
 */
export function smoRating(input: SmoRatingInput): SmoRating {
  const v = parseInput(SmoRatingInputSchema, input, 'smoRating');
  const t = trace();
  // highest 4-place result first; equal results by name, so that the order is total
  const sorted = v.smos
    .map((s) => ({ smo: s.smo, resultExact: places(s.resultExact, 4) }))
    .sort((a, b) => b.resultExact.comparedTo(a.resultExact) || byName(a.smo, b.smo));
  const tally = (key: (s: ParsedSmoResult) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const s of sorted) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
    return m;
  };
  const atOnePlace = tally((s) => places(s.resultExact, 1).toString());
  const atFourPlaces = tally((s) => s.resultExact.toString());
  const rows: SmoRatingRow[] = [];
  sorted.forEach((s, i) => {
    const previous = rows[i - 1];
    const rank = previous !== undefined && previous.resultExact.eq(s.resultExact) ? previous.rank : i + 1;
    const result = places(s.resultExact, 1);
    const tiedAtOne = (atOnePlace.get(result.toString()) ?? 0) > 1;
    const shared = (atFourPlaces.get(s.resultExact.toString()) ?? 0) > 1;
    t.step(
      `Место [${s.smo}]`,
      `результат ${result.toString()}${tiedAtOne ? ` (совпадает при одном знаке; сравнение до 4 знаков: ${s.resultExact.toString()})` : ''}${shared ? '; равное значение до 4 знаков — место делится' : ''}`,
      String(rank),
      tiedAtOne ? annex1('21', '22') : annex1('21'),
    );
    rows.push({ smo: s.smo, rank, result, resultExact: s.resultExact });
  });
  return { rows, trace: t.steps };
}
