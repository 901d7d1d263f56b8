/**
 * `--format html` and `--format xlsx` for the JSON commands: each command's result as the
 * printable document of oms-calc/report and as an Excel workbook (src/cli/xlsx.ts). The tables
 * of a result are stated once here and serve both: a workbook has one sheet per table and the
 * trace on a sheet of its own; a result without a document of its own prints its tables
 * (`tablesHtml`).
 *
 * {@link jsonCommand} wraps the plain JSON command of src/cli/json.ts: `json` and `table` go to
 * it unchanged; `html` and `xlsx` are handled here.
 *
 * @module
 */
import type { PlannedReserve, PlannedReserveHorizon, ReserveAtRisk, ReserveSize, ReserveSizeInput } from '../reserve';
import type { ReplenishmentSchedule, ReserveYear } from '../replenishment';
import { reserveSizeHtml, reserveYearHtml, smoRatingHtml, subventionHtml, tablesHtml, type ReportTable } from '../report';
import type { RegistryAudit } from '../registry';
import type { SanctionTable, SanctionTotals } from '../sanctions';
import { isOmsCalcError, MONTH_NAMES, type TraceStep } from '../shared';
import type { FederalMonitoring, SmoAnnualAssessment, SmoIndicators, SmoRating } from '../smo-rating';
import type { SubventionClaim, SubventionDecision } from '../subvention';
import { CliError, EXIT, type CliCommand, type CliIo } from './io';
import { jsonCommand as plainJsonCommand, readJsonInput, reportInvalid, toStandardOutput, withOutput, writeOutput, type JsonCommandSpec } from './json';
import { writeXlsx, type XlsxColumn, type XlsxSheet, type XlsxValue } from './xlsx';

/** A table of a result: the sheet's name in a workbook, and the table itself. */
export interface CliTable extends Omit<ReportTable, 'columns'> {
  /** The workbook tab (at most 31 characters). */
  sheet: string;
  /** The columns, with their widths in the workbook. */
  columns: readonly XlsxColumn[];
}

/** The table as oms-calc/report prints it (the widths are the workbook's). */
function reportTable(t: CliTable): ReportTable {
  return { title: t.title, columns: t.columns.map((c) => (c.kind === undefined ? { header: c.header } : { header: c.header, kind: c.kind })), rows: t.rows, ...(t.note === undefined ? {} : { note: t.note }) };
}

/** How a command's result becomes a document and a workbook. */
export interface CommandDocument<R> {
  /** The tables of the result, in order: the workbook's sheets. */
  tables(result: R, input: unknown): CliTable[];
  /** The trace of the result: the workbook's last sheet, `Трассировка`. */
  trace(result: R): readonly TraceStep[];
  /** The printable document; default the tables (`tablesHtml`) under `title`. */
  html?(result: R, input: unknown): string;
  /** The heading of the tables' document. */
  title(result: R): string;
}

/** The options of `--format`. */
export const FORMAT_OPTION: readonly [string, string] = [
  '--format <format>',
  'json (default); table: a readable Russian table with the trace; html: a printable document; xlsx: an Excel workbook (to --out, or to a pipe)',
];

const month = (m: number): string => MONTH_NAMES[m - 1] ?? String(m);
const rub = { kind: 'rub' } as const;
const places = (p: number): { kind: { places: number } } => ({ kind: { places: p } });

/** The trace as a workbook sheet. */
export function traceSheet(trace: readonly TraceStep[]): XlsxSheet {
  return {
    name: 'Трассировка',
    columns: [{ header: '№', kind: { places: 0 }, width: 6 }, { header: 'Обозначение', width: 18 }, { header: 'Формула', width: 70 }, { header: 'Значение', width: 24 }, { header: 'Источник', width: 60 }],
    rows: trace.map((s, i) => [i + 1, s.symbol, s.formula, s.value, s.source]),
  };
}

