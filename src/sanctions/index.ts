/**
 * `oms-calc/sanctions` — reductions and fines on medical organisations by violation code:
 * non-payment Н = РТ × Кно and fine Сшт = РП × Кшт, with the coefficient table of Приложение № 25
 * к тарифному соглашению от 09.01.2025 as versioned data; for one case, for registries of
 * millions (streaming, exact integer fast path) and for the split of the money withheld.
 *
 * @module sanctions
 */
export { builtinSanctionTable } from './builtinSanctionTable';
export { annex25Sections as sanctionSections } from './data/tariff-agreement-2025-01-09-annex-25';
export { defineSanctionTable } from './defineSanctionTable';
export {
  SanctionTableInputSchema,
  ViolationEntryInputSchema,
  type SanctionSection,
  type SanctionTable,
  type SanctionTableInput,
  type ViolationEntry,
  type ViolationEntryInput,
  type ParsedSanctionTableInput,
  type ParsedViolationEntryInput,
} from './table';
export { findViolation, type FindViolationOptions } from './findViolation';
export {
  SanctionOptionsSchema,
  SanctionStreamOptionsSchema,
  type CombinePolicy,
  type PerCapitaRates,
  type SanctionOptions,
  type SanctionStreamOptions,
  type Setting,
  type ParsedSanctionOptions,
} from './options';
export {
  caseSanction,
  CaseInputSchema,
  type CaseInput,
  type CaseSanction,
  type SanctionRow,
  type ViolationInput,
  type ViolationSanction,
  type ParsedCaseInput,
} from './caseSanction';
export { sanctionStream, isSanctionErrorRow, type SanctionErrorRow } from './sanctionStream';
export { sanctionRows } from './sanctionRows';
export { sanctionTotals, type SanctionTotals, type SanctionCodeTotals, type SanctionSectionTotals } from './sanctionTotals';
export {
  allocateSanctionProceeds,
  AllocateSanctionProceedsInputSchema,
  DEFAULT_PROCEEDS_SHARES,
  type AllocateSanctionProceedsInput,
  type SanctionProceeds,
} from './allocateSanctionProceeds';
export * from '../shared';
