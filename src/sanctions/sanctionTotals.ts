import * as z from 'zod';
import { D, decimal, invalidInput, makeIssue, show, toIssues, ZERO, type TraceStep, type X } from '../_internal';
import { ORDER_231N, type CaseSanction, type SanctionRow } from './caseSanction';
import { FastRow, type FastContext } from './fastPath';
import type { CompiledEntry } from './lookup';
import { decimalFromKopecks, kopecksOfDecimal, MAX_FAST_KOPECKS } from './kopecks';
import { SanctionStream, type SanctionErrorRow } from './sanctionStream';
import { SANCTION_SECTIONS, type SanctionSection } from './table';

/**
 * Totals of one violation code.
 *
 * @example
 * ```ts
 * import { sanctionRows, sanctionTotals, type SanctionCodeTotals } from 'oms-calc/sanctions';
 *
 * const t = await sanctionTotals(sanctionRows([{ tariff: '1000', violations: ['3.2.1'] }, { tariff: '500', violations: ['3.2.1'] }]));
 * const code = t.byCode['3.2.1'] as SanctionCodeTotals;
 * [code.cases, code.nonPayment.toString()]; // [2, '150']
 * ```
 */
export interface SanctionCodeTotals {
  /** Number of cases in which the code was found. */
  cases: number;
  /** The non-payment attributed to the code (the details' `appliedNonPayment`), rubles. */
  nonPayment: X;
  /** The fines for the code, rubles. */
  fine: X;
}

/**
 * Totals of one section (MEK, MEE, EKMP).
 *
 * @example
 * ```ts
 * import { sanctionRows, sanctionTotals, type SanctionSectionTotals } from 'oms-calc/sanctions';
 *
 * const t = await sanctionTotals(sanctionRows([{ tariff: '1000', violations: ['1.4.2', '3.2.1'] }]));
 * const mek: SanctionSectionTotals = t.bySection.MEK;
 * [mek.cases, mek.nonPayment.toString(), t.bySection.EKMP.nonPayment.toString()]; // [1, '1000', '0']
 * ```
 */
export interface SanctionSectionTotals {
  /** Number of cases with at least one violation of the section. */
  cases: number;
  /** The non-payment attributed to the section's codes, rubles. */
  nonPayment: X;
  /** The fines for the section's codes, rubles. */
  fine: X;
}

/**
 * Result of {@link sanctionTotals}. Money in rubles, kopecks exact.
 */
export interface SanctionTotals {
  /** Number of rows (cases), error rows included. */
  cases: number;
  /** Number of error rows. */
  errors: number;
  /** Error rows by error code. */
  errorsByCode: Record<string, number>;
  /** Total non-payment of the cases without error. */
  nonPayment: X;
  /** Total fines of the cases without error. */
  fine: X;
  /** The same by violation code, codes in the order of the list (1.2 before 1.10). */
  byCode: Record<string, SanctionCodeTotals>;
  /** The same by section; all three sections are present. */
  bySection: Record<SanctionSection, SanctionSectionTotals>;
  /** How the totals were obtained. */
  trace: TraceStep[];
}

/**
 * Where a running sum of kopecks moves into a BigInt: every amount added is below 10¹⁴ kopecks
 * (a Н at most the tariff, within MAX_FAST_KOPECKS; a Сшт a hundredth of a product kept within the
 * safe range), so a sum below this bound plus one more amount stays below 2⁵³, exact.
 */
const SPILL_KOPECKS = 4_000_000_000_000_000;

/** An exact running sum: safe-integer kopecks, spilling into a BigInt, plus a Decimal for the rest. */
class Money {
  kopecks = 0;
  spilled = 0n;
  rest: X | undefined;

  addKopecks(k: number): void {
    this.kopecks += k;
    if (this.kopecks > SPILL_KOPECKS) {
      this.spilled += BigInt(this.kopecks);
      this.kopecks = 0;
    }
  }

  addDecimal(x: X): void {
    const k = kopecksOfDecimal(x);
    if (k >= 0 && k <= MAX_FAST_KOPECKS) this.addKopecks(k);
    else this.rest = (this.rest ?? ZERO).plus(x);
  }

