/**
 * The ten indicators of Приложение 2 to Приказ ФФОМС № 140н as data: number, name in the order's
 * wording, the official symbols with the input fields that carry them, the formula (decision D6)
 * and the points of the list of sanctions that set the indicator's Кэфф (decision D7).
 *
 * @module
 */
import { SOURCES } from '../_internal';

/** The fields of an indicator's input data ({@link IndicatorData}), one per official symbol. */
export type IndicatorField =
  | 'reliableInsured'
  | 'insured'
  | 'appealsResolved'
  | 'appeals'
  | 'screeningCompleted'
  | 'screeningInformed'
  | 'dispensaryCompleted'
  | 'dispensaryInformed'
  | 'complaintsPreTrial'
  | 'complaintsInCourt'
  | 'complaints'
  | 'complaintsAgainstSmo'
  | 'advanceRequestsCompliant'
  | 'advanceRequests'
  | 'unclosedAdvances'
  | 'invoicedTotal'
  | 'qualityReviewsConfirmed'
  | 'qualityReviewsRechecked'
  | 'conclusionsUpheld'
  | 'moClaims';

/** The number of an indicator, 1…10, as in the table of Приложение 2. */
export type IndicatorNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** One official symbol of an indicator and the input field that carries it. */
export interface IndicatorSymbol {
  /** The symbol as printed in the order, e.g. `ЧЗЛдост`. */
  readonly symbol: string;
  /** The field of {@link IndicatorData} that carries it. */
  readonly field: IndicatorField;
}

/** One indicator of Приложение 2: what it is called, what it is computed from and how. */
export interface IndicatorDefinition {
  /** Number in the table of Приложение 2 (1…10). */
  readonly number: IndicatorNumber;
  /** Name in the order's wording (column «Показатель»). */
  readonly name: string;
  /** A short name for table headers. */
  readonly shortName: string;
  /** The official symbols the formula uses, with their input fields. */
  readonly symbols: readonly IndicatorSymbol[];
  /**
   * The formula in the official symbols (restored from the order's definitions, decision D6).
   * Indicator 8 has a separate first-quarter formula in {@link IndicatorDefinition.formulaQ1}.
   */
  readonly formula: string;
  /** Indicator 8 only: the formula for the first quarter. */
  readonly formulaQ1?: string;
  /** The points of the list of sanctions whose violations set this indicator's Кэфф. */
  readonly sanctionPoints: readonly string[];
  /** The order's wording of the Кэфф column for this indicator. */
  readonly sanctionWording: string;
  /** Where the indicator is defined: `Приказ ФФОМС № 140н, приложение 2, пункт N`. */
  readonly source: string;
}

const row = (n: number): string => `${SOURCES.order140n}, приложение 2, пункт ${n}`;

/**
 * The ten indicators of the assessment of an insurer (СМО), in the order of the table of
 * Приложение 2 to Приказ ФФОМС № 140н. Names and the Кэфф column are in the order's wording;
 * formulas are the restored ones of decision D6 (values in percent).
 *
 * Source: Приказ ФФОМС № 140н, приложение 2, пункты 1–10; приложение 1, пункт 2 (the data).
 */