/** The sheets of a result: one per table, then the trace. */
export function sheetsOf(tables: readonly CliTable[], trace: readonly TraceStep[]): XlsxSheet[] {
  return [...tables.map((t): XlsxSheet => ({ name: t.sheet, columns: t.columns, rows: t.rows })), traceSheet(trace)];
}

const STATUS = { 'not-formed': 'не формируется (п. 9)', 'raised-to-floor': 'поднята до нижней границы', within: 'в коридоре', 'cut-to-cap': 'срезана до верхней границы' } as const;

const reserveSizeTables = (r: ReserveSize): CliTable[] => [
  {
    sheet: 'НСЗ',
    title: 'Размер НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ',
    columns: [{ header: 'Слагаемое' }, { header: 'Что это' }, { header: 'Сумма, ₽', ...rub }],
    rows: [
      ['ОДБ', 'отклонение доходов бюджета фонда', r.components.income],
      ['ОАП·Цап', 'амбулаторно-поликлиническая помощь', r.components.ambulatory],
      ['ОС·Цс', 'стационарная помощь', r.components.inpatient],
      ['ОСЗ·Цсз', 'стационарозамещающая помощь', r.components.dayHospital],
      ['КЗ', 'кредиторская задолженность медицинских организаций', r.components.payables],
      ['НСЗ', 'размер нормированного страхового запаса', r.total],
    ],
  },
  {
    sheet: 'Ожидания и отклонения',
    title: 'Ожидаемые значения и отклонения',
    columns: [{ header: 'Показатель' }, { header: 'Математическое ожидание', ...places(4) }, { header: 'Отклонение', ...places(4) }],
    rows: [
      ['Доходы бюджета ДБ, ₽', r.expected.income, r.components.income],
      ['Амбулаторно-поликлиническая помощь, посещений', r.expected.ambulatory, r.volumeDeviations.ambulatory],
      ['Стационарная помощь, случаев', r.expected.inpatient, r.volumeDeviations.inpatient],
      ['Стационарозамещающая помощь, случаев', r.expected.dayHospital, r.volumeDeviations.dayHospital],
    ],
  },
];

const plannedTables = (r: PlannedReserve | PlannedReserveHorizon): CliTable[] =>
  'rows' in r
    ? [
        {
          sheet: 'НСЗпл по годам',
          title: 'Плановая величина НСЗ на очередной год и плановый период',
          columns: [{ header: 'Год', ...places(0) }, { header: 'Объём финансирования ТП ОМС, ₽', ...rub }, { header: 'Доля', ...places(4) }, { header: 'Плановая величина НСЗ, ₽', ...rub }, { header: 'Решение' }],
          rows: r.rows.map((x) => [x.year, x.programFinancing, x.share, x.planned, STATUS[x.status]]),
        },
      ]
    : [
        {
          sheet: 'НСЗпл',
          title: 'Плановая величина НСЗ (проект Положения, пп. 6–9)',
          columns: [{ header: 'Показатель' }, { header: 'Сумма, ₽', ...rub }],
          rows: [
            ['Объём финансирования ТП ОМС', r.programFinancing],
            ['Нижняя граница', r.floor],
            ['Верхняя граница', r.cap],
            ['Предел по закону (поступления / 12)', r.statutoryCap],
            ['Плановая величина НСЗпл', r.planned],
          ],
          note: `Доля от объёма финансирования: ${r.share.toString()}; решение: ${STATUS[r.status]}`,
        },
        { sheet: 'Решение', title: 'Доля и решение', columns: [{ header: 'Доля', ...places(4) }, { header: 'Решение' }], rows: [[r.share, STATUS[r.status]]] },
      ];

