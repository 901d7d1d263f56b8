/**
 * Plain-text tables for a terminal, in the Russian number format (1 234 567,89).
 *
 * @module
 */
import type { X } from '../shared';
import { fixed } from '../_internal';

/** 1234567.5 → "1 234 567,50" (Russian grouping, decimal comma), with `places` decimals. */
export function rub(value: X | string, places = 2): string {
  const s = typeof value === 'string' ? value : fixed(value, places);
  const negative = s.startsWith('-');
  const [int = '0', frac = ''] = (negative ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const body = places > 0 ? `${grouped},${frac.padEnd(places, '0').slice(0, places)}` : grouped;
  return negative ? `−${body}` : body;
}

/** A share as a percentage: 0.075 → "7,50 %". */
export function percent(value: X, places = 2): string {
  return `${rub(value.times(100), places)} %`;
}

const NUMERIC = /^[−-]?[\d\u00a0]+(,\d+)?( %| ₽)?$|^—$/;

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

/** Russian names of the months, January first. */
export const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'] as const;
