/**
 * The byte-level engine of {@link sanctionCsv}: the documented cases CSV in, the documented
 * results CSV (or JSON Lines) out, one output row per data line, in order.
 *
 * A plain line (no double quote; amounts with at most two decimals; known settings; canonical
 * codes) is read on its bytes and computed in integer kopecks: no string per field, no object
 * per row, no Decimal. Every other line is decoded and goes through the validating decimal path
 * ({@link computeCase}), one line at a time. Both write the same bytes (the property tests).
 *
 * @module
 */
import { isOmsCalcError, makeIssue, OmsCalcError, parseInput, tableIssue, toIssues, ZERO, type OmsCalcErrorCode, type OmsCalcIssue } from '../_internal';
import { excelSafeCell } from '../_internal/csv';
import { CaseInputSchema, computeCase, type CaseSanction, type SanctionRow } from './caseSanction';
import { ByteSink, concatBytes, csvCell, littleEndianWords, looksUtf8, MAX_KOPECKS_BYTES, moneyText, putAscii, putKopecks, putUint, putWords, putWords3, utf8FromCp1251, validUtf8 } from './csvBytes';
import { CASE_COLUMNS, caseOf, issueText, RESULT_COLUMNS, type CaseField } from './csvCells';
import { computeKopecks, fastContext, MAX_VIOLATIONS, tableFor, type FastContext } from './fastPath';
import { MAX_FAST_KOPECKS } from './kopecks';
import { unknownCodeMessage, type CompiledEntry, type CompiledTable } from './lookup';
import type { ResolvedOptions } from './options';
import { Accumulator, type SanctionTotals } from './sanctionTotals';
import { isIsoDate } from './table';

/** The delimiters of the cases CSV. */
export type CsvDelimiter = ';' | ',' | '\t';

/** How the engine reads and writes, checked by {@link sanctionCsv}. */
export interface CsvSetup {
  readonly options: ResolvedOptions;
  /** Header names given for fields (any case, trimmed), in place of the aliases. */
  readonly columns: Partial<Record<CaseField, string>>;
  readonly encoding: 'auto' | 'utf-8' | 'windows-1251';
  readonly delimiter: CsvDelimiter | undefined;
  readonly format: 'csv' | 'jsonl';
  /** `false` sends every line through the decimal path (the reference of the tests). */
  readonly fast?: boolean;
}

/**
 * A bad line, as the totals of {@link sanctionCsv} list the first of them.
 *
 * @example
 * ```ts
 * import { sanctionCsvBytes, type SanctionCsvError } from 'oms-calc/sanctions';
 *
 * const { totals } = sanctionCsvBytes('id;tariff;violations\nA;100;9.9\n');
 * const e: SanctionCsvError | undefined = totals.firstErrors[0];
 * [e?.line, e?.code]; // [2, 'UNKNOWN_CODE']
 * ```
 */
export interface SanctionCsvError {
  /** The line number in the file (the header is line 1). */
  line: number;
  /** The error code of the row. */
  code: OmsCalcErrorCode;
  /** The row's `error_message`. */
  message: string;
}

/**
 * The totals of a cases CSV: {@link SanctionTotals} of its data rows, plus what the file had
 * beside them.
 *
 * @example
 * ```ts
 * import { sanctionCsvBytes, type SanctionCsvTotals } from 'oms-calc/sanctions';
 *
 * const t: SanctionCsvTotals = sanctionCsvBytes('tariff;violations\n1000;1.4.2\n;\n').totals;
 * [t.lines, t.cases, t.blankLines, t.nonPayment.toString()]; // [3, 1, 1, '1000']
 * ```
 */
export interface SanctionCsvTotals extends SanctionTotals {
  /** Lines of the file, the header and blank lines included. */
  lines: number;
  /** Lines with no data (empty, or every cell blank): counted, and given no output row. */
  blankLines: number;
  /** The first bad lines (at most 20), in file order. */
  firstErrors: SanctionCsvError[];
  /** The delimiter the file was read with (and the output written with). */
  delimiter: ';' | ',' | '\t';
  /** The encoding the file was read in. */
  encoding: 'utf-8' | 'windows-1251';
}

/** The first year whose days the engine looks up by position, and how many years from it. */
const DATE_SLOTS_FROM = 1990;
const DATE_SLOT_YEARS = 80;

/** How many bad lines the totals list. */
const FIRST_ERRORS = 20;

/** The longest record with a quoted field the engine holds while looking for its closing quote. */
export const MAX_RECORD_BYTES = 1 << 20;

/** How many bytes the encoding is detected on (or the whole file, when shorter). */
const DETECT_BYTES = 1 << 12;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The settings' forms the fast path knows, as bytes; the index is that of `SETTINGS`. */
const SETTING_BYTES: readonly (readonly [Uint8Array, number])[] = (
  [
    ['ambulatory', 0],
    ['ambulance', 1],
    ['all', 2],
    ['hospital', 3],
    ['амбулаторно', 0],
    ['скорая', 1],
    ['все', 2],
    ['стационар', 3],
  ] as const
).map(([s, i]) => [encoder.encode(s), i] as const);

/** The settings' forms by their length in bytes (no two have the same length). */
const SETTING_BY_LENGTH: (readonly [Uint8Array, number] | undefined)[] = [];
for (const known of SETTING_BYTES) SETTING_BY_LENGTH[known[0].length] = known;

/** The same forms as little-endian 32-bit words, the last one padded with zeros, by length in bytes. */
const SETTING_WORDS: (Uint32Array | undefined)[] = [];
for (const [form] of SETTING_BYTES) SETTING_WORDS[form.length] = littleEndianWords(form);

/**
 * The forms of 12 bytes or fewer by length: three words and three masks of the bytes in the form
 * (`SETTING_SHORT[6 * len …]`), compared at once; zero masks for a length no form has.
 */
const SETTING_SHORT = new Int32Array(6 * 13);
for (const [form] of SETTING_BYTES) {
  if (form.length > 12) continue;
  const words = littleEndianWords(form, 3);
  const masks = littleEndianWords(new Uint8Array(form.length).fill(0xff), 3);
  for (let k = 0; k < 3; k++) {
    SETTING_SHORT[6 * form.length + k] = words[k] as number;
    SETTING_SHORT[6 * form.length + 3 + k] = masks[k] as number;
  }
}

/**
 * The zero bytes of the word `x`, flagged by their top bit (D22): the lowest flag is the first zero
 * byte; a flag above it may be false, never one below it, and there is a flag whenever there is a
 * zero byte. `x` is a word XORed with a byte repeated four times, so its zero bytes are where the
 * word has that byte.
 */
function zeroBytes(x: number): number {
  return (x - 0x01010101) & ~x & 0x80808080;
}

/** The position (0…3) of the lowest byte flagged in `m` (≠ 0). */
function firstFlagged(m: number): number {
  return (31 - Math.clz32(m & -m)) >> 3;
}

