/**
 * Plain-text tables for a terminal, in the Russian number format (1 234 567,89).
 *
 * @module
 */
import { formatRubles, type X } from '../shared';

/**
 * 1234567.5 → "1 234 567,50": the library's one number format for people (U+202F NARROW NO-BREAK
 * SPACE between groups, a decimal comma, U+2212 MINUS SIGN), with `places` decimals.
 */
export function rub(value: X | string, places = 2): string {
  return formatRubles(value, { places });
}

/** A share as a percentage: 0.075 → "7,50 %". */
export function percent(value: X, places = 2): string {
  return `${rub(value.times(100), places)} %`;
}

const NUMERIC = /^[−-]?[\d\u202f]+(,\d+)?( %| ₽)?$|^—$/;

/** Renders rows as an aligned table; columns whose cells all look numeric are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (numeric[i] === true ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** A section heading, underlined. */
export function heading(title: string): string {
  return `${title}\n${'═'.repeat(title.length)}`;
}

/** The trace as a numbered list: symbol = value, formula, source. */
export function traceList(steps: readonly { symbol: string; formula: string; value: string; source: string }[]): string {
  return steps
    .map((s, i) => `${String(i + 1).padStart(2)}. ${s.symbol} = ${s.value}\n      ${s.formula}\n      источник: ${s.source}`)
    .join('\n');
}

/** Russian names of the months, January first: the library's one table ({@link MONTH_NAMES}). */
export { MONTH_NAMES as MONTHS } from '../shared';
