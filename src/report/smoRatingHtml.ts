import * as z from 'zod';
import { parseInput } from '../_internal/schema';
import type { SmoAnnualAssessment, SmoRating } from '../smo-rating';
import { barChart } from './charts';
import { h2, n, page, para, rub, table, traceSection, type DocumentOptions, type Step } from './html';
import { DocumentOptionsSchema, SmoAnnualAssessmentResult, SmoRatingResult } from './schemas';

/**
 * What {@link smoRatingHtml} prints: the insurers' annual assessments and their rating (either or both).
 *
 * @example
 * ```ts
 * import { smoAnnualAssessment, smoRating } from 'oms-calc/smo-rating';
 * import type { SmoRatingDocument } from 'oms-calc/report';
 *
 * const assessment = smoAnnualAssessment({ data: { appealsResolved: 45, appeals: 50 }, violations: [] });
 * const doc: SmoRatingDocument = { assessments: [{ smo: 'А', assessment }], rating: smoRating({ smos: [{ smo: 'А', resultExact: assessment.scoreExact }] }) };
 * ```
 */
export interface SmoRatingDocument {
  /** The result of `smoAnnualAssessment` of each insurer (or its JSON), in the order to print. */
  assessments?: { smo: string; assessment: SmoAnnualAssessment }[] | undefined;
  /** The result of `smoRating` (or its JSON). */
  rating?: SmoRating | undefined;
  /** The period, as it is to be printed (e.g. `2027 год`); optional. */
  period?: string | undefined;
}

const Schema = z
  .object({
    assessments: z.array(z.object({ smo: z.string(), assessment: SmoAnnualAssessmentResult }).strict()).optional(),
    rating: SmoRatingResult.optional(),
    period: z.string().optional(),
  })
  .strict()
  .refine((d) => d.assessments !== undefined || d.rating !== undefined, { message: 'expected "assessments", "rating" or both' });

const ORDER = 'Приказ ФФОМС № 140н, приложение 1';

/**
 * The assessment of the region's insurers (СМО) for the year: for each, the ten indicators with
 * their values, Кэфф and adjusted values and the score; then the rating, as a table and a ranked
 * bar chart (one bar per insurer, best first); and the trace. One self-contained HTML document,
 * in Russian, for print.
 *
 * Source: Приказ ФФОМС № 140н, приложение 1, пункты 6–15 (indicators, Кэфф, the score) and 21–23 (the rating).
 *
 * @param doc - the assessments, the rating and the period
 * @param options - the heading, the organisation and the date to print
 * @returns the HTML document
 * @throws OmsCalcError `INVALID_INPUT` when a result is not one of the library's, or neither is given
 * @example
 * ```ts
 * import { smoRating } from 'oms-calc/smo-rating';
 * import { smoRatingHtml } from 'oms-calc/report';
 *
 * const rating = smoRating({ smos: [{ smo: 'А', resultExact: '90' }, { smo: 'Б', resultExact: '92.5' }] });
 * smoRatingHtml({ rating }).includes('class="bar"'); // true
 * ```
 */
export function smoRatingHtml(doc: SmoRatingDocument, options?: DocumentOptions): string {
  const v = parseInput(Schema, doc, 'smoRatingHtml');
  const o = parseInput(DocumentOptionsSchema, options, 'smoRatingHtml') ?? {};
  const body: string[] = [];
  const steps: Step[] = [];
  let k = 1;
  if (v.period !== undefined) body.push(para(`Период: ${v.period}.`));
  for (const { smo, assessment: a } of v.assessments ?? []) {
    body.push(
      h2(`${k++}. Оценка деятельности: ${smo}`),
      table(
        ['№', 'Показатель', n('Значение, %'), n('Кэфф'), n('С Кэфф'), n('Нарушений')],
        a.indicators.map((i) => [n(String(i.number)), i.name, n(rub(i.value, 4)), n(rub(i.kEff, 1)), n(rub(i.adjusted, 4)), n(String(i.violations))]),
        { widths: [5, 53, 12, 8, 12, 10] },
      ),
      a.assessed
        ? para(`Оценка: ${rub(a.score, 1)} (точно ${rub(a.scoreExact, 4)}). Нарушений по перечню санкций: ${a.totalViolations}${a.noViolations ? ' (нет)' : ''}; Кэфф ${a.kEffApplied ? 'применён' : 'не применяется'}.`, 'status')
        : para(`Не оценивается: ${a.notAssessedReason ?? 'страховая медицинская организация работала в регионе не весь год'}.`, 'status'),
    );
    steps.push(...a.trace.map((s) => ({ ...s, symbol: `${s.symbol} [${smo}]` })));
  }
  if (v.rating !== undefined) {
    const r = v.rating;
    body.push(
      h2(`${k}. Рейтинг страховых медицинских организаций`),
      table([n('Место'), 'СМО', n('Результат'), n('Точно')], r.rows.map((x) => [n(String(x.rank)), x.smo, n(rub(x.result, 1)), n(rub(x.resultExact, 4))]), { widths: [10, 50, 20, 20] }),
      barChart('Результат мониторинга, по местам', r.rows.map((x) => ({ label: `${x.rank}. ${x.smo}`, value: x.resultExact, text: rub(x.result, 1) }))),
    );
    steps.push(...r.trace);
  }
  body.push(traceSection(steps));
  return page('Оценка деятельности и рейтинг страховых медицинских организаций', o, body, [ORDER, ...steps.map((s) => s.source)]);
}
