import { describe, expect, it } from 'vitest';
import { smoAnnualAssessment, type SmoViolation } from '../../src/smo-rating';
import { failure as fail } from '../errors';

// Every indicator 80 (indicator 6: 100 − 2 000 × 100 000 / 10 000 000 = 100 − 20 = 80; indicator 8:
// (1 − (ДТ/СЧпо − 1/12)) × 100 = 80 → ДТ/СЧпо = 0.2 + 1/12 = 17/60 → ДТ = 170, СЧпо = 600).
const data = {
  reliableInsured: 8_000_000, insured: 10_000_000,
  appealsResolved: 8, appeals: 10,
  screeningCompleted: 8, screeningInformed: 10,
  dispensaryCompleted: 8, dispensaryInformed: 10,
  complaintsPreTrial: 6, complaintsInCourt: 2, complaints: 10,
  complaintsAgainstSmo: 2_000,
  advanceRequestsCompliant: 8, advanceRequests: 10,
  unclosedAdvances: '170', invoicedTotal: '600',
  qualityReviewsConfirmed: 8, qualityReviewsRechecked: 10,
  conclusionsUpheld: 8, moClaims: 10,
};

const kEffs = (violations: SmoViolation[]): string[] =>
  smoAnnualAssessment({ data, violations }).indicators.map((i) => i.kEff.toString());

describe('smoAnnualAssessment — Кэфф per indicator (decision D7)', () => {
  it('the data gives 80 everywhere', () => {
    const a = smoAnnualAssessment({ data, violations: [{ point: '17' }] });
    expect(a.indicators.map((i) => i.value.toString())).toEqual(Array(10).fill('80'));
    expect(a.indicators.map((i) => i.kEff.toString())).toEqual(Array(10).fill('1'));
    expect(a.scoreExact.toString()).toBe('80');
  });

  it('one violation of 4.1 touches indicator 7 only', () => {
    expect(kEffs([{ point: '4.1' }])).toEqual(['1', '1', '1', '1', '1', '1', '0.9', '1', '1', '1']);
  });

  it('two violations of a listed point give 0.8, whether as count 2 or two entries', () => {
    const twice = kEffs([{ point: '6' }, { point: '6' }]);
    expect(twice).toEqual(['1', '1', '1', '1', '0.8', '0.8', '1', '1', '1', '1']);
    expect(kEffs([{ point: '6', count: 2 }])).toEqual(twice);
    // two different points of one indicator's list also make two violations: 6 and 8 for indicator 5
    expect(kEffs([{ point: '6' }, { point: '8' }])[4]).toBe('0.8');
  });

  it('one violation can count against several indicators', () => {
    // п. 5 is listed for 2, 3, 4 and 8; п. 9.6 for 9 and 10
    expect(kEffs([{ point: '5' }, { point: '9.6' }])).toEqual(['1', '0.9', '0.9', '0.9', '1', '1', '1', '0.9', '0.9', '0.9']);
  });

  it('a sub-point of a listed whole point counts; a whole point does not count for its listed sub-points', () => {
    // 3.1 is part of п. 3 (listed for 2, 3, 4); "4" is not 4.1 nor 4.2, so no indicator's —
    // but it is a violation, so there is no 1.1
    expect(kEffs([{ point: '3.1' }])).toEqual(['1', '0.9', '0.9', '0.9', '1', '1', '1', '1', '1', '1']);
    expect(kEffs([{ point: '4' }])).toEqual(Array(10).fill('1'));
    expect(kEffs([{ point: '9' }])).toEqual(Array(10).fill('1'));
    // and "10" is not a sub-point of "1"
    expect(kEffs([{ point: '10' }])).toEqual(['1', '1', '1', '1', '1', '1', '0.9', '1', '1', '1']);
  });

  it('1.1 for every indicator when no violation was found at all; entries with count 0 are none', () => {
    expect(kEffs([])).toEqual(Array(10).fill('1.1'));
    const a = smoAnnualAssessment({ data, violations: [{ point: '5', count: 0 }] });
    expect(a.noViolations).toBe(true);
    expect(a.totalViolations).toBe(0);
    expect(a.indicators.map((i) => i.adjusted.toString())).toEqual(Array(10).fill('88'));
    expect(a.scoreExact.toString()).toBe('88');
  });

  it('an indicator of 0 stays 0 and out of the mean under 1.1', () => {
    const a = smoAnnualAssessment({ data: { appealsResolved: 1, appeals: 3, screeningCompleted: 0, screeningInformed: 5 }, violations: [] });
    // 2: 33.3333 × 1.1 = 36.66663 → 36.6666; 3: 0 × 1.1 = 0
    expect(a.indicators[1]?.adjusted.toString()).toBe('36.6666');
    expect(a.indicators[2]?.adjusted.toString()).toBe('0');
    expect(a.scoreExact.toString()).toBe('36.6666');
  });

  it('indicator 8 uses the formula of quarters 2–4 (the period is January–December)', () => {
    const a = smoAnnualAssessment({ data: { unclosedAdvances: '100', invoicedTotal: '1200' }, violations: [{ point: '1' }] });
    // (1 − (1/12 − 1/12)) × 100 = 100, not the Q1 value (1 − (1/12 − 1.9/12)) × 100 = 107.5
    expect(a.indicators[7]?.value.toString()).toBe('100');
  });

  it('the trace shows each Кэфф with its points and source', () => {
    const a = smoAnnualAssessment({ data, violations: [{ point: '4.2' }] });
    expect(a.trace.find((s) => s.symbol === 'Кэфф 8')).toEqual({
      symbol: 'Кэфф 8',
      formula: 'нарушений по пунктам 4.2, 5, 11, 14, 15 перечня санкций: 1 → 0,9 (одно нарушение)',
      value: '0.9',
      source: 'Приказ ФФОМС № 140н, приложение 1, пункт 14; Приказ ФФОМС № 140н, приложение 2, пункт 8',
    });
    expect(a.trace.find((s) => s.symbol === 'Показатель 8 × Кэфф')?.value).toBe('72');
  });
});

