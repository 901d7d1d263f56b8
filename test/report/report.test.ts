/**
 * The documents of oms-calc/report on the sample fund year (examples/data): self-contained (no
 * script, nothing fetched), every figure of the result in the text as the one formatter writes
 * it, one chart element per datum, the library's version and the sources; the same document from
 * a result and from its JSON; and the normalised HTML against the committed snapshots
 * (test/report/snapshots/), so that a change of layout is a visible diff.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isOmsCalcError } from '../../src/shared';
import { registryAuditHtml, reserveSizeHtml, reserveYearHtml, sanctionTotalsHtml, smoRatingHtml, subventionHtml, tablesHtml } from '../../src/report';
import { LIBRARY_VERSION } from '../../src/report/version';
import { fundYear, sampleDocuments, type SampleDocument } from './fixtures';

let docs: SampleDocument[];
let year: Awaited<ReturnType<typeof fundYear>>;
beforeAll(async () => {
  docs = await sampleDocuments();
  year = await fundYear();
});

/** The text a reader sees: tags dropped, entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/[ \t\r\n]+/g, ' ');
}

/** The HTML with what may change without a change of layout (the version) replaced. */
export function normalise(html: string): string {
  return html.split(LIBRARY_VERSION).join('<version>');
}

const NAMES = ['reserve-size', 'subvention', 'reserve-year', 'smo-rating', 'sanction-totals', 'registry-audit'];

describe('the documents of the sample year', () => {
  it('are the six', () => {
    expect(docs.map((d) => d.name)).toEqual(NAMES);
  });

  it.each(NAMES)('%s is self-contained: no script, no external resource, no remote font', (name) => {
    const { html } = docs.find((d) => d.name === name)!;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ru">')).toBe(true);
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=|<link|<img|<iframe|<object|@import|url\(|@font-face/i);
    expect(html).not.toMatch(/(?:src|href)=/i);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toMatch(/break-before: page/);
  });

  it.each(NAMES)('%s carries every figure of its result, formatted by formatRubles', (name) => {
    const d = docs.find((x) => x.name === name)!;
    const text = visibleText(d.html);
    expect(d.figures.length).toBeGreaterThan(5);
    for (const figure of d.figures) expect(text, figure).toContain(figure);
  });

  it.each(NAMES)('%s carries the version and its sources', (name) => {
    const { html } = docs.find((d) => d.name === name)!;
    expect(html).toContain(`<meta name="generator" content="oms-calc ${LIBRARY_VERSION}">`);
    expect(visibleText(html)).toContain(`Рассчитано библиотекой oms-calc ${LIBRARY_VERSION}`);
    expect(html).toMatch(/<h2>Источники<\/h2>\n<ol class="sources">\n<li>/);
  });

  it.each(NAMES.filter((n) => n !== 'subvention' && n !== 'reserve-size'))('%s has one chart element per datum', (name) => {
    const d = docs.find((x) => x.name === name)!;
    const data = [...d.html.matchAll(/<(rect|circle) data-datum="(\d+)"/g)].map((m) => Number(m[2]));
    expect(data).toEqual(Array.from({ length: d.chartData ?? -1 }, (_, i) => i));
  });

  it.each(NAMES)('%s matches its snapshot (normalised)', async (name) => {
    const { html } = docs.find((d) => d.name === name)!;
    await expect(normalise(html)).toMatchFileSnapshot(`./snapshots/${name}.html`);
  });
});

describe('a note worked by hand', () => {
  it('reserveSizeHtml: two income scenarios, no other risk', async () => {
    const { reserveSize } = await import('../../src/reserve');
    const none = { scenarios: [{ value: '0', probability: '1' }], unitCost: '0' };
    // ДБ_МО = 0.5 × 900 + 0.5 × 1000 = 950; ОДБ = sqrt(0.5 × (900 − 950)² + 0.5 × (1000 − 950)²) = 50;
    // the other terms are 0, so НСЗ = 50,00
    const size = reserveSize({ income: [{ value: '900', probability: '0.5' }, { value: '1000', probability: '0.5' }], ambulatory: none, inpatient: none, dayHospital: none, payables: '0' });
    const text = visibleText(reserveSizeHtml({ size }, { date: '01.12.2026' }));
    expect(text).toContain('Доходы бюджета ДБ, ₽ 950,00 50,00');
    expect(text).toContain('ОДБ отклонение доходов бюджета фонда 50,00');
    expect(text).toContain('НСЗ размер нормированного страхового запаса 50,00');
    expect(text).toContain('01.12.2026');
    expect(text).not.toContain('Плановая величина НСЗ');
  });
});