  value(): X {
    const whole = this.spilled === 0n ? decimalFromKopecks(this.kopecks) : new D((this.spilled + BigInt(this.kopecks)).toString()).div(100);
    return this.rest === undefined ? whole : whole.plus(this.rest);
  }
}

/** `x` plus `k` kopecks, exactly (`x` itself for none). */
function plusKopecks(x: X, k: bigint): X {
  if (k === 0n) return x;
  const more = k <= BigInt(Number.MAX_SAFE_INTEGER) ? decimalFromKopecks(Number(k)) : new D(k.toString()).div(100);
  return x.isZero() ? more : x.plus(more);
}

interface CodeAccumulator {
  cases: number;
  nonPayment: Money;
  fine: Money;
}

const rowDetail = z.looseObject({
  code: z.string({ error: 'expected a violation code string' }),
  section: z.enum(['MEK', 'MEE', 'EKMP'], { error: 'expected a section: "MEK", "MEE" or "EKMP"' }),
  appliedNonPayment: decimal({ min: 0 }),
  fine: decimal({ min: 0 }),
});

const resultRow = z.looseObject({
  nonPayment: decimal({ min: 0 }),
  fine: decimal({ min: 0 }),
  details: z.array(rowDetail, { error: 'expected the array of details of a case result' }),
});

const errorRowSchema = z.looseObject({
  error: z.looseObject({ code: z.string({ error: 'expected an error code string' }) }),
});

/**
 * Orders violation codes as the list of 231н does: by each number in turn, so 1.2 < 1.9 < 1.10.1
 * < 2.1 (a string sort would put 1.10 before 1.2). For `Array.prototype.sort`.
 *
 * @param a - a code such as `'1.10'`
 * @param b - another code
 * @returns negative, zero or positive, as `sort` expects
 * @throws {@link OmsCalcError} `INVALID_INPUT` when a code is not a string
 * @example
 * ```ts
 * import { compareCodes } from 'oms-calc/sanctions';
 *
 * ['1.10.1', '2.1', '1.2'].sort(compareCodes); // ['1.2', '1.10.1', '2.1']
 * ```
 */
export function compareCodes(a: string, b: string): number {
  if (typeof a !== 'string' || typeof b !== 'string') {
    throw invalidInput('compareCodes', [makeIssue('invalid_type', [typeof a !== 'string' ? 0 : 1], { expected: 'string', received: show(typeof a !== 'string' ? a : b) }, 'expected violation codes as strings')]);
  }
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const d = compareSegments(pa[i] as string, pb[i] as string);
    if (d !== 0) return d;
  }
  if (pa.length !== pb.length) return pa.length < pb.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1; // '01' and '1' differ: a total order, 0 only for equal codes
}

const DIGITS = /^[0-9]+$/;

