import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { smoIndicators, SmoIndicatorsInputSchema } from '../../src/smo-rating';
import { failure as fail } from '../errors';

const full = {
  reliableInsured: 990, insured: 1_000,
  appealsResolved: 9, appeals: 10,
  screeningCompleted: 50, screeningInformed: 100,
  dispensaryCompleted: 30, dispensaryInformed: 40,
  complaintsPreTrial: 3, complaintsInCourt: 1, complaints: 5,
  complaintsAgainstSmo: 0,
  advanceRequestsCompliant: 12, advanceRequests: 12,
  unclosedAdvances: '100000.00', invoicedTotal: '1200000.00',
  qualityReviewsConfirmed: 8, qualityReviewsRechecked: 10,
  conclusionsUpheld: 1, moClaims: 2,
};

describe('smoIndicators — the formulas (decision D6)', () => {
  it('each indicator in percent', () => {
    // 99, 90, 50, 75, 80, 100, 100; 8: (1 − (1/12 − 1/12)) × 100 = 100; 80, 50
    const r = smoIndicators({ quarter: 3, data: full });
    expect(r.indicators.map((i) => i.value.toString())).toEqual(['99', '90', '50', '75', '80', '100', '100', '100', '80', '50']);
    expect(r.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // mean = 824 / 10 = 82.4
    expect(r.scoreExact.toString()).toBe('82.4');
  });

  it('names are those of the order', () => {
    const r = smoIndicators({ quarter: 3, data: full });
    expect(r.indicators[0]?.name).toBe('Ведение персонифицированного учета сведений о застрахованных лицах');
    expect(r.indicators[5]?.name).toBe('Эффективность защиты прав застрахованных лиц');
  });

  it('indicator 6 is complaints per 100 000 insured subtracted from 100, and may be negative', () => {
    // 100 − 2 × 100 000 / 1 000 = 100 − 200 = −100
    const r = smoIndicators({ quarter: 2, data: { insured: 1_000, complaintsAgainstSmo: 2, reliableInsured: 1_000 } });
    expect(r.indicators[5]?.value.toString()).toBe('-100');
    // a negative indicator is not 0, so it counts in the mean (п. 9 leaves out only 0):
    // (100 + (−100)) / 2 = 0
    expect(r.scoreExact.toString()).toBe('0');
  });

  it('rounds half away from zero, also below zero', () => {
    // 100 − 11 234 565 × 100 000 / 10¹⁰ = 100 − 112.34565 = −12.34565 → −12.3457
    const r = smoIndicators({ quarter: 2, data: { insured: '10000000000', complaintsAgainstSmo: '11234565' } });
    expect(r.indicators[5]?.value.toString()).toBe('-12.3457');
    // 1 × 100 / 16 = 6.25; 1 × 100 / 32 = 3.125; 1 × 100 / 160 000 = 0.000625 → 0.0006
    const s = smoIndicators({ quarter: 2, data: { appealsResolved: 1, appeals: 160_000 } });
    expect(s.indicators[1]?.value.toString()).toBe('0.0006');
    // 0.00005 → 0.0001: 1 × 100 / 2 000 000
    const t = smoIndicators({ quarter: 2, data: { appealsResolved: 1, appeals: 2_000_000 } });
    expect(t.indicators[1]?.value.toString()).toBe('0.0001');
  });

  it('a value that rounds to zero from below is 0, not -0, and stays out of the mean', () => {
    // 100 − 10 000 001 × 100 000 / 10¹⁰ = 100 − 100.00001 = −0.00001 → 0 (4 places)
    const r = smoIndicators({ quarter: 2, data: { insured: '10000000000', complaintsAgainstSmo: '10000001' } });
    expect(r.indicators[5]).toMatchObject({ computed: true, status: 'computed' });
    expect(JSON.stringify(r.indicators[5]?.value)).toBe('"0"');
    expect(JSON.stringify(r.scoreExact)).toBe('"0"');
  });

  it('indicator 8 can fall below 0', () => {
    // Q2: ДТ / СЧпо = 2.5; (1 − (2.5 − 1/12)) × 100 = −141.666… → −141.6667
    const r = smoIndicators({ quarter: 2, data: { unclosedAdvances: '250', invoicedTotal: '100' } });
    expect(r.indicators[7]?.value.toString()).toBe('-141.6667');
  });

  it('the score to 1 place is the 4-place score rounded half up', () => {
    // 12.25 → 12.3 (half up), via one indicator: 49 × 100 / 400 = 12.25
    const r = smoIndicators({ quarter: 2, data: { appealsResolved: 49, appeals: 400 } });
    expect(r.scoreExact.toString()).toBe('12.25');
    expect(r.score.toString()).toBe('12.3');
  });
});

describe('smoIndicators — data not submitted, missing data, zero denominators (пункты 2–4, 7, 9)', () => {
  it('a missing figure other than ДТ and СЧпо makes its indicator not computable, citing пункты 2, 3', () => {
    const r = smoIndicators({ quarter: 2, data: { appeals: 10, complaintsPreTrial: 1, complaints: 3 } });
    expect(r.indicators[1]).toMatchObject({ computed: false, status: 'missing-data' });
    expect(r.indicators[1]?.reason).toBe(
      'нет сведений (КСЭрез): показатель не может быть рассчитан, значение 0; эти сведения территориальный фонд получает из источников пункта 3, а не от СМО по пункту 4, поэтому пункт 7 к ним не применяется (приложение 1, пункты 2, 3)',
    );
    expect(r.indicators[4]?.reason).toContain('(КОЖсуд)');
    expect(r.trace.find((s) => s.symbol === 'Показатель 2')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункты 2, 3');
    expect(r.notSubmittedIndicators).toEqual([8]);
  });

  it('a missing ДТ or СЧпо marks indicator 8 not submitted, citing пункты 4, 7', () => {
    for (const data of [{ invoicedTotal: '100' }, { unclosedAdvances: '100' }, {}]) {
      const r = smoIndicators({ quarter: 3, data });
      expect(r.indicators[7]).toMatchObject({ computed: false, status: 'not-submitted' });
      expect(r.indicators[7]?.value.toString()).toBe('0');
      expect(r.trace.find((s) => s.symbol === 'Показатель 8')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункты 4, 7');
    }
    expect(smoIndicators({ quarter: 3, data: { invoicedTotal: '100' } }).indicators[7]?.reason).toBe(
      'СМО не представила сведения пункта 4 (ДТ): показатель учитывается с нулевым значением (приложение 1, пункты 4, 7)',
    );
    expect(smoIndicators({ quarter: 3, data: {} }).indicators[7]?.reason).toContain('(ДТ, СЧпо)');
    expect(smoIndicators({ quarter: 3, data: { unclosedAdvances: '1', invoicedTotal: '100' } }).notSubmittedIndicators).toEqual([]);
  });

  it('an explicit undefined is the same as an absent field', () => {
    const a = smoIndicators({ quarter: 2, data: { appeals: 10, appealsResolved: undefined } });
    const b = smoIndicators({ quarter: 2, data: { appeals: 10 } });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('a zero denominator gives 0 with a reason, and 0 ÷ 0 is not an error', () => {
    const r = smoIndicators({ quarter: 2, data: { appealsResolved: 0, appeals: 0, unclosedAdvances: '0', invoicedTotal: '0', insured: 0, complaintsAgainstSmo: 0 } });
    expect(r.indicators[1]).toMatchObject({ computed: false, status: 'zero-denominator', reason: 'КСЭ = 0: показатель не может быть рассчитан, значение 0' });
    expect(r.indicators[5]?.reason).toBe('ЧЗЛсмо = 0: показатель не может быть рассчитан, значение 0');
    expect(r.indicators[7]?.reason).toBe('СЧпо = 0: показатель не может быть рассчитан, значение 0');
    expect(r.scoreExact.toString()).toBe('0');
  });

  it('a computed 0 is left out of the mean', () => {
    // 0 × 100 / 10 = 0 (computed) and 1 × 100 / 4 = 25 → mean of the non-zero = 25
    const r = smoIndicators({ quarter: 2, data: { appealsResolved: 0, appeals: 10, screeningCompleted: 1, screeningInformed: 4 } });
    expect(r.indicators[1]).toMatchObject({ computed: true, status: 'computed' });
    expect(r.indicators[1]?.reason).toBeUndefined();
    expect(r.scoreExact.toString()).toBe('25');
  });
});

describe('smoIndicators — the notSubmitted policy and the whole period (пункты 7, 9, 10)', () => {
  it('a negative submitted indicator 8 is below the 0 of пункт 7: there not submitting gives more, even counted as zero', () => {
    // ДТ = 2 × СЧпо in quarter 2: 8 = (1 − (2 − 1/12)) × 100 = −91.6666… → −91.6667
    // submitted: (90 − 91.6667) / 2 = −0.83335 → −0.8334 (half away from zero)
    // not submitted, counted as zero: (90 + 0) / 2 = 45; left out: 90 / 1 = 90
    const base = { appealsResolved: 45, appeals: 50, invoicedTotal: '1000000' };
    const submitted = smoIndicators({ quarter: 2, data: { ...base, unclosedAdvances: '2000000' }, notSubmitted: 'count-as-zero' });
    expect([submitted.indicators[7]?.value.toString(), submitted.scoreExact.toString()]).toEqual(['-91.6667', '-0.8334']);
    expect(smoIndicators({ quarter: 2, data: base, notSubmitted: 'count-as-zero' }).scoreExact.toString()).toBe('45');
    expect(smoIndicators({ quarter: 2, data: base }).scoreExact.toString()).toBe('90');
  });

  it('leaving a 0 out of a negative mean does not raise it: the flag stays false', () => {
    // 6 = 100 − 10 × 100 000 / 1 000 = −900; left out: −900; counted as zero: −900 / 2 = −450
    const r = smoIndicators({ quarter: 2, data: { insured: 1000, complaintsAgainstSmo: 10 } });
    expect(r.scoreExact.toString()).toBe('-900');
    expect(r.leavingOutRaisedScore).toBe(false);
    expect(r.trace.find((s) => s.symbol === 'Оценка с нулями п. 7')?.value).toBe('-450');
  });

  it('with nothing submitted and counted as zero, the score is 0 over the one counted 0', () => {
    const r = smoIndicators({ quarter: 1, data: {}, notSubmitted: 'count-as-zero' });
    expect(r.scoreExact.toString()).toBe('0');
    expect(r.trace.find((s) => s.symbol === 'Оценка')?.formula).toBe(
      'среднее ненулевых показателей и непредставленных = (0) / 1; нулевые показатели 1, 2, 3, 4, 5, 6, 7, 9, 10 не учитываются; показатель 8 (сведения не представлены) учитывается с нулевым значением (пункт 7), 4 знака',
    );
  });

  it('a bad policy or a non-boolean whole period is INVALID_INPUT, one issue each', () => {
    const e = fail(() => smoIndicators({ quarter: 2, data: {}, notSubmitted: 'zero' as never, workedWholePeriod: 'no' as never }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([
      { path: ['notSubmitted'], message: 'Invalid option: expected one of "leave-out"|"count-as-zero"' },
      { path: ['workedWholePeriod'], message: 'workedWholePeriod must be true or false' },
    ]);
  });
});

describe('smoIndicators — the territorial fund as the insurer (пункт 1(1))', () => {
  it('indicator 6 is left out even with its data, and out of the mean', () => {
    const smo = smoIndicators({ quarter: 3, data: { ...full, complaintsAgainstSmo: 10 } });
    const fund = smoIndicators({ quarter: 3, data: { ...full, complaintsAgainstSmo: 10 }, insurer: 'territorial-fund' });
    // for the СМО: 6 = 100 − 10 × 100 000 / 1 000 = −900, mean = (824 − 100 − 900) / 10 = −17.6
    expect(smo.indicators[5]?.value.toString()).toBe('-900');
    expect(smo.scoreExact.toString()).toBe('-17.6');
    // for the fund: 6 is left out; the mean of the other nine = 724 / 9 = 80.444… → 80.4444
    expect(fund.indicators[5]).toMatchObject({ computed: false, status: 'not-used' });
    expect(fund.indicators[5]?.value.toString()).toBe('0');
    expect(fund.scoreExact.toString()).toBe('80.4444');
    expect(fund.trace.find((s) => s.symbol === 'Показатель 6')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункт 1(1)');
  });
});

describe('smoIndicators — results and traces', () => {
  it('serialises to JSON with decimals as strings', () => {
    const json = JSON.parse(JSON.stringify(smoIndicators({ quarter: 1, data: full }))) as { scoreExact: unknown; indicators: { value: unknown }[] };
    expect(typeof json.scoreExact).toBe('string');
    expect(json.indicators.every((i) => typeof i.value === 'string')).toBe(true);
  });

  it('every trace step cites the order', () => {
    const r = smoIndicators({ quarter: 1, data: full });
    expect(r.trace.length).toBeGreaterThan(10);
    for (const s of r.trace) expect(s.source).toMatch(/^Приказ ФФОМС № 140н, приложение [12], пункт/);
  });

  it('accepts numbers, decimal strings and Decimal-like values alike', () => {
    const a = smoIndicators({ quarter: 2, data: { appealsResolved: 2, appeals: 3 } });
    const b = smoIndicators({ quarter: 2, data: { appealsResolved: '2', appeals: new Decimal(3) } });
    expect(b.indicators[1]?.value.toString()).toBe(a.indicators[1]?.value.toString());
  });

  it('the schema is exported and parses to Decimals', () => {
    const parsed = SmoIndicatorsInputSchema.parse({ quarter: 1, data: { appeals: '10' } });
    expect(parsed.data.appeals?.toString()).toBe('10');
  });
});

describe('smoIndicators — bad input is INVALID_INPUT with one issue per problem', () => {
  it('a count above its denominator', () => {
    const e = fail(() => smoIndicators({ quarter: 2, data: { appealsResolved: 11, appeals: 10 } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([{ path: ['data', 'appealsResolved'], message: 'appealsResolved (КСЭрез) = 11 exceeds appeals (КСЭ) = 10' }]);
    expect(e.message).toBe('smoIndicators: invalid input: data.appealsResolved: appealsResolved (КСЭрез) = 11 exceeds appeals (КСЭ) = 10');
  });

  it.each([
    ['reliableInsured', 'insured'],
    ['screeningCompleted', 'screeningInformed'],
    ['dispensaryCompleted', 'dispensaryInformed'],
    ['advanceRequestsCompliant', 'advanceRequests'],
    ['qualityReviewsConfirmed', 'qualityReviewsRechecked'],
    ['conclusionsUpheld', 'moClaims'],
  ])('%s above %s', (part, whole) => {
    const e = fail(() => smoIndicators({ quarter: 1, data: { [part]: 5, [whole]: 4 } }));
    expect(e.issues.map((i) => i.path)).toEqual([['data', part]]);
  });

  it('the two settled kinds of complaints together above all complaints', () => {
    const e = fail(() => smoIndicators({ quarter: 1, data: { complaintsPreTrial: 3, complaintsInCourt: 2, complaints: 4 } }));
    expect(e.issues).toMatchObject([
      { path: ['data', 'complaintsPreTrial'], message: 'complaintsPreTrial (КОЖдосуд) + complaintsInCourt (КОЖсуд) = 5 exceeds complaints (КОЖзл) = 4' },
    ]);
  });

  it('negative, fractional and malformed counts, money with 3 places, unknown fields — all at once', () => {
    const e = fail(() =>
      smoIndicators({
        quarter: 2,
        data: { appeals: -1, appealsResolved: 1.5, insured: '1e3', invoicedTotal: '10.005', reliableInsured: '2', extra: 1 } as never,
      }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map(({ path, message }) => ({ path, message }))).toEqual(
      expect.arrayContaining([
        { path: ['data', 'appeals'], message: 'must be at least 0, got -1' },
        { path: ['data', 'appealsResolved'], message: 'must be a whole number, got 1.5' },
        { path: ['data', 'insured'], message: 'expected a plain decimal string such as "1234.56", got "1e3"' },
        { path: ['data', 'invoicedTotal'], message: 'must have at most 2 decimal places, got 10.005' },
        { path: ['data'], message: 'Unrecognized key: "extra"' },
      ]),
    );
    expect(e.issues).toHaveLength(5);
  });

  it('counts and money above their sanity bounds', () => {
    const e = fail(() => smoIndicators({ quarter: 2, data: { appeals: '1000000000001', invoicedTotal: '1000000000000000.01' } }));
    expect(e.issues.map((i) => i.message)).toEqual([
      'must be at most 1000000000000, got 1000000000001',
      'must be at most 1000000000000000, got 1000000000000000.01',
    ]);
  });

  it('quarter, insurer and the shape', () => {
    expect(fail(() => smoIndicators({ quarter: 5 as never, data: {} })).issues).toMatchObject([
      { path: ['quarter'], message: 'Invalid option: expected one of 1|2|3|4' },
    ]);
    expect(fail(() => smoIndicators({ quarter: 1, data: {}, insurer: 'fund' as never })).issues[0]?.path).toEqual(['insurer']);
    expect(fail(() => smoIndicators(null as never)).issues).toMatchObject([{ path: [], message: 'Invalid input: expected object, received null' }]);
    expect(fail(() => smoIndicators({ quarter: 1, data: { appeals: null } as never })).issues[0]?.path).toEqual(['data', 'appeals']);
  });
});
