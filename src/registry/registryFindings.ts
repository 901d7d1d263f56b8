import { Auditor } from './audit';
import { sourceKind, type RegistrySource } from './decode';
import { resolveAuditOptions, type AuditRegistryOptions } from './options';
import { scanStream } from './read';
import type { Finding } from './types';

/**
 * The findings of {@link auditRegistry}, streamed as the file is read: the same findings in the
 * same order, without holding them. The invoice's rules (SCHET, SD_Z) come last, when the whole
 * file has been read.
 *
 * Source: as {@link auditRegistry}.
 *
 * @param source - the file's bytes or text
 * @param options - as {@link auditRegistry} (`maxFindings` is ignored)
 * @returns an async iterable of {@link Finding}
 * @throws {@link OmsCalcError} `INVALID_INPUT` for bad options (at once); `NOT_A_REGISTER` from
 *   the iteration for a source that is not a register
 * @example
 * ```ts no-run
 * import { registryFindings } from 'oms-calc/registry';
 *
 * const response = await fetch('https://fund.example/registers/HM770001S77002_2506.xml');
 * for await (const f of registryFindings(response.body!)) console.log(f.line, f.rule, f.message);
 * ```
 */
export function registryFindings(source: RegistrySource, options?: AuditRegistryOptions): AsyncIterable<Finding> {
  const o = resolveAuditOptions(options, 'registryFindings');
  sourceKind(source);
  let sink: Finding[] = [];
  const auditor = new Auditor(o, (f) => sink.push(f));
  return scanStream<Finding>(
    source,
    o.encoding,
    (r, out) => {
      sink = out;
      auditor.record(r);
    },
    (scanner, out) => {
      sink = out;
      auditor.finish(scanner, [], {}, false);
    },
  );
}
