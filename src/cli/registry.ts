/**
 * `oms-calc registry FILE.xml|FILE.zip [--out findings.csv|findings.json] [--table T.json]
 * [--f014 F014.xml] [--rates R.json]`: the audit of a register of invoices (oms-calc/registry),
 * read as a stream — from a ZIP, the invoice file inflated as the archive arrives
 * (src/cli/registry-zip.ts). The findings go to `--out` (or standard output) as CSV for Excel, as
 * JSON, as a printable HTML document or as an Excel workbook; the totals, in Russian, to standard error.
 *
 * @module
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { X } from '../shared';
import { defineSanctionTable, isOmsCalcError, readPerCapitaRates, type SanctionTable } from '../sanctions';
import { auditRegistry, excelSafeCell, parseF014Xml, type AuditRegistryOptions, type Finding, type RegistryAudit } from '../registry';
import { registryAuditHtml } from '../report';
import { registrySheets } from './documents';
import { moneyText } from './format';
import { CliError, EXIT, guardOutput, openOutputFile, type CliCommand, type CliIo, type GuardedOutput } from './io';
import { issueLines, localeOf, parseJsonExact } from './json';
import { rub, table } from './render';
import { isZip, zipInvoice, type ZipContents } from './registry-zip';
import { writeXlsx } from './xlsx';

/** The findings kept for the output unless `--max-findings` says otherwise (all are counted). */
export const DEFAULT_MAX_FINDINGS = 100_000;

/** The columns of the findings CSV. */
export const FINDING_COLUMNS = ['rule', 'line', 'n_zap', 'idcase', 's_code', 'point', 'element', 'expected', 'actual', 'message'] as const;

const HELP = `FILE is the register: the XML of the invoice file (H…, T…, C…, D?…; windows-1251 or UTF-8, as its
prolog says), or the ZIP the fund sends (the invoice file is found by the format's naming rule
^([CHT]|D[A-Z])[MST][0-9]{2,6}[MST][0-9]{2,6}_[0-9]{4}; the L file is skipped); --input FILE is the
same, and --input - reads standard input (a pipe). The file is read as a stream, a ZIP inflated
as it arrives; memory stays flat.

--out FILE          findings: .csv (default) — ';', decimal comma, UTF-8 with BOM, as Excel opens it;
                    columns ${FINDING_COLUMNS.join(', ')}; a text cell that a spreadsheet would
                    run as a formula (= + - @ tab CR first) gets a leading '. .json — the whole audit
                    (counts, totals, findings; money as "1234.50"). Default (or -): standard output.
                    .html — the audit as a printable document (oms-calc/report); .xlsx — an Excel
                    workbook: sums, classes, points, rules, the findings (number cells, ruble
                    formats; past 1 048 576 rows a sheet continues on «Нарушения (2)», …), the trace.
--format csv|json|html|xlsx   instead of the extension of --out
--table FILE.json   a coefficient table (or an array, chosen by DATE_Z_2) in the shape of defineSanctionTable
--f014 FILE.xml     the classifier F014 as the Federal fund publishes it (S_OSN → point, on DATE_ACT)
--rates FILE.json   РП by setting, to report the fines (РП × Кшт) beside: {"стационар": "7123,36", ...}
--combine max|sum-capped     several sanctions of one case (D5, D19); default max
--coefficients table|f014    where Кно comes from; default table
--max-findings N    findings written (all are counted); default ${DEFAULT_MAX_FINDINGS}
Exit codes: 0 the audit ran (whatever it found); 2 the input is not a register (or bad options);
1 any other failure. Progress goes to standard error when it is a terminal; the totals always do.

Example:
  oms-calc registry HM770001S77001_2506.zip --out findings.csv`;

