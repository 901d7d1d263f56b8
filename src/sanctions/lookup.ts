/**
 * Finding the table in force and a code in it; tables compiled once for fast lookups.
 *
 * @module
 */
import { invalidInput, makeIssue, OmsCalcError, type X } from '../_internal';
import { littleEndianWords } from './csvBytes';
import { SANCTION_SECTIONS, type SanctionSection, type SanctionTable, type ViolationEntry } from './table';

/** A table entry prepared for the integer fast path. */
export interface CompiledEntry {
  readonly entry: ViolationEntry;
  readonly code: string;
  /** The code's UTF-8 bytes, as the byte path writes them. */
  readonly codeBytes: Uint8Array;
  /**
   * A detail's start in the results CSV as little-endian words (at least two, zeros past its end),
   * written four bytes at a time: `code:` for a case's first detail, `|code:` for the next ones.
   */
  readonly firstWords: Uint32Array;
  readonly nextWords: Uint32Array;
  readonly section: SanctionSection;
  /** Index of the section in {@link SANCTION_SECTIONS}. */
  readonly sectionIndex: number;
  /** Position of the row in its table: the order that breaks ties (D5 attribution). */
  readonly index: number;
  readonly kno: X | null;
  readonly ksht: X | null;
  /** Кно × 100 as an integer; −1 when there is no Кно; NaN when it has more than 2 places. */
  readonly kno100: number;
  /** Кшт × 100 as an integer; −1 when there is no Кшт; NaN when it has more than 2 places. */
  readonly ksht100: number;
}

/** A table with an index by code (as written, and by {@link codeKey}). */
export interface CompiledTable {
  readonly table: SanctionTable;
  readonly byCode: ReadonlyMap<string, CompiledEntry>;
  readonly byKey: KeyIndex;
}

/**
 * Entries by {@link codeKey} in an open-addressed table (keys are below 2³¹): a lookup is a
 * multiplication, a shift and a comparison or two, cheaper than a Map's on the byte path's
 * every violation.
 */
export class KeyIndex {
  readonly #keys: Int32Array;
  readonly #entries: (CompiledEntry | undefined)[];
  readonly #shift: number;
  readonly #mask: number;

  constructor(byKey: ReadonlyMap<number, CompiledEntry>) {
    let bits = 4;
    while (1 << bits < 2 * byKey.size) bits++;
    this.#shift = 32 - bits;
    this.#mask = (1 << bits) - 1;
    this.#keys = new Int32Array(1 << bits).fill(-1);
    this.#entries = new Array<CompiledEntry | undefined>(1 << bits).fill(undefined);
    for (const [key, entry] of byKey) {
      let i = this.#slot(key);
      while (this.#keys[i] !== -1) i = (i + 1) & this.#mask;
      this.#keys[i] = key;
      this.#entries[i] = entry;
    }
  }

  /** Multiplicative hashing (Knuth, TAOCP vol. 3, 6.4): the key times 2654435761, a prime near 2³²/φ; the top bits. */
  #slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.#shift;
  }

  /** The entry of a code key; `undefined` when the table has none (or for −1). */
  get(key: number): CompiledEntry | undefined {
    if (key < 0) return undefined;
    const keys = this.#keys;
    for (let i = this.#slot(key); ; i = (i + 1) & this.#mask) {
      const k = keys[i] as number;
      if (k === key) return this.#entries[i];
      if (k === -1) return undefined;
    }
  }
}

const encoder = new TextEncoder();

/**
 * A number that identifies a canonical code `a.b` or `a.b.c` (groups of 1–3 digits without
 * leading zeros): (a·1000 + b)·1001 + (c + 1), with c + 1 = 0 for two groups; −1 for any other
 * string. Cheaper to look up than the string itself.
 */
export function codeKey(s: string): number {
  const n = s.length;
  let key = 0;
  let group = 0;
  let digits = 0;
  let groups = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || ++groups > 3) return -1;
      key = key * 1000 + group;
      group = 0;
      digits = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || (digits === 1 && group === 0) || digits === 3) return -1;
    group = group * 10 + d;
    digits++;
  }
  if (groups === 2) return key * 1001;
  if (groups !== 3) return -1;
  const c = key % 1000;
  return ((key - c) / 1000) * 1001 + c + 1;
}

const compiled = new WeakMap<SanctionTable, CompiledTable>();

const MAX_COEFFICIENT_100 = 1_000_000;

function hundredths(x: X | null): number {
  if (x === null) return -1;
  const h = x.times(100);
  return h.isInteger() && h.lte(MAX_COEFFICIENT_100) ? h.toNumber() : Number.NaN;
}

/** The compiled form of a table (cached per table object; tables are frozen). */
export function compileTable(table: SanctionTable): CompiledTable {
  const hit = compiled.get(table);
  if (hit !== undefined) return hit;
  const byCode = new Map<string, CompiledEntry>();
  const byKey = new Map<number, CompiledEntry>();
  table.entries.forEach((entry, index) => {
    const codeBytes = encoder.encode(entry.code);
    const compiledEntry: CompiledEntry = {
      entry,
      code: entry.code,
      codeBytes,
      firstWords: littleEndianWords(encoder.encode(`${entry.code}:`), 2),
      nextWords: littleEndianWords(encoder.encode(`|${entry.code}:`), 2),
      section: entry.section,
      sectionIndex: SANCTION_SECTIONS.indexOf(entry.section),
      index,
      kno: entry.kno,
      ksht: entry.ksht,
      kno100: hundredths(entry.kno),
      ksht100: hundredths(entry.ksht),
    };
    byCode.set(entry.code, compiledEntry);
    const key = codeKey(entry.code);
    if (key >= 0) byKey.set(key, compiledEntry);
  });
  const result: CompiledTable = { table, byCode, byKey: new KeyIndex(byKey) };
  compiled.set(table, result);
  return result;
}

function describe(tables: readonly CompiledTable[]): string {
  return tables
    .map(({ table: t }) => `${t.id} (${t.validFrom} – ${t.validTo ?? '…'})`)
    .join(', ');
}

/**
 * The table in force on `date`: of the tables whose period contains the date, the one with the
 * latest `validFrom` (a newer agreement supersedes an open-ended older one); on a tie, the one
 * listed first. Without a date, a single table is used as it is.
 *
 * @throws `NO_TABLE_FOR_DATE` when no table is in force on the date; `INVALID_INPUT` when there is
 *   no date and more than one table to choose from
 */
export function selectTable(tables: readonly CompiledTable[], date: string | undefined, where: string, path: (string | number)[] = ['date']): CompiledTable {
  if (date === undefined) {
    if (tables.length === 1) return tables[0] as CompiledTable;
    throw invalidInput(where, [makeIssue('date_needed', path, { count: tables.length }, `a date is needed to choose among ${tables.length} sanction tables: ${describe(tables)}`)]);
  }
  let best: CompiledTable | undefined;
  for (const c of tables) {
    const t = c.table;
    if (t.validFrom <= date && (t.validTo === undefined || date <= t.validTo) && (best === undefined || t.validFrom > best.table.validFrom)) {
      best = c;
    }
  }
  if (best === undefined) {
    const message = `no sanction table is in force on ${date}; tables given: ${describe(tables)}`;
    throw new OmsCalcError('NO_TABLE_FOR_DATE', `${where}: ${message}`, [makeIssue('no_table', path, { date }, message)]);
  }
  return best;
}

/** The message of an unknown code, naming the code and the table. */
export function unknownCodeMessage(code: string, table: SanctionTable): string {
  return `violation code "${code}" is not in sanction table ${table.id}`;
}
