import { invalidInput, makeIssue, show } from '../_internal';
import { concatBytes } from './csvBytes';
import { CsvEngine, type SanctionCsvTotals } from './csvEngine';
import { csvSetup, type SanctionCsvOptions } from './csvOptions';

/**
 * The plain-function form of {@link sanctionCsv}, for a file held in memory: the same output
 * bytes and totals, at once. The input may be the file's bytes, its text, or its bytes in chunks
 * (cut anywhere).
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); Тарифное соглашение от
 * 09.01.2025, прил. 25; decisions D4, D5, D22.
 *
 * @param input - the cases CSV: bytes, text, or an iterable of byte chunks
 * @param options - as for {@link sanctionCsv}
 * @returns the results CSV (or JSON Lines) as bytes, and the totals
 * @throws {@link OmsCalcError} `INVALID_INPUT` for bad options, a file without a usable header,
 *   or a quote that is never closed (naming the line where it opened)
 * @example
 * ```ts
 * import { sanctionCsvBytes } from 'oms-calc/sanctions';
 *
 * const { output, totals } = sanctionCsvBytes('id;tariff;violations\nA1;1000;1.4.2\n');
 * new TextDecoder().decode(output).split('\n')[1]; // '2;A1;ok;1000,00;0,00;1.4.2:1000,00:1000,00:0,00;;'
 * totals.nonPayment.toString(); // '1000'
 * ```
 */
export function sanctionCsvBytes(input: Uint8Array | string | Iterable<Uint8Array>, options?: SanctionCsvOptions): { output: Uint8Array; totals: SanctionCsvTotals } {
  const engine = new CsvEngine(csvSetup(options, 'sanctionCsvBytes'));
  let chunks: Iterable<unknown>;
  if (typeof input === 'string') chunks = [new TextEncoder().encode(input)];
  else if (input instanceof Uint8Array) chunks = [input];
  else if (typeof input === 'object' && input !== null && typeof (input as Iterable<unknown>)[Symbol.iterator] === 'function') chunks = input;
  else throw invalidInput('sanctionCsvBytes', [makeIssue('invalid_type', [], { expected: 'Uint8Array', received: show(input) }, `expected the file as bytes, text or byte chunks, got ${show(input)}`)]);
  const parts: Uint8Array[] = [];
  let i = 0;
  for (const chunk of chunks) {
    if (!(chunk instanceof Uint8Array)) throw invalidInput('sanctionCsvBytes', [makeIssue('invalid_type', [i], { expected: 'Uint8Array', received: show(chunk) }, `expected a chunk of bytes (Uint8Array), got ${show(chunk)}`)]);
    const out = engine.write(chunk);
    if (out !== undefined) parts.push(out);
    i++;
  }
  const last = engine.end();
  if (last !== undefined) parts.push(last);
  return { output: concatBytes(parts), totals: engine.totals() };
}