describe('smoAnnualAssessment — the territorial fund as the insurer (пункт 1(1))', () => {
  it('no Кэфф, not even 1.1, and indicator 6 is left out', () => {
    const a = smoAnnualAssessment({ data, violations: [], insurer: 'territorial-fund' });
    expect(a.kEffApplied).toBe(false);
    expect(a.indicators.map((i) => i.kEff.toString())).toEqual(Array(10).fill('1'));
    expect(a.indicators.map((i) => i.adjusted.toString())).toEqual(['80', '80', '80', '80', '80', '0', '80', '80', '80', '80']);
    expect(a.indicators[5]?.status).toBe('not-used');
    expect(a.scoreExact.toString()).toBe('80');
    expect(a.noViolations).toBe(true);
    const b = smoAnnualAssessment({ data, violations: [{ point: '1', count: 3 }], insurer: 'territorial-fund' });
    expect(b.indicators[0]?.violations).toBe(3);
    expect(b.indicators[0]?.adjusted.toString()).toBe('80');
  });
});

describe('smoAnnualAssessment — not submitted, missing data and the whole year (пункты 2–4, 7, 9, 10)', () => {
  it('ДТ missing: indicator 8 is not submitted whatever the Кэфф, and the policy decides the mean', () => {
    // 2: 45 × 100 / 50 = 90; one violation of 5 (listed for 2, 3, 4, 8): 90 × 0.9 = 81
    // 8: not submitted → 0 × 0.9 = 0; leave-out: 81 / 1 = 81; count-as-zero: (81 + 0) / 2 = 40.5
    const input = { data: { appealsResolved: 45, appeals: 50, invoicedTotal: '1000' }, violations: [{ point: '5' }] };
    const leave = smoAnnualAssessment(input);
    const zero = smoAnnualAssessment({ ...input, notSubmitted: 'count-as-zero' });
    expect(leave.indicators[7]).toMatchObject({ status: 'not-submitted', violations: 1 });
    expect(leave.indicators[7]?.kEff.toString()).toBe('0.9');
    expect(leave.indicators[2]?.status).toBe('missing-data');
    expect([leave.scoreExact.toString(), leave.leavingOutRaisedScore, leave.notSubmittedPolicy]).toEqual(['81', true, 'leave-out']);
    expect([zero.scoreExact.toString(), zero.leavingOutRaisedScore, zero.notSubmittedPolicy]).toEqual(['40.5', false, 'count-as-zero']);
  });

  it('not the whole year: Кэфф and violations are still reported, but there is no score', () => {
    const a = smoAnnualAssessment({ data, violations: [{ point: '5' }], workedWholePeriod: false });
    expect(a.assessed).toBe(false);
    expect(a.notAssessedReason).toContain('(приложение 1, пункт 10)');
    expect(a.totalViolations).toBe(1);
    expect(a.scoreExact.isZero() && a.score.isZero()).toBe(true);
    expect(a.trace.some((s) => s.symbol === 'Оценка (1 знак)')).toBe(false);
  });

  it('a bad policy is INVALID_INPUT', () => {
    expect(fail(() => smoAnnualAssessment({ data, violations: [], notSubmitted: 'none' as never })).issues.map((i) => i.path)).toEqual([['notSubmitted']]);
  });
});

describe('smoAnnualAssessment — bad input', () => {
  it.each([['x'], [''], ['4.1.2'], [' 5'], ['05'], ['4.']])('point %j', (p) => {
    const e = fail(() => smoAnnualAssessment({ data, violations: [{ point: p }] }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([{ path: ['violations', 0, 'point'], message: 'a point of the list of sanctions is written "n" or "n.m", e.g. "5" or "4.1"' }]);
  });

  it('negative, fractional and non-numeric counts', () => {
    const e = fail(() =>
      smoAnnualAssessment({ data, violations: [{ point: '1', count: -1 }, { point: '2', count: 1.5 }, { point: '3', count: '2' as never }] }),
    );
    expect(e.issues).toMatchObject([
      { path: ['violations', 0, 'count'], message: 'count must be at least 0' },
      { path: ['violations', 1, 'count'], message: 'count must be a whole number' },
      { path: ['violations', 2, 'count'], message: 'count must be a number' },
    ]);
  });

  it('violations are required, and the data is checked as for smoIndicators', () => {
    expect(fail(() => smoAnnualAssessment({ data } as never)).issues[0]?.path).toEqual(['violations']);
    expect(fail(() => smoAnnualAssessment({ data: { appealsResolved: 2, appeals: 1 }, violations: [] })).issues[0]?.path).toEqual([
      'data',
      'appealsResolved',
    ]);
  });
});
