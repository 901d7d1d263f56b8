/**
 * The cases file of `oms-calc sanctions`, record by record: its columns, the text of its cells,
 * and the output line of each record. Used alike by the command's own thread and by its worker
 * threads, so that both write the same bytes.
 *
 * @module
 */
import type { Options } from 'csv-parse';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { FastRow } from '../sanctions/fastPath';
import { excelSafeCell, sanctionRows, type CaseInput, type OmsCalcIssue, type SanctionErrorRow, type SanctionRow, type SanctionStreamOptions } from '../sanctions';
import { CsvBytes, MAX_KOPECKS_BYTES, moneyText, plainAscii, putAscii, putKopecks, putUint } from './format';
import { CliError, EXIT } from './io';

/** The columns of the cases file: the canonical name first, then accepted aliases (any case). */
export const CASE_COLUMNS = {
  id: ['id', 'case_id', 'номер', 'ид'],
  date: ['date', 'дата'],
  tariff: ['tariff', 'тариф', 'рт'],
  setting: ['setting', 'условия'],
  perCapitaRate: ['per_capita_rate', 'рп', 'подушевой_норматив'],
  violations: ['violations', 'нарушения', 'коды'],
} as const;

/** A field of a case, by its canonical column. */
export type CaseField = keyof typeof CASE_COLUMNS;

/** The results file's columns. */
export const RESULT_COLUMNS = ['line', 'id', 'status', 'non_payment', 'fine', 'details', 'error_code', 'error_message'] as const;

/** Bytes read ahead from the cases file, so that parsing never waits for the disk. */
export const READ_AHEAD = 1 << 20;

/** How many bad lines are quoted in the totals on standard error. */
export const SHOWN_ERRORS = 20;

/** Setting values accepted in the `setting` column, with Russian aliases. */
const SETTING_ALIASES: ReadonlyMap<string, CaseInput['setting']> = new Map([
  ['ambulatory', 'ambulatory'],
  ['амбулаторно', 'ambulatory'],
  ['ambulance', 'ambulance'],
  ['скорая', 'ambulance'],
  ['all', 'all'],
  ['все', 'all'],
  ['hospital', 'hospital'],
  ['стационар', 'hospital'],
]);

/** The settings with their Russian aliases, as messages list them: `ambulatory (амбулаторно), …`. */
export const SETTING_FORMS: string = (['ambulatory', 'ambulance', 'all', 'hospital'] as const)
  .map((setting) => {
    const aliases = [...SETTING_ALIASES].filter(([alias, to]) => to === setting && alias !== setting).map(([alias]) => alias);
    return aliases.length === 0 ? setting : `${setting} (${aliases.join(', ')})`;
  })
  .join(', ');

/** The setting of a cell or a `--rates` key: a canonical name or a Russian alias, any case; undefined when it is neither. */
export function settingOf(text: string): CaseInput['setting'] | undefined {
  return SETTING_ALIASES.get(text.trim().toLowerCase());
}

/** The message of a setting that is none of the accepted forms. */
export function settingMessage(given: string): string {
  return `expected one of ${SETTING_FORMS}; got ${JSON.stringify(given)}`;
}

/**
 * An issue's message with the value as the file has it: the library sees a cell after it is
 * read (`30.02.2025` as `2025-02-30`, `12 345,67 ₽` as `12345.67₽`) and shows that; the tail
 * `got …` is given the text as written when the two differ.
 */
export function asWritten(message: string, written: string | undefined): string {
  if (written === undefined) return message;
  const m = /, got (.*)$/s.exec(message);
  if (m === null || m[1] === written || m[1] === JSON.stringify(written)) return message;
  return `${message.slice(0, m.index)}, got ${JSON.stringify(written)}`;
}

/** How `oms-calc sanctions` writes its rows: CSV (the default), or JSON Lines (one object per row). */
export type ResultFormat = 'csv' | 'json';

/**
 * The csv-parse options of the cases file (bench/sanctions-parse-only.ts measures csv-parse alone
 * with the same). The record delimiter is found from the first line unless it is given; a part of
 * the file after its start (`bom: false`) keeps a U+FEFF that opens a line, as the stream does.
 */