/** The options of a run (already split by cac). */
export interface RegistryCliOptions {
  file?: unknown;
  input?: unknown;
  out?: unknown;
  format?: unknown;
  table?: unknown;
  f014?: unknown;
  rates?: unknown;
  combine?: unknown;
  coefficients?: unknown;
  maxFindings?: unknown;
  /** `--lang`: the language of the messages. */
  lang?: unknown;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${file}: ${(e as Error).message}`, EXIT.failure);
  }
}

async function readJson(file: string, what: string): Promise<unknown> {
  const text = await readText(file, what);
  try {
    return parseJsonExact(text);
  } catch (e) {
    throw new CliError(`${what} ${file} is not valid JSON: ${(e as Error).message}`, EXIT.invalid);
  }
}

/** The classifier's XML decoded as its prolog says (the Federal fund publishes it in windows-1251). */
async function readF014(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliError(`cannot read --f014 ${file}: ${(e as Error).message}`, EXIT.failure);
  }
  const prolog = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'));
  try {
    return new TextDecoder(prolog?.[1] ?? 'utf-8').decode(bytes);
  } catch {
    throw new CliError(`--f014 ${file}: the encoding ${JSON.stringify(prolog?.[1])} cannot be read`, EXIT.invalid);
  }
}

/** The audit's options from the command line; every problem is reported, exit 2. */
async function auditOptions(o: RegistryCliOptions, cwd: string): Promise<AuditRegistryOptions> {
  const locale = localeOf({ lang: o.lang });
  const options: AuditRegistryOptions = {};
  const issues: string[] = [];
  if (typeof o.table === 'string') {
    const raw = await readJson(resolve(cwd, o.table), '--table');
    const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
    const tables: SanctionTable[] = [];
    list.forEach((t, i) => {
      try {
        tables.push(defineSanctionTable(t));
      } catch (e) {
        if (!isOmsCalcError(e)) throw e;
        issues.push(`--table ${o.table as string}${Array.isArray(raw) ? ` [${i}]` : ''}: invalid table\n${issueLines(e, locale)}`);
      }
    });
    options.tables = tables;
  }
  if (typeof o.f014 === 'string') {
    const xml = await readF014(resolve(cwd, o.f014));
    try {
      options.f014 = parseF014Xml(xml);
    } catch (e) {
      if (!isOmsCalcError(e)) throw e;
      issues.push(`--f014 ${o.f014}: invalid classifier\n${issueLines(e, locale)}`);
    }
  }
  if (typeof o.rates === 'string') {
    let raw = await readJson(resolve(cwd, o.rates), '--rates');
    if (typeof raw === 'object' && raw !== null && 'perCapitaRates' in raw) raw = (raw as { perCapitaRates: unknown }).perCapitaRates;
    try {
      options.perCapitaRates = readPerCapitaRates(raw);
    } catch (e) {
      if (!isOmsCalcError(e)) throw e;
      issues.push(`--rates ${o.rates}: invalid rates\n${issueLines(e, locale)}`);
    }
  }
  if (o.combine !== undefined) options.combine = o.combine as AuditRegistryOptions['combine'];
  if (o.coefficients !== undefined) options.coefficients = o.coefficients as AuditRegistryOptions['coefficients'];
  const max = o.maxFindings === undefined ? DEFAULT_MAX_FINDINGS : typeof o.maxFindings === 'number' ? o.maxFindings : Number.NaN;
  if (!Number.isSafeInteger(max) || max < 0) issues.push(`--max-findings takes a whole number ≥ 0, got ${String(o.maxFindings)}`);
  else options.maxFindings = max;
  if (issues.length > 0) throw new CliError(`invalid options\n${issues.join('\n')}`, EXIT.invalid);
  return options;
}

/** A CSV cell: quoted when it holds `;`, `"` or a line break; a text cell goes through `excelSafeCell` first (a leading `'` on what a spreadsheet would run as a formula). */
export function csvCell(value: string, text = true): string {
  const safe = text ? excelSafeCell(value) : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of the findings CSV: text cells through {@link csvCell}, amounts as numbers with a decimal comma. */
export function findingLine(f: Finding): string {
  const money = (x: X | undefined): string => (x === undefined ? '' : moneyText(x, ','));
  return `${[
    csvCell(f.rule),
    f.line === undefined ? '' : String(f.line),
    csvCell(f.nZap ?? ''),
    csvCell(f.idcase ?? ''),
    csvCell(f.sCode ?? ''),
    csvCell(f.point ?? ''),
    csvCell(f.element ?? ''),
    money(f.expected),
    money(f.actual),
    csvCell(f.message),
  ].join(';')}\r\n`;
}

const point = (x: X): string => moneyText(x, '.');

function findingJson(f: Finding): string {
  const o: Record<string, unknown> = { rule: f.rule };
  if (f.line !== undefined) o['line'] = f.line;
  for (const key of ['nZap', 'idcase', 'sCode', 'point', 'element'] as const) if (f[key] !== undefined) o[key] = f[key];
  if (f.expected !== undefined) o['expected'] = point(f.expected);
  if (f.actual !== undefined) o['actual'] = point(f.actual);
  o['message'] = f.message;
  return JSON.stringify(o);
}

/** The audit as JSON, findings one per line; money as strings with a point. */
async function writeJson(out: GuardedOutput, audit: RegistryAudit, source: string): Promise<void> {
  const t = audit.totals;
  const classes = (a: { MEK: X; MEE: X; EKMP: X }): Record<string, string> => ({ MEK: point(a.MEK), MEE: point(a.MEE), EKMP: point(a.EKMP) });
  const totals: Record<string, unknown> = {
    ...classes(t),
    recomputed: classes(t.recomputed),
    byPoint: Object.fromEntries(Object.entries(t.byPoint).map(([k, v]) => [k, { sanctions: v.sanctions, actual: point(v.actual), recomputed: point(v.recomputed) }])),
    sumv: point(t.sumv),
    sump: point(t.sump),
    sankIt: point(t.sankIt),
  };
  if (t.fines !== undefined) totals['fines'] = classes(t.fines);
  const head = { source, cases: audit.cases, sanctions: audit.sanctions, combine: audit.combine, coefficients: audit.coefficients, byRule: audit.byRule, truncated: audit.truncated, totals };
  await out.write(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "findings": [`);
  let first = true;
  for (const f of audit.findings) {
    await out.write(`${first ? '\n' : ',\n'}    ${findingJson(f)}`);
    first = false;
  }
  await out.write(`${first ? '' : '\n  '}]\n}\n`);
}

async function writeCsv(out: GuardedOutput, findings: readonly Finding[]): Promise<void> {
  let buffer = `\uFEFF${FINDING_COLUMNS.join(';')}\r\n`;
  for (const f of findings) {
    buffer += findingLine(f);
    if (buffer.length >= 1 << 16) {
      await out.write(buffer);
      buffer = '';
    }
  }
  await out.write(buffer);
}

const CLASS_NAMES = { MEK: 'МЭК', MEE: 'МЭЭ', EKMP: 'ЭКМП' } as const;
const count = (n: number): string => rub(String(n), 0);

/** The totals in Russian, for standard error. */
export function renderTotals(audit: RegistryAudit, source: string): string {
  const t = audit.totals;
  const rows = (['MEK', 'MEE', 'EKMP'] as const).map((k) => [CLASS_NAMES[k], rub(t[k]), rub(t.recomputed[k]), rub(t[k].minus(t.recomputed[k]))]);
  const sum = t.MEK.plus(t.MEE).plus(t.EKMP);
  const re = t.recomputed.MEK.plus(t.recomputed.MEE).plus(t.recomputed.EKMP);
  rows.push(['Итого', rub(sum), rub(re), rub(sum.minus(re))]);
  const rules = Object.entries(audit.byRule).map(([rule, n]) => [rule, count(n)]);
  const found = Object.values(audit.byRule).reduce((a, n) => a + n, 0);
  return [
    `Реестр: ${source}`,
    `Случаев (Z_SL): ${count(audit.cases)}; санкций (SANK): ${count(audit.sanctions)}`,
    `Предъявлено (Σ SUMV): ${rub(t.sumv)} ₽; принято (Σ SUMP): ${rub(t.sump)} ₽; санкции (Σ SANK_IT): ${rub(t.sankIt)} ₽`,
    '',
    table(['Вид контроля', 'S_SUM в файле, ₽', 'По таблице (РТ × Кно), ₽', 'Разница, ₽'], rows),
    ...(t.fines === undefined ? [] : ['', `Штрафы (РП × Кшт), справочно: МЭК ${rub(t.fines.MEK)} ₽, МЭЭ ${rub(t.fines.MEE)} ₽, ЭКМП ${rub(t.fines.EKMP)} ₽`]),
    '',
    `Правило для нескольких санкций случая: ${audit.combine}; Кно: ${audit.coefficients === 'table' ? 'таблица коэффициентов' : 'F014'}`,
    found === 0 ? 'Нарушений правил реестра не найдено.' : `Нарушений: ${count(found)}${audit.truncated ? ` (в выводе первые ${count(audit.findings.length)})` : ''}`,
    ...(rules.length === 0 ? [] : ['', table(['Правило', 'Нарушений'], rules)]),
    '',
  ].join('\n');
}

/** The source's bytes with a counter of the bytes read (for the progress line). */
async function* counted(input: AsyncIterable<Uint8Array>, read: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of input) {
    read.bytes += chunk.length;
    yield chunk;
  }
}

/** The first chunk apart (to tell a ZIP from XML), then all the chunks. */
async function peek(input: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const it = input[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done === true ? new Uint8Array(0) : first.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      if (first.done !== true) yield head;
      for (let r = await it.next(); r.done !== true; r = await it.next()) yield r.value;
    } finally {
      await it.return?.();
    }
  }
  return { head, all: all() };
}

/** Runs `oms-calc registry`. */
export async function runRegistry(o: RegistryCliOptions, io: CliIo): Promise<number> {
  if (o.file !== undefined && o.input !== undefined) throw new CliError('give the register either as FILE or as --input FILE, not both', EXIT.invalid);
  const given = o.file ?? o.input;
  if (typeof given !== 'string' || given === '') throw new CliError(`missing FILE.xml or FILE.zip\n\n${HELP}`, EXIT.invalid);
  for (const name of ['out', 'format', 'table', 'f014', 'rates', 'combine', 'coefficients'] as const) {
    const v = o[name];
    if (v !== undefined && typeof v !== 'string') throw new CliError(`--${name} takes one value`, EXIT.invalid);
  }
  const out = typeof o.out === 'string' && o.out !== '-' ? o.out : undefined;
  const format = o.format ?? (out === undefined ? 'csv' : (/\.(json|html|xlsx)$/i.exec(out)?.[1]?.toLowerCase() ?? 'csv'));
  if (format !== 'csv' && format !== 'json' && format !== 'html' && format !== 'xlsx') throw new CliError(`--format must be csv, json, html or xlsx, got ${JSON.stringify(format)}`, EXIT.invalid);
  if (format === 'xlsx' && out === undefined && io.stdout.isTTY === true) throw new CliError('--format xlsx writes a binary workbook: give --out FILE.xlsx (or redirect standard output)', EXIT.invalid);
  const options = await auditOptions(o, io.cwd);

  const stdin = given === '-';
  const path = stdin ? '-' : resolve(io.cwd, given);
  let size: number | undefined;
  if (!stdin) {
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new CliError(`${given}: not a file`, EXIT.failure);
      size = s.size;
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`cannot read ${given}: ${(e as Error).message}`, EXIT.failure);
    }
  }
  const read = { bytes: 0 };
  const raw: AsyncIterable<Uint8Array> = stdin ? (process.stdin as AsyncIterable<Uint8Array>) : createReadStream(path, { highWaterMark: 1 << 16 });
  const { head, all } = await peek(counted(raw, read));
  const contents: ZipContents = { skipped: [] };
  const zip = isZip(head);
  const name = stdin ? 'standard input' : basename(path);
  const source = zip ? zipInvoice(all, contents, name) : all;

  const showProgress = io.stderr.isTTY === true;
  let last = 0;
  async function* withProgress(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of input) {
      if (showProgress && Date.now() - last > 300) {
        last = Date.now();
        const mb = (read.bytes / 1048576).toFixed(0);
        io.stderr.write(`\rПрочитано ${mb} МБ${size === undefined || size === 0 ? '' : ` из ${(size / 1048576).toFixed(0)} МБ (${Math.floor((read.bytes * 100) / size)} %)`}…`);
      }
      yield chunk;
    }
  }

  let audit: RegistryAudit;
  try {
    audit = await auditRegistry(withProgress(source), options);
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (isOmsCalcError(e) && (e.code === 'NOT_A_REGISTER' || e.code === 'INVALID_INPUT')) {
      const what = zip && contents.invoice !== undefined ? `${name}: ${contents.invoice}` : name;
      throw new CliError(`${what}: not a register of invoices\n${issueLines(e, localeOf({ lang: o.lang }))}`, EXIT.invalid);
    }
    if (e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && 'syscall' in e) throw new CliError(`cannot read ${given}: ${e.message}`, EXIT.failure);
    throw e;
  } finally {
    if (showProgress) io.stderr.write('\r\x1b[K');
  }

  const label = zip ? `${name} → ${contents.invoice ?? '?'}${contents.skipped.length > 0 ? ` (пропущено: ${contents.skipped.join(', ')})` : ''}` : name;
  const html = format === 'html' ? registryAuditHtml({ audit, source: zip ? `${name}/${contents.invoice ?? ''}` : name }) : '';
  const file = out === undefined ? undefined : await openOutputFile(resolve(io.cwd, out), `--out ${out}`);
  const sink = file?.output ?? guardOutput(io.stdout, 'standard output');
  try {
    if (format === 'json') await writeJson(sink, audit, zip ? `${name}/${contents.invoice ?? ''}` : name);
    else if (format === 'html') await sink.write(html);
    else if (format === 'xlsx') await writeXlsx((chunk) => sink.write(chunk), registrySheets(audit));
    else await writeCsv(sink, audit.findings);
    if (file !== undefined) await file.commit();
    else {
      await sink.flush();
      sink.release();
    }
  } catch (e) {
    if (file !== undefined) await file.abort();
    else sink.release();
    throw e;
  }
  io.stderr.write(renderTotals(audit, label));
  return EXIT.ok;
}

/** `oms-calc registry`: the audit of a register of invoices, from XML or ZIP to CSV or JSON. */
export const registryCommand: CliCommand & { args: string } = {
  name: 'registry',
  args: '[file]',
  description: 'проверка реестра счетов (XML или ZIP): санкции по таблице (РТ × Кно) и суммы реестра',
  options: [
    ['--input <file>', 'the register, as FILE; - for standard input'],
    ['--out <file>', 'findings: .csv (default), .json, .html (a printable document) or .xlsx (a workbook); default standard output'],
    ['--format <format>', 'csv, json, html or xlsx (default: from --out)'],
    ['--table <file>', 'coefficient table(s), JSON in the shape of defineSanctionTable'],
    ['--f014 <file>', 'classifier F014, XML as published'],
    ['--rates <file>', 'РП by setting, JSON, to report the fines'],
    ['--combine <policy>', 'max (default) or sum-capped'],
    ['--coefficients <source>', 'table (default) or f014'],
    ['--max-findings <n>', `findings written, default ${DEFAULT_MAX_FINDINGS}`],
  ],
  help: HELP,
  run: (options, io) => runRegistry(options as RegistryCliOptions, io),
};
