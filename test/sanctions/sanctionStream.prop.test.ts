import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { D, type X } from '../../src/_internal';
import {
  caseSanction,
  defineSanctionTable,
  isOmsCalcError,
  sanctionRows,
  sanctionStream,
  sanctionTotals,
  type CaseInput,
  type CombinePolicy,
  type RecomputationPolicy,
  type SanctionErrorRow,
  type SanctionRow,
  type SanctionStreamOptions,
} from '../../src/sanctions';
import { computeCase, CaseInputSchema } from '../../src/sanctions/caseSanction';
import { fastCase, fastContext } from '../../src/sanctions/fastPath';
import { resolveOptions, SanctionStreamOptionsSchema } from '../../src/sanctions/options';
import { centsToString } from '../arbitraries';
import { json } from './helpers';
import { CODES, date2025, money, nearValidCase, perCapitaRates, rate, SETTINGS, validCase, violations } from './arbitraries';

const combine = fc.constantFrom<CombinePolicy>('max', 'sum-capped');
const recomputation = fc.constantFrom<RecomputationPolicy>('difference', 'difference-plus-kno');

/** Valid and invalid cases mixed, with options that sometimes lack a setting's rate. */
const registry = fc.array(fc.oneof({ weight: 4, arbitrary: validCase as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: nearValidCase }), { maxLength: 25 });
const options = fc.record(
  { perCapitaRates: fc.dictionary(fc.constantFrom(...SETTINGS), rate), combine, recomputation, date: date2025 },
  { requiredKeys: ['perCapitaRates'] },
) as fc.Arbitrary<SanctionStreamOptions>;

/** What caseSanction gives for one case: the result, or the error's code and issues. */
function reference(c: unknown, o: SanctionStreamOptions): unknown {
  try {
    return json(caseSanction(c as CaseInput, o));
  } catch (e) {
    if (!isOmsCalcError(e)) throw e;
    return { code: e.code, issues: json(e.issues) };
  }
}

async function rowsOf(c: readonly unknown[], o: SanctionStreamOptions): Promise<(SanctionRow | SanctionErrorRow)[]> {
  const out: (SanctionRow | SanctionErrorRow)[] = [];
  for await (const row of sanctionStream(c as CaseInput[], o)) out.push(row);
  return out;
}

describe('sanctionStream and sanctionTotals', () => {
  test.prop([registry, options])('the stream is a map of caseSanction over the cases, in order', async (cases, o) => {
    const traced = await rowsOf(cases, { ...o, trace: true });
    const light = await rowsOf(cases, o);
    expect(traced).toHaveLength(cases.length);
    traced.forEach((row, i) => {
      const expected = reference(cases[i], o);
      if ('error' in row) {
        expect({ code: row.error.code, issues: json(row.error.issues) }).toEqual(expected);
        expect(row.index).toBe(i);
      } else {
        expect(json(row)).toEqual(expected);
      }
      // without trace, the same rows less the trace
      expect(json(light[i])).toEqual(json({ ...row, trace: undefined }));
    });
    expect(json([...sanctionRows(cases as CaseInput[], o)])).toEqual(json(light));
  });

  test.prop([registry, options])('the totals are the sums of the rows, and by code and by section they add up to the totals', async (cases, o) => {
    const rows = await rowsOf(cases, o);
    const t = await sanctionTotals(sanctionStream(cases as CaseInput[], o));
    const ok = rows.filter((r): r is SanctionRow => !('error' in r));
    const sum = (xs: X[]): X => xs.reduce((a, b) => a.plus(b), new D(0));
    expect(t.cases).toBe(cases.length);
    expect(t.errors).toBe(rows.length - ok.length);
    expect(t.nonPayment.eq(sum(ok.map((r) => r.nonPayment)))).toBe(true);
    expect(t.fine.eq(sum(ok.map((r) => r.fine)))).toBe(true);
    const codes = Object.values(t.byCode);
    expect(sum(codes.map((c) => c.nonPayment)).eq(t.nonPayment)).toBe(true);
    expect(sum(codes.map((c) => c.fine)).eq(t.fine)).toBe(true);
    const sections = Object.values(t.bySection);
    expect(sum(sections.map((s) => s.nonPayment)).eq(t.nonPayment)).toBe(true);
    expect(sum(sections.map((s) => s.fine)).eq(t.fine)).toBe(true);
    for (const [code, v] of Object.entries(t.byCode)) {
      const details = ok.flatMap((r) => r.details.filter((d) => d.code === code));
      expect(v.cases).toBe(details.length);
      expect(v.fine.eq(sum(details.map((d) => d.fine)))).toBe(true);
      expect(v.nonPayment.eq(sum(details.map((d) => d.appliedNonPayment)))).toBe(true);
    }
    // the same totals from rows that went through JSON
    expect(json(await sanctionTotals(json(rows) as never))).toEqual(json(t));
  });
});

