/**
 * The JSON commands of `oms-calc`: one per function family, JSON in and JSON out, or a readable
 * Russian table with `--format table`.
 *
 * @module
 */
import { isOmsCalcError, OmsCalcError, type OmsCalcIssue } from '../shared';
import { replenishmentSchedule, reserveYear, type ReplenishmentSchedule, type ReserveYear } from '../replenishment';
import {
  plannedReserve,
  plannedReserveHorizon,
  reserveAtRisk,
  reserveSize,
  type PlannedReserve,
  type PlannedReserveHorizon,
  type ReserveAtRisk,
  type ReserveSize,
} from '../reserve';
import { builtinSanctionTable, defineSanctionTable, type SanctionTable } from '../sanctions';
import {
  federalMonitoring,
  smoAnnualAssessment,
  smoIndicators,
  smoRating,
  type FederalMonitoring,
  type SmoAnnualAssessment,
  type SmoIndicators,
  type SmoRating,
} from '../smo-rating';
import { formatFormRows, subventionClaim, subventionDecision, type SubventionClaim, type SubventionDecision } from '../subvention';
import type { CliCommand } from './io';
import { jsonCommand } from './documents';
import { heading, MONTHS, percent, rub, table, traceList } from './render';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `oms-calc reserve-size`: {@link reserveSize}. */
export const reserveSizeCommand: CliCommand = jsonCommand<ReserveSize>({
  name: 'reserve-size',
  description: 'размер НСЗ из рисков: НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ (reserveSize)',
  help: [
    'Input: the object of reserveSize — { income, ambulatory, inpatient, dayHospital, payables, deviation? }.',
    '',
    'Example:',
    '  echo \'{"income":[{"value":"9000000000","probability":"0.2"},{"value":"10000000000","probability":"0.5"},',
    '        {"value":"10500000000","probability":"0.3"}],',
    '        "ambulatory":{"scenarios":[{"value":"1000000","probability":"1"}],"unitCost":"450"},',
    '        "inpatient":{"scenarios":[{"value":"200000","probability":"1"}],"unitCost":"30000"},',
    '        "dayHospital":{"scenarios":[{"value":"50000","probability":"1"}],"unitCost":"15000"},',
    '        "payables":"0"}\' | oms-calc reserve-size --format table',
  ].join('\n'),
  compute: (input) => reserveSize(input as never),
  render: (r) =>
    [
      heading('Размер НСЗ = ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ'),
      table(
        ['Слагаемое', 'Сумма, ₽'],
        [
          ['ОДБ', rub(r.components.income)],
          ['ОАП·Цап', rub(r.components.ambulatory)],
          ['ОС·Цс', rub(r.components.inpatient)],
          ['ОСЗ·Цсз', rub(r.components.dayHospital)],
          ['КЗ', rub(r.components.payables)],
          ['НСЗ', rub(r.total)],
        ],
      ),
      '',
      traceList(r.trace),
    ].join('\n'),
});

const STATUS = {
  'not-formed': 'не формируется (п. 9)',
  'raised-to-floor': 'поднята до нижней границы',
  within: 'в коридоре',
  'cut-to-cap': 'срезана до верхней границы',
} as const;

/** `oms-calc planned-reserve`: {@link plannedReserve}, or {@link plannedReserveHorizon} for three years. */
export const plannedReserveCommand: CliCommand = jsonCommand<PlannedReserve | PlannedReserveHorizon>({
  name: 'planned-reserve',
  description: 'плановая величина НСЗ в коридоре 6–10 % (plannedReserve; массив из трёх лет — plannedReserveHorizon)',
  help: [
    'Input: the object of plannedReserve — { required, programFinancing, plannedIncome, plannedBaseProgramCost,',
    'smoReserves?, minShare?, maxShare? } — or an array of three such objects (with optional "year")',
    'for the next fiscal year and the two planning years.',
    '',
    'Example:',
    '  echo \'{"required":"900000000","programFinancing":"12000000000","plannedIncome":"12500000000",',
    '        "plannedBaseProgramCost":"12000000000"}\' | oms-calc planned-reserve',
  ].join('\n'),
  compute: (input) => (Array.isArray(input) ? plannedReserveHorizon(input as never) : plannedReserve(input as never)),
  render: (r) =>
    'rows' in r
      ? [
          heading('Плановая величина НСЗ на очередной год и плановый период'),
          table(
            ['Год', 'Объём финансирования ТП ОМС, ₽', 'Доля', 'Плановая величина НСЗ, ₽', 'Решение'],
            r.rows.map((row) => [String(row.year), rub(row.programFinancing), percent(row.share), rub(row.planned), STATUS[row.status]]),
          ),
        ].join('\n')
      : [
          heading('Плановая величина НСЗ (проект Положения, пп. 6–9)'),
          table(
            ['Показатель', 'Значение'],
            [
              ['Нижняя граница, ₽', rub(r.floor)],
              ['Верхняя граница, ₽', rub(r.cap)],
              ['НСЗпл, ₽', rub(r.planned)],
              ['Доля', percent(r.share)],
              ['Решение', STATUS[r.status]],
            ],
          ),
          '',
          traceList(r.trace),
        ].join('\n'),
});