/** The bytes of a word that end a code in a violations cell: `|`, `:`, `=`. */
function codeStops(w: number): number {
  return zeroBytes(w ^ 0x7c7c7c7c) | zeroBytes(w ^ 0x3a3a3a3a) | zeroBytes(w ^ 0x3d3d3d3d);
}

/** The bytes of a word that keep an id off the byte path: below 0x20 (control) or 0x5C (a backslash). */
function idStops(w: number): number {
  return ((w - 0x20202020) & ~w & 0x80808080) | zeroBytes(w ^ 0x5c5c5c5c);
}

/** The first `n` (0…8) bytes of two little-endian words, the rest masked off: the low word's mask, then the high one's. */
const WORD_MASKS = Int32Array.from([0, 0xff, 0xffff, 0xffffff, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0xff, 0xffff, 0xffffff, -1]);

/** Lead bytes of the UTF-8 whitespace characters that `String.prototype.trim` removes beyond ASCII. */
function spaceLead(c: number): boolean {
  return c === 0xc2 || c === 0xe1 || c === 0xe2 || c === 0xe3 || c === 0xef;
}

/** The delimiter of a header line (outside quotes): the most frequent of `;`, tab and `,`; `,` when none. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ';') semicolons++;
    else if (ch === ',') commas++;
    else if (ch === '\t') tabs++;
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

/**
 * The fields of one record's text: a field that starts with `"` is quoted (`""` is a quote, a
 * line break is data); after its closing quote, and in an unquoted field, every character is
 * data up to the next delimiter.
 */
export function splitRecord(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    const d = text.indexOf(delimiter, i);
    const end = d < 0 ? n : d;
    value += text.slice(i, end);
    fields.push(value);
    if (d < 0) return fields;
    i = d + 1;
  }
}

/** Where each field is in a record, and how many fields a record has. */
interface Layout {
  readonly columns: Record<CaseField, number>;
  readonly fields: number;
}

function headerError(issue: OmsCalcIssue): OmsCalcError {
  return new OmsCalcError('INVALID_INPUT', issue.message, [issue]);
}

/** The layout of a header record: the given names first, else the aliases; a missing or doubled column throws. */
function layoutOf(header: readonly string[], given: Partial<Record<CaseField, string>>, encoding: string): Layout {
  try {
    return layoutOfNames(header, given);
  } catch (e) {
    if (!header.some((h) => h.includes('\ufffd'))) throw e;
    throw headerError(tableIssue('not_in_encoding', ['header'], { encoding, detail: (e as Error).message }));
  }
}

function layoutOfNames(header: readonly string[], given: Partial<Record<CaseField, string>>): Layout {
  const columns = {} as Record<CaseField, number>;
  const names = header.map((h) => h.trim().toLowerCase());
  for (const field of Object.keys(CASE_COLUMNS) as CaseField[]) {
    const name = given[field];
    const wanted: readonly string[] = name === undefined ? CASE_COLUMNS[field] : [name.trim().toLowerCase()];
    const hits = names.flatMap((n, i) => (wanted.includes(n) ? [i] : []));
    if (hits.length > 1) throw headerError(tableIssue('duplicate_column', ['header'], { field: CASE_COLUMNS[field][0], values: hits.map((i) => header[i] as string) }));
    if (name !== undefined && hits.length === 0) {
      throw headerError(makeIssue('missing_column', ['header'], { fields: [name], values: [...header] }, `the header has no column "${name}" (given for ${CASE_COLUMNS[field][0]}); it has: ${header.join(', ')}`));
    }
    columns[field] = hits[0] ?? -1;
  }
  const missing = (['tariff', 'violations'] as const).filter((f) => columns[f] < 0).map((f) => CASE_COLUMNS[f][0]);
  if (missing.length > 0) throw headerError(tableIssue('missing_column', ['header'], { fields: missing, values: [...header] }));
  return { columns, fields: header.length };
}

/**
 * The one text of an error row's `error_message`: its issues, each as `path: message` with the
 * value as the file has it, joined by `; `.
 */
export function errorMessage(issues: readonly OmsCalcIssue[], record: readonly string[], at: Record<CaseField, number>): string {
  return issues.map((issue) => issueText(issue, record, at)).join('; ');
}

const NO_RECORD: readonly string[] = [];

/** Whether each of the four bytes of the little-endian word `w` is an ASCII digit. */
function digits4(w: number): boolean {
  return (w & 0xf0f0f0f0) === 0x30303030 && ((w + 0x06060606) & 0xf0f0f0f0) === 0x30303030;
}

/** Whether both bytes of the half-word `h` are ASCII digits. */
function digits2(h: number): boolean {
  return (h & 0xf0f0) === 0x3030 && ((h + 0x0606) & 0xf0f0) === 0x3030;
}

/** Copies `b[s…e)` to `to[at…]`; returns the position after. */
function copy(to: Uint8Array, at: number, b: Uint8Array, s: number, e: number): number {
  let j = at;
  for (let i = s; i < e; i++) to[j++] = b[i] as number;
  return j;
}

/** The engine: bytes in with {@link CsvEngine.write}, bytes out; totals at the {@link CsvEngine.end}. */
export class CsvEngine {
  readonly #setup: CsvSetup;
  readonly #ctx: FastContext;
  readonly #acc = new Accumulator();
  readonly #out = new ByteSink();
  #cp1251: boolean | undefined;
  readonly #head: Uint8Array[] = [];
  #headBytes = 0;
  #pending: Uint8Array | undefined;
  #started = false;
  #d = -1;
  #delimiter = ',';
  #mark = 46;
  #json = false;
  #layout: Layout | undefined;
  #line = 1;
  #rows = 0;
  #blank = 0;
  readonly #firstErrors: SanctionCsvError[] = [];
  readonly #fs = new Int32Array(257);
  readonly #fe = new Int32Array(257);
  /** The number of fields {@link CsvEngine.#splitLine} found. */
  #nf = 0;
  /** The digits of the line number last written by {@link CsvEngine.#rowStart}: `#lineLength` of them, of line `#lineShown`. */
  readonly #lineText = new Uint8Array(24);
  readonly #lineView = new DataView(this.#lineText.buffer);
  #lineLength = 0;
  #lineShown = -1;
  /** A view of the bytes {@link CsvEngine.#scan} reads, for reads of four bytes at a time: every line of the fast path is in them. */
  #inView: DataView | undefined;
  /** Where the last code {@link CsvEngine.#codeKey} read ends. */
  #codeEnd = 0;
  readonly #keys = new Float64Array(MAX_VIOLATIONS);
  readonly #unknown = new Int32Array(3 * MAX_VIOLATIONS);
  readonly #dates = new Map<number, CompiledTable | null | false>();
  /** The tables of the days of DATE_SLOT_YEARS years by position, made at the first date cell. */
  #dateSlots: (CompiledTable | null | false | undefined)[] | undefined;
  #defaultTable: CompiledTable | null | undefined;
  #inner = 0;
  /** The most bytes one detail of an output row takes. */
  readonly #detailBytes: number;
  #quoteLine = 0;
  /** Messages of the fast path's error rows, made once: by −(fields) for a field count, by code key and place for an unknown code. */
  readonly #messages = new Map<number, string>();
  /** The table the unknown codes' messages are made for. */
  #messageTable: CompiledTable | undefined;
  /** The cells of an error row between its id and its code. */
  #errorCells = '';
  /** `;ok;` and `;;\n` (with the file's delimiter) as little-endian words, for the rows of the fast path (`#okRow`, `#zeroRow`). */
  #okWord = 0;
  #endWord = 0;