const riskTables = (r: ReserveAtRisk): CliTable[] => [
  {
    sheet: 'VaR и TVaR',
    title: 'Резерв под риск (ненормативно)',
    columns: [{ header: 'Уровень', ...places(4) }, { header: 'VaR, ₽', ...rub }, { header: 'TVaR, ₽', ...rub }],
    rows: r.levels.map((l) => [l.level, l.valueAtRisk, l.tailValueAtRisk]),
    note: r.method === 'exact' ? 'Метод: точный перебор сочетаний сценариев' : `Метод: моделирование, ${r.simulation?.runs ?? 0} прогонов, seed ${r.simulation?.seed ?? 0}`,
  },
  {
    sheet: 'Норматив',
    title: 'Нормативный НСЗ и ожидаемый дефицит',
    columns: [{ header: 'Показатель' }, { header: 'Значение', ...places(4) }],
    rows: [
      ['Нормативный НСЗ, ₽', r.normative.total],
      ['Вероятность покрытия дефицита', r.normative.coverage],
      ['Ожидаемый дефицит, ₽', r.expectedShortfall],
    ],
  },
];

const scheduleTables = (r: ReplenishmentSchedule): CliTable[] => [
  {
    sheet: 'График',
    title: 'График пополнения НСЗ (п. 10)',
    columns: [{ header: 'i', ...places(0) }, { header: 'Месяц' }, { header: 'Перечисление, ₽', ...rub }],
    rows: [...r.installments.map((i) => [i.index, month(i.month), i.amount]), [null, 'Итого', r.total], [null, 'Остаток сверх плана', r.surplus]],
  },
];

const yearTables = (r: ReserveYear): CliTable[] => [
  {
    sheet: 'Движение НСЗ',
    title: 'Движение средств НСЗ за год',
    columns: [
      { header: 'Месяц' },
      { header: 'Начало, ₽', ...rub },
      { header: 'Доход, ₽', ...rub },
      { header: 'Сверх плана, ₽', ...rub },
      { header: 'Перечисление, ₽', ...rub },
      { header: 'Расход, ₽', ...rub },
      { header: 'Не покрыто, ₽', ...rub },
      { header: 'Конец, ₽', ...rub },
      { header: 'Начало периода' },
    ],
    rows: [
      ...r.months.map((m) => [month(m.month), m.opening, m.income, m.overflow, m.transfer, m.spending, m.shortfall, m.closing, m.periodStart ? 'да' : '']),
      ['Итого', null, r.totals.income, r.totals.overflow, r.totals.transfer, r.totals.spending, r.totals.shortfall, r.closing, ''],
    ],
  },
];

type SubventionOutput = SubventionClaim | { claim: SubventionClaim; decision: SubventionDecision };
const claimOf = (r: SubventionOutput): SubventionClaim => ('formRows' in r ? r : r.claim);
const decisionOf = (r: SubventionOutput): SubventionDecision | undefined => ('formRows' in r ? undefined : r.decision);
const DECISION = { granted: 'предоставить', 'partly-granted': 'предоставить частично', refused: 'отказать' } as const;

const subventionTables = (r: SubventionOutput): CliTable[] => {
  const d = decisionOf(r);
  const tables: CliTable[] = [
    {
      sheet: 'Форма 1',
      title: 'Обоснование величины заявленной субвенции (форма 1)',
      columns: [{ header: '№ строки', width: 10 }, { header: 'Наименование показателя', width: 90 }, { header: 'Сумма, руб.', ...rub }],
      rows: claimOf(r).formRows.map((x) => [x.line, x.name, x.amount]),
    },
    ...(d === undefined
      ? []
      : [
          {
            sheet: 'Решение',
            title: 'Решение территориального фонда',
            columns: [{ header: 'Решение' }, { header: 'Предоставлено, руб.', ...rub }],
            rows: [[DECISION[d.status], d.granted]],
          },
          { sheet: 'Основания', title: 'Основания', columns: [{ header: 'Код' }, { header: 'Основание', width: 100 }, { header: 'Источник', width: 60 }], rows: d.reasons.map((x) => [x.code, x.text, x.source]) },
        ]),
  ];
  return tables;
};

type SmoOutput = SmoIndicators | SmoAnnualAssessment | FederalMonitoring | SmoRating;

