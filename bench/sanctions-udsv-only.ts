/**
 * uDSV alone over a cases file, streamed in 1 MiB chunks, every row read as strings: the fast
 * general-purpose parser beside the byte loop in bench/sanctions.bench.ts.
 */
import { openSync, readSync } from 'node:fs';
import { inferSchema, initParser } from 'udsv';

const file = process.argv[2] as string;
const fd = openSync(file, 'r');
const buf = Buffer.allocUnsafe(1 << 20);
const decoder = new TextDecoder();
let parser: ReturnType<typeof initParser> | undefined;
let rows = 0;
let fields = 0;
for (;;) {
  const n = readSync(fd, buf, 0, buf.length, null);
  const text = decoder.decode(buf.subarray(0, n), { stream: n > 0 });
  if (text.length > 0) {
    parser ??= initParser(inferSchema(text, { col: ';' }));
    parser.chunk<string[]>(text, parser.stringArrs, (row) => {
      rows++;
      fields += row.length;
    });
  }
  if (n === 0) break;
}
parser?.end();
process.stderr.write(`${rows} rows (${fields} fields)\n`);
