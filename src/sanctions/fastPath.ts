/**
 * The integer fast path of {@link sanctionStream}: a plainly well-formed case (string or number
 * amounts with at most two decimals, known codes with coefficients of at most two decimals, a
 * rate where one is needed) is checked by hand and computed in exact integer kopecks. Anything
 * else — including every invalid case — returns `undefined` and goes through the zod schema and
 * the decimal reference ({@link computeCase}), which gives the precise error. The property tests
 * prove both paths agree.
 *
 * @module
 */
import { isoDateNumber, ZERO, type X } from '../_internal';
import type { SanctionRow, ViolationSanction } from './caseSanction';
import { decimalFromKopecks, inputKopecks, kopecksOfDecimal, MAX_FAST_KOPECKS, roundHundredths } from './kopecks';
import { selectTable, type CompiledEntry, type CompiledTable } from './lookup';
import type { ResolvedOptions } from './options';
import { isIsoDate } from './table';

/**
 * A stream row computed by the fast path, kept as integer kopecks until it is read: `nonPayment`,
 * `fine` and `details` are getters of the class that build their Decimals (through the
 * constructor) on first read and keep them. {@link sanctionTotals} adds the kopecks of such a row
 * without building any Decimal. `JSON.stringify` gives the same JSON as the decimal path's row
 * (`toJSON`); a spread or `structuredClone` copies only `id` and `table`, the own data fields.
 * Assigning an amount, or reading `details` (whose objects can be changed), makes the totals read
 * the row's Decimals instead of its kopecks.
 */
export class FastRow implements SanctionRow {
  declare id?: string | undefined;
  declare table: string;
  /** [nonPayment, fine, applied_0, fine_0, …, applied_n−1, fine_n−1, Н_0, …, Н_n−1, recomputed_0 (−1 for none), …]; `undefined` once the row may differ from them. */
  #kopecks: readonly number[] | undefined;
  /** The table entries of the violations, in input order. */
  readonly #entries: readonly CompiledEntry[];
  readonly #ctx: FastContext;
  #nonPayment: X | undefined;
  #fine: X | undefined;
  #details: ViolationSanction[] | undefined;

  constructor(id: string | undefined, table: string, entries: readonly CompiledEntry[], kopecks: readonly number[], ctx: FastContext) {
    if (id !== undefined) this.id = id;
    this.table = table;
    this.#kopecks = kopecks;
    this.#entries = entries;
    this.#ctx = ctx;
    this.#nonPayment = undefined;
    this.#fine = undefined;
    this.#details = undefined;
  }

