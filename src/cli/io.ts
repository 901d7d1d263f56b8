/**
 * What a CLI command may touch: its output streams and the working directory. `main` takes it as
 * a parameter so that tests can run commands in-process.
 *
 * @module
 */

import { createWriteStream, fdatasync, realpathSync, type WriteStream } from 'node:fs';
import { realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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
}

/** Exit codes: 0 success, 1 failure (I/O, unexpected), 2 invalid input or usage. */
export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;

/** An error that ends a command with a message (none: the command ends quietly) and an exit code. */
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

/** A system error's code (`EPIPE`, `ENOSPC`, …), if it has one. */
function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The CliError of a failed write to `what`: a closed pipe (the reader has gone, as `| head`
 * does) ends the command quietly with exit 0; anything else (a full disk) is one line and exit 1.
 */
export function writeFailure(e: unknown, what: string): CliError {
  if (e instanceof CliError) return e;
  if (errorCode(e) === 'EPIPE' || errorCode(e) === 'ERR_STREAM_DESTROYED') return new CliError('', EXIT.ok);
  return new CliError(`cannot write ${what}: ${e instanceof Error ? e.message : String(e)}`, EXIT.failure);
}

/** A writable stream whose failures are CliErrors ({@link writeFailure}) instead of unhandled `error` events. */
export interface GuardedOutput {
  /** Writes; resolves when the stream can take more; rejects with a CliError once the stream has failed. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Resolves when everything written so far has been handed to the system. */
  flush(): Promise<void>;
  /** Removes the guard's listeners (a failure after it is the caller's). */
  release(): void;
}

/** Guards a stream: see {@link GuardedOutput}. */
export function guardOutput(stream: CliOutput & NodeJS.WritableStream, what: string): GuardedOutput {
  let failure: CliError | undefined;
  let fail: (e: CliError) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  const onError = (e: unknown): void => {
    if (failure !== undefined) return;
    failure = writeFailure(e, what);
    fail(failure);
  };
  stream.on('error', onError);
  return {
    async write(chunk) {
      if (failure !== undefined) throw failure;
      let ok: boolean;
      try {
        ok = stream.write(chunk);
      } catch (e) {
        onError(e);
        throw failure;
      }
      if (!ok) await Promise.race([failed, new Promise<void>((drained) => stream.once('drain', () => drained()))]);
      if (failure !== undefined) throw failure;
    },
    async flush() {
      if (failure !== undefined) throw failure;
      await Promise.race([
        failed,
        new Promise<void>((done, reject) => {
          stream.write('', (e?: Error | null) => (e === undefined || e === null ? done() : reject(writeFailure(e, what))));
        }),
      ]);
    },
    release() {
      stream.removeListener('error', onError);
    },
  };
}

/** Bytes handed to an output from a buffer the caller writes into again: see {@link writeBehind}. */
export interface WriteBehind {
  /** Writes a copy of `bytes` (which may be overwritten once this resolves). */
  put(bytes: Uint8Array): Promise<void>;
}

/**
 * How many results a {@link writeBehind} holds while the system takes them: 8, about 4 MB for
 * 256 KiB chunks of a cases file. With 2 the command waited 30–120 ms per 1,000,000 rows on
 * writes the kernel was slow to take, with 8 about 20 ms (D22).
 */
const WRITE_BEHIND_BUFFERS = 8;

/**
 * Writes views of a buffer that its owner reuses, without a new buffer per call: each is copied
 * into the next of `buffers` buffers in turn, and a buffer is copied into again only once the
 * output has handed its last bytes to the system, so that the disk takes the earlier chunks while
 * the next is computed. The caller still awaits {@link GuardedOutput.flush} (or the file's commit)
 * at the end.
 */
export function writeBehind(output: GuardedOutput, buffers: number = WRITE_BEHIND_BUFFERS): WriteBehind {
  const copies = Array.from({ length: buffers }, () => new Uint8Array(0));
  const written: (Promise<void> | undefined)[] = Array.from({ length: buffers }, () => undefined);
  let turn = 0;
  return {
    async put(bytes) {
      await written[turn];
      let copy = copies[turn] as Uint8Array;
      if (copy.length < bytes.length) copies[turn] = copy = new Uint8Array(bytes.length + (bytes.length >> 2));
      copy.set(bytes);
      await output.write(copy.subarray(0, bytes.length));
      const done = output.flush();
      done.catch(() => {}); // awaited before the buffer is copied into again, or by the caller's flush
      written[turn] = done;
      turn = (turn + 1) % buffers;
    },
  };
}

/** A file by its device and inode, as `fs.Stats` gives them. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/**
 * Removes the regular files at `paths` (a symbolic link's target, as {@link openOutputFile}
 * replaces it) on libuv's thread pool, except `keep` when given (the run's input, when an output
 * is written over it). Resolves when they are gone and never rejects: a file that cannot be removed is still
 * replaced by the rename of the new one. A command calls it for the outputs of a run that failed,
 * and for a large output once its temporary file is open: the system frees the old file's pages
 * while the run goes on, which a rename over it made the run's end wait for (D22).
 */
