/**
 * `oms-calc sanctions --cases FILE.csv [--rates FILE.json] [--table FILE.json] [--out FILE.csv]`:
 * the sanctions of a registry of cases, from CSV to CSV. A client of the library's byte path:
 * the file is read chunk by chunk through `sanctionCsvSync` into the output (through the stream
 * `sanctionCsv` for the documents of `--format html|xlsx`); this file reads the options, shows
 * progress and writes the totals.
 *
 * @module
 */
import { closeSync, fstatSync, openSync, read as readChunk, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  defineSanctionTable,
  isOmsCalcError,
  issueMessage,
  sanctionCsv,
  sanctionCsvSync,
  type OmsCalcError,
  type OmsCalcIssue,
  type SanctionCsvOptions,
  type SanctionCsvStream,
  type SanctionCsvSync,
  type SanctionCsvTotals,
  type SanctionTable,
  type X,
} from '../sanctions';
import { moneyText } from './format';
import { CliError, EXIT, guardOutput, openOutputFile, removeReplaced, writeBehind, type CliCommand, type CliIo, type CliOutput, type GuardedOutput } from './io';
import { issueLines, localeOf, parseJsonExact, type CliLocale } from './json';

/** Bytes read from the cases file at a time. */
const READ_AHEAD = 1 << 18;

/** Reads the next bytes of `fd` into `buffer` (on libuv's thread pool); resolves to how many. */
function readInto(fd: number, buffer: Uint8Array): Promise<number> {
  return new Promise((done, fail) => readChunk(fd, buffer, 0, buffer.length, null, (e, n) => (e === null ? done(n) : fail(e))));
}

/** The output stream's buffer: more than the results writeBehind holds, so that its buffers, not the stream, make the command wait. */
const WRITE_BEHIND = 1 << 23;

/** The results file's columns. */
const RESULT_COLUMNS = ['line', 'id', 'status', 'non_payment', 'fine', 'details', 'error_code', 'error_message'] as const;

const FIELDS = ['id', 'date', 'tariff', 'setting', 'per_capita_rate', 'violations'] as const;

const HELP = `Columns of the cases file (header row required; names are case-insensitive, extra columns are ignored):
  id               the case's identifier (aliases: case_id, номер, ид)                   optional
  date             YYYY-MM-DD or DD.MM.YYYY; picks the table in force (alias: дата)       optional
  tariff           РТ, the tariff of the case, rubles: 1234.56 or 1234,56 (aliases: тариф, рт)
  setting          ambulatory | ambulance | all | hospital (or амбулаторно, скорая, все, стационар)
  per_capita_rate  РП for this case, rubles (aliases: рп, подушевой_норматив)              optional
  violations       codes separated by |, e.g. 3.2.1|1.4.2; a recomputed tariff as 2.16.1:8000,00
                   (aliases: нарушения, коды); empty: a case without violations (zero amounts)
The delimiter (;, tab or ,) is taken from the header line; quoted fields may hold the delimiter and
line breaks; spaces inside numbers are ignored ("1 234,56"). Blank lines are counted and skipped.

--columns F=NAME    the header name of a field, for exports with their own names (repeatable):
                    --columns tariff="Сумма к оплате" --columns violations="Коды дефектов"
--encoding E        auto (default: UTF-8 with or without BOM, unless the first 4 KiB are not
                    UTF-8: then windows-1251), utf-8 or windows-1251. The results are UTF-8.
--rates FILE.json   РП by setting: {"ambulatory": "1850.40", "hospital": "7123.36", ...}
                    (the settings by name or by their Russian names: {"стационар": "7123,36"})
--table FILE.json   a table (or an array of tables, chosen by date) in the shape of defineSanctionTable
--out FILE.csv      results; default (or -) standard output. Columns: ${RESULT_COLUMNS.join(', ')}
                    (same delimiter as the input; decimal comma with ; and tab, point with ,).
                    details: code:Н:attributed Н:Сшт for each code, | between codes — Н as the
                    code gives it, the attributed Н as the case's Н is shared out (decision D5;
                    the totals by code add these up). A text cell that a spreadsheet would run
                    as a formula (= + - @ tab CR first) gets a leading '. The file is written
                    beside its name and renamed when complete: never a half-written file. The
                    previous file is removed when the run starts; a run that fails leaves
                    neither --out nor --totals.
--totals FILE       the totals as JSON (FILE.json, the shape of sanctionCsv's totals, money as
                    strings) or CSV (FILE.csv: kind;name;cases;non_payment;fine)
--format csv|json   csv (default), or JSON Lines: one object per row, in file order —
                    {"line":2,"id":"1","status":"ok","non_payment":"10000.00","fine":"2100.00",
                     "details":[{"code":"3.2.2","non_payment":"10000.00","applied_non_payment":"10000.00",
                     "fine":"2100.00"}]}, or {"line":3,"status":"error","error_code":"…","error_message":"…"}
--format xlsx       an Excel workbook (--out FILE.xlsx): every case on «Случаи» (past 1,048,576 rows
                    on «Случаи (2)» …), the totals by section and by code, the trace
--format html       the printable note of the totals (oms-calc/report); the cases are counted, not listed
--jobs N|auto       accepted for compatibility; the file is computed on one thread (decision D12)
Exit codes: 0 all rows computed; 2 invalid input (bad options, or some rows have errors — every row
is still written, the bad ones with their line number); 1 any other failure.
Progress goes to standard error when it is a terminal; the totals (by section and by code) always do.

Example:
  printf 'id;date;tariff;setting;violations\\n1;01.03.2025;25 000,00;стационар;3.2.2|2.13\\n' > cases.csv
  echo '{"hospital": "7000,00"}' > rates.json
  oms-calc sanctions --cases cases.csv --rates rates.json --out results.csv
  # results.csv: line;id;status;non_payment;fine;details;error_code;error_message
  #              2;1;ok;10000,00;2100,00;3.2.2:10000,00:10000,00:2100,00|2.13:2500,00:0,00:0,00;;`;

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