export function parseOptions(delimiter: ';' | ',', recordDelimiter?: '\n' | '\r\n', bom = true): Options {
  return {
    delimiter,
    bom,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(recordDelimiter === undefined ? {} : { record_delimiter: recordDelimiter }),
    // A megabyte of input ahead of the parser, a few dozen records between it and the computation.
    writableHighWaterMark: READ_AHEAD,
    readableHighWaterMark: 64,
  } as Options;
}

/** Whether `s` is digits with at most one `.` or `,`: the common form, converted without regexes. */
function simpleNumber(s: string): number {
  let mark = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 44 || c === 46) && mark < 0) {
      mark = i;
      continue;
    }
    return -2;
  }
  return mark;
}

/** A number cell as a decimal string: spaces (thousands) dropped, a decimal comma made a point. */
export function numberText(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const mark = simpleNumber(value);
  if (mark === -1) return value;
  if (mark >= 0) return value.charCodeAt(mark) === 46 ? value : value.replace(',', '.'); // the one mark is that comma
  let s = value.trim();
  if (s === '') return undefined;
  if (/[\s\u00a0\u202f]/.test(s)) s = s.replace(/[\s\u00a0\u202f]/g, '');
  const comma = s.indexOf(',');
  if (comma >= 0 && comma === s.lastIndexOf(',') && !s.includes('.')) s = `${s.slice(0, comma)}.${s.slice(comma + 1)}`;
  return s;
}

function codeText(value: string): string {
  const s = value.trim();
  return s.endsWith('.') ? s.slice(0, -1) : s;
}

/** The violations cell: codes separated by `|`, a recomputed tariff after `:` or `=`. */
export function violationsOf(cell: string): CaseInput['violations'] {
  // The common form — bare codes (digits and dots) between bars — is cut without a regex or split,
  // into an array of its final length.
  let segments = 0;
  let bare = true;
  for (let i = 0, start = 0; i <= cell.length; i++) {
    const c = i < cell.length ? cell.charCodeAt(i) : 124;
    if (c === 124) {
      if (i === start || cell.charCodeAt(i - 1) === 46) {
        bare = false;
        break;
      }
      segments++;
      start = i + 1;
    } else if (!((c >= 48 && c <= 57) || c === 46)) {
      bare = false;
      break;
    }
  }
  if (bare) {
    const codes = new Array<string>(segments);
    for (let k = 0, start = 0; k < segments; k++) {
      const end = k === segments - 1 ? cell.length : cell.indexOf('|', start);
      codes[k] = cell.slice(start, end);
      start = end + 1;
    }
    return codes;
  }
  const out: CaseInput['violations'] = [];
  for (const part of cell.split('|')) {
    if (part.trim() === '') continue;
    const sep = part.search(/[:=]/);
    if (sep < 0) out.push(codeText(part));
    else out.push({ code: codeText(part.slice(0, sep)), recomputedTariff: numberText(part.slice(sep + 1)) ?? '' });
  }
  return out;
}

/** A date cell: `YYYY-MM-DD` as it is, `DD.MM.YYYY` turned into it. */
export function dateText(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length === 10 && value.charCodeAt(4) === 45) return value;
  const s = value.trim();
  if (s === '') return undefined;
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  return m === null ? s : `${m[3] as string}-${m[2] as string}-${m[1] as string}`;
}

