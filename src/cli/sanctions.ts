/**
 * `oms-calc sanctions --cases FILE.csv [--rates FILE.json] [--table FILE.json] [--out FILE.csv]`:
 * the sanctions of a registry of cases, from CSV to CSV. A file without double quotes is read in
 * parts (src/cli/sanctions-parts.ts: on worker threads for a large file); from its first double
 * quote on, a file is streamed through one parser.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { X } from '../shared';
import { defineSanctionTable, isOmsCalcError, sanctionTotals, type OmsCalcIssue, type SanctionStreamOptions, type SanctionTable } from '../sanctions';
import { CsvBytes, moneyText } from './format';
import { CliError, EXIT, guardOutput, openOutputFile, type CliCommand, type CliIo, type CliOutput } from './io';
import { parseJsonExact } from './json';
import { runParts, type PartsSetup } from './sanctions-parts';
import {
  asWritten,
  CaseRecords,
  dateText,
  detectDelimiter,
  layoutOf,
  numberText,
  parseOptions,
  READ_AHEAD,
  RESULT_COLUMNS,
  settingMessage,
  settingOf,
  SHOWN_ERRORS,
  type CliRow,
  type RegistryLayout,
} from './sanctions-rows';
import { mergeTotals, totalsPart, type FileTotals, type TotalsPart } from './sanctions-totals';

/** Bytes of results that may wait for the disk before the computation waits for them. */
const WRITE_BEHIND = 4 << 20;

/** Below this many bytes of data lines, `--jobs auto` computes on the command's own thread. */
export const PARALLEL_FROM_BYTES = 16 << 20;

/** The most worker threads `--jobs auto` starts. */
const MAX_AUTO_JOBS = 8;

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
                    (the settings by name or by their Russian names: {"стационар": "7123,36"})
--table FILE.json   a table (or an array of tables, chosen by date) in the shape of defineSanctionTable
--out FILE.csv      results; default (or -) standard output. Columns: ${RESULT_COLUMNS.join(', ')}
                    (same delimiter as the input; decimal comma with ';', point with ','). A text
                    cell that a spreadsheet would run as a formula (= + - @ tab CR first) gets a
                    leading '. The file is written beside its name and renamed when complete.
--format csv|json   csv (default), or JSON Lines: one object per row, in file order —
                    {"line":2,"id":"1","status":"ok","non_payment":"10000.00","fine":"2100.00",
                     "details":[{"code":"3.2.2","non_payment":"10000.00","fine":"2100.00"}]}, or
                    {"line":3,"status":"error","error_code":"…","error_message":"…"}; money with a point
--jobs N|auto       threads that parse and compute. auto (default): one per core, up to ${MAX_AUTO_JOBS}, for
                    files of ${PARALLEL_FROM_BYTES >> 20} MiB and more, else 1. The output is the same for any N, every
                    row in file order. The file is cut into parts at line ends while it has no
                    double quote; from the first one on (a quoted field may hold a line break) it
                    is read as one stream on one thread.
Exit codes: 0 all rows computed; 2 invalid input (bad options, or some rows have errors — every row
is still written, the bad ones with their line number); 1 any other failure.
Progress goes to standard error when it is a terminal; the totals (by section and by code) always do.

Example:
  printf 'id;date;tariff;setting;violations\\n1;01.03.2025;25 000,00;стационар;3.2.2|2.13\\n' > cases.csv
  echo '{"hospital": "7000,00"}' > rates.json
  oms-calc sanctions --cases cases.csv --rates rates.json --out results.csv
  # results.csv: line;id;status;non_payment;fine;details;error_code;error_message
  #              2;1;ok;10000,00;2100,00;3.2.2:10000,00:2100,00|2.13:2500,00:0,00;;`;

/** The start of the cases file: its header line, and where the data lines begin when they can be shared out. */
interface Head {
  /** The header line, without a BOM. */
  text: string;
  /** The byte offset after the header's line end, when the line ends with `\n` or `\r\n` and has no double quote. */
  dataStart?: number | undefined;
  recordDelimiter?: '\n' | '\r\n' | undefined;
  /** The file's size in bytes. */
  size: number;
}

