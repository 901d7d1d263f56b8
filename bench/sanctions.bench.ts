/**
 * Sanctions benchmark — run with `npx tsx bench/sanctions.bench.ts [cases] [--no-cli]`.
 *
 * 1. 1,000,000 generated cases (1–3 violations each) through three paths in one process:
 *    the library's `sanctionTotals(sanctionStream(cases))`, a hand-written exact integer-kopeck
 *    loop (the practical limit) and a plain per-case decimal.js implementation. Prints the
 *    throughput of each and the ratios, and checks that the totals agree to the kopeck.
 *    Targets: library ≤ 2 × the integer loop's time; ≥ 5 × faster than decimal.js.
 * 2. The CSV, each path in a child process (wall time and peak RSS), 5 interleaved rounds,
 *    medians, on a plain file of 1,000,000 rows, a realistic one (Cyrillic ids, 10 % bad rows,
 *    BOM, CRLF) and a plain one of 3,000,000: a hand-written byte loop doing the same work (the
 *    practical limit; its output must equal the CLI's byte for byte), uDSV and csv-parse alone
 *    (parsing only), the CLI, and a build of the CLI before the byte path (c01fe60, at
 *    /tmp/old-cli/dist/cli.js or $OLD_CLI) when there is one. Targets: the CLI within 1.5 × the
 *    loop's time, ≥ 5 × the old one-thread CLI, peak RSS under 100 MiB and flat from 1M to 3M rows.
 *    Each path's line also gives its median CPU time, the CPU time the machine's host took from
 *    it while it ran (/proc/stat's steal: on a shared virtual machine, the noise) and every round.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sanctionStream, sanctionTotals, type CaseInput } from 'oms-calc/sanctions';
import { CSV_HEADER, csvLine, makeCase, makeCases, prng, RATES, realisticLine } from './sanctions-cases';
import { decimalLoop, integerLoop, plainOf, type PlainTotals } from './sanctions-reference';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const withCli = !args.includes('--no-cli');
/** Rounds of the CSV paths: five, since a shared machine's speed drifts from one path to the next. */
const CLI_ROUNDS = 5;
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
  console.log(`  library / integer loop time: ${libVsInt.toFixed(2)}× wall, ${(lib.best.cpu / int.best.cpu).toFixed(2)}× CPU  (target ≤ 2×)  ${libVsInt <= 2 ? 'OK' : 'MISSED'}`);
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
  return same;
}

/** What a child process reports: time from its first module to exit, CPU time, peak RSS, and the time the machine's host took from it. */
interface ChildReport {
  ms: number;
  cpuMs: number;
  maxRssKiB: number;
  wallMs: number;
  /** CPU time the hypervisor gave to others while the child ran (all cores, /proc/stat's steal; 0 where there is none). */
  stealMs: number;
  rows: number;
  exitCode: number;
}

/** The machine's stolen CPU time so far, in ms (Linux guests; 0 elsewhere). */
function stolen(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]?.trim().split(/\s+/) ?? [];
    return Number(fields[8] ?? 0) * 10; // USER_HZ = 100
  } catch {
    return 0;
  }
}

let dir = '';

/**
 * Bundles an entry with esbuild (as the package build does for dist/cli.js: ESM, dependencies
 * inlined, a chunk per command module, text as UTF-8), so that the measurement sees the shipped code rather
 * than on-the-fly TypeScript.
 */
