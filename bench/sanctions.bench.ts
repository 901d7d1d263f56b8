/**
 * Sanctions benchmark — run with `npx tsx bench/sanctions.bench.ts [cases] [--no-cli]`.
 *
 * 1. 1,000,000 generated cases (1–3 violations each) through three paths in one process:
 *    the library's `sanctionTotals(sanctionStream(cases))`, a hand-written exact integer-kopeck
 *    loop (the practical limit) and a plain per-case decimal.js implementation. Prints the
 *    throughput of each and the ratios, and checks that the totals agree to the kopeck.
 *    Targets: library ≤ 10 × the integer loop's time; ≥ 5 × faster than decimal.js.
 * 2. The CLI on a 1,000,000-row CSV in a temporary directory, against csv-parse alone on the same
 *    file, each in a child process: wall time, throughput and peak RSS. Target: the CLI reaches
 *    at least half the parser's throughput, with a flat peak RSS. Measured with the default
 *    `--jobs auto` (worker threads on a multi-core machine) and with `--jobs 1`, whose outputs
 *    must be identical byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sanctionStream, sanctionTotals, type CaseInput } from 'oms-calc/sanctions';
import { CSV_HEADER, csvLine, makeCase, makeCases, prng, RATES } from './sanctions-cases';
import { decimalLoop, integerLoop, plainOf, type PlainTotals } from './sanctions-reference';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const withCli = !args.includes('--no-cli');
const options = { perCapitaRates: RATES };

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

async function library(cases: readonly CaseInput[]): Promise<PlainTotals> {
  return plainOf(await sanctionTotals(sanctionStream(cases, options)));
}

interface Timing {
  wall: number;
  cpu: number;
}

async function time<T>(f: () => T | Promise<T>): Promise<Timing & { value: T }> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const value = await f();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, value };
}

interface PathRun {
  name: string;
  run: () => PlainTotals | Promise<PlainTotals>;
  walls: number[];
  best: Timing;
  totals?: PlainTotals;
}

async function paths(): Promise<boolean> {
  console.log(`Generating ${fmt(N)} cases…`);
  const cases = makeCases(N);
  const warm = cases.slice(0, Math.min(N, 50_000));
  integerLoop(warm);
  decimalLoop(warm);
  await library(warm);

  const runs: PathRun[] = [
    { name: 'library sanctionStream+Totals', run: () => library(cases), walls: [], best: { wall: Infinity, cpu: Infinity } },
    { name: 'exact integer-kopeck loop', run: () => integerLoop(cases), walls: [], best: { wall: Infinity, cpu: Infinity } },
    { name: 'plain decimal.js per case', run: () => decimalLoop(cases), walls: [], best: { wall: Infinity, cpu: Infinity } },
  ];
  // Rounds interleave the paths, so that a change of machine load hits all three alike.
  for (let round = 0; round < 3; round++) {
    for (const p of runs) {
      const t = await time(p.run);
      p.walls.push(t.wall);
      p.best = { wall: Math.min(p.best.wall, t.wall), cpu: Math.min(p.best.cpu, t.cpu) };
      p.totals = t.value;
    }
  }
  console.log(`Paths over ${fmt(N)} cases (3 interleaved rounds; best wall time, best CPU time):`);
  for (const p of runs) {
    console.log(
      `  ${p.name.padEnd(30)} ${seconds(p.best.wall)} wall, ${seconds(p.best.cpu)} CPU  ${fmt((N / p.best.wall) * 1000).padStart(10)} cases/s   (${p.walls.map(seconds).join(', ')})`,
    );
  }
  const [lib, int, dec] = runs as [PathRun, PathRun, PathRun];
  const libVsInt = lib.best.wall / int.best.wall;
  const decVsLib = dec.best.wall / lib.best.wall;
  const same = JSON.stringify(lib.totals) === JSON.stringify(int.totals) && JSON.stringify(lib.totals) === JSON.stringify(dec.totals);
  console.log(`  library / integer loop time: ${libVsInt.toFixed(2)}× wall, ${(lib.best.cpu / int.best.cpu).toFixed(2)}× CPU  (target ≤ 10×)  ${libVsInt <= 10 ? 'OK' : 'MISSED'}`);
  console.log(`  decimal.js / library time:   ${decVsLib.toFixed(2)}× wall, ${(dec.best.cpu / lib.best.cpu).toFixed(2)}× CPU  (target ≥ 5×)   ${decVsLib >= 5 ? 'OK' : 'MISSED'}`);
  const t = lib.totals as PlainTotals;
  console.log(
    `  totals: ${t.cases} cases, ${t.errors} errors, non-payment ${t.nonPayment}, fines ${t.fine}, ${Object.keys(t.byCode).length} codes — ${same ? 'identical in all three paths (to the kopeck, by code and by section)' : 'DIFFERENT'}`,
  );
  if (!same) for (const p of runs) console.log(`   ${p.name}: ${p.totals?.nonPayment} / ${p.totals?.fine} / errors ${p.totals?.errors}`);

  // Informative: the same stream consumed row by row with for await (one promise per row).
  const it = await time(async () => {
    let n = 0;
    for await (const row of sanctionStream(cases, options)) if (!('error' in row)) n++;
    return n;
  });
  console.log(`  (for await over sanctionStream, rows only: ${seconds(it.wall)} wall, ${fmt((N / it.wall) * 1000)} rows/s)`);
  return same && libVsInt <= 10 && decVsLib >= 5;
}

/** What a child process reports: time from its first module to exit, and its peak RSS. */
interface ChildReport {
  ms: number;
  maxRssKiB: number;
  wallMs: number;
  rows: number;
  exitCode: number;
}

