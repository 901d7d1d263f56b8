import type { Decimal } from 'decimal.js';
import type { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import {
  federalMonitoring,
  FederalMonitoringInputSchema,
  IndicatorDataSchema,
  mergeIndicatorData,
  monitoringDeadlines,
  SMO_INDICATORS,
  smoAnnualAssessment,
  smoIndicators,
  SmoIndicatorsInputSchema,
  smoRating,
  type DecimalInput,
  type FederalMonitoring,
  type IndicatorData,
  type MergedIndicatorData,
  type NotSubmittedPolicy,
  type SmoAnnualAssessment,
  type SmoAnnualAssessmentInput,
  type SmoIndicatorStatus,
  type SmoIndicators,
  type SmoIndicatorsInput,
  type SmoRating,
  type TraceStep,
} from '../../src/smo-rating';

describe('smo-rating types', () => {
  it('inputs', () => {
    expectTypeOf<SmoIndicatorsInput['quarter']>().toEqualTypeOf<1 | 2 | 3 | 4>();
    expectTypeOf<SmoIndicatorsInput['insurer']>().toEqualTypeOf<'smo' | 'territorial-fund' | undefined>();
    expectTypeOf<IndicatorData['appeals']>().toEqualTypeOf<DecimalInput | undefined>();
    expectTypeOf<keyof IndicatorData>().toEqualTypeOf<
      | 'reliableInsured' | 'insured' | 'appealsResolved' | 'appeals' | 'screeningCompleted' | 'screeningInformed'
      | 'dispensaryCompleted' | 'dispensaryInformed' | 'complaintsPreTrial' | 'complaintsInCourt' | 'complaints'
      | 'complaintsAgainstSmo' | 'advanceRequestsCompliant' | 'advanceRequests' | 'unclosedAdvances' | 'invoicedTotal'
      | 'qualityReviewsConfirmed' | 'qualityReviewsRechecked' | 'conclusionsUpheld' | 'moClaims'
    >();
    expectTypeOf(smoIndicators).parameter(0).toEqualTypeOf<SmoIndicatorsInput>();
    expectTypeOf<SmoIndicatorsInput['notSubmitted']>().toEqualTypeOf<'leave-out' | 'count-as-zero' | undefined>();
    expectTypeOf<SmoAnnualAssessmentInput['notSubmitted']>().toEqualTypeOf<NotSubmittedPolicy | undefined>();
    expectTypeOf<SmoIndicatorsInput['workedWholePeriod']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<SmoAnnualAssessmentInput['workedWholePeriod']>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error — no other policy for data not submitted
    smoIndicators({ quarter: 1, data: {}, notSubmitted: 'zero' });
    // @ts-expect-error — there is no fifth quarter
    smoIndicators({ quarter: 5, data: {} });
    // @ts-expect-error — violations are required for the annual assessment
    smoAnnualAssessment({ data: {} });
  });

  it('results', () => {
    expectTypeOf(smoIndicators).returns.toEqualTypeOf<SmoIndicators>();
    expectTypeOf<SmoIndicators['scoreExact']>().toEqualTypeOf<Decimal>();
    expectTypeOf<SmoIndicators['indicators'][number]['value']>().toEqualTypeOf<Decimal>();
    expectTypeOf<SmoIndicators['indicators'][number]['reason']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SmoIndicators['trace']>().toEqualTypeOf<TraceStep[]>();
    expectTypeOf<SmoIndicatorStatus>().toEqualTypeOf<'computed' | 'not-submitted' | 'missing-data' | 'zero-denominator' | 'not-used'>();
    expectTypeOf<SmoIndicators['assessed']>().toEqualTypeOf<boolean>();
    expectTypeOf<SmoIndicators['notAssessedReason']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SmoIndicators['annualNote']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SmoIndicators['notSubmittedIndicators']>().toEqualTypeOf<(1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10)[]>();
    expectTypeOf<SmoIndicators['leavingOutRaisedScore']>().toEqualTypeOf<boolean>();
    expectTypeOf<SmoAnnualAssessment['notSubmittedPolicy']>().toEqualTypeOf<NotSubmittedPolicy>();
    expectTypeOf<SmoAnnualAssessment['assessed']>().toEqualTypeOf<boolean>();
    expectTypeOf(smoAnnualAssessment).returns.toEqualTypeOf<SmoAnnualAssessment>();
    expectTypeOf<SmoAnnualAssessment['indicators'][number]['kEff']>().toEqualTypeOf<Decimal>();
    expectTypeOf<SmoAnnualAssessment['indicators'][number]['violations']>().toEqualTypeOf<number>();
    expectTypeOf(federalMonitoring).returns.toEqualTypeOf<FederalMonitoring>();
    expectTypeOf<FederalMonitoring['bonusApplied']>().toEqualTypeOf<boolean>();
    expectTypeOf(smoRating).returns.toEqualTypeOf<SmoRating>();
    expectTypeOf<SmoRating['rows'][number]['rank']>().toEqualTypeOf<number>();
    expectTypeOf(mergeIndicatorData).returns.toEqualTypeOf<MergedIndicatorData>();
    expectTypeOf(monitoringDeadlines({ year: 2026, quarter: 1 }).smoReport.date).toEqualTypeOf<string>();
  });

  it('a merged result feeds an assessment; a federal result feeds the rating', () => {
    const merged = mergeIndicatorData({ parts: [{ appeals: 1 }] });
    expectTypeOf(merged.data).toExtend<IndicatorData>();
    const f = federalMonitoring({ regions: [{ region: '77', scoreExact: '90', noViolations: true }] });
    expectTypeOf(smoRating).toBeCallableWith({ smos: [{ smo: 'A', resultExact: f.resultExact }] });
  });

  it('schemas parse to Decimals and accept the input types', () => {
    expectTypeOf<z.output<typeof SmoIndicatorsInputSchema>['data']['appeals']>().toEqualTypeOf<Decimal | undefined>();
    expectTypeOf<z.input<typeof SmoIndicatorsInputSchema>>().toEqualTypeOf<SmoIndicatorsInput>();
    expectTypeOf<z.input<typeof IndicatorDataSchema>>().toEqualTypeOf<IndicatorData>();
    expectTypeOf<z.output<typeof FederalMonitoringInputSchema>['regions'][number]['scoreExact']>().toEqualTypeOf<Decimal>();
  });

  it('the indicators as data keep their literal numbers and points', () => {
    expectTypeOf(SMO_INDICATORS[7].number).toEqualTypeOf<8>();
    expectTypeOf(SMO_INDICATORS[6].sanctionPoints).toEqualTypeOf<readonly ['4.1', '10', '12', '13']>();
  });
});
