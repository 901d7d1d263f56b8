/**
 * Instructions a plain row costs `oms-calc sanctions` — run with `npm run build && npx tsx
 * bench/sanctions-instructions.ts [cli.js [options…]]` (needs valgrind; never part of `npm test`);
 * for the build before the byte path: `… /tmp/old-cli/dist/cli.js --jobs 1`.
 *
 * Timings on a shared virtual machine drift by tens of percent within minutes; instruction counts
 * do not. The command (the package's `dist/cli.js`, or the build given) runs under valgrind's
 * cachegrind without a cache simulation, V8 with `--single-threaded` so that its compiler works at
 * fixed points, on 200,000 and on 400,000 plain rows of the bench's generator; the difference of
 * the two counts is what 200,000 rows cost beyond the start and the compilation (decision D22).
 * The two files run side by side, one per core.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CSV_HEADER, csvLine, makeCase, prng, RATES } from './sanctions-cases';

const run = promisify(execFile);
const cli = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
const extra = process.argv.slice(3);
const SIZES = [200_000, 400_000] as const;

/** The guest instructions valgrind counted for one run of the command on `file`. */
async function instructions(file: string, out: string, rates: string): Promise<number> {
  const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath, '--single-threaded', cli, 'sanctions', '--cases', file, '--rates', rates, '--out', out, ...extra];
  const { stderr } = await run('valgrind', args, { maxBuffer: 1 << 26 }).catch((e: { stderr?: string; code?: number }) => {
    // exit code 2: some rows are error rows (the generator makes a few unknown codes)
    if (e.code === 2 && typeof e.stderr === 'string') return { stderr: e.stderr };
    throw e;
  });
  const m = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (m === null) throw new Error(`no instruction count from valgrind:\n${stderr}`);
  return Number((m[1] as string).replaceAll(',', ''));
}

const dir = mkdtempSync(join(tmpdir(), 'oms-calc-instructions-'));
try {
  const rates = join(dir, 'rates.json');
  writeFileSync(rates, JSON.stringify(RATES));
  const rnd = prng(7);
  const lines = [CSV_HEADER];
  for (let i = 0; i < SIZES[1]; i++) lines.push(csvLine(makeCase(i, rnd)));
  const files = SIZES.map((n) => {
    const file = join(dir, `plain-${n}.csv`);
    writeFileSync(file, `${lines.slice(0, n + 1).join('\n')}\n`);
    return file;
  });
  console.log(`Counting instructions of ${[cli, ...extra].join(' ')} on ${SIZES.join(' and ')} plain rows (valgrind, two at a time)…`);
  const [small, large] = await Promise.all(files.map((f, i) => instructions(f, join(dir, `out-${i}.csv`), rates)));
  const perRow = ((large as number) - (small as number)) / (SIZES[1] - SIZES[0]);
  console.log(`  ${SIZES[0]} rows: ${(small as number).toLocaleString('en-US')} instructions; ${SIZES[1]} rows: ${(large as number).toLocaleString('en-US')}`);
  console.log(`  a plain row: ${Math.round(perRow).toLocaleString('en-US')} instructions`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
