/**
 * Each exported schema's input is exactly the documented input type: the type and the schema
 * cannot drift apart (the parsed types are derived from the schemas, `z.output`).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type ReplenishmentScheduleInput,
  ReplenishmentScheduleInputSchema,
  type ReserveYearEvent,
  ReserveYearEventSchema,
  type ReserveYearInput,
  ReserveYearInputSchema,
} from '../../src/replenishment';
import {
  type CareRisk,
  CareRiskSchema,
  type PayablesEstimate,
  PayablesEstimateSchema,
  type PlannedReserveInput,
  PlannedReserveInputSchema,
  type ReserveAtRiskInput,
  ReserveAtRiskInputSchema,
  type ReserveSizeInput,
  ReserveSizeInputSchema,
  type Scenario,
  ScenarioSchema,
} from '../../src/reserve';
import {
  type CaseInput,
  CaseInputSchema,
  type F014TableInput,
  F014TableInputSchema,
  type SanctionOptions,
  SanctionOptionsSchema,
  type SanctionStreamOptions,
  SanctionStreamOptionsSchema,
  type SanctionTableInput,
  SanctionTableInputSchema,
  type ViolationEntryInput,
  ViolationEntryInputSchema,
} from '../../src/sanctions';
import {
  type FederalMonitoringInput,
  FederalMonitoringInputSchema,
  type IndicatorData,
  IndicatorDataSchema,
  type MergeIndicatorDataInput,
  MergeIndicatorDataInputSchema,
  type RegionScore,
  RegionScoreSchema,
  type SmoAnnualAssessmentInput,
  SmoAnnualAssessmentInputSchema,
  type SmoIndicatorsInput,
  SmoIndicatorsInputSchema,
  type SmoRatingInput,
  SmoRatingInputSchema,
  type SmoResult,
  SmoResultSchema,
  type SmoViolation,
  SmoViolationSchema,
} from '../../src/smo-rating';
import {
  type FormRow,
  FormRowSchema,
  type FormatFormRowsOptions,
  FormatFormRowsOptionsSchema,
  type SubventionClaimInput,
  SubventionClaimInputSchema,
  type SubventionDecisionInput,
  SubventionDecisionInputSchema,
} from '../../src/subvention';

describe('schemas and their input types', () => {
  it('z.input of each schema is its documented input type', () => {
    expectTypeOf<z.input<typeof CaseInputSchema>>().toEqualTypeOf<CaseInput>();
    expectTypeOf<z.input<typeof SubventionDecisionInputSchema>>().toEqualTypeOf<SubventionDecisionInput>();
    expectTypeOf<z.input<typeof FormRowSchema>>().toEqualTypeOf<FormRow>();
    expectTypeOf<z.input<typeof FormatFormRowsOptionsSchema>>().toEqualTypeOf<FormatFormRowsOptions>();
    expectTypeOf<z.input<typeof SubventionClaimInputSchema>>().toEqualTypeOf<SubventionClaimInput>();
    expectTypeOf<z.input<typeof ReserveYearEventSchema>>().toEqualTypeOf<ReserveYearEvent>();
    expectTypeOf<z.input<typeof ReserveYearInputSchema>>().toEqualTypeOf<ReserveYearInput>();
    expectTypeOf<z.input<typeof ReplenishmentScheduleInputSchema>>().toEqualTypeOf<ReplenishmentScheduleInput>();
    expectTypeOf<z.input<typeof SmoResultSchema>>().toEqualTypeOf<SmoResult>();
    expectTypeOf<z.input<typeof SmoRatingInputSchema>>().toEqualTypeOf<SmoRatingInput>();
    expectTypeOf<z.input<typeof SmoIndicatorsInputSchema>>().toEqualTypeOf<SmoIndicatorsInput>();
    expectTypeOf<z.input<typeof SmoViolationSchema>>().toEqualTypeOf<SmoViolation>();
    expectTypeOf<z.input<typeof SmoAnnualAssessmentInputSchema>>().toEqualTypeOf<SmoAnnualAssessmentInput>();
    expectTypeOf<z.input<typeof MergeIndicatorDataInputSchema>>().toEqualTypeOf<MergeIndicatorDataInput>();
    expectTypeOf<z.input<typeof IndicatorDataSchema>>().toEqualTypeOf<IndicatorData>();
    expectTypeOf<z.input<typeof RegionScoreSchema>>().toEqualTypeOf<RegionScore>();
    expectTypeOf<z.input<typeof FederalMonitoringInputSchema>>().toEqualTypeOf<FederalMonitoringInput>();
    expectTypeOf<z.input<typeof PlannedReserveInputSchema>>().toEqualTypeOf<PlannedReserveInput>();
    expectTypeOf<z.input<typeof ScenarioSchema>>().toEqualTypeOf<Scenario>();
    expectTypeOf<z.input<typeof CareRiskSchema>>().toEqualTypeOf<CareRisk>();
    expectTypeOf<z.input<typeof PayablesEstimateSchema>>().toEqualTypeOf<PayablesEstimate>();
    expectTypeOf<z.input<typeof ReserveSizeInputSchema>>().toEqualTypeOf<ReserveSizeInput>();
    expectTypeOf<z.input<typeof ReserveAtRiskInputSchema>>().toEqualTypeOf<ReserveAtRiskInput>();
  });

  it('the sanctions inputs take readonly arrays: the schema input is narrower, checked one way', () => {
    expectTypeOf<z.input<typeof ViolationEntryInputSchema>>().toExtend<ViolationEntryInput>();
    expectTypeOf<z.input<typeof SanctionTableInputSchema>>().toExtend<SanctionTableInput>();
    expectTypeOf<z.input<typeof SanctionStreamOptionsSchema>>().toExtend<SanctionStreamOptions>();
    expectTypeOf<z.input<typeof SanctionOptionsSchema>>().toExtend<SanctionOptions>();
    expectTypeOf<z.input<typeof F014TableInputSchema>>().toExtend<F014TableInput>();
  });
});
