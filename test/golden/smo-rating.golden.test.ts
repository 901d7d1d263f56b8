/**
 * Worked examples of the smo-rating module, computed by hand. Every figure is derived in the
 * comment above its assertion so that it can be checked with a pencil. Indicators are in percent
 * (decision D6), rounded half up to 4 places; the score is the mean of the non-zero indicators to
 * 4 places and shown to 1 place (Приказ ФФОМС № 140н, приложение 1, пункты 6, 8, 9).
 */
import { describe, expect, it } from 'vitest';
import {
  federalMonitoring,
  monitoringDeadlines,
  smoAnnualAssessment,
  smoIndicators,
  smoRating,
  type IndicatorData,
} from '../../src/smo-rating';

const values = (rows: { value: { toString(): string } }[]): string[] => rows.map((r) => r.value.toString());

describe('a quarter: January–June, every figure submitted', () => {
  const data: IndicatorData = {
    reliableInsured: 2_493_826, insured: 2_500_000,
    appealsResolved: 1_234, appeals: 1_300,
    screeningCompleted: 40_321, screeningInformed: 65_000,
    dispensaryCompleted: 1_234_501, dispensaryInformed: 2_000_000,
    complaintsPreTrial: 37, complaintsInCourt: 3, complaints: 45,
    complaintsAgainstSmo: 31,
    advanceRequestsCompliant: 23, advanceRequests: 24,
    unclosedAdvances: '1250000.00', invoicedTotal: '10000000.00',
    qualityReviewsConfirmed: 87, qualityReviewsRechecked: 92,
    conclusionsUpheld: 15, moClaims: 21,
  };

  it('the ten indicators, the score to 4 places and to 1 place', () => {
    //  1: 2 493 826 × 100 / 2 500 000 = 99.75304            → 99.7530
    //  2: 1 234 × 100 / 1 300         = 94.923076…          → 94.9231
    //  3: 40 321 × 100 / 65 000       = 62.032307…          → 62.0323
    //  4: 1 234 501 × 100 / 2 000 000 = 61.72505 (a tie)    → 61.7251 (half up, not half even)
    //  5: (37 + 3) × 100 / 45         = 88.888…             → 88.8889
    //  6: 100 − 31 × 100 000 / 2 500 000 = 100 − 1.24       = 98.76
    //  7: 23 × 100 / 24               = 95.8333…            → 95.8333
    //  8: (1 − (1 250 000 / 10 000 000 − 1/12)) × 100 = (1 − (0.125 − 0.08333…)) × 100
    //                                 = 95.8333…            → 95.8333
    //  9: 87 × 100 / 92               = 94.565217…          → 94.5652
    // 10: 15 × 100 / 21               = 71.428571…          → 71.4286
    // sum = 863.7428; mean = 863.7428 / 10 = 86.37428 → scoreExact 86.3743, score 86.4
    const r = smoIndicators({ quarter: 2, data });
    expect(values(r.indicators)).toEqual([
      '99.753', '94.9231', '62.0323', '61.7251', '88.8889', '98.76', '95.8333', '95.8333', '94.5652', '71.4286',
    ]);
    expect(r.indicators.every((i) => i.computed && i.reason === undefined)).toBe(true);
    expect(r.scoreExact.toString()).toBe('86.3743');
    expect(r.score.toString()).toBe('86.4');
  });

  it('the trace names every indicator with its formula and the order\'s point', () => {
    const r = smoIndicators({ quarter: 2, data });
    const step = r.trace.find((s) => s.symbol === 'Показатель 4');
    expect(step).toEqual({
      symbol: 'Показатель 4',
      formula: 'ППМИНФДН × 100 / ИИдн = 1234501 × 100 / 2000000, 4 знака',
      value: '61.7251',
      source: 'Приказ ФФОМС № 140н, приложение 2, пункт 4 (формула восстановлена: решение D6); Приказ ФФОМС № 140н, приложение 1, пункт 6',
    });
    expect(r.trace.find((s) => s.symbol === 'Оценка')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункты 8, 9, 6');
  });
});

describe('the first quarter: indicator 8 allows 1/12 × 190 %', () => {
  const data: IndicatorData = {
    reliableInsured: 611_200, insured: 612_000,
    appealsResolved: 280, appeals: 300,
    screeningCompleted: 5_100, screeningInformed: 12_000,
    dispensaryCompleted: 2_050, dispensaryInformed: 4_100,
    complaintsPreTrial: 9, complaintsInCourt: 0, complaints: 10,
    complaintsAgainstSmo: 3,
    advanceRequestsCompliant: 6, advanceRequests: 6,
    unclosedAdvances: '2400000.00', invoicedTotal: '15000000.00',
    qualityReviewsConfirmed: 40, qualityReviewsRechecked: 48,
    conclusionsUpheld: 7, moClaims: 8,
  };

  it('January–March', () => {
    //  1: 611 200 × 100 / 612 000 = 99.869281…  → 99.8693
    //  2: 280 × 100 / 300 = 93.333…             → 93.3333
    //  3: 5 100 × 100 / 12 000 = 42.5;  4: 2 050 × 100 / 4 100 = 50;  5: (9 + 0) × 100 / 10 = 90
    //  6: 100 − 3 × 100 000 / 612 000 = 100 − 0.490196… = 99.509803… → 99.5098
    //  7: 6 × 100 / 6 = 100
    //  8 (Q1): ДТ / СЧпо = 2 400 000 / 15 000 000 = 0.16; 1/12 × 1.9 = 0.158333…
    //          (1 − (0.16 − 0.158333…)) × 100 = (1 − 0.001666…) × 100 = 99.8333… → 99.8333
    //  9: 40 × 100 / 48 = 83.333… → 83.3333;  10: 7 × 100 / 8 = 87.5
    // sum = 845.879; mean = 84.5879 → score 84.6
    const r = smoIndicators({ quarter: 1, data });
    expect(values(r.indicators)).toEqual(['99.8693', '93.3333', '42.5', '50', '90', '99.5098', '100', '99.8333', '83.3333', '87.5']);
    expect(r.scoreExact.toString()).toBe('84.5879');
    expect(r.score.toString()).toBe('84.6');
    expect(r.trace.find((s) => s.symbol === 'Показатель 8')?.formula).toBe(
      '(1 − (ДТ / СЧпо − 1/12 × 190 %)) × 100 = (1 − (2400000 / 15000000 − 1/12 × 1.9)) × 100, 4 знака',
    );
  });

  it('the same cumulative figures in the second quarter use 1/12', () => {
    //  8 (Q2–Q4): (1 − (0.16 − 0.083333…)) × 100 = 92.3333…   → 92.3333
    // sum = 845.879 − 99.8333 + 92.3333 = 838.379; mean = 83.8379 → 83.8
    const r = smoIndicators({ quarter: 2, data });
    expect(r.indicators[7]?.value.toString()).toBe('92.3333');
    expect(r.scoreExact.toString()).toBe('83.8379');
  });

  it('indicator 8 is not clamped at 100', () => {
    //  ДТ / СЧпо = 1 000 000 / 15 000 000 = 0.0666…
    //  (1 − (0.0666… − 0.158333…)) × 100 = (1 + 0.091666…) × 100 = 109.1666… → 109.1667
    const r = smoIndicators({ quarter: 1, data: { unclosedAdvances: '1000000', invoicedTotal: '15000000' } });
    expect(r.indicators[7]?.value.toString()).toBe('109.1667');
  });
});

describe('missing data: not submitted, zero denominators and a zero indicator (January–September)', () => {
  it('only the non-zero indicators enter the mean', () => {
    //  1: 300 000 × 100 / 320 000 = 93.75
    //  2: 0 × 100 / 57 = 0                      computed, but 0: left out of the mean (п. 9)
    //  3: ППМинфдвн, ИИдвн missing               → 0, not computable (пп. 2–3: not data of п. 4)
    //  4: ИИдн missing                           → 0, not computable (пп. 2–3)
    //  5: КОЖсуд missing                         → 0, not computable (пп. 2–3)
    //  6: 100 − 0 × 100 000 / 320 000 = 100
    //  7: КЗАвсего = 0                           → 0, not computable
    //  8: ДТ not submitted by the insurer        → 0 (пп. 4, 7)
    //  9: КЭКМПтфомс = 0                         → 0, not computable
    // 10: 2 × 100 / 3 = 66.666… → 66.6667
    // mean over 93.75, 100, 66.6667: 260.4167 / 3 = 86.805566… → 86.8056, score 86.8
    // (default 'leave-out'); with the 0 of indicator 8 counted: 260.4167 / 4 = 65.104175 → 65.1042,
    // so leaving it out raised the score
    const r = smoIndicators({
      quarter: 3,
      data: {
        reliableInsured: 300_000, insured: 320_000,
        appealsResolved: 0, appeals: 57,
        dispensaryCompleted: 100,
        complaintsPreTrial: 4, complaints: 5,
        complaintsAgainstSmo: 0,
        advanceRequestsCompliant: 0, advanceRequests: 0,
        invoicedTotal: '5000000.00',
        qualityReviewsConfirmed: 0, qualityReviewsRechecked: 0,
        conclusionsUpheld: 2, moClaims: 3,
      },
    });
    expect(values(r.indicators)).toEqual(['93.75', '0', '0', '0', '0', '100', '0', '0', '0', '66.6667']);
    expect(r.indicators.map((i) => i.status)).toEqual([
      'computed', 'computed', 'missing-data', 'missing-data', 'missing-data',
      'computed', 'zero-denominator', 'not-submitted', 'zero-denominator', 'computed',
    ]);
    expect(r.indicators[2]?.reason).toBe(
      'нет сведений (ППМинфдвн, ИИдвн): показатель не может быть рассчитан, значение 0; эти сведения территориальный фонд получает из источников пункта 3, а не от СМО по пункту 4, поэтому пункт 7 к ним не применяется (приложение 1, пункты 2, 3)',
    );
    expect(r.indicators[7]?.reason).toBe('СМО не представила сведения пункта 4 (ДТ): показатель учитывается с нулевым значением (приложение 1, пункты 4, 7)');
    expect(r.notSubmittedIndicators).toEqual([8]);
    expect(r.leavingOutRaisedScore).toBe(true);
    expect(r.trace.find((s) => s.symbol === 'Оценка с нулями п. 7')?.value).toBe('65.1042');
    expect(r.indicators[6]?.reason).toBe('КЗАвсего = 0: показатель не может быть рассчитан, значение 0');
    expect(r.scoreExact.toString()).toBe('86.8056');
    expect(r.score.toString()).toBe('86.8');
    expect(r.trace.find((s) => s.symbol === 'Оценка')?.formula).toBe(
      'среднее ненулевых показателей = (93.75 + 100 + 66.6667) / 3; нулевые показатели 2, 3, 4, 5, 7, 8, 9 не учитываются, 4 знака',
    );
  });

  it('nothing submitted: every indicator 0 and the score 0', () => {
    const r = smoIndicators({ quarter: 4, data: {} });
    expect(values(r.indicators)).toEqual(Array(10).fill('0'));
    expect(r.scoreExact.toString()).toBe('0');
    expect(r.score.toString()).toBe('0');
  });
});

describe('ДТ not submitted (п. 7) under both policies for the mean (decision D14)', () => {
  // January–June. The insurer did not send ДТ (п. 4); every other figure is there.
  const data: IndicatorData = {
    reliableInsured: 198_000, insured: 200_000,
    appealsResolved: 81, appeals: 100,
    screeningCompleted: 300, screeningInformed: 500,
    dispensaryCompleted: 240, dispensaryInformed: 400,
    complaintsPreTrial: 8, complaintsInCourt: 1, complaints: 10,
    complaintsAgainstSmo: 4,
    advanceRequestsCompliant: 9, advanceRequests: 10,
    invoicedTotal: '12000000.00',
    qualityReviewsConfirmed: 45, qualityReviewsRechecked: 50,
    conclusionsUpheld: 3, moClaims: 4,
  };
  //  1: 198 000 × 100 / 200 000 = 99        2: 81 × 100 / 100 = 81
  //  3: 300 × 100 / 500 = 60                4: 240 × 100 / 400 = 60
  //  5: (8 + 1) × 100 / 10 = 90             6: 100 − 4 × 100 000 / 200 000 = 100 − 2 = 98
  //  7: 9 × 100 / 10 = 90                   8: ДТ not submitted → 0 (пп. 4, 7)
  //  9: 45 × 100 / 50 = 90                 10: 3 × 100 / 4 = 75
  // the nine others: 99 + 81 + 60 + 60 + 90 + 98 + 90 + 90 + 75 = 743
  const nine = ['99', '81', '60', '60', '90', '98', '90', '0', '90', '75'];

  it("'leave-out' (the default, п. 9 read literally): the 0 is not counted, and the result says it raised the score", () => {
    // mean = 743 / 9 = 82.5555… → scoreExact 82.5556, score 82.6
    // counted as 0 instead: 743 / 10 = 74.3 < 82.5556 → leavingOutRaisedScore
    const r = smoIndicators({ quarter: 2, data });
    expect(values(r.indicators)).toEqual(nine);
    expect(r.indicators[7]?.status).toBe('not-submitted');
    expect(r.notSubmittedPolicy).toBe('leave-out');
    expect(r.notSubmittedIndicators).toEqual([8]);
    expect(r.scoreExact.toString()).toBe('82.5556');
    expect(r.score.toString()).toBe('82.6');
    expect(r.leavingOutRaisedScore).toBe(true);
    expect(r.trace.find((s) => s.symbol === 'Оценка с нулями п. 7')).toEqual({
      symbol: 'Оценка с нулями п. 7',
      formula:
        'для сравнения: показатель 8 (сведения не представлены) с нулевым значением = (99 + 81 + 60 + 60 + 90 + 98 + 90 + 0 + 90 + 75) / 10, 4 знака; оставленный вне среднего по пункту 9, он повысил оценку',
      value: '74.3',
      source: 'Приказ ФФОМС № 140н, приложение 1, пункты 7, 9',
    });
  });

  it("'count-as-zero': the 0 of п. 7 is counted in the mean", () => {
    // mean = (743 + 0) / 10 = 74.3 → scoreExact 74.3, score 74.3
    const r = smoIndicators({ quarter: 2, data, notSubmitted: 'count-as-zero' });
    expect(values(r.indicators)).toEqual(nine);
    expect(r.scoreExact.toString()).toBe('74.3');
    expect(r.score.toString()).toBe('74.3');
    expect(r.leavingOutRaisedScore).toBe(false);
    expect(r.trace.find((s) => s.symbol === 'Оценка')).toEqual({
      symbol: 'Оценка',
      formula:
        'среднее ненулевых показателей и непредставленных = (99 + 81 + 60 + 60 + 90 + 98 + 90 + 0 + 90 + 75) / 10; показатель 8 (сведения не представлены) учитывается с нулевым значением (пункт 7), 4 знака',
      value: '74.3',
      source: 'Приказ ФФОМС № 140н, приложение 1, пункты 7, 8, 9, 6',
    });
  });

  it('the same data with ДТ submitted: counting the 0 is never above it, leaving it out can be', () => {
    // ДТ = СЧпо = 12 000 000: 8 = (1 − (1 − 1/12)) × 100 = 8.3333…  → 8.3333
    //   mean = (743 + 8.3333) / 10 = 75.13333 → 75.1333: below 82.5556 (leave-out), above 74.3
    // ДТ = 1 500 000: 8 = (1 − (0.125 − 0.08333…)) × 100 = 95.8333… → 95.8333
    //   mean = (743 + 95.8333) / 10 = 83.88333 → 83.8833
    const high = smoIndicators({ quarter: 2, data: { ...data, unclosedAdvances: '12000000.00' } });
    const low = smoIndicators({ quarter: 2, data: { ...data, unclosedAdvances: '1500000.00' } });
    expect([high.indicators[7]?.value.toString(), high.scoreExact.toString()]).toEqual(['8.3333', '75.1333']);
    expect([low.indicators[7]?.value.toString(), low.scoreExact.toString()]).toEqual(['95.8333', '83.8833']);
    expect(high.notSubmittedIndicators).toEqual([]);
    expect(high.leavingOutRaisedScore).toBe(false);
  });

  it('the annual assessment takes the same option; with no violation Кэфф = 1.1 for all', () => {
    // adjusted: 99 × 1.1 = 108.9; 81 × 1.1 = 89.1; 66; 66; 99; 98 × 1.1 = 107.8; 99; 0 × 1.1 = 0;
    //           99; 75 × 1.1 = 82.5 — the nine non-zero sum to 743 × 1.1 = 817.3
    // 'leave-out':     817.3 / 9  = 90.8111… → 90.8111, score 90.8
    // 'count-as-zero': 817.3 / 10 = 81.73              , score 81.7
    const leave = smoAnnualAssessment({ data, violations: [] });
    const zero = smoAnnualAssessment({ data, violations: [], notSubmitted: 'count-as-zero' });
    expect(leave.indicators.map((i) => i.adjusted.toString())).toEqual(['108.9', '89.1', '66', '66', '99', '107.8', '99', '0', '99', '82.5']);
    expect(leave.indicators[7]?.status).toBe('not-submitted');
    expect([leave.scoreExact.toString(), leave.score.toString(), leave.leavingOutRaisedScore]).toEqual(['90.8111', '90.8', true]);
    expect([zero.scoreExact.toString(), zero.score.toString(), zero.leavingOutRaisedScore]).toEqual(['81.73', '81.7', false]);
    expect(zero.notSubmittedIndicators).toEqual([8]);
  });

  it('quarter 4 is January–December without Кэфф, and the result says where the assessment of п. 12 is', () => {
    // The same cumulative figures as a quarter-4 result: 743 / 9 = 82.5556 — not the 90.8111 of
    // the annual assessment above, which applies Кэфф (п. 12).
    const q4 = smoIndicators({ quarter: 4, data });
    expect(q4.scoreExact.toString()).toBe('82.5556');
    expect(q4.annualNote).toBe(
      '4 квартал: показатели за январь — декабрь без коэффициента эффективности; оценку за январь — декабрь с коэффициентом эффективности (приложение 1, пункт 12) дает smoAnnualAssessment',
    );
    expect(q4.trace.find((s) => s.symbol === 'Январь — декабрь')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункт 12');
    expect(smoIndicators({ quarter: 3, data }).annualNote).toBeUndefined();
    expect('annualNote' in smoIndicators({ quarter: 3, data })).toBe(false);
  });
});

describe('an insurer that did not work in the region for the whole period (п. 10, decision D15)', () => {
  const data: IndicatorData = { reliableInsured: 990, insured: 1000, appealsResolved: 45, appeals: 50 };

  it('is not assessed: no score, and the reason cites п. 10', () => {
    // Worked the whole period: (99 + 90) / 2 = 94.5 (the other indicators have no data).
    // Did not: the indicators are still shown (99 and 90), but there is no score.
    expect(smoIndicators({ quarter: 3, data }).scoreExact.toString()).toBe('94.5');
    const r = smoIndicators({ quarter: 3, data, workedWholePeriod: false });
    expect(values(r.indicators).slice(0, 2)).toEqual(['99', '90']);
    expect(r.assessed).toBe(false);
    expect(r.notAssessedReason).toBe(
      'СМО осуществляла деятельность в сфере ОМС субъекта Российской Федерации не весь отчетный период: оценка достижения показателей не осуществляется (приложение 1, пункт 10)',
    );
    expect([r.scoreExact.toString(), r.score.toString()]).toEqual(['0', '0']);
    expect(r.trace.at(-1)).toMatchObject({ symbol: 'Оценка', value: 'не осуществляется', source: 'Приказ ФФОМС № 140н, приложение 1, пункт 10' });

    const a = smoAnnualAssessment({ data, violations: [], workedWholePeriod: false });
    expect(a.assessed).toBe(false);
    expect(a.notAssessedReason).toBe(r.notAssessedReason);
    expect(a.indicators[0]?.adjusted.toString()).toBe('108.9');
    expect(a.scoreExact.toString()).toBe('0');
  });

  it('worked the whole period (the default): assessed, no reason', () => {
    const r = smoIndicators({ quarter: 3, data, workedWholePeriod: true });
    expect(r.assessed).toBe(true);
    expect('notAssessedReason' in r).toBe(false);
    expect(JSON.stringify(r)).toBe(JSON.stringify(smoIndicators({ quarter: 3, data })));
  });
});

describe('the annual assessment (January–December) with Кэфф', () => {
  const data: IndicatorData = {
    reliableInsured: 2_480_000, insured: 2_500_000,
    appealsResolved: 4_900, appeals: 5_200,
    screeningCompleted: 160_000, screeningInformed: 250_000,
    dispensaryCompleted: 48_000, dispensaryInformed: 80_000,
    complaintsPreTrial: 150, complaintsInCourt: 12, complaints: 180,
    complaintsAgainstSmo: 40,
    advanceRequestsCompliant: 95, advanceRequests: 100,
    unclosedAdvances: '30000000.00', invoicedTotal: '400000000.00',
    qualityReviewsConfirmed: 330, qualityReviewsRechecked: 360,
    conclusionsUpheld: 45, moClaims: 60,
  };
  // The indicators (indicator 8 with the formula of quarters 2–4):
  //  1: 2 480 000 × 100 / 2 500 000 = 99.2      2: 4 900 × 100 / 5 200 = 94.230769… → 94.2308
  //  3: 160 000 × 100 / 250 000 = 64            4: 48 000 × 100 / 80 000 = 60
  //  5: (150 + 12) × 100 / 180 = 90             6: 100 − 40 × 100 000 / 2 500 000 = 100 − 1.6 = 98.4
  //  7: 95 × 100 / 100 = 95                     8: (1 − (0.075 − 0.08333…)) × 100 = 100.8333…  → 100.8333
  //  9: 330 × 100 / 360 = 91.666… → 91.6667    10: 45 × 100 / 60 = 75
  const base = ['99.2', '94.2308', '64', '60', '90', '98.4', '95', '100.8333', '91.6667', '75'];

  it('with violations: 0.9 for one, 0.8 for two or more, 1 for none', () => {
    // Violations: п. 5 (listed for 2, 3, 4 and 8), п. 9.6 × 2 (listed for 9 and 10), п. 1
    // (listed for 1), п. 17 (listed for none; still a violation). Total 1 + 2 + 1 + 1 = 5.
    //   n = [1, 1, 1, 1, 0, 0, 0, 1, 2, 2] → Кэфф = [0.9, 0.9, 0.9, 0.9, 1, 1, 1, 0.9, 0.8, 0.8]
    // adjusted (4 places):
    //   99.2 × 0.9 = 89.28;  94.2308 × 0.9 = 84.80772 → 84.8077;  64 × 0.9 = 57.6;  60 × 0.9 = 54
    //   90;  98.4;  95;  100.8333 × 0.9 = 90.74997 → 90.75;  91.6667 × 0.8 = 73.33336 → 73.3334
    //   75 × 0.8 = 60
    // sum = 793.1711; mean = 79.31711 → scoreExact 79.3171, score 79.3
    const a = smoAnnualAssessment({
      data,
      violations: [{ point: '5' }, { point: '9.6', count: 2 }, { point: '1' }, { point: '17' }],
    });
    expect(values(a.indicators)).toEqual(base);
    expect(a.indicators.map((i) => i.violations)).toEqual([1, 1, 1, 1, 0, 0, 0, 1, 2, 2]);
    expect(a.indicators.map((i) => i.kEff.toString())).toEqual(['0.9', '0.9', '0.9', '0.9', '1', '1', '1', '0.9', '0.8', '0.8']);
    expect(a.indicators.map((i) => i.adjusted.toString())).toEqual([
      '89.28', '84.8077', '57.6', '54', '90', '98.4', '95', '90.75', '73.3334', '60',
    ]);
    expect(a.totalViolations).toBe(5);
    expect(a.noViolations).toBe(false);
    expect(a.scoreExact.toString()).toBe('79.3171');
    expect(a.score.toString()).toBe('79.3');
    expect(a.trace.find((s) => s.symbol === 'Нарушения')?.formula).toBe(
      'выявлено нарушений: п. 5 × 1, п. 9.6 × 2, п. 1 × 1, п. 17 × 1; из них не отнесены ни к одному показателю: п. 17',
    );
  });

  it('without violations: 1.1 for every indicator', () => {
    // adjusted = value × 1.1 (4 places):
    //   109.12; 94.2308 × 1.1 = 103.65388 → 103.6539; 70.4; 66; 99; 108.24; 104.5;
    //   100.8333 × 1.1 = 110.91663 → 110.9166; 91.6667 × 1.1 = 100.83337 → 100.8334; 82.5
    // sum = 955.1639; mean = 95.51639 → scoreExact 95.5164, score 95.5
    const a = smoAnnualAssessment({ data, violations: [] });
    expect(values(a.indicators)).toEqual(base);
    expect(a.indicators.every((i) => i.kEff.toString() === '1.1')).toBe(true);
    expect(a.indicators.map((i) => i.adjusted.toString())).toEqual([
      '109.12', '103.6539', '70.4', '66', '99', '108.24', '104.5', '110.9166', '100.8334', '82.5',
    ]);
    expect(a.noViolations).toBe(true);
    expect(a.scoreExact.toString()).toBe('95.5164');
    expect(a.score.toString()).toBe('95.5');
    expect(a.trace.find((s) => s.symbol === 'Кэфф 1')?.source).toBe('Приказ ФФОМС № 140н, приложение 1, пункт 15');
  });
});

describe('federal monitoring and the rating of three insurers', () => {
  it('mean over the regions, × 1.1 when every region is clean, ranked with ties', () => {
    // СМО «Альфа»: (88.1234 + 90.5) / 2 = 89.3117; both regions clean → × 1.1 = 98.24287 → 98.2429
    // СМО «Бета»:  one region, 98.2429, violations found → 98.2429
    // СМО «Гамма»: (98.1999 + 98.1999) / 2 = 98.1999; one region not clean → 98.1999
    // СМО «Дельта»: 97 (carried from the previous period, clean) → 97 × 1.1 = 106.7
    const alpha = federalMonitoring({ regions: [
      { region: '69', scoreExact: '88.1234', noViolations: true },
      { region: '60', scoreExact: '90.5', noViolations: true },
    ] });
    const beta = federalMonitoring({ regions: [{ region: '69', scoreExact: '98.2429', noViolations: false }] });
    const gamma = federalMonitoring({ regions: [
      { region: '69', scoreExact: '98.1999', noViolations: true },
      { region: '60', scoreExact: '98.1999', noViolations: false },
    ] });
    const delta = federalMonitoring({ regions: [{ region: '60', scoreExact: '97', noViolations: true, fromPreviousPeriod: true }] });
    expect([alpha, beta, gamma, delta].map((f) => f.resultExact.toString())).toEqual(['98.2429', '98.2429', '98.1999', '106.7']);
    expect([alpha, beta, gamma, delta].map((f) => f.bonusApplied)).toEqual([true, false, false, true]);
    expect(delta.carriedRegions).toEqual(['60']);

    // Published to 1 place: Дельта 106.7; Альфа, Бета, Гамма all 98.2 — the tie is broken by
    // the 4-place values (п. 22): 98.2429 = 98.2429 > 98.1999. Альфа and Бета share place 2,
    // Гамма is 4th.
    const rating = smoRating({ smos: [
      { smo: 'Гамма', resultExact: gamma.resultExact },
      { smo: 'Бета', resultExact: beta.resultExact },
      { smo: 'Альфа', resultExact: alpha.resultExact },
      { smo: 'Дельта', resultExact: delta.resultExact },
    ] });
    expect(rating.rows.map((r) => [r.rank, r.smo, r.result.toString(), r.resultExact.toString()])).toEqual([
      [1, 'Дельта', '106.7', '106.7'],
      [2, 'Альфа', '98.2', '98.2429'],
      [2, 'Бета', '98.2', '98.2429'],
      [4, 'Гамма', '98.2', '98.1999'],
    ]);
  });
});

describe('deadlines of пункты 4, 16, 23', () => {
  it('day N after the period is the last day + N calendar days', () => {
    // Q1 2026 ends 31.03: +20 → 20.04, +30 → 30.04, +45 → 15.05 (30 days of April + 15).
    const q1 = monitoringDeadlines({ year: 2026, quarter: 1 });
    expect([q1.periodEnd, q1.smoReport.date, q1.fundReport.date, q1.ratingPublication.date]).toEqual([
      '2026-03-31', '2026-04-20', '2026-04-30', '2026-05-15',
    ]);
    // January–December 2026 ends 31.12: +40 → 9 February 2027 (31 days of January + 9),
    // +50 → 19 February, +60 → 1 March (2027 is not a leap year: 31 + 28 = 59).
    const y = monitoringDeadlines({ year: 2026, quarter: 4 });
    expect([y.smoReport, y.fundReport, y.ratingPublication]).toEqual([
      { day: 40, date: '2027-02-09' }, { day: 50, date: '2027-02-19' }, { day: 60, date: '2027-03-01' },
    ]);
  });
});
