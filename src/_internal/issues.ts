/**
 * Issues as data: the codes, their parameters, and the one table of their Russian and English
 * messages.
 *
 * @module
 */

/** Every issue code ({@link IssueCode}), for a caller that checks or translates them all. */
export const ISSUE_CODES = [
  'required',
  'invalid_type',
  'not_a_decimal',
  'unsafe_number',
  'too_long',
  'too_small',
  'too_big',
  'not_an_integer',
  'too_many_decimals',
  'unknown_key',
  'invalid_value',
  'not_a_date',
  'not_a_code',
  'duplicate',
  'probabilities_sum',
  'shares_sum',
  'one_of',
  'exclusive',
  'out_of_order',
  'mismatch',
  'exceeds',
  'overlap',
  'period_too_long',
  'not_consecutive',
  'all_or_none',
  'unknown_code',
  'not_applicable',
  'no_table',
  'date_needed',
  'missing_rate',
  'reserved_name',
  'too_many_combinations',
  'not_a_register',
  'malformed_xml',
  'not_f014',
  'no_header',
  'missing_column',
  'duplicate_column',
  'not_in_encoding',
  'field_count',
  'unclosed_quote',
  'line_too_long',
  'custom',
] as const;

/**
 * What is wrong with one value, as a stable code. A code never changes meaning; new codes may be
 * added. The parameters each code carries are listed with it ({@link IssueParams}).
 *
 * | code | what | params |
 * |---|---|---|
 * | `required` | a required field is absent | `expected` |
 * | `invalid_type` | a value of the wrong type | `expected`, `received` |
 * | `not_a_decimal` | not a plain decimal (string, finite number, Decimal-like) | `received` |
 * | `unsafe_number` | a JavaScript number above 2⁵³, that may have lost digits | `received` |
 * | `too_long` | a decimal string or Decimal longer than the library reads | `maximum`, `received` |
 * | `too_small` | below the minimum (a number), or too few items or characters | `minimum`, `inclusive`, `origin`, `received` |
 * | `too_big` | above the maximum | `maximum`, `inclusive`, `origin`, `received` |
 * | `not_an_integer` | a fraction where a whole number is needed | `received` |
 * | `too_many_decimals` | more decimal places than allowed (2 for kopecks) | `places`, `received` |
 * | `unknown_key` | a field the input does not have | `keys` |
 * | `invalid_value` | none of the accepted values | `values`, `received` |
 * | `not_a_date` | not an ISO date `YYYY-MM-DD` | `received` |
 * | `not_a_code` | not a violation code `d.d` or `d.d.d` | `received` |
 * | `duplicate` | a value given twice where it must be unique | `value`, `first` |
 * | `probabilities_sum` | the probabilities of a scenario set do not add up to 1 | `sum` |
 * | `shares_sum` | the shares of an allocation do not add up to 1 | `sum` |
 * | `one_of` | none of the fields of which one is needed | `fields` |
 * | `exclusive` | two fields of which only one may be given | `fields` |
 * | `out_of_order` | a date before the one it follows, a lower bound above its upper one | `field`, `other`, `relation` |
 * | `mismatch` | a value that does not equal what the other fields make it | `field`, `value`, `expected` |
 * | `exceeds` | a part larger than its whole, or a merged figure above its limit | `field`, `value`, `other`, `limit` |
 * | `overlap` | two periods that overlap or begin on the same day | `value`, `first`, `second` |
 * | `period_too_long` | a formation period that would end after December | `months`, `start`, `end`, `fit` |
 * | `not_consecutive` | years that do not follow one another | `previous`, `next` |
 * | `all_or_none` | a field given in some rows but not all | `field` |
 * | `unknown_code` | a violation code (or F014 Kod) not in the table in force | `code`, `table` |
 * | `not_applicable` | a recomputed tariff for a code without Кно | `code`, `table` |
 * | `no_table` | no sanction table in force on the date | `date` |
 * | `date_needed` | several sanction tables and no date to choose one | `count` |
 * | `missing_rate` | a fine (Кшт) with no per-capita rate (РП) | `code` |
 * | `reserved_name` | a name JavaScript objects reserve (`__proto__`, …) | `value` |
 * | `too_many_combinations` | more scenario combinations than exact enumeration takes | `limit`, `received` |
 * | `not_a_register` | not XML, not a register of invoices, or an encoding the runtime lacks | `encoding` |
 * | `malformed_xml` | broken XML, or a DOCTYPE declaring entities | `line`, `detail` |
 * | `not_f014` | an XML file without the rows of the classifier F014 | — |
 * | `no_header` | a CSV file without its header line | — |
 * | `missing_column` | a CSV header without a needed column | `fields`, `values` |
 * | `duplicate_column` | a CSV header with two columns for one field | `field`, `values` |
 * | `not_in_encoding` | a CSV header that is not text in the encoding it was read in | `encoding`, `detail` |
 * | `field_count` | a CSV line with more or fewer fields than its header | `count`, `expected` |
 * | `unclosed_quote` | a double quote that opens a CSV field and is never closed | `line`, `limit` |
 * | `line_too_long` | a CSV line longer than the reader holds | `line`, `limit` |
 * | `custom` | a problem without a code of its own (the message says what) | — |
 */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** The parameters of an issue; which of them a code sets is listed with {@link IssueCode}. */