const smoTables = (r: SmoOutput): CliTable[] => {
  if ('rows' in r) {
    return [{ sheet: 'Рейтинг', title: 'Рейтинг СМО (п. 21–22)', columns: [{ header: 'Место', ...places(0) }, { header: 'СМО' }, { header: 'Результат', ...places(1) }, { header: 'Точно', ...places(4) }], rows: r.rows.map((x) => [x.rank, x.smo, x.result, x.resultExact]) }];
  }
  if ('resultExact' in r) {
    return [
      {
        sheet: 'Мониторинг',
        title: 'Результат мониторинга (п. 19–20)',
        columns: [{ header: 'Показатель' }, { header: 'Значение', ...places(4) }],
        rows: [['Среднее по регионам', r.mean], ['Результат, точно', r.resultExact], ['Результат', r.result], ['Коэффициент 1,1 применён', r.bonusApplied ? 'да' : 'нет']],
      },
    ];
  }
  const annual = 'kEffApplied' in r;
  return [
    {
      sheet: 'Показатели',
      title: annual ? 'Оценка деятельности СМО за год (с Кэфф)' : 'Показатели деятельности СМО',
      columns: [{ header: '№', ...places(0) }, { header: 'Показатель', width: 80 }, { header: 'Значение, %', ...places(4) }, ...(annual ? [{ header: 'Кэфф', ...places(1) }, { header: 'С Кэфф', ...places(4) }, { header: 'Нарушений', ...places(0) }] : [])],
      rows: r.indicators.map((i) => ('kEff' in i ? [i.number, i.name, i.value, i.kEff, i.adjusted, i.violations] : [i.number, i.name, i.value])),
    },
    { sheet: 'Оценка', title: 'Оценка', columns: [{ header: 'Оценка', ...places(1) }, { header: 'Точно', ...places(4) }], rows: [[r.score, r.scoreExact]] },
  ];
};

const SECTION_NAMES = { MEK: 'МЭК', MEE: 'МЭЭ', EKMP: 'ЭКМП' } as const;

const tableTables = (t: SanctionTable | SanctionTable[]): CliTable[] =>
  (Array.isArray(t) ? t : [t]).map((x) => ({
    sheet: x.id,
    title: `${x.title} (${x.id}, с ${x.validFrom}${x.validTo === undefined ? '' : ` по ${x.validTo}`})`,
    columns: [{ header: 'Код' }, { header: 'Раздел' }, { header: 'Кно', ...places(2) }, { header: 'Кшт', ...places(2) }, { header: 'Колонка' }, { header: 'Основание', width: 100 }],
    rows: x.entries.map((e) => [e.code, SECTION_NAMES[e.section], e.kno, e.ksht, e.verified ? 'точно' : 'выведено (D4)', e.title]),
  }));

/** The documents of the JSON commands, by command. */
export const DOCUMENTS: Record<string, CommandDocument<never>> = {
  'reserve-size': {
    tables: reserveSizeTables,
    trace: (r: ReserveSize) => r.trace,
    html: (r: ReserveSize, input: unknown) => reserveSizeHtml({ size: r, input: input as ReserveSizeInput }),
    title: () => 'Расчёт размера НСЗ',
  },
  'planned-reserve': { tables: plannedTables, trace: (r: PlannedReserve | PlannedReserveHorizon) => r.trace, title: () => 'Плановая величина нормированного страхового запаса' },
  'reserve-at-risk': { tables: riskTables, trace: (r: ReserveAtRisk) => r.trace, title: () => 'Резерв под риск: VaR и TVaR дефицита (ненормативно)' },
  replenishment: { tables: scheduleTables, trace: (r: ReplenishmentSchedule) => r.trace, title: () => 'График пополнения нормированного страхового запаса' },
  'reserve-year': {
    tables: yearTables,
    trace: (r: ReserveYear) => r.trace,
    html: (r: ReserveYear, input: unknown) => reserveYearHtml({ year: r, input: input as { planned: string } }),
    title: () => 'Движение средств НСЗ за год',
  },
  subvention: {
    tables: subventionTables,
    trace: (r: SubventionOutput) => [...claimOf(r).trace, ...(decisionOf(r)?.trace ?? [])],
    html: (r: SubventionOutput) => {
      const decision = decisionOf(r);
      return subventionHtml(decision === undefined ? { claim: claimOf(r) } : { claim: claimOf(r), decision });
    },
    title: () => 'Обоснование величины заявленной субвенции',
  },
  'smo-rating': {
    tables: smoTables,
    trace: (r: SmoOutput) => r.trace,
    html: (r: SmoOutput) =>
      'rows' in r
        ? smoRatingHtml({ rating: r })
        : 'kEffApplied' in r
          ? smoRatingHtml({ assessments: [{ smo: 'СМО', assessment: r }] })
          : tablesHtml({ title: 'Показатели деятельности СМО', tables: smoTables(r).map(reportTable), trace: r.trace }),
    title: () => 'Показатели, оценка и рейтинг СМО',
  },
  table: { tables: tableTables, trace: () => [], title: () => 'Таблица коэффициентов Кно и Кшт' },
};