/** `;` or `,`, whichever the header line uses (outside quotes); `,` when it has neither. */
export function detectDelimiter(headerLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

/** Where each case field is in a record, and how many fields a record has. */
export interface RegistryLayout {
  /** The column index of each case field, or −1 when the file has no such column. */
  columns: Record<CaseField, number>;
  /** The number of fields of the header (every data line must have as many). */
  fields: number;
}

/** The layout given by a header record; throws on a missing or doubled column (`help` is appended). */
export function layoutOf(header: readonly string[], help: string): RegistryLayout {
  const columns = {} as Record<CaseField, number>;
  const names = header.map((h) => h.trim().toLowerCase());
  for (const field of Object.keys(CASE_COLUMNS) as CaseField[]) {
    const hits = names.flatMap((n, i) => ((CASE_COLUMNS[field] as readonly string[]).includes(n) ? [i] : []));
    if (hits.length > 1) throw new CliError(`the header has more than one column for ${CASE_COLUMNS[field][0]}: ${hits.map((i) => header[i]).join(', ')}`, EXIT.invalid);
    columns[field] = hits[0] ?? -1;
  }
  const missing = (['tariff', 'violations'] as const).filter((f) => columns[f] < 0).map((f) => CASE_COLUMNS[f][0]);
  if (missing.length > 0) {
    throw new CliError(`the header has no column ${missing.join(' and ')}; it has: ${header.join(', ')}\n\n${help}`, EXIT.invalid);
  }
  return { columns, fields: header.length };
}

/**
 * One pass over a record's fields: twice the number of line breaks inside them (only a quoted
 * field can hold one), plus 1 when every field is blank.
 */
function scan(record: readonly string[]): number {
  let breaks = 0;
  let blank = 1;
  for (const f of record) {
    if (f === '') continue;
    if (blank === 1 && f.trim() !== '') blank = 0;
    if (f.includes('\n')) breaks += f.split('\n').length - 1;
  }
  return breaks * 2 + blank;
}

function caseOf(record: readonly string[], at: Record<CaseField, number>, id: string | undefined): CaseInput {
  let setting: CaseInput['setting'];
  if (at.setting >= 0) {
    const cell = record[at.setting] as string;
    if (cell === 'hospital' || cell === 'ambulatory' || cell === 'all' || cell === 'ambulance') setting = cell;
    else if (cell !== '') setting = settingOf(cell) ?? (cell.trim() === '' ? undefined : (cell.trim() as CaseInput['setting']));
  }
  return {
    id,
    date: at.date < 0 ? undefined : dateText(record[at.date]),
    tariff: numberText(record[at.tariff]) ?? '',
    setting,
    perCapitaRate: at.perCapitaRate < 0 ? undefined : numberText(record[at.perCapitaRate]),
    violations: violationsOf(record[at.violations] ?? ''),
  };
}

/**
 * Writes the output line of a computed case as bytes. Its fields are digits, codes and the id; a
 * row whose id is not plain ASCII goes through csv-stringify (which quotes it when needed).
 */
export function resultLine(out: CsvBytes, line: number, row: SanctionRow, delimiter: string, mark: number): void {
  const id = row.id ?? '';
  const first = id.charCodeAt(0);
  // An id that a spreadsheet would evaluate (= + - @) is written neutralised (excelSafeCell); tab and CR are not plain.
  if (!plainAscii(id) || first === 61 || first === 43 || first === 45 || first === 64) {
    const m = mark === 44 ? ',' : '.';
    const details = row.details.map((d) => `${d.code}:${moneyText(d.nonPayment, m)}:${moneyText(d.fine, m)}`).join('|');
    out.text(stringifySync([[String(line), excelSafeCell(id), 'ok', moneyText(row.nonPayment, m), moneyText(row.fine, m), excelSafeCell(details), '', '']], { delimiter }));
    return;
  }
  const sep = delimiter.charCodeAt(0);
  const details = row.details;
  const n = details.length;
  // A row of the integer fast path carries its amounts in kopecks: written without reading the Decimals.
  const k = FastRow.kopecksOf(row);
  if (k === undefined) {
    out.uint(line);
    out.byte(sep);
    out.ascii(id);
    out.text(`${String.fromCharCode(sep)}ok${String.fromCharCode(sep)}`);
    out.money(row.nonPayment, mark);
    out.byte(sep);
    out.money(row.fine, mark);
    out.byte(sep);
    for (let i = 0; i < n; i++) {
      const d = details[i] as SanctionRow['details'][number];
      if (i > 0) out.byte(124); // |
      out.ascii(d.code);
      out.byte(58); // :
      out.money(d.nonPayment, mark);
      out.byte(58);
      out.money(d.fine, mark);
    }
    out.byte(sep);
    out.byte(sep);
    out.byte(10);
    return;
  }
  let room = 32 + id.length + 2 * MAX_KOPECKS_BYTES;
  for (let i = 0; i < n; i++) room += 3 + (details[i] as SanctionRow['details'][number]).code.length + 2 * MAX_KOPECKS_BYTES;
  const b = out.reserve(room);
  let at = putUint(b, out.position, line);
  b[at++] = sep;
  at = putAscii(b, at, id);
  b[at++] = sep;
  b[at++] = 111; // o
  b[at++] = 107; // k
  b[at++] = sep;
  at = putKopecks(b, at, k[0] as number, mark);
  b[at++] = sep;
  at = putKopecks(b, at, k[1] as number, mark);
  b[at++] = sep;
  for (let i = 0; i < n; i++) {
    if (i > 0) b[at++] = 124; // |
    at = putAscii(b, at, (details[i] as SanctionRow['details'][number]).code);
    b[at++] = 58; // :
    at = putKopecks(b, at, k[2 + 2 * n + i] as number, mark);
    b[at++] = 58;
    at = putKopecks(b, at, k[3 + 2 * i] as number, mark);
  }
  b[at++] = sep;
  b[at++] = sep;
  b[at++] = 10;
  out.advance(at);
}

/** The output line of a case that failed (written by csv-stringify: messages may need quoting); its text cells neutralised. */
function errorLine(out: CsvBytes, line: number, id: string | undefined, code: string, message: string, delimiter: string): void {
  out.text(stringifySync([[String(line), excelSafeCell(id ?? ''), 'error', '', '', '', excelSafeCell(code), excelSafeCell(message)]], { delimiter }));
}

/**
 * The JSON Lines output of a row: `{"line":2,"id":"A1","status":"ok","non_payment":"10000.00","fine":"2100.00",
 * "details":[{"code":"3.2.2","non_payment":"10000.00","fine":"2100.00"}]}`, or for a failed case
 * `{"line":3,"id":"A2","status":"error","error_code":"INVALID_INPUT","error_message":"…"}`; money
 * as decimal strings with two decimals and a point; `id` only when the case has one.
 */
function jsonLine(out: CsvBytes, line: number, id: string | undefined, row: SanctionRow | { code: string; message: string }): void {
  const head = { line, ...(id === undefined ? {} : { id }) };
  const value =
    'code' in row
      ? { ...head, status: 'error', error_code: row.code, error_message: row.message }
      : {
          ...head,
          status: 'ok',
          non_payment: moneyText(row.nonPayment, '.'),
          fine: moneyText(row.fine, '.'),
          details: row.details.map((d) => ({ code: d.code, non_payment: moneyText(d.nonPayment, '.'), fine: moneyText(d.fine, '.') })),
        };
  out.text(`${JSON.stringify(value)}\n`);
}

/** The text of a case field as the record has it, for the messages ({@link asWritten}). */
function writtenAt(record: readonly string[], at: Record<CaseField, number>, path: readonly (string | number)[]): string | undefined {
  const field = path[0];
  if (field === 'tariff' || field === 'date' || field === 'perCapitaRate' || field === 'setting') return at[field] < 0 ? undefined : record[at[field]];
  if (field === 'violations' && typeof path[1] === 'number' && path[2] === 'recomputedTariff' && at.violations >= 0) {
    const part = (record[at.violations] ?? '').split('|').filter((p) => p.trim() !== '')[path[1]];
    const sep = part?.search(/[:=]/) ?? -1;
    return part === undefined || sep < 0 ? undefined : part.slice(sep + 1);
  }
  return undefined;
}

/** An issue of a case as the output shows it: its path, and the value as the file has it. */
function issueText(issue: OmsCalcIssue, record: readonly string[], at: Record<CaseField, number>): string {
  const written = writtenAt(record, at, issue.path);
  const message = issue.path.length === 1 && issue.path[0] === 'setting' && written !== undefined ? settingMessage(written.trim()) : asWritten(issue.message, written);
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${message}` : message;
}

/** A row of the computation, or of the CSV layer (a line with the wrong number of fields). */
export type CliRow = SanctionRow | SanctionErrorRow;

/**
 * The records of one part of a cases file, batch by batch: each record becomes a case, each case
 * a row of {@link sanctionRows}, each row an output line with the record's line number.
 */
export class CaseRecords {
  /** The line number of the next record (a record with a line break inside spans several). */
  line: number;
  /** The number of data lines so far. */
  count = 0;
  /** The first bad lines, as `  line N: message`, for the totals on standard error. */
  readonly shown: string[] = [];
  #layout: RegistryLayout | undefined;
  readonly #cases: CaseInput[] = [];
  readonly #computed: Iterable<CliRow>;
  readonly #delimiter: ';' | ',';
  readonly #mark: number;
  readonly #help: string;
  readonly #format: ResultFormat;

  /**
   * @param options - the computation's options; checked here (throws `OmsCalcError`)
   * @param delimiter - the file's delimiter; the output uses it, with a decimal comma after `;`
   * @param help - appended to a header error
   * @param line - the line number of the first record
   * @param layout - the header's layout, when the first record is not the header
   * @param format - the output: CSV lines, or JSON Lines
   */
  constructor(options: SanctionStreamOptions, delimiter: ';' | ',', help: string, line = 1, layout?: RegistryLayout, format: ResultFormat = 'csv') {
    // One iterable of rows, walked again for each batch: the options are checked once, here, and
    // the caches of the computation are built once.
    this.#computed = sanctionRows(this.#cases, options);
    this.#delimiter = delimiter;
    this.#mark = delimiter === ';' ? 44 : 46;
    this.#help = help;
    this.line = line;
    this.#layout = layout;
    this.#format = format;
  }

  /** The header's layout, once the header has been read. */
  get layout(): RegistryLayout | undefined {
    return this.#layout;
  }

  #note(line: number, message: string): void {
    if (this.shown.length < SHOWN_ERRORS) this.shown.push(`  line ${line}: ${message}`);
  }

  /** Computes a batch of records and writes their output lines to `out`; returns their rows. */
  take(batch: readonly string[][], out: CsvBytes): CliRow[] {
    // 1. Records → cases with their line numbers; a line with the wrong number of fields is an error.
    const lines: number[] = [];
    const ids: (string | undefined)[] = [];
    const problems: (string | undefined)[] = [];
    const records: (readonly string[])[] = [];
    const cases = this.#cases;
    cases.length = 0;
    for (const record of batch) {
      const start = this.line;
      const scanned = scan(record);
      this.line += 1 + (scanned >> 1);
      const layout = this.#layout;
      if (layout === undefined) {
        this.#layout = layoutOf(record, this.#help);
        continue;
      }
      if ((scanned & 1) === 1) continue; // a blank line
      const at = layout.columns;
      const idCell = at.id < 0 ? undefined : record[at.id];
      const id = idCell === undefined || idCell === '' ? undefined : idCell.trim() === idCell ? idCell : idCell.trim() || undefined;
      lines.push(start);
      ids.push(id);
      records.push(record);
      if (record.length !== layout.fields) {
        problems.push(`the line has ${record.length} fields, the header has ${layout.fields}`);
      } else {
        problems.push(undefined);
        cases.push(caseOf(record, at, id));
      }
    }

    // 2. The sanctions of the batch's cases, one row per case, in order.
    const rows = this.#computed[Symbol.iterator]();

    // 3. One output line per data line, in order.
    const counted: CliRow[] = [];
    const delimiter = this.#delimiter;
    const json = this.#format === 'json';
    const columns = (this.#layout as RegistryLayout).columns;
    for (let i = 0; i < lines.length; i++) {
      const at = lines[i] as number;
      const problem = problems[i];
      let row: CliRow;
      if (problem !== undefined) {
        row = { index: this.count + i, error: { code: 'INVALID_INPUT', message: problem, issues: [{ path: [], message: problem }] } };
        this.#note(at, problem);
        if (json) jsonLine(out, at, ids[i], { code: 'INVALID_INPUT', message: problem });
        else errorLine(out, at, ids[i], 'INVALID_INPUT', problem, delimiter);
      } else {
        row = rows.next().value as CliRow;
        if ('error' in row) {
          const record = records[i] as readonly string[];
          const message = row.error.issues.map((issue) => issueText(issue, record, columns)).join('; ');
          this.#note(at, `${row.error.code}: ${message}`);
          if (json) jsonLine(out, at, row.id, { code: row.error.code, message });
          else errorLine(out, at, row.id, row.error.code, message, delimiter);
        } else if (json) {
          jsonLine(out, at, row.id, row);
        } else {
          resultLine(out, at, row, delimiter, this.#mark);
        }
      }
      counted.push(row);
    }
    this.count += lines.length;
    return counted;
  }
}