export interface IssueParams {
  /** What was expected: a type (`string`, `number`, `integer`, `boolean`, `array`, `object`, `decimal`, …). */
  expected?: string;
  /** The bad value, shown briefly (strings quoted, long ones cut). */
  received?: string;
  /** The lower bound, as a decimal string. */
  minimum?: string;
  /** The upper bound, as a decimal string. */
  maximum?: string;
  /** Whether the bound itself is allowed (default `true`). */
  inclusive?: boolean;
  /** What the bound counts: a number's value (default), an array's items, a string's characters. */
  origin?: 'number' | 'array' | 'string';
  /** The most decimal places allowed. */
  places?: number;
  /** The unknown keys. */
  keys?: string[];
  /** The accepted values. */
  values?: string[];
  /** The fields concerned. */
  fields?: string[];
  /** The field the issue is about. */
  field?: string;
  /** The field it is compared with. */
  other?: string;
  /** How `field` stands to `other`: a date `before` it, a value `above` it. */
  relation?: 'before' | 'above';
  /** The value concerned. */
  value?: string;
  /** The value the other fields make it, or where a value first appears. */
  first?: string;
  /** The other period of an overlap. */
  second?: string;
  /** The sum found. */
  sum?: string;
  /** A limit. */
  limit?: string;
  /** A violation code or F014 Kod. */
  code?: string;
  /** The id of a sanction table. */
  table?: string;
  /** An ISO date. */
  date?: string;
  /** How many. */
  count?: number;
  /** A number of months, the first month, the month it would end in, the months that fit. */
  months?: number;
  /** The first month of a period. */
  start?: number;
  /** The month a period would end in. */
  end?: number;
  /** How many months fit in the year. */
  fit?: number;
  /** A year and the year that follows it. */
  previous?: string;
  /** The year that follows {@link IssueParams.previous}. */
  next?: string;
  /** A text encoding. */
  encoding?: string;
  /** A line of an XML file. */
  line?: number;
  /** What the XML parser said, or the wording of the problem. */
  detail?: string;
}

/** The languages of the messages. */
export type IssueLocale = 'ru' | 'en';

/** A message built from the parameters of an issue. */
export type Template = (p: IssueParams) => string;

const RU_TYPES: Readonly<Record<string, string>> = {
  string: 'строка',
  number: 'число',
  int: 'целое число',
  integer: 'целое число',
  boolean: 'true или false',
  array: 'массив',
  object: 'объект',
  decimal: 'десятичное число — строка вида "1234.56", конечное число или Decimal',
  date: 'дата ГГГГ-ММ-ДД',
  iterable: 'итерируемый объект или асинхронный итератор',
  text: 'текст (строка)',
};
const ruType = (t: string | undefined): string => (t === undefined ? 'значение другого вида' : (RU_TYPES[t] ?? t));
const RU_VALUES: Readonly<Record<string, string>> = { 'an array': 'массив', 'an object': 'объект', undefined: 'ничего', null: 'null' };
const ruGot = (p: IssueParams): string => (p.received === undefined ? '' : `, получено ${RU_VALUES[p.received] ?? p.received}`);
const enGot = (p: IssueParams): string => (p.received === undefined ? '' : `, got ${p.received}`);
const list = (items: readonly string[] | undefined, sep: string): string => (items ?? []).map((s) => JSON.stringify(s)).join(sep);
const fieldsRu = (p: IssueParams, sep: string): string => (p.fields ?? []).join(sep);

