/**
 * The one money formatter and the one month-name table of oms-calc: every amount shown to a
 * person or written to a file as text goes through {@link formatDecimal} (rubles: {@link formatRubles}).
 *
 * @module
 */
import * as z from 'zod';
import { D, type DecimalInput, type X } from './decimal';
import { decimal, parseInput } from './schema';

/** U+202F NARROW NO-BREAK SPACE: the thousands separator of Russian typography. */
export const GROUP_SEPARATOR = '\u202f';

/** U+2212 MINUS SIGN: the minus of text that people read. */
export const MINUS_SIGN = '\u2212';

/** How {@link formatRubles} writes an amount. */
export interface FormatRublesOptions {
  /** Group the digits of the rubles by three with U+202F NARROW NO-BREAK SPACE. Default `true`. */
  grouping?: boolean;
  /** A decimal comma (Russian) instead of a point. Default `true`. */
  decimalComma?: boolean;
  /**
   * The sign of a negative amount: `'minus'` (U+2212 MINUS SIGN, the default: text for people)
   * or `'hyphen'` (ASCII `-`: text that a program reads back as a number).
   */
  sign?: 'minus' | 'hyphen';
  /**
   * Decimal places, 0 … 20. Default `2` (kopecks); other figures shown in the same format
   * (percentages, scores, counts) take their own.
   */
  places?: number;
}

/**
 * Writes a Decimal with exactly `places` decimals, rounded half up (away from zero). Never
 * `-0,00`: a value that rounds to zero has no sign. Reads the Decimal only through its public methods.
 */
export function formatDecimal(value: X, places: number, options: FormatRublesOptions = {}): string {
  const rounded = new D(value).toDecimalPlaces(places, D.ROUND_HALF_UP);
  const negative = rounded.isNegative() && !rounded.isZero();
  // the private context never writes exponents (toExpNeg/toExpPos), so toString is the plain digits
  const [int = '0', digits = ''] = rounded.abs().toString().split('.');
  const frac = places > 0 ? digits.padEnd(places, '0') : undefined;
  const grouped = options.grouping === false ? int : group(int);
  const body = frac === undefined ? grouped : `${grouped}${options.decimalComma === false ? '.' : ','}${frac}`;
  return negative ? `${options.sign === 'hyphen' ? '-' : MINUS_SIGN}${body}` : body;
}

/** "1234567" → "1 234 567" (U+202F between groups of three, counted from the right). */
function group(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += GROUP_SEPARATOR + digits.slice(i, i + 3);
  return out;
}

/**
 * A plain fixed-point string with exactly `places` decimals (rounded half up), a point and an
 * ASCII minus, without grouping: `-1234.50`. For traces and messages that programs read.
 */
export function fixed(value: X, places = 2): string {
  return formatDecimal(value, places, MACHINE);
}

const MACHINE: FormatRublesOptions = { grouping: false, decimalComma: false, sign: 'hyphen' };

const FormatRublesSchema = z
  .object({
    value: decimal(),
    options: z
      .object({
        grouping: z.boolean().optional(),
        decimalComma: z.boolean().optional(),
        sign: z.enum(['minus', 'hyphen']).optional(),
        places: z.number().int().min(0).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/**
 * An amount of rubles as text, rounded to kopecks (or to `places`) half up (ROUND_HALF_UP, as
 * everywhere in the library): by default the Russian way, `1 234 567,89` with U+202F NARROW NO-BREAK SPACE between
 * the groups, a decimal comma and U+2212 MINUS SIGN. A value that rounds to zero is `0,00`, never
 * `−0,00`. Figures never change with the options, only their separators and sign.
 *
 * The rule for CSV: number cells are written with `{ grouping: false, sign: 'hyphen' }` (no
 * separators, an ASCII hyphen), so that Excel reads them as numbers; the decimal comma stays for
 * a Russian Excel, a point (`decimalComma: false`) for programs.
 *
 * @param value - the amount, rubles
 * @param options - grouping, decimal mark, minus sign and places
 * @returns the amount with exactly two decimals (or `places`)
 * @throws OmsCalcError `INVALID_INPUT` when the value is not a decimal or an option is unknown
 * @example
 * ```ts
 * import { formatRubles } from 'oms-calc';
 *
 * formatRubles('1234567.891');                            // '1 234 567,89' (U+202F between groups)
 * formatRubles('-1500');                                  // '−1 500,00' (U+2212 MINUS SIGN)
 * formatRubles('-0.004');                                 // '0,00'
 * formatRubles('-1234.5', { grouping: false, sign: 'hyphen' }); // '-1234,50' (a CSV number cell)
 * formatRubles('1234.5', { grouping: false, decimalComma: false }); // '1234.50'
 * formatRubles('0.98765', { places: 4 });                  // '0,9877' (a score, in the same format)
 * ```
 */
export function formatRubles(value: X | DecimalInput, options?: FormatRublesOptions): string {
  const v = parseInput(FormatRublesSchema, options === undefined ? { value } : { value, options }, 'formatRubles');
  const o = (v.options ?? {}) as FormatRublesOptions;
  return formatDecimal(v.value, o.places ?? 2, o);
}

/**
 * Russian names of the months in the nominative, January first (index 0): `январь` … `декабрь`,
 * as in a table's column of months and in the traces.
 *
 * @example
 * ```ts
 * import { MONTH_NAMES } from 'oms-calc';
 *
 * MONTH_NAMES[3];     // 'апрель'
 * MONTH_NAMES.length; // 12
 * ```
 */
export const MONTH_NAMES: readonly [string, string, string, string, string, string, string, string, string, string, string, string] = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** The name of a calendar month 1 … 12 (`4` → `апрель`), or `''` outside that range. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}
