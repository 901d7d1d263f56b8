/**
 * csv-parse alone over a cases file, with the options the CLI used before the byte path: a
 * yardstick beside uDSV and the byte loop in bench/sanctions.bench.ts (bundled, run in a child process).
 */
import { createReadStream } from 'node:fs';
import { parse, type Options } from 'csv-parse';

const file = process.argv[2] as string;
let rows = 0;
// The read-ahead and options of the CLI before the byte path.
const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
  parse({
    delimiter: ';',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    writableHighWaterMark: 1 << 20,
    readableHighWaterMark: 64,
  } as Options),
);
for await (const record of parser as AsyncIterable<string[]>) if (record.length > 0) rows++;
process.stderr.write(`${rows - 1} rows\n`);
