/**
 * The `oms-calc` command line: `oms-calc <command> [options]`. The only part of oms-calc that
 * touches files, argv and the standard streams. Commands are listed in {@link COMMAND_MODULES};
 * {@link main} is callable in-process (tests) and runs when this file is executed directly.
 *
 * @module cli
 */
import { cac } from 'cac';
import packageJson from '../../package.json' with { type: 'json' };
import { CliError, EXIT, isExecutedDirectly, type CliCommand, type CliIo } from './io';

export type { CliCommand, CliIo } from './io';

/** Where the commands are defined: a module is loaded only when one of its commands runs. */
const MODULES = {
  json: async (): Promise<readonly CliCommand[]> => (await import('./commands')).JSON_COMMANDS,
  sanctions: async (): Promise<readonly CliCommand[]> => [(await import('./sanctions')).sanctionsCommand],
  registry: async (): Promise<readonly CliCommand[]> => [(await import('./registry')).registryCommand],
} as const;

/**
 * The commands of `oms-calc` in the order of the help, each with the module that defines it
 * (a test checks that each module defines exactly its commands here).
 */
export const COMMAND_MODULES: readonly (readonly [string, keyof typeof MODULES])[] = [
  ['reserve-size', 'json'],
  ['planned-reserve', 'json'],
  ['reserve-at-risk', 'json'],
  ['replenishment', 'json'],
  ['reserve-year', 'json'],
  ['subvention', 'json'],
  ['sanctions', 'sanctions'],
  ['smo-rating', 'json'],
  ['table', 'json'],
  ['registry', 'registry'],
];

/**
 * The commands a run needs, in the order of the help: those of the module of the first argument
 * that names a command (the command, unless an option's value names one first), none for
 * `--version` alone, or all of them (for the list of commands, or when none is named).
 */
export async function loadCommands(argv: readonly string[]): Promise<CliCommand[]> {
  const named = argv.map((a) => COMMAND_MODULES.find(([name]) => name === a)).find((m) => m !== undefined);
  if (named === undefined && (argv.includes('--version') || argv.includes('-v'))) return [];
  const modules = named === undefined ? (Object.keys(MODULES) as (keyof typeof MODULES)[]) : [named[1]];
  const loaded = (await Promise.all(modules.map((m) => MODULES[m]()))).flat();
  const order = (c: CliCommand): number => COMMAND_MODULES.findIndex(([name]) => name === c.name);
  return loaded.sort((a, b) => order(a) - order(b));
}

/** The positional arguments of a command, in cac's syntax (`[file]`), where it takes any. */
function argsOf(command: CliCommand): string | undefined {
  const args = (command as { args?: unknown }).args;
  return typeof args === 'string' ? args : undefined;
}

const NAME = 'oms-calc';

function usage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `${NAME} ${packageJson.version} — exact, explainable money arithmetic of ОМС`,
    '',
    `Usage: ${NAME} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.description}`),
    '',
    `Run "${NAME} <command> --help" for the options of a command.`,
    'Global option: --lang ru|en, the language of the messages about bad input (default ru).',
    'Exit codes: 0 success, 2 invalid input, 1 any other failure.',
    '',
  ].join('\n');
}

function commandHelp(c: CliCommand): string {
  const width = Math.max(...c.options.map(([flag]) => flag.length));
  return [
    `Usage: ${NAME} ${c.name} ${argsOf(c) === undefined ? '' : `${argsOf(c)} `}${c.options.map(([flag]) => (flag.startsWith('--cases') ? flag : `[${flag}]`)).join(' ')}`,
    '',
    c.description,
    '',
    'Options:',
    ...c.options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    ...(c.help === undefined ? [] : ['', c.help]),
    '',
  ].join('\n');
}

/**
 * The arguments with the value of an option joined to it (`--input -` → `--input=-`, `--jobs -1`
 * → `--jobs=-1`) when the value is `-` or a negative number, which the option parser would
 * otherwise read as an option of its own.
 */
