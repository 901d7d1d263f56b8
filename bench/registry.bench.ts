/**
 * Registry benchmark — run with `npm run build && npx tsx bench/registry.bench.ts [cases] [--rounds N] [--large]`.
 *
 * A generated register of 200,000 cases (about 160 MB, windows-1251; test/registry/generate.ts)
 * in a temporary file, read by five paths, each in its own child process, interleaved round by
 * round (the order turns each round), medians of the rounds:
 *
 * - the floor: read the file, decode it from windows-1251, find each `<Z_SL>` with `indexOf`;
 * - saxes alone, empty handlers — the parser the library is built on;
 * - sax alone, empty handlers — the other common streaming parser, for comparison (the library
 *   chose saxes: it is sax's strict, well-formedness-checking successor, typed, and faster here);
 * - the library's `auditRegistry` (from dist, the front door);
 * - the CLI, `node dist/cli.js registry FILE --out FILE.json` (wall time of the process).
 *
 * Peak RSS of each child (`process.resourceUsage().maxRSS`; `/usr/bin/time`'s for the CLI when
 * present) at 20,000 and 200,000 cases, and at 2,000,000 with `--large`. The recomputed totals
 * of the audit and of the CLI must equal, to the kopeck, a decimal.js reference computed here
 * from the generated cases (РТ × Кно rounded half up, the largest per case, D19).
 * Targets: audit ≤ 1.5 × saxes alone; ≤ 6 × the floor; peak RSS < 200 MiB and flat.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import { builtinSanctionTable } from 'oms-calc/sanctions';
import { generateRegistry, rubles, type GeneratedCase } from '../test/registry/generate';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 200_000);
const roundsAt = args.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 5;
const LARGE = args.includes('--large');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const mib = (kb: number): string => `${(kb / 1024).toFixed(0)} MiB`;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The children's code: one path over the file, then its time, peak RSS and result as JSON on stdout. */
const CHILD = `
import { createReadStream } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [mode, file, root] = process.argv.slice(1);
const chunks = () => createReadStream(file, { highWaterMark: 1 << 16 });
const start = performance.now();
let result = null;
if (mode === 'floor') {
  const decoder = new TextDecoder('windows-1251');
  let n = 0, tail = '';
  for await (const chunk of chunks()) {
    const s = tail + decoder.decode(chunk, { stream: true });
    for (let i = s.indexOf('<Z_SL>'); i >= 0; i = s.indexOf('<Z_SL>', i + 6)) n++;
    tail = s.slice(-5);
  }
  result = { cases: n };
} else if (mode === 'saxes') {
  const { SaxesParser } = await import('saxes');
  const p = new SaxesParser();
  const nothing = () => {};
  p.on('opentag', nothing); p.on('closetag', nothing); p.on('text', nothing);
  const decoder = new TextDecoder('windows-1251');
  for await (const chunk of chunks()) p.write(decoder.decode(chunk, { stream: true }));
  p.close();
} else if (mode === 'sax') {
  const sax = (await import('sax')).default;
  const p = sax.parser(true);
  const nothing = () => {};
  p.onopentag = nothing; p.onclosetag = nothing; p.ontext = nothing;
  const decoder = new TextDecoder('windows-1251');
  for await (const chunk of chunks()) p.write(decoder.decode(chunk, { stream: true }));
  p.close();
} else if (mode === 'audit') {
  const { auditRegistry } = await import(pathToFileURL(root + '/dist/registry/index.js').href);
  const a = await auditRegistry(chunks());
  const t = a.totals;
  result = { cases: a.cases, sanctions: a.sanctions, findings: Object.values(a.byRule).reduce((x, y) => x + y, 0),
    recomputed: { MEK: t.recomputed.MEK.toFixed(2), MEE: t.recomputed.MEE.toFixed(2), EKMP: t.recomputed.EKMP.toFixed(2) },
    actual: { MEK: t.MEK.toFixed(2), MEE: t.MEE.toFixed(2), EKMP: t.EKMP.toFixed(2) } };
}
const ms = performance.now() - start;
process.stdout.write(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS, result }));
`;

