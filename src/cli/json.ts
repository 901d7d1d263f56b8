/**
 * JSON in, JSON (or a Russian table) out: the shared shape of every command except `sanctions`
 * (CSV in; its documents: src/cli/sanctions-documents.ts).
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatIssues, isOmsCalcError, type OmsCalcIssue } from '../shared';
import { CliError, EXIT, guardOutput, openOutputFile, type CliCommand, type CliIo } from './io';

/** The options every JSON command takes. */
export const JSON_OPTIONS: readonly (readonly [string, string])[] = [
  ['--input <file>', 'the input JSON file, or - for standard input (default -)'],
  ['--format <format>', 'json (default) or table: a readable Russian table with the trace'],
  ['--out <file>', 'write the result to this file (whole or not at all) instead of standard output (-)'],
];

/** How a JSON command computes and shows its result. */
export interface JsonCommandSpec<R> {
  name: string;
  description: string;
  /** Extra help: the input shape and an example. */
  help: string;
  /** Computes the result from the parsed JSON input (throws OmsCalcError on bad input). */
  compute(input: unknown): R;
  /** The readable table for `--format table`. */
  render(result: R): string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON number literal at a position (sticky). */
const NUMBER_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The longest plain decimal a number literal is written out to; a longer one is passed on as written (and refused by the library). */
const MAX_PLAIN_LENGTH = 80;

/** A decimal literal as its sign, significant digits and the exponent of its last digit: `-12.50e1` → `['-', '125', 0]`. */
function decompose(literal: string): [sign: '' | '-', digits: string, exponent: number] {
  const sign = literal.startsWith('-') ? '-' : '';
  const body = sign === '' ? literal : literal.slice(1);
  const e = body.search(/[eE]/);
  const mantissa = e < 0 ? body : body.slice(0, e);
  const point = mantissa.indexOf('.');
  const fraction = point < 0 ? '' : mantissa.slice(point + 1);
  const all = `${point < 0 ? mantissa : mantissa.slice(0, point)}${fraction}`.replace(/^0+/, '');
  const significant = all.replace(/0+$/, '');
  if (significant === '') return ['', '0', 0];
  return [sign, significant, (e < 0 ? 0 : Number(body.slice(e + 1))) - fraction.length + (all.length - significant.length)];
}

/** The literal as a plain decimal string (no exponent), or undefined when it would be longer than {@link MAX_PLAIN_LENGTH}. */
function plainDecimal(literal: string): string | undefined {
  const [sign, digits, exponent] = decompose(literal);
  if (digits === '0') return '0';
  const length = exponent >= 0 ? digits.length + exponent : Math.max(digits.length, -exponent) + 2;
  if (!Number.isFinite(length) || length > MAX_PLAIN_LENGTH) return undefined;
  if (exponent >= 0) return `${sign}${digits}${'0'.repeat(exponent)}`;
  const point = digits.length + exponent;
  return point > 0 ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}` : `${sign}0.${'0'.repeat(-point)}${digits}`;
}

/**
 * Whether a number literal arrives intact as a JavaScript number: its value is the double's
 * shortest decimal (what the library reads from a number), a safe integer when it is whole, and
 * written without an exponent.
 */
function heldByNumber(literal: string): boolean {
  const n = Number(literal);
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return false;
  const shortest = String(n);
  if (/e/i.test(shortest)) return false;
  const [s1, d1, e1] = decompose(literal);
  const [s2, d2, e2] = decompose(shortest);
  return (d1 === '0' && d2 === '0') || (s1 === s2 && d1 === d2 && e1 === e2);
}

/**
 * Parses JSON text exactly: a number literal that a JavaScript number would not hold as written
 * (12345678901234567.891, 9007199254740993, 1e-7, 0.1000000000000000000001) becomes the string
 * of its plain decimal digits, so that the library's decimal fields get the digits as written; a
 * number that a double holds exactly (12, 0.5, 1850.4) stays a number. A literal too long to
 * write out (1e400) is passed on as the string written, which the library refuses with an issue.
 * Throws the SyntaxError of `JSON.parse` on malformed text.
 *
 * @param text - JSON text, a leading BOM allowed
 * @returns the parsed value
 */
export function parseJsonExact(text: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The text as written is parsed first: its syntax errors give the positions of the user's file.
  const plain = JSON.parse(source) as unknown;
  let out = '';
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 34) {
      // a string: skip to its closing quote
      for (i++; i < source.length && source.charCodeAt(i) !== 34; i++) if (source.charCodeAt(i) === 92) i++;
      continue;
    }
    if (c !== 45 && (c < 48 || c > 57)) continue;
    NUMBER_LITERAL.lastIndex = i;
    const literal = NUMBER_LITERAL.exec(source)?.[0] ?? '';
    if (literal !== '' && !heldByNumber(literal)) {
      out += `${source.slice(from, i)}"${plainDecimal(literal) ?? literal}"`;
      from = i + literal.length;
    }
    i += Math.max(literal.length, 1) - 1;
  }
  return from === 0 ? plain : (JSON.parse(out + source.slice(from)) as unknown);
}

/** Reads and parses the input JSON (exactly: {@link parseJsonExact}); a missing file is exit 1, malformed JSON exit 2. */
export async function readJsonInput(option: unknown, io: CliIo, stdin: () => Promise<string> = readStdin): Promise<unknown> {
  const path = option === undefined || option === true ? '-' : String(option);
  let text: string;
  try {
    text = path === '-' ? await stdin() : await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path === '-' ? 'standard input' : path}: ${e instanceof Error ? e.message : String(e)}`, EXIT.failure);
  }
  try {
    return parseJsonExact(text);
  } catch (e) {
    throw new CliError(`${path === '-' ? 'standard input' : path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, EXIT.invalid);
  }
}

/** Whether `--out` names standard output (`-`, or no `--out`). */
export function toStandardOutput(out: unknown): boolean {
  return out === undefined || out === true || out === '-';
}

/**
 * Gives `produce` the one writer of a command's output: `--out` (a temporary file beside it,
 * renamed when `produce` has finished, removed when it fails) or standard output.
 */
export async function withOutput(out: unknown, io: CliIo, produce: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
  if (toStandardOutput(out)) {
    const stdout = guardOutput(io.stdout, 'standard output');
    try {
      await produce((chunk) => stdout.write(chunk));
      await stdout.flush();
    } finally {
      stdout.release();
    }
    return;
  }
  const file = await openOutputFile(resolve(io.cwd, String(out)), String(out));
  try {
    await produce((chunk) => file.output.write(chunk));
    await file.commit();
  } catch (e) {
    await file.abort();
    throw e;
  }
}

/** Writes the text to `--out` (through a temporary file beside it) or standard output (`-` or no `--out`). */
export function writeOutput(text: string, out: unknown, io: CliIo): Promise<void> {
  return withOutput(out, io, (write) => write(text));
}

/** The language of the command's messages (`--lang`): Russian unless `en` is asked for. */
export type CliLocale = 'ru' | 'en';

/** The `--lang` of the options: `'en'` or the default `'ru'`. */
export function localeOf(options: Record<string, unknown>): CliLocale {
  return options['lang'] === 'en' ? 'en' : 'ru';
}

/** The issues of an error, one indented line each (`path: message`), in the chosen language. */
export function issueLines(e: { readonly issues: readonly OmsCalcIssue[] }, locale: CliLocale, indent = '  '): string {
  return formatIssues(e, { locale })
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
}

/** Prints an OmsCalcError with every issue and its path; returns exit code 2. */
export function reportInvalid(e: { code: string; message: string; issues: readonly OmsCalcIssue[] }, io: CliIo, locale: CliLocale = 'ru'): number {
  const head = locale === 'en' ? e.message : `ошибки во входных данных: ${e.issues.length}`;
  io.stderr.write(`oms-calc: ${e.code}: ${head}\n${issueLines(e, locale, '  - ')}\n`);
  return EXIT.invalid;
}

/** Turns a {@link JsonCommandSpec} into a CLI command. */
export function jsonCommand<R>(spec: JsonCommandSpec<R>, stdin?: () => Promise<string>): CliCommand {
  return {
    name: spec.name,
    description: spec.description,
    options: JSON_OPTIONS,
    help: spec.help,
    async run(options: Record<string, unknown>, io: CliIo): Promise<number> {
      const format = options['format'] === undefined ? 'json' : String(options['format']);
      if (format !== 'json' && format !== 'table') throw new CliError(`--format must be json or table, got "${format}"`, EXIT.invalid);
      const input = await readJsonInput(options['input'], io, stdin);
      let result: R;
      try {
        result = spec.compute(input);
      } catch (e) {
        if (isOmsCalcError(e)) return reportInvalid(e, io, localeOf(options));
        throw e;
      }
      const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${spec.render(result)}\n`;
      await writeOutput(text, options['out'], io);
      return EXIT.ok;
    },
  };
}
