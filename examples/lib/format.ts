/**
 * Printing helpers for the examples: Russian number format and plain-text tables.
 * (Display only; every figure comes from the library as a Decimal.)
 */
import type { Decimal } from 'decimal.js';

/** 1234567.5 → "1 234 567,50" (Russian grouping, decimal comma), with `places` decimals. */
export function rub(value: Decimal | string, places = 2): string {
  const s = typeof value === 'string' ? value : value.toDecimalPlaces(places).toString();
  const negative = s.startsWith('-');
  const [int = '0', frac = ''] = (negative ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const body = places > 0 ? `${grouped},${frac.padEnd(places, '0').slice(0, places)}` : grouped;
  return negative ? `−${body}` : body;
}

/** A share as a percentage: 0.075 → "7,50 %". */
export function percent(value: Decimal, places = 2): string {
  return `${rub(value.times(100), places)} %`;
}

/** Renders rows as an aligned plain-text table; columns whose cells look numeric are right-aligned. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^[−\-]?[\d\u00a0]+(,\d+)?( %| ₽)?$|^—$/.test(r[i] ?? '')));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** A section heading. */
export function heading(title: string): string {
  return `\n${title}\n${'═'.repeat(title.length)}`;
}
