import * as z from 'zod';
import type { X } from '../_internal/decimal';
import { parseInput } from '../_internal/schema';
import type { ReserveAtRisk, ReserveSize, ReserveSizeInput, PlannedReserve } from '../reserve';
import { formula, h2, h3, n, page, para, percent, rub, table, traceSection, type Cell, type DocumentOptions } from './html';
import { DocumentOptionsSchema, PlannedReserveResult, ReserveAtRiskResult, ReserveSizeInputShape, ReserveSizeResult } from './schemas';

/**
 * What {@link reserveSizeHtml} prints: the size of the reserve, and optionally its input, the plan and the risk.
 *
 * @example
 * ```ts
 * import { reserveSize } from 'oms-calc/reserve';
 * import type { ReserveSizeDocument } from 'oms-calc/report';
 *
 * const none = { scenarios: [{ value: '0', probability: '1' }], unitCost: '0' };
 * const input = { income: [{ value: '900', probability: '0.5' }, { value: '1000', probability: '0.5' }], ambulatory: none, inpatient: none, dayHospital: none, payables: '0' };
 * const doc: ReserveSizeDocument = { size: reserveSize(input), input };
 * ```
 */
export interface ReserveSizeDocument {
  /** The result of `reserveSize` (or its JSON). */
  size: ReserveSize;
  /** The input of `reserveSize`, to print the scenarios; optional. */
  input?: ReserveSizeInput | undefined;
  /** The result of `plannedReserve` for the same year; optional. */
  planned?: PlannedReserve | undefined;
  /** The result of `reserveAtRisk` for the same scenarios; optional (non-normative). */
  risk?: ReserveAtRisk | undefined;
}

const Schema = z
  .object({
    size: ReserveSizeResult,
    input: ReserveSizeInputShape.optional(),
    planned: PlannedReserveResult.optional(),
    risk: ReserveAtRiskResult.optional(),
  })
  .strict();

const STATUS = {
  'not-formed': 'не формируется: плановые расходы на базовую программу выше плановых доходов (п. 9)',
  'raised-to-floor': 'поднята до нижней границы коридора',
  within: 'в коридоре',
  'cut-to-cap': 'срезана до верхней границы коридора',
} as const;

const SOURCE = 'Степанов, Головщинский (2011), раздел 3';

/**
 * The calculation note of the normed insurance reserve («Расчёт размера НСЗ»): the formula, the
 * scenarios (when the input is given), the components and the total, the planned reserve within
 * the 6–10 % band and the reserve at risk when given, and every step of the trace with its source.
 * One self-contained HTML document (inline CSS, no script), in Russian, for print.
 *
 * Source: Степанов, Головщинский (2011), разделы 3–4 (the formula НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ).
 *
 * @param doc - the results (a result's JSON is accepted as well)
 * @param options - the heading, the organisation and the date to print
 * @returns the HTML document
 * @throws OmsCalcError `INVALID_INPUT` when a result is not one of the library's
 * @example
 * ```ts
 * import { reserveSize } from 'oms-calc/reserve';
 * import { reserveSizeHtml } from 'oms-calc/report';
 *
 * const none = { scenarios: [{ value: '0', probability: '1' }], unitCost: '0' };
 * const size = reserveSize({ income: [{ value: '900', probability: '0.5' }, { value: '1000', probability: '0.5' }], ambulatory: none, inpatient: none, dayHospital: none, payables: '0' });
 * const html = reserveSizeHtml({ size }, { organisation: 'ТФОМС', date: '01.12.2026' });
 * html.includes('Расчёт размера нормированного страхового запаса'); // true
 * ```
 */
