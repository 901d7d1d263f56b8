/**
 * Printing helpers for the examples: headings, and the library's plain-text tables and trace. Every figure comes from the
 * library as a Decimal and is written by its one formatter, `formatRubles` (the Russian format:
 * U+202F between groups of digits, a decimal comma, U+2212 for a minus).
 */
import { formatRubles, MONTH_NAMES, type X } from 'oms-calc';

/** Tables and the trace as plain text: the library's own (oms-calc/report). */
export { textTable as table, traceText as traceList } from 'oms-calc/report';

/** Russian names of the months, January first (the library's table). */
export const MONTHS = MONTH_NAMES;

/** 1234567.5 → "1 234 567,50", with `places` decimals. */
export function rub(value: X | string, places = 2): string {
  return formatRubles(value, { places });
}

/** A share as a percentage: 0.075 → "7,50 %". */
export function percent(value: X, places = 2): string {
  return `${rub(value.times(100), places)} %`;
}

/** A section heading, underlined, with a blank line before it. */
export function heading(text: string): string {
  return `\n${text}\n${'═'.repeat(text.length)}`;
}