export async function removeReplaced(paths: readonly string[], keep?: FileIdentity): Promise<void> {
  await Promise.all(
    paths.map(async (path) => {
      const found = await stat(path).catch(() => undefined);
      if (found === undefined || !found.isFile() || (found.dev === keep?.dev && found.ino === keep.ino)) return;
      await unlink(await realpath(path).catch(() => path)).catch(() => {});
    }),
  );
}

/** An output file being written: complete under its name only after {@link OutputFile.commit}. */
export interface OutputFile {
  /** The file's stream, guarded. */
  output: GuardedOutput;
  /** The raw stream (for its `drain` back-pressure). */
  stream: WriteStream;
  /** Finishes the file: flushes and closes it, and renames the temporary file to its name. */
  commit(): Promise<void>;
  /** Gives up: closes the stream and removes the temporary file; never rejects. */
  abort(): Promise<void>;
}

/** How {@link openOutputFile} hands a file's data to the disk; a test's stand-in may replace it. */
export interface OutputFileOptions {
  /** Bytes the stream buffers before it asks the writer to wait. */
  highWaterMark?: number;
  /** Bytes written after which the data so far is synced to the disk in the background (default 8 MiB). */
  syncEvery?: number;
  /** Syncs a file's data to the disk (default: `fdatasync` on the thread pool). */
  dataSync?: (fd: number) => Promise<void>;
}

/**
 * How much is written between two background syncs: 8 MiB, a dozen syncs for the 92 MB of results
 * of a 1,000,000-row cases file, and at most 8 MiB left for the commit to wait for (D22).
 */
const SYNC_EVERY = 1 << 23;

/**
 * Opens `--out` for writing. A regular file (or a new one) is written to a temporary file beside
 * it (`.name.<random>.tmp`), synced to the disk and only then renamed to the name on
 * {@link OutputFile.commit}, and removed on {@link OutputFile.abort}: the name holds the previous
 * complete file or the new complete one, even after a crash. Every 8 MiB written the data so far
 * is synced in the background, while the rest is computed, so that the commit has little left to
 * wait for. Anything else (`/dev/stdout`, a pipe, a device) is written directly.
 *
 * @param path - the absolute path
 * @param what - the name shown in messages (the option's value)
 * @param options - see {@link OutputFileOptions}
 */
export async function openOutputFile(path: string, what: string, options: OutputFileOptions = {}): Promise<OutputFile> {
  const { highWaterMark, syncEvery = SYNC_EVERY, dataSync = promisify(fdatasync) } = options;
  const existing = await stat(path).catch(() => undefined);
  const direct = existing !== undefined && !existing.isFile();
  // A symbolic link keeps pointing where it did: the file it names is the one replaced.
  const target = existing === undefined || direct ? path : await realpath(path).catch(() => path);
  // a name no other run picks (the file is created exclusively: 'wx'); node:crypto is not loaded for it
  const unique = `${process.pid.toString(36)}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const temporary = direct ? path : join(dirname(target), `.${basename(target)}.${unique}.tmp`);
  const stream = createWriteStream(temporary, {
    flags: direct ? 'w' : 'wx',
    ...(existing === undefined || direct ? {} : { mode: existing.mode & 0o777 }),
    ...(highWaterMark === undefined ? {} : { highWaterMark }),
  });
  const guarded = guardOutput(stream, what);
  let fd = -1;
  try {
    await Promise.race([
      new Promise<void>((opened) =>
        stream.once('open', (descriptor: number) => {
          fd = descriptor;
          opened();
        }),
      ),
      guarded.flush(),
    ]);
  } catch (e) {
    guarded.release();
    stream.destroy();
    throw writeFailure(e, what);
  }
  const remove = async (): Promise<void> => {
    if (!direct) await unlink(temporary).catch(() => {});
  };
  // The data written so far, synced in the background once another syncEvery bytes are written.
  let syncing: Promise<void> | undefined;
  let syncedTo = 0;
  let syncFailure: unknown;
  const output: GuardedOutput = {
    write: (chunk) => guarded.write(chunk),
    async flush() {
      await guarded.flush();
      if (direct || syncing !== undefined || stream.bytesWritten - syncedTo < syncEvery) return;
      syncedTo = stream.bytesWritten;
      syncing = dataSync(fd).then(
        () => {
          syncing = undefined;
        },
        (e: unknown) => {
          syncFailure ??= e;
          syncing = undefined;
        },
      );
    },
    release: () => guarded.release(),
  };
  return {
    output,
    stream,
    async commit() {
      try {
        await guarded.flush();
        if (!direct) {
          // the data on the disk before the name points at it
          await syncing;
          if (syncFailure !== undefined) throw syncFailure;
          await dataSync(fd);
        }
        await new Promise<void>((closed, reject) => {
          stream.once('error', reject);
          stream.end(() => closed());
        });
        if (!direct) await rename(temporary, target);
      } catch (e) {
        stream.destroy();
        await remove();
        throw writeFailure(e, what);
      } finally {
        output.release();
      }
    },
    async abort() {
      output.release();
      await syncing; // never rejects; the descriptor is closed only once no sync uses it
      stream.on('error', () => {});
      await new Promise<void>((closed) => {
        if (stream.closed) closed();
        else stream.once('close', () => closed()).destroy();
      });
      await remove();
    },
  };
}