/** The issues of an error, each with its path under `prefix`, in the language of `--lang`. */
function issuesUnder(prefix: readonly (string | number)[], issues: readonly OmsCalcIssue[], locale: CliLocale): string {
  return issueLines({ issues: issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })) }, locale);
}

/**
 * A cases file that cannot be read as one (its header, a quote never closed), in the language of
 * `--lang`: each issue's message from the one table, with its line; the columns' help after a
 * header problem.
 */
function fileError(e: OmsCalcError, file: string, locale: CliLocale): CliError {
  const lineWord = locale === 'ru' ? 'строка' : 'line';
  const text = e.issues.map((i) => (i.path[0] === 'line' ? `${lineWord} ${String(i.path[1])}: ${issueMessage(i, locale)}` : issueMessage(i, locale))).join('\n');
  return new CliError(e.issues[0]?.path[0] === 'header' ? `${text}\n\n${HELP}` : `${file}: ${text}`, EXIT.invalid);
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
  encoding?: unknown;
  columns?: unknown;
  totals?: unknown;
  /** `--lang`: the language of the messages about bad options and tables. */
  lang?: unknown;
}

/** `--jobs`: checked, and otherwise ignored (one thread, decision D12). */
function checkJobs(value: unknown): void {
  if (value === undefined || value === 'auto') return;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 256) throw new CliError(`--jobs takes a whole number from 1 to 256 or auto, got ${String(value)}`, EXIT.invalid);
}

/** `--columns tariff="Сумма к оплате"` (repeatable) as the library's `columns`. */
function columnsOf(value: unknown): SanctionCsvOptions['columns'] {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  const columns: Record<string, string> = {};
  for (const item of list) {
    const text = String(item);
    const eq = text.indexOf('=');
    const field = eq < 0 ? '' : text.slice(0, eq).trim().toLowerCase();
    const name = eq < 0 ? '' : text.slice(eq + 1).trim().replace(/^"(.*)"$/s, '$1');
    const known = (FIELDS as readonly string[]).includes(field);
    if (!known || name === '') throw new CliError(`--columns takes FIELD=NAME with FIELD one of ${FIELDS.join(', ')}, got ${JSON.stringify(text)}`, EXIT.invalid);
    columns[field === 'per_capita_rate' ? 'perCapitaRate' : field] = name;
  }
  return columns;
}

/** Where the library's option issues come from on the command line. */
function optionPath(path: readonly (string | number)[]): (string | number)[] {
  const [head, ...rest] = path;
  if (head === 'perCapitaRates') return ['--rates', ...rest];
  if (head === 'tables') return ['--table', ...rest];
  if (typeof head === 'string') return [`--${head === 'columns' ? 'columns' : head}`, ...rest];
  return [...path];
}

