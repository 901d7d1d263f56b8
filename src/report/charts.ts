/**
 * Inline SVG charts for the documents: a ranked bar chart and a monthly line chart. No script,
 * no font or image fetched: the text is the page's own font. Every datum is one element with a
 * `data-datum` attribute (a bar, a point), so that a check can count them in the rendered page.
 *
 * @module
 */
import { D, type X } from '../_internal/decimal';
import { formatDecimal } from '../_internal/format';
import { esc } from './html';

/** One bar of a bar chart. */
export interface Bar {
  label: string;
  value: X;
  /** The value as the document shows it (the one formatter). */
  text: string;
}

/** Coordinates with two decimals: the SVG is the same on every runtime. */
const c = (x: X): string => formatDecimal(x, 2, { grouping: false, decimalComma: false, sign: 'hyphen' });

/** The fraction value / top in [0, 1] (0 when top is 0). */
function share(value: X, top: X): X {
  if (top.isZero()) return new D(0);
  const s = value.div(top);
  return s.lt(0) ? new D(0) : s.gt(1) ? new D(1) : s;
}

/**
 * Horizontal bars, one per datum, in the given order (largest first for a ranking). Negative
 * values are drawn as empty bars.
 */
export function barChart(title: string, bars: readonly Bar[], options: { labelWidth?: number } = {}): string {
  const width = 680;
  const labelWidth = options.labelWidth ?? 200;
  const valueWidth = 130;
  const row = 22;
  const top = bars.reduce((m, b) => (b.value.gt(m) ? b.value : m), new D(0));
  const plot = new D(width - labelWidth - valueWidth - 10);
  const height = 28 + bars.length * row;
  const items = bars.map((b, i) => {
    const y = new D(24 + i * row);
    const w = share(b.value, top).times(plot);
    return [
      `<text x="${labelWidth - 6}" y="${c(y.plus(14))}" text-anchor="end" font-size="11">${esc(b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label)}</text>`,
      `<rect data-datum="${i}" class="bar" x="${labelWidth}" y="${c(y.plus(3))}" width="${c(w)}" height="${row - 7}" fill="#3a6ea5"><title>${esc(`${b.label}: ${b.text}`)}</title></rect>`,
      `<text x="${c(w.plus(labelWidth + 6))}" y="${c(y.plus(14))}" font-size="11">${esc(b.text)}</text>`,
    ].join('');
  });
  return [
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<text x="0" y="14" font-size="12" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${labelWidth}" y1="20" x2="${labelWidth}" y2="${height - 2}" stroke="#333" stroke-width="1"/>`,
    ...items,
    '</svg></figure>',
  ].join('\n');
}

/** One point of a monthly series. */
export interface Point {
  label: string;
  value: X;
  /** A mark under the point (spending, a transfer): its letter is drawn and explained in the legend. */
  marks?: readonly string[];
}

/**
 * A line chart of a monthly series against a level (the plan): one circle per point, the level
 * as a dashed line, marks (letters) under the points they concern, and the legend.
 */
export function lineChart(title: string, points: readonly Point[], level: { label: string; value: X } | undefined, legend: readonly string[]): string {
  const width = 680;
  const height = 280;
  const left = 60;
  const right = 20;
  const topY = 30;
  const bottomY = 240;
  const values = [...points.map((p) => p.value), ...(level === undefined ? [] : [level.value])];
  const hi = values.reduce((m, v) => (v.gt(m) ? v : m), new D(0));
  const lo = values.reduce((m, v) => (v.lt(m) ? v : m), hi);
  // the axis starts at a round figure below the lowest value, so that movements are visible
  const span = hi.minus(lo);
  const floor = span.isZero() ? new D(0) : D.max(0, lo.minus(span.times('0.25')));
  const range = hi.minus(floor).isZero() ? new D(1) : hi.minus(floor);
  const yOf = (v: X): X => new D(bottomY).minus(v.minus(floor).div(range).times(bottomY - topY));
  const step = new D(width - left - right).div(Math.max(points.length, 1));
  const xOf = (i: number): X => step.times(i).plus(step.div(2)).plus(left);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${c(xOf(i))},${c(yOf(p.value))}`).join(' ');
  const out = [
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`,
    `<text x="0" y="14" font-size="12" font-weight="bold">${esc(title)}</text>`,
    `<line x1="${left}" y1="${bottomY}" x2="${width - right}" y2="${bottomY}" stroke="#333" stroke-width="1"/>`,
    `<line x1="${left}" y1="${topY - 6}" x2="${left}" y2="${bottomY}" stroke="#333" stroke-width="1"/>`,
    `<text x="${left - 4}" y="${c(yOf(hi).plus(4))}" text-anchor="end" font-size="9">${esc(millions(hi))}</text>`,
    `<text x="${left - 4}" y="${bottomY + 4}" text-anchor="end" font-size="9">${esc(millions(floor))}</text>`,
    `<text x="${left - 4}" y="${bottomY + 16}" text-anchor="end" font-size="9">млн ₽</text>`,
  ];
  if (level !== undefined) {
    const y = c(yOf(level.value));
    out.push(`<line class="level" x1="${left}" y1="${y}" x2="${width - right}" y2="${y}" stroke="#b03a2e" stroke-width="1.2" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${width - right}" y="${c(yOf(level.value).minus(4))}" text-anchor="end" font-size="10" fill="#b03a2e">${esc(level.label)}</text>`);
  }
  out.push(`<path d="${path}" fill="none" stroke="#3a6ea5" stroke-width="2"/>`);
  points.forEach((p, i) => {
    const x = c(xOf(i));
    out.push(`<circle data-datum="${i}" class="point" cx="${x}" cy="${c(yOf(p.value))}" r="3.5" fill="#3a6ea5"><title>${esc(p.label)}</title></circle>`);
    out.push(`<text x="${x}" y="${bottomY + 14}" text-anchor="middle" font-size="9">${esc(p.label.slice(0, 3))}</text>`);
    (p.marks ?? []).forEach((m, k) => out.push(`<text class="mark" x="${x}" y="${bottomY + 28 + k * 11}" text-anchor="middle" font-size="10" font-weight="bold" fill="#b03a2e">${esc(m)}</text>`));
  });
  out.push('</svg>');
  if (legend.length > 0) out.push(`<figcaption class="note">${legend.map(esc).join(' · ')}</figcaption>`);
  out.push('</figure>');
  return out.join('\n');
}

/** A balance in millions for an axis label: `1 812,0` (the one formatter). */
function millions(v: X): string {
  return formatDecimal(v.div(1_000_000), 1);
}
