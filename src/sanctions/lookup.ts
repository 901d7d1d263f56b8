/**
 * Finding the table in force and a code in it; tables compiled once for fast lookups.
 *
 * @module
 */
import { invalidInput, isoDateNumber, makeIssue, OmsCalcError, type X } from '../_internal';
import { littleEndianWords } from './csvBytes';
import { SANCTION_SECTIONS, type SanctionSection, type SanctionTable, type ViolationEntry } from './table';

/** A table entry prepared for the integer fast path. */
export interface CompiledEntry {
  readonly entry: ViolationEntry;
  readonly code: string;
  /** The code's UTF-8 bytes, as the byte path writes them. */
  readonly codeBytes: Uint8Array;
  /** The number of {@link CompiledEntry.codeBytes}, read without the array. */
  readonly codeLength: number;
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
  /** The code's {@link codeKey}: −1 for a code that is not canonical. */
  readonly key: number;
  readonly kno: X | null;
  readonly ksht: X | null;
  /** Кно × 100 as an integer; −1 when there is no Кно; NaN when it has more than 2 places. */
  readonly kno100: number;
  /** Кшт × 100 as an integer; −1 when there is no Кшт; NaN when it has more than 2 places. */
  readonly ksht100: number;
}

/** A table with an index by code (as written, by {@link codeKey}, and by the bytes of a short code). */
export interface CompiledTable {
  readonly table: SanctionTable;
  readonly byCode: ReadonlyMap<string, CompiledEntry>;
  readonly byKey: KeyIndex;
  readonly byWords: WordIndex;
  /** The table's period as {@link isoDateNumber}s: `validFrom`, and `validTo` (99991231 when open). */
  readonly from: number;
  readonly to: number;
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

/**
 * The entries of canonical codes of 8 bytes or fewer by their bytes as two little-endian words,
 * zeros past the code's end (a code has no zero byte, so the words also tell its length): the byte
 * path finds a code as it is written with two reads, a multiplication and a comparison, without
 * reading it digit by digit. A code it does not find here is read by {@link codeKey}.
 */
export class WordIndex {
  readonly #low: Int32Array;
  readonly #high: Int32Array;
  readonly #entries: (CompiledEntry | undefined)[];
  readonly #shift: number;
  readonly #mask: number;

  constructor(entries: Iterable<CompiledEntry>) {
    const short = [...entries].filter((e) => e.key >= 0 && e.codeLength <= 8);
    let bits = 4;
    while (1 << bits < 2 * short.length) bits++;
    this.#shift = 32 - bits;
    this.#mask = (1 << bits) - 1;
    this.#low = new Int32Array(1 << bits);
    this.#high = new Int32Array(1 << bits);
    this.#entries = new Array<CompiledEntry | undefined>(1 << bits).fill(undefined);
    for (const e of short) {
      const words = littleEndianWords(e.codeBytes, 2);
      const low = (words[0] as number) | 0;
      const high = (words[1] as number) | 0;
      let i = this.#slot(low, high);
      while (this.#low[i] !== 0) i = (i + 1) & this.#mask;
      this.#low[i] = low;
      this.#high[i] = high;
      this.#entries[i] = e;
    }
  }

  /** Multiplicative hashing of the two words (as {@link KeyIndex}'s, the high word mixed in first). */
  #slot(low: number, high: number): number {
    return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> this.#shift;
  }

  /** The entry of the code whose bytes are the words `low`, `high` (zeros past its end); `undefined` when none. */
  get(low: number, high: number): CompiledEntry | undefined {
    const lows = this.#low;
    for (let i = this.#slot(low, high); ; i = (i + 1) & this.#mask) {
      const l = lows[i] as number;
      if (l === low && this.#high[i] === high) return this.#entries[i];
      if (l === 0) return undefined;
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
      codeLength: codeBytes.length,
      firstWords: littleEndianWords(encoder.encode(`${entry.code}:`), 2),
      nextWords: littleEndianWords(encoder.encode(`|${entry.code}:`), 2),
      section: entry.section,
      sectionIndex: SANCTION_SECTIONS.indexOf(entry.section),
      index,
      key: codeKey(entry.code),
      kno: entry.kno,
      ksht: entry.ksht,
      kno100: hundredths(entry.kno),
      ksht100: hundredths(entry.ksht),
    };
    byCode.set(entry.code, compiledEntry);
    if (compiledEntry.key >= 0) byKey.set(compiledEntry.key, compiledEntry);
  });
  const result: CompiledTable = {
    table,
    byCode,
    byKey: new KeyIndex(byKey),
    byWords: new WordIndex(byCode.values()),
    from: isoDateNumber(table.validFrom),
    to: table.validTo === undefined ? 99_991_231 : isoDateNumber(table.validTo),
  };
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
