/**
 * `oms-calc sanctions --cases FILE.csv [--rates FILE.json] [--table FILE.json] [--out FILE.csv]`:
 * the sanctions of a registry of cases, streamed from CSV to CSV.
 *
 * @module
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { X } from '../_internal';
import {
  defineSanctionTable,
  isOmsCalcError,
  sanctionRows,
  sanctionTotals,
  type CaseInput,
  type OmsCalcIssue,
  type SanctionErrorRow,
  type SanctionRow,
  type SanctionStreamOptions,
  type SanctionTable,
  type SanctionTotals,
} from '../sanctions';
import { CsvBytes, moneyText, plainAscii } from './format';
import { CliError, EXIT, type CliCommand, type CliIo, type CliOutput } from './io';

/** The columns of the cases file: the canonical name first, then accepted aliases (any case). */
export const CASE_COLUMNS = {
  id: ['id', 'case_id', 'номер', 'ид'],
  date: ['date', 'дата'],
  tariff: ['tariff', 'тариф', 'рт'],
  setting: ['setting', 'условия'],
  perCapitaRate: ['per_capita_rate', 'рп', 'подушевой_норматив'],
  violations: ['violations', 'нарушения', 'коды'],
} as const;

type CaseField = keyof typeof CASE_COLUMNS;

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

/** Bytes read ahead from the cases file, so that parsing never waits for the disk. */
const READ_AHEAD = 1 << 20;
/** Bytes of results that may wait for the disk before the computation waits for them. */
const WRITE_BEHIND = 4 << 20;

/** The csv-parse options of the cases file (bench/sanctions-parse-only.ts measures csv-parse alone with the same). */
export function parseOptions(delimiter: ';' | ','): Options {
  return {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    // A megabyte of input ahead of the parser, a few dozen records between it and the computation.
    writableHighWaterMark: READ_AHEAD,
    readableHighWaterMark: 64,
  } as Options;
}

/** The columns of the results file. */
export const RESULT_COLUMNS = ['line', 'id', 'status', 'non_payment', 'fine', 'details', 'error_code', 'error_message'] as const;

const HELP = `Columns of the cases file (header row required; names are case-insensitive, extra columns are ignored):
  id               the case's identifier (aliases: case_id, номер, ид)                   optional
  date             YYYY-MM-DD or DD.MM.YYYY; picks the table in force (alias: дата)       optional
  tariff           РТ, the tariff of the case, rubles: 1234.56 or 1234,56 (aliases: тариф, рт)
  setting          ambulatory | ambulance | all | hospital (or амбулаторно, скорая, все, стационар)
  per_capita_rate  РП for this case, rubles (aliases: рп, подушевой_норматив)              optional
  violations       codes separated by |, e.g. 3.2.1|1.4.2; a recomputed tariff as 2.16.1:8000,00
                   (aliases: нарушения, коды)
The delimiter (; or ,) is taken from the header line; UTF-8 with or without BOM; spaces inside
numbers are ignored ("1 234,56").

--rates FILE.json   РП by setting: {"ambulatory": "1850.40", "hospital": "7123.36", ...}
--table FILE.json   a table (or an array of tables, chosen by date) in the shape of defineSanctionTable
--out FILE.csv      results; default standard output. Columns: ${RESULT_COLUMNS.join(', ')}
                    (same delimiter as the input; decimal comma with ';', point with ',')
Exit codes: 0 all rows computed; 2 invalid input (bad options, or some rows have errors — every row
is still written, the bad ones with their line number); 1 any other failure.
Progress goes to standard error when it is a terminal; the totals (by section and by code) always do.

Example:
  printf 'id;date;tariff;setting;violations\\n1;01.03.2025;25 000,00;стационар;3.2.2|2.13\\n' > cases.csv
  echo '{"hospital": "7000,00"}' > rates.json
  oms-calc sanctions --cases cases.csv --rates rates.json --out results.csv
  # results.csv: line;id;status;non_payment;fine;details;error_code;error_message
  #              2;1;ok;10000,00;2100,00;3.2.2:10000,00:2100,00|2.13:2500,00:0,00;;`;

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
  if (mark >= 0) return value.charCodeAt(mark) === 46 ? value : `${value.slice(0, mark)}.${value.slice(mark + 1)}`;
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
  // The common form — bare codes (digits and dots) between bars — is cut without a regex or split.
  const codes: string[] = [];
  let start = 0;
  let bare = true;
  for (let i = 0; i <= cell.length; i++) {
    const c = i < cell.length ? cell.charCodeAt(i) : 124;
    if (c === 124) {
      if (i === start || cell.charCodeAt(i - 1) === 46) {
        bare = false;
        break;
      }
      codes.push(cell.slice(start, i));
      start = i + 1;
    } else if (!((c >= 48 && c <= 57) || c === 46)) {
      bare = false;
      break;
    }
  }
  if (bare) return codes;
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

