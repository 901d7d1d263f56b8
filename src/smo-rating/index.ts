/**
 * `oms-calc/smo-rating` — the ten indicators by which a territorial fund assesses an insurer
 * (СМО), the efficiency coefficient Кэфф of the annual assessment, the score, the Federal fund's
 * monitoring result and the rating (Приказ ФФОМС № 140н, ред. № 111н).
 *
 * @module smo-rating
 */
export {
  SMO_INDICATORS,
  type IndicatorDefinition,
  type IndicatorField,
  type IndicatorNumber,
  type IndicatorSymbol,
} from './indicators';
export {
  IndicatorDataSchema,
  INDICATOR_FIELDS,
  INDICATOR_MAX_COUNT,
  INDICATOR_MAX_MONEY,
  type IndicatorData,
  type IndicatorFieldInfo,
  type IndicatorFieldKind,
  type ParsedIndicatorData,
} from './indicatorData';
export {
  InsurerKindSchema,
  NotSubmittedPolicySchema,
  ReportingQuarterSchema,
  type NotSubmittedPolicy,
  type SmoIndicatorStatus,
  type SmoIndicatorValue,
  type InsurerKind,
  type ReportingQuarter,
} from './assessment';
export {
  smoIndicators,
  SmoIndicatorsInputSchema,
  type ParsedSmoIndicatorsInput,
  type SmoIndicators,
  type SmoIndicatorsInput,
} from './smoIndicators';
export {
  smoAnnualAssessment,
  SmoAnnualAssessmentInputSchema,
  SmoViolationSchema,
  type SmoAnnualIndicatorValue,
  type ParsedSmoViolation,
  type ParsedSmoAnnualAssessmentInput,
  type SmoViolation,
  type SmoAnnualAssessment,
  type SmoAnnualAssessmentInput,
} from './smoAnnualAssessment';
export {
  federalMonitoring,
  FederalMonitoringInputSchema,
  RegionScoreSchema,
  type FederalMonitoring,
  type FederalMonitoringInput,
  type ParsedFederalMonitoringInput,
  type ParsedRegionScore,
  type RegionScore,
} from './federalMonitoring';
export {
  smoRating,
  SmoRatingInputSchema,
  SmoResultSchema,
  type ParsedSmoRatingInput,
  type ParsedSmoResult,
  type SmoRating,
  type SmoRatingInput,
  type SmoRatingRow,
  type SmoResult,
} from './smoRating';
export {
  mergeIndicatorData,
  MergeIndicatorDataInputSchema,
  type MergedIndicatorData,
  type MergeIndicatorDataInput,
  type MissingInMerge,
  type ParsedMergeIndicatorDataInput,
} from './mergeIndicatorData';
export {
  monitoringDeadlines,
  MonitoringDeadlinesInputSchema,
  type MonitoringDeadline,
  type MonitoringDeadlines,
  type MonitoringDeadlinesInput,
} from './monitoringDeadlines';
export * from '../shared';