/** One part of a code: numbers by value (any length, no floats), before any other text. */
function compareSegments(x: string, y: string): number {
  const dx = DIGITS.test(x);
  const dy = DIGITS.test(y);
  if (dx && dy) {
    const nx = x.replace(/^0+(?=.)/, '');
    const ny = y.replace(/^0+(?=.)/, '');
    if (nx.length !== ny.length) return nx.length < ny.length ? -1 : 1;
    return nx === ny ? 0 : nx < ny ? -1 : 1;
  }
  if (dx !== dy) return dx ? -1 : 1;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** The trace of totals: the two sums, with the number of cases they cover. */
export function totalsTrace(cases: number, errors: number, nonPayment: X, fine: X): TraceStep[] {
  const ok = cases - errors;
  return [
    { symbol: 'Н', formula: `Σ Н по ${ok} случаям без ошибок (из ${cases})`, value: nonPayment.toString(), source: `${ORDER_231N}; решение D5` },
    { symbol: 'Сшт', formula: `Σ Сшт по ${ok} случаям без ошибок (из ${cases})`, value: fine.toString(), source: `${ORDER_231N}; решение D5` },
  ];
}

/** The running totals of a stream of rows (also fed kopecks directly by the CSV path). */
export class Accumulator {
  cases = 0;
  errors = 0;
  readonly errorsByCode = new Map<string, number>();
  readonly nonPayment = new Money();
  readonly fine = new Money();
  readonly byCode = new Map<string, CodeAccumulator>();
  readonly sections = SANCTION_SECTIONS.map(() => ({ cases: 0, nonPayment: new Money(), fine: new Money() }));

  code(code: string): CodeAccumulator {
    let acc = this.byCode.get(code);
    if (acc === undefined) {
      acc = { cases: 0, nonPayment: new Money(), fine: new Money() };
      this.byCode.set(code, acc);
    }
    return acc;
  }

  // The sums of the integer path (the byte path's cases and the fast rows of a stream), by table
  // entry in flat arrays (a slot per entry), folded into the codes, the sections and the totals
  // only when they are read (D22): a case's Н is the sum of its details' applied parts (Кно ≤ 1, so
  // each is at most the tariff) and its Сшт that of their fines (D5), so nothing else is added per case.
  /** The entry of each slot. */
  readonly #slotEntries: CompiledEntry[] = [];
  /** Cases, Н and Сшт of each slot, in kopecks (exact below 2⁵³: spilled past {@link SPILL_KOPECKS}). */
  #slotCases: Float64Array = new Float64Array(64);
  #slotNonPayment: Float64Array = new Float64Array(64);
  #slotFine: Float64Array = new Float64Array(64);
  /** What each slot has spilled, as BigInt kopecks: Н then Сшт. */
  readonly #slotSpilled: bigint[] = [];
  /** The last entry given a slot at each table position, and that slot. */
  readonly #owner: (CompiledEntry | undefined)[] = [];
  readonly #ownerSlot: number[] = [];
  /** The slot of every entry seen. */
  readonly #slots = new Map<CompiledEntry, number>();

  /** The slot of an entry, a new one the first time the entry is seen. */
  #slotOf(e: CompiledEntry): number {
    let slot = this.#slots.get(e);
    if (slot === undefined) {
      slot = this.#slotEntries.length;
      this.#slots.set(e, slot);
      this.#slotEntries.push(e);
      this.#slotSpilled.push(0n, 0n);
      if (slot >= this.#slotCases.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(2 * a.length);
          b.set(a);
          return b;
        };
        this.#slotCases = grow(this.#slotCases);
        this.#slotNonPayment = grow(this.#slotNonPayment);
        this.#slotFine = grow(this.#slotFine);
      }
    }
    this.#owner[e.index] = e;
    this.#ownerSlot[e.index] = slot;
    return slot;
  }

  /** Moves a slot's sums into its BigInt kopecks. */
  #spill(slot: number): void {
    this.#slotSpilled[2 * slot] = (this.#slotSpilled[2 * slot] as bigint) + BigInt(this.#slotNonPayment[slot] as number);
    this.#slotSpilled[2 * slot + 1] = (this.#slotSpilled[2 * slot + 1] as bigint) + BigInt(this.#slotFine[slot] as number);
    this.#slotNonPayment[slot] = 0;
    this.#slotFine[slot] = 0;
  }

  /** A case computed in kopecks: `ctx.entries[0…n)`, with `ctx.applied` and `ctx.fines` (n ≥ 1). */
  addKopecks(n: number, ctx: FastContext): void {
    this.cases++;
    let seen = 0;
    for (let i = 0; i < n; i++) seen = this.#detail(ctx.entries[i] as CompiledEntry, ctx.applied[i] as number, ctx.fines[i] as number, seen);
  }

  /**
   * One violation of a case in kopecks (its applied Н and its Сшт), added to its entry's slot; the
   * case is counted in the section once: `seen` has a bit for each section the case has already
   * counted; returns it with this one's.
   */
  #detail(e: CompiledEntry, applied: number, fine: number, seen: number): number {
    const slot = this.#owner[e.index] === e ? (this.#ownerSlot[e.index] as number) : this.#slotOf(e);
    this.#slotCases[slot] = (this.#slotCases[slot] as number) + 1;
    const np = ((this.#slotNonPayment[slot] as number) += applied);
    const f = ((this.#slotFine[slot] as number) += fine);
    if (np > SPILL_KOPECKS || f > SPILL_KOPECKS) this.#spill(slot);
    const s = e.sectionIndex;
    if ((seen & (1 << s)) !== 0) return seen;
    (this.sections[s] as (typeof this.sections)[number]).cases++;
    return seen | (1 << s);
  }

  /** A case without violations: counted, nothing to add. */
  addZero(): void {
    this.cases++;
  }

  /** An error row with its code. */
  addError(code: string): void {
    this.cases++;
    this.errors++;
    this.errorsByCode.set(code, (this.errorsByCode.get(code) ?? 0) + 1);
  }

  add(row: unknown): void {
    const index = this.cases++;
    const kopecks = FastRow.kopecksOf(row);
    if (kopecks !== undefined) {
      // Н and Сшт of the case are those of its details, added up when read (as for addKopecks)
      const entries = FastRow.entriesOf(row as FastRow);
      let seen = 0;
      for (let i = 0; i < entries.length; i++) {
        seen = this.#detail(entries[i] as CompiledEntry, kopecks[2 + 2 * i] as number, kopecks[3 + 2 * i] as number, seen);
      }
      return;
    }
    if (typeof row === 'object' && row !== null && 'error' in row) {
      const parsed = errorRowSchema.safeParse(row);
      if (!parsed.success) throw invalidInput('sanctionTotals', toIssues(parsed.error.issues, [index]));
      const code = parsed.data.error.code;
      this.errors++;
      this.errorsByCode.set(code, (this.errorsByCode.get(code) ?? 0) + 1);
      return;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw invalidInput('sanctionTotals', [makeIssue('invalid_type', [index], { expected: 'object', received: show(row) }, `expected a row of sanctionStream or a result of caseSanction, got ${show(row)}`)]);
    }
    const parsed = resultRow.safeParse(row);
    if (!parsed.success) throw invalidInput('sanctionTotals', toIssues(parsed.error.issues, [index]));
    this.nonPayment.addDecimal(parsed.data.nonPayment);
    this.fine.addDecimal(parsed.data.fine);
    let seen = 0;
    for (const d of parsed.data.details) {
      const acc = this.code(d.code);
      acc.cases++;
      acc.nonPayment.addDecimal(d.appliedNonPayment);
      acc.fine.addDecimal(d.fine);
      const s = SANCTION_SECTIONS.indexOf(d.section);
      const section = this.sections[s] as (typeof this.sections)[number];
      if ((seen & (1 << s)) === 0) {
        seen |= 1 << s;
        section.cases++;
      }
      section.nonPayment.addDecimal(d.appliedNonPayment);
      section.fine.addDecimal(d.fine);
    }
  }

  result(): SanctionTotals {
    // the byte path's slots, folded (as BigInt kopecks) into their codes, sections and the totals
    const folded = new Map<string, { cases: number; nonPayment: bigint; fine: bigint }>();
    const sectionKopecks = SANCTION_SECTIONS.map(() => [0n, 0n]);
    let totalNonPayment = 0n;
    let totalFine = 0n;
    this.#slotEntries.forEach((e, slot) => {
      const np = (this.#slotSpilled[2 * slot] as bigint) + BigInt(this.#slotNonPayment[slot] as number);
      const fine = (this.#slotSpilled[2 * slot + 1] as bigint) + BigInt(this.#slotFine[slot] as number);
      const code = folded.get(e.code) ?? { cases: 0, nonPayment: 0n, fine: 0n };
      code.cases += this.#slotCases[slot] as number;
      code.nonPayment += np;
      code.fine += fine;
      folded.set(e.code, code);
      const s = sectionKopecks[e.sectionIndex] as bigint[];
      s[0] = (s[0] as bigint) + np;
      s[1] = (s[1] as bigint) + fine;
      totalNonPayment += np;
      totalFine += fine;
    });
    const byCode: Record<string, SanctionCodeTotals> = {};
    for (const code of [...new Set([...this.byCode.keys(), ...folded.keys()])].sort(compareCodes)) {
      const acc = this.byCode.get(code);
      const more = folded.get(code);
      byCode[code] = {
        cases: (acc?.cases ?? 0) + (more?.cases ?? 0),
        nonPayment: plusKopecks(acc?.nonPayment.value() ?? ZERO, more?.nonPayment ?? 0n),
        fine: plusKopecks(acc?.fine.value() ?? ZERO, more?.fine ?? 0n),
      };
    }
    const section = (i: number): SanctionSectionTotals => {
      const s = this.sections[i] as (typeof this.sections)[number];
      const k = sectionKopecks[i] as bigint[];
      return { cases: s.cases, nonPayment: plusKopecks(s.nonPayment.value(), k[0] as bigint), fine: plusKopecks(s.fine.value(), k[1] as bigint) };
    };
    const nonPayment = plusKopecks(this.nonPayment.value(), totalNonPayment);
    const fine = plusKopecks(this.fine.value(), totalFine);
    const trace = totalsTrace(this.cases, this.errors, nonPayment, fine);
    return {
      cases: this.cases,
      errors: this.errors,
      errorsByCode: Object.fromEntries([...this.errorsByCode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      nonPayment,
      fine,
      byCode,
      bySection: { MEK: section(0), MEE: section(1), EKMP: section(2) },
      trace,
    };
  }
}

/**
 * Adds up the rows of {@link sanctionStream} (or results of {@link caseSanction}): the number of
 * cases and of errors, the total non-payment and fines, and the same by violation code and by
 * section. By code and by section the non-payment is the attributed part (`appliedNonPayment`),
 * so that they add up to the total exactly. The sums are exact to the kopeck however many rows.
 *
 * Rows that come from JSON (Decimals as strings) are accepted and validated.
 *
 * Source: Приказ Минздрава № 231н; decision D5 (attribution of a case's non-payment).
 *
 * @param results - an iterable or async iterable of rows (typically `sanctionStream(cases)`)
 * @returns a promise of the totals
 * @throws {@link OmsCalcError} `INVALID_INPUT` (the promise rejects) when `results` is not
 *   iterable or a row is neither a result nor an error row; the issue's path starts with the
 *   row's position
 * @example
 * ```ts
 * import { sanctionStream, sanctionTotals } from 'oms-calc/sanctions';
 *
 * // 3.2.2 (ЭКМП): Н = 10 000 × 0,4 = 4 000, Сшт = 7 000 × 0,3 = 2 100; 1.4.2 (МЭК): Н = 500 × 1
 * const cases = [
 *   { tariff: '10000', setting: 'hospital' as const, violations: ['3.2.2'] },
 *   { tariff: '500', violations: ['1.4.2'] },
 *   { tariff: '1', violations: ['9.9'] },
 * ];
 * const t = await sanctionTotals(sanctionStream(cases, { perCapitaRates: { hospital: '7000' } }));
 * [t.cases, t.errors, t.errorsByCode, t.nonPayment.toString(), t.bySection.EKMP.fine.toString()]; // [3, 1, { UNKNOWN_CODE: 1 }, '4500', '2100']
 * ```
 */
export async function sanctionTotals(
  results: Iterable<SanctionRow | CaseSanction | SanctionErrorRow> | AsyncIterable<SanctionRow | CaseSanction | SanctionErrorRow>,
): Promise<SanctionTotals> {
  const acc = new Accumulator();
  if (results instanceof SanctionStream && results.forEachSync((row) => acc.add(row))) return acc.result();
  if (typeof results === 'object' && results !== null && typeof (results as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    for await (const row of results as AsyncIterable<unknown>) acc.add(row);
    return acc.result();
  }
  if (typeof results === 'object' && results !== null && typeof (results as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const row of results as Iterable<unknown>) acc.add(row);
    return acc.result();
  }
  throw invalidInput('sanctionTotals', [makeIssue('invalid_type', [], { expected: 'iterable', received: show(results) }, `expected an iterable or async iterable of rows, got ${show(results)}`)]);
}
