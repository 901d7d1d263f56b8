import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { replenishmentSchedule, reserveYear } from '../../src/replenishment';
import { centsToString, kopecks, periodMonths, toEvents, toKopecks, yearInKopecks, yearInRows, type KopeckEvent } from './helpers';

type Year = { planned: bigint; openingBalance: bigint; periodMonths: number | 'to-year-end'; events: KopeckEvent[] };

const run = (y: Year) =>
  reserveYear({
    planned: centsToString(y.planned),
    openingBalance: centsToString(y.openingBalance),
    periodMonths: y.periodMonths,
    events: toEvents(y.events),
  });

const maxBig = (a: bigint, b: bigint): bigint => (a > b ? a : b);

test.prop([yearInKopecks])('every month conserves money, and the months chain', (y) => {
  const r = run(y);
  const rows = yearInRows(r); // every figure is whole kopecks
  expect(rows.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  let previous = y.openingBalance;
  for (const m of rows) {
    expect(m.opening).toBe(previous);
    expect(m.closing).toBe(m.opening + m.income - m.overflow + m.transfer - (m.spending - m.shortfall));
    previous = m.closing;
  }
  expect(toKopecks(r.closing)).toBe(previous);
});

test.prop([yearInKopecks])('no figure is negative, and none exceeds what it is a part of', (y) => {
  for (const m of yearInRows(run(y))) {
    expect(m.closing >= 0n).toBe(true);
    expect(m.transfer >= 0n).toBe(true);
    expect(m.overflow >= 0n && m.overflow <= m.income).toBe(true);
    expect(m.shortfall >= 0n && m.shortfall <= m.spending).toBe(true);
    // money spent from the reserve never exceeds what was in it
    expect(m.spending - m.shortfall <= m.opening + m.income - m.overflow + m.transfer).toBe(true);
  }
});

test.prop([yearInKopecks])('the balance never exceeds the plan or the month’s opening, whichever is larger', (y) => {
  for (const m of yearInRows(run(y))) {
    expect(m.closing <= maxBig(y.planned, m.opening)).toBe(true);
    // transfers never lift the balance above the plan (п. 10 with п. 13)
    if (m.transfer > 0n) expect(m.opening + m.income - m.overflow + m.transfer <= y.planned).toBe(true);
    // income overflows only the part that does not fit under the plan (п. 19)
    if (m.overflow > 0n) expect(m.opening + m.income - m.overflow).toBe(maxBig(y.planned, m.opening));
    // a shortfall empties the reserve
    if (m.shortfall > 0n) expect(m.closing).toBe(0n);
  }
});

test.prop([yearInKopecks])('the totals are the sums of the months', (y) => {
  const r = run(y);
  const rows = yearInRows(r);
  for (const key of ['income', 'overflow', 'transfer', 'spending', 'shortfall'] as const) {
    expect(toKopecks(r.totals[key])).toBe(rows.reduce((a, m) => a + m[key], 0n));
  }
  const given = (k: 'income' | 'spending') => y.events.reduce((a, e) => a + (e[k] ?? 0n), 0n);
  expect(toKopecks(r.totals.income)).toBe(given('income'));
  expect(toKopecks(r.totals.spending)).toBe(given('spending'));
});

test.prop([kopecks, kopecks, periodMonths])('a year with no events and a balance below the plan ends exactly at the plan', (a, b, p) => {
  const [opening, planned] = a <= b ? [a, b] : [b, a];
  const r = reserveYear({ planned: centsToString(planned), openingBalance: centsToString(opening), periodMonths: p });
  expect(toKopecks(r.closing)).toBe(planned);
  // and its transfers are the schedule of replenishmentSchedule
  const months = p === 'to-year-end' ? 12 : p;
  const s = replenishmentSchedule({ planned: centsToString(planned), openingBalance: centsToString(opening), months });
  expect(r.months.slice(0, months).map((m) => m.transfer.toString())).toEqual(s.installments.map((i) => i.amount.toString()));
});

test.prop([yearInKopecks])('without spending in December the year ends restored: at max(plan, the balance its last period began with)', (y) => {
  fc.pre(!y.events.some((e) => e.month === 12 && (e.spending ?? 0n) > 0n));
  const r = run(y);
  const last = r.periods.at(-1);
  expect(last).toBeDefined();
  expect(toKopecks(r.closing)).toBe(maxBig(y.planned, toKopecks(last?.openingBalance ?? 0)));
});

test.prop([yearInKopecks])('a formation period starts in January and in the month after each month with spending (footnote 16)', (y) => {
  const r = run(y);
  const spent = new Set(y.events.filter((e) => (e.spending ?? 0n) > 0n).map((e) => e.month));
  expect(r.months.map((m) => m.periodStart)).toEqual(r.months.map((m) => m.month === 1 || spent.has(m.month - 1)));
  expect(r.periods.map((p) => p.startMonth)).toEqual(r.months.filter((m) => m.periodStart).map((m) => m.month));
  for (const p of r.periods) {
    // the period opens with the balance at the end of the previous month
    const before = p.startMonth === 1 ? y.openingBalance : toKopecks(r.months[p.startMonth - 2]?.closing ?? -1);
    expect(toKopecks(p.openingBalance)).toBe(before);
    expect(p.startMonth + p.months - 1).toBeLessThanOrEqual(12);
  }
});

test.prop([yearInKopecks])('without spending the balance never falls', (y) => {
  const r = run({ ...y, events: y.events.filter((e) => e.spending === undefined) });
  const closings = yearInRows(r).map((m) => m.closing);
  closings.forEach((c, i) => expect(c >= (i === 0 ? y.openingBalance : (closings[i - 1] as bigint))).toBe(true));
});

test.prop([yearInKopecks.chain((y) => fc.tuple(fc.constant(y), fc.shuffledSubarray(y.events, { minLength: y.events.length })))])(
  'the result does not depend on the order in which the events are listed',
  ([y, shuffled]) => {
    expect(JSON.stringify(run({ ...y, events: shuffled }))).toBe(JSON.stringify(run(y)));
  },
);

test.prop([yearInKopecks, fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 6n })])(
  'splitting an event into two for the same month changes nothing',
  (y, pick, cut) => {
    fc.pre(y.events.length > 0);
    const i = pick % y.events.length;
    const e = y.events[i] as KopeckEvent;
    const part = (k: bigint | undefined) => (k === undefined ? [undefined, undefined] : [k < cut ? k : cut, k < cut ? 0n : k - cut]);
    const [s1, s2] = part(e.spending);
    const [i1, i2] = part(e.income);
    const split: KopeckEvent[] = [
      { month: e.month, ...(s1 === undefined ? {} : { spending: s1 }), ...(i1 === undefined ? {} : { income: i1 }) },
      { month: e.month, ...(s2 === undefined ? {} : { spending: s2 }), ...(i2 === undefined ? {} : { income: i2 }) },
    ];
    const events = [...y.events.slice(0, i), ...split, ...y.events.slice(i + 1)];
    const a = run(y);
    const b = run({ ...y, events });
    expect(JSON.stringify(b.months)).toBe(JSON.stringify(a.months));
    expect(JSON.stringify(b.totals)).toBe(JSON.stringify(a.totals));
  },
);

test.prop([yearInKopecks, fc.integer({ min: 1, max: 12 })])('events after a month do not change that month or any before it', (y, k) => {
  const all = yearInRows(run(y));
  const early = yearInRows(run({ ...y, events: y.events.filter((e) => e.month <= k) }));
  expect(early.slice(0, k)).toEqual(all.slice(0, k));
});

test.prop([yearInKopecks])('the result round-trips through JSON, with one trace step per month', (y) => {
  const r = run(y);
  const json = JSON.parse(JSON.stringify(r)) as { months: Record<string, string>[] };
  expect(json.months.map((m) => m['closing'])).toEqual(r.months.map((m) => m.closing.toString()));
  const monthSteps = r.trace.filter((s) => s.symbol.startsWith('НСЗ, '));
  expect(monthSteps.map((s) => s.value)).toEqual(r.months.map((m) => m.closing.toString()));
  for (const s of monthSteps) expect(s.source).toContain('проект Положения о НСЗ, ');
});