/**
 * The English message of every code, from its parameters: the `message` of an issue the library
 * makes, unless its function words it more precisely.
 */
export const ISSUE_MESSAGES_EN: Readonly<Record<IssueCode, Template>> = {
  required: (p) => `required${p.expected === undefined ? '' : `: expected ${p.expected}`}`,
  invalid_type: (p) => `expected ${p.expected ?? 'another type'}${enGot(p)}`,
  not_a_decimal: (p) => `expected a plain decimal string such as "1234.56"${enGot(p)}`,
  unsafe_number: (p) => `a number above 2^53 (${p.received ?? ''}) may have lost digits; give it as a decimal string`,
  too_long: (p) => `expected at most ${p.maximum ?? ''} characters${enGot(p)}`,
  too_small: (p) =>
    p.origin === 'array'
      ? `needs at least ${p.minimum ?? '1'} item(s)`
      : p.origin === 'string'
        ? `must not be empty`
        : `must be ${p.inclusive === false ? 'greater than' : 'at least'} ${p.minimum ?? ''}${enGot(p)}`,
  too_big: (p) => `must be ${p.inclusive === false ? 'less than' : 'at most'} ${p.maximum ?? ''}${enGot(p)}`,
  not_an_integer: (p) => `must be a whole number${enGot(p)}`,
  too_many_decimals: (p) => `must have at most ${p.places ?? 0} decimal places${enGot(p)}`,
  unknown_key: (p) => `unknown key${(p.keys?.length ?? 0) > 1 ? 's' : ''}: ${list(p.keys, ', ')}`,
  invalid_value: (p) => `expected one of ${list(p.values, ', ')}${enGot(p)}`,
  not_a_date: (p) => `expected an ISO date such as "2025-03-01"${enGot(p)}`,
  not_a_code: (p) => `expected a violation code of the form d.d or d.d.d such as "3.2.1"${enGot(p)}`,
  duplicate: (p) => `${p.value ?? 'the value'} is given twice${p.first === undefined ? '' : ` (also at ${p.first})`}`,
  probabilities_sum: (p) => `probabilities sum to ${p.sum ?? ''}, not 1`,
  shares_sum: (p) => `the shares add up to ${p.sum ?? ''}, not 1`,
  one_of: (p) => `give ${(p.fields ?? []).join(' or ')}`,
  exclusive: (p) => `give ${(p.fields ?? []).join(' or ')}, not both`,
  out_of_order: (p) => (p.relation === 'before' ? `${p.field ?? ''} is before ${p.other ?? ''}` : `${p.field ?? ''} must not exceed ${p.other ?? ''}`),
  mismatch: (p) => `${p.field ?? ''} ${p.value ?? ''} does not equal ${p.expected ?? ''}`,
  exceeds: (p) => `${p.field ?? ''} = ${p.value ?? ''} exceeds ${p.other ?? ''} = ${p.limit ?? ''}`,
  overlap: (p) => `${p.value ?? ''}: the periods ${p.first ?? ''} and ${p.second ?? ''} overlap`,
  period_too_long: (p) => `a formation period of ${p.months ?? ''} months starting in month ${p.start ?? ''} would end in month ${p.end ?? ''}, past December; at most ${p.fit ?? ''} months fit in the fiscal year`,
  not_consecutive: (p) => `years must be consecutive: ${p.previous ?? ''} is followed by ${p.next ?? ''}`,
  all_or_none: (p) => `give the ${p.field ?? ''} in every column or in none`,
  unknown_code: (p) => `code ${JSON.stringify(p.code ?? '')} is not in ${p.table ?? 'the table'}`,
  not_applicable: (p) => `code ${JSON.stringify(p.code ?? '')} has no Кно in table ${p.table ?? ''}, so a recomputed tariff does not apply to it`,
  no_table: (p) => `no sanction table is in force on ${p.date ?? 'the date'}`,
  date_needed: (p) => `a date is needed to choose among ${p.count ?? ''} sanction tables`,
  missing_rate: (p) => `code ${JSON.stringify(p.code ?? '')} has a fine (Кшт) and needs a per-capita rate (РП)`,
  reserved_name: (p) => `a recipient may not be named ${p.value ?? ''} (a reserved name of JavaScript objects)`,
  too_many_combinations: (p) => `exact enumeration takes at most ${p.limit ?? ''} combinations of scenarios, got ${p.received ?? ''}; use 'monte-carlo' or 'auto'`,
  not_a_register: (p) => (p.encoding === undefined ? 'not a register of invoices (ZL_LIST) in XML' : `unknown encoding ${JSON.stringify(p.encoding)}`),
  malformed_xml: (p) => `line ${p.line ?? '?'}: ${p.detail ?? 'broken XML'}`,
  not_f014: () => 'no packet/zap rows: not the F014 classifier file',
  no_header: () => 'the file is empty: a header line is needed',
  missing_column: (p) => `the header has no column ${(p.fields ?? []).join(' and ')}; it has: ${(p.values ?? []).join(', ')}`,
  duplicate_column: (p) => `the header has more than one column for ${p.field ?? ''}: ${(p.values ?? []).join(', ')}`,
  not_in_encoding: (p) => `${p.detail ?? 'the header does not match'} — the header is not valid ${p.encoding ?? 'text'}: is the file in windows-1251? (option encoding; --encoding windows-1251)`,
  field_count: (p) => `the line has ${p.count ?? '?'} fields, the header has ${p.expected ?? '?'}`,
  unclosed_quote: (p) => (p.limit === undefined ? 'a double quote opens a field here and is never closed' : `a double quote opens a field here and is not closed within ${p.limit}`),
  line_too_long: (p) => `the line is longer than ${p.limit ?? 'the limit'}`,
  custom: (p) => p.detail ?? 'invalid value',
};