async function readHead(file: string): Promise<Head> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const text = bytes.subarray(bom).toString('utf8');
    const end = text.search(/\r?\n/);
    if (end < 0 && bytesRead === buffer.length) throw new CliError(`${file}: the header line is longer than 64 KiB`, EXIT.invalid);
    const head: Head = { text: end < 0 ? text : text.slice(0, end), size };
    const newline = bytes.indexOf(10);
    const header = bytes.subarray(0, newline < 0 ? 0 : newline);
    const crlf = newline > 0 && bytes[newline - 1] === 13;
    // Data lines may be shared out when the header ends at its first line end (no bare CR before it) and has no quote.
    if (newline >= 0 && header.indexOf(34) < 0 && header.subarray(0, crlf ? -1 : undefined).indexOf(13) < 0) {
      head.dataStart = newline + 1;
      head.recordDelimiter = crlf ? '\r\n' : '\n';
    }
    return head;
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
    return parseJsonExact(text);
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
  recomputation?: unknown;
  date?: unknown;
  jobs?: unknown;
  format?: unknown;
}

/** `--jobs`: a number of threads, or undefined for auto. */
function jobsOf(value: unknown): number | undefined {
  if (value === undefined || value === 'auto') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 256) throw new CliError(`--jobs takes a whole number from 1 to 256 or auto, got ${String(value)}`, EXIT.invalid);
  return n;
}

