/**
 * Plain-text output of the command line, in the Russian number format (1 234 567,89): the tables
 * and the trace of oms-calc/report, and the money formatter of the library.
 *
 * @module
 */
import { formatRubles, type X } from '../shared';

export { textTable as table, traceText as traceList } from '../report';

/** 1234567.5 → "1 234 567,50" (`formatRubles`), with `places` decimals. */
export function rub(value: X | string, places = 2): string {
  return formatRubles(value, { places });
}

/** A share as a percentage: 0.075 → "7,50 %". */
export function percent(value: X, places = 2): string {
  return `${rub(value.times(100), places)} %`;
}

/** A section heading, underlined. */
export function heading(title: string): string {
  return `${title}\n${'═'.repeat(title.length)}`;
}

/** Russian names of the months, January first: the library's one table ({@link MONTH_NAMES}). */
export { MONTH_NAMES as MONTHS } from '../shared';