export const SMO_INDICATORS = [
  {
    number: 1,
    name: 'Ведение персонифицированного учета сведений о застрахованных лицах',
    shortName: 'Персонифицированный учет',
    symbols: [
      { symbol: 'ЧЗЛдост', field: 'reliableInsured' },
      { symbol: 'ЧЗЛсмо', field: 'insured' },
    ],
    formula: 'ЧЗЛдост × 100 / ЧЗЛсмо',
    sanctionPoints: ['1', '2'],
    sanctionWording:
      'При выявлении территориальным фондом обязательного медицинского страхования (далее - ТФОМС)/Федеральным фондом обязательного медицинского страхования (далее - ФОМС) нарушений в соответствии с пунктами 1 и 2 перечня санкций.',
    source: row(1),
  },
  {
    number: 2,
    name: 'Эффективность сопровождения застрахованных лиц при оказании медицинской помощи в рамках базовой программы обязательного медицинского страхования (за пределами территории страхования), а также при оказании медицинской помощи медицинскими организациями, подведомственными федеральным органам исполнительной власти, оказывающими медицинскую помощь, финансовое обеспечение которой осуществляется в соответствии с пунктом 11 статьи 5 Федерального закона',
    shortName: 'Сопровождение застрахованных',
    symbols: [
      { symbol: 'КСЭрез', field: 'appealsResolved' },
      { symbol: 'КСЭ', field: 'appeals' },
    ],
    formula: 'КСЭрез × 100 / КСЭ',
    sanctionPoints: ['3', '5', '16'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с пунктами 3, 5, 16 перечня санкций.',
    source: row(2),
  },
  {
    number: 3,
    name: 'Эффективность информирования о прохождении диспансеризации взрослого населения',
    shortName: 'Информирование о диспансеризации',
    symbols: [
      { symbol: 'ППМинфдвн', field: 'screeningCompleted' },
      { symbol: 'ИИдвн', field: 'screeningInformed' },
    ],
    formula: 'ППМинфдвн × 100 / ИИдвн',
    sanctionPoints: ['3', '5', '16'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с пунктами 3, 5, 16 перечня санкций.',
    source: row(3),
  },
  {
    number: 4,
    name: 'Эффективность информирования о прохождении диспансерного наблюдения',
    shortName: 'Информирование о диспансерном наблюдении',
    symbols: [
      { symbol: 'ППМИНФДН', field: 'dispensaryCompleted' },
      { symbol: 'ИИдн', field: 'dispensaryInformed' },
    ],
    formula: 'ППМИНФДН × 100 / ИИдн',
    sanctionPoints: ['3', '5', '16'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с пунктами 3, 5, 16 перечня санкций.',
    source: row(4),
  },
  {
    number: 5,
    name: 'Защита прав застрахованных лиц в судебном и досудебном порядке',
    shortName: 'Защита прав в судебном и досудебном порядке',
    symbols: [
      { symbol: 'КОЖдосуд', field: 'complaintsPreTrial' },
      { symbol: 'КОЖсуд', field: 'complaintsInCourt' },
      { symbol: 'КОЖзл', field: 'complaints' },
    ],
    formula: '(КОЖдосуд + КОЖсуд) × 100 / КОЖзл',
    sanctionPoints: ['6', '8'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с пунктами 6, 8 перечня санкций.',
    source: row(5),
  },
  {
    number: 6,
    name: 'Эффективность защиты прав застрахованных лиц',
    shortName: 'Эффективность защиты прав',
    symbols: [
      { symbol: 'КОЖзлсмо', field: 'complaintsAgainstSmo' },
      { symbol: 'ЧЗЛсмо', field: 'insured' },
    ],
    formula: '100 − КОЖзлсмо × 100 000 / ЧЗЛсмо',
    sanctionPoints: ['6'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с пунктом 6 перечня санкций',
    source: row(6),
  },
  {
    number: 7,
    name: 'Соблюдение установленного законодательством порядком авансирования медицинских организаций в рамках реализации ТПОМС',
    shortName: 'Порядок авансирования',
    symbols: [
      { symbol: 'КЗАсобл', field: 'advanceRequestsCompliant' },
      { symbol: 'КЗАвсего', field: 'advanceRequests' },
    ],
    formula: 'КЗАсобл × 100 / КЗАвсего',
    sanctionPoints: ['4.1', '10', '12', '13'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с подпунктом 4.1 и пунктами 10, 12, 13 перечня санкций.',
    source: row(7),
  },
  {
    number: 8,
    name: 'Контроль за использованием медицинскими организациями средств ОМС (дебиторская задолженность МО)',
    shortName: 'Дебиторская задолженность МО',
    symbols: [
      { symbol: 'ДТ', field: 'unclosedAdvances' },
      { symbol: 'СЧпо', field: 'invoicedTotal' },
    ],
    formula: '(1 − (ДТ / СЧпо − 1/12)) × 100',
    formulaQ1: '(1 − (ДТ / СЧпо − 1/12 × 190 %)) × 100',
    sanctionPoints: ['4.2', '5', '11', '14', '15'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с подпунктом 4.2 и пунктами 5, 11, 14, 15 перечня санкций',
    source: row(8),
  },
  {
    number: 9,
    name: 'Эффективность экспертной деятельности СМО по результатам контроля ТФОМС за качеством проведения СМО контроля объемов, сроков, качества и условий предоставления медицинской помощи',
    shortName: 'Экспертная деятельность СМО',
    symbols: [
      { symbol: 'КЭКМПподтв', field: 'qualityReviewsConfirmed' },
      { symbol: 'КЭКМПтфомс', field: 'qualityReviewsRechecked' },
    ],
    formula: 'КЭКМПподтв × 100 / КЭКМПтфомс',
    sanctionPoints: ['9.1', '9.2', '9.3', '9.6'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с подпунктами 9.1, 9.2, 9.3, 9.6 перечня санкций',
    source: row(9),
  },
  {
    number: 10,
    name: 'Качество проводимого СМО контроля объемов, сроков, качества и условий предоставления медицинской помощи (по результатам контроля ТФОМС по претензии МО в рамках обжалования медицинской организацией заключения СМО по результатам контроля)',
    shortName: 'Качество контроля СМО (претензии МО)',
    symbols: [
      { symbol: 'КЗСМОподтв', field: 'conclusionsUpheld' },
      { symbol: 'КПМОтфомс', field: 'moClaims' },
    ],
    formula: 'КЗСМОподтв × 100 / КПМОтфомс',
    sanctionPoints: ['9.4', '9.5', '9.6'],
    sanctionWording: 'При выявлении ТФОМС/ФОМС нарушений в соответствии с подпунктами 9.4, 9.5, 9.6 перечня санкций',
    source: row(10),
  },
] as const satisfies readonly IndicatorDefinition[];