export function reserveSizeHtml(doc: ReserveSizeDocument, options?: DocumentOptions): string {
  const v = parseInput(Schema, doc, 'reserveSizeHtml');
  const o = parseInput(DocumentOptionsSchema, options, 'reserveSizeHtml') ?? {};
  const r = v.size;
  const body: string[] = [
    h2('1. Формула'),
    formula('НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ'),
    para('ОДБ — отклонение доходов бюджета фонда от ожидаемых; ОАП, ОС, ОСЗ — отклонения объёмов амбулаторно-поликлинической, стационарной и стационарозамещающей помощи от ожидаемых; Цап, Цс, Цсз — стоимость единицы помощи; КЗ — кредиторская задолженность медицинских организаций.', 'note'),
  ];
  if (v.input !== undefined) {
    const i = v.input;
    const scenarios = (title: string, rows: readonly { value: X; probability: X }[], places: number): string =>
      [h3(title), table(['№', n('Значение'), n('Вероятность')], rows.map((s, k) => [n(String(k + 1)), n(rub(s.value, places)), n(rub(s.probability, Math.max(2, s.probability.decimalPlaces())))]))].join('\n');
    body.push(
      h2('2. Исходные данные: сценарии'),
      scenarios('Доходы бюджета ДБ_i, ₽', i.income, 2),
      scenarios(`Амбулаторно-поликлиническая помощь Пап_i, посещений (Цап = ${rub(i.ambulatory.unitCost)} ₽)`, i.ambulatory.scenarios, 0),
      scenarios(`Стационарная помощь Пс_i, случаев (Цс = ${rub(i.inpatient.unitCost)} ₽)`, i.inpatient.scenarios, 0),
      scenarios(`Стационарозамещающая помощь Псз_i, случаев (Цсз = ${rub(i.dayHospital.unitCost)} ₽)`, i.dayHospital.scenarios, 0),
    );
  }
  const k = v.input === undefined ? 2 : 3;
  body.push(
    h2(`${k}. Ожидаемые значения и отклонения`),
    table(
      ['Показатель', n('Математическое ожидание'), n('Отклонение')],
      [
        ['Доходы бюджета ДБ, ₽', n(rub(r.expected.income)), n(rub(r.components.income))],
        ['Амбулаторно-поликлиническая помощь, посещений', n(rub(r.expected.ambulatory, 0)), n(rub(r.volumeDeviations.ambulatory, 1))],
        ['Стационарная помощь, случаев', n(rub(r.expected.inpatient, 0)), n(rub(r.volumeDeviations.inpatient, 1))],
        ['Стационарозамещающая помощь, случаев', n(rub(r.expected.dayHospital, 0)), n(rub(r.volumeDeviations.dayHospital, 1))],
      ],
    ),
    h2(`${k + 1}. Слагаемые и размер НСЗ`),
    table(
      ['Слагаемое', 'Что это', n('Сумма, ₽')],
      [
        ['ОДБ', 'отклонение доходов бюджета фонда', n(rub(r.components.income))],
        ['ОАП·Цап', 'амбулаторно-поликлиническая помощь', n(rub(r.components.ambulatory))],
        ['ОС·Цс', 'стационарная помощь', n(rub(r.components.inpatient))],
        ['ОСЗ·Цсз', 'стационарозамещающая помощь', n(rub(r.components.dayHospital))],
        ['КЗ', 'кредиторская задолженность медицинских организаций', n(rub(r.components.payables))],
        ['НСЗ', 'размер нормированного страхового запаса', n(rub(r.total))],
      ],
      { total: (row) => row === 5 },
    ),
  );
  let section = k + 2;
  if (v.planned !== undefined) {
    const p = v.planned;
    body.push(
      h2(`${section++}. Плановая величина НСЗ`),
      formula('НСЗпл = min(max(НСЗ − резервы СМО, 6 % × ОФ), 10 % × ОФ)'),
      table(
        ['Показатель', n('Значение')],
        [
          ['Объём финансирования территориальной программы ОМС (ОФ), ₽', n(rub(p.programFinancing))],
          ['Нижняя граница (6 %), ₽', n(rub(p.floor))],
          ['Верхняя граница (10 %), ₽', n(rub(p.cap))],
          ['Предел по закону (плановые поступления / 12), ₽', n(rub(p.statutoryCap))],
          ['Плановая величина НСЗпл, ₽', n(rub(p.planned))],
          ['Доля от объёма финансирования', n(percent(p.share))],
        ],
        { total: (row) => row === 4 },
      ),
      para(`Решение: ${STATUS[p.status]}; ${p.aboveStatutoryCap ? 'выше' : 'не выше'} предела 326-ФЗ, ст. 26, ч. 6.`, 'status'),
    );
  }
  if (v.risk !== undefined) {
    const a = v.risk;
    const rows: Cell[][] = a.levels.map((l) => [n(percent(l.level, 1)), n(rub(l.valueAtRisk)), n(rub(l.tailValueAtRisk))]);
    body.push(
      h2(`${section++}. Резерв под риск (ненормативно, справочно)`),
      para(
        `Метод: ${a.method === 'exact' ? 'точный перебор сочетаний сценариев' : `статистическое моделирование, ${a.simulation?.runs ?? 0} прогонов, seed ${a.simulation?.seed ?? 0}`}. Ожидаемый дефицит: ${rub(a.expectedShortfall)} ₽.`,
      ),
      table([n('Уровень доверия'), n('VaR, ₽'), n('TVaR, ₽')], rows),
      para(`Нормативный НСЗ ${rub(a.normative.total)} ₽ покрывает дефицит с вероятностью ${percent(a.normative.coverage, 1)}.`),
    );
  }
  const steps = [...r.trace, ...(v.planned?.trace ?? []), ...(v.risk?.trace ?? [])];
  body.push(traceSection(steps));
  return page('Расчёт размера нормированного страхового запаса', o, body, [SOURCE, ...steps.map((s) => s.source)]);
}