/**
 * A row as a user reads it, into a plain object: every field through its accessor (a row of the
 * fast path keeps its amounts as kopecks until they are read), in the order of the decimal path.
 */
function read(row: SanctionRow): SanctionRow {
  const details = row.details.map((d) => ({
    code: d.code,
    section: d.section,
    kno: d.kno,
    ksht: d.ksht,
    ...('recomputedTariff' in d ? { recomputedTariff: d.recomputedTariff } : {}),
    nonPayment: d.nonPayment,
    appliedNonPayment: d.appliedNonPayment,
    fine: d.fine,
  }));
  return { ...('id' in row ? { id: row.id } : {}), table: row.table, nonPayment: row.nonPayment, fine: row.fine, details };
}

describe('the rows of the fast path, kept as kopecks until read', () => {
  test.prop([registry, options])('read and serialised, each row equals the decimal path\'s row exactly, and totals of plain copies equal the totals', async (cases, o) => {
    const rows = [...sanctionRows(cases as CaseInput[], o)];
    const reference = [...sanctionRows(cases as CaseInput[], { ...o, trace: true })];
    rows.forEach((row, i) => {
      const expected = reference[i] as SanctionRow | SanctionErrorRow;
      if ('error' in row) return;
      const { trace: _, ...untraced } = expected as SanctionRow & { trace?: unknown };
      expect(read(row)).toEqual(untraced); // every field, Decimals digit by digit
      expect(JSON.stringify(row)).toBe(JSON.stringify(untraced));
    });
    const fresh = [...sanctionRows(cases as CaseInput[], o)];
    const copies = fresh.map((r) => ('error' in r ? r : read(r)));
    expect(json(await sanctionTotals(sanctionRows(cases as CaseInput[], o)))).toEqual(json(await sanctionTotals(copies)));
    expect(json(await sanctionTotals(fresh))).toEqual(json(await sanctionTotals(copies))); // rows already read
  });

  test.prop([fc.array(validCase, { minLength: 1, maxLength: 10 }), options, fc.nat()])(
    'a row whose amount is assigned adds the assigned amount to the totals',
    async (cases, o, pick) => {
      const rows = [...sanctionRows(cases as CaseInput[], o)];
      const ok = rows.filter((r): r is SanctionRow => !('error' in r));
      fc.pre(ok.length > 0);
      const row = ok[pick % ok.length] as SanctionRow;
      const before = await sanctionTotals(rows);
      row.nonPayment = row.nonPayment.plus('0.01');
      row.fine = row.fine.plus('1.00');
      const after = await sanctionTotals(rows);
      expect(after.nonPayment.minus(before.nonPayment).toString()).toBe('0.01');
      expect(after.fine.minus(before.fine).toString()).toBe('1');
      expect(JSON.parse(JSON.stringify(row)).fine).toBe(row.fine.toString());
    },
  );
});

