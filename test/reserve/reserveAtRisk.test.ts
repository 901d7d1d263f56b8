import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { reserveAtRisk, ReserveAtRiskInputSchema, reserveAtRiskDefaults, type ReserveAtRiskInput } from '../../src/reserve';
import { fillUint32, seedState } from '../../src/reserve/prng';
import { computeReserveAtRisk } from '../../src/reserve/reserveAtRisk';
import { UnitSample } from '../../src/reserve/riskSample';
import { failure } from '../errors';
import { figures, twoTwoPointRisks } from './fixtures';


/** Two independent two-point risks (the golden example): atoms −12e6 (0.4), −2e6 (0.1), 8e6 (0.4), 18e6 (0.1). */
const base: ReserveAtRiskInput = twoTwoPointRisks;



/** n scenarios with distinct values and probabilities 1/n (n a divisor of 10 000). */
const uniform = (n: number, start: number, step: number) =>
  Array.from({ length: n }, (_, i) => ({ value: String(start + i * step), probability: String(1 / n) }));

describe('reserveAtRisk — input', () => {
  it.each([
    [{ levels: [] }, ['levels'], 'at least one level is needed'],
    [{ levels: ['0'] }, ['levels', 0], 'must be greater than 0, got 0'],
    [{ levels: ['0.5', '1'] }, ['levels', 1], 'must be less than 1, got 1'],
    [{ levels: ['1.5'] }, ['levels', 0], 'must be less than 1, got 1.5'],
    [{ levels: ['95%'] }, ['levels', 0], 'expected a plain decimal string such as "1234.56", got "95%"'],
    [{ seed: -1 }, ['seed'], 'must be at least 0, got -1'],
    [{ seed: 1.5 }, ['seed'], 'must be a whole number, got 1.5'],
    [{ seed: '7' }, ['seed'], 'expected a seed: a whole number, got string'],
    [{ runs: 0 }, ['runs'], 'must be at least 1, got 0'],
    [{ runs: 10_000_001 }, ['runs'], 'must be at most 10000000, got 10000001'],
  ])('%j is refused at its path', (patch, path, message) => {
    const e = failure(() => reserveAtRisk({ ...base, ...patch } as never));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([{ path, message }]);
  });

  it('refuses a missing level list, an unknown method and unknown keys, one issue each', () => {
    const { levels: _levels, ...rest } = base;
    const e = failure(() => reserveAtRisk({ ...rest, method: 'fast', confidence: 0.95 } as never));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['levels'], ['method'], []]));
    expect(e.issues).toHaveLength(3);
    expect(e.message).toMatch(/^reserveAtRisk: invalid input: /);
  });

  it('checks the probabilities like reserveSize', () => {
    const e = failure(() =>
      reserveAtRisk({ ...base, income: [{ value: '1', probability: '0.5' }, { value: '2', probability: '0.4' }] }),
    );
    expect(e.code).toBe('PROBABILITIES_DO_NOT_SUM_TO_ONE');
    expect(e.issues).toMatchObject([{ path: ['income'], message: 'probabilities sum to 0.9, not 1' }]);
  });

  it('refuses exact enumeration of more than 10⁶ combinations, counting only non-zero probabilities', () => {
    const big = { ...base, income: uniform(125, 1000, 1), ambulatory: { scenarios: uniform(100, 0, 1), unitCost: '1' }, inpatient: { scenarios: uniform(100, 0, 1), unitCost: '1' } };
    const e = failure(() => reserveAtRisk({ ...big, method: 'exact' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([
      {
        path: ['method'],
        message: "exact enumeration takes at most 1000000 combinations of scenarios with non-zero probability, got 125 × 100 × 100 × 1 = 1250000; use 'monte-carlo' or 'auto'",
      },
    ]);
    // 'auto' simulates instead, with the default seed
    const auto = reserveAtRisk({ ...big, runs: 1000 });
    expect(auto.method).toBe('monte-carlo');
    expect(auto.simulation).toEqual({ runs: 1000, seed: 1 });
  });

  it('enumerates exactly at the limit of 10⁶, and zero-probability scenarios do not count', () => {
    // 100 × 100 × 100 × 1 = 10⁶ combinations; the values coincide within each set, so the law is small
    const flat = (n: number) => [...Array.from({ length: n }, () => ({ value: '5', probability: String(1 / n) })), { value: '9', probability: '0' }];
    const r = reserveAtRisk({
      ...base,
      income: flat(100),
      ambulatory: { scenarios: flat(100), unitCost: '1' },
      inpatient: { scenarios: flat(100), unitCost: '1' },
    });
    expect(r.method).toBe('exact');
    expect(r.trace.find((s) => s.symbol === 'Метод')?.formula).toContain('100 × 100 × 100 × 1 = 1000000');
  });
});

describe('reserveAtRisk — methods and trace', () => {
  it('the trace states the method, the runs and the seed', () => {
    const m = reserveAtRisk({ ...base, method: 'monte-carlo', runs: 2000, seed: 5 });
    const step = (symbol: string) => m.trace.find((s) => s.symbol === symbol);
    expect(step('Метод')?.value).toBe('monte-carlo');
    expect(step('Метод')?.formula).toContain('xoshiro128**');
    expect(step('Число прогонов')?.value).toBe('2000');
    expect(step('Зерно ГПСЧ')?.value).toBe('5');
    expect(m.simulation).toEqual({ runs: 2000, seed: 5 });

    const d = reserveAtRisk({ ...base, method: 'monte-carlo' });
    expect(d.simulation).toEqual({ runs: reserveAtRiskDefaults.runs, seed: reserveAtRiskDefaults.seed });
    expect(d.trace.find((s) => s.symbol === 'Число прогонов')).toMatchObject({ value: '100000', formula: 'runs (по умолчанию)' });

    const e = reserveAtRisk({ ...base, seed: 5, runs: 7 });
    expect(e.method).toBe('exact');
    expect(e.simulation).toBeNull();
    expect(e.trace.find((s) => s.symbol === 'Метод')?.value).toBe('exact');
    expect(e.trace.some((s) => s.symbol === 'Зерно ГПСЧ')).toBe(false);
  });

  it('the trace includes the normative computation and cites the paper in every step', () => {
    const r = reserveAtRisk(base);
    expect(r.trace.find((s) => s.symbol === 'НСЗ')?.value).toBe('14000000');
    expect(r.trace.find((s) => s.symbol === 'VaR(0.75)')?.formula).toContain('P(Д ≤ s) = 0.9, P(Д < s) = 0.5');
    for (const s of r.trace) expect(s.source).toMatch(/^Степанов, Головщинский \(2011\), раздел 3/);
  });

  it('serialises to JSON with Decimals as strings', () => {
    const json = JSON.parse(JSON.stringify(reserveAtRisk(base))) as Record<string, unknown>;
    expect(json['levels']).toContainEqual({ level: '0.75', valueAtRisk: '8000000', tailValueAtRisk: '12000000' });
    expect(json['normative']).toEqual({ total: '14000000', coverage: '0.9' });
  });

  it('accepts levels as numbers and Decimals, and keeps their order', () => {
    const r = reserveAtRisk({ ...base, levels: [0.95, new Decimal('0.75'), '0.9'] });
    expect(r.levels.map((l) => [l.level.toString(), l.valueAtRisk.toString()])).toEqual([
      ['0.95', '18000000'],
      ['0.75', '8000000'],
      ['0.9', '8000000'],
    ]);
  });

  it('the schema validates a JSON input before the call', () => {
    expect(ReserveAtRiskInputSchema.safeParse(base).success).toBe(true);
    expect(ReserveAtRiskInputSchema.safeParse({ ...base, levels: ['1'] }).success).toBe(false);
  });
});

describe('reserveAtRisk — the seeded simulation', () => {
  const input = { ...base, method: 'monte-carlo' as const, runs: 10_000, seed: 42 };

  it('agrees with a count of the same draws made by hand', () => {
    // Run r takes the numbers 4r … 4r+3 of xoshiro128** (seed 42): income, ambulatory, inpatient,
    // day hospital. Thresholds ⌊cumulative p · 2³²⌋: income 0.5 → 2³¹; inpatient 0.8 → 3 435 973 836.
    const state = seedState(42);
    const draws = new Uint32Array(4 * 10_000);
    fillUint32(state, draws);
    const count = { '-12': 0, '-2': 0, '8': 0, '18': 0 };
    for (let r = 0; r < 10_000; r++) {
      const high = (draws[4 * r] as number) >= 2 ** 31; // income 80e6: ДБ_МО − ДБ = +10e6
      const more = (draws[4 * r + 2] as number) >= 3_435_973_836; // 1 200 cases: +8e6
      count[high ? (more ? '18' : '8') : more ? '-2' : '-12']++;
    }
    const m = reserveAtRisk(input);
    // VaR(0.75) and VaR(0.9): the atom 8e6 is where the running count first reaches α·n
    const upTo8 = count['-12'] + count['-2'] + count['8'];
    expect(upTo8 / 10_000).toBeGreaterThanOrEqual(0.9);
    expect(m.levels[2]?.valueAtRisk.toString()).toBe('8000000');
    // TVaR(0.9) = (count18·18e6 + (upTo8 − 9 000)·8e6) / 1 000
    const tvar90 = new Decimal(count['18']).times(18e6).plus(new Decimal(upTo8 - 9000).times(8e6)).div(1000);
    expect(m.levels[3]?.tailValueAtRisk.toString()).toBe(tvar90.toDecimalPlaces(2).toString());
    // coverage of НСЗ = 14e6: every atom but 18e6
    expect(m.normative.coverage.toString()).toBe(new Decimal(upTo8).div(10_000).toString());
    // M[max(0, Д)] = (count8·8e6 + count18·18e6) / n
    expect(m.expectedShortfall.toString()).toBe(new Decimal(count['8'] * 8e6 + count['18'] * 18e6).div(10_000).toDecimalPlaces(2).toString());
  });

  it('pins the figures of seed 42, the same on every runtime', () => {
    const m = reserveAtRisk(input);
    expect(figures(m)).toEqual({
      method: 'monte-carlo',
      levels: [
        { level: '0.3', valueAtRisk: '0', tailValueAtRisk: '5018571.43' },
        { level: '0.5', valueAtRisk: '0', tailValueAtRisk: '9814000' },
        { level: '0.75', valueAtRisk: '8000000', tailValueAtRisk: '11832000' },
        { level: '0.9', valueAtRisk: '8000000', tailValueAtRisk: '17580000' },
        { level: '0.95', valueAtRisk: '18000000', tailValueAtRisk: '18000000' },
      ],
      expectedShortfall: '4917200',
      normative: { total: '14000000', coverage: '0.9042' },
      simulation: { runs: 10_000, seed: 42 },
    });
  });

  it('another seed draws another sample', () => {
    const a = reserveAtRisk(input).normative.coverage.toString();
    const b = reserveAtRisk({ ...input, seed: 43 }).normative.coverage.toString();
    expect(a).not.toBe(b);
  });

  it('sums held as BigInts give the same figures as sums held as doubles', () => {
    const parsed = ReserveAtRiskInputSchema.parse(input);
    expect(figures(computeReserveAtRisk(parsed, { representation: 'bigint' }))).toEqual(figures(computeReserveAtRisk(parsed, { representation: 'number' })));
  });

  it('stays exact when the sums exceed 2⁵³: BigInt sums, the same draws as doubles', () => {
    // Income values near 10¹⁷ with kopecks (inputs stay below 10¹⁸ ₽): sums of 10¹⁹ kopecks,
    // beyond what a double holds exactly (2⁵³ ≈ 9·10¹⁵).
    const huge = {
      ...base,
      income: [
        { value: '100000000000000000.01', probability: '0.5' },
        { value: '100000000000000000.00', probability: '0.5' },
      ],
      levels: ['0.6'],
    };
    // ДБ_МО = 1e17 + 0.005; Д = ДБ_МО − ДБ + inpatient term: ±0.005 + (−2e6 | 8e6)
    // atoms −2 000 000.005 (0.4), −1 999 999.995 (0.4), 7 999 999.995 (0.1), 8 000 000.005 (0.1)
    // α = 0.6: VaR = −1 999 999.995 → 0; TVaR = worst 0.4: 0.1·7 999 999.995 + 0.1·8 000 000.005
    //   + 0.2·(−1 999 999.995) = 1 600 000 − 399 999.999 = 1 200 000.001; / 0.4 = 3 000 000.0025 → 3 000 000.00
    expect(reserveAtRisk(huge).levels[0]?.tailValueAtRisk.toString()).toBe('3000000');
    // Lowering every income scenario by 10¹⁷ lowers ДБ_МО by as much: every shortfall is unchanged,
    // and the small values are summed as doubles. The same seed must give the same figures.
    const small = { ...huge, income: [{ value: '0.01', probability: '0.5' }, { value: '0', probability: '0.5' }] };
    const mc = { method: 'monte-carlo' as const, runs: 20_000, seed: 3, levels: ['0.3', '0.6', '0.95'] };
    const a = reserveAtRisk({ ...huge, ...mc });
    const b = reserveAtRisk({ ...small, ...mc });
    expect(a.levels).toEqual(b.levels);
    expect(a.expectedShortfall.toString()).toBe(b.expectedShortfall.toString());
    expect(a.normative.coverage.toString()).toBe(b.normative.coverage.toString());
  });
});

describe('the exact sums of a simulated sample', () => {
  it('carries the remainders before they outgrow 2⁵³', () => {
    // 2²² values of 2³² − 1 (remainder parts at their largest) and 2²² of 2⁵³ − 1:
    // the remainders alone add up to 2⁵⁴ − 2²², beyond what a double holds exactly.
    const n = 2 ** 22;
    const values = new Float64Array(2 * n);
    values.fill(2 ** 32 - 1, 0, n);
    values.fill(Number.MAX_SAFE_INTEGER, n);
    const sample = new UnitSample(values);
    const expected = BigInt(n) * (2n ** 32n - 1n) + BigInt(n) * BigInt(Number.MAX_SAFE_INTEGER);
    expect(sample.above(0n)).toEqual({ weight: BigInt(2 * n), sum: expected });
    expect(sample.above(2n ** 32n)).toEqual({ weight: BigInt(n), sum: BigInt(n) * BigInt(Number.MAX_SAFE_INTEGER) });
  });
});

describe('a seed of -0', () => {
  it('is the seed 0: no result carries a negative zero', () => {
    const r = reserveAtRisk({ ...base, levels: ['0.95'], method: 'monte-carlo', runs: 1000, seed: -0 });
    expect(Object.is(r.simulation?.seed, 0)).toBe(true);
    expect(JSON.stringify(r.levels)).toBe(JSON.stringify(reserveAtRisk({ ...base, levels: ['0.95'], method: 'monte-carlo', runs: 1000, seed: 0 }).levels));
  });
});

describe('levels with many digits', () => {
  it('are compared exactly with the cumulative probabilities', () => {
    // P(Д ≤ 8e6) = 0.9 exactly: a level just above it, by 10⁻⁶⁰, moves VaR to the next atom
    const tiny = `0.9${'0'.repeat(59)}1`;
    const r = reserveAtRisk({ ...base, levels: ['0.9', tiny] });
    expect(r.levels.map((l) => l.valueAtRisk.toString())).toEqual(['8000000', '18000000']);
  });
});
