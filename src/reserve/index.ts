/**
 * `oms-calc/reserve` — the size of a territorial fund's normed insurance reserve (НСЗ), the
 * planned reserve within the 6–10 % band, the legacy one-month rule and the placement limit.
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
} from './reserveSize';
export { ScenarioSchema, type Scenario, type DeviationKind } from './scenarios';
export {
  plannedReserve,
  PlannedReserveInputSchema,
  type PlannedReserveInput,
  type PlannedReserve,
  type PlannedReserveStatus,
} from './plannedReserve';
export {
  plannedReserveHorizon,
  PlannedReserveHorizonInputSchema,
  type PlannedReserveYear,
  type PlannedReserveHorizon,
  type PlannedReserveHorizonRow,
} from './plannedReserveHorizon';
export { legacyReserve, LegacyReserveInputSchema, type LegacyReserveInput, type LegacyReserve } from './legacyReserve';
export { placementLimit, PlacementLimitInputSchema, type PlacementLimitInput, type PlacementLimit } from './placementLimit';
export * from '../shared';
