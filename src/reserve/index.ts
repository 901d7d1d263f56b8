/**
 * `oms-calc/reserve` — the size of a territorial fund's normed insurance reserve (НСЗ), the
 * planned reserve within the 6–10 % band beside today's statutory cap (326-ФЗ, ст. 26), the legacy
 * one-month rule, the placement limit, and the non-normative risk-based sizing (value at risk of
 * the reserve).
 *
 * @module reserve
 */
export {
  reserveSize,
  ReserveSizeInputSchema,
  CareRiskSchema,
  PayablesEstimateSchema,
  type ReserveSizeInput,
  type ReserveSize,
  type CareRisk,
  type PayablesEstimate,
  type PayablesGroup,
  type ParsedReserveSizeInput,
  type ParsedCareRisk,
  type ParsedPayablesEstimate,
} from './reserveSize';
export { ScenarioSchema, type Scenario, type ParsedScenario, type DeviationKind } from './scenarios';
export {
  plannedReserve,
  PlannedReserveInputSchema,
  type PlannedReserveInput,
  type PlannedReserve,
  type PlannedReserveStatus,
  type ParsedPlannedReserveInput,
  type TargetArticlesInput,
  type TargetArticles,
} from './plannedReserve';
export {
  plannedReserveHorizon,
  PlannedReserveHorizonInputSchema,
  type PlannedReserveYear,
  type PlannedReserveHorizon,
  type PlannedReserveHorizonRow,
} from './plannedReserveHorizon';
export { legacyReserve, LegacyReserveInputSchema, type LegacyReserveInput, type LegacyReserve } from './legacyReserve';
export {
  reserveAtRisk,
  ReserveAtRiskInputSchema,
  reserveAtRiskDefaults,
  type ReserveAtRiskInput,
  type ReserveAtRisk,
  type ReserveAtRiskLevel,
  type ReserveAtRiskMethod,
  type ParsedReserveAtRiskInput,
} from './reserveAtRisk';
export {
  placementLimit,
  PlacementLimitInputSchema,
  type PlacementLimitInput,
  type PlacementLimit,
  type PlacementRefusal,
  type PlacementRefusalCode,
} from './placementLimit';
export * from '../shared';