/** `oms-calc reserve-at-risk`: {@link reserveAtRisk}. */
export const reserveAtRiskCommand: CliCommand = jsonCommand<ReserveAtRisk>({
  name: 'reserve-at-risk',
  description: 'резерв под риск: VaR и TVaR дефицита, ненормативно (reserveAtRisk)',
  help: [
    'Input: the object of reserveSize plus { levels, method?, runs?, seed? }.',
    '',
    'Example:',
    '  oms-calc reserve-at-risk --input risk.json --format table',
    '  where risk.json is a reserve-size input with "levels": ["0.9", "0.95", "0.99"]',
  ].join('\n'),
  compute: (input) => reserveAtRisk(input as never),
  render: (r) =>
    [
      heading('Резерв под риск (ненормативно)'),
      `Метод: ${r.method === 'exact' ? 'точный перебор' : `моделирование, ${r.simulation?.runs ?? 0} прогонов, seed ${r.simulation?.seed ?? 0}`}`,
      table(
        ['Уровень', 'VaR, ₽', 'TVaR, ₽'],
        r.levels.map((l) => [percent(l.level, 1), rub(l.valueAtRisk), rub(l.tailValueAtRisk)]),
      ),
      `Норматив НСЗ ${rub(r.normative.total)} ₽ покрывает дефицит с вероятностью ${percent(r.normative.coverage, 1)}`,
    ].join('\n'),
});

/** `oms-calc replenishment`: {@link replenishmentSchedule}. */
export const replenishmentCommand: CliCommand = jsonCommand<ReplenishmentSchedule>({
  name: 'replenishment',
  description: 'график пополнения НСЗ: НСЗ_i = (НСЗпл − НСЗнпф) / П (replenishmentSchedule)',
  help: [
    'Input: { planned, openingBalance, months?, startMonth? }.',
    '',
    'Example:',
    '  echo \'{"planned":"1812000000","openingBalance":"1650000000","months":12}\' | oms-calc replenishment --format table',
  ].join('\n'),
  compute: (input) => replenishmentSchedule(input as never),
  render: (r) =>
    [
      heading('График пополнения НСЗ (п. 10)'),
      table(['i', 'Месяц', 'Перечисление, ₽'], r.installments.map((i) => [String(i.index), MONTHS[i.month - 1] ?? '', rub(i.amount)])),
      `Итого: ${rub(r.total)} ₽${r.surplus.isZero() ? '' : `; остаток сверх плана ${rub(r.surplus)} ₽`}`,
    ].join('\n'),
});

/** `oms-calc reserve-year`: {@link reserveYear}. */
export const reserveYearCommand: CliCommand = jsonCommand<ReserveYear>({
  name: 'reserve-year',
  description: 'движение НСЗ за год помесячно с расходами и доходами (reserveYear)',
  help: [
    'Input: { planned, openingBalance, periodMonths?, events?: [{ month, spending?, income?, note? }] }.',
    '',
    'Example:',
    '  echo \'{"planned":"1812000000","openingBalance":"1650000000",',
    '        "events":[{"month":4,"spending":"221350000"},{"month":9,"income":"18640000"}]}\' | oms-calc reserve-year --format table',
  ].join('\n'),
  compute: (input) => reserveYear(input as never),
  render: (r) =>
    [
      heading('Движение средств НСЗ за год'),
      table(
        ['Месяц', 'Начало', 'Доход', 'Сверх плана', 'Перечисление', 'Расход', 'Не покрыто', 'Конец'],
        r.months.map((m) => [
          `${MONTHS[m.month - 1] ?? ''}${m.periodStart ? ' *' : ''}`,
          rub(m.opening),
          rub(m.income),
          rub(m.overflow),
          rub(m.transfer),
          rub(m.spending),
          rub(m.shortfall),
          rub(m.closing),
        ]),
      ),
      '* — начало периода формирования НСЗ (сноска 16)',
      `Остаток на конец года: ${rub(r.closing)} ₽`,
    ].join('\n'),
});

