/**
 * The pieces every document of oms-calc/report is made of: escaping, the number format (the
 * library's one formatter), the page with its print styles, tables, the trace and the sources.
 *
 * @module
 */
import { D, type X } from '../_internal/decimal';
import { formatDecimal } from '../_internal/format';
import { LIBRARY_VERSION } from './version';

/** A trace step as the documents read it. */
export interface Step {
  symbol: string;
  formula: string;
  value: string;
  source: string;
}

/** Text as HTML: `&`, `<`, `>`, `"` and `'` escaped. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An amount of rubles, `1 234 567,89` (the library's one formatter). */
export function rub(value: X, places = 2): string {
  return formatDecimal(value, places);
}

/** A share as a percentage: 0.075 → `7,50 %`. */
export function percent(value: X, places = 2): string {
  return `${formatDecimal(value.times(100), places)}\u00a0%`;
}

/** A count, grouped: `12 345`. */
export function count(n: number): string {
  return formatDecimal(new D(n), 0);
}

/** A plain decimal written in a formula or a trace value: `9000000` → `9 000 000`, `0.2` → `0,2`. */
const NUMBER_IN_TEXT = /(?<![\p{L}\d.,])-?\d+(?:\.\d+)?(?![\p{L}\d])/gu;

/**
 * Numbers written by a program inside text (a trace's formula) in the Russian format of the one
 * formatter, each with its own decimal places; whole numbers below 10 000 (years, points of a
 * document: «п. 9», «2027») are left as they are.
 */
export function numbersInText(text: string): string {
  return text.replace(NUMBER_IN_TEXT, (digits) => {
    const places = digits.includes('.') ? (digits.split('.')[1] ?? '').length : 0;
    if (places === 0 && digits.replace('-', '').length < 5) return digits;
    return formatDecimal(new D(digits), places);
  });
}

/**
 * The options every document takes: what is printed under its heading.
 *
 * @example
 * ```ts
 * import type { DocumentOptions } from 'oms-calc/report';
 *
 * const print: DocumentOptions = { organisation: 'ТФОМС Условной области', date: '01.12.2026' };
 * ```
 */
export interface DocumentOptions {
  /** The heading of the document; each renderer has its own default. */
  title?: string | undefined;
  /** Who computed it (the fund, its department), printed under the heading. */
  organisation?: string | undefined;
  /** The date of the document as it is to be printed (e.g. `01.12.2026`): documents are pure, they never read the clock. */
  date?: string | undefined;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; line-height: 1.35; }
