/**
 * `oms-calc registry`: the audit of a register of invoices from XML and from ZIP (the invoice file
 * found by its name, the L file skipped, the archive inflated as it arrives), the findings as CSV
 * for Excel or JSON, the Russian totals, the exit codes. The registers come from
 * test/registry/generate.ts, with planted defects whose findings are known in advance.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_COLUMNS, csvCell } from '../../src/cli/registry';
import { INVOICE_FILE } from '../../src/cli/registry-zip';
import { encodeWindows1251, generateRegistry } from '../registry/generate';
import { run, scratch, shell } from './helpers';

const H = 'HM770001S77001_2506.xml';
const L = 'LM770001S77001_2506.xml';

/** 400 cases, a defect in every 40th (10 defects, the five kinds twice). */
const generated = generateRegistry({ cases: 400, seed: 3, defects: { every: 40 } });
const concat = (parts: Iterable<Uint8Array>): Uint8Array => {
  const list = [...parts];
  const out = new Uint8Array(list.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of list) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const xml = concat(generated.bytes());
const personal = encodeWindows1251('<?xml version="1.0" encoding="windows-1251"?>\n<PERS_LIST><PERS><ID_PAC>1</ID_PAC><FAM>Иванова</FAM></PERS></PERS_LIST>\n');

/** A ZIP written by fflate's streaming Zip: entries with data descriptors (sizes after the data), as a streaming writer makes them. */
function streamedZip(entries: [string, Uint8Array, 'deflate' | 'store'][]): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((e, data) => {
    if (e !== null) throw e;
    parts.push(data);
  });
  for (const [name, data, how] of entries) {
    const file = how === 'deflate' ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(file);
    for (let i = 0; i < data.length; i += 10_000) file.push(data.subarray(i, i + 10_000), i + 10_000 >= data.length);
  }
  zip.end();
  return concat(parts);
}

let dir = '';
let remove = (): void => {};
beforeAll(() => {
  ({ dir, remove } = scratch({}));
  writeFileSync(join(dir, H), xml);
  // the personal-data file first, so that the reader has to skip it
  writeFileSync(join(dir, 'register.zip'), zipSync({ [L]: personal, [H]: xml }));
  writeFileSync(join(dir, 'streamed.zip'), streamedZip([[L, personal, 'store'], [`2506/${H}`, xml, 'deflate']]));
  writeFileSync(join(dir, 'stored.zip'), zipSync({ [H]: [xml, { level: 0 }], [L]: personal }));
  writeFileSync(join(dir, 'no-invoice.zip'), zipSync({ [L]: personal, 'readme.txt': strToU8('счета нет') }));
  writeFileSync(join(dir, 'cases.csv'), 'id;tariff\n1;100\n');
  writeFileSync(join(dir, 'broken.zip'), zipSync({ [H]: xml }).subarray(0, 5000));
});
afterAll(() => remove());

const expectedRows = generated.expected.defects.map((d) => `${d.rule}@${d.nZap}`).sort();

function csvRows(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parse(text.slice(1), { delimiter: ';', columns: true, relax_column_count: false }) as Record<string, string>[];
  return rows;
}

