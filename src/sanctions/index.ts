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
  type CoefficientBasis,
  type SanctionSection,
  type SanctionTable,
  type SanctionTableInput,
  type ViolationEntry,
  type ViolationEntryInput,
  type ParsedSanctionTableInput,
  type ParsedViolationEntryInput,
} from './table';
export { findViolation, type FindViolationOptions } from './findViolation';
export { builtinF014 } from './builtinF014';
export { defineF014 } from './defineF014';
export { findF014 } from './findF014';
export {
  F014TableInputSchema,
  type F014Entry,
  type F014EntryInput,
  type F014Table,
  type F014TableInput,
  type ParsedF014TableInput,
} from './f014';
export { sanctionTableFromF014, type SanctionTableFromF014Input } from './sanctionTableFromF014';
export {
  SanctionOptionsSchema,
  SanctionStreamOptionsSchema,
  type CombinePolicy,
  type RecomputationPolicy,
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
export { readPerCapitaRates } from './readPerCapitaRates';
export { sanctionStream, isSanctionErrorRow, type SanctionErrorRow } from './sanctionStream';
export { sanctionRows } from './sanctionRows';
export { sanctionCsv, type SanctionCsvStream } from './sanctionCsv';
export { sanctionCsvBytes } from './sanctionCsvBytes';
export { sanctionCsvSync, type SanctionCsvSync } from './sanctionCsvSync';
export type { SanctionCsvOptions } from './csvOptions';
export type { SanctionCsvTotals, SanctionCsvError } from './csvEngine';
export { mergeSanctionTotals, type SanctionTotalsInput } from './mergeSanctionTotals';
export { compareCodes, sanctionTotals, type SanctionTotals, type SanctionCodeTotals, type SanctionSectionTotals } from './sanctionTotals';
export {
  allocateSanctionProceeds,
  AllocateSanctionProceedsInputSchema,
  DEFAULT_PROCEEDS_SHARES,
  type AllocateSanctionProceedsInput,
  type SanctionProceeds,
} from './allocateSanctionProceeds';
export * from '../shared';
