/**
 * `oms-calc sanctions` part by part. The command's thread cuts the cases file into parts at line
 * ends; each part is parsed and computed — on worker threads when there are any, else on the
 * command's thread — and the parts' output is written in file order and their totals added up.
 * Parts in flight are bounded, so memory stays flat however long the file.
 *
 * A part may be cut at a line end only where that line end ends a record: in a file without
 * double quotes every line end does. At the first part with a double quote, the run stops and
 * hands the rest of the file, from a record boundary, to the streaming path (src/cli/sanctions.ts).
 *
 * @module
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { defineSanctionTable, sanctionTotals, type SanctionStreamOptions } from '../sanctions';
import { CsvBytes } from './format';
import { CliError, EXIT } from './io';
import { CaseRecords, parseOptions, SHOWN_ERRORS, type CliRow, type RegistryLayout, type ResultFormat } from './sanctions-rows';
import { totalsPart, type TotalsPart } from './sanctions-totals';

/** How the records of the parts are read and computed: the same on every thread. */
export interface PartsSetup {
  delimiter: ';' | ',';
  recordDelimiter: '\n' | '\r\n';
  layout: RegistryLayout;
  /** The output: CSV lines, or JSON Lines. */
  format: ResultFormat;
  /** The computation's options, already checked; tables as their JSON (each thread defines them). */
  options: { perCapitaRates?: unknown; tables?: unknown[]; combine?: string | undefined; recomputation?: string | undefined; date?: string | undefined };
}

/** What a worker thread is started with (its `workerData`). */
export interface SanctionsWorkerSetup extends PartsSetup {
  kind: 'oms-calc sanctions';
}

/** A computed part: its output lines, totals, first bad lines and number of data lines. */
interface PartResult {
  out: Uint8Array;
  totals: TotalsPart;
  shown: string[];
  count: number;
}

/** A part sent to a worker: its bytes and the line number of its first record. */
interface Task {
  id: number;
  bytes: ArrayBuffer;
  length: number;
  line: number;
}

interface Done {
  id: number;
  out: ArrayBuffer;
  length: number;
  totals: TotalsPart;
  shown: string[];
  count: number;
}

interface Failed {
  id: number;
  failure: { message: string; code?: string };
}

/** Whether a worker's `workerData` asks it to compute sanctions. */
export function isSanctionsWorker(data: unknown): data is SanctionsWorkerSetup {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'oms-calc sanctions';
}

/** Records computed at a time: the computation's batch. */
const BATCH = 512;

/** Computes parts of one file, one after another, on the calling thread. */
class PartComputer {
  readonly #records: CaseRecords;
  readonly #parse: Options;

  /** @param options - the computation's options, `setup.options` with its tables defined */
  constructor(setup: PartsSetup, options: SanctionStreamOptions) {
    this.#records = new CaseRecords(options, setup.delimiter, '', 2, setup.layout, setup.format);
    this.#parse = parseOptions(setup.delimiter, setup.recordDelimiter, false);
  }

  /** Parses and computes the part `bytes`, whose first record is on line `line`. */
  async compute(bytes: Uint8Array, line: number): Promise<PartResult> {
    const records = this.#records;
    records.line = line;
    records.count = 0;
    records.shown.length = 0;
    const parsed = parseSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), this.#parse) as string[][];
    const out = new CsvBytes(Math.max(64 * 1024, bytes.length * 2));
    function* rows(): Generator<CliRow> {
      for (let i = 0; i < parsed.length; i += BATCH) yield* records.take(parsed.slice(i, i + BATCH), out);
    }
    const totals = totalsPart(await sanctionTotals(rows()));
    return { out: out.view(), totals, shown: [...records.shown], count: records.count };
  }
}

/** The body of a worker thread: computes every part it is sent and posts the result back. */
export function runSanctionsWorker(setup: SanctionsWorkerSetup, port: MessagePort): void {
  const { options } = setup;
  const tables = options.tables === undefined ? {} : { tables: options.tables.map((t) => defineSanctionTable(t)) };
  const computer = new PartComputer(setup, { ...options, ...tables } as SanctionStreamOptions);
  // Parts are computed one after another, in the order they arrive.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (task: Task) => {
    queue = queue.then(async () => {
      try {
        const part = await computer.compute(new Uint8Array(task.bytes, 0, task.length), task.line);
        const out = new Uint8Array(part.out.length);
        out.set(part.out);
        const done: Done = { id: task.id, out: out.buffer, length: out.length, totals: part.totals, shown: part.shown, count: part.count };
        port.postMessage(done, [done.out]);
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        const failed: Failed = { id: task.id, failure: { message: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) } };
        port.postMessage(failed);
      }
    });
  });
}

/** A pool of worker threads, each computing the parts sent to it in order. */
class Pool {
  readonly #workers: Worker[] = [];
  readonly #load: number[] = [];
  readonly #waiting = new Map<number, { resolve: (d: PartResult) => void; reject: (e: unknown) => void }>();
  #next = 0;
  #failure: unknown;

