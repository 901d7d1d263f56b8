import * as z from 'zod';
import { issueParams, parseInput, sum, trace, ZERO, type TraceStep } from '../_internal';
import { annex1 } from './assessment';
import { BOUNDED_BY, INDICATOR_FIELDS, INDICATOR_MAX_COUNT, INDICATOR_MAX_MONEY, IndicatorDataSchema, symbolOf, type IndicatorData, type ParsedIndicatorData } from './indicatorData';
import type { IndicatorField } from './indicators';

/**
 * What a field that some parts submitted and others did not becomes:
 * - `'not-submitted'` (default) — absent for the merged insurer too, so every indicator that
 *   needs it is 0: not submitted for ДТ and СЧпо (пункт 7), not computable for the others
 *   (пункты 2, 3);
 * - `'zero'` — the parts without it count as 0 (for a figure the reorganised insurer has no
 *   share in, e.g. the register count on the 1st day after the period, which the successor
 *   already holds).
 */
export type MissingInMerge = 'not-submitted' | 'zero';

/** Input of {@link mergeIndicatorData}. */
export interface MergeIndicatorDataInput {
  /** The data of the insurer and of the insurers reorganised into it in the period; at least one. */
  parts: IndicatorData[];
  /** What a field missing from some parts becomes; default `'not-submitted'`. */
  missing?: MissingInMerge | undefined;
}

/** {@link MergeIndicatorDataInput} after validation. */
export type ParsedMergeIndicatorDataInput = z.output<typeof MergeIndicatorDataInputSchema>;

/** Schema of {@link MergeIndicatorDataInput}. */
export const MergeIndicatorDataInputSchema = z
  .strictObject({
    parts: z.array(IndicatorDataSchema).min(1, 'at least one part is needed'),
    missing: z.enum(['not-submitted', 'zero']).optional(),
  })
  .superRefine((v, ctx) => {
    // The merged data must be data that smoIndicators accepts: each sum within the field's limit.
    for (const { field, symbol, kind } of INDICATOR_FIELDS) {
      const total = sum(v.parts.map((p) => p[field] ?? ZERO));
      const limit = kind === 'money' ? INDICATOR_MAX_MONEY : INDICATOR_MAX_COUNT;
      if (total.gt(limit)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parts'],
          message: `the merged ${field} (${symbol}) would be ${total.toString()}, above the limit ${limit} of the indicator data`,
          params: issueParams('too_big', { field, maximum: String(limit), received: total.toString() }),
        });
      }
    }
    if (v.missing !== 'zero') return;
    // An absent denominator counts as 0, so a part may not have a positive numerator without it.
    v.parts.forEach((part, i) => {
      for (const { parts, whole } of BOUNDED_BY) {
        if (part[whole] !== undefined) continue;
        const numerator = sum(parts.map((p) => part[p] ?? ZERO));
        if (numerator.isZero()) continue;
        ctx.addIssue({
          code: 'custom',
          path: ['parts', i, whole],
          params: issueParams('exceeds', { field: parts.join(' + '), value: numerator.toString(), other: whole, limit: '0' }),
          message: `with missing: 'zero' an absent ${whole} (${symbolOf(whole)}) counts as 0, below ${parts.map((p) => `${p} (${symbolOf(p)})`).join(' + ')} = ${numerator.toString()}`,
        });
      }
    });
  }) satisfies z.ZodType<unknown, MergeIndicatorDataInput>;

/** Result of {@link mergeIndicatorData}. */
export interface MergedIndicatorData {
  /** The summed data, ready to be passed as `data` to {@link smoIndicators} or {@link smoAnnualAssessment}. */
  data: ParsedIndicatorData;
  /** Fields that some parts submitted and others did not, in the order of пункт 2. */
  incomplete: IndicatorField[];
  /** How every field was obtained. */
  trace: TraceStep[];
}

/**
 * The data of an insurer together with the insurers reorganised into it (by merger or
 * transformation) during the reporting period, for its assessment (пункт 11): every figure is
 * the sum of the parts' figures. Summing the counts, not averaging the parts' indicators, is what
 * makes the merged indicator the ratio of the totals — as if one insurer had reported them.
 *
 *     X_объединенной = Σ X_части  for every field X of пункт 2
 *
 * Rules and edge cases: docs/guides/smo-rating.md.
 *
 * Source: Приказ ФФОМС № 140н, приложение 1, пункты 2, 3, 7, 11.
 *
 * @param input - the parts and the rule for fields missing from some of them
 * @returns the summed data, the incomplete fields and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for no parts or a malformed part (as
 *   {@link smoIndicators}); with `missing: 'zero'`, for a part with a positive numerator and no
 *   denominator
 * @example
 * ```ts
 * import { mergeIndicatorData, smoIndicators } from 'oms-calc/smo-rating';
 *
 * const m = mergeIndicatorData({ parts: [{ appealsResolved: 9, appeals: 10 }, { appealsResolved: 1, appeals: 30 }] });
 * m.data.appeals?.toString(); // '40'
 * smoIndicators({ quarter: 2, data: m.data }).indicators[1]?.value.toString(); // '25'  (10 × 100 / 40; not the mean of 90 and 3.3333)
 * ```
 */
export function mergeIndicatorData(input: MergeIndicatorDataInput): MergedIndicatorData {
  const v = parseInput(MergeIndicatorDataInputSchema, input, 'mergeIndicatorData');
  const t = trace();
  const missing = v.missing ?? 'not-submitted';
  const data: ParsedIndicatorData = {};
  const incomplete: IndicatorField[] = [];
  for (const { field, symbol } of INDICATOR_FIELDS) {
    const present = v.parts.flatMap((p, i) => {
      const x = p[field];
      return x === undefined ? [] : [{ i, x }];
    });
    if (present.length === 0) continue;
    const partial = present.length < v.parts.length;
    if (partial) incomplete.push(field);
    const absent = v.parts.map((_, i) => i).filter((i) => !present.some((p) => p.i === i));
    if (partial && missing === 'not-submitted') {
      t.step(
        symbol,
        `не представлено частями ${absent.join(', ')}: для объединенной организации сведения не представлены`,
        'не представлено',
        annex1('7', '11'),
      );
      continue;
    }
    data[field] = t.step(
      symbol,
      `Σ по частям = ${present.map((p) => p.x.toString()).join(' + ')}${partial ? ` (части ${absent.join(', ')} без сведений учтены как 0)` : ''}`,
      sum(present.map((p) => p.x)),
      annex1('11'),
    );
  }
  return { data, incomplete, trace: t.steps };
}
