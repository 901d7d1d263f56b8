/**
 * csv-parse alone over a cases file, with the options the CLI uses: the baseline of the CLI
 * measurement in bench/sanctions.bench.ts (bundled and run in a child process).
 */
import { createReadStream } from 'node:fs';
import { parse, type Options } from 'csv-parse';

const file = process.argv[2] as string;
let rows = 0;
// The same read-ahead and options as the CLI (src/cli/sanctions.ts, parseOptions).
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