let dir = '';

/**
 * Bundles an entry with esbuild (as the package build does for dist/cli.js: ESM, dependencies
 * inlined), so that the measurement sees the shipped code rather than on-the-fly TypeScript.
 */
async function bundle(entry: string, name: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  return outfile;
}

/** Runs `node <script> …args` with a preload that records the in-process time and peak RSS. */
function child(script: string, childArgs: string[]): ChildReport {
  const report = join(dir, 'report.json');
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'measure.mjs')).href, script, ...childArgs], {
    env: { ...process.env, SANCTIONS_BENCH_REPORT: report },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${script} failed (${String(r.status)}): ${r.stderr}`);
  const m = /(\d+) rows/.exec(r.stderr);
  const measured = JSON.parse(readFileSync(report, 'utf8')) as { ms: number; maxRssKiB: number };
  return { ...measured, wallMs, rows: m === null ? 0 : Number(m[1]), exitCode: r.status ?? -1 };
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const rnd = prng(7);
  let buffer = `${CSV_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${csvLine(makeCase(i, rnd))}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

async function cli(): Promise<boolean> {
  dir = mkdtempSync(join(tmpdir(), 'oms-calc-sanctions-'));
  try {
    const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
    writeFileSync(
      join(dir, 'measure.mjs'),
      // Only the main thread reports (the CLI's worker threads load the preload too); maxRSS counts every thread.
      `import { writeFileSync } from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\nconst start = performance.now();\nif (isMainThread) process.on('exit', () => writeFileSync(process.env.SANCTIONS_BENCH_REPORT, JSON.stringify({ ms: performance.now() - start, maxRssKiB: process.resourceUsage().maxRSS })));\n`,
    );
    const cliBundle = await bundle(here('../src/cli/index.ts'), 'cli');
    const parseBundle = await bundle(here('./sanctions-parse-only.ts'), 'parse-only');
    const rates = join(dir, 'rates.json');
    writeFileSync(rates, JSON.stringify(RATES));
    let ok = true;
    for (const rows of [...new Set([100_000, N])]) {
      const file = join(dir, `cases-${rows}.csv`);
      await writeCsv(file, rows);
      const mb = statSync(file).size / 1e6;
      console.log(`CLI on ${fmt(rows)} rows (${mb.toFixed(1)} MB, ';' with decimal commas; bundled as dist/cli.js would be), best of 3 interleaved runs, each in a child process:`);
      const sanctions = (jobs: string): ChildReport => child(cliBundle, ['sanctions', '--cases', file, '--rates', rates, '--out', join(dir, `out-${jobs}.csv`), '--jobs', jobs]);
      // The three are interleaved, so that a slow spell of the machine does not fall on one of them only.
      const runs = { parser: [] as ChildReport[], auto: [] as ChildReport[], one: [] as ChildReport[] };
      for (let i = 0; i < 3; i++) {
        runs.parser.push(child(parseBundle, [file]));
        runs.auto.push(sanctions('auto'));
        runs.one.push(sanctions('1'));
      }
      const best = (list: ChildReport[]): ChildReport => [...list].sort((a, b) => a.ms - b.ms)[0] as ChildReport;
      const parser = best(runs.parser);
      const auto = best(runs.auto);
      const one = best(runs.one);
      if (readFileSync(join(dir, 'out-auto.csv')).compare(readFileSync(join(dir, 'out-1.csv'))) !== 0) {
        console.log('  MISMATCH: the output of --jobs auto differs from --jobs 1');
        ok = false;
      }
      const line = (name: string, r: ChildReport): string =>
        `  ${name.padEnd(34)} ${seconds(r.ms)} in process (${seconds(r.wallMs)} wall)  ${fmt((rows / r.ms) * 1000)} rows/s  peak RSS ${(r.maxRssKiB / 1024).toFixed(0)} MiB`;
      console.log(line('csv-parse alone', parser));
      console.log(line(`oms-calc sanctions (${availableParallelism()} cores)`, auto));
      console.log(line('oms-calc sanctions --jobs 1', one));
      for (const r of [auto, one]) if (r.rows !== rows || parser.rows !== rows) console.log(`  (rows seen: CLI ${r.rows}, parser ${parser.rows}, expected ${rows})`);
      const ratio = parser.ms / auto.ms;
      // The target is set on the 1,000,000-row file; the smaller one shows the start-up's share.
      const verdict = rows === 1_000_000 ? `  (target ≥ 0.5)  ${ratio >= 0.5 ? 'OK' : 'MISSED'}` : '';
      console.log(`  CLI throughput / parser throughput: ${ratio.toFixed(2)}${verdict}`);
      console.log(`  with --jobs 1 (one thread):         ${(parser.ms / one.ms).toFixed(2)}`);
      if (rows === 1_000_000) ok &&= ratio >= 0.5;
    }
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const okPaths = await paths();
const okCli = withCli ? await cli() : true;
process.exitCode = okPaths && okCli ? 0 : 1;
