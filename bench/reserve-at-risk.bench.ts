/**
 * Speed of the Monte Carlo simulation of `reserveAtRisk`: 10⁶ runs through the library against a
 * hand-written plain-number loop that makes the same draws (xoshiro128** seeded by SplitMix64,
 * the same thresholds), adds the same terms, sorts and reads off the same quantiles, in the same
 * process. Target: the library takes at most 3× the loop's time. Both sort the sums, as a value at
 * risk needs; the loop's draws and sums alone are timed too, for reference.
 *
 * Run: npx tsx bench/reserve-at-risk.bench.ts [runs]
 * Not part of `npm test`.
 */
import { reserveAtRisk, type ReserveAtRiskInput } from 'oms-calc/reserve';

const RUNS = Number(process.argv[2] ?? 1_000_000);
const SEED = 20_110_707;
const LEVELS = ['0.9', '0.95', '0.99'] as const;
const REPEATS = 7;

/** A fund year of five scenarios per risk (probabilities in steps of 0.0001, money in kopecks). */
const input: ReserveAtRiskInput = {
  income: [
    { value: '28700000000.00', probability: '0.0500' },
    { value: '29300000000.00', probability: '0.1500' },
    { value: '30000000000.00', probability: '0.5000' },
    { value: '30400000000.00', probability: '0.2200' },
    { value: '30900000000.00', probability: '0.0800' },
  ],
  ambulatory: {
    scenarios: [
      { value: '10000000', probability: '0.1000' },
      { value: '10200000', probability: '0.2000' },
      { value: '10500000', probability: '0.4000' },
      { value: '11000000', probability: '0.2000' },
      { value: '11600000', probability: '0.1000' },
    ],
    unitCost: '620.40',
  },
  inpatient: {
    scenarios: [
      { value: '176000', probability: '0.1000' },
      { value: '180000', probability: '0.2500' },
      { value: '186000', probability: '0.4000' },
      { value: '195000', probability: '0.2000' },
      { value: '204000', probability: '0.0500' },
    ],
    unitCost: '48950.00',
  },
  dayHospital: {
    scenarios: [
      { value: '50000', probability: '0.1500' },
      { value: '52000', probability: '0.2500' },
      { value: '55000', probability: '0.4000' },
      { value: '58500', probability: '0.1500' },
      { value: '61000', probability: '0.0500' },
    ],
    unitCost: '27300.00',
  },
  payables: '18553440.00',
  levels: [...LEVELS],
  method: 'monte-carlo',
  runs: RUNS,
  seed: SEED,
};

// ---- the hand-written loop: plain numbers throughout -------------------------------------------

interface PlainSet {
  terms: number[]; // kopecks, whole numbers
  thresholds: number[]; // ⌊cumulative probability · 2³²⌋
}

const toUnits = (s: string, places: number): number => {
  const [int = '0', frac = ''] = s.split('.');
  return Number(int + frac.padEnd(places, '0').slice(0, places));
};

function plainSets(): { sets: PlainSet[]; constant: number } {
  const thresholdsOf = (ps: string[]): number[] => {
    let cum = 0;
    return ps.map((p) => {
      cum += toUnits(p, 4);
      return Math.floor((cum * 4294967296) / 10000);
    });
  };
  const inc = input.income;
  const sets: PlainSet[] = [
    { terms: inc.map((s) => -toUnits(String(s.value), 2)), thresholds: thresholdsOf(inc.map((s) => String(s.probability))) },
  ];
  let constant = inc.reduce((a, s) => a + Number(s.value) * Number(s.probability), 0);
  for (const care of [input.ambulatory, input.inpatient, input.dayHospital]) {
    const cost = toUnits(String(care.unitCost), 2);
    sets.push({
      terms: care.scenarios.map((s) => toUnits(String(s.value), 0) * cost),
      thresholds: thresholdsOf(care.scenarios.map((s) => String(s.probability))),
    });
    constant -= care.scenarios.reduce((a, s) => a + Number(s.value) * Number(s.probability), 0) * Number(care.unitCost);
  }
  constant += Number(input.payables);
  return { sets, constant };
}