/** Cases in every form the fast path reads, with amounts up to and beyond its integer range. */
const fastCase$ = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: fc.bigInt({ min: 0n, max: 10_000_000_000n }) }, { weight: 1, arbitrary: fc.bigInt({ min: 8_999_999_999_000n, max: 9_000_000_001_000n }) }, { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 16n }) }),
    fc.integer({ min: 0, max: 2 }),
  )
  .chain(([t, form]) =>
    fc.record(
      {
        id: fc.string({ maxLength: 4 }),
        date: date2025,
        tariff: fc.constant(form === 0 ? centsToString(t) : form === 1 ? centsToString(t).replace(/\.?0+$/, '') : Number(centsToString(t))),
        setting: fc.constantFrom(...SETTINGS),
        perCapitaRate: fc.oneof(rate, money(10n ** 16n)),
        violations: violations(t, 6),
      },
      { requiredKeys: ['tariff', 'setting', 'violations'] },
    ),
  );

/** A table with random coefficients of two places at most (a table takes no more, D4), Кшт up to 50. */
const randomTable = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5_000 }), fc.boolean(), fc.boolean()), { minLength: CODES.length, maxLength: CODES.length })
  .map((coefficients) =>
    defineSanctionTable({
      id: 'random',
      title: 'random table',
      source: 'test',
      validFrom: '2025-01-01',
      entries: CODES.map((code, i) => {
        const [kno, ksht, fine, onePlace] = coefficients[i] as [number, number, boolean, boolean];
        const scale = onePlace ? 10 : 100;
        return {
          code,
          section: (['MEK', 'MEE', 'EKMP'] as const)[Number(code[0]) - 1] as 'MEK',
          title: code,
          kno: (fine && kno % 3 === 0) ? null : new D(Math.round((kno * scale) / 1000)).div(scale),
          ksht: fine ? new D(ksht).div(100).toDecimalPlaces(scale === 10 ? 1 : 2) : null,
        };
      }),
    }),
  );

describe('the integer fast path', () => {
  test.prop([fc.array(fastCase$, { minLength: 1, maxLength: 20 }), perCapitaRates, combine, recomputation, fc.option(randomTable, { nil: undefined })])(
    'equals the decimal reference (caseSanction) on every case it takes, and takes every plain case',
    (cases, rates, policy, rule, table) => {
      const o: SanctionStreamOptions = { perCapitaRates: rates, combine: policy, recomputation: rule, ...(table === undefined ? {} : { tables: [table] }) };
      const resolved = resolveOptions(SanctionStreamOptionsSchema.parse(o));
      const ctx = fastContext(resolved);
      for (const c of cases) {
        const fast = fastCase(c, ctx);
        let reference: unknown;
        try {
          reference = computeCase(CaseInputSchema.parse(c), resolved, 'reference', false);
        } catch (e) {
          if (!isOmsCalcError(e)) throw e;
          expect(fast).toBeUndefined(); // the fast path never answers where the reference fails
          continue;
        }
        if (fast !== undefined) {
          expect(read(fast)).toEqual(reference); // every field, Decimals compared digit by digit
          expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
        }
        // A case with amounts in kopecks within the integer range, on a two-place table, must not fall back.
        // (amounts up to 9·10¹¹ rubles; a rate up to 10¹¹, since a Кшт of 3 multiplies it)
        const plainAmount = (x: unknown, limit = 9e11): boolean =>
          typeof x === 'string' ? /^\d+(\.\d{1,2})?$/.test(x) && Number(x) <= limit : typeof x === 'number' && x <= limit;
        const rateOf = c.perCapitaRate ?? rates[c.setting as keyof typeof rates];
        const plain =
          table === undefined && plainAmount(c.tariff) && plainAmount(rateOf, 1e11) && c.violations.every((v) => typeof v === 'string' || plainAmount(v.recomputedTariff));
        if (plain) expect(fast).toBeDefined();
      }
    },
  );
});