/**
 * The Russian message of every code, from its parameters (what {@link issueMessage} gives). A
 * table apart from the English one, so that a bundle that never shows Russian messages leaves it
 * out.
 */
export const ISSUE_MESSAGES_RU: Readonly<Record<IssueCode, Template>> = {
  required: (p) => `обязательное поле не задано${p.expected === undefined ? '' : ` (ожидалось: ${ruType(p.expected)})`}`,
  invalid_type: (p) => `ожидалось: ${ruType(p.expected)}${ruGot(p)}`,
  not_a_decimal: (p) => `ожидалось десятичное число с точкой, например "1234.56", без пробелов и экспоненты${ruGot(p)}`,
  unsafe_number: (p) => `число больше 2^53 (${p.received ?? ''}) могло потерять цифры; передайте его строкой`,
  too_long: (p) => `ожидалось не более ${p.maximum ?? ''} знаков${ruGot(p)}`,
  too_small: (p) =>
    p.origin === 'array'
      ? `нужно не меньше ${p.minimum ?? '1'} элемента(ов)`
      : p.origin === 'string'
        ? 'не должно быть пустым'
        : `должно быть ${p.inclusive === false ? 'больше' : 'не меньше'} ${p.minimum ?? ''}${ruGot(p)}`,
  too_big: (p) => (p.origin === 'array' ? `не больше ${p.maximum ?? ''} элемента(ов)` : `должно быть ${p.inclusive === false ? 'меньше' : 'не больше'} ${p.maximum ?? ''}${ruGot(p)}`),
  not_an_integer: (p) => `должно быть целым числом${ruGot(p)}`,
  too_many_decimals: (p) => `допускается не более ${p.places ?? 0} знаков после точки${ruGot(p)}`,
  unknown_key: (p) => `неизвестн${(p.keys?.length ?? 0) > 1 ? 'ые поля' : 'ое поле'}: ${list(p.keys, ', ')}`,
  invalid_value: (p) => `ожидалось одно из значений: ${list(p.values, ', ')}${ruGot(p)}`,
  not_a_date: (p) => `ожидалась дата ГГГГ-ММ-ДД, например "2025-03-01"${ruGot(p)}`,
  not_a_code: (p) => `ожидался код нарушения вида d.d или d.d.d, например "3.2.1"${ruGot(p)}`,
  duplicate: (p) => `${p.value ?? 'значение'} указано дважды${p.first === undefined ? '' : ` (также в позиции ${p.first})`}`,
  probabilities_sum: (p) => `сумма вероятностей равна ${p.sum ?? ''}, а должна быть равна 1`,
  shares_sum: (p) => `сумма долей равна ${p.sum ?? ''}, а должна быть равна 1`,
  one_of: (p) => `задайте ${fieldsRu(p, ' или ')}`,
  exclusive: (p) => `задайте ${fieldsRu(p, ' или ')}, но не оба сразу`,
  out_of_order: (p) => (p.relation === 'before' ? `${p.field ?? ''} раньше, чем ${p.other ?? ''}` : `${p.field ?? ''} не должно превышать ${p.other ?? ''}`),
  mismatch: (p) => `${p.field ?? ''} = ${p.value ?? ''} не равно ${p.expected ?? ''}`,
  exceeds: (p) => `${p.field ?? ''} = ${p.value ?? ''} больше, чем ${p.other ?? ''} = ${p.limit ?? ''}`,
  overlap: (p) => `${p.value ?? ''}: периоды ${p.first ?? ''} и ${p.second ?? ''} пересекаются`,
  period_too_long: (p) => `период формирования из ${p.months ?? ''} мес. с месяца ${p.start ?? ''} закончился бы в месяце ${p.end ?? ''}, после декабря; в финансовый год помещается не более ${p.fit ?? ''} мес.`,
  not_consecutive: (p) => `годы должны идти подряд: за ${p.previous ?? ''} следует ${p.next ?? ''}`,
  all_or_none: (p) => `укажите ${p.field ?? ''} во всех столбцах или ни в одном`,
  unknown_code: (p) => `кода ${JSON.stringify(p.code ?? '')} нет в ${p.table === undefined ? 'таблице' : `таблице ${p.table}`}`,
  not_applicable: (p) => `у кода ${JSON.stringify(p.code ?? '')} нет Кно в таблице ${p.table ?? ''}, пересчитанный тариф к нему не применяется`,
  no_table: (p) => `на ${p.date ?? 'эту дату'} не действует ни одна таблица санкций`,
  date_needed: (p) => `нужна дата, чтобы выбрать одну из ${p.count ?? ''} таблиц санкций`,
  missing_rate: (p) => `у кода ${JSON.stringify(p.code ?? '')} есть штраф (Кшт): нужен подушевой норматив (РП), он не задан`,
  reserved_name: (p) => `получатель не может называться ${p.value ?? ''} (зарезервированное имя объектов JavaScript)`,
  too_many_combinations: (p) => `точный перебор допускает не более ${p.limit ?? ''} сочетаний сценариев, получено ${p.received ?? ''}; выберите 'monte-carlo' или 'auto'`,
  not_a_register: (p) => (p.encoding === undefined ? 'это не реестр счетов (ZL_LIST) в формате XML' : `неизвестная кодировка ${JSON.stringify(p.encoding)}`),
  malformed_xml: (p) => `строка ${p.line ?? '?'}: испорченный XML${p.detail === undefined ? '' : ` (${p.detail})`}`,
  not_f014: () => 'нет строк packet/zap: это не файл классификатора F014',
  no_header: () => 'файл пуст: нужна строка заголовка',
  missing_column: (p) => `в заголовке нет столбца ${(p.fields ?? []).join(' и ')}; в нём есть: ${(p.values ?? []).join(', ')}`,
  duplicate_column: (p) => `в заголовке больше одного столбца для ${p.field ?? ''}: ${(p.values ?? []).join(', ')}`,
  not_in_encoding: (p) => `заголовок не читается в кодировке ${p.encoding ?? ''}: файл в windows-1251? (параметр encoding; --encoding windows-1251)`,
  field_count: (p) => `в строке полей: ${p.count ?? '?'}, в заголовке: ${p.expected ?? '?'}`,
  unclosed_quote: (p) => (p.limit === undefined ? 'кавычка открывает здесь поле и не закрывается' : `кавычка открывает здесь поле и не закрывается в пределах ${p.limit}`),
  line_too_long: (p) => `строка длиннее ${p.limit ?? 'допустимого'}`,
  custom: (p) => `недопустимое значение${p.detail === undefined ? '' : `: ${p.detail}`}`,
};

/** Tells whether a value is one of the {@link IssueCode}s. */
export function isIssueCode(value: unknown): value is IssueCode {
  return typeof value === 'string' && (ISSUE_CODES as readonly string[]).includes(value);
}