describe('oms-calc registry: the findings', () => {
  it('audits the XML (windows-1251): one CSV row per planted defect, Excel-ready, exit 0', async () => {
    const r = await run(dir, ['registry', H, '--out', 'findings.csv']);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'findings.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe(`\uFEFF${FINDING_COLUMNS.join(';')}`);
    const rows = csvRows(text);
    expect(rows.map((row) => `${row['rule']}@${row['n_zap']}`).sort()).toEqual(expectedRows);
    // the S_SUM defect: one kopeck below the table's amount, in decimal commas
    const sSum = rows.find((row) => row['rule'] === 'SANK_SUM_MISMATCH') as Record<string, string>;
    const [rub, kop] = (sSum['expected'] as string).split(',');
    expect(kop).toMatch(/^\d\d$/);
    const minusOne = (BigInt(`${rub}${kop}`) - 1n).toString().padStart(3, '0');
    expect(sSum['actual']).toBe(`${minusOne.slice(0, -2)},${minusOne.slice(-2)}`);
    expect(sSum['s_code']).toBe(`${sSum['n_zap']}-1`);
    expect(Number(sSum['line'])).toBeGreaterThan(10);
  });

  it('prints the totals in Russian on standard error: cases, sanctions, S_SUM by class beside the table', async () => {
    const r = await run(dir, ['registry', H]);
    expect(r.code).toBe(0);
    const e = generated.expected;
    const ru = (s: string): string => s.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
    expect(r.stderr).toContain(`Случаев (Z_SL): ${e.cases}; санкций (SANK): ${e.sanctions}`);
    expect(r.stderr).toMatch(new RegExp(`МЭК\\s+${ru(e.actual.MEK)}\\s+${ru(e.recomputed.MEK)}`));
    expect(r.stderr).toMatch(new RegExp(`ЭКМП\\s+${ru(e.actual.EKMP)}\\s+${ru(e.recomputed.EKMP)}`));
    expect(r.stderr).toContain(`Предъявлено (Σ SUMV): ${ru(e.sumv)} ₽`);
    expect(r.stderr).toContain('Нарушений: 10');
    expect(r.stderr).not.toContain('\r'); // no progress line when standard error is not a terminal
    // without --out the findings go to standard output
    expect(csvRows(r.stdout)).toHaveLength(10);
  });

  it('reads the same findings from a ZIP, skipping the L file before the H file', async () => {
    const xmlRun = await run(dir, ['registry', H]);
    for (const zip of ['register.zip', 'streamed.zip', 'stored.zip']) {
      const r = await run(dir, ['registry', zip]);
      expect(r.code, zip).toBe(0);
      expect(r.stdout, zip).toBe(xmlRun.stdout);
      expect(r.stderr, zip).toContain(`→ ${zip === 'streamed.zip' ? `2506/${H}` : H}`);
      expect(r.stderr, zip).toContain(`пропущено: ${L}`);
    }
  });

  it('writes the whole audit as JSON with --out *.json: counts, totals to the kopeck, findings', async () => {
    const r = await run(dir, ['registry', 'register.zip', '--out', 'audit.json']);
    expect(r.code).toBe(0);
    const audit = JSON.parse(readFileSync(join(dir, 'audit.json'), 'utf8')) as {
      source: string;
      cases: number;
      sanctions: number;
      byRule: Record<string, number>;
      totals: { MEK: string; MEE: string; EKMP: string; recomputed: Record<string, string>; sumv: string; sump: string; sankIt: string };
      findings: { rule: string; nZap: string; expected?: string }[];
    };
    const e = generated.expected;
    expect(audit.source).toBe(`register.zip/${H}`);
    expect([audit.cases, audit.sanctions]).toEqual([e.cases, e.sanctions]);
    expect({ MEK: audit.totals.MEK, MEE: audit.totals.MEE, EKMP: audit.totals.EKMP }).toEqual(e.actual);
    expect(audit.totals.recomputed).toEqual(e.recomputed);
    expect([audit.totals.sumv, audit.totals.sump, audit.totals.sankIt]).toEqual([e.sumv, e.sump, e.sankIt]);
    expect(audit.byRule).toEqual({ SANK_SUM_MISMATCH: 2, SANK_IT_MISMATCH: 2, SUMP_MISMATCH: 2, OPLATA_MISMATCH: 2, UNKNOWN_OSN: 2 });
    expect(audit.findings.map((f) => `${f.rule}@${f.nZap}`).sort()).toEqual(expectedRows);
    expect(audit.findings.find((f) => f.expected !== undefined)?.expected).toMatch(/^\d+\.\d\d$/);
  });

  it('a consistent register: no findings, the header row alone, recomputed = the file', async () => {
    const clean = generateRegistry({ cases: 150, seed: 11, encoding: 'utf-8' });
    writeFileSync(join(dir, 'HM770001S77001_2507.xml'), concat(clean.bytes()));
    const r = await run(dir, ['registry', 'HM770001S77001_2507.xml', '--format', 'json']);
    expect(r.code).toBe(0);
    const audit = JSON.parse(r.stdout) as { findings: unknown[]; totals: { recomputed: Record<string, string> } };
    expect(audit.findings).toEqual([]);
    expect(audit.totals.recomputed).toEqual(clean.expected.actual);
    expect(r.stderr).toContain('Нарушений правил реестра не найдено.');
  });

  it('--max-findings keeps the first N findings and counts all of them', async () => {
    const r = await run(dir, ['registry', H, '--max-findings', '3']);
    expect(r.code).toBe(0);
    expect(csvRows(r.stdout)).toHaveLength(3);
    expect(r.stderr).toContain('Нарушений: 10 (в выводе первые 3)');
  });

  it('shows a progress line when standard error is a terminal', async () => {
    const r = await run(dir, ['registry', H], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\rПрочитано \d+ МБ из \d+ МБ \(\d+ %\)/);
  });

  it('reads a ZIP from standard input (--input -), as it arrives through a pipe', () => {
    const r = shell('cat streamed.zip | oms registry --input - --out piped.csv', { cwd: dir });
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, 'piped.csv'), 'utf8');
    expect(csvRows(text).map((row) => `${row['rule']}@${row['n_zap']}`).sort()).toEqual(expectedRows);
  }, 30_000);
});