type SubventionOutput = SubventionClaim | { claim: SubventionClaim; decision: SubventionDecision };

/** `oms-calc subvention`: {@link subventionClaim}, and {@link subventionDecision} when a check is given. */
export const subventionCommand: CliCommand = jsonCommand<SubventionOutput>({
  name: 'subvention',
  description: 'форма 1 «Обоснование величины заявленной субвенции» и решение ТФОМС (subventionClaim, subventionDecision)',
  help: [
    'Input: the Form 1 object of subventionClaim — { openingBalance, capitationFunds, omsIncome, sanctionIncome,',
    'damagesRecovered, reserveReturns, acceptedInvoices, invoicePayments, administration, prevention,',
    'otherExpenses, outstandingInvoices? } — or { "form": <that object>, "decision": { verifiedNeed, reserveBalance,',
    'objectiveCauses, misuseFound, violationsFound, fundsFullySpent } } to decide the claim as well.',
    '',
    'Example:',
    '  oms-calc subvention --input form1.json --format table',
  ].join('\n'),
  compute: (input) => {
    if (isObject(input) && 'form' in input) {
      const { form, decision, ...rest } = input;
      if (Object.keys(rest).length > 0) {
        throw new OmsCalcError('INVALID_INPUT', 'subvention: unknown keys', Object.keys(rest).map((k): OmsCalcIssue => ({ code: 'unknown_key', path: [k], params: { keys: [k] }, message: 'unknown key: expected "form" and "decision"' })));
      }
      const claim = prefixed('form', () => subventionClaim(form as never));
      if (decision === undefined) return claim;
      if (!isObject(decision)) throw new OmsCalcError('INVALID_INPUT', 'subvention: decision must be an object', [{ code: 'invalid_type', path: ['decision'], params: { expected: 'object' }, message: 'expected an object' }]);
      return { claim, decision: prefixed('decision', () => subventionDecision({ ...decision, claim: claim.claim } as never)) };
    }
    return subventionClaim(input as never);
  },
  render: (r) => {
    const claim = 'formRows' in r ? r : r.claim;
    const parts = [heading('Обоснование величины заявленной субвенции (форма 1)'), formatFormRows(claim.formRows, 'text')];
    if (!('formRows' in r)) {
      const d = r.decision;
      const word = { granted: 'предоставить', 'partly-granted': 'предоставить частично', refused: 'отказать' }[d.status];
      parts.push('', `Решение: ${word}; предоставлено ${rub(d.granted)} ₽`, ...d.reasons.map((x) => `  • ${x.text}`));
    }
    return parts.join('\n');
  },
});

/** Runs `f`, prefixing the paths of an OmsCalcError's issues with `key`. */
function prefixed<T>(key: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (isOmsCalcError(e)) {
      throw new OmsCalcError(e.code, e.message, e.issues.map((i) => ({ ...i, path: [key, ...i.path] })), { cause: e });
    }
    throw e;
  }
}

type SmoOutput = SmoIndicators | SmoAnnualAssessment | FederalMonitoring | SmoRating;

/** `oms-calc smo-rating`: the SMO functions, chosen by the keys of the input. */
export const smoRatingCommand: CliCommand = jsonCommand<SmoOutput>({
  name: 'smo-rating',
  description: 'показатели, оценка, мониторинг и рейтинг СМО по Приказу ФФОМС № 140н',
  help: [
    'The input chooses the computation:',
    '  { quarter, data, insurer? }          → smoIndicators (quarterly indicators and score)',
    '  { data, violations, insurer? }       → smoAnnualAssessment (January–December, with Кэфф)',
    '  { regions, insurer? }                → federalMonitoring (the federal result of one insurer)',
    '  { smos }                             → smoRating (the rating)',
    '',
    'Example:',
    '  echo \'{"smos":[{"smo":"А","resultExact":"90.1"},{"smo":"Б","resultExact":"81.25"}]}\' | oms-calc smo-rating --format table',
  ].join('\n'),
  compute: (input) => {
    if (isObject(input)) {
      if ('smos' in input) return smoRating(input as never);
      if ('regions' in input) return federalMonitoring(input as never);
      if ('violations' in input) return smoAnnualAssessment(input as never);
      if ('quarter' in input) return smoIndicators(input as never);
    }
    throw new OmsCalcError('INVALID_INPUT', 'smo-rating: the input must have "quarter", "violations", "regions" or "smos"', [
      {
        code: 'one_of',
        path: [],
        params: { fields: ['quarter', 'violations', 'regions', 'smos'] },
        message: 'expected an object with "quarter" and "data", "data" and "violations", "regions", or "smos"',
      },
    ]);
  },
  render: (r) => {
    if ('rows' in r) {
      return [heading('Рейтинг СМО (п. 21–22)'), table(['Место', 'СМО', 'Результат', 'Точно'], r.rows.map((x) => [String(x.rank), x.smo, rub(x.result, 1), rub(x.resultExact, 4)]))].join('\n');
    }
    if ('resultExact' in r) {
      return [heading('Результат мониторинга (п. 19–20)'), `${rub(r.result, 1)} (точно ${rub(r.resultExact, 4)})${r.bonusApplied ? ', с коэффициентом 1,1' : ''}`].join('\n');
    }
    const annual = 'kEffApplied' in r;
    const rows = r.indicators.map((i) => {
      const base = [String(i.number), i.name.length > 60 ? `${i.name.slice(0, 59)}…` : i.name, rub(i.value, 4)];
      return 'kEff' in i ? [...base, rub(i.kEff, 1), rub(i.adjusted, 4)] : base;
    });
    return [
      heading(annual ? 'Оценка деятельности СМО за год (с Кэфф)' : 'Показатели деятельности СМО'),
      table(annual ? ['№', 'Показатель', 'Значение', 'Кэфф', 'С Кэфф'] : ['№', 'Показатель', 'Значение'], rows),
      `Оценка: ${rub(r.score, 1)} (точно ${rub(r.scoreExact, 4)})`,
    ].join('\n');
  },
});

