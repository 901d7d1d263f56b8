import type { RegistrySource } from './decode';
import { sourceKind } from './decode';
import { Auditor, FindingCollector } from './audit';
import { resolveAuditOptions, type AuditRegistryOptions } from './options';
import { scanAll } from './read';
import type { RegistryAudit } from './types';

/**
 * Audits every sanction of a register of invoices against the coefficient table and the
 * format's sum rules (`registry.md` §3), reading the file as a stream:
 *
 *     S_SUM = РТ × Кно     РТ = Σ SL/SUM_M of the SL the sanction names (SL_ID), or SUMV
 *     Σ S_SUM = SANK_IT    SUMV − SUMP − SANK_IT = 0    OPLATA agrees with SANK_IT
 *     SCHET: SUMMAV = Σ SUMV, SUMMAP = Σ SUMP, SANK_MEK/MEE/EKMP = Σ S_SUM of the class (S_TIP, F006)
 *
 * S_OSN is F014's Kod, read on DATE_ACT; Кно comes from the table in force on the case's date
 * (DATE_Z_2) or, with `coefficients: 'f014'`, from F014's K_NO. Several sanctions of one case
 * combine as `combine` says (D5, D19). Amounts are compared as integer kopecks, exactly.
 *
 * A bad value, a missing element or broken XML is a `MALFORMED` finding: the rest of the file is
 * still audited and no case is lost. Only a source that is not XML at all is an error.
 *
 * Source: Приказ ФФОМС № 34н (format); Приказ Минздрава № 231н (Н = РТ × Кно); classifiers F014
 * and F006; decisions D5, D18–D21.
 *
 * @param source - the file's bytes or text (a Node stream, a `fetch` body, `File.stream()`, chunks)
 * @param options - `tables`, `date`, `perCapitaRates`, `combine`, `f014`, `coefficients`,
 *   `controlTypes`, `encoding`, `maxFindings`
 * @returns a promise of the findings, the totals (actual beside recomputed) and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for bad options (at once); the promise rejects with
 *   `NOT_A_REGISTER` for a source that is not XML, not a ZL_LIST, or in an encoding the runtime
 *   cannot decode
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { auditRegistry } from 'oms-calc/registry';
 *
 * // the sample register of the repository (examples/data/registry)
 * const audit = await auditRegistry(createReadStream('examples/data/registry/HM770001S77001_2506.xml'));
 * audit.findings.map((f) => `${f.line}: ${f.rule}`); // ['299: SANK_SUM_MISMATCH', '572: SANK_IT_MISMATCH']
 * [audit.totals.MEK.toString(), audit.totals.recomputed.MEK.toString()]; // ['53992.67', '53992.67']   (the file's МЭК beside the table's)
 * ```
 */
export function auditRegistry(source: RegistrySource, options?: AuditRegistryOptions): Promise<RegistryAudit> {
  const o = resolveAuditOptions(options, 'auditRegistry');
  sourceKind(source);
  return (async (): Promise<RegistryAudit> => {
    const collector = new FindingCollector(o.maxFindings);
    const auditor = new Auditor(o, collector.add);
    const scanner = await scanAll(source, o.encoding, (r) => auditor.record(r));
    return auditor.finish(scanner, collector.findings, collector.counted, collector.truncated);
  })();
}