/**
 * Raises V8's inlining budget for this process before the byte path's functions are optimised:
 * with the defaults (920 bytes of bytecode inlined into a function in all, 460 at most for one
 * callee) the row writers stay calls out of the per-line function; with 4000 and 1000 they are
 * inlined, and a plain row takes about 10 % fewer instructions (D22). It changes what is compiled,
 * never what is computed. A runtime without the flag keeps its own.
 */
function raiseInliningBudget(): void {
  try {
    setFlagsFromString('--max-inlined-bytecode-size-cumulative=4000');
    setFlagsFromString('--max-inlined-bytecode-size=1000');
  } catch {
    // not V8's flags here: nothing to tune
  }
}

/** Runs `oms-calc sanctions`. */
export async function runSanctions(options: SanctionsCliOptions, io: CliIo): Promise<number> {
  const cases = options.cases;
  if (typeof cases !== 'string' || cases === '') throw new CliError(`missing --cases FILE.csv\n\n${HELP}`, EXIT.invalid);
  for (const name of ['rates', 'table', 'out', 'combine', 'recomputation', 'date', 'format', 'encoding', 'totals'] as const) {
    const v = options[name];
    if (v !== undefined && typeof v !== 'string') throw new CliError(`--${name} takes one value`, EXIT.invalid);
  }
  checkJobs(options.jobs);
  const format = options.format === undefined ? 'csv' : options.format;
  if (format !== 'csv' && format !== 'json' && format !== 'html' && format !== 'xlsx') throw new CliError(`--format must be csv, json, html or xlsx, got ${JSON.stringify(format)}`, EXIT.invalid);
  const file = resolve(io.cwd, cases);

  const csvOptions: Record<string, unknown> = { format: format === 'json' || format === 'xlsx' ? 'jsonl' : 'csv' };
  if (typeof options.rates === 'string') {
    let rates = await readJson(resolve(io.cwd, options.rates), '--rates');
    if (typeof rates === 'object' && rates !== null && 'perCapitaRates' in rates) rates = (rates as { perCapitaRates: unknown }).perCapitaRates;
    csvOptions['perCapitaRates'] = rates;
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
        throw new CliError(`--table ${options.table as string}: invalid table\n${issuesUnder(Array.isArray(raw) ? [i] : [], e.issues, localeOf({ lang: options.lang }))}`, EXIT.invalid);
      }
    });
    csvOptions['tables'] = tables;
  }
  if (typeof options.combine === 'string') csvOptions['combine'] = options.combine;
  if (typeof options.recomputation === 'string') csvOptions['recomputation'] = options.recomputation;
  if (typeof options.date === 'string') csvOptions['date'] = options.date;
  if (typeof options.encoding === 'string') csvOptions['encoding'] = options.encoding;
  const columns = columnsOf(options.columns);
  if (columns !== undefined) csvOptions['columns'] = columns;

  // The options are checked by the library before the files are opened.
  raiseInliningBudget();
  let input: { stream: SanctionCsvStream } | { rows: SanctionCsvSync };
  try {
    input = format === 'html' || format === 'xlsx' ? { stream: sanctionCsv(csvOptions as SanctionCsvOptions) } : { rows: sanctionCsvSync(csvOptions as SanctionCsvOptions) };
  } catch (e) {
    if (!isOmsCalcError(e)) throw e;
    throw new CliError(`invalid options\n${issueLines({ issues: e.issues.map((i) => ({ ...i, path: optionPath(i.path) })) }, localeOf({ lang: options.lang }))}`, EXIT.invalid);
  }

  // The files this run writes: a run that fails removes the previous ones (D22), so that nothing
  // under their names can be taken for its results.
  const written = (name: unknown): string | undefined => (typeof name === 'string' && name !== '-' ? resolve(io.cwd, name) : undefined);
  const outPath = written(options.out);
  const replaced = [outPath, written(options.totals)].filter((p): p is string => p !== undefined);

  if ('stream' in input) {
    const started = Date.now();
    let totals: SanctionCsvTotals;
    try {
      // The documents' writers (oms-calc/report, the workbook) are loaded only for a document.
      const { writeSanctionsDocument } = await import('./sanctions-documents');
      totals = await writeSanctionsDocument(format as 'html' | 'xlsx', file, input.stream, options.out, io);
    } catch (e) {
      await removeReplaced(replaced, await stat(file).catch(() => undefined));
      if (e instanceof CliError) throw e;
      if (isOmsCalcError(e)) throw fileError(e, file, localeOf({ lang: options.lang }));
      throw new CliError(`${file}: ${(e as Error).message}`, EXIT.failure);
    }
    return finish(totals, options, io, started);
  }
  const { rows } = input;

  let sourceStats: Stats;
  let source: number;
  try {
    source = openSync(file, 'r');
  } catch (e) {
    throw new CliError(`cannot read --cases ${file}: ${(e as Error).message}`, EXIT.failure);
  }
  try {
    sourceStats = fstatSync(source);
  } catch (e) {
    closeSync(source);
    throw new CliError(`cannot read --cases ${file}: ${(e as Error).message}`, EXIT.failure);
  }

  let outFile: Awaited<ReturnType<typeof openOutputFile>> | undefined;
  let sink: GuardedOutput | undefined;
  let reading: Promise<number> = Promise.resolve(0);
  let removing: Promise<void> = Promise.resolve();
  const size = sourceStats.size;
  let totals: SanctionCsvTotals;
  const showProgress = io.stderr.isTTY === true;
  const started = Date.now();
  try {
    // Output: --out through a temporary file renamed when complete, or standard output.
    outFile = outPath === undefined ? undefined : await openOutputFile(outPath, `--out ${options.out as string}`, { highWaterMark: WRITE_BEHIND });
    // The previous --out is removed on the thread pool while the new one is computed (D22).
    if (outPath !== undefined) removing = removeReplaced([outPath], sourceStats);
    const target = outFile?.output ?? guardOutput(io.stdout, 'standard output');
    sink = target;
    let lastProgress = started;
    let read = 0;
    // file → sanctionCsvSync → output, the library called synchronously on each chunk. The results
    // of a chunk are a view of the library's one buffer: the file takes them through a ring of
    // buffers (writeBehind); any other stream gets a copy of its own (it may keep the bytes).
    const behind = outFile === undefined ? undefined : writeBehind(target);
    const hand = (out: Uint8Array): Promise<void> => (behind === undefined ? target.write(out.slice()) : behind.put(out));
    // Two input buffers in turn: the next chunk is read from the disk while this one is computed
    // (the library keeps no view of a chunk once it has returned).
    const inputs = [new Uint8Array(READ_AHEAD), new Uint8Array(READ_AHEAD)];
    let which = 0;
    reading = readInto(source, inputs[0] as Uint8Array);
    for (;;) {
      const n = await reading;
      if (n === 0) break;
      const chunk = (inputs[which] as Uint8Array).subarray(0, n);
      which ^= 1;
      reading = readInto(source, inputs[which] as Uint8Array);
      read += n;
      const out = rows.write(chunk);
      if (out.length > 0) await hand(out);
      if (showProgress && Date.now() - lastProgress > 500) {
        lastProgress = Date.now();
        const rate = Math.round((rows.rows * 1000) / Math.max(1, lastProgress - started));
        const percent = size === 0 ? 100 : Math.floor((read * 100) / size);
        io.stderr.write(`\r${rows.rows} rows · ${rate} rows/s · ${percent} %`);
      }
    }
    const last = rows.end();
    if (last.length > 0) await hand(last);
    totals = rows.totals();
    await removing;
    if (outFile === undefined) {
      await target.flush();
      target.release();
    } else await outFile.commit();
  } catch (e) {
    await removing;
    if (outFile === undefined) sink?.release();
    else await outFile.abort();
    await removeReplaced(replaced, sourceStats);
    if (e instanceof CliError) throw e;
    if (isOmsCalcError(e)) throw fileError(e, file, localeOf({ lang: options.lang }));
    throw new CliError(`${file}: ${(e as Error).message}`, EXIT.failure);
  } finally {
    // a read still under way finishes before its descriptor is closed
    await reading.catch(() => 0);
    closeSync(source);
  }
  if (showProgress) io.stderr.write('\r\u001b[K');
  return finish(totals, options, io, started);
}