/** Runs `oms-calc sanctions`. */
export async function runSanctions(options: SanctionsCliOptions, io: CliIo): Promise<number> {
  const cases = options.cases;
  if (typeof cases !== 'string' || cases === '') throw new CliError(`missing --cases FILE.csv\n\n${HELP}`, EXIT.invalid);
  for (const name of ['rates', 'table', 'out', 'combine', 'recomputation', 'date', 'format'] as const) {
    const v = options[name];
    if (v !== undefined && typeof v !== 'string') throw new CliError(`--${name} takes one value`, EXIT.invalid);
  }
  const jobs = jobsOf(options.jobs);
  const format = options.format === undefined ? 'csv' : options.format;
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, got ${JSON.stringify(format)}`, EXIT.invalid);
  const file = resolve(io.cwd, cases);

  // Options of the computation, checked by the library before any row is read.
  const streamOptions: SanctionStreamOptions = {};
  const partOptions: PartsSetup['options'] = {};
  /** Each --rates value as the file has it, by its setting, for the messages. */
  const ratesWritten = new Map<string, string>();
  const ratesIssues: OmsCalcIssue[] = [];
  if (typeof options.rates === 'string') {
    let rates = await readJson(resolve(io.cwd, options.rates), '--rates');
    if (typeof rates === 'object' && rates !== null && 'perCapitaRates' in rates) rates = (rates as { perCapitaRates: unknown }).perCapitaRates;
    if (typeof rates === 'object' && rates !== null && !Array.isArray(rates)) {
      // Settings by their names or Russian aliases; an unknown one is an issue of its own, with the accepted forms.
      const seen = new Set<string>();
      rates = Object.fromEntries(
        Object.entries(rates).flatMap(([k, v]) => {
          const setting = settingOf(k);
          if (setting === undefined) {
            ratesIssues.push({ path: ['--rates', k], message: `unknown setting: ${settingMessage(k)}` });
            return [];
          }
          if (seen.has(setting)) {
            ratesIssues.push({ path: ['--rates', k], message: `the setting ${setting} is given twice` });
            return [];
          }
          seen.add(setting);
          if (typeof v === 'string') ratesWritten.set(setting, v);
          return [[setting, typeof v === 'string' ? numberText(v) ?? v : v]];
        }),
      );
    }
    streamOptions.perCapitaRates = rates as SanctionStreamOptions['perCapitaRates'];
    partOptions.perCapitaRates = rates;
  }
  if (typeof options.table === 'string') {
    const raw = await readJson(resolve(io.cwd, options.table), '--table');
    const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
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
    partOptions.tables = list;
  }
  if (typeof options.combine === 'string') streamOptions.combine = partOptions.combine = options.combine as SanctionStreamOptions['combine'];
  if (typeof options.recomputation === 'string') {
    streamOptions.recomputation = partOptions.recomputation = options.recomputation as SanctionStreamOptions['recomputation'];
  }
  if (typeof options.date === 'string') streamOptions.date = partOptions.date = dateText(options.date);

  /** The records of the file from `line` on; the options are checked here (the library throws INVALID_INPUT at once). */
  const recordsFrom = (delimiter: ';' | ',', line: number, layout?: RegistryLayout): CaseRecords => {
    let issues: OmsCalcIssue[] = [];
    try {
      const records = new CaseRecords(streamOptions, delimiter, HELP, line, layout, format);
      if (ratesIssues.length === 0) return records;
    } catch (e) {
      if (!isOmsCalcError(e)) throw e;
      issues = e.issues.map((i) => {
        if (i.path[0] === 'perCapitaRates') return { path: ['--rates', ...i.path.slice(1)], message: asWritten(i.message, ratesWritten.get(String(i.path[1]))) };
        if (i.path[0] === 'date' && typeof options.date === 'string') return { path: ['--date'], message: asWritten(i.message, options.date) };
        return i;
      });
    }
    throw new CliError(`invalid options\n${formatIssues('', [...ratesIssues, ...issues])}`, EXIT.invalid);
  };

  let head: Head;
  try {
    head = await readHead(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read --cases ${file}: ${(e as Error).message}`, EXIT.failure);
  }
  const delimiter = detectDelimiter(head.text);
  // Checks the options before the output is opened.
  recordsFrom(delimiter, 1);

  const mark = delimiter === ';' ? ',' : '.';
  const money = (x: X): string => moneyText(x, mark);

  // Output: --out through a temporary file renamed when complete, or standard output.
  const outFile = typeof options.out === 'string' && options.out !== '-' ? await openOutputFile(resolve(io.cwd, options.out), `--out ${options.out}`, WRITE_BEHIND) : undefined;
  const sink = outFile?.output ?? guardOutput(io.stdout, 'standard output');
  const write = (bytes: string | Uint8Array): Promise<void> => sink.write(bytes);

  const showProgress = io.stderr.isTTY === true;
  const started = Date.now();
  let lastProgress = started;
  const progress = (count: number): void => {
    if (!showProgress || Date.now() - lastProgress <= 500) return;
    lastProgress = Date.now();
    const rate = Math.round((count * 1000) / Math.max(1, lastProgress - started));
    io.stderr.write(`\r${count} rows · ${rate} rows/s`);
  };

  const parts: TotalsPart[] = [];
  let threadsNote = '';
  const shown: string[] = [];
  let layout: RegistryLayout | undefined;
  try {
    if (format === 'csv') await write(stringifySync([[...RESULT_COLUMNS]], { delimiter }));
    // Where the streaming path starts: at the header, or where the run part by part stopped.
    let from: { offset: number; line: number; recordDelimiter?: '\n' | '\r\n' } | undefined = { offset: 0, line: 1 };
    const { dataStart, recordDelimiter } = head;
    if (dataStart !== undefined && recordDelimiter !== undefined) {
      const header = (parseSync(head.text, parseOptions(delimiter)) as string[][])[0] ?? [''];
      layout = layoutOf(header, HELP);
      const threads = jobs ?? (head.size - dataStart >= PARALLEL_FROM_BYTES ? Math.min(MAX_AUTO_JOBS, availableParallelism()) : 1);
      const workers = threads > 1 && io.workerScript !== undefined ? threads : 0;
      const done = await runParts({
        file,
        start: dataStart,
        line: 2,
        setup: { delimiter, recordDelimiter, layout, format, options: partOptions },
        options: streamOptions,
        workers,
        script: io.workerScript,
        write,
        progress,
      });
      parts.push(...done.parts);
      shown.push(...done.shown);
      from = done.rest === undefined ? undefined : { ...done.rest, recordDelimiter };
      if (workers > 0) threadsNote = ` on ${workers} threads`;
      if (done.rest !== undefined) threadsNote += `${threadsNote === '' ? ',' : ';'} streamed from line ${done.rest.line} (a double quote)`;
    }
    if (from !== undefined) {
      const records = recordsFrom(delimiter, from.line, layout);
      const count0 = parts.reduce((n, p) => n + p.cases, 0);
      const totals = await streamFrom(file, from.offset, parseOptions(delimiter, from.recordDelimiter, from.offset === 0), records, write, (n) => progress(count0 + n));
      parts.push(totalsPart(totals));
      layout = records.layout;
      for (const line of records.shown) if (shown.length < SHOWN_ERRORS) shown.push(line);
    }
    if (layout === undefined) throw new CliError(`${file} is empty: a header line is needed\n\n${HELP}`, EXIT.invalid);
    if (outFile === undefined) await sink.flush();
    else await outFile.commit();
  } catch (e) {
    await outFile?.abort();
    if (outFile === undefined) sink.release();
    if (e instanceof CliError) throw e;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) throw new CliError(`${file}: ${(e as Error).message}`, EXIT.invalid);
    throw new CliError(`${file}: ${(e as Error).message}`, EXIT.failure);
  }
  if (outFile === undefined) sink.release();

  const totals = await mergeTotals(parts);
  if (showProgress) io.stderr.write('\r\u001b[K');
  writeTotals(io.stderr, totals, shown, money, `${seconds(Date.now() - started)}${threadsNote}`);
  return totals.errors > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * The streaming path, for a file (or its rest) that cannot be cut at line ends: streams it from
 * `offset` through csv-parse and the computation; resolves to the totals.
 */
