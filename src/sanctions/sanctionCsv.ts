import { invalidInput, makeIssue, show } from '../_internal';
import { CsvEngine, type SanctionCsvTotals } from './csvEngine';
import { csvSetup, type SanctionCsvOptions } from './csvOptions';

/**
 * The stream of {@link sanctionCsv}: bytes of the cases CSV in, bytes of the results out, and
 * the totals when the input ends.
 */
export interface SanctionCsvStream extends TransformStream<Uint8Array, Uint8Array> {
  /** The totals of the file; rejects with the stream's error (an `OmsCalcError` for a bad file). */
  readonly totals: Promise<SanctionCsvTotals>;
  /** Data rows written so far (for progress). */
  readonly rows: number;
}

/**
 * The sanctions of a cases CSV as a byte stream, for files of millions of rows: reads the
 * documented cases CSV (header with the documented names, their Russian aliases or names given
 * in `columns`; `;`, `,` or tab; UTF-8 with or without BOM, or windows-1251; quoted fields) and
 * writes the documented results CSV — one row per data line, in order, with its line number: the
 * amounts and each code's Н, attributed Н and Сшт, or the error. Blank lines are counted, not
 * written; a case without violations is a row with zero amounts. Plain lines are computed on their
 * bytes in exact integer kopecks, all others by the validating decimal path, with the same output.
 * Memory stays flat: the results of a chunk are kept in one buffer, written again once they are
 * read; a reader with its own buffer (`getReader({ mode: 'byob' })`, where the runtime has byte
 * streams) gets them copied into it, any other reader a copy of them. Runs in Node
 * (`Readable.toWeb`), Deno and browsers.
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); Тарифное соглашение от
 * 09.01.2025, прил. 25; decisions D4, D5, D22.
 *
 * @param options - the computation's options and the file's dialect
 * @returns a `{ writable, readable }` pair for `pipeThrough` (not an instance of
 *   `TransformStream`), with `totals` and `rows`; a chunk written is done with when its write
 *   resolves, which is when its results have been read
 * @throws {@link OmsCalcError} `INVALID_INPUT` at once for bad options; the stream errors (and
 *   `totals` rejects) with `INVALID_INPUT` for a file without a usable header, a quote that is
 *   never closed (naming the line where it opened) or a chunk that is not bytes
 * @example
 * ```ts
 * import { sanctionCsv } from 'oms-calc/sanctions';
 *
 * const csv = sanctionCsv();
 * const out = new Blob(['tariff;violations\n1000;1.4.2\n']).stream().pipeThrough(csv);
 * await new Response(out).text();
 * // 'line;id;status;non_payment;fine;details;error_code;error_message\n2;;ok;1000,00;0,00;1.4.2:1000,00:1000,00:0,00;;\n'
 * (await csv.totals).nonPayment.toString(); // '1000'
 * ```
 */
export function sanctionCsv(options?: SanctionCsvOptions): SanctionCsvStream {
  const engine = new CsvEngine(csvSetup(options, 'sanctionCsv'));
  let settle: { resolve: (t: SanctionCsvTotals) => void; reject: (e: unknown) => void } | undefined;
  const totals = new Promise<SanctionCsvTotals>((resolve, reject) => {
    settle = { resolve, reject };
  });
  totals.catch(() => undefined); // a caller that reads only the bytes gets the error from the stream
  const done = settle as NonNullable<typeof settle>;

  // The output of a chunk stays in the engine's buffer until it is read; then the buffer is
  // written again (no buffer per chunk). A reader with its own buffer (BYOB) gets the bytes
  // copied into it; any other reader gets a copy of them.
  let offset = 0;
  let ended = false;
  let failed = false;
  let wake: (() => void) | undefined;
  let drained: (() => void) | undefined;
  let readableController: ByteController | undefined;
  let writableController: WritableStreamDefaultController | undefined;
  const fail = (e: unknown): void => {
    if (failed) return;
    failed = true;
    done.reject(e);
    readableController?.error(e);
    writableController?.error(e);
    wake?.();
    drained?.();
  };
  const waitUntilRead = (): Promise<void> | undefined => {
    if (engine.output().length === 0) return undefined;
    const w = wake;
    wake = undefined;
    w?.();
    return new Promise<void>((resolve) => {
      drained = resolve;
    });
  };

  const bytes = typeof ReadableByteStreamController === 'function';
  type ByteController = ReadableStreamDefaultController<Uint8Array> | ReadableByteStreamController;
  const source = {
    start(controller: ByteController): void {
      readableController = controller;
    },
    async pull(controller: ByteController): Promise<void> {
      for (;;) {
        if (failed) return;
        const out = engine.output();
        if (offset < out.length) {
          const request = bytes ? (controller as ReadableByteStreamController).byobRequest : null;
          if (request !== null && request.view !== null) {
            const view = request.view;
            const target = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
            const n = Math.min(target.length, out.length - offset);
            target.set(out.subarray(offset, offset + n));
            offset += n;
            request.respond(n);
          } else {
            controller.enqueue(out.slice(offset));
            offset = out.length;
          }
          if (offset === out.length) {
            engine.clearOutput();
            offset = 0;
            const d = drained;
            drained = undefined;
            d?.();
          }
          return;
        }
        if (ended) {
          controller.close();
          if (bytes) (controller as ReadableByteStreamController).byobRequest?.respond(0);
          return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    cancel(reason: unknown): void {
      fail(reason);
    },
  };
  const readable = bytes
    ? new ReadableStream({ start: source.start, pull: source.pull, cancel: source.cancel, type: 'bytes' }, { highWaterMark: 0 })
    : new ReadableStream<Uint8Array>({ start: source.start, pull: source.pull, cancel: source.cancel }, { highWaterMark: 0 });
  const writable = new WritableStream<Uint8Array>(
    {
      start(controller): void {
        writableController = controller;
      },
      write(chunk): Promise<void> | undefined {
        try {
          if (!(chunk instanceof Uint8Array)) throw invalidInput('sanctionCsv', [makeIssue('invalid_type', [], { expected: 'Uint8Array', received: show(chunk) }, `expected chunks of bytes (Uint8Array), got ${show(chunk)}`)]);
          engine.push(chunk);
        } catch (e) {
          fail(e);
          throw e;
        }
        return waitUntilRead();
      },
      close(): void {
        try {
          engine.finish();
        } catch (e) {
          fail(e);
          throw e;
        }
        ended = true;
        done.resolve(engine.totals());
        const w = wake;
        wake = undefined;
        w?.();
      },
      abort(reason): void {
        fail(reason);
      },
    },
    { highWaterMark: 1 },
  );
  const stream = { readable, writable };
  Object.defineProperty(stream, 'totals', { value: totals, enumerable: true });
  Object.defineProperty(stream, 'rows', { get: () => engine.rows, enumerable: true });
  return stream as SanctionCsvStream;
}
