import * as z from 'zod';
import { parseInput } from '../_internal';
import { sourceKind, type RegistrySource } from './decode';
import { scanStream } from './read';
import type { CaseRec, Rec, SankRec, SchetRec, SlRec } from './scanner';
import type { RegistryCase, RegistryItem, RegistrySank, RegistrySchet, RegistrySl } from './types';

/** Options of {@link readRegistry}. */
export interface ReadRegistryOptions {
  /** The encoding of the bytes (a `TextDecoder` label); default: from the BOM or the XML prolog, else UTF-8. */
  encoding?: string | undefined;
}

/** Schema of {@link ReadRegistryOptions}. */
export const ReadRegistryOptionsSchema: z.ZodType<ReadRegistryOptions, ReadRegistryOptions> = z.strictObject({
  encoding: z.string({ error: 'expected an encoding label such as "windows-1251"' }).min(1, 'expected an encoding label such as "windows-1251"').optional(),
});

const put = <T extends object>(target: T, key: keyof T, value: string | undefined): void => {
  if (value !== undefined) (target as Record<keyof T, unknown>)[key] = value;
};

function slItem(s: SlRec): RegistrySl {
  const out: RegistrySl = { line: s.line };
  put(out, 'slId', s.slId);
  put(out, 'tarif', s.tarif);
  put(out, 'sumM', s.sumM);
  return out;
}

function sankItem(s: SankRec): RegistrySank {
  const out: RegistrySank = { line: s.line, slId: s.slId, codeExp: s.codeExp };
  put(out, 'sCode', s.sCode);
  put(out, 'sSum', s.sSum);
  put(out, 'sTip', s.sTip);
  put(out, 'sOsn', s.sOsn);
  put(out, 'dateAct', s.dateAct);
  put(out, 'numAct', s.numAct);
  put(out, 'sCom', s.sCom);
  put(out, 'sIst', s.sIst);
  return out;
}

function caseItem(c: CaseRec): RegistryCase {
  const out: RegistryCase = { kind: 'case', line: c.line, sl: c.sl.map(slItem), sank: c.sank.map(sankItem) };
  for (const key of ['nZap', 'prNov', 'idcase', 'uslOk', 'dateZ1', 'dateZ2', 'idsp', 'sumv', 'oplata', 'sump', 'sankIt'] as const) put(out, key, c[key]);
  return out;
}

function schetItem(s: SchetRec): RegistrySchet {
  const out: RegistrySchet = { kind: 'schet', line: s.line, header: { ...s.header } };
  for (const key of ['code', 'codeMo', 'year', 'month', 'nschet', 'dschet', 'plat', 'summav', 'summap', 'sankMek', 'sankMee', 'sankEkmp'] as const) put(out, key, s[key]);
  return out;
}

/** The public item of a record. */
export function toItem(r: Rec): RegistryItem {
  return r.kind === 'case' ? caseItem(r) : r.kind === 'schet' ? schetItem(r) : r;
}

/**
 * Reads a register of invoices (the XML of Приказ ФФОМС № 34н: ZL_LIST … SCHET … ZAP/Z_SL … SL,
 * SANK) as a stream: one item per SCHET (with the file's title, ZGLV), per finished case Z_SL
 * (with its SL, all its SANK, the ZAP's N_ZAP and the line of the element), and per bad element.
 * Memory stays flat: elements that carry no money are skipped, not kept.
 *
 * The encoding is the XML prolog's (`windows-1251` or UTF-8); the source may be cut anywhere.
 * Details: docs/guides/registry.md.
 *
 * Source: Приказ ФФОМС от 31.03.2021 № 34н (format of the register of invoices, H-file).
 *
 * @param source - the file's bytes or text: a Node stream, a Deno file's `readable`, a browser
 *   `File.stream()`, a `fetch` body, or an array of chunks
 * @param options - `encoding`, to override the prolog
 * @returns an async iterable of {@link RegistryItem}
 * @throws {@link OmsCalcError} `INVALID_INPUT` for bad options (at once); `NOT_A_REGISTER` (from
 *   the iteration) for a source that is not XML, whose root is not ZL_LIST, or whose encoding the
 *   runtime cannot decode. Bad content inside the register is a `malformed` item, never an error.
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { readRegistry } from 'oms-calc/registry';
 *
 * // the sample register of the repository (examples/data/registry)
 * const cases: string[] = [];
 * for await (const item of readRegistry(createReadStream('examples/data/registry/HM770001S77001_2506.xml'))) {
 *   if (item.kind === 'case') cases.push(`${item.idcase}: ${item.sumv}`);
 *   if (item.kind === 'malformed') console.warn(`line ${item.line}: ${item.message}`);
 * }
 * cases.length; // 12
 * ```
 */
export function readRegistry(source: RegistrySource, options?: ReadRegistryOptions): AsyncIterable<RegistryItem> {
  const o = parseInput(ReadRegistryOptionsSchema, options ?? {}, 'readRegistry');
  sourceKind(source);
  return scanStream<RegistryItem>(source, o.encoding, (r, out) => out.push(toItem(r)));
}