async function streamFrom(
  file: string,
  offset: number,
  options: ReturnType<typeof parseOptions>,
  records: CaseRecords,
  write: (bytes: Uint8Array) => Promise<void>,
  progress: (count: number) => void,
): Promise<Awaited<ReturnType<typeof sanctionTotals>>> {
  const source = createReadStream(file, { start: offset, highWaterMark: READ_AHEAD });
  const parser = source.pipe(parse(options));
  source.on('error', (e) => parser.destroy(e));
  const bytes = new CsvBytes();
  const step = async (batch: readonly string[][]): Promise<CliRow[]> => {
    const rows = records.take(batch, bytes);
    if (bytes.length > 0) await write(bytes.take());
    progress(records.count);
    return rows;
  };
  try {
    return await sanctionTotals(rowsOf(batches(parser), step));
  } finally {
    parser.destroy();
  }
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

/** Milliseconds as seconds with one decimal: `2.5 s`. */
function seconds(ms: number): string {
  const tenths = Math.round(ms / 100);
  return `${Math.floor(tenths / 10)}.${tenths % 10} s`;
}

function writeTotals(err: CliOutput, t: FileTotals, shown: readonly string[], money: (x: X) => string, took: string): void {
  const lines: string[] = [];
  lines.push(`oms-calc sanctions: ${t.cases} rows, ${t.errors} with errors, ${took}`);
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
    ['--out <file>', 'the results; default (or -) standard output; a file is written whole or not at all'],
    ['--format <format>', "the results: 'csv' (default) or 'json' (JSON Lines: one object per row)"],
    ['--combine <policy>', "several violations in one case: 'max' (default) or 'sum-capped'"],
    ['--recomputation <policy>', "a recomputed tariff: 'difference' (default, РТ1 − РТ2) or 'difference-plus-kno' ((РТ1 − РТ2) + РТ2 × Кно), decision D13"],
    ['--date <date>', 'the date for cases without one (picks the table in force)'],
    ['--jobs <n>', "threads that parse and compute: a number, or 'auto' (default: one per core for large files)"],
  ],
  help: HELP,
  run: (options, io) => runSanctions(options, io),
};