function handLoop(sets: PlainSet[], constant: number, runs: number, seed: number, drawsOnly = false): { valueAtRisk: number[]; tailValueAtRisk: number[] } {
  // SplitMix64 → xoshiro128** state
  const mask = (1n << 64n) - 1n;
  let x = BigInt(seed);
  const st: number[] = [];
  for (let k = 0; k < 2; k++) {
    x = (x + 0x9e3779b97f4a7c15n) & mask;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    z ^= z >> 31n;
    st.push(Number(z & 0xffffffffn) | 0, Number(z >> 32n) | 0);
  }
  let [s0, s1, s2, s3] = st as [number, number, number, number];
  const out = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    let sum = 0;
    for (let j = 0; j < 4; j++) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const set = sets[j] as PlainSet;
      let k = 0;
      while (r >= (set.thresholds[k] as number)) k++;
      sum += set.terms[k] as number;
    }
    out[i] = sum;
  }
  if (drawsOnly) return { valueAtRisk: [out[runs - 1] as number], tailValueAtRisk: [] };
  out.sort();
  const valueAtRisk: number[] = [];
  const tailValueAtRisk: number[] = [];
  for (const level of LEVELS) {
    const alpha = Number(level);
    const k = Math.ceil(alpha * runs);
    const s = constant + (out[k - 1] as number) / 100;
    let excess = 0;
    for (let i = k; i < runs; i++) excess += constant + (out[i] as number) / 100 - s;
    valueAtRisk.push(Math.max(0, s));
    tailValueAtRisk.push(Math.max(0, s + excess / runs / (1 - alpha)));
  }
  return { valueAtRisk, tailValueAtRisk };
}

// ---- measurement --------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const value = f();
  return [performance.now() - t0, value];
}

const { sets, constant } = plainSets();
let libraryResult = reserveAtRisk(input);
let loopResult = handLoop(sets, constant, RUNS, SEED);
const libraryTimes: number[] = [];
const loopTimes: number[] = [];
const drawTimes: number[] = [];
for (let i = 0; i < REPEATS; i++) {
  const [tl, l] = time(() => reserveAtRisk(input));
  const [th, h] = time(() => handLoop(sets, constant, RUNS, SEED));
  const [td] = time(() => handLoop(sets, constant, RUNS, SEED, true));
  libraryTimes.push(tl);
  loopTimes.push(th);
  drawTimes.push(td);
  libraryResult = l;
  loopResult = h;
}

const lib = median(libraryTimes);
const loop = median(loopTimes);
const perSecond = (ms: number): string => Math.round((RUNS / ms) * 1000).toLocaleString('en-US');
console.log(`reserveAtRisk Monte Carlo, ${RUNS.toLocaleString('en-US')} runs, seed ${SEED}, median of ${REPEATS} (node ${process.version})`);
console.log(`  library          ${lib.toFixed(1).padStart(8)} ms   ${perSecond(lib).padStart(12)} runs/s`);
console.log(`  hand-written loop${loop.toFixed(1).padStart(8)} ms   ${perSecond(loop).padStart(12)} runs/s`);
console.log(`  ratio library / loop: ${(lib / loop).toFixed(2)}× (target ≤ 3×)`);
const draws = median(drawTimes);
console.log(`  (for reference: the loop's draws and sums alone, without the sort and the quantiles, ${draws.toFixed(1)} ms, ${perSecond(draws)} runs/s)`);
console.log('  same draws — VaR / TVaR, library (exact) vs loop (floats):');
libraryResult.levels.forEach((l, i) => {
  const v = loopResult.valueAtRisk[i] as number;
  const tv = loopResult.tailValueAtRisk[i] as number;
  const agree = Math.abs(Number(l.valueAtRisk.toString()) - v) < 0.01 && Math.abs(Number(l.tailValueAtRisk.toString()) - tv) < 1;
  console.log(`    ${l.level.toString().padEnd(5)} ${l.valueAtRisk.toString()} / ${l.tailValueAtRisk.toString()}   vs   ${v.toFixed(2)} / ${tv.toFixed(2)}   ${agree ? 'agree' : 'DIFFER'}`);
});
if (lib / loop > 3) process.exitCode = 1;