header.doc { border-bottom: 2px solid #111; margin-bottom: 6mm; padding-bottom: 2mm; }
header.doc h1 { font-size: 15pt; margin: 0 0 1mm 0; }
header.doc p { margin: 0; color: #333; }
h2 { font-size: 12pt; margin: 6mm 0 2mm 0; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm 0; break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0; }
.formula { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 10pt; background: #f3f3f3; border-left: 3px solid #555; padding: 2mm 3mm; margin: 2mm 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm 0; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #777; padding: 1mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #e8e8e8; font-weight: bold; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.wide { font-size: 7.8pt; }
table.wide th, table.wide td { padding: 0.8mm 1mm; }
tr.total td { font-weight: bold; background: #f3f3f3; }
td.line { white-space: nowrap; text-align: center; }
.trace { table-layout: fixed; }
.trace td { font-size: 7.5pt; overflow-wrap: anywhere; }
.trace td.f, .trace td.v { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7pt; }
.trace td.v { text-align: right; white-space: normal; }
.chart { margin: 2mm 0 4mm 0; break-inside: avoid; page-break-inside: avoid; }
.chart svg { width: 100%; height: auto; }
.note { font-size: 8.5pt; color: #333; }
.status { font-weight: bold; }
section.page { break-before: page; page-break-before: always; }
ol.sources { font-size: 8.5pt; padding-left: 5mm; }
footer.doc { margin-top: 6mm; border-top: 0.6pt solid #777; padding-top: 1.5mm; font-size: 8pt; color: #333; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`.trim();

/** A whole document: the page, the heading, the body, the sources cited and the library's version. */
export function page(title: string, options: DocumentOptions, body: readonly string[], sources: readonly string[]): string {
  const heading = options.title ?? title;
  const meta = [options.organisation, options.date].filter((x): x is string => x !== undefined && x !== '');
  const cited = [...new Set(sources.filter((s) => s !== ''))];
  return [
    '<!DOCTYPE html>',
    '<html lang="ru">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta name="generator" content="oms-calc ${esc(LIBRARY_VERSION)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(heading)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header class="doc">',
    `<h1>${esc(heading)}</h1>`,
    ...(meta.length === 0 ? [] : [`<p>${meta.map(esc).join(' · ')}</p>`]),
    '</header>',
    ...body,
    ...(cited.length === 0 ? [] : ['<h2>Источники</h2>', `<ol class="sources">\n${cited.map((s) => `<li>${esc(s)}</li>`).join('\n')}\n</ol>`]),
    `<footer class="doc">Рассчитано библиотекой oms-calc ${esc(LIBRARY_VERSION)}: точная десятичная арифметика, округление до копейки по правилу половины вверх. Каждая цифра получена так, как показано в разделе «Как получена каждая цифра».</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A cell: text, or a number (right-aligned, never wrapped). */
export type Cell = string | { n: string } | { html: string };

/** A number cell. */
export const n = (text: string): Cell => ({ n: text });

function cellHtml(c: Cell, tag: 'td' | 'th'): string {
  if (typeof c === 'string') return `<${tag}>${esc(c)}</${tag}>`;
  if ('n' in c) return `<${tag} class="n">${esc(c.n)}</${tag}>`;
  return `<${tag}>${c.html}</${tag}>`;
}

/** A table with a header row (repeated on every printed page) and rows; `total` marks rows in bold. */
export function table(headers: readonly Cell[], rows: readonly (readonly Cell[])[], options: { total?: (i: number) => boolean; className?: string; widths?: readonly number[] } = {}): string {
  const cols = options.widths === undefined ? '' : `<colgroup>${options.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>\n`;
  const head = `${cols}<thead><tr>${headers.map((h) => cellHtml(h, 'th')).join('')}</tr></thead>`;
  const body = rows.map((r, i) => `<tr${options.total?.(i) === true ? ' class="total"' : ''}>${r.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('\n');
  return `<table${options.className === undefined ? '' : ` class="${options.className}"`}>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A section heading. */
export const h2 = (text: string): string => `<h2>${esc(text)}</h2>`;
/** A sub-heading. */
export const h3 = (text: string): string => `<h3>${esc(text)}</h3>`;
/** A paragraph of text. */
export const para = (text: string, className?: string): string => `<p${className === undefined ? '' : ` class="${className}"`}>${esc(text)}</p>`;
/** A formula, in a box. */
export const formula = (text: string): string => `<div class="formula">${esc(text)}</div>`;

/**
 * The trace: every step with its symbol, formula, value and source, on a page of its own. Numbers
 * in formulas and values are shown in the one format.
 */
export function traceSection(steps: readonly Step[], title = 'Как получена каждая цифра'): string {
  const value = (v: string): string => {
    if (!/^-?\d+(\.\d+)?$/.test(v)) return v;
    const places = v.includes('.') ? (v.split('.')[1] ?? '').length : 0;
    return formatDecimal(new D(v), Math.max(places, 2));
  };
  return [
    '<section class="page">',
    h2(title),
    table(
      ['№', 'Обозначение', 'Формула', n('Значение'), 'Источник'],
      steps.map((s, i) => [n(String(i + 1)), s.symbol, { html: `<span class="f">${esc(numbersInText(s.formula))}</span>` }, { html: `<span class="v">${esc(value(s.value))}</span>` }, s.source]),
      { className: 'trace', widths: [5, 15, 37, 18, 25] },
    )
      .replace(/<td><span class="f">/g, '<td class="f"><span class="f">')
      .replace(/<td><span class="v">/g, '<td class="v"><span class="v">'),
    '</section>',
  ].join('\n');
}