export function joinDashValues(argv: readonly string[], commands: readonly CliCommand[]): string[] {
  const takesValue = new Set(commands.flatMap((c) => c.options.filter(([flag]) => flag.includes('<')).map(([flag]) => flag.split(' ')[0] as string)));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (takesValue.has(arg) && next !== undefined && (next === '-' || /^-\d/.test(next))) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** The process's own streams and directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

/**
 * Runs `oms-calc` with the given arguments (without `node` and the script name) and resolves to
 * the exit code: 0 success, 2 invalid input or usage, 1 any other failure. Never rejects and
 * never exits the process.
 *
 * @param argv - e.g. `['sanctions', '--cases', 'cases.csv']`
 * @param io - the output streams and working directory; default the process's
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const cli = cac(NAME);
  cli.option('-h, --help', 'show the help');
  cli.option('-v, --version', 'show the version');
  cli.option('--lang <lang>', 'the language of the messages: ru (default) or en');
  let selected: { command: CliCommand; options: Record<string, unknown> } | undefined;
  try {
    const commands = await loadCommands(argv);
    for (const command of commands) {
      const args = argsOf(command);
      const c = cli.command(args === undefined ? command.name : `${command.name} ${args}`, command.description);
      for (const [flag, text] of command.options) c.option(flag, text);
      c.action((...values: unknown[]) => {
        // cac passes the positional arguments first (the first one becomes `file`), the options last.
        const options = values.at(-1) as Record<string, unknown>;
        selected = { command, options: values.length > 1 && values[0] !== undefined ? { ...options, file: values[0] } : options };
      });
    }
    const parsed = cli.parse([process.execPath, NAME, ...joinDashValues(argv, commands)], { run: false });
    const matched = commands.find((c) => c.name === cli.matchedCommandName);
    if (parsed.options['version'] === true) {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT.ok;
    }
    if (parsed.options['help'] === true) {
      io.stdout.write(matched === undefined ? usage(await loadCommands([])) : commandHelp(matched));
      return EXIT.ok;
    }
    if (matched === undefined) {
      const word = parsed.args[0];
      io.stderr.write(`${word === undefined ? 'missing command' : `unknown command "${word}"`}\n\n${usage(await loadCommands([]))}`);
      return EXIT.invalid;
    }
    const lang = parsed.options['lang'];
    if (lang !== undefined && lang !== 'ru' && lang !== 'en') throw new CliError(`--lang must be ru or en, got ${JSON.stringify(String(lang))}`, EXIT.invalid);
    cli.runMatchedCommand();
    if (selected === undefined) return EXIT.failure;
    const { help: _help, version: _version, '--': _rest, ...options } = selected.options;
    return await selected.command.run(options, io);
  } catch (e) {
    if (e instanceof CliError) {
      if (e.message !== '') io.stderr.write(`${NAME}: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof Error && e.name === 'CACError') {
      io.stderr.write(`${NAME}: ${e.message}\n`);
      return EXIT.invalid;
    }
    // A system error (a file, a stream) is its one-line message; anything else is a defect, with its stack.
    const system = e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && 'syscall' in e;
    io.stderr.write(`${NAME}: ${e instanceof Error ? (system ? e.message : (e.stack ?? e.message)) : String(e)}\n`);
    return EXIT.failure;
  }
}


if (isExecutedDirectly(import.meta.url)) {
  // The commands guard their writes; a failure after the run (or on standard error) must not end in a stack trace.
  let ran = false;
  process.stdout.on('error', (e: { code?: unknown; message?: unknown }) => {
    if (!ran || e.code === 'EPIPE' || (process.exitCode ?? 0) !== 0) return;
    process.stderr.write(`${NAME}: cannot write standard output: ${String(e.message)}\n`);
    process.exitCode = EXIT.failure;
  });
  process.stderr.on('error', () => {});
  void main(process.argv.slice(2), processIo()).then((code) => {
    ran = true;
    process.exitCode = code;
  });
}
