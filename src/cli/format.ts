/**
 * Money amounts as CSV text, through the public formatter.
 *
 * @module
 */
import { formatRubles, type X } from '../shared';

/**
 * Rubles as a CSV number cell: exactly two decimals, the given decimal mark, no grouping and an
 * ASCII hyphen for a minus, so that Excel and programs read it as a number (the CSV rule of
 * `formatRubles`): 1234.5 → "1234.50" / "1234,50".
 */
export function moneyText(x: X, mark: '.' | ','): string {
  return formatRubles(x, { grouping: false, decimalComma: mark === ',', sign: 'hyphen' });
}