const SECTION_NAMES = { MEK: 'МЭК', MEE: 'МЭЭ', EKMP: 'ЭКМП' } as const;

/** One table as the readable Russian table of `--format table`. */
function renderTable(t: SanctionTable): string {
  return [
    heading(`${t.title} (${t.id}, с ${t.validFrom}${t.validTo === undefined ? '' : ` по ${t.validTo}`})`),
    table(
      ['Код', 'Раздел', 'Кно', 'Кшт', 'Колонка', 'Основание'],
      t.entries.map((e) => [
        e.code,
        SECTION_NAMES[e.section],
        e.kno === null ? '—' : rub(e.kno, 1),
        e.ksht === null ? '—' : rub(e.ksht, 1),
        e.verified ? 'точно' : 'выведено (D4)',
        e.title.length > 70 ? `${e.title.slice(0, 69)}…` : e.title,
      ]),
    ),
  ].join('\n');
}

const tableSpec = {
  name: 'table',
  description: 'таблица коэффициентов Кно и Кшт (встроенная или своя, проверенная defineSanctionTable)',
  help: [
    'Without --input: the built-in table (Приложение № 25 к тарифному соглашению от 09.01.2025).',
    "With --input FILE (or - for standard input): a fund's own table, or an array of tables (as",
    'sanctions --table takes), each validated by defineSanctionTable.',
    '',
    'Example:',
    '  oms-calc table --format table',
  ].join('\n'),
  compute: (input: unknown): SanctionTable | SanctionTable[] => {
    if (!Array.isArray(input)) return defineSanctionTable(input);
    const issues: OmsCalcIssue[] = [];
    const tables = input.flatMap((t, i): SanctionTable[] => {
      try {
        return [defineSanctionTable(t)];
      } catch (e) {
        if (!isOmsCalcError(e)) throw e;
        issues.push(...e.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] })));
        return [];
      }
    });
    if (input.length === 0) issues.push({ code: 'too_small', path: [], params: { minimum: '1', origin: 'array' }, message: 'expected a table or a non-empty array of tables' });
    if (issues.length > 0) throw new OmsCalcError('INVALID_INPUT', 'table: invalid tables', issues);
    return tables;
  },
  render: (t: SanctionTable | SanctionTable[]): string => (Array.isArray(t) ? t.map(renderTable).join('\n\n') : renderTable(t)),
};
const ownTable = jsonCommand<SanctionTable | SanctionTable[]>(tableSpec);
const builtinTable = jsonCommand<SanctionTable | SanctionTable[]>({ ...tableSpec, compute: () => builtinSanctionTable }, () => Promise.resolve('null'));

/** `oms-calc table`: the built-in sanction table, or a fund's own table (or tables) validated. */
export const tableCommand: CliCommand = {
  ...ownTable,
  run: (options, io) => (options['input'] === undefined ? builtinTable : ownTable).run(options, io),
};

/** The JSON commands, in the order of the help. */
export const JSON_COMMANDS: readonly CliCommand[] = [
  reserveSizeCommand,
  plannedReserveCommand,
  reserveAtRiskCommand,
  replenishmentCommand,
  reserveYearCommand,
  subventionCommand,
  smoRatingCommand,
  tableCommand,
];