async function bundle(entry: string, name: string): Promise<string> {
  const { build } = await import('esbuild');
  // split as the package build splits dist/cli.js: a command's module is a chunk loaded when it runs
  const outdir = join(dir, name);
  await build({ entryPoints: { main: entry }, outdir, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', charset: 'utf8', logLevel: 'error' });
  return join(outdir, 'main.mjs');
}

/** Runs `node <script> …args` with a preload that records the in-process time and peak RSS. */
function child(script: string, childArgs: string[]): ChildReport {
  const report = join(dir, 'report.json');
  const steal0 = stolen();
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
  const measured = JSON.parse(readFileSync(report, 'utf8')) as { ms: number; cpuMs: number; maxRssKiB: number };
  return { ...measured, wallMs, stealMs: stolen() - steal0, rows: m === null ? 0 : Number(m[1]), exitCode: r.status ?? -1 };
}

async function writeCsv(file: string, rows: number, realistic = false): Promise<void> {
  const out = createWriteStream(file);
  const rnd = prng(7);
  const eol = realistic ? '\r\n' : '\n';
  let buffer = `${realistic ? '\uFEFF' : ''}${CSV_HEADER}${eol}`;
  for (let i = 0; i < rows; i++) {
    const c = makeCase(i, rnd);
    buffer += `${realistic ? realisticLine(c, i, rnd) : csvLine(c)}${eol}`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[(s.length - 1) >> 1] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** The results of the CLI before this version wrote details as code:Н:Сшт; today's as code:Н:attributed Н:Сшт. */
function withoutAttributed(csv: Buffer): string {
  return csv
    .toString('utf8')
    .split('\n')
    .map((line) => {
      const cells = line.split(';');
      if (cells[2] === 'ok' && cells[5] !== undefined) cells[5] = cells[5].split('|').map((d) => d.split(':').filter((_, i) => i !== 2).join(':')).join('|');
      return cells.join(';');
    })
    .join('\n');
}

async function cli(): Promise<boolean> {
  dir = mkdtempSync(join(tmpdir(), 'oms-calc-sanctions-'));
  try {
    const here = (f: string): string => fileURLToPath(new URL(f, import.meta.url));
    writeFileSync(
      join(dir, 'measure.mjs'),
      `import { writeFileSync } from 'node:fs';\nconst start = performance.now();\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.SANCTIONS_BENCH_REPORT, JSON.stringify({ ms: performance.now() - start, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKiB: u.maxRSS })); });\n`,
    );
    const cliBundle = await bundle(here('../src/cli/index.ts'), 'cli');
    const parseBundle = await bundle(here('./sanctions-parse-only.ts'), 'parse-only');
    const udsvBundle = await bundle(here('./sanctions-udsv-only.ts'), 'udsv-only');
    const loopBundle = await bundle(here('./sanctions-byte-loop.ts'), 'byte-loop');
    // A build of the CLI before this version (git worktree add /tmp/old-cli c01fe60 && build), when there is one.
    const oldCli = process.env['OLD_CLI'] ?? '/tmp/old-cli/dist/cli.js';
    const haveOld = existsSync(oldCli);
    const rates = join(dir, 'rates.json');
    writeFileSync(rates, JSON.stringify(RATES));
    const load0 = loadavg();
    console.log(`Load average at the start: ${load0.map((x) => x.toFixed(2)).join(', ')} (${availableParallelism()} cores). Each path in a child process, ${CLI_ROUNDS} interleaved rounds, medians.`);
    let ok = true;
    const rss: Record<string, number> = {};
    const files: { name: string; rows: number; realistic: boolean; old: boolean }[] = [
      { name: 'plain', rows: N, realistic: false, old: haveOld },
      { name: 'realistic', rows: N, realistic: true, old: haveOld },
      ...(N >= 1_000_000 ? [{ name: 'plain ×3', rows: 3 * N, realistic: false, old: false }] : []),
    ];
    for (const f of files) {
      const file = join(dir, `cases-${f.name.replace(/\W/g, '')}.csv`);
      await writeCsv(file, f.rows, f.realistic);
      const mb = statSync(file).size / 1e6;
      console.log(
        `\n${f.name}: ${fmt(f.rows)} rows, ${mb.toFixed(1)} MB${f.realistic ? ' (Cyrillic ids, 10 % bad rows, BOM, CRLF)' : " (';', decimal commas)"}`,
      );
      const out = (name: string): string => join(dir, `out-${name}.csv`);
      const paths: [string, () => ChildReport][] = [
        ['hand-written byte loop', () => child(loopBundle, [file, rates, out('loop')])],
        ...(f.name === 'plain ×3' ? [] : ([['uDSV alone (parse)', () => child(udsvBundle, [file])], ['csv-parse alone (parse)', () => child(parseBundle, [file])]] as [string, () => ChildReport][])),
        ['oms-calc sanctions (this version)', () => child(cliBundle, ['sanctions', '--cases', file, '--rates', rates, '--out', out('cli')])],
        ...(f.old ? ([['oms-calc sanctions --jobs 1 (c01fe60)', () => child(oldCli, ['sanctions', '--cases', file, '--rates', rates, '--out', out('old'), '--jobs', '1'])]] as [string, () => ChildReport][]) : []),
      ];
      const runs = new Map<string, ChildReport[]>(paths.map(([name]) => [name, []]));
      for (let round = 0; round < CLI_ROUNDS; round++) for (const [name, run] of paths) runs.get(name)?.push(run());
      const med = new Map(
        [...runs].map(([name, rs]) => [
          name,
          { ms: median(rs.map((r) => r.ms)), cpu: median(rs.map((r) => r.cpuMs)), steal: median(rs.map((r) => r.stealMs)), rss: Math.max(...rs.map((r) => r.maxRssKiB)) / 1024, rows: rs[0]?.rows ?? 0, all: rs.map((r) => r.ms) },
        ]),
      );
      for (const [name, m] of med) {
        console.log(
          `  ${name.padEnd(40)} ${seconds(m.ms)}  ${fmt((f.rows / m.ms) * 1000).padStart(10)} rows/s  peak RSS ${m.rss.toFixed(0).padStart(4)} MiB  CPU ${seconds(m.cpu)}, stolen ${seconds(m.steal)}  (${m.all.map(seconds).join(', ')})`,
        );
      }
      const loop = med.get('hand-written byte loop') as { ms: number; rss: number };
      const mine = med.get('oms-calc sanctions (this version)') as { ms: number; rss: number };
      rss[f.name] = mine.rss;
      const same = readFileSync(out('loop')).equals(readFileSync(out('cli')));
      const vsLoop = mine.ms / loop.ms;
      console.log(`  CLI / byte loop time: ${vsLoop.toFixed(2)}×  (target ≤ 1.5×)  ${vsLoop <= 1.5 ? 'OK' : 'MISSED'};  outputs ${same ? 'identical' : 'DIFFERENT'}`);
      console.log(`  CLI peak RSS: ${mine.rss.toFixed(0)} MiB  (target < 100 MiB)  ${mine.rss < 100 ? 'OK' : 'MISSED'}`);
      ok &&= same;
      const old = med.get('oms-calc sanctions --jobs 1 (c01fe60)');
      if (old !== undefined) {
        const speedup = old.ms / mine.ms;
        const sameAsOld = withoutAttributed(readFileSync(out('cli'))) === readFileSync(out('old'), 'utf8');
        console.log(
          `  this version / c01fe60 (one thread): ${speedup.toFixed(2)}× faster  (target ≥ 5×)  ${speedup >= 5 ? 'OK' : 'MISSED'};  outputs ${sameAsOld ? 'identical but for the attributed Н in details' : 'differ (expected only in details, and in the messages of c01fe60)'}`,
        );
      }
    }
    if (rss['plain ×3'] !== undefined && rss['plain'] !== undefined) {
      const growth = (rss['plain ×3'] as number) / (rss['plain'] as number);
      console.log(`\nCLI peak RSS at ${fmt(3 * N)} rows / at ${fmt(N)}: ${growth.toFixed(2)}  (flat: ≤ 1.1)  ${growth <= 1.1 ? 'OK' : 'MISSED'}`);
    }
    console.log(`Load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const okPaths = await paths();
const okCli = withCli ? await cli() : true;
process.exitCode = okPaths && okCli ? 0 : 1;