/** The HTML of a result: its own document, or its tables. */
export function htmlOf<R>(doc: CommandDocument<R>, result: R, input: unknown): string {
  if (doc.html !== undefined) return doc.html(result, input);
  return tablesHtml({ title: doc.title(result), tables: doc.tables(result, input).map(reportTable), trace: doc.trace(result) });
}

/** Writes a workbook to `--out` (through a temporary file beside it) or to standard output (a pipe). */
export async function writeWorkbook(sheets: XlsxSheet[] | AsyncIterable<XlsxSheet>, out: unknown, io: CliIo): Promise<void> {
  if (toStandardOutput(out) && io.stdout.isTTY === true) throw new CliError('--format xlsx writes a binary workbook: give --out FILE.xlsx (or redirect standard output)', EXIT.invalid);
  await withOutput(out, io, async (write) => {
    await writeXlsx(write, sheets);
  });
}

/**
 * A JSON command (src/cli/json.ts) with `--format html` and `--format xlsx` as well: the plain
 * command runs `json` and `table`; the document and the workbook of the command's result
 * ({@link DOCUMENTS}) are written here.
 */
export function jsonCommand<R>(spec: JsonCommandSpec<R>, stdin?: () => Promise<string>): CliCommand {
  const plain = plainJsonCommand(spec, stdin);
  const doc = DOCUMENTS[spec.name] as CommandDocument<R> | undefined;
  if (doc === undefined) return plain;
  return {
    ...plain,
    options: plain.options.map((o) => (o[0].startsWith('--format') ? FORMAT_OPTION : o)),
    async run(options, io) {
      const format = options['format'] === undefined ? 'json' : String(options['format']);
      if (format === 'json' || format === 'table') return plain.run(options, io);
      if (format !== 'html' && format !== 'xlsx') throw new CliError(`--format must be json, table, html or xlsx, got "${format}"`, EXIT.invalid);
      const input = await readJsonInput(options['input'], io, stdin);
      let result: R;
      let html = '';
      try {
        result = spec.compute(input);
        if (format === 'html') html = htmlOf(doc, result, input);
      } catch (e) {
        if (isOmsCalcError(e)) return reportInvalid(e, io);
        throw e;
      }
      if (format === 'html') await writeOutput(html, options['out'], io);
      else await writeWorkbook(sheetsOf(doc.tables(result, input), doc.trace(result)), options['out'], io);
      return EXIT.ok;
    },
  };
}

/** The columns of the findings sheet (as the findings CSV's). */
const FINDING_SHEET_COLUMNS: readonly XlsxColumn[] = [
  { header: 'Правило', width: 22 },
  { header: 'Строка', kind: { places: 0 } },
  { header: 'N_ZAP' },
  { header: 'IDCASE' },
  { header: 'S_CODE' },
  { header: 'Пункт' },
  { header: 'Элемент' },
  { header: 'Ожидается, ₽', kind: 'rub' },
  { header: 'В реестре, ₽', kind: 'rub' },
  { header: 'Что не так', width: 100 },
];

