/**
 * `oms-calc/replenishment` — the monthly replenishment of the normed insurance reserve
 * (НСЗ_i = (НСЗпл − НСЗнпф) / П) and the month-by-month ledger of a fund year with spending,
 * income from placing the reserve and its restoration.
 *
 * @module replenishment
 */
export {
  replenishmentSchedule,
  ReplenishmentScheduleInputSchema,
  type ReplenishmentScheduleInput,
  type ReplenishmentSchedule,
  type ReplenishmentInstallment,
  type ParsedReplenishmentScheduleInput,
} from './replenishmentSchedule';
export {
  reserveYear,
  ReserveYearInputSchema,
  ReserveYearEventSchema,
  type ReserveYearInput,
  type ReserveYearEvent,
  type ReserveYear,
  type ReserveYearMonth,
  type ReserveYearTotals,
  type ReserveYearPeriod,
  type ReserveYearWarning,
  type ParsedReserveYearEvent,
  type ParsedReserveYearInput,
} from './reserveYear';
export * from '../shared';
