/**
 * `oms-calc/registry` — the registers of invoices as funds exchange them (the XML of Приказ ФФОМС
 * № 34н: ZL_LIST … SCHET … ZAP/Z_SL … SL, SANK), read as a stream, and the audit of every
 * sanction in them against the coefficient table (S_SUM = РТ × Кно) and the format's sum rules,
 * to the kopeck; classifiers F014 (S_OSN → point) and F006 (S_TIP → МЭК/МЭЭ/ЭКМП).
 *
 * @module registry
 */
export { readRegistry, ReadRegistryOptionsSchema, type ReadRegistryOptions } from './readRegistry';
export { auditRegistry } from './auditRegistry';
export { registryFindings } from './registryFindings';
export { parseF014Xml } from './parseF014Xml';
export { builtinControlTypes, controlClassOf, ControlTypeSchema, type ControlType } from './controlTypes';
export type { AuditRegistryOptions, CoefficientSource } from './options';
export type { ByteStreamLike, RegistrySource } from './decode';
export type {
  ClassAmounts,
  ControlClass,
  Finding,
  FindingRule,
  PointTotals,
  RegistryAudit,
  RegistryCase,
  RegistryHeader,
  RegistryItem,
  RegistryMalformed,
  RegistrySank,
  RegistrySchet,
  RegistrySl,
  RegistryTotals,
} from './types';
export * from '../shared';
