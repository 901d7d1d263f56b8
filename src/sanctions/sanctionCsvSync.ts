import { invalidInput, makeIssue, show } from '../_internal';
import { CsvEngine, type SanctionCsvTotals } from './csvEngine';
import { csvSetup, type SanctionCsvOptions } from './csvOptions';

/** The synchronous form of {@link sanctionCsv}: chunks of the file in, the bytes of their results out. */
export interface SanctionCsvSync {
  /**
   * Takes the next chunk of the file (cut anywhere) and returns the results it completes, as a
   * view of the writer's own buffer: the next call writes over it, so write the bytes out (or
   * copy them with `.slice()`) before calling again. Empty when a chunk completes no line, and
   * while `encoding: 'auto'` waits for the first 4 KiB. The chunk itself may be read into again
   * once the call returns.
   */
  write(chunk: Uint8Array): Uint8Array;
  /**
   * Ends the file: returns the last results (a view, as {@link SanctionCsvSync.write} returns)
   * and, from then on, {@link SanctionCsvSync.totals} covers every line. Throws `INVALID_INPUT`
   * for a file without a usable header or a quote that is never closed (naming the line where it
   * opened).
   */
  end(): Uint8Array;
  /** The totals of the lines so far; all of them after {@link SanctionCsvSync.end}. */
  totals(): SanctionCsvTotals;
  /** Data rows written so far (for progress). */
  readonly rows: number;
}

/**
 * The sanctions of a cases CSV, pushed through chunk by chunk without a stream: the bytes and the
 * totals of {@link sanctionCsv}, for code that reads the file itself (a command line reading with
 * `fs.readSync`, a worker), at the speed of the byte path with no stream between.
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); Тарифное соглашение от
 * 09.01.2025, прил. 25; decisions D4, D5, D22.
 *
 * @param options - as for {@link sanctionCsv}
 * @returns the writer of the file's chunks; each call's results are a view of one reused buffer
 * @throws {@link OmsCalcError} `INVALID_INPUT` at once for bad options; `write` for a chunk that
 *   is not bytes or a line over 1 MiB, `end` as it says
 * @example
 * ```ts
 * import { sanctionCsvSync } from 'oms-calc/sanctions';
 *
 * const csv = sanctionCsvSync({ encoding: 'utf-8' });
 * const bytes = new TextEncoder().encode('tariff;violations\n1000;1.4.2\n');
 * const out = [csv.write(bytes.subarray(0, 20)).slice(), csv.write(bytes.subarray(20)).slice(), csv.end().slice()];
 * out.map((b) => new TextDecoder().decode(b).split('\n').length - 1); // [1, 1, 0]
 * csv.totals().nonPayment.toString(); // '1000'
 * ```
 */
export function sanctionCsvSync(options?: SanctionCsvOptions): SanctionCsvSync {
  const engine = new CsvEngine(csvSetup(options, 'sanctionCsvSync'));
  // One buffer for the results of every call: memory stays flat however long the file.
  return {
    write(chunk: Uint8Array): Uint8Array {
      if (!(chunk instanceof Uint8Array)) throw invalidInput('sanctionCsvSync', [makeIssue('invalid_type', [], { expected: 'Uint8Array', received: show(chunk) }, `expected a chunk of bytes (Uint8Array), got ${show(chunk)}`)]);
      engine.clearOutput();
      engine.push(chunk);
      return engine.output();
    },
    end(): Uint8Array {
      engine.clearOutput();
      engine.finish();
      return engine.output();
    },
    totals(): SanctionCsvTotals {
      return engine.totals();
    },
    get rows(): number {
      return engine.rows;
    },
  };
}
