/**
 * Golden registers, written by hand in the format of Приказ ФФОМС № 34н (H-file), each audited
 * against the built-in coefficient table (Тарифное соглашение от 09.01.2025, прил. 25) and F014
 * (rows from 2021-05-25). The arithmetic of every amount is worked out below.
 *
 * consistent.xml (windows-1251; DATE_Z_2 2025-06-10, so the 2025 table is in force):
 *   1  IDCASE 101  SUMV 12500.00, no SANK                      SUMP 12500.00  SANK_IT 0     OPLATA 1
 *   2  IDCASE 102  SUMV 48750.00, МЭК (S_TIP 1) S_OSN 205 = п. 1.4.2, Кно 1:
 *                  S_SUM = 48750.00 × 1 = 48750.00             SUMP 0         SANK_IT 48750.00  OPLATA 2
 *   3  IDCASE 103  SUMV 20333.33, ЭКМП (S_TIP 70) S_OSN 256 = п. 3.2.2, Кно 0.4:
 *                  20333.33 × 0.4 = 8133.332 → 8133.33         SUMP 20333.33 − 8133.33 = 12200.00  OPLATA 3
 *   4  IDCASE 104  SL 1: 30000.00, SL 2: 15000.05, SUMV 45000.05; МЭЭ (S_TIP 51) S_OSN 243 = п. 2.13,
 *                  Кно 0.1, SL_ID 2: РТ = 15000.05, 15000.05 × 0.1 = 1500.005 → 1500.01 (half up)
 *                  SUMP 45000.05 − 1500.01 = 43500.04          OPLATA 3
 *   5  IDCASE 105  SUMV 5000.00, МЭЭ S_OSN 0, S_SUM 0 (examined, no defect)   OPLATA 1
 *   6  IDCASE 106  SUMV 3000.00, МЭК S_OSN 201 = п. 1.1: no Кно (a fine only, Кшт 0.3), so S_SUM 0;
 *                  not a ZERO_MEK_SANK (decision D19)          OPLATA 1
 *   SCHET: SUMMAV = 12500 + 48750 + 20333.33 + 45000.05 + 5000 + 3000 = 134583.38
 *          SUMMAP = 12500 + 0 + 12200 + 43500.04 + 5000 + 3000 = 76200.04
 *          SANK_MEK = 48750.00 + 0 = 48750.00; SANK_MEE = 1500.01 + 0 = 1500.01; SANK_EKMP = 8133.33
 *
 * defects.xml — one planted defect per rule (each case breaks exactly one):
 *   1  SUMV 10000.00, п. 3.2.2 (Кно 0.4): 10000 × 0.4 = 4000.00, the file has 4000.01   → SANK_SUM_MISMATCH
 *      (SANK_IT 4000.01, SUMP 5999.99: 10000 − 5999.99 − 4000.01 = 0; OPLATA 3)
 *   2  SUMV 2000.00, п. 1.4.2: S_SUM 2000.00 but SANK_IT 1999.00                       → SANK_IT_MISMATCH
 *      (SUMP 1.00: 2000 − 1 − 1999 = 0; OPLATA 3: 0 < 1999 < 2000)
 *   3  SUMV 700.00, SUMP 699.00, SANK_IT 0: 700 − 699 − 0 = 1 ≠ 0                    → SUMP_MISMATCH
 *   4  SUMV 9000.00, п. 3.2.1 (Кно 0.1): 900.00, SANK_IT 900.00, but OPLATA 1           → OPLATA_MISMATCH
 *   5  S_OSN 999: no such Kod in F014                                                  → UNKNOWN_OSN
 *   6  two SANK S_OSN 0, S_SUM 0, S_TIP 70                                             → DUPLICATE_SANK
 *   7  МЭК (S_TIP 1) with S_SUM 0 on SUMV 1500.00                                      → ZERO_MEK_SANK
 *   8  S_TIP 2, a code of an earlier period (not a control type on 2025-07-10)         → UNKNOWN_S_TIP
 *   9  SUMV 3000.00, п. 2.13 (Кно 0.1): 300.00 — correct
 *   SCHET: Σ SUMV = 10000 + 2000 + 700 + 9000 + 1000 + 5000 + 1500 + 800 + 3000 = 33000.00,
 *          the file has SUMMAV 33000.01                                                → SCHET_SUM_MISMATCH
 *          Σ SUMP = 5999.99 + 1 + 699 + 8100 + 900 + 5000 + 1500 + 800 + 2700 = 25699.99 (agrees)
 *          МЭЭ: 100.00 (case 5) + 300.00 (case 9) = 400.00, the file has SANK_MEE 300.00 → SCHET_SANK_MISMATCH
 *          МЭК: 2000.00 + 0 = 2000.00; ЭКМП: 4000.01 + 900.00 + 0 = 4900.01 (agree)
 *   ZGLV: SD_Z 10, but 9 Z_SL                                                         → SD_Z_MISMATCH
 *
 * one-sl-of-two.xml: SL A 30000.00, SL B 15000.05; МЭЭ п. 2.13 naming SL B only:
 *   15000.05 × 0.1 = 1500.005 → 1500.01. Had it named the whole case: 45000.05 × 0.1 = 4500.005 → 4500.01.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRegistry, readRegistry, type Finding, type RegistryItem } from '../../src/registry';

const dir = join(import.meta.dirname, 'registry');
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
const text = (name: string): string => readFileSync(join(dir, name), 'utf8');
const brief = (f: Finding): unknown[] => [f.rule, f.nZap, f.sCode, f.expected?.toString(), f.actual?.toString()];

async function items(source: Iterable<Uint8Array | string>): Promise<RegistryItem[]> {
  const out: RegistryItem[] = [];
  for await (const item of readRegistry(source)) out.push(item);
  return out;
}

describe('golden registers', () => {
  it('a consistent register (windows-1251) has no findings, and the totals are the hand-worked ones', async () => {
    const audit = await auditRegistry([bytes('consistent.xml')]);
    expect(audit.findings).toEqual([]);
    expect([audit.cases, audit.sanctions]).toEqual([6, 5]);
    const t = audit.totals;
    expect([t.MEK, t.MEE, t.EKMP].map(String)).toEqual(['48750', '1500.01', '8133.33']);
    expect([t.recomputed.MEK, t.recomputed.MEE, t.recomputed.EKMP].map(String)).toEqual(['48750', '1500.01', '8133.33']);
    expect([t.sumv, t.sump, t.sankIt].map(String)).toEqual(['134583.38', '76200.04', '58383.34']);
    expect(Object.keys(t.byPoint)).toEqual(['0', '1.1', '1.4.2', '2.13', '3.2.2']);
    expect(t.byPoint['3.2.2']).toMatchObject({ sanctions: 1 });
    expect(String(t.byPoint['3.2.2']?.recomputed)).toBe('8133.33');
    expect(audit.trace.map((s) => s.symbol)).toEqual(['Кно', 'Н', 'S_SUM МЭК', 'S_SUM МЭЭ', 'S_SUM ЭКМП', 'нарушения']);
  });

  it('reads the Cyrillic of a windows-1251 file, and every case with its N_ZAP and line', async () => {
    const all = await items([bytes('consistent.xml')]);
    expect(all.map((i) => i.kind)).toEqual(['schet', 'case', 'case', 'case', 'case', 'case', 'case']);
    const c2 = all[2];
    expect(c2?.kind === 'case' && [c2.nZap, c2.idcase, c2.line, c2.sank[0]?.sCode, c2.sank[0]?.numAct]).toEqual(['2', '102', 13, 'М-1', 'АКТ-М-1']);
    const schet = all[0];
    expect(schet?.kind === 'schet' && [schet.summav, schet.header.sdZ, schet.header.filename]).toEqual(['134583.38', '6', 'HM770001S77001_2506']);
  });

  it('a register with one planted defect per rule gives exactly those findings, in file order', async () => {
    const audit = await auditRegistry([bytes('defects.xml')]);
    expect(audit.findings.map(brief)).toEqual([
      ['SANK_SUM_MISMATCH', '1', 'D1', '4000', '4000.01'],
      ['SANK_IT_MISMATCH', '2', undefined, '2000', '1999'],
      ['SUMP_MISMATCH', '3', undefined, '700', '699'],
      ['OPLATA_MISMATCH', '4', undefined, '0', '900'],
      ['UNKNOWN_OSN', '5', 'D5', undefined, undefined],
      ['DUPLICATE_SANK', '6', 'D6b', undefined, undefined],
      ['ZERO_MEK_SANK', '7', 'D7', undefined, undefined],
      ['UNKNOWN_S_TIP', '8', 'D8', undefined, undefined],
      ['SCHET_SUM_MISMATCH', undefined, undefined, '33000', '33000.01'],
      ['SCHET_SANK_MISMATCH', undefined, undefined, '400', '300'],
      ['SD_Z_MISMATCH', undefined, undefined, '9', '10'],
    ]);
    const [sum] = audit.findings;
    expect(sum?.message).toBe(
      'N_ZAP 1, IDCASE 201, S_CODE D1: S_SUM = 4000.01 ≠ 4000.00: РТ × Кно = 10000.00 × 0.4 = 4000.00 (РТ: SUMV = 10000.00; Кно п. 3.2.2: таблица tariff-agreement-2025-01-09-annex-25) (Приказ Минздрава № 231н; F014 Kod 256 = п. 3.2.2)',
    );
    expect([sum?.line, sum?.point, sum?.idcase]).toEqual([9, '3.2.2', '201']);
    expect(audit.findings.find((f) => f.rule === 'SCHET_SANK_MISMATCH')?.element).toBe('SANK_MEE');
    expect(audit.byRule).toEqual({
      SANK_SUM_MISMATCH: 1, SANK_IT_MISMATCH: 1, SUMP_MISMATCH: 1, OPLATA_MISMATCH: 1, UNKNOWN_OSN: 1, DUPLICATE_SANK: 1,
      ZERO_MEK_SANK: 1, UNKNOWN_S_TIP: 1, SCHET_SUM_MISMATCH: 1, SCHET_SANK_MISMATCH: 1, SD_Z_MISMATCH: 1,
    });
    // the file's МЭЭ beside the table's: case 5's 100.00 cannot be recomputed (S_OSN 999), so it adds nothing
    expect([audit.totals.MEE.toString(), audit.totals.recomputed.MEE.toString()]).toEqual(['400', '300']);
    expect([audit.totals.EKMP.toString(), audit.totals.recomputed.EKMP.toString()]).toEqual(['4900.01', '4900']);
  });

  it('a sanction that names one SL of two is checked against that SL’s amount', async () => {
    const xml = text('one-sl-of-two.xml');
    expect((await auditRegistry([xml])).findings).toEqual([]);
    // the same S_SUM with no SL_ID: РТ is SUMV, 45000.05 × 0.1 = 4500.01
    const whole = await auditRegistry([xml.replace('<SL_ID>B</SL_ID><S_OSN>', '<S_OSN>')]);
    expect(whole.findings.map(brief)).toEqual([['SANK_SUM_MISMATCH', '1', 'S-1', '4500.01', '1500.01']]);
    // naming an SL the case does not have
    const unknown = await auditRegistry([xml.replace('<SL_ID>B</SL_ID><S_OSN>', '<SL_ID>C</SL_ID><S_OSN>')]);
    expect(unknown.findings.map((f) => f.rule)).toEqual(['UNKNOWN_SL_ID']);
  });

  it('coefficients: "f014" takes K_NO from the classifier, and gives the same here (the table agrees with F014)', async () => {
    const audit = await auditRegistry([bytes('consistent.xml')], { coefficients: 'f014' });
    expect(audit.findings).toEqual([]);
    expect(audit.coefficients).toBe('f014');
  });
});
