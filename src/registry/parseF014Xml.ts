import { SaxesParser } from 'saxes';
import { invalidInput, isOmsCalcError, makeIssue, tableIssue, show, type OmsCalcIssue } from '../_internal';
import { defineF014, type F014Table } from '../sanctions';

const FIELDS = new Set(['Kod', 'IDVID', 'Naim', 'Osn', 'Komment', 'KodPG', 'DATEBEG', 'DATEEND', 'K_NO', 'K_SH']);

/** `dd.MM.yyyy` → `yyyy-MM-dd`; other text is returned as it is (and then fails validation). */
function isoOf(s: string): string {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  return m === null ? s : `${m[3]}-${m[2]}-${m[1]}`;
}

/**
 * Reads the classifier F014 as the Federal fund publishes it — an XML file `packet/zglv/zap`, one
 * `zap` per row with Kod, IDVID, Naim, Osn, Komment, KodPG, DATEBEG, DATEEND, K_NO, K_SH; dates
 * `dd.MM.yyyy`, Osn with a trailing dot, K_NO and K_SH 0 where there is none — into the same
 * table as `builtinF014` (through `defineF014`), for the `f014` option of the audit.
 *
 * Source: Классификатор F014 (ФФОМС), the reference service's XML form.
 *
 * @param xml - the file's text
 * @returns the table, id `'f014'`
 * @throws {@link OmsCalcError} `INVALID_INPUT`: broken XML (with its line), a row without Kod,
 *   Osn or DATEBEG, a bad date or coefficient (the path names `entries`, the row and the field)
 * @example
 * ```ts
 * import { parseF014Xml } from 'oms-calc/registry';
 *
 * const f014 = parseF014Xml(`<?xml version="1.0" encoding="windows-1251"?>
 * <packet><zglv><type>NSI</type></zglv>
 * <zap><Kod>205</Kod><IDVID>1</IDVID><Naim>…</Naim><Osn>1.4.2.</Osn><DATEBEG>25.05.2021</DATEBEG><DATEEND></DATEEND><K_NO>1</K_NO><K_SH>0</K_SH></zap>
 * </packet>`);
 * [f014.entries[0]?.osn, f014.entries[0]?.dateBeg, f014.entries[0]?.kno?.toString()]; // ['1.4.2', '2021-05-25', '1']
 * ```
 */
export function parseF014Xml(xml: string): F014Table {
  if (typeof xml !== 'string') throw invalidInput('parseF014Xml', [makeIssue('invalid_type', [], { expected: 'text', received: show(xml) }, 'expected the text of the F014 XML file (a string)')]);
  const issues: OmsCalcIssue[] = [];
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let row: Record<string, string> | undefined;
  let field: string | undefined;
  let text = '';
  parser.on('doctype', (d) => {
    if (/<!ENTITY/i.test(d)) issues.push(tableIssue('malformed_xml', [], { line: parser.line, detail: 'a DOCTYPE that declares entities is not read (entities are never expanded)' }));
  });
  parser.on('error', (e) => {
    issues.push(tableIssue('malformed_xml', [], { line: parser.line, detail: `broken XML: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}` }));
  });
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    const d = path.length;
    if (d === 2 && tag.name.toLowerCase() === 'zap' && path[0]?.toLowerCase() === 'packet') {
      row = {};
      lines.push(parser.line);
    } else if (d === 3 && row !== undefined && FIELDS.has(tag.name)) {
      field = tag.name;
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (field !== undefined) text += t;
  });
  parser.on('cdata', (t) => {
    if (field !== undefined) text += t;
  });
  parser.on('closetag', () => {
    const d = path.length;
    if (d === 3 && field !== undefined && row !== undefined) {
      row[field] = text.trim();
      field = undefined;
    } else if (d === 2 && row !== undefined) {
      rows.push(row);
      row = undefined;
    }
    path.pop();
  });
  parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).close();
  if (issues.length === 0 && rows.length === 0) issues.push(tableIssue('not_f014', []));
  if (issues.length > 0) throw invalidInput('parseF014Xml', issues);
  const coefficient = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s.replace(',', '.'));
  const entries = rows.map((r) => {
    const kod = r.Kod !== undefined && /^\d{1,3}$/.test(r.Kod) ? Number(r.Kod) : r.Kod;
    const end = r.DATEEND;
    return {
      kod,
      osn: r.Osn,
      dateBeg: r.DATEBEG === undefined ? undefined : isoOf(r.DATEBEG),
      ...(end === undefined || end === '' ? {} : { dateEnd: isoOf(end) }),
      kno: coefficient(r.K_NO),
      ksht: coefficient(r.K_SH),
      ...(r.Naim === undefined || r.Naim === '' ? {} : { title: r.Naim }),
    };
  });
  try {
    return defineF014({ id: 'f014', title: 'Классификатор причин отказа (частичного отказа) в оплате медицинской помощи (F014)', source: 'Классификатор F014 (ФФОМС), файл XML справочника', entries });
  } catch (e) {
    if (!isOmsCalcError(e)) throw e;
    throw invalidInput(
      'parseF014Xml',
      e.issues.map((i) => {
        const n = i.path[0] === 'entries' && typeof i.path[1] === 'number' ? i.path[1] : undefined;
        return n === undefined ? i : { ...i, message: `zap ${n + 1} (line ${lines[n] ?? '?'}): ${i.message}` };
      }),
    );
  }
}
