/**
 * What a CLI command may touch: its output streams and the working directory. `main` takes it as
 * a parameter so that tests can run commands in-process.
 *
 * @module
 */

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A writable text stream (process.stdout, a file stream, a test buffer). */
export interface CliOutput {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
  /** Whether the stream is a terminal (progress lines are written only then). */
  isTTY?: boolean | undefined;
}

/** The environment of one CLI run. */
export interface CliIo {
  /** Where results go when there is no `--out`. */
  stdout: CliOutput & NodeJS.WritableStream;
  /** Progress, totals, messages. */
  stderr: CliOutput;
  /** The directory relative paths are resolved against. */
  cwd: string;
  /**
   * The script worker threads run: the bin itself, when it runs as a process. Without it every
   * command computes on the calling thread.
   */
  workerScript?: string | URL | undefined;
}

/** Exit codes: 0 success, 1 failure (I/O, unexpected), 2 invalid input or usage. */
export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;

/** An error that ends a command with a message and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A subcommand of `oms-calc`. */
export interface CliCommand {
  /** The word after `oms-calc`. */
  name: string;
  /** One line for the help. */
  description: string;
  /** `[flag, description]` pairs, in cac's syntax (`--cases <file>`). */
  options: readonly (readonly [string, string])[];
  /** Extra help text: column lists, formats, examples. */
  help?: string | undefined;
  /** Runs the command; resolves to the exit code. */
  run(options: Record<string, unknown>, io: CliIo): Promise<number>;
}

/** Whether the module at `moduleUrl` (its `import.meta.url`) is the script node was started with. */
export function isExecutedDirectly(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