/** The end of a run: `--totals`, the summary on standard error, and the exit code. */
async function finish(totals: SanctionCsvTotals, options: SanctionsCliOptions, io: CliIo, started: number): Promise<number> {
  if (typeof options.totals === 'string') await writeTotalsFile(resolve(io.cwd, options.totals), options.totals, totals);
  const money = (x: X): string => moneyText(x, totals.delimiter === ',' ? '.' : ',');
  writeSummary(io.stderr, totals, money, seconds(Date.now() - started));
  return totals.errors > 0 ? EXIT.invalid : EXIT.ok;
}

/** `--totals FILE`: JSON (the totals' own shape) or, for a name ending in .csv, CSV rows. */
async function writeTotalsFile(path: string, what: string, t: SanctionCsvTotals): Promise<void> {
  let text: string;
  if (/\.csv$/i.test(path)) {
    const rows = [['kind', 'name', 'cases', 'non_payment', 'fine']];
    const m = (x: X): string => moneyText(x, '.');
    rows.push(['total', '', String(t.cases - t.errors), m(t.nonPayment), m(t.fine)]);
    for (const [s, v] of Object.entries(t.bySection)) rows.push(['section', s, String(v.cases), m(v.nonPayment), m(v.fine)]);
    for (const [c, v] of Object.entries(t.byCode)) rows.push(['code', c, String(v.cases), m(v.nonPayment), m(v.fine)]);
    for (const [c, n] of Object.entries(t.errorsByCode)) rows.push(['error', c, String(n), '', '']);
    rows.push(['blank_lines', '', String(t.blankLines), '', '']);
    text = `${rows.map((r) => r.join(',')).join('\n')}\n`;
  } else {
    const { trace: _trace, ...plain } = t;
    text = `${JSON.stringify(plain, null, 2)}\n`;
  }
  const out = await openOutputFile(path, `--totals ${what}`);
  try {
    await out.output.write(text);
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}

/** Milliseconds as seconds with one decimal: `2.5 s`. */
function seconds(ms: number): string {
  const tenths = Math.round(ms / 100);
  return `${Math.floor(tenths / 10)}.${tenths % 10} s`;
}

function writeSummary(err: CliOutput, t: SanctionCsvTotals, money: (x: X) => string, took: string): void {
  const lines: string[] = [];
  const blank = t.blankLines > 0 ? `, ${t.blankLines} blank line${t.blankLines === 1 ? '' : 's'} skipped` : '';
  const read = t.encoding === 'utf-8' ? '' : `, read as ${t.encoding}`;
  lines.push(`oms-calc sanctions: ${t.cases} rows, ${t.errors} with errors${blank} (${t.lines} lines with the header${read}), ${took}`);
  if (t.errors > 0) {
    lines.push(`errors by code: ${Object.entries(t.errorsByCode).map(([c, n]) => `${c} ${n}`).join(', ')}`);
    for (const e of t.firstErrors) lines.push(`  line ${e.line}: ${e.code}: ${e.message}`);
    if (t.errors > t.firstErrors.length) lines.push(`  … and ${t.errors - t.firstErrors.length} more (see the output rows with status "error")`);
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
  description: 'неоплата Н = РТ × Кно и штрафы Сшт = РП × Кшт по реестру случаев в CSV (sanctionCsvSync)',
  options: [
    ['--cases <file>', 'the cases, CSV (required)'],
    ['--rates <file>', 'РП by setting, JSON'],
    ['--table <file>', 'a coefficient table (or an array of tables), JSON; default the built-in one'],
    ['--out <file>', 'the results; default (or -) standard output; a file is written whole or not at all'],
    ['--totals <file>', 'the totals as JSON (or CSV for a name ending in .csv)'],
    ['--format <format>', "the results: 'csv' (default), 'json' (JSON Lines: one object per row), 'xlsx' (a workbook: the cases, then the totals) or 'html' (the printable note of the totals)"],
    ['--columns <field=name>', 'the header name of a field, e.g. tariff="Сумма к оплате" (repeatable)'],
    ['--encoding <encoding>', "the cases file: 'auto' (default), 'utf-8' or 'windows-1251'"],
    ['--combine <policy>', "several violations in one case: 'max' (default) or 'sum-capped'"],
    ['--recomputation <policy>', "a recomputed tariff: 'difference' (default, РТ1 − РТ2) or 'difference-plus-kno' ((РТ1 − РТ2) + РТ2 × Кно), decision D13"],
    ['--date <date>', 'the date for cases without one (picks the table in force)'],
    ['--jobs <n>', 'accepted for compatibility; one thread (decision D12)'],
  ],
  help: HELP,
  run: (options, io) => runSanctions(options, io),
};