/** The header's column index of each case field, or −1; throws on a missing required column. */
function columnsOf(header: readonly string[]): Record<CaseField, number> {
  const at = {} as Record<CaseField, number>;
  const names = header.map((h) => h.trim().toLowerCase());
  for (const field of Object.keys(CASE_COLUMNS) as CaseField[]) {
    const hits = names.flatMap((n, i) => ((CASE_COLUMNS[field] as readonly string[]).includes(n) ? [i] : []));
    if (hits.length > 1) throw new CliError(`the header has more than one column for ${CASE_COLUMNS[field][0]}: ${hits.map((i) => header[i]).join(', ')}`, EXIT.invalid);
    at[field] = hits[0] ?? -1;
  }
  const missing = (['tariff', 'violations'] as const).filter((f) => at[f] < 0).map((f) => CASE_COLUMNS[f][0]);
  if (missing.length > 0) {
    throw new CliError(`the header has no column ${missing.join(' and ')}; it has: ${header.join(', ')}\n\n${HELP}`, EXIT.invalid);
  }
  return at;
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

async function headerLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.search(/\r?\n/);
    if (end < 0 && bytesRead === buffer.length) throw new CliError(`${file}: the header line is longer than 64 KiB`, EXIT.invalid);
    return end < 0 ? text : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${(e as Error).message}`, EXIT.failure);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    throw new CliError(`${what} ${file} is not valid JSON: ${(e as Error).message}`, EXIT.invalid);
  }
}

function formatIssues(prefix: string, issues: readonly OmsCalcIssue[]): string {
  return issues.map((i) => `  ${[prefix, ...i.path.map(String)].filter((p) => p !== '').join('.')}: ${i.message}`).join('\n');
}

/** The run's options (already checked by cac). */
export interface SanctionsCliOptions {
  cases?: unknown;
  rates?: unknown;
  table?: unknown;
  out?: unknown;
  combine?: unknown;
  date?: unknown;
}

/** Runs `oms-calc sanctions`. */
export async function runSanctions(options: SanctionsCliOptions, io: CliIo): Promise<number> {
  const cases = options.cases;
  if (typeof cases !== 'string' || cases === '') throw new CliError(`missing --cases FILE.csv\n\n${HELP}`, EXIT.invalid);
  for (const name of ['rates', 'table', 'out', 'combine', 'date'] as const) {
    const v = options[name];
    if (v !== undefined && typeof v !== 'string') throw new CliError(`--${name} takes one value`, EXIT.invalid);
  }
  const file = resolve(io.cwd, cases);

  // Options of the computation, checked by the library before any row is read.
  const streamOptions: SanctionStreamOptions = {};
  if (typeof options.rates === 'string') {
    let rates = await readJson(resolve(io.cwd, options.rates), '--rates');
    if (typeof rates === 'object' && rates !== null && 'perCapitaRates' in rates) rates = (rates as { perCapitaRates: unknown }).perCapitaRates;
    if (typeof rates === 'object' && rates !== null && !Array.isArray(rates)) {
      rates = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, typeof v === 'string' ? numberText(v) ?? v : v]));
    }
    streamOptions.perCapitaRates = rates as SanctionStreamOptions['perCapitaRates'];
  }
  if (typeof options.table === 'string') {
    const raw = await readJson(resolve(io.cwd, options.table), '--table');
    const list = Array.isArray(raw) ? raw : [raw];
    const tables: SanctionTable[] = [];
    list.forEach((t, i) => {
      try {
        tables.push(defineSanctionTable(t));
      } catch (e) {
        if (!isOmsCalcError(e)) throw e;
        throw new CliError(`--table ${options.table as string}: invalid table\n${formatIssues(Array.isArray(raw) ? `[${i}]` : '', e.issues)}`, EXIT.invalid);
      }
    });
    streamOptions.tables = tables;
  }
  if (typeof options.combine === 'string') streamOptions.combine = options.combine as SanctionStreamOptions['combine'];
  if (typeof options.date === 'string') streamOptions.date = dateText(options.date);

  let header: string;
  try {
    header = await headerLine(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read --cases ${file}: ${(e as Error).message}`, EXIT.failure);
  }
  const delimiter = detectDelimiter(header.charCodeAt(0) === 0xfeff ? header.slice(1) : header);

  const mark = delimiter === ';' ? ',' : '.';
  const money = (x: X): string => moneyText(x, mark);
  const markCode = mark.charCodeAt(0);
  const bytes = new CsvBytes();

  // One iterable of rows for the whole run, walked again for each batch of cases: the options are
  // checked here, before any row is read (the library throws INVALID_INPUT at once), and the
  // caches of the computation are built once.
  const current: CaseInput[] = [];
  let computed: Iterable<SanctionRow | SanctionErrorRow>;
  try {
    computed = sanctionRows(current, streamOptions);
  } catch (e) {
    if (!isOmsCalcError(e)) throw e;
    const issues = e.issues.map((i) => ({ ...i, path: i.path[0] === 'perCapitaRates' ? ['--rates', ...i.path.slice(1)] : i.path }));
    throw new CliError(`invalid options\n${formatIssues('', issues)}`, EXIT.invalid);
  }

  const source = createReadStream(file, { highWaterMark: READ_AHEAD });
  const parser = source.pipe(parse(parseOptions(delimiter)));
  source.on('error', (e) => parser.destroy(e));

  // Output.
  let sink: CliOutput;
  let out: WriteStream | undefined;
  if (typeof options.out === 'string') {
    out = createWriteStream(resolve(io.cwd, options.out), { highWaterMark: WRITE_BEHIND });
    try {
      await once(out, 'open');
    } catch (e) {
      parser.destroy();
      throw new CliError(`cannot write --out ${options.out}: ${(e as Error).message}`, EXIT.failure);
    }
    sink = out;
  } else {
    sink = io.stdout;
  }
  const write = async (text: string | Uint8Array): Promise<void> => {
    if (!sink.write(text)) await new Promise<void>((drained) => sink.once('drain', () => drained()));
  };
  await write(stringifySync([[...RESULT_COLUMNS]], { delimiter }));

  const progress = io.stderr.isTTY === true;
  const started = Date.now();
  let lastProgress = started;
  const shownErrors: string[] = [];
  const noteError = (line: number, message: string): void => {
    if (shownErrors.length < 20) shownErrors.push(`  line ${line}: ${message}`);
  };

  let columns: Record<CaseField, number> | undefined;
  let fields = 0;
  let line = 1;
  let count = 0;

  /** Computes and writes one batch of records; returns its rows (the CSV layer's errors included) for the totals. */
  async function step(batch: readonly string[][]): Promise<(SanctionRow | SanctionErrorRow)[]> {
    // 1. Records → cases with their line numbers; a line with the wrong number of fields is an error.
    const lines: number[] = [];
    const ids: (string | undefined)[] = [];
    const problems: (string | undefined)[] = [];
    const cases = current;
    cases.length = 0;
    for (const record of batch) {
      const start = line;
      const scanned = scan(record);
      line += 1 + (scanned >> 1);
      if (columns === undefined) {
        columns = columnsOf(record);
        fields = record.length;
        continue;
      }
      if ((scanned & 1) === 1) continue; // a blank line
      const idCell = columns.id < 0 ? undefined : record[columns.id];
      const id = idCell === undefined || idCell === '' ? undefined : idCell.trim() === idCell ? idCell : idCell.trim() || undefined;
      lines.push(start);
      ids.push(id);
      if (record.length !== fields) {
        problems.push(`the line has ${record.length} fields, the header has ${fields}`);
      } else {
        problems.push(undefined);
        cases.push(caseOf(record, columns, id));
      }
    }

    // 2. The sanctions of the batch's cases, one row per case, in order.
    const rows = computed[Symbol.iterator]();

    // 3. One output line per data line, in order.
    const counted: (SanctionRow | SanctionErrorRow)[] = [];
    const text = bytes;
    for (let i = 0; i < lines.length; i++) {
      const at = lines[i] as number;
      const problem = problems[i];
      let row: SanctionRow | SanctionErrorRow;
      if (problem !== undefined) {
        row = { index: count + i, error: { code: 'INVALID_INPUT', message: problem, issues: [{ path: [], message: problem }] } };
        noteError(at, problem);
        errorLine(text, at, ids[i], 'INVALID_INPUT', problem, delimiter);
      } else {
        row = rows.next().value as SanctionRow | SanctionErrorRow;
        if ('error' in row) {
          const message = row.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
          noteError(at, `${row.error.code}: ${message}`);
          errorLine(text, at, row.id, row.error.code, message, delimiter);
        } else {
          resultLine(text, at, row, delimiter, markCode);
        }
      }
      counted.push(row);
    }
    count += lines.length;
    if (text.length > 0) await write(text.take());
    if (progress && Date.now() - lastProgress > 500) {
      lastProgress = Date.now();
      const rate = Math.round((count * 1000) / Math.max(1, lastProgress - started));
      io.stderr.write(`\r${count} rows · ${rate} rows/s`);
    }
    return counted;
  }

  let totals: SanctionTotals;
  try {
    totals = await sanctionTotals(rowsOf(batches(parser), step));
  } catch (e) {
    parser.destroy();
    out?.end();
    if (e instanceof CliError) throw e;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) throw new CliError(`${file}: ${(e as Error).message}`, EXIT.invalid);
    throw new CliError(`${file}: ${(e as Error).message}`, EXIT.failure);
  }
  if (columns === undefined) {
    out?.end();
    throw new CliError(`${file} is empty: a header line is needed\n\n${HELP}`, EXIT.invalid);
  }
  if (out !== undefined) {
    out.end();
    await once(out, 'finish');
  }

  if (progress) io.stderr.write('\r\u001b[K');
  writeTotals(io.stderr, totals, shownErrors, money, Date.now() - started);
  return totals.errors > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * The rows of all batches as one async iterable, a resolved promise per row within a batch
 * (cheaper than an async generator's resumption).
 */
function rowsOf<Row>(source: AsyncIterable<readonly string[][]>, step: (batch: readonly string[][]) => Promise<Row[]>): AsyncIterable<Row> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Row> {
      const batchesOf = source[Symbol.asyncIterator]();
      let rows: Row[] = [];
      let at = 0;
      const refill = async (): Promise<IteratorResult<Row>> => {
        for (;;) {
          const next = await batchesOf.next();
          if (next.done === true) return { done: true, value: undefined };
          rows = await step(next.value);
          at = 0;
          if (rows.length > 0) return { done: false, value: rows[at++] as Row };
        }
      };
      return {
        next: (): Promise<IteratorResult<Row>> => (at < rows.length ? Promise.resolve({ done: false, value: rows[at++] as Row }) : refill()),
        return: async (): Promise<IteratorResult<Row>> => {
          await batchesOf.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * Writes the output line of a computed case as bytes. Its fields are digits, codes and the id; a
 * row whose id is not plain ASCII goes through csv-stringify (which quotes it when needed).
 */
function resultLine(out: CsvBytes, line: number, row: SanctionRow, delimiter: string, mark: number): void {
  const id = row.id ?? '';
  if (!plainAscii(id)) {
    const m = mark === 44 ? ',' : '.';
    const details = row.details.map((d) => `${d.code}:${moneyText(d.nonPayment, m)}:${moneyText(d.fine, m)}`).join('|');
    out.text(stringifySync([[String(line), id, 'ok', moneyText(row.nonPayment, m), moneyText(row.fine, m), details, '', '']], { delimiter }));
    return;
  }
  const sep = delimiter.charCodeAt(0);
  out.uint(line);
  out.byte(sep);
  out.ascii(id);
  out.byte(sep);
  out.byte(111); // o
  out.byte(107); // k
  out.byte(sep);
  out.money(row.nonPayment, mark);
  out.byte(sep);
  out.money(row.fine, mark);
  out.byte(sep);
  const details = row.details;
  for (let i = 0; i < details.length; i++) {
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
}

/** The output line of a case that failed (written by csv-stringify: messages may need quoting). */
function errorLine(out: CsvBytes, line: number, id: string | undefined, code: string, message: string, delimiter: string): void {
  out.text(stringifySync([[String(line), id ?? '', 'error', '', '', '', code, message]], { delimiter }));
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
    else if (cell !== '') setting = SETTING_ALIASES.get(cell.trim().toLowerCase()) ?? (cell.trim() === '' ? undefined : (cell.trim() as CaseInput['setting']));
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
 * The records of a parser in batches: whatever is buffered is taken synchronously, so that the
 * per-record cost is not a promise each.
 */
async function* batches(parser: Readable): AsyncGenerator<string[][]> {
  for (;;) {
    const batch: string[][] = [];
    let record: string[] | null;
    while (batch.length < 128 && (record = parser.read() as string[] | null) !== null) batch.push(record);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (parser.readableEnded) return;
    if (parser.errored !== null) throw parser.errored;
    await new Promise<void>((resolveWait, reject) => {
      const done = (): void => {
        parser.off('readable', done).off('end', done).off('close', done).off('error', fail);
        resolveWait();
      };
      const fail = (e: unknown): void => {
        parser.off('readable', done).off('end', done).off('close', done).off('error', fail);
        reject(e as Error);
      };
      parser.on('readable', done).on('end', done).on('close', done).on('error', fail);
    });
    if (parser.destroyed && !parser.readableEnded) {
      if (parser.errored !== null) throw parser.errored;
      return;
    }
  }
}

function writeTotals(err: CliOutput, t: SanctionTotals, shown: readonly string[], money: (x: X) => string, ms: number): void {
  const lines: string[] = [];
  const tenths = Math.round(ms / 100);
  lines.push(`oms-calc sanctions: ${t.cases} rows, ${t.errors} with errors, ${Math.floor(tenths / 10)}.${tenths % 10} s`);
  if (t.errors > 0) {
    lines.push(`errors by code: ${Object.entries(t.errorsByCode).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    lines.push(...shown);
    if (t.errors > shown.length) lines.push(`  … and ${t.errors - shown.length} more (see the output rows with status "error")`);
  }
  lines.push(`non-payment (Н): ${money(t.nonPayment)}`);
  lines.push(`fines (Сшт):     ${money(t.fine)}`);
  for (const [s, v] of Object.entries(t.bySection)) lines.push(`  ${s.padEnd(5)} cases ${String(v.cases).padStart(9)}  Н ${money(v.nonPayment).padStart(18)}  Сшт ${money(v.fine).padStart(16)}`);
  lines.push('by code:');
  for (const [c, v] of Object.entries(t.byCode)) lines.push(`  ${c.padEnd(7)} cases ${String(v.cases).padStart(9)}  Н ${money(v.nonPayment).padStart(18)}  Сшт ${money(v.fine).padStart(16)}`);
  err.write(`${lines.join('\n')}\n`);
}

/** The `sanctions` command. */
export const sanctionsCommand: CliCommand = {
  name: 'sanctions',
  description: 'неоплата Н = РТ × Кно и штрафы Сшт = РП × Кшт по реестру случаев в CSV (sanctionStream, sanctionTotals)',
  options: [
    ['--cases <file>', 'the cases, CSV (required)'],
    ['--rates <file>', 'РП by setting, JSON'],
    ['--table <file>', 'a coefficient table (or an array of tables), JSON; default the built-in one'],
    ['--out <file>', 'the results, CSV; default standard output'],
    ['--combine <policy>', "several violations in one case: 'max' (default) or 'sum-capped'"],
    ['--date <date>', 'the date for cases without one (picks the table in force)'],
  ],
  help: HELP,
  run: (options, io) => runSanctions(options, io),
};
