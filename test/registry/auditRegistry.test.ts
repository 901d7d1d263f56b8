/**
 * The rules of the audit one by one, on small registers written inline: the base of a sanction,
 * the combine policies (D19), a code with only a fine and S_OSN 0 (D18), where Кно comes from,
 * the control types (D20), the fines reported beside.
 */
import { describe, expect, it } from 'vitest';
import { auditRegistry, builtinControlTypes, controlClassOf, type Finding } from '../../src/registry';
import { defineSanctionTable } from '../../src/sanctions';

interface Sank {
  sum: string;
  tip: number;
  osn: number;
  sl?: string[];
  code?: string;
  date?: string;
}

/** One case (SL 1 of `sumv`, or the SL given), its sanctions, SANK_IT and SUMP from them; a SCHET that agrees. */
function register(sumv: string, sanks: Sank[], options: { sl?: [string, string][]; dateZ2?: string; uslOk?: number } = {}): string {
  const k = (s: string): number => Math.round(Number(s) * 100);
  const rub = (n: number): string => (n / 100).toFixed(2);
  const sankIt = sanks.reduce((a, s) => a + k(s.sum), 0);
  const byClass: Record<string, number> = { MEK: 0, MEE: 0, EKMP: 0 };
  for (const s of sanks) {
    const cls = controlClassOf(s.tip, s.date ?? '2025-07-10');
    if (cls !== undefined) byClass[cls] = (byClass[cls] ?? 0) + k(s.sum);
  }
  const oplata = sankIt === 0 ? 1 : sankIt === k(sumv) ? 2 : 3;
  const sl = (options.sl ?? [['1', sumv]]).map(([id, m]) => `<SL><SL_ID>${id}</SL_ID><SUM_M>${m}</SUM_M></SL>`).join('');
  const sank = sanks
    .map(
      (s, i) =>
        `<SANK><S_CODE>${s.code ?? `S${i + 1}`}</S_CODE><S_SUM>${s.sum}</S_SUM><S_TIP>${s.tip}</S_TIP>${(s.sl ?? []).map((x) => `<SL_ID>${x}</SL_ID>`).join('')}<S_OSN>${s.osn}</S_OSN><DATE_ACT>${s.date ?? '2025-07-10'}</DATE_ACT><NUM_ACT>1</NUM_ACT></SANK>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ZL_LIST><ZGLV><VERSION>3.2</VERSION><SD_Z>1</SD_Z></ZGLV>
<SCHET><SUMMAV>${sumv}</SUMMAV><SUMMAP>${rub(k(sumv) - sankIt)}</SUMMAP><SANK_MEK>${rub(byClass.MEK ?? 0)}</SANK_MEK><SANK_MEE>${rub(byClass.MEE ?? 0)}</SANK_MEE><SANK_EKMP>${rub(byClass.EKMP ?? 0)}</SANK_EKMP></SCHET>
<ZAP><N_ZAP>1</N_ZAP><Z_SL><IDCASE>1</IDCASE><USL_OK>${options.uslOk ?? 1}</USL_OK><DATE_Z_2>${options.dateZ2 ?? '2025-06-10'}</DATE_Z_2>${sl}<SUMV>${sumv}</SUMV><OPLATA>${oplata}</OPLATA><SUMP>${rub(k(sumv) - sankIt)}</SUMP>
${sank}
<SANK_IT>${rub(sankIt)}</SANK_IT></Z_SL></ZAP></ZL_LIST>`;
}

const brief = (findings: Finding[]): unknown[] => findings.map((f) => [f.rule, f.sCode, f.expected?.toString(), f.actual?.toString()]);

describe('auditRegistry — the rules one by one', () => {
  // Kods of F014 from 2021-05-25: 205 = 1.4.2 (Кно 1), 243 = 2.13 (Кно 0.1), 255 = 3.2.1 (Кно 0.1),
  // 263 = 3.5 (Кно 0.3), 201 = 1.1 (Кшт 0.3 only), 270 = 3.12 (Кшт 0.3 only), 256 = 3.2.2 (Кно 0.4, Кшт 0.3)
  it("combine 'max': the largest Н is carried by one sanction; the others must be 0", async () => {
    // SUMV 1000: 3.2.1 → 100, 3.5 → 300, 2.13 → 100; the largest is 3.5's 300
    const ok = register('1000.00', [
      { sum: '0.00', tip: 70, osn: 255 },
      { sum: '300.00', tip: 70, osn: 263 },
      { sum: '0.00', tip: 51, osn: 243 },
    ]);
    expect((await auditRegistry([ok])).findings).toEqual([]);
    // each sanction with its own Н: two are then too much under 'max'
    const each = register('1000.00', [
      { sum: '100.00', tip: 70, osn: 255 },
      { sum: '300.00', tip: 70, osn: 263 },
      { sum: '100.00', tip: 51, osn: 243 },
    ]);
    const audit = await auditRegistry([each]);
    expect(brief(audit.findings)).toEqual([
      ['SANK_SUM_MISMATCH', 'S1', '0', '100'],
      ['SANK_SUM_MISMATCH', 'S3', '0', '100'],
    ]);
    expect(audit.findings[0]?.message).toContain('по правилу «max» (решения D5, D19) на эту санкцию приходится 0.00');
    // … and right under 'sum-capped': 100 + 300 + 100 = 500 ≤ 1000
    expect((await auditRegistry([each], { combine: 'sum-capped' })).findings).toEqual([]);
  });

  it("on a tie the point first in the list carries it (2.13 before 3.2.1), whatever the file's order", async () => {
    // 3.2.1 and 2.13 both give 1000 × 0.1 = 100
    const xml = register('1000.00', [
      { sum: '0.00', tip: 70, osn: 255 },
      { sum: '100.00', tip: 51, osn: 243 },
    ]);
    expect((await auditRegistry([xml])).findings).toEqual([]);
  });

  it("'sum-capped' caps at SUMV in the order of the list", async () => {
    // SUMV 1000: 1.4.2 → 1000 (takes it all), 3.5 → 300 but nothing is left
    const xml = register('1000.00', [
      { sum: '0.00', tip: 70, osn: 263 },
      { sum: '1000.00', tip: 1, osn: 205 },
    ]);
    expect((await auditRegistry([xml], { combine: 'sum-capped' })).findings).toEqual([]);
    expect((await auditRegistry([xml], { combine: 'sum-capped' })).combine).toBe('sum-capped');
  });

  it('a zero МЭК sanction is an error, unless the table gives the zero (a fine-only point, or another sanction carries Н)', async () => {
    const zero = await auditRegistry([register('1000.00', [{ sum: '0.00', tip: 1, osn: 205 }])]);
    expect(brief(zero.findings)).toEqual([
      ['SANK_SUM_MISMATCH', 'S1', '1000', '0'],
      ['ZERO_MEK_SANK', 'S1', undefined, undefined],
    ]);
    // п. 1.1 has no Кно: its S_SUM is 0 by the table
    expect((await auditRegistry([register('1000.00', [{ sum: '0.00', tip: 1, osn: 201 }])])).findings).toEqual([]);
    // 1.4.2 under 'max' beside 3.2.2's larger? No: 1.4.2 gives 1000, the largest; 3.2.2 (400) carries 0 — МЭЭ/ЭКМП zeros are no error anyway
    const both = register('1000.00', [
      { sum: '1000.00', tip: 1, osn: 205 },
      { sum: '0.00', tip: 70, osn: 256 },
    ]);
    expect((await auditRegistry([both])).findings).toEqual([]);
    // S_OSN 0 on МЭК with S_SUM 0 is reported
    expect(brief((await auditRegistry([register('1000.00', [{ sum: '0.00', tip: 1, osn: 0 }])])).findings)).toEqual([['ZERO_MEK_SANK', 'S1', undefined, undefined]]);
  });

  it('a code with only a fine must have S_SUM 0; the fine is reported beside when rates are given', async () => {
    const xml = register('1000.00', [{ sum: '300.00', tip: 70, osn: 270 }]);
    const audit = await auditRegistry([xml]);
    expect(brief(audit.findings)).toEqual([['SANK_SUM_MISMATCH', 'S1', '0', '300']]);
    expect(audit.findings[0]?.message).toContain('у п. 3.12 нет Кно (таблица tariff-agreement-2025-01-09-annex-25): неоплаты нет, штраф РП × Кшт в S_SUM не входит');
    // the fine: РП (hospital, USL_OK 1) 7123.36 × 0.3 = 2137.008 → 2137.01, and 3.2.2's 0.3 too
    const fined = await auditRegistry([register('1000.00', [{ sum: '0.00', tip: 70, osn: 270 }])], { perCapitaRates: { hospital: '7123.36' } });
    expect(fined.findings).toEqual([]);
    expect(fined.totals.fines?.EKMP.toString()).toBe('2137.01');
    expect((await auditRegistry([xml])).totals.fines).toBeUndefined();
  });

  it('S_OSN 0 means no defect: its S_SUM must be 0', async () => {
    const audit = await auditRegistry([register('1000.00', [{ sum: '10.00', tip: 51, osn: 0 }])]);
    expect(brief(audit.findings)).toEqual([['SANK_SUM_MISMATCH', 'S1', '0', '10']]);
    expect(audit.findings[0]?.message).toMatch(/S_OSN = 0 — нарушений нет, санкция 0/);
  });

  it('Кно from the table in force on DATE_Z_2, F014’s K_NO without one, or always with coefficients: "f014"', async () => {
    const regional = defineSanctionTable({
      id: 'region-2025', title: 'Перечень', source: 'Тарифное соглашение региона', validFrom: '2025-01-01',
      entries: [{ code: '3.2.1', section: 'EKMP', title: '…', kno: '0.2', ksht: null }],
    });
    // 1000 × 0.2 = 200 by the regional table, 1000 × 0.1 = 100 by F014
    const xml = register('1000.00', [{ sum: '200.00', tip: 70, osn: 255 }]);
    expect((await auditRegistry([xml], { tables: [regional] })).findings).toEqual([]);
    expect(brief((await auditRegistry([xml], { tables: [regional], coefficients: 'f014' })).findings)).toEqual([['SANK_SUM_MISMATCH', 'S1', '100', '200']]);
    // a 2024 case: no table in force, so F014's K_NO (0.1); the trace counts it
    const old = await auditRegistry([register('1000.00', [{ sum: '100.00', tip: 70, osn: 255 }], { dateZ2: '2024-12-20' })], { tables: [regional] });
    expect(old.findings).toEqual([]);
    expect(old.trace[0]?.formula).toMatch(/: 0 санкций; K_NO F014 \(f014-2021-05-25\), где в таблице нет пункта или таблицы на дату: 1$/);
    // a point the table does not carry (2.3.1, Kod 229, Кшт 1 only in F014): F014's K_NO
    expect((await auditRegistry([register('1000.00', [{ sum: '0.00', tip: 51, osn: 229 }])])).findings).toEqual([]);
  });

  it('S_TIP: a code of an earlier period is unknown until the user adds it', async () => {
    const xml = register('1000.00', [{ sum: '100.00', tip: 2, osn: 255 }]);
    // unknown: the finding, and the sanction is in no class's sum (the invoice here has SANK_EKMP 0)
    expect((await auditRegistry([xml])).findings.map((f) => f.rule)).toEqual(['UNKNOWN_S_TIP']);
    const types = [...builtinControlTypes, { tip: 2, class: 'EKMP' as const, dateBeg: '2011-01-01' }];
    const withOld = await auditRegistry([xml.replace('<SANK_EKMP>0.00</SANK_EKMP>', '<SANK_EKMP>100.00</SANK_EKMP>')], { controlTypes: types });
    expect(withOld.findings).toEqual([]);
    expect(withOld.totals.EKMP.toString()).toBe('100');
  });

  it('duplicates: the same S_CODE twice, the same (S_OSN, S_SUM, S_TIP) twice', async () => {
    const xml = register('1000.00', [
      { sum: '0.00', tip: 51, osn: 0, code: 'A' },
      { sum: '0.00', tip: 70, osn: 0, code: 'A' },
    ]);
    expect((await auditRegistry([xml])).findings.map((f) => f.rule)).toEqual(['DUPLICATE_S_CODE']);
    const same = register('1000.00', [
      { sum: '0.00', tip: 70, osn: 0, code: 'A' },
      { sum: '0.00', tip: 70, osn: 0, code: 'B' },
    ]);
    expect((await auditRegistry([same])).findings.map((f) => [f.rule, f.sCode])).toEqual([['DUPLICATE_SANK', 'B']]);
  });

  it('an SL named twice counts once; РТ of two named SL is their sum', async () => {
    const sl: [string, string][] = [
      ['1', '600.00'],
      ['2', '400.00'],
    ];
    // 3.5, Кно 0.3, on SL 1 and 2: (600 + 400) × 0.3 = 300; on SL 2 twice: 400 × 0.3 = 120
    expect((await auditRegistry([register('1000.00', [{ sum: '300.00', tip: 70, osn: 263, sl: ['1', '2'] }], { sl })])).findings).toEqual([]);
    expect((await auditRegistry([register('1000.00', [{ sum: '120.00', tip: 70, osn: 263, sl: ['2', '2'] }], { sl })])).findings).toEqual([]);
  });
});
