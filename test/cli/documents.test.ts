/**
 * `--format html` and `--format xlsx` on every JSON command (`sanctions`: sanctions-documents.test.ts): each command's workbook
 * read back with read-excel-file and every cell compared with the result of the library's own
 * function, to the kopeck (the digits in the file are exact: compared as decimals); each
 * document a self-contained HTML page with the result's figures in the one format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedReserve, plannedReserveHorizon, reserveAtRisk, reserveSize } from '../../src/reserve';
import { replenishmentSchedule, reserveYear } from '../../src/replenishment';
import { subventionClaim, subventionDecision } from '../../src/subvention';
import { smoAnnualAssessment, smoIndicators, smoRating } from '../../src/smo-rating';
import { auditRegistry } from '../../src/registry';
import { builtinSanctionTable } from '../../src/sanctions';
import { formatRubles, type TraceStep, type X } from '../../src/shared';
import { ROOT, run, scratch } from './helpers';

const sample = JSON.parse(readFileSync(join(ROOT, 'examples/data/fund-year.json'), 'utf8')) as { reserve: object; plan: object; subvention: { claim: object } };
const smoSample = JSON.parse(readFileSync(join(ROOT, 'examples/data/smo-2027.json'), 'utf8')) as { insurers: { data: never; violations: never }[] };
const plan = { ...sample.plan, required: '992209470.61' };
const yearInput = { planned: '1812000000', openingBalance: '1650000000', events: [{ month: 4, spending: '221350000', note: 'субвенция' }, { month: 9, income: '18640000' }] };
const form = { form: sample.subvention.claim, decision: { verifiedNeed: '221350000', reserveBalance: '1690500000', objectiveCauses: true, misuseFound: false, violationsFound: false, fundsFullySpent: true } };
const inputs: Record<string, unknown> = {
  'reserve-size.json': sample.reserve,
  'planned.json': plan,
  'horizon.json': [plan, plan, plan],
  'risk.json': { ...sample.reserve, levels: ['0.9', '0.95', '0.99'] },
  'schedule.json': { planned: '1812000000', openingBalance: '1650000000', months: 12 },
  'year.json': yearInput,
  'form.json': form,
  'annual.json': { data: smoSample.insurers[0]?.data, violations: smoSample.insurers[0]?.violations },
  'quarter.json': { quarter: 2, data: smoSample.insurers[0]?.data },
  'rating.json': { smos: [{ smo: 'А', resultExact: '90.1' }, { smo: 'Б', resultExact: '81.25' }, { smo: 'В', resultExact: '95' }] },
};

let dir: string;
let remove: () => void;
beforeAll(() => {
  ({ dir, remove } = scratch(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, JSON.stringify(v)]))));
});
afterAll(() => remove());

type Sheets = { sheet: string; data: unknown[][] }[];

/** Runs a command with --format xlsx and reads the workbook back: numbers as the digits in the file. */
async function workbook(args: string[]): Promise<Sheets> {
  const out = `${args[0]}-${Math.random().toString(36).slice(2)}.xlsx`;
  const r = await run(dir, [...args, '--format', 'xlsx', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readXlsxFile(readFileSync(join(dir, out)), { parseNumber: (digits: string) => new Decimal(digits) });
}

/** A number cell equal to the result's figure, to the kopeck. */
function kopeck(cell: unknown, figure: X | number): void {
  expect(Decimal.isDecimal(cell), `${String(cell)} is a number cell`).toBe(true);
  expect((cell as Decimal).toFixed(2)).toBe(new Decimal(figure.toString()).toFixed(2));
}

/** A number cell equal to the figure exactly. */
function exact(cell: unknown, figure: X | number): void {
  expect(Decimal.isDecimal(cell), `${String(cell)} is a number cell`).toBe(true);
  expect((cell as Decimal).eq(figure.toString())).toBe(true);
}

const sheet = (book: Sheets, name: string): unknown[][] => {
  const s = book.find((x) => x.sheet === name);
  expect(s, `sheet ${name}`).toBeDefined();
  return (s as { data: unknown[][] }).data;
};

/** The trace sheet is the trace, step by step. */
function traceSheet(book: Sheets, trace: readonly TraceStep[]): void {
  expect(book.at(-1)?.sheet).toBe('Трассировка');
  const rows = sheet(book, 'Трассировка').slice(1);
  expect(rows.map((r) => [Number((r[0] as Decimal).toString()), r[1], r[2], r[3] ?? '', r[4]])).toEqual(trace.map((s, i) => [i + 1, s.symbol, s.formula, s.value, s.source]));
}

describe('--format xlsx: every cell is the result’s, to the kopeck', () => {
  it('reserve-size', async () => {
    const r = reserveSize(inputs['reserve-size.json'] as never);
    const book = await workbook(['reserve-size', '--input', 'reserve-size.json']);
    const rows = sheet(book, 'НСЗ').slice(1);
    const figures = [r.components.income, r.components.ambulatory, r.components.inpatient, r.components.dayHospital, r.components.payables, r.total];
    expect(rows.map((x) => x[0])).toEqual(['ОДБ', 'ОАП·Цап', 'ОС·Цс', 'ОСЗ·Цсз', 'КЗ', 'НСЗ']);
    rows.forEach((x, i) => kopeck(x[2], figures[i] as X));
    const exp = sheet(book, 'Ожидания и отклонения').slice(1);
    [r.expected.income, r.expected.ambulatory, r.expected.inpatient, r.expected.dayHospital].forEach((x, i) => exact(exp[i]?.[1], x));
    [r.components.income, r.volumeDeviations.ambulatory, r.volumeDeviations.inpatient, r.volumeDeviations.dayHospital].forEach((x, i) => exact(exp[i]?.[2], x));
    traceSheet(book, r.trace);
  });

  it('planned-reserve, one year and three', async () => {
    const p = plannedReserve(plan as never);
    const one = sheet(await workbook(['planned-reserve', '--input', 'planned.json']), 'НСЗпл').slice(1);
    [p.programFinancing, p.floor, p.cap, p.statutoryCap, p.planned].forEach((x, i) => kopeck(one[i]?.[1], x));
    const h = plannedReserveHorizon([plan, plan, plan] as never);
    const book = await workbook(['planned-reserve', '--input', 'horizon.json']);
    const three = sheet(book, 'НСЗпл по годам').slice(1);
    h.rows.forEach((row, i) => {
      exact(three[i]?.[0], row.year);
      kopeck(three[i]?.[1], row.programFinancing);
      exact(three[i]?.[2], row.share);
      kopeck(three[i]?.[3], row.planned);
    });
    traceSheet(book, h.trace);
  });

  it('reserve-at-risk', async () => {
    const r = reserveAtRisk(inputs['risk.json'] as never);
    const book = await workbook(['reserve-at-risk', '--input', 'risk.json']);
    const rows = sheet(book, 'VaR и TVaR').slice(1);
    r.levels.forEach((l, i) => {
      exact(rows[i]?.[0], l.level);
      kopeck(rows[i]?.[1], l.valueAtRisk);
      kopeck(rows[i]?.[2], l.tailValueAtRisk);
    });
    const norm = sheet(book, 'Норматив').slice(1);
    kopeck(norm[0]?.[1], r.normative.total);
    exact(norm[1]?.[1], r.normative.coverage);
    kopeck(norm[2]?.[1], r.expectedShortfall);
  });

  it('replenishment', async () => {
    const s = replenishmentSchedule(inputs['schedule.json'] as never);
    const book = await workbook(['replenishment', '--input', 'schedule.json']);
    const rows = sheet(book, 'График').slice(1);
    s.installments.forEach((x, i) => kopeck(rows[i]?.[2], x.amount));
    kopeck(rows[s.installments.length]?.[2], s.total);
    traceSheet(book, s.trace);
  });

  it('reserve-year: all twelve months, seven figures each, and the totals', async () => {
    const y = reserveYear(yearInput as never);
    const book = await workbook(['reserve-year', '--input', 'year.json']);
    const rows = sheet(book, 'Движение НСЗ').slice(1);
    expect(rows).toHaveLength(13);
    y.months.forEach((m, i) => {
      [m.opening, m.income, m.overflow, m.transfer, m.spending, m.shortfall, m.closing].forEach((x, k) => kopeck(rows[i]?.[k + 1], x));
      expect(rows[i]?.[8] ?? '').toBe(m.periodStart ? 'да' : '');
    });
    [y.totals.income, y.totals.overflow, y.totals.transfer, y.totals.spending, y.totals.shortfall, y.closing].forEach((x, k) => kopeck(rows[12]?.[k + 2], x));
    traceSheet(book, y.trace);
  });

  it('subvention: Form 1 line by line, the decision and its reasons', async () => {
    const claim = subventionClaim(form.form as never);
    const decision = subventionDecision({ ...form.decision, claim: claim.claim } as never);
    const book = await workbook(['subvention', '--input', 'form.json']);
    const rows = sheet(book, 'Форма 1').slice(1);
    expect(rows.map((x) => x[0])).toEqual(claim.formRows.map((x) => x.line));
    expect(rows.map((x) => x[1])).toEqual(claim.formRows.map((x) => x.name));
    claim.formRows.forEach((x, i) => kopeck(rows[i]?.[2], x.amount));
    kopeck(sheet(book, 'Решение')[1]?.[1], decision.granted);
    expect(sheet(book, 'Основания').slice(1).map((x) => x[0])).toEqual(decision.reasons.map((x) => x.code));
    traceSheet(book, [...claim.trace, ...decision.trace]);
  });

  it('smo-rating: the annual assessment, the quarter and the rating', async () => {
    const a = smoAnnualAssessment(inputs['annual.json'] as never);
    const annual = await workbook(['smo-rating', '--input', 'annual.json']);
    const rows = sheet(annual, 'Показатели').slice(1);
    a.indicators.forEach((x, i) => {
      exact(rows[i]?.[0], x.number);
      exact(rows[i]?.[2], x.value);
      exact(rows[i]?.[3], x.kEff);
      exact(rows[i]?.[4], x.adjusted);
      exact(rows[i]?.[5], x.violations);
    });
    exact(sheet(annual, 'Оценка')[1]?.[0], a.score);
    exact(sheet(annual, 'Оценка')[1]?.[1], a.scoreExact);
    const q = smoIndicators(inputs['quarter.json'] as never);
    sheet(await workbook(['smo-rating', '--input', 'quarter.json']), 'Показатели')
      .slice(1)
      .forEach((row, i) => exact(row[2], (q.indicators[i] as { value: X }).value));
    const r = smoRating(inputs['rating.json'] as never);
    const rating = sheet(await workbook(['smo-rating', '--input', 'rating.json']), 'Рейтинг').slice(1);
    expect(rating.map((x) => x[1])).toEqual(['В', 'А', 'Б']);
    r.rows.forEach((x, i) => {
      exact(rating[i]?.[0], x.rank);
      exact(rating[i]?.[2], x.result);
      exact(rating[i]?.[3], x.resultExact);
    });
  });

  it('table: the built-in sanction table, every coefficient', async () => {
    const book = await workbook(['table']);
    const rows = book[0]?.data.slice(1) ?? [];
    expect(rows.map((x) => x[0])).toEqual(builtinSanctionTable.entries.map((e) => e.code));
    builtinSanctionTable.entries.forEach((e, i) => {
      if (e.kno === null) expect(rows[i]?.[2]).toBeNull();
      else exact(rows[i]?.[2], e.kno);
      if (e.ksht === null) expect(rows[i]?.[3]).toBeNull();
      else exact(rows[i]?.[3], e.ksht);
    });
  });

  it('registry: the sums, the classes, the points, the rules and every finding', async () => {
    const file = join(ROOT, 'examples/data/registry/HM770001S77001_2506.zip');
    const out = 'audit.xlsx';
    const r = await run(dir, ['registry', file, '--out', out]);
    expect(r.code).toBe(0);
    const book = await readXlsxFile(readFileSync(join(dir, out)), { parseNumber: (digits: string) => new Decimal(digits) });
    const audit = await auditRegistry([readFileSync(join(ROOT, 'examples/data/registry/HM770001S77001_2506.xml'))]);
    const t = audit.totals;
    const sums = sheet(book, 'Итоги').slice(1);
    [t.sumv, t.sump, t.sankIt].forEach((x, i) => kopeck(sums[i]?.[1], x));
    (['MEK', 'MEE', 'EKMP'] as const).forEach((k, i) => {
      kopeck(sums[3 + i]?.[1], t[k]);
      kopeck(sums[3 + i]?.[2], t.recomputed[k]);
    });
    const points = sheet(book, 'По пунктам').slice(1);
    expect(points.map((x) => x[0])).toEqual(Object.keys(t.byPoint));
    Object.values(t.byPoint).forEach((p, i) => {
      exact(points[i]?.[1], p.sanctions);
      kopeck(points[i]?.[2], p.actual);
      kopeck(points[i]?.[3], p.recomputed);
    });
    const findings = sheet(book, 'Нарушения').slice(1);
    expect(findings).toHaveLength(audit.findings.length);
    audit.findings.forEach((f, i) => {
      const row = findings[i] as unknown[];
      expect([row[0], row[2], row[3], row[4], row[5], row[9]]).toEqual([f.rule, f.nZap ?? null, f.idcase ?? null, f.sCode ?? null, f.point ?? null, f.message]);
      if (f.line !== undefined) exact(row[1], f.line);
      if (f.expected !== undefined) kopeck(row[7], f.expected);
      if (f.actual !== undefined) kopeck(row[8], f.actual);
    });
    traceSheet(book, audit.trace);
  });
});

describe('--format html', () => {
  it.each([
    ['reserve-size', 'reserve-size.json', () => formatRubles(reserveSize(inputs['reserve-size.json'] as never).total.toString())],
    ['planned-reserve', 'planned.json', () => formatRubles(plannedReserve(plan as never).planned.toString())],
    ['reserve-at-risk', 'risk.json', () => formatRubles(reserveAtRisk(inputs['risk.json'] as never).expectedShortfall.toString(), { places: 4 })],
    ['replenishment', 'schedule.json', () => formatRubles(replenishmentSchedule(inputs['schedule.json'] as never).total.toString())],
    ['reserve-year', 'year.json', () => formatRubles(reserveYear(yearInput as never).totals.transfer.toString())],
    ['subvention', 'form.json', () => formatRubles(subventionClaim(form.form as never).claim.toString())],
    ['smo-rating', 'rating.json', () => formatRubles(smoRating(inputs['rating.json'] as never).rows[0]?.resultExact.toString() ?? '', { places: 4 })],
    ['smo-rating', 'quarter.json', () => formatRubles(smoIndicators(inputs['quarter.json'] as never).scoreExact.toString(), { places: 4 })],
  ])('%s (%s) is a self-contained document with the result’s figures', async (command, input, figure) => {
    const r = await run(dir, [command, '--input', input, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout).not.toMatch(/<script|(?:src|href)=/i);
    expect(r.stdout).toContain(figure());
  });

  it('registry, by the extension of --out', async () => {
    const r = await run(dir, ['registry', join(ROOT, 'examples/data/registry/HM770001S77001_2506.xml'), '--out', 'audit.html']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'audit.html'), 'utf8');
    expect(html).toContain('<h1>Проверка реестра счетов: санкции и суммы</h1>');
    expect(html).toContain(formatRubles('230327.45'));
  });

  it('table, the built-in one', async () => {
    const r = await run(dir, ['table', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(builtinSanctionTable.entries[0]?.code);
  });
});

describe('what the formats refuse', () => {
  it('an unknown format, with the four it knows', async () => {
    const r = await run(dir, ['replenishment', '--input', 'schedule.json', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format must be json, table, html or xlsx, got "pdf"');
  });

  it('an invalid input: exit 2 with its issues, and no file', async () => {
    const bad = scratch({ 'bad.json': '{"planned":"-1","openingBalance":"0"}' });
    const r = await run(bad.dir, ['replenishment', '--input', 'bad.json', '--format', 'xlsx', '--out', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('planned');
    expect(() => readFileSync(join(bad.dir, 'x.xlsx'))).toThrow();
    bad.remove();
  });

  it('a workbook to a terminal', async () => {
    const { Writable } = await import('node:stream');
    const { main } = await import('../../src/cli/index');
    const stdout = Object.assign(new Writable({ write: (_c, _e, done) => done() }), { isTTY: true });
    let err = '';
    const stderr = Object.assign(new Writable({ write: (c: Buffer, _e, done) => ((err += c.toString()), done()) }), { isTTY: false });
    expect(await main(['replenishment', '--input', 'schedule.json', '--format', 'xlsx'], { stdout, stderr, cwd: dir })).toBe(2);
    expect(err).toContain('give --out FILE.xlsx');
  });
});

describe('sanctionsSheets: the workbook of a streamed run of sanctions', () => {
  it('the cases as they stream, then the totals by section and by code, then their trace', async () => {
    const { sanctionRows, sanctionTotals, isSanctionErrorRow } = await import('../../src/sanctions');
    const { sanctionsSheets } = await import('../../src/cli/documents');
    const { writeXlsx } = await import('../../src/cli/xlsx');
    // 1000 × Кно(3.2.1) = 1000 × 0.1 = 100 (EKMP, no fine); 1.2 has no Кно and a fine РП × Кшт = 1000 × 1 (MEK);
    // an unknown code is an error row
    const cases = [
      { id: 'a', tariff: '1000', violations: ['3.2.1'] },
      { id: 'b', tariff: '500', perCapitaRate: '1000', violations: ['1.2'] },
      { id: 'c', tariff: '1', violations: ['9.9'] },
    ];
    const results = [...sanctionRows(cases)];
    let streamed = 0;
    async function* rows(): AsyncGenerator<(string | X | null)[]> {
      for (const r of results) {
        streamed++;
        yield isSanctionErrorRow(r) ? [r.id ?? null, null, null, r.error.code] : [r.id ?? null, r.nonPayment, r.fine, ''];
      }
    }
    const chunks: Uint8Array[] = [];
    const summary = await writeXlsx(
      async (c) => void chunks.push(c),
      sanctionsSheets([{ header: 'Случай' }, { header: 'Неоплата, ₽', kind: 'rub' }, { header: 'Штраф, ₽', kind: 'rub' }, { header: 'Ошибка' }], rows(), async () => {
        expect(streamed).toBe(3); // the totals are asked for after the last row
        return sanctionTotals(results);
      }),
    );
    expect(summary.sheets).toEqual(['Случаи', 'По разделам', 'По кодам', 'Трассировка']);
    const totals = await sanctionTotals(results);
    const book = await readXlsxFile(Buffer.concat(chunks), { parseNumber: (digits: string) => new Decimal(digits) });
    const cells = sheet(book, 'Случаи').slice(1);
    expect(cells.map((r) => r[0])).toEqual(['a', 'b', 'c']);
    kopeck(cells[0]?.[1], new Decimal(100));
    kopeck(cells[0]?.[2], new Decimal(0));
    kopeck(cells[1]?.[1], new Decimal(0));
    kopeck(cells[1]?.[2], new Decimal(1000));
    expect(cells[2]?.slice(1)).toEqual([null, null, 'UNKNOWN_CODE']);
    const sections = sheet(book, 'По разделам').slice(1);
    (['MEK', 'MEE', 'EKMP'] as const).forEach((k, i) => {
      exact(sections[i]?.[1], totals.bySection[k].cases);
      kopeck(sections[i]?.[2], totals.bySection[k].nonPayment);
      kopeck(sections[i]?.[3], totals.bySection[k].fine);
    });
    kopeck(sections[3]?.[2], totals.nonPayment);
    const codes = sheet(book, 'По кодам').slice(1);
    expect(codes.map((r) => r[0])).toEqual(Object.keys(totals.byCode));
    Object.values(totals.byCode).forEach((c, i) => kopeck(codes[i]?.[2], c.nonPayment));
    traceSheet(book, totals.trace);
  });
});
