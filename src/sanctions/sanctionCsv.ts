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
 * Memory stays flat. Runs in Node (`Readable.toWeb`), Deno and browsers.
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); Тарифное соглашение от
 * 09.01.2025, прил. 25; decisions D4, D5, D22.
 *
 * @param options - the computation's options and the file's dialect
 * @returns a `TransformStream` with `totals` and `rows`
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
  const stream = new TransformStream<Uint8Array, Uint8Array>(
    {
      transform(chunk, controller): void {
        try {
          if (!(chunk instanceof Uint8Array)) throw invalidInput('sanctionCsv', [makeIssue('invalid_type', [], { expected: 'Uint8Array', received: show(chunk) }, `expected chunks of bytes (Uint8Array), got ${show(chunk)}`)]);
          const out = engine.write(chunk);
          if (out !== undefined) controller.enqueue(out);
        } catch (e) {
          done.reject(e);
          throw e;
        }
      },
      flush(controller): void {
        try {
          const out = engine.end();
          if (out !== undefined) controller.enqueue(out);
          done.resolve(engine.totals());
        } catch (e) {
          done.reject(e);
          throw e;
        }
      },
    },
    { highWaterMark: 1 },
    { highWaterMark: 1 },
  );
  Object.defineProperty(stream, 'totals', { value: totals, enumerable: true });
  Object.defineProperty(stream, 'rows', { get: () => engine.rows, enumerable: true });
  return stream as SanctionCsvStream;
}