  constructor(script: string | URL, count: number, setup: SanctionsWorkerSetup) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: setup });
      worker.on('message', (m: Done | Failed) => this.#settle(i, m));
      worker.on('error', (e) => this.#fail(e));
      worker.on('exit', (code) => {
        if (this.#waiting.size > 0) this.#fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      this.#workers.push(worker);
      this.#load.push(0);
    }
  }

  #settle(worker: number, m: Done | Failed): void {
    const waiting = this.#waiting.get(m.id);
    if (waiting === undefined) return;
    this.#waiting.delete(m.id);
    this.#load[worker] = (this.#load[worker] as number) - 1;
    if ('failure' in m) waiting.reject(Object.assign(new Error(m.failure.message), m.failure.code === undefined ? {} : { code: m.failure.code }));
    else waiting.resolve({ out: new Uint8Array(m.out, 0, m.length), totals: m.totals, shown: m.shown, count: m.count });
  }

  #fail(e: unknown): void {
    this.#failure ??= e;
    for (const w of this.#waiting.values()) w.reject(e);
    this.#waiting.clear();
  }

  /** Sends a part (its buffer is handed over) to the least loaded worker; resolves to its result. */
  compute(bytes: Buffer, length: number, line: number): Promise<PartResult> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    let worker = 0;
    for (let i = 1; i < this.#load.length; i++) if ((this.#load[i] as number) < (this.#load[worker] as number)) worker = i;
    const id = this.#next++;
    this.#load[worker] = (this.#load[worker] as number) + 1;
    return new Promise<PartResult>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      const task: Task = { id, bytes: bytes.buffer as ArrayBuffer, length, line };
      (this.#workers[worker] as Worker).postMessage(task, [task.bytes]);
    });
  }

  async close(): Promise<void> {
    this.#waiting.clear();
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/** How a run part by part goes: where the data lines start, and on how many worker threads. */
export interface PartsPlan {
  file: string;
  /** Byte offset of the first data line, and its line number. */
  start: number;
  line: number;
  setup: PartsSetup;
  /** The computation's options as the calling thread has them (tables defined), for parts it computes itself. */
  options: SanctionStreamOptions;
  /** Worker threads, and the script they run (the bin itself); 0 computes on the calling thread. */
  workers: number;
  script?: string | URL | undefined;
  /** Writes output bytes in order (they are not reused); resolves when the output can take more. */
  write: (bytes: Uint8Array) => Promise<void>;
  /** Called after each part is written, with the data lines so far. */
  progress: (count: number) => void;
}

/** What a run did, and where the streaming path must go on (a part with a double quote). */
export interface PartsResult {
  parts: TotalsPart[];
  shown: string[];
  count: number;
  rest?: { offset: number; line: number } | undefined;
}

/** The size of the parts: about eight per thread, between 64 KiB and 1 MiB. */
export function partBytes(bytes: number, threads: number): number {
  return Math.min(1 << 20, Math.max(64 << 10, Math.ceil(bytes / (Math.max(1, threads) * 8))));
}

/** Line breaks in `bytes` before `end`: each is one line of the file. */
function lineBreaks(bytes: Buffer, end: number): number {
  let n = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) n++;
  return n;
}

/** Reads the part of the file that starts at `start`: up to the last record delimiter within `size` bytes (more when one line is longer). */
async function readPart(handle: FileHandle, start: number, size: number, recordDelimiter: '\n' | '\r\n'): Promise<{ bytes: Buffer; length: number }> {
  for (let want = size; ; want *= 2) {
    // A buffer of its own (not from Buffer's pool), so that it can be handed to a worker.
    const bytes = Buffer.from(new ArrayBuffer(want));
    const { bytesRead } = await handle.read(bytes, 0, want, start);
    if (bytesRead < want) return { bytes, length: bytesRead }; // the end of the file
    const cut = bytes.lastIndexOf(recordDelimiter) + recordDelimiter.length;
    if (cut >= recordDelimiter.length) return { bytes, length: cut };
    if (want >= 1 << 30) throw new CliError(`a line of the cases file is longer than ${want} bytes`, EXIT.invalid);
  }
}

/** Runs the data lines of the plan's file part by part; stops at the first part with a double quote. */
export async function runParts(plan: PartsPlan): Promise<PartsResult> {
  const handle = await open(plan.file, 'r');
  const size = (await handle.stat()).size;
  const pool = plan.workers > 0 && plan.script !== undefined ? new Pool(plan.script, plan.workers, { ...plan.setup, kind: 'oms-calc sanctions' }) : undefined;
  const here = pool === undefined ? new PartComputer(plan.setup, plan.options) : undefined;
  const result: PartsResult = { parts: [], shown: [], count: 0 };
  const inFlight: Promise<PartResult>[] = [];
  const partSize = partBytes(size - plan.start, plan.workers);

  const writeOne = async (): Promise<void> => {
    const part = await (inFlight.shift() as Promise<PartResult>);
    await plan.write(part.out);
    result.parts.push(part.totals);
    for (const line of part.shown) if (result.shown.length < SHOWN_ERRORS) result.shown.push(line);
    result.count += part.count;
    plan.progress(result.count);
  };

  try {
    let offset = plan.start;
    let line = plan.line;
    while (offset < size) {
      const { bytes, length } = await readPart(handle, offset, partSize, plan.setup.recordDelimiter);
      if (length === 0) break;
      const quote = bytes.indexOf(34);
      if (quote >= 0 && quote < length) {
        result.rest = { offset, line };
        break;
      }
      const lines = lineBreaks(bytes, length);
      if (here !== undefined) inFlight.push(here.compute(bytes.subarray(0, length), line));
      else inFlight.push((pool as Pool).compute(bytes, length, line));
      // Keep every worker busy with one part queued behind the one it computes, and no more.
      if (inFlight.length >= Math.max(1, plan.workers * 2)) await writeOne();
      offset += length;
      line += lines;
    }
    while (inFlight.length > 0) await writeOne();
  } catch (e) {
    // Settle what is still in flight, so that no rejection is left unhandled.
    await Promise.allSettled(inFlight);
    throw e;
  } finally {
    await pool?.close();
    await handle.close();
  }
  return result;
}
