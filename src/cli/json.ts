/**
 * JSON in, JSON (or a Russian table) out: the shared shape of every command except `sanctions`.
 *
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isOmsCalcError } from '../_internal';
import { CliError, EXIT, type CliCommand, type CliIo } from './io';

/** The options every JSON command takes. */
export const JSON_OPTIONS: readonly (readonly [string, string])[] = [
  ['--input <file>', 'the input JSON file, or - for standard input (default -)'],
  ['--format <format>', 'json (default) or table: a readable Russian table with the trace'],
  ['--out <file>', 'write the result to this file instead of standard output'],
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

/** Reads and parses the input JSON; a missing file is exit 1, malformed JSON exit 2. */
export async function readJsonInput(option: unknown, io: CliIo, stdin: () => Promise<string> = readStdin): Promise<unknown> {
  const path = option === undefined || option === true ? '-' : String(option);
  let text: string;
  try {
    text = path === '-' ? await stdin() : await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path === '-' ? 'standard input' : path}: ${e instanceof Error ? e.message : String(e)}`, EXIT.failure);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new CliError(`${path === '-' ? 'standard input' : path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, EXIT.invalid);
  }
}

/** Writes the text to `--out` or standard output. */
export async function writeOutput(text: string, out: unknown, io: CliIo): Promise<void> {
  if (out === undefined || out === true) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, String(out)), text, 'utf8');
  } catch (e) {
    throw new CliError(`cannot write ${String(out)}: ${e instanceof Error ? e.message : String(e)}`, EXIT.failure);
  }
}

/** Prints an OmsCalcError with every issue and its path; returns exit code 2. */
export function reportInvalid(e: { code: string; message: string; issues: readonly { path: (string | number)[]; message: string }[] }, io: CliIo): number {
  io.stderr.write(`oms-calc: ${e.code}: ${e.message}\n`);
  for (const issue of e.issues) io.stderr.write(`  - ${issue.path.length === 0 ? '(input)' : issue.path.join('.')}: ${issue.message}\n`);
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
        if (isOmsCalcError(e)) return reportInvalid(e, io);
        throw e;
      }
      const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${spec.render(result)}\n`;
      await writeOutput(text, options['out'], io);
      return EXIT.ok;
    },
  };
}
