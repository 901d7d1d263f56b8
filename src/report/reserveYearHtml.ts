import * as z from 'zod';
import { MONTH_NAMES } from '../_internal/format';
import { parseInput } from '../_internal/schema';
import type { ReserveYear, ReserveYearInput } from '../replenishment';
import { lineChart } from './charts';
import { h2, n, page, para, rub, table, traceSection, type DocumentOptions } from './html';
import { DocumentOptionsSchema, ReserveYearInputShape, ReserveYearResult } from './schemas';

/**
 * What {@link reserveYearHtml} prints: the year's ledger and, when its input is given, the plan and the notes of the events.
 *
 * @example
 * ```ts
 * import { reserveYear } from 'oms-calc/replenishment';
 * import type { ReserveYearDocument } from 'oms-calc/report';
 *
 * const input = { planned: '1200', openingBalance: '600', events: [{ month: 4, spending: '300', note: 'субвенция' }] };
 * const doc: ReserveYearDocument = { year: reserveYear(input), input };
 * ```
 */
export interface ReserveYearDocument {
  /** The result of `reserveYear` (or its JSON). */
  year: ReserveYear;
  /** The input of `reserveYear`: its plan НСЗпл is drawn on the chart, the notes of its events listed. Optional. */
  input?: Pick<ReserveYearInput, 'planned' | 'events'> | undefined;
}

const Schema = z.object({ year: ReserveYearResult, input: ReserveYearInputShape.optional() }).strict();

const name = (m: number): string => MONTH_NAMES[m - 1] ?? String(m);

/**
 * The year's movement of the normed insurance reserve: the monthly table (opening, income,
 * overflow, transfer, spending, shortfall, closing), the totals, and a chart of the closing
 * balance against the plan with the months of spending (Р), income (Д) and transfers (П) marked. One
 * self-contained HTML document, in Russian, for print.
 *
 * Source: проект Положения о НСЗ, пп. 10, 13, 14, 19, сноска 16.
 *
 * @param doc - the ledger and its input
 * @param options - the heading, the organisation and the date to print
 * @returns the HTML document
 * @throws OmsCalcError `INVALID_INPUT` when a result is not one of the library's
 * @example
 * ```ts
 * import { reserveYear } from 'oms-calc/replenishment';
 * import { reserveYearHtml } from 'oms-calc/report';
 *
 * const input = { planned: '1200', openingBalance: '600', events: [{ month: 4, spending: '300', note: 'субвенция' }] };
 * reserveYearHtml({ year: reserveYear(input), input }).includes('<svg'); // true
 * ```
 */
export function reserveYearHtml(doc: ReserveYearDocument, options?: DocumentOptions): string {
  const v = parseInput(Schema, doc, 'reserveYearHtml');
  const o = parseInput(DocumentOptionsSchema, options, 'reserveYearHtml') ?? {};
  const y = v.year;
  const t = y.totals;
  const rows = y.months.map((m) => [
    `${name(m.month)}${m.periodStart ? ' *' : ''}`,
    n(rub(m.opening)),
    n(rub(m.income)),
    n(rub(m.overflow)),
    n(rub(m.transfer)),
    n(rub(m.spending)),
    n(rub(m.shortfall)),
    n(rub(m.closing)),
  ]);
  rows.push(['Итого', n(''), n(rub(t.income)), n(rub(t.overflow)), n(rub(t.transfer)), n(rub(t.spending)), n(rub(t.shortfall)), n(rub(y.closing))]);
  const points = y.months.map((m) => ({
    label: name(m.month),
    value: m.closing,
    marks: [...(m.spending.isZero() ? [] : ['Р']), ...(m.income.isZero() ? [] : ['Д']), ...(m.transfer.isZero() ? [] : ['П'])],
  }));
  const planned = v.input?.planned;
  const notes = (v.input?.events ?? []).filter((e) => e.note !== undefined && e.note !== '');
  const body: string[] = [
    h2('1. Движение средств НСЗ по месяцам, руб.'),
    table(['Месяц', n('Начало'), n('Доход'), n('Сверх плана'), n('Перечисление'), n('Расход'), n('Не покрыто'), n('Конец')], rows, { total: (i) => i === y.months.length, className: 'wide' }),
    para('* — начало периода формирования НСЗ (сноска 16). «Сверх плана» — доход от размещения сверх плановой величины, направляемый на финансирование (п. 19); «Не покрыто» — расход, не покрытый остатком.', 'note'),
    ...(planned === undefined ? [] : [para(`Плановая величина НСЗпл: ${rub(planned)} руб.`)]),
    para(`Остаток на конец года: ${rub(y.closing)} руб.`, 'status'),
    ...(y.statutoryCap === null || y.statutoryCap === undefined ? [] : [para(`Предел по закону (326-ФЗ, ст. 26, ч. 6): ${rub(y.statutoryCap)} руб.`)]),
    ...(y.warnings ?? []).map((w) => para(w.text, 'note')),
    h2('2. Остаток НСЗ на конец месяца и плановая величина'),
    lineChart('Остаток НСЗ на конец месяца', points, planned === undefined ? undefined : { label: 'НСЗпл', value: planned }, [
      'Р — расход из НСЗ в месяце',
      'Д — доход от размещения',
      'П — перечисление в НСЗ',
      ...(planned === undefined ? [] : ['пунктир — плановая величина НСЗпл']),
    ]),
    ...(notes.length === 0 ? [] : [h2('3. События года'), table(['Месяц', 'Что'], notes.map((e) => [name(e.month), e.note ?? '']))]),
    traceSection(y.trace),
  ];
  return page('Движение средств нормированного страхового запаса за год', o, body, ['Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ, пп. 10, 13, 14, 19', ...y.trace.map((s) => s.source)]);
}