type Mode = 'floor' | 'saxes' | 'sax' | 'audit' | 'cli';
const MODES: readonly Mode[] = ['floor', 'saxes', 'sax', 'audit', 'cli'];
const NAMES: Record<Mode, string> = {
  floor: 'floor: read + decode windows-1251 + indexOf <Z_SL>',
  saxes: 'saxes alone, empty handlers',
  sax: 'sax alone, empty handlers',
  audit: 'auditRegistry (dist)',
  cli: 'CLI: node dist/cli.js registry',
};

interface Run {
  /** The path's own time (for the CLI: the process's wall time). */
  ms: number;
  /** The child's wall time, node's start included. */
  wall: number;
  /** Peak RSS, KiB. */
  rss: number;
  result: unknown;
}

function runChild(mode: Mode, file: string, dir: string): Run {
  const start = performance.now();
  if (mode === 'cli') {
    const out = join(dir, 'cli.json');
    const rssFile = join(dir, 'cli.rss');
    const cmd = TIME === undefined ? [process.execPath, CLI] : [TIME, '-f', '%M', '-o', rssFile, process.execPath, CLI];
    const r = spawnSync(cmd[0] as string, [...cmd.slice(1), 'registry', file, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    const wall = performance.now() - start;
    if (r.status !== 0) throw new Error(`CLI exited ${String(r.status)}: ${r.stderr}`);
    const rss = TIME === undefined ? Number.NaN : Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
    return { ms: wall, wall, rss, result: JSON.parse(readFileSync(out, 'utf8')) };
  }
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, mode, file, ROOT], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`${mode} exited ${String(r.status)}: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { ms: number; rss: number; result: unknown };
  return { ms: out.ms, wall, rss: out.rss, result: out.result };
}

/** Writes a generated register; returns its generator (for the reference) and the file's size. */
function writeRegister(cases: number, dir: string): { file: string; size: number; registry: ReturnType<typeof generateRegistry> } {
  const registry = generateRegistry({ cases, encoding: 'windows-1251' });
  const file = join(dir, `${registry.filename}-${cases}.xml`);
  const fd = openSync(file, 'w');
  for (const bytes of registry.bytes()) writeSync(fd, bytes);
  closeSync(fd);
  return { file, size: statSync(file).size, registry };
}

/** The decimal.js reference: S_SUM = round_half_up(РТ × Кно) per sanction, the largest per case carries it (D19), by class. */
function reference(cases: Iterable<GeneratedCase>): Record<'MEK' | 'MEE' | 'EKMP', Decimal> {
  const kno = new Map(builtinSanctionTable.entries.map((e) => [e.code, e.kno === null ? new Decimal(0) : new Decimal(e.kno.toString())]));
  const order = (p: string): number[] => p.split('.').map(Number);
  const before = (a: string, b: string): boolean => {
    const x = order(a);
    const y = order(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) < (y[i] ?? -1);
    return false;
  };
  const sums = { MEK: new Decimal(0), MEE: new Decimal(0), EKMP: new Decimal(0) };
  for (const c of cases) {
    let best: { cls: 'MEK' | 'MEE' | 'EKMP'; point: string; amount: Decimal; known: boolean } | undefined;
    for (const s of c.sank) {
      const parts = s.slIds.length === 0 ? c.sl : s.slIds.map((id) => c.sl[Number(id) - 1] as number);
      const rt = parts.reduce((a, m) => a.plus(new Decimal(rubles(m))), new Decimal(0));
      const amount = rt.times(kno.get(s.point) as Decimal).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      if (best === undefined || amount.gt(best.amount) || (amount.eq(best.amount) && before(s.point, best.point))) best = { cls: s.cls, point: s.point, amount, known: s.kod !== 999 };
    }
    if (best !== undefined && best.known) sums[best.cls] = sums[best.cls].plus(best.amount);
  }
  return sums;
}

interface Measured {
  cases: number;
  size: number;
  runs: Record<Mode, Run[]>;
}

function measure(cases: number, rounds: number, dir: string): { m: Measured; ok: boolean } {
  console.log(`\nGenerating ${fmt(cases)} cases (windows-1251)…`);
  const g0 = performance.now();
  const { file, size, registry } = writeRegister(cases, dir);
  console.log(`  ${(size / 1048576).toFixed(1)} MiB in ${((performance.now() - g0) / 1000).toFixed(1)} s: ${file}`);
  const runs = Object.fromEntries(MODES.map((m) => [m, [] as Run[]])) as Record<Mode, Run[]>;
  for (let r = 0; r < rounds; r++) {
    const order = MODES.map((_, i) => MODES[(i + r) % MODES.length] as Mode);
    for (const mode of order) runs[mode].push(runChild(mode, file, dir));
    process.stdout.write(`  round ${r + 1}/${rounds}: ${MODES.map((m) => `${m} ${((runs[m].at(-1) as Run).ms / 1000).toFixed(2)} s`).join(', ')}\n`);
  }
  // The figures the paths must agree on.
  let ok = true;
  const check = (what: string, good: boolean): void => {
    console.log(`  ${good ? 'ok  ' : 'FAIL'} ${what}`);
    ok &&= good;
  };
  const ref = reference(registry.cases());
  const refText = { MEK: ref.MEK.toFixed(2), MEE: ref.MEE.toFixed(2), EKMP: ref.EKMP.toFixed(2) };
  const audit = (runs.audit[0] as Run).result as { cases: number; sanctions: number; findings: number; recomputed: Record<string, string>; actual: Record<string, string> };
  const cli = (runs.cli[0] as Run).result as { cases: number; totals: { recomputed: Record<string, string> } };
  const floorCases = ((runs.floor[0] as Run).result as { cases: number }).cases;
  check(`floor counted ${fmt(floorCases)} <Z_SL> = ${fmt(cases)}`, floorCases === cases);
  check(`audit read ${fmt(audit.cases)} cases, ${fmt(audit.sanctions)} sanctions (generated: ${fmt(registry.expected.sanctions)}), ${audit.findings} findings`, audit.cases === cases && audit.sanctions === registry.expected.sanctions && audit.findings === 0);
  check(`decimal.js reference = generator's expected: ${JSON.stringify(refText)}`, JSON.stringify(refText) === JSON.stringify(registry.expected.recomputed));
  check(`auditRegistry recomputed = reference, to the kopeck`, JSON.stringify(audit.recomputed) === JSON.stringify(refText));
  check(`auditRegistry S_SUM by class = the file's (${JSON.stringify(audit.actual)})`, JSON.stringify(audit.actual) === JSON.stringify(registry.expected.actual));
  check(`CLI --out JSON recomputed = reference, to the kopeck`, cli.cases === cases && JSON.stringify(cli.totals.recomputed) === JSON.stringify(refText));
  rmSync(file, { force: true });
  return { m: { cases, size, runs }, ok };
}

function report(m: Measured): boolean {
  const med = (mode: Mode): number => median(m.runs[mode].map((r) => r.ms));
  const rss = (mode: Mode): number => Math.max(...m.runs[mode].map((r) => r.rss));
  const mb = m.size / 1048576;
  console.log(`\n${fmt(m.cases)} cases, ${mb.toFixed(1)} MiB, median of ${m.runs.floor.length} interleaved rounds:`);
  console.log(`  ${'path'.padEnd(52)} ${'time'.padStart(9)} ${'MiB/s'.padStart(7)} ${'cases/s'.padStart(10)} ${'× floor'.padStart(8)} ${'× saxes'.padStart(8)} ${'peak RSS'.padStart(9)}`);
  for (const mode of MODES) {
    const t = med(mode);
    console.log(
      `  ${NAMES[mode].padEnd(52)} ${`${(t / 1000).toFixed(2)} s`.padStart(9)} ${(mb / (t / 1000)).toFixed(1).padStart(7)} ${fmt(m.cases / (t / 1000)).padStart(10)} ${(t / med('floor')).toFixed(2).padStart(8)} ${(t / med('saxes')).toFixed(2).padStart(8)} ${mib(rss(mode)).padStart(9)}`,
    );
  }
  const toSaxes = med('audit') / med('saxes');
  const toFloor = med('audit') / med('floor');
  const startup = median(m.runs.audit.map((r) => r.wall - r.ms));
  console.log(`  (the CLI's time is its process's wall time, node's start and the JSON output included; a child's start costs about ${(startup / 1000).toFixed(2)} s)`);
  console.log(`  sax / saxes: ${(med('sax') / med('saxes')).toFixed(2)}× — the library parses with saxes`);
  const good = toSaxes <= 1.5 && toFloor <= 6;
  console.log(`  target audit ≤ 1.5 × saxes: ${toSaxes.toFixed(2)} ${toSaxes <= 1.5 ? 'ok' : 'MISSED'}; ≤ 6 × floor: ${toFloor.toFixed(2)} ${toFloor <= 6 ? 'ok' : 'MISSED'}`);
  return good;
}

function rssOnly(cases: number, dir: string): Record<Mode, number> {
  console.log(`\nPeak RSS at ${fmt(cases)} cases (one run each)…`);
  const { file, size } = writeRegister(cases, dir);
  const out = Object.fromEntries(MODES.map((mode) => [mode, runChild(mode, file, dir).rss])) as Record<Mode, number>;
  console.log(`  ${(size / 1048576).toFixed(1)} MiB: ${MODES.map((mode) => `${mode} ${mib(out[mode])}`).join(', ')}`);
  rmSync(file, { force: true });
  return out;
}

if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist', 'registry', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'oms-calc-registry-bench-'));
let ok = true;
try {
  console.log(`Registry benchmark: node ${process.version}, peak RSS ${TIME === undefined ? 'from process.resourceUsage()' : 'from process.resourceUsage() (CLI: /usr/bin/time)'}`);
  const small = rssOnly(Math.max(1, Math.round(N / 10)), dir);
  const { m, ok: agreed } = measure(N, ROUNDS, dir);
  ok = report(m) && agreed;
  const sizes: [number, Record<Mode, number>][] = [[Math.round(N / 10), small], [N, Object.fromEntries(MODES.map((mode) => [mode, Math.max(...m.runs[mode].map((r) => r.rss))])) as Record<Mode, number>]];
  if (LARGE) sizes.push([N * 10, rssOnly(N * 10, dir)]);
  console.log('\nPeak RSS by size (target < 200 MiB and flat):');
  for (const mode of MODES) console.log(`  ${NAMES[mode].padEnd(52)} ${sizes.map(([n, r]) => `${fmt(n)}: ${mib(r[mode])}`).join('  ')}`);
  const peak = Math.max(...sizes.flatMap(([, r]) => [r.audit, r.cli]));
  const flat = Math.max(...sizes.map(([, r]) => r.audit)) / Math.min(...sizes.map(([, r]) => r.audit));
  console.log(`  audit and CLI peak ${mib(peak)} ${peak < 200 * 1024 ? 'ok' : 'MISSED'}; audit's largest / smallest ${flat.toFixed(2)}×${LARGE ? '' : ' (add --large for 2,000,000 cases)'}`);
  ok &&= peak < 200 * 1024;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (!ok) {
  console.error('\nregistry bench: a target was missed or the totals disagree');
  process.exitCode = 1;
}
