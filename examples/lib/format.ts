/**
 * Printing helpers for the examples: the Russian number format and plain-text tables of the
 * `oms-calc` command line. (Display only; every figure comes from the library as a Decimal.)
 */
export { heading as title, MONTHS, percent, rub, table, traceList } from '../../src/cli/render';
import { heading as title } from '../../src/cli/render';

/** A section heading with a blank line before it. */
export function heading(text: string): string {
  return `\n${title(text)}`;
}