  /** Н of the case, rubles (РТ × Кно combined by decision D5). */
  get nonPayment(): X {
    return (this.#nonPayment ??= decimalFromKopecks((this.#kopecks as readonly number[])[0] as number));
  }

  set nonPayment(value: X) {
    this.#frozen();
    this.#kopecks = undefined;
    this.#nonPayment = value;
  }

  /** Сшт of the case, rubles. */
  get fine(): X {
    return (this.#fine ??= decimalFromKopecks((this.#kopecks as readonly number[])[1] as number));
  }

  set fine(value: X) {
    this.#frozen();
    this.#kopecks = undefined;
    this.#fine = value;
  }

  /** The violations' amounts, built on first read. */
  get details(): ViolationSanction[] {
    this.#frozen();
    this.#kopecks = undefined;
    return this.#details as ViolationSanction[];
  }

  set details(value: ViolationSanction[]) {
    this.#frozen();
    this.#kopecks = undefined;
    this.#details = value;
  }

  /** The same JSON as a row of the decimal path: `{ id?, table, nonPayment, fine, details }`. */
  toJSON(): SanctionRow {
    const row: SanctionRow = this.id === undefined ? { table: this.table, nonPayment: this.nonPayment, fine: this.fine, details: this.#built() } : { id: this.id, table: this.table, nonPayment: this.nonPayment, fine: this.fine, details: this.#built() };
    return row;
  }

  /** Builds every Decimal of the row, so that its kopecks can be dropped (they are `undefined` only after this). */
  #frozen(): void {
    const k = this.#kopecks;
    if (k === undefined) return;
    this.#nonPayment ??= decimalFromKopecks(k[0] as number);
    this.#fine ??= decimalFromKopecks(k[1] as number);
    this.#built();
  }

  #built(): ViolationSanction[] {
    if (this.#details !== undefined) return this.#details;
    const k = this.#kopecks as readonly number[];
    const entries = this.#entries;
    const n = entries.length;
    const details = new Array<ViolationSanction>(n);
    for (let i = 0; i < n; i++) {
      const e = entries[i] as CompiledEntry;
      const np = decimalFromKopecks(k[2 + 2 * n + i] as number);
      const applied = k[2 + 2 * i] as number;
      const appliedDecimal = applied === k[2 + 2 * n + i] ? np : decimalFromKopecks(applied);
      const f = k[3 + 2 * i] as number;
      const fine = f === 0 ? ZERO : sharedFine(f, this.#ctx);
      const R = k[2 + 3 * n + i] as number;
      details[i] =
        R < 0
          ? { code: e.code, section: e.section, kno: e.kno, ksht: e.ksht, nonPayment: np, appliedNonPayment: appliedDecimal, fine }
          : { code: e.code, section: e.section, kno: e.kno, ksht: e.ksht, recomputedTariff: decimalFromKopecks(R), nonPayment: np, appliedNonPayment: appliedDecimal, fine };
    }
    this.#details = details;
    return details;
  }

  /** The integer kopecks of a fast row not changed since it was computed, or `undefined` for any other value. */
  static kopecksOf(row: unknown): readonly number[] | undefined {
    return typeof row === 'object' && row !== null && #kopecks in row ? row.#kopecks : undefined;
  }

  /** The table entries of a fast row's violations, in input order. */
  static entriesOf(row: FastRow): readonly CompiledEntry[] {
    return row.#entries;
  }
}

/** What the fast path needs from the options, prepared once per stream. */
export interface FastContext {
  readonly tables: readonly CompiledTable[];
  readonly date: string | undefined;
  /** РП by setting in kopecks; −1 when absent, −2 when not a whole number of kopecks. */
  readonly rates: readonly number[];
  readonly max: boolean;
  /** Recomputation adds РТ2 × Кно to the overcharge (D13). */
  readonly plusKno: boolean;
  readonly byDate: Map<string, CompiledTable | null>;
  /** Decimals of recurring fines (a setting's РП × a code's Кшт), by kopecks. */
  readonly fineDecimals: Map<number, X>;
  // scratch space, reused case after case
  readonly entries: CompiledEntry[];
  readonly recomputed: number[];
  readonly nonPayments: number[];
  readonly fines: number[];
  readonly order: number[];
  readonly applied: number[];
  readonly sums: number[];
}

/** Prepares the fast path for a stream's options. */
export function fastContext(o: ResolvedOptions): FastContext {
  return {
    tables: o.tables,
    date: o.date,
    rates: o.rates.map((r) => {
      if (r === undefined) return -1;
      const k = kopecksOfDecimal(r);
      return Number.isNaN(k) || k < 0 || k > MAX_FAST_KOPECKS ? -2 : k;
    }),
    max: o.combine === 'max',
    plusKno: o.recomputation === 'difference-plus-kno',
    byDate: new Map(),
    fineDecimals: new Map(),
    entries: [],
    recomputed: [],
    nonPayments: [],
    fines: [],
    order: [],
    applied: [],
    sums: [0, 0, 0, 0],
  };
}

/** The most violations in a case the fast path takes. */
export const MAX_VIOLATIONS = 64;


/** The Decimal of a fine, shared between the many cases with the same РП and Кшт. */
function sharedFine(k: number, ctx: FastContext): X {
  let x = ctx.fineDecimals.get(k);
  if (x === undefined) {
    if (ctx.fineDecimals.size >= 4096) ctx.fineDecimals.clear();
    x = decimalFromKopecks(k);
    ctx.fineDecimals.set(k, x);
  }
  return x;
}

/** The compiled table in force on a date (or the only one), `null` when the decimal path must decide. */
export function tableFor(date: string | undefined, ctx: FastContext): CompiledTable | null {
  if (ctx.tables.length === 1) {
    const only = ctx.tables[0] as CompiledTable;
    if (date === undefined) return only;
    const k = isoDateNumber(date);
    return k >= 0 && only.from <= k && k <= only.to ? only : null;
  }
  if (date === undefined) return null;
  const hit = ctx.byDate.get(date);
  if (hit !== undefined) return hit;
  let found: CompiledTable | null = null;
  if (isIsoDate(date)) {
    try {
      found = selectTable(ctx.tables, date, 'fast path');
    } catch {
      found = null; // the decimal path reports the error
    }
  }
  if (ctx.byDate.size >= 4096) ctx.byDate.clear();
  ctx.byDate.set(date, found);
  return found;
}

/** The index of a setting in the order of `SETTINGS`, −1 for anything else. */
export function settingIndex(s: unknown): number {
  switch (s) {
    case 'ambulatory':
      return 0;
    case 'ambulance':
      return 1;
    case 'all':
      return 2;
    case 'hospital':
      return 3;
    default:
      return -1;
  }
}

/**
 * The kopecks of a case whose table entries are `ctx.entries[0…n)` (distinct) and recomputed
 * tariffs `ctx.recomputed` (−1 for none): Н = РТ × Кно (or the recomputation of D13), Сшт = РП × Кшт,
 * each rounded half up to kopecks, combined by decision D5. The results are left in
 * `ctx.nonPayments`, `ctx.fines`, `ctx.applied` and `ctx.sums` ([Н, ΣСшт, index of the largest Н
 * under 'max', number of fines > 0]); `false` when the case needs the decimal path.
 *
 * Source: Приказ Минздрава № 231н; Тарифное соглашение от 09.01.2025, прил. 25; decisions D5, D13.
 */
export function computeKopecks(T: number, rate: number, n: number, ctx: FastContext): boolean {
  const { entries, recomputed, nonPayments, fines, order } = ctx;
  let fineTotal = 0;
  let finesCount = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as CompiledEntry;
    const R = recomputed[i] as number;

    const kno = e.kno100;
    let np: number;
    if (R >= 0) {
      if (kno === -1) return false;
      np = T > R ? T - R : 0;
      if (ctx.plusKno) {
        if (Number.isNaN(kno)) return false;
        np += roundHundredths((T < R ? T : R) * kno);
      }
    } else if (kno === -1) {
      np = 0;
    } else {
      if (Number.isNaN(kno)) return false;
      np = roundHundredths(T * kno);
    }
    nonPayments[i] = np;

    const ksht = e.ksht100;
    let fine = 0;
    if (ksht !== -1) {
      if (rate < 0 || Number.isNaN(ksht)) return false;
      const product = rate * ksht;
      if (product > Number.MAX_SAFE_INTEGER) return false;
      fine = roundHundredths(product);
      if (fine > 0) finesCount++;
    }
    fines[i] = fine;
    fineTotal += fine;
  }
  if (fineTotal > Number.MAX_SAFE_INTEGER) return false;

  const { applied } = ctx;
  let total: number;
  let best = -1;
  if (ctx.max) {
    // The largest Н, the first in table order among equal ones (D5): one pass, no sort.
    let bestIndex = 0;
    for (let i = 0; i < n; i++) {
      const np = nonPayments[i] as number;
      const index = (entries[i] as CompiledEntry).index;
      if (best < 0 || np > (nonPayments[best] as number) || (np === nonPayments[best] && index < bestIndex)) {
        best = i;
        bestIndex = index;
      }
    }
    total = nonPayments[best] as number;
    for (let i = 0; i < n; i++) applied[i] = i === best ? total : 0;
  } else {
    // Table order of the violations: the order that attributes the non-payment (D5).
    for (let i = 0; i < n; i++) {
      let j = i;
      const index = (entries[i] as CompiledEntry).index;
      while (j > 0 && (entries[order[j - 1] as number] as CompiledEntry).index > index) {
        order[j] = order[j - 1] as number;
        j--;
      }
      order[j] = i;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += nonPayments[i] as number;
    total = sum > T ? T : sum;
    let left = total;
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const np = nonPayments[i] as number;
      const take = np <= left ? np : left;
      applied[i] = take;
      left -= take;
    }
  }
  ctx.sums[0] = total;
  ctx.sums[1] = fineTotal;
  ctx.sums[2] = best;
  ctx.sums[3] = finesCount;
  return true;
}

/**
 * The row of a plainly well-formed case, computed in integer kopecks; `undefined` when the case
 * needs the decimal path (for a precise error or an unusual input). The same formulas as
 * `computeCase`: Н = РТ × Кно, Сшт = РП × Кшт, kopecks half up, combined by decision D5.
 *
 * Source: Приказ Минздрава № 231н; Тарифное соглашение от 09.01.2025, прил. 25 (decision D4).
 */
export function fastCase(raw: unknown, ctx: FastContext): FastRow | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = raw as Record<string, unknown>;
  for (const key in c) {
    switch (key) {
      case 'id':
      case 'date':
      case 'tariff':
      case 'setting':
      case 'perCapitaRate':
      case 'violations':
        break;
      default:
        return undefined;
    }
  }
  const id = c['id'];
  if (id !== undefined && typeof id !== 'string') return undefined;
  const date = c['date'];
  if (date !== undefined && typeof date !== 'string') return undefined;
  const T = inputKopecks(c['tariff']);
  if (T < 0) return undefined;
  const setting = c['setting'];
  let si = -1;
  if (setting !== undefined) {
    si = settingIndex(setting);
    if (si < 0) return undefined;
  }
  let P = -1;
  if (c['perCapitaRate'] !== undefined) {
    P = inputKopecks(c['perCapitaRate']);
    if (P < 0) return undefined;
  }
  const vs = c['violations'];
  if (!Array.isArray(vs)) return undefined;
  const n = vs.length;
  if (n === 0 || n > MAX_VIOLATIONS) return undefined;
  const table = tableFor(date ?? ctx.date, ctx);
  if (table === null) return undefined;

  const { entries, recomputed } = ctx;
  const rate = P >= 0 ? P : si >= 0 ? (ctx.rates[si] as number) : -1;
  for (let i = 0; i < n; i++) {
    const v: unknown = vs[i];
    let e: CompiledEntry | undefined;
    let R = -1;
    // A code by its text, as the decimal path looks it up (the same CODE_PATTERN admits both): a
    // string's hash is kept in the string, so a code read again is not hashed again (D22).
    if (typeof v === 'string') {
      e = table.byCode.get(v);
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      for (const key in o) if (key !== 'code' && key !== 'recomputedTariff') return undefined;
      const code = o['code'];
      if (typeof code !== 'string') return undefined;
      e = table.byCode.get(code);
      if (o['recomputedTariff'] !== undefined) {
        R = inputKopecks(o['recomputedTariff']);
        if (R < 0) return undefined;
      }
    }
    if (e === undefined) return undefined;
    for (let j = 0; j < i; j++) if (entries[j] === e) return undefined;
    entries[i] = e;
    recomputed[i] = R;
  }
  if (!computeKopecks(T, rate, n, ctx)) return undefined;

  // Both arrays at their final length: an array grown by push keeps room for more.
  const kopecks = new Array<number>(2 + 4 * n);
  const rowEntries = new Array<CompiledEntry>(n);
  kopecks[0] = ctx.sums[0] as number;
  kopecks[1] = ctx.sums[1] as number;
  const { nonPayments, fines, applied } = ctx;
  for (let i = 0; i < n; i++) {
    rowEntries[i] = entries[i] as CompiledEntry;
    kopecks[2 + 2 * i] = applied[i] as number;
    kopecks[3 + 2 * i] = fines[i] as number;
    kopecks[2 + 2 * n + i] = nonPayments[i] as number;
    kopecks[2 + 3 * n + i] = recomputed[i] as number;
  }
  return new FastRow(id, table.table.id, rowEntries, kopecks, ctx);
}