  constructor(setup: CsvSetup) {
    this.#setup = setup;
    this.#ctx = fastContext(setup.options);
    let longest = 0;
    for (const t of this.#ctx.tables) for (const e of t.byCode.values()) longest = Math.max(longest, e.codeBytes.length);
    this.#detailBytes = 80 + longest + 3 * MAX_KOPECKS_BYTES;
    this.#cp1251 = setup.encoding === 'auto' ? undefined : setup.encoding === 'windows-1251';
    this.#json = setup.format === 'jsonl';
  }

  /** Data rows so far. */
  get rows(): number {
    return this.#rows;
  }

  /** Takes the next chunk of the file; returns the output bytes it completes. */
  write(chunk: Uint8Array): Uint8Array | undefined {
    this.push(chunk);
    return this.#out.take();
  }

  /** Ends the file; returns the last output bytes. Throws on an unclosed quote or a missing header. */
  end(): Uint8Array | undefined {
    this.finish();
    return this.#out.take();
  }

  /** Takes the next chunk of the file, adding the output bytes it completes to {@link CsvEngine.output}. */
  push(bytes: Uint8Array): void {
    // one kind of array at every read of a byte (a Buffer is a subclass): the reads stay monomorphic
    const chunk = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.#cp1251 === undefined) {
      this.#head.push(chunk.slice()); // kept until the encoding is known: the caller may reuse the chunk
      this.#headBytes += chunk.length;
      if (this.#headBytes >= DETECT_BYTES) this.#detect(false);
      return;
    }
    this.#feed(this.#cp1251 ? utf8FromCp1251(chunk) : chunk, false);
  }

  /** Ends the file, adding the last output bytes to {@link CsvEngine.output}. Throws as {@link CsvEngine.end}. */
  finish(): void {
    if (this.#cp1251 === undefined) this.#detect(true);
    else this.#feed(new Uint8Array(0), true);
    if (this.#layout === undefined) throw headerError(tableIssue('no_header', ['header']));
  }

  /** The output bytes not yet cleared: a view of the engine's buffer, valid until the next call. */
  output(): Uint8Array {
    return this.#out.buffer.subarray(0, this.#out.at);
  }

  /** Forgets the output bytes once they are copied out: the same buffer is written again. */
  clearOutput(): void {
    this.#out.at = 0;
  }

  /** The totals of the rows so far (all of them after {@link CsvEngine.end}). */
  totals(): SanctionCsvTotals {
    return {
      ...this.#acc.result(),
      lines: this.#line - 1,
      blankLines: this.#blank,
      firstErrors: [...this.#firstErrors],
      delimiter: this.#delimiter as CsvDelimiter,
      encoding: this.#cp1251 === true ? 'windows-1251' : 'utf-8',
    };
  }

  #detect(final: boolean): void {
    const all = concatBytes(this.#head);
    this.#head.length = 0;
    let start = 0;
    if (all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf) start = 3;
    this.#cp1251 = !looksUtf8(all.subarray(start), final);
    this.#feed(this.#cp1251 ? utf8FromCp1251(all) : all, final);
  }

  #feed(chunk: Uint8Array, final: boolean): void {
    let data = chunk;
    let pos = 0;
    const pending = this.#pending;
    if (pending !== undefined) {
      this.#pending = undefined;
      const nl = chunk.indexOf(10);
      if (this.#started && this.#d >= 0 && nl >= 0 && pending.indexOf(34) < 0 && chunk.subarray(0, nl).indexOf(34) < 0) {
        // A plain line cut between chunks: joined alone, the chunk itself is not copied.
        this.#scan(concatBytes([pending, chunk.subarray(0, nl + 1)]), 0, false);
        pos = nl + 1;
      } else data = concatBytes([pending, chunk]);
    }
    this.#scan(data, pos, final);
  }

  #scan(data: Uint8Array, from: number, final: boolean): void {
    let pos = from;
    this.#inView = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const n = data.length;
    if (!this.#started) {
      if (n < 3 && !final) {
        this.#pending = data;
        return;
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) pos = 3;
      this.#started = true;
    }
    let q = data.indexOf(34, pos);
    const fast = this.#setup.fast !== false;
    while (pos < n) {
      if (fast && this.#layout !== undefined) {
        // A line without a quote, its fields and its end found in one pass over its bytes.
        if (q >= 0 && q < pos) q = data.indexOf(34, pos);
        const nl = this.#splitLine(data, pos, q < 0 ? n : q, false);
        if (nl >= 0) {
          const e = nl > pos && data[nl - 1] === 13 ? nl - 1 : nl;
          if (e < nl) this.#fe[this.#nf - 1] = e;
          if (!this.#fast(data, pos, e, this.#nf)) this.#slow(data, pos, e);
          this.#line++;
          pos = nl + 1;
          continue;
        }
      }
      const nl = data.indexOf(10, pos);
      if (nl < 0 && !final) {
        if (n - pos > MAX_RECORD_BYTES) {
          const message = `the line is longer than ${MAX_RECORD_BYTES >> 20} MiB`;
          throw new OmsCalcError('INVALID_INPUT', `line ${this.#line}: ${message}`, [makeIssue('line_too_long', ['line', this.#line], { line: this.#line, limit: `${MAX_RECORD_BYTES >> 20} MiB` }, message)]);
        }
        break;
      }
      const lineEnd = nl < 0 ? n : nl;
      if (this.#d < 0) this.#setDelimiter(data, pos, lineEnd);
      if (q >= 0 && q < pos) q = data.indexOf(34, pos);
      if (q < 0 || q >= lineEnd) {
        let e = lineEnd;
        if (e > pos && data[e - 1] === 13) e--;
        this.#record(data, pos, e, false);
        this.#line++;
        pos = lineEnd + 1;
        continue;
      }
      // A double quote in this line: the record ends at the first line end outside quotes.
      const end = this.#quotedEnd(data, pos, final);
      if (end === -2) {
        throw new OmsCalcError('INVALID_INPUT', `line ${this.#quoteLine}: a double quote opens a field here and is never closed`, [
          tableIssue('unclosed_quote', ['line', this.#quoteLine], { line: this.#quoteLine }),
        ]);
      }
      if (end === -1) {
        if (n - pos > MAX_RECORD_BYTES) {
          const message = `a double quote opens a field here and is not closed within ${MAX_RECORD_BYTES >> 20} MiB`;
          throw new OmsCalcError('INVALID_INPUT', `line ${this.#quoteLine}: ${message}`, [makeIssue('unclosed_quote', ['line', this.#quoteLine], { line: this.#quoteLine, limit: `${MAX_RECORD_BYTES >> 20} MiB` }, message)]);
        }
        break;
      }
      let e = end;
      if (e > pos && data[e - 1] === 13) e--;
      this.#record(data, pos, e, true);
      this.#line += 1 + this.#inner;
      pos = end + 1;
    }
    if (pos < n) this.#pending = data.slice(pos);
  }

  #setDelimiter(data: Uint8Array, s: number, e: number): void {
    const given = this.#setup.delimiter;
    const d = given ?? detectDelimiter(decoder.decode(data.subarray(s, e)));
    this.#delimiter = d;
    this.#d = d.charCodeAt(0);
    this.#mark = d === ',' ? 46 : 44;
    this.#errorCells = `${d}error${d}${d}${d}${d}`;
    this.#okWord = (this.#d | (111 << 8) | (107 << 16) | (this.#d << 24)) >>> 0;
    this.#endWord = (this.#d | (this.#d << 8) | (10 << 16)) >>> 0;
  }

  /** The index of the line end that ends a record with a quoted field; −1 when more bytes are needed; −2 when the file ends in the quote. */
  #quotedEnd(b: Uint8Array, pos: number, final: boolean): number {
    const d = this.#d;
    const n = b.length;
    let fieldStart = true;
    let quoted = false;
    let inner = 0;
    for (let i = pos; i < n; i++) {
      const c = b[i] as number;
      if (quoted) {
        if (c === 34) {
          if (i + 1 >= n && !final) return -1;
          if (b[i + 1] === 34) i++;
          else quoted = false;
        } else if (c === 10) inner++;
        continue;
      }
      if (c === d) fieldStart = true;
      else if (c === 10) {
        this.#inner = inner;
        return i;
      } else {
        if (c === 34 && fieldStart) {
          quoted = true;
          this.#quoteLine = this.#line + inner;
        }
        fieldStart = false;
      }
    }
    if (!final) return -1;
    if (quoted) return -2;
    this.#inner = inner;
    return n;
  }

  #record(b: Uint8Array, s: number, e: number, quoted: boolean): void {
    if (this.#layout === undefined) {
      this.#header(b, s, e);
      return;
    }
    if (!quoted && this.#setup.fast !== false) {
      this.#splitLine(b, s, e, true);
      if (this.#fast(b, s, e, this.#nf)) return;
    }
    this.#slow(b, s, e);
  }

  #header(b: Uint8Array, s: number, e: number): void {
    const fields = splitRecord(decoder.decode(b.subarray(s, e)), this.#delimiter);
    this.#layout = layoutOf(fields, this.#setup.columns, this.#cp1251 === true ? 'windows-1251' : 'UTF-8');
    if (!this.#json) this.#out.text(`${RESULT_COLUMNS.join(this.#delimiter)}\n`);
  }

  #note(code: OmsCalcErrorCode, message: string): void {
    if (this.#firstErrors.length < FIRST_ERRORS) this.#firstErrors.push({ line: this.#line, code, message });
  }

  /** Kopecks of an amount cell `b[s…e)`: digits, one `.` or `,`, one or two decimals, spaces anywhere; −1 otherwise. */
  #amount(b: Uint8Array, s: number, e: number): number {
    let int = 0;
    let digits = 0;
    let frac = 0;
    let places = -1;
    for (let i = s; i < e; i++) {
      const c = b[i] as number;
      if (c === 32) continue;
      if (c >= 48 && c <= 57) {
        if (places < 0) {
          int = int * 10 + (c - 48);
          if (++digits > 12) return -1;
        } else {
          if (++places > 2) return -1;
          frac = frac * 10 + (c - 48);
        }
      } else if ((c === 46 || c === 44) && places < 0 && digits > 0) places = 0;
      else return -1;
    }
    if (digits === 0 || places === 0) return -1;
    const k = int * 100 + (places === 1 ? frac * 10 : frac);
    return k <= MAX_FAST_KOPECKS ? k : -1;
  }

  /**
   * The table in force on the date of a date cell `YYYY-MM-DD` or `DD.MM.YYYY`: `null` when no
   * table is (or the choice is the decimal path's), `false` when the cell is not a day of the
   * calendar in one of those forms.
   */
  #dateTable(b: Uint8Array, s: number, e: number): CompiledTable | null | false {
    if (e - s !== 10) return false;
    // The cell's ten bytes as two words and a half-word: the separators compared, the digits
    // checked and read on them (D22).
    const iv = this.#inView as DataView;
    const w0 = iv.getUint32(s, true);
    const w1 = iv.getUint32(s + 4, true);
    const w2 = iv.getUint16(s + 8, true);
    let y: number;
    let m: number;
    let day: number;
    if ((w1 & 0xff0000ff) === 0x2d00002d) {
      // YYYY-MM-DD: w0 YYYY, w1 -MM-, w2 DD
      if (!digits4(w0) || !digits2((w1 >>> 8) & 0xffff) || !digits2(w2)) return false;
      y = (w0 & 15) * 1000 + ((w0 >>> 8) & 15) * 100 + ((w0 >>> 16) & 15) * 10 + ((w0 >>> 24) & 15);
      m = ((w1 >>> 8) & 15) * 10 + ((w1 >>> 16) & 15);
      day = (w2 & 15) * 10 + ((w2 >>> 8) & 15);
    } else if ((w0 & 0x00ff0000) === 0x002e0000 && (w1 & 0x0000ff00) === 0x00002e00) {
      // DD.MM.YYYY: w0 DD.M, w1 M.YY, w2 YY
      if (!digits2(w0 & 0xffff) || !digits2(((w0 >>> 24) | ((w1 & 0xff) << 8)) >>> 0) || !digits2(w1 >>> 16) || !digits2(w2)) return false;
      day = (w0 & 15) * 10 + ((w0 >>> 8) & 15);
      m = ((w0 >>> 24) & 15) * 10 + (w1 & 15);
      y = ((w1 >>> 16) & 15) * 1000 + ((w1 >>> 24) & 15) * 100 + (w2 & 15) * 10 + ((w2 >>> 8) & 15);
    } else return false;
    // Days of the years DATE_SLOTS_FROM… are looked up by position; other days in a map.
    const slot = y >= DATE_SLOTS_FROM && y < DATE_SLOTS_FROM + DATE_SLOT_YEARS && m <= 12 && day <= 31 ? (y - DATE_SLOTS_FROM) * 416 + m * 32 + day : -1;
    const slots = (this.#dateSlots ??= new Array<CompiledTable | null | false | undefined>(DATE_SLOT_YEARS * 416).fill(undefined));
    let table = slot >= 0 ? slots[slot] : this.#dates.get(y * 10000 + m * 100 + day);
    if (table === undefined) {
      const text = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
      table = isIsoDate(text) ? tableFor(text, this.#ctx) : false;
      if (slot >= 0) slots[slot] = table;
      else {
        if (this.#dates.size >= 4096) this.#dates.clear();
        this.#dates.set(y * 10000 + m * 100 + day, table);
      }
    }
    return table;
  }

  /** Whether `b[s…e)` is all ASCII digits. */
  #digitsOnly(b: Uint8Array, s: number, e: number): boolean {
    for (let i = s; i < e; i++) if ((b[i] as number) < 48 || (b[i] as number) > 57) return false;
    return true;
  }

  /** The setting index of a setting cell, −1 when it is not one of the known forms as written. */
  #setting(b: Uint8Array, s: number, e: number): number {
    const len = e - s;
    const known = SETTING_BY_LENGTH[len];
    if (known === undefined) return -1;
    const iv = this.#inView as DataView;
    if (len <= 12 && s + 12 <= b.length) {
      // three words, the bytes past the cell masked off, compared at once
      const k = 6 * len;
      const differ =
        ((iv.getInt32(s, true) ^ (SETTING_SHORT[k] as number)) & (SETTING_SHORT[k + 3] as number)) |
        ((iv.getInt32(s + 4, true) ^ (SETTING_SHORT[k + 1] as number)) & (SETTING_SHORT[k + 4] as number)) |
        ((iv.getInt32(s + 8, true) ^ (SETTING_SHORT[k + 2] as number)) & (SETTING_SHORT[k + 5] as number));
      return differ === 0 ? known[1] : -1;
    }
    const words = SETTING_WORDS[len] as Uint32Array;
    const n = words.length;
    if (s + 4 * n <= b.length) {
      // four bytes at a time, the last word's bytes past the cell masked off
      for (let k = 0; k < n - 1; k++) if (iv.getUint32(s + 4 * k, true) !== words[k]) return -1;
      const rest = len - 4 * (n - 1);
      const last = iv.getUint32(s + 4 * (n - 1), true);
      return (rest === 4 ? last : last & ((1 << (8 * rest)) - 1)) === words[n - 1] ? known[1] : -1;
    }
    const form = known[0];
    for (let i = 0; i < len; i++) if (form[i] !== b[s + i]) return -1;
    return known[1];
  }

  /**
   * The code key ({@link codeKey}) of the code at `b[s…)`, which ends at the first `|`, `:` or `=`
   * before `e` (or at `e`); its end goes into `#codeEnd`. −1 unless the code is canonical.
   */
  #codeKey(b: Uint8Array, s: number, e: number): number {
    let key = 0;
    let group = 0;
    let digits = 0;
    let groups = 0;
    for (let i = s; ; i++) {
      const c = i < e ? (b[i] as number) : 124;
      if (c === 46 || c === 124 || c === 58 || c === 61) {
        if (digits === 0 || ++groups > 3) return -1;
        key = key * 1000 + group;
        group = 0;
        digits = 0;
        if (c === 46) continue;
        this.#codeEnd = i < e ? i : e;
        break;
      }
      const v = c - 48;
      if (v < 0 || v > 9 || (digits === 1 && group === 0) || digits === 3) return -1;
      group = group * 10 + v;
      digits++;
    }
    if (groups === 2) return key * 1001;
    if (groups !== 3) return -1;
    const c = key % 1000;
    return ((key - c) / 1000) * 1001 + c + 1;
  }

  /**
   * The entry of the code at `b[i…)` (`i + 8` within the chunk) when it is a canonical code of the
   * table of 8 bytes or fewer, ending at the first `|`, `:` or `=` before `e` (or at `e`): its two
   * words looked up in {@link CompiledTable.byWords}, its end into `#codeEnd`. `undefined` for any
   * other code, which {@link CsvEngine.#codeKey} then reads.
   */
  #shortCode(i: number, e: number, table: CompiledTable): CompiledEntry | undefined {
    const iv = this.#inView as DataView;
    const w0 = iv.getInt32(i, true);
    const w1 = iv.getInt32(i + 4, true);
    const m0 = codeStops(w0);
    const m1 = codeStops(w1);
    const stop = m0 !== 0 ? firstFlagged(m0) : m1 !== 0 ? 4 + firstFlagged(m1) : 8;
    const room = e - i;
    if (stop === 8 && room > 8) return undefined;
    const len = stop < room ? stop : room;
    const entry = table.byWords.get(w0 & (WORD_MASKS[len] as number), w1 & (WORD_MASKS[9 + len] as number));
    if (entry !== undefined) this.#codeEnd = i + len;
    return entry;
  }

  /**
   * What a line holds besides delimiters: 0 nothing but spaces and tabs (a blank line), 1 a
   * visible ASCII character, 2 only other bytes. Asked only when the tariff cell does not settle it.
   */
  #content(b: Uint8Array, s: number, e: number): number {
    const d = this.#d;
    let kind = 0;
    for (let i = s; i < e; i++) {
      const c = b[i] as number;
      if (c === d || c === 32 || c === 9) continue;
      if (c > 32 && c < 127) return 1;
      kind = 2;
    }
    return kind;
  }

  /**
   * The line from `b[s]`, up to its line feed before `limit`: its fields into `#fs`/`#fe` and
   * their number into `#nf` (257 for more than 256), the last one ending at the line feed;
   * returns the line feed's index, −1 when there is none before `limit` — unless `whole` says
   * that the line ends at `limit`, which is then returned.
   */
  #splitLine(b: Uint8Array, s: number, limit: number, whole: boolean): number {
    const d = this.#d;
    const fs = this.#fs;
    const fe = this.#fe;
    const iv = this.#inView as DataView;
    // The delimiter in each byte of a word: a byte of `w ^ dd` is zero where `w` has it (D22).
    const dd = Math.imul(d, 0x01010101);
    let nf = 0;
    let start = s;
    let i = s;
    for (;;) {
      // Four bytes at a time: the lowest byte flagged in `m` is the first delimiter or line feed
      // among them (a flag above a match may be false, never one below it).
      let m = 0;
      while (i + 4 <= limit) {
        const w = iv.getUint32(i, true);
        m = zeroBytes(w ^ dd) | zeroBytes(w ^ 0x0a0a0a0a);
        if (m !== 0) break;
        i += 4;
      }
      if (m !== 0) i += firstFlagged(m);
      else {
        while (i < limit && b[i] !== d && b[i] !== 10) i++;
        if (i >= limit) break;
      }
      if (nf < 256) {
        fs[nf] = start;
        fe[nf] = i;
      }
      if (b[i] === 10) {
        this.#nf = nf < 256 ? nf + 1 : 257;
        return i;
      }
      nf++;
      start = ++i;
    }
    if (!whole) return -1;
    if (nf < 256) {
      fs[nf] = start;
      fe[nf] = limit;
    }
    this.#nf = nf < 256 ? nf + 1 : 257;
    return limit;
  }

  /** A plain line on its bytes, its `nf` fields split; `false` when the decimal path must take it. */
  #fast(b: Uint8Array, s: number, e: number, nf: number): boolean {
    if (nf > 256) return false;
    const fs = this.#fs;
    const fe = this.#fe;
    const layout = this.#layout as Layout;
    const at = layout.columns;
    // A tariff with a digit settles that the line is not blank; otherwise its content is looked at.
    let T = -1;
    if (nf === layout.fields) T = this.#amount(b, fs[at.tariff] as number, fe[at.tariff] as number);
    if (T < 0) {
      const content = this.#content(b, s, e);
      if (content === 0) {
        this.#blank++;
        return true;
      }
      // A line with the wrong number of fields: its error row here, when its id is plain and it is surely not blank.
      if (nf !== layout.fields && content !== 1) return false;
    }

    // id: copied as bytes when it needs neither trimming, quoting, escaping nor neutralising
    let idS = 0;
    let idE = 0;
    if (at.id >= 0 && at.id < nf) {
      idS = fs[at.id] as number;
      idE = fe[at.id] as number;
      if (idE > idS) {
        const first = b[idS] as number;
        if (first === 32 || first === 61 || first === 43 || first === 45 || first === 64 || spaceLead(first)) return false;
        // a control byte or a backslash (the decimal path's), or a byte ≥ 0x80 (to be checked as
        // UTF-8), four bytes at a time; the last word's bytes past the id read as 'A'
        const iv = this.#inView as DataView;
        let bad = 0;
        let bits = 0;
        let i = idS;
        for (; i + 4 <= idE; i += 4) {
          const w = iv.getInt32(i, true);
          bad |= idStops(w);
          bits |= w;
        }
        if (i < idE) {
          if (i + 4 <= b.length) {
            const keep = WORD_MASKS[idE - i] as number;
            const w = (iv.getInt32(i, true) & keep) | (0x41414141 & ~keep);
            bad |= idStops(w);
            bits |= w;
          } else {
            for (; i < idE; i++) {
              const c = b[i] as number;
              if (c < 32 || c === 92) return false;
              bits |= c;
            }
          }
        }
        if (bad !== 0) return false;
        const high = (bits & 0x80808080) !== 0;
        const last = b[idE - 1] as number;
        if (last === 32) return false;
        if (high) {
          if (!validUtf8(b, idS, idE)) return false;
          let j = idE - 1;
          while (j > idS && ((b[j] as number) & 0xc0) === 0x80) j--;
          if (spaceLead(b[j] as number)) return false;
        }
      }
    }
    if (nf !== layout.fields) {
      this.#fieldCountRow(b, idS, idE, nf);
      return true;
    }
    const ts = fs[at.tariff] as number;
    const te = fe[at.tariff] as number;
    // A negative whole tariff (-5) is the schema's one issue when every other cell is valid: its row here too.
    const negative = T < 0 && b[ts] === 45 && te - ts >= 2 && te - ts <= 13 && (b[ts + 1] as number) > 48 && this.#amount(b, ts + 1, te) >= 0 && this.#digitsOnly(b, ts + 1, te);
    if (T < 0 && !negative) return false;
    let si = -1;
    if (at.setting >= 0 && (fe[at.setting] as number) > (fs[at.setting] as number)) {
      si = this.#setting(b, fs[at.setting] as number, fe[at.setting] as number);
      if (si < 0) return false;
    }
    let P = -1;
    if (at.perCapitaRate >= 0 && (fe[at.perCapitaRate] as number) > (fs[at.perCapitaRate] as number)) {
      P = this.#amount(b, fs[at.perCapitaRate] as number, fe[at.perCapitaRate] as number);
      if (P < 0) return false;
    }
    let table: CompiledTable | null;
    if (at.date >= 0 && (fe[at.date] as number) > (fs[at.date] as number)) {
      const t = this.#dateTable(b, fs[at.date] as number, fe[at.date] as number);
      if (t === false) return false;
      table = t;
    } else table = this.#defaultTable === undefined ? (this.#defaultTable = tableFor(this.#ctx.date, this.#ctx)) : this.#defaultTable;
    const vs = fs[at.violations] as number;
    const ve = fe[at.violations] as number;
    if (ve === vs && !negative) {
      this.#zeroRow(b, idS, idE);
      return true;
    }
    const ctx = this.#ctx;
    if (table === null) return false;
    const keys = this.#keys;
    const unknown = this.#unknown;
    let nu = 0;
    let n = 0;
    let known = 0;
    for (let i = vs; ve > vs; ) {
      // the code up to its `|`, or to the `:` or `=` of a recomputed tariff, which runs to the `|`:
      // found by its bytes when it is short, else read digit by digit
      let entry = i + 8 <= b.length ? this.#shortCode(i, ve, table) : undefined;
      let key: number;
      if (entry !== undefined) key = entry.key;
      else {
        key = this.#codeKey(b, i, ve);
        if (key < 0) return false;
        entry = table.byKey.get(key);
      }
      if (n >= MAX_VIOLATIONS) return false;
      let j = this.#codeEnd;
      let sep = -1;
      if (j < ve && b[j] !== 124) {
        sep = j;
        while (j < ve && b[j] !== 124) j++;
      }
      for (let k = 0; k < n; k++) if (keys[k] === key) return false;
      keys[n] = key;
      let R = -1;
      if (sep >= 0) {
        R = this.#amount(b, sep + 1, j);
        if (R < 0) return false;
      }
      if (entry === undefined) {
        unknown[nu++] = n;
        unknown[nu++] = i;
        unknown[nu++] = sep < 0 ? j : sep;
      }
      else {
        ctx.entries[known] = entry;
        ctx.recomputed[known] = R;
        known++;
      }
      n++;
      if (j >= ve) break;
      i = j + 1;
    }
    if (negative) {
      this.#negativeRow(b, idS, idE, ts, te);
      return true;
    }
    if (nu > 0) {
      this.#unknownCodesRow(b, idS, idE, nu, table);
      return true;
    }
    const rate = P >= 0 ? P : si >= 0 ? (ctx.rates[si] as number) : -1;
    if (!computeKopecks(T, rate, known, ctx)) return false;
    this.#okRow(b, idS, idE, known);
    this.#acc.addKopecks(known, ctx);
    this.#rows++;
    return true;
  }

  // The error rows of the fast path, out of line: the hot function stays small enough to be
  // optimised early in a run (D22).

  /** The error row of a line with the wrong number of fields (its text made once per count). */
  #fieldCountRow(b: Uint8Array, idS: number, idE: number, nf: number): void {
    const layout = this.#layout as Layout;
    let text = this.#messages.get(-nf);
    if (text === undefined) {
      const message = `the line has ${nf} fields, the header has ${layout.fields}`;
      text = errorMessage([makeIssue('field_count', [], { count: nf, expected: String(layout.fields) }, message)], NO_RECORD, layout.columns);
      this.#remember(-nf, text);
    }
    this.#errorBytes(b, idS, idE, 'INVALID_INPUT', text);
  }

  /** The error row of a negative whole tariff `b[ts…te)`. */
  #negativeRow(b: Uint8Array, idS: number, idE: number, ts: number, te: number): void {
    const received = decoder.decode(b.subarray(ts, te));
    const issue = makeIssue('too_small', ['tariff'], { minimum: '0', received }, `must be at least 0, got ${received}`);
    this.#errorBytes(b, idS, idE, 'INVALID_INPUT', errorMessage([issue], NO_RECORD, (this.#layout as Layout).columns));
  }

  /** The error row of the `nu / 3` unknown codes of `#unknown` (place, start, end), found in `table`. */
  #unknownCodesRow(b: Uint8Array, idS: number, idE: number, nu: number, table: CompiledTable): void {
    const at = (this.#layout as Layout).columns;
    const keys = this.#keys;
    const unknown = this.#unknown;
    // The text of each unknown code at its place, made once per code, place and table.
    if (this.#messageTable === undefined) this.#messageTable = table;
    const cached = table === this.#messageTable;
    let text = '';
    for (let k = 0; k < nu; k += 3) {
      const place = unknown[k] as number;
      const key = (keys[place] as number) * MAX_VIOLATIONS + place + 1;
      let part = cached ? this.#messages.get(key) : undefined;
      if (part === undefined) {
        const code = decoder.decode(b.subarray(unknown[k + 1] as number, unknown[k + 2] as number));
        part = errorMessage([makeIssue('unknown_code', ['violations', place], { code, table: table.table.id }, unknownCodeMessage(code, table.table))], NO_RECORD, at);
        if (cached) this.#remember(key, part);
      }
      text = k === 0 ? part : `${text}; ${part}`;
    }
    this.#errorBytes(b, idS, idE, 'UNKNOWN_CODE', text);
  }

  /** The start of a row of the fast path: `{"line":N,"id":"…"` in JSON, `N;id` in CSV (the id as its bytes); returns the position after. */
  #rowStart(buf: Uint8Array, from: number, b: Uint8Array, idS: number, idE: number): number {
    let at = from;
    if (this.#json) {
      at = putAscii(buf, at, '{"line":');
      at = putUint(buf, at, this.#line);
      if (idE > idS) {
        at = putAscii(buf, at, ',"id":"');
        at = copy(buf, at, b, idS, idE);
        buf[at++] = 34;
      }
      return at;
    }
    // The line number's digits: the last row's counted on by one, or written anew; then, as the
    // id when it has 8 bytes or fewer, copied as two words (ByteSink.view; D22).
    const dv = this.#out.view;
    const t = this.#lineText;
    let len = this.#lineLength;
    if (this.#line === this.#lineShown + 1 && len > 0) {
      let i = len - 1;
      while (i >= 0 && t[i] === 57) t[i--] = 48;
      if (i >= 0) (t[i] as number)++;
      else {
        // 9…9 became 0…0: a 1 before one more 0
        t[0] = 49;
        t[len] = 48;
        this.#lineLength = ++len;
      }
    } else this.#lineLength = len = putUint(t, 0, this.#line);
    this.#lineShown = this.#line;
    const lv = this.#lineView;
    at = len <= 8 ? putWords(dv, at, lv.getUint32(0, true), lv.getUint32(4, true), len) : copy(buf, at, t, 0, len);
    buf[at++] = this.#d;
    const idLen = idE - idS;
    if (idLen > 8 || idS + 8 > b.length) return copy(buf, at, b, idS, idE);
    const iv = this.#inView as DataView;
    return putWords(dv, at, iv.getUint32(idS, true), iv.getUint32(idS + 4, true), idLen);
  }

  #zeroRow(b: Uint8Array, idS: number, idE: number): void {
    const out = this.#out;
    const buf = out.room(64 + (idE - idS) * 2);
    let at = out.at;
    if (this.#json) {
      at = this.#rowStart(buf, at, b, idS, idE);
      at = putAscii(buf, at, ',"status":"ok","non_payment":"0.00","fine":"0.00","details":[]}\n');
    } else {
      const d = this.#d;
      at = this.#rowStart(buf, at, b, idS, idE);
      out.view.setUint32(at, this.#okWord, true); // ;ok;
      at += 4;
      at = putKopecks(buf, at, 0, this.#mark);
      buf[at++] = d;
      at = putKopecks(buf, at, 0, this.#mark);
      buf[at++] = d;
      buf[at++] = d;
      buf[at++] = d;
      buf[at++] = 10;
    }
    out.at = at;
    this.#acc.addZero();
    this.#rows++;
  }

  #okRow(b: Uint8Array, idS: number, idE: number, n: number): void {
    const ctx = this.#ctx;
    const out = this.#out;
    const buf = out.room(96 + (idE - idS) + 2 * MAX_KOPECKS_BYTES + n * this.#detailBytes);
    let at = out.at;
    if (this.#json) {
      at = this.#rowStart(buf, at, b, idS, idE);
      at = putAscii(buf, at, ',"status":"ok","non_payment":"');
      at = putKopecks(buf, at, ctx.sums[0] as number, 46);
      at = putAscii(buf, at, '","fine":"');
      at = putKopecks(buf, at, ctx.sums[1] as number, 46);
      at = putAscii(buf, at, '","details":[');
      for (let i = 0; i < n; i++) {
        at = putAscii(buf, at, i === 0 ? '{"code":"' : ',{"code":"');
        at = putAscii(buf, at, (ctx.entries[i] as CompiledEntry).code);
        at = putAscii(buf, at, '","non_payment":"');
        at = putKopecks(buf, at, ctx.nonPayments[i] as number, 46);
        at = putAscii(buf, at, '","applied_non_payment":"');
        at = putKopecks(buf, at, ctx.applied[i] as number, 46);
        at = putAscii(buf, at, '","fine":"');
        at = putKopecks(buf, at, ctx.fines[i] as number, 46);
        at = putAscii(buf, at, '"}');
      }
      at = putAscii(buf, at, ']}\n');
      out.at = at;
      return;
    }
    const d = this.#d;
    const mark = this.#mark;
    const dv = out.view;
    at = this.#rowStart(buf, at, b, idS, idE);
    dv.setUint32(at, this.#okWord, true); // ;ok;
    at += 4;
    // The case's Н and Сшт, written once: a detail with the same amount copies their bytes.
    const total = ctx.sums[0] as number;
    const totalAt = at;
    at = putKopecks(buf, at, total, mark);
    const totalEnd = at;
    buf[at++] = d;
    const fine = ctx.sums[1] as number;
    const fineAt = at;
    at = putKopecks(buf, at, fine, mark);
    const fineEnd = at;
    buf[at++] = d;
    // A code, Н and Сшт of 12 bytes or fewer are written as words (ByteSink.view; D22).
    const tLen = totalEnd - totalAt;
    const tLo = tLen <= 12 ? dv.getUint32(totalAt, true) : -1;
    const tMid = dv.getUint32(totalAt + 4, true);
    const tHi = dv.getUint32(totalAt + 8, true);
    const fLen = fineEnd - fineAt;
    const fLo = fLen <= 12 ? dv.getUint32(fineAt, true) : -1;
    const fMid = dv.getUint32(fineAt + 4, true);
    const fHi = dv.getUint32(fineAt + 8, true);
    for (let i = 0; i < n; i++) {
      const entry = ctx.entries[i] as CompiledEntry;
      // `code:` (`|code:` after the first), as two words when it has 8 bytes or fewer
      const len = entry.codeLength + (i > 0 ? 2 : 1);
      if (len <= 8) {
        const words = i > 0 ? entry.nextWords : entry.firstWords;
        at = putWords(dv, at, words[0] as number, words[1] as number, len);
      } else {
        if (i > 0) buf[at++] = 124; // |
        at = copy(buf, at, entry.codeBytes, 0, entry.codeBytes.length);
        buf[at++] = 58; // :
      }
      const np = ctx.nonPayments[i] as number;
      at = np === total && tLo >= 0 ? putWords3(dv, at, tLo, tMid, tHi, tLen) : putKopecks(buf, at, np, mark);
      buf[at++] = 58;
      const applied = ctx.applied[i] as number;
      at = applied === total && tLo >= 0 ? putWords3(dv, at, tLo, tMid, tHi, tLen) : putKopecks(buf, at, applied, mark);
      buf[at++] = 58;
      const f = ctx.fines[i] as number;
      at = f === fine && fLo >= 0 ? putWords3(dv, at, fLo, fMid, fHi, fLen) : putKopecks(buf, at, f, mark);
    }
    dv.setUint32(at, this.#endWord, true); // ;;\n
    out.at = at + 3;
  }

  #remember(key: number, text: string): void {
    if (this.#messages.size >= 4096) this.#messages.clear();
    this.#messages.set(key, text);
  }

  /**
   * An error row of the fast path, its id copied as bytes: an id the fast path takes needs no
   * quoting, escaping or neutralising, in CSV or in JSON.
   */
  #errorBytes(b: Uint8Array, idS: number, idE: number, code: OmsCalcErrorCode, message: string): void {
    this.#acc.addError(code);
    this.#note(code, message);
    this.#rows++;
    const out = this.#out;
    const buf = out.room(64 + (idE - idS) + code.length);
    let at = out.at;
    if (this.#json) {
      at = this.#rowStart(buf, at, b, idS, idE);
      at = putAscii(buf, at, ',"status":"error","error_code":"');
      at = putAscii(buf, at, code);
      at = putAscii(buf, at, '","error_message":');
      out.at = at;
      out.text(`${JSON.stringify(message)}}\n`);
      return;
    }
    const d = this.#d;
    at = this.#rowStart(buf, at, b, idS, idE);
    at = putAscii(buf, at, this.#errorCells);
    at = putAscii(buf, at, code);
    buf[at++] = d;
    out.at = at;
    out.text(`${csvCell(excelSafeCell(message), this.#delimiter)}\n`);
  }

  /** An error row: counted, noted, written. */
  #error(id: string | undefined, code: OmsCalcErrorCode, message: string): void {
    this.#acc.addError(code);
    this.#note(code, message);
    this.#rows++;
    if (this.#json) {
      this.#out.text(`${JSON.stringify({ line: this.#line, ...(id === undefined ? {} : { id }), status: 'error', error_code: code, error_message: message })}\n`);
      return;
    }
    const dl = this.#delimiter;
    const cells = [String(this.#line), csvCell(excelSafeCell(id ?? ''), dl), 'error', '', '', '', csvCell(excelSafeCell(code), dl), csvCell(excelSafeCell(message), dl)];
    this.#out.text(`${cells.join(dl)}\n`);
  }

  /** A computed row of the decimal path. */
  #okText(id: string | undefined, row: SanctionRow | CaseSanction): void {
    if (this.#json) {
      const value = {
        line: this.#line,
        ...(id === undefined ? {} : { id }),
        status: 'ok',
        non_payment: moneyText(row.nonPayment, '.'),
        fine: moneyText(row.fine, '.'),
        details: row.details.map((v) => ({
          code: v.code,
          non_payment: moneyText(v.nonPayment, '.'),
          applied_non_payment: moneyText(v.appliedNonPayment, '.'),
          fine: moneyText(v.fine, '.'),
        })),
      };
      this.#out.text(`${JSON.stringify(value)}\n`);
      return;
    }
    const dl = this.#delimiter;
    const m = this.#mark === 44 ? ',' : '.';
    const details = row.details.map((v) => `${v.code}:${moneyText(v.nonPayment, m)}:${moneyText(v.appliedNonPayment, m)}:${moneyText(v.fine, m)}`).join('|');
    const cells = [String(this.#line), csvCell(excelSafeCell(id ?? ''), dl), 'ok', moneyText(row.nonPayment, m), moneyText(row.fine, m), csvCell(excelSafeCell(details), dl), '', ''];
    this.#out.text(`${cells.join(dl)}\n`);
  }

  /** Any line through the decimal path: decoded, split, validated and computed as {@link caseSanction} does. */
  #slow(b: Uint8Array, s: number, e: number): void {
    const record = splitRecord(decoder.decode(b.subarray(s, e)), this.#delimiter);
    if (record.every((f) => f.trim() === '')) {
      this.#blank++;
      return;
    }
    const layout = this.#layout as Layout;
    const at = layout.columns;
    const idCell = at.id < 0 ? undefined : record[at.id];
    const id = idCell === undefined || idCell === '' ? undefined : idCell.trim() === idCell ? idCell : idCell.trim() || undefined;
    if (record.length !== layout.fields) {
      this.#error(id, 'INVALID_INPUT', errorMessage([makeIssue('field_count', [], { count: record.length, expected: String(layout.fields) }, `the line has ${record.length} fields, the header has ${layout.fields}`)], record, at));
      return;
    }
    const c = caseOf(record, at, id);
    const index = this.#rows;
    const where = `case ${index}`;
    if (c.violations.length === 0) {
      // A case without violations: a row with zero amounts, once the rest of it is valid.
      const parsed = CaseInputSchema.safeParse(c);
      const issues = parsed.success
        ? []
        : toIssues(parsed.error.issues).filter((i) => !(i.path.length === 1 && i.path[0] === 'violations' && i.message === 'a case needs at least one violation'));
      if (issues.length > 0) {
        this.#error(id, 'INVALID_INPUT', errorMessage(issues, record, at));
        return;
      }
      this.#okText(id, { table: '', nonPayment: ZERO, fine: ZERO, details: [] });
      this.#acc.addZero();
      this.#rows++;
      return;
    }
    let row: SanctionRow | CaseSanction;
    try {
      row = computeCase(parseInput(CaseInputSchema, c, where), this.#setup.options, where, false);
    } catch (err) {
      if (!isOmsCalcError(err)) throw err;
      this.#error(id, err.code, errorMessage(err.issues, record, at));
      return;
    }
    this.#okText(id, row);
    this.#acc.add(row);
    this.#rows++;
  }
}
