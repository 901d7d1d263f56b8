import * as z from 'zod';
import { parseInput } from '../_internal/schema';
import type { SanctionTotals } from '../sanctions';
import { barChart } from './charts';
import { count, h2, n, page, para, rub, table, traceSection, type DocumentOptions } from './html';
import { DocumentOptionsSchema, SanctionTotalsResult } from './schemas';

/**
 * What {@link sanctionTotalsHtml} prints: the totals of a run of sanctions.
 *
 * @example
 * ```ts
 * import { sanctionRows, sanctionTotals } from 'oms-calc/sanctions';
 * import type { SanctionTotalsDocument } from 'oms-calc/report';
 *
 * const doc: SanctionTotalsDocument = { totals: await sanctionTotals(sanctionRows([{ tariff: '1000', violations: ['3.2.1'] }])), period: '2027', chartCodes: 5 };
 * ```
 */
export interface SanctionTotalsDocument {
  /** The result of `sanctionTotals` (or its JSON). */
  totals: SanctionTotals;
  /** The period or the file the totals are of, as it is to be printed; optional. */
  period?: string | undefined;
  /** How many of the largest codes the chart shows; default 10. */
  chartCodes?: number | undefined;
}

const Schema = z
  .object({ totals: SanctionTotalsResult, period: z.string().optional(), chartCodes: z.number().int().min(1).max(100).optional() })
  .strict();

export const SECTION_NAMES = { MEK: 'МЭК', MEE: 'МЭЭ', EKMP: 'ЭКМП' } as const;

/**
 * The totals of the sanctions on medical organisations: the cases, the non-payment and the
 * fines by section (МЭК, МЭЭ, ЭКМП) and by violation code, with the largest codes charted (one
 * bar per code, largest first), and the trace. One self-contained HTML document, in Russian, for print.
 *
 * Source: Приказ Минздрава № 231н; тарифное соглашение, приложение о размерах неоплаты и штрафов.
 *
 * @param doc - the totals, the period and the number of codes to chart
 * @param options - the heading, the organisation and the date to print
 * @returns the HTML document
 * @throws OmsCalcError `INVALID_INPUT` when the totals are not those of `sanctionTotals`
 * @example
 * ```ts
 * import { sanctionRows, sanctionTotals } from 'oms-calc/sanctions';
 * import { sanctionTotalsHtml } from 'oms-calc/report';
 *
 * const totals = await sanctionTotals(sanctionRows([{ tariff: '1000', violations: ['3.2.1'] }]));
 * sanctionTotalsHtml({ totals, period: 'июнь 2027' }).includes('ЭКМП'); // true
 * ```
 */
export function sanctionTotalsHtml(doc: SanctionTotalsDocument, options?: DocumentOptions): string {
  const v = parseInput(Schema, doc, 'sanctionTotalsHtml');
  const o = parseInput(DocumentOptionsSchema, options, 'sanctionTotalsHtml') ?? {};
  const t = v.totals;
  const codes = Object.entries(t.byCode);
  const largest = [...codes].sort(([a, x], [b, y]) => y.nonPayment.plus(y.fine).cmp(x.nonPayment.plus(x.fine)) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, v.chartCodes ?? 10);
  const sections = (['MEK', 'MEE', 'EKMP'] as const).map((s) => [SECTION_NAMES[s], n(count(t.bySection[s].cases)), n(rub(t.bySection[s].nonPayment)), n(rub(t.bySection[s].fine)), n(rub(t.bySection[s].nonPayment.plus(t.bySection[s].fine)))]);
  sections.push(['Итого', n(count(t.cases - t.errors)), n(rub(t.nonPayment)), n(rub(t.fine)), n(rub(t.nonPayment.plus(t.fine)))]);
  const body: string[] = [
    ...(v.period === undefined ? [] : [para(`Период: ${v.period}.`)]),
    para(`Случаев: ${count(t.cases)}, из них с ошибками входных данных: ${count(t.errors)}${Object.keys(t.errorsByCode ?? {}).length === 0 ? '' : ` (${Object.entries(t.errorsByCode ?? {}).map(([c, k]) => `${c}: ${count(k)}`).join(', ')})`}.`),
    h2('1. По разделам контроля, руб.'),
    table(['Раздел', n('Случаев'), n('Неоплата'), n('Штрафы'), n('Всего')], sections, { total: (i) => i === 3 }),
    para('«Итого» случаев — случаи без ошибок; случай с нарушениями нескольких разделов считается в каждом из них.', 'note'),
    h2('2. По кодам нарушений, руб.'),
    table(['Код', n('Случаев'), n('Неоплата'), n('Штрафы'), n('Всего')], codes.map(([c, x]) => [c, n(count(x.cases)), n(rub(x.nonPayment)), n(rub(x.fine)), n(rub(x.nonPayment.plus(x.fine)))])),
    h2(`3. Крупнейшие коды (${count(largest.length)})`),
    barChart('Неоплата и штрафы по коду, руб.', largest.map(([c, x]) => ({ label: c, value: x.nonPayment.plus(x.fine), text: rub(x.nonPayment.plus(x.fine)) })), { labelWidth: 90 }),
    traceSection(t.trace),
  ];
  return page('Санкции к медицинским организациям: итоги', o, body, ['Приказ Минздрава России № 231н (порядок контроля)', ...t.trace.map((s) => s.source)]);
}