describe('oms-calc registry: exit codes', () => {
  it('2 when the input is not a register: CSV, a ZIP without an invoice file, a broken ZIP', async () => {
    const csv = await run(dir, ['registry', 'cases.csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('cases.csv: not a register of invoices');
    const none = await run(dir, ['registry', 'no-invoice.zip']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`no invoice file`);
    expect(none.stderr).toContain(`it holds ${L}, readme.txt`);
    const broken = await run(dir, ['registry', 'broken.zip']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.zip');
  });

  it('2 for bad options, every problem named; 1 for a missing file', async () => {
    const bad = await run(dir, ['registry', H, '--combine', 'min', '--max-findings', '-1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-findings takes a whole number ≥ 0');
    const combine = await run(dir, ['registry', H, '--combine', 'min']);
    expect(combine.code).toBe(2);
    expect(combine.stderr).toContain('combine');
    const missing = await run(dir, ['registry', 'absent.xml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read absent.xml');
    const noFile = await run(dir, ['registry']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('missing FILE.xml or FILE.zip');
  });

  it('--help shows the usage, the ZIP rule and an example', async () => {
    const r = await run(dir, ['registry', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: oms-calc registry [file]');
    expect(r.stdout).toContain(INVOICE_FILE.source);
    expect(r.stdout).toMatch(/Example/);
  });
});

describe('oms-calc registry: cells Excel would run', () => {
  it("prefixes a text cell that opens with = + - @ tab or CR with ', and quotes ; \" and line breaks", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    for (const c of ['+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(c)).toBe(/[\r"]/.test(c) ? `"'${c}"` : `'${c}`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('ЗАП-1')).toBe('ЗАП-1');
    expect(csvCell('-5,00', false)).toBe('-5,00');
  });

  it('writes an S_CODE and an N_ZAP from the file safely', async () => {
    const evil = new TextDecoder().decode(xml).replace('<N_ZAP>40</N_ZAP>', '<N_ZAP>=1+2</N_ZAP>').replace(/<S_CODE>(\d+-1)<\/S_CODE>/g, '<S_CODE>@cmd;$1</S_CODE>');
    writeFileSync(join(dir, 'HM770001S77001_2508.xml'), evil.replace('encoding="windows-1251"', 'encoding="UTF-8"'));
    const r = await run(dir, ['registry', 'HM770001S77001_2508.xml']);
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    const cells = rows.flatMap((row) => Object.entries(row));
    for (const [column, value] of cells) {
      if (/^[=+\-@\t\r]/.test(value)) expect.fail(`${column} = ${value}`);
    }
    expect(rows.some((row) => row['n_zap'] === "'=1+2")).toBe(true);
    expect(rows.some((row) => row['s_code']?.startsWith("'@cmd;"))).toBe(true);
  });
});

describe('the generated registers these tests use (test/registry/generate.ts)', () => {
  it('are seeded, and windows-1251 and UTF-8 carry the same text, Cyrillic included', () => {
    const a = generateRegistry({ cases: 60, seed: 9, encoding: 'windows-1251' });
    const b = generateRegistry({ cases: 60, seed: 9, encoding: 'utf-8' });
    const text = [...a.chunks()].join('');
    expect([...generateRegistry({ cases: 60, seed: 9 }).chunks()].join('')).toBe(text);
    expect([...generateRegistry({ cases: 60, seed: 10 }).chunks()].join('')).not.toBe(text);
    expect(text).toMatch(/<S_COM>[^<]*[А-Яа-яЁё]/);
    const cp1251 = new TextDecoder('windows-1251').decode(concat(a.bytes()));
    const utf8 = new TextDecoder().decode(concat(b.bytes()));
    expect(cp1251.replace('windows-1251', 'UTF-8')).toBe(utf8);
    expect(() => encodeWindows1251('€')).toThrow(RangeError);
    expect([...encodeWindows1251('Ёё№А')]).toEqual([0xa8, 0xb8, 0xb9, 0xc0]);
  });
});