describe('a result and its JSON give the same document', () => {
  const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  it('for every renderer', () => {
    const y = year;
    const pairs: [string, string][] = [
      [reserveSizeHtml({ size: y.size, planned: y.planned, risk: y.risk }), reserveSizeHtml(json({ size: y.size, planned: y.planned, risk: y.risk }))],
      [subventionHtml({ claim: y.claim, decision: y.decision }), subventionHtml(json({ claim: y.claim, decision: y.decision }))],
      [reserveYearHtml({ year: y.ledger }), reserveYearHtml(json({ year: y.ledger }))],
      [smoRatingHtml({ assessments: y.assessments, rating: y.rating }), smoRatingHtml(json({ assessments: y.assessments, rating: y.rating }))],
      [sanctionTotalsHtml({ totals: y.totals }), sanctionTotalsHtml(json({ totals: y.totals }))],
      [registryAuditHtml({ audit: y.audit }), registryAuditHtml(json({ audit: y.audit }))],
    ];
    for (const [a, b] of pairs) expect(b).toBe(a);
  });
});

describe('what the documents refuse', () => {
  const invalid = (f: () => unknown, path: (string | number)[]): void => {
    try {
      f();
    } catch (e) {
      expect(isOmsCalcError(e) && e.code).toBe('INVALID_INPUT');
      if (isOmsCalcError(e)) expect(e.issues.map((i) => i.path)).toContainEqual(path);
      return;
    }
    throw new Error('expected an OmsCalcError');
  };

  it('a result that is not the library’s, with the path of the problem', () => {
    invalid(() => reserveSizeHtml({ size: { ...year.size, total: 'many' } } as never), ['size', 'total']);
    invalid(() => subventionHtml({ claim: { ...year.claim, formRows: [] } } as never), ['claim', 'formRows']);
    invalid(() => reserveYearHtml({ year: { ...year.ledger, months: year.ledger.months.map((m) => ({ ...m, month: 13 })) } } as never), ['year', 'months', 0, 'month']);
    invalid(() => smoRatingHtml({}), []);
    invalid(() => sanctionTotalsHtml({ totals: year.totals, chartCodes: 0 }), ['chartCodes']);
    invalid(() => registryAuditHtml({ audit: year.audit, extra: 1 } as never), []);
  });

  it('unknown options', () => {
    invalid(() => reserveSizeHtml({ size: year.size }, { colour: 'red' } as never), []);
  });

  it('escapes text: a name cannot inject markup', () => {
    const html = smoRatingHtml({ rating: { ...year.rating, rows: year.rating.rows.map((r, i) => (i === 0 ? { ...r, smo: '<script>alert(1)</script>' } : r)) } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });
});

describe('tablesHtml', () => {
  const doc = {
    title: 'Итоги',
    tables: [{ title: 'Суммы', columns: [{ header: 'Что' }, { header: 'Сумма, ₽', kind: 'rub' as const }, { header: 'Доля', kind: { places: 4 } }], rows: [['НСЗ', '1812000000', '0.06'], ['КЗ', null, 0.98765]] }],
  };

  it('prints number columns in the one format, text as text', () => {
    const text = visibleText(tablesHtml(doc));
    expect(text).toContain('НСЗ 1\u202f812\u202f000\u202f000,00 0,0600');
    expect(text).toContain('КЗ 0,9877');
  });

  it('refuses a number cell that is not a decimal, with its path', () => {
    try {
      tablesHtml({ ...doc, tables: [{ ...doc.tables[0]!, rows: [['НСЗ', 'много', '1']] }] });
      throw new Error('expected an OmsCalcError');
    } catch (e) {
      expect(isOmsCalcError(e) && e.issues.map((i) => i.path)).toEqual([['tables', 0, 'rows', 0, 1]]);
    }
  });
});

describe('the version printed', () => {
  it('is package.json’s', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(LIBRARY_VERSION).toBe(pkg.version);
  });
});
