import { describe, expect, it } from 'vitest';
import { isOmsCalcError, reserveSize, ReserveSizeInputSchema, type OmsCalcError, type ReserveSizeInput } from '../../src/reserve';

const one = (value: string) => [{ value, probability: '1' }];
const valid: ReserveSizeInput = {
  income: [{ value: '100', probability: '0.5' }, { value: '300', probability: '0.5' }],
  ambulatory: { scenarios: one('10'), unitCost: '1' },
  inpatient: { scenarios: one('10'), unitCost: '1' },
  dayHospital: { scenarios: one('10'), unitCost: '1' },
  payables: '0',
};

function failure(input: unknown): OmsCalcError {
  try {
    reserveSize(input as ReserveSizeInput);
  } catch (e) {
    if (isOmsCalcError(e)) return e;
    throw e;
  }
  throw new Error('expected an OmsCalcError');
}

describe('reserveSize input rules', () => {
  it('amounts and volumes are capped below 10¹⁸, so the total is always the sum of its components', () => {
    // an income scenario of 10⁴⁰ with payables of 0.01 used to give a total ≠ Σ components (40 digits)
    const e = failure({ ...valid, income: [{ value: `1${'0'.repeat(40)}`, probability: '1' }], payables: '0.01' });
    expect(e.issues).toMatchObject([{ path: ['income', 0, 'value'], message: `must be at most 999999999999999999.99, got 1${'0'.repeat(40)}` }]);
    const top = reserveSize({ ...valid, income: [{ value: '999999999999999999.99', probability: '0.5' }, { value: '0', probability: '0.5' }], payables: '0.01' });
    const c = top.components;
    expect(top.total.eq(c.income.plus(c.ambulatory).plus(c.inpatient).plus(c.dayHospital).plus(c.payables))).toBe(true);
  });

  it('probabilities that do not sum to 1: own code, message with the sum', () => {
    const e = failure({ ...valid, income: [{ value: '1', probability: '0.3' }, { value: '2', probability: '0.6' }] });
    expect(e.code).toBe('PROBABILITIES_DO_NOT_SUM_TO_ONE');
    expect(e.message).toBe('reserveSize: income: probabilities sum to 0.9, not 1');
    expect(e.issues).toMatchObject([{ path: ['income'], message: 'probabilities sum to 0.9, not 1' }]);
  });

  it('0.1 + 0.2 + 0.7 is exactly 1 (no float drift), even given as numbers', () => {
    const r = reserveSize({ ...valid, income: [{ value: 1, probability: 0.1 }, { value: 2, probability: 0.2 }, { value: 3, probability: 0.7 }] });
    expect(r.expected.income.toString()).toBe('2.6');
  });

  it('reports one issue per problem in every scenario set', () => {
    const e = failure({
      ...valid,
      income: [{ value: '-5', probability: '1.5' }],
      inpatient: { scenarios: [], unitCost: '-1' },
    });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([
      { path: ['income', 0, 'value'], message: 'must be at least 0, got -5' },
      { path: ['income', 0, 'probability'], message: 'must be at most 1, got 1.5' },
      { path: ['inpatient', 'scenarios'], message: 'at least one scenario is needed' },
      { path: ['inpatient', 'unitCost'], message: 'must be at least 0, got -1' },
    ]);
  });

  it('a negative probability is invalid input, not a probability-sum error', () => {
    const e = failure({ ...valid, income: [{ value: '1', probability: '-0.5' }, { value: '1', probability: '1.5' }] });
    expect(e.code).toBe('INVALID_INPUT');
  });

  it('payables: a negative amount or a bad group', () => {
    expect(failure({ ...valid, payables: '-1' }).issues).toMatchObject([{ path: ['payables'], message: 'must be at least 0, got -1' }]);
    expect(failure({ ...valid, payables: { groups: [{ volume: '1', tariff: 'x', cost: '2' }] } }).issues).toMatchObject([
      { path: ['payables', 'groups', 0, 'tariff'], message: 'expected a plain decimal string such as "1234.56", got "x"' },
    ]);
  });

  it('rejects unknown fields (a typo must not be ignored silently)', () => {
    const e = failure({ ...valid, deviaton: 'downside' });
    expect(e.issues).toMatchObject([{ path: [], message: 'Unrecognized key: "deviaton"' }]);
  });

  it('rejects an unknown deviation kind', () => {
    expect(failure({ ...valid, deviation: 'semi' }).issues[0]?.path).toEqual(['deviation']);
  });

  it('the schema is usable on its own, outputting Decimals', () => {
    const parsed = ReserveSizeInputSchema.safeParse(valid);
    expect(parsed.success).toBe(true);
    expect(ReserveSizeInputSchema.safeParse({}).success).toBe(false);
  });

  it('the trace names every term with its source', () => {
    const r = reserveSize(valid);
    const symbols = r.trace.map((s) => s.symbol);
    for (const symbol of ['ДБ_МО', 'ОДБ', 'ОАП', 'ОС', 'ОСЗ', 'КЗ', 'НСЗ']) expect(symbols).toContain(symbol);
    for (const s of r.trace) expect(s.source).toMatch(/^Степанов, Головщинский \(2011\), раздел 3/);
    expect(r.trace.at(-1)).toEqual({
      symbol: 'НСЗ',
      formula: 'ОДБ + ОАП·Цап + ОС·Цс + ОСЗ·Цсз + КЗ = 100 + 0 + 0 + 0 + 0',
      value: '100',
      source: 'Степанов, Головщинский (2011), раздел 3, итоговая формула НСЗ',
    });
  });

  it('results serialise to JSON with decimal strings', () => {
    const json = JSON.parse(JSON.stringify(reserveSize(valid))) as { total: unknown; components: Record<string, unknown> };
    expect(json.total).toBe('100');
    expect(json.components['income']).toBe('100');
  });
});