/**
 * The workbook of a register's audit: the sums, the sanctions by class and by point, the
 * findings by rule, the findings themselves (streamed; past the row limit they continue on
 * `Нарушения (2)`, …) and the trace.
 */
export function registrySheets(audit: RegistryAudit): XlsxSheet[] {
  const t = audit.totals;
  const fines = t.fines;
  const classes = ['MEK', 'MEE', 'EKMP'] as const;
  return [
    {
      name: 'Итоги',
      columns: [{ header: 'Показатель', width: 40 }, { header: 'Сумма, ₽', kind: 'rub' }, { header: 'По таблице, ₽', kind: 'rub' }],
      rows: [
        ['Предъявлено (Σ SUMV)', t.sumv, null],
        ['Принято (Σ SUMP)', t.sump, null],
        ['Санкции (Σ SANK_IT)', t.sankIt, null],
        ...classes.map((k) => [`S_SUM ${SECTION_NAMES[k]}`, t[k], t.recomputed[k]]),
        ...(fines === undefined ? [] : classes.map((k) => [`Штрафы ${SECTION_NAMES[k]} (РП × Кшт), справочно`, fines[k], null])),
        [`Случаев (Z_SL): ${audit.cases}; санкций (SANK): ${audit.sanctions}`, null, null],
      ],
    },
    {
      name: 'По пунктам',
      columns: [{ header: 'Пункт' }, { header: 'Санкций', kind: { places: 0 } }, { header: 'S_SUM в реестре, ₽', kind: 'rub' }, { header: 'По таблице, ₽', kind: 'rub' }],
      rows: Object.entries(t.byPoint).map(([p, x]) => [p, x.sanctions, x.actual, x.recomputed]),
    },
    { name: 'По правилам', columns: [{ header: 'Правило', width: 24 }, { header: 'Нарушений', kind: { places: 0 } }], rows: Object.entries(audit.byRule).map(([r, k]) => [r, k ?? 0]) },
    {
      name: 'Нарушения',
      columns: FINDING_SHEET_COLUMNS,
      rows: (function* () {
        for (const f of audit.findings) yield [f.rule, f.line ?? null, f.nZap ?? null, f.idcase ?? null, f.sCode ?? null, f.point ?? null, f.element ?? null, f.expected ?? null, f.actual ?? null, f.message];
      })(),
    },
    traceSheet(audit.trace),
  ];
}

/**
 * The sheets of a run of `sanctions` for `--format xlsx` (to be wired into src/cli/sanctions.ts):
 * the cases as they stream, `rows` — an async iterable read one row at a time, so memory stays
 * flat; past the row limit they continue on `Случаи (2)`, … — then the totals by section and by
 * code, and the totals' trace. The totals are read after the rows: give a promise that the run
 * resolves once the last row has been written (e.g. `sanctionTotals` over the same stream).
 */
export async function* sanctionsSheets(
  caseColumns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly XlsxValue[]>,
  totals: () => Promise<SanctionTotals>,
): AsyncGenerator<XlsxSheet> {
  yield { name: 'Случаи', columns: caseColumns, rows };
  const t = await totals();
  yield {
    name: 'По разделам',
    columns: [{ header: 'Раздел' }, { header: 'Случаев', kind: { places: 0 } }, { header: 'Неоплата, ₽', kind: 'rub' }, { header: 'Штрафы, ₽', kind: 'rub' }],
    rows: [...(['MEK', 'MEE', 'EKMP'] as const).map((s) => [SECTION_NAMES[s], t.bySection[s].cases, t.bySection[s].nonPayment, t.bySection[s].fine]), ['Итого', t.cases - t.errors, t.nonPayment, t.fine]],
  };
  yield {
    name: 'По кодам',
    columns: [{ header: 'Код' }, { header: 'Случаев', kind: { places: 0 } }, { header: 'Неоплата, ₽', kind: 'rub' }, { header: 'Штрафы, ₽', kind: 'rub' }],
    rows: Object.entries(t.byCode).map(([c, x]) => [c, x.cases, x.nonPayment, x.fine]),
  };
  yield traceSheet(t.trace);
}
