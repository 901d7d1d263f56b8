/**
 * Laws of the audit over generated registers. The expected S_SUM of every sanction comes from an
 * independent reference: `caseSanction` of oms-calc/sanctions (whole-case sanctions: its
 * `appliedNonPayment` under the same combine policy) or decimal.js (a sanction naming one SL).
 * A small generator of its own writes the XML; it knows nothing of the audit's code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/_internal';
import { auditRegistry, type Finding } from '../../src/registry';
import { builtinF014, builtinSanctionTable, caseSanction, sanctionTotals, type CaseInput, type CombinePolicy } from '../../src/sanctions';

/** Points both in F014 and in the built-in table, with their Kod. */
const POINTS = builtinF014.entries.filter((e) => builtinSanctionTable.entries.some((t) => t.code === e.osn)).map((e) => ({ kod: e.kod, osn: e.osn, section: e.section }));
const TIPS = { MEK: [1], MEE: [50, 51, 55, 59, 88, 90, 93], EKMP: [70, 73, 79, 84, 86, 89] } as const;
const WORDS = ['Невыполнение назначений', 'Ошибка в реестре', 'Ёмкость «№ 5»', 'нарушений нет'];

interface GenSank {
  code: string;
  kod: number;
  osn: string;
  tip: number;
  slId?: string;
  sum: bigint; // kopecks
  comment: string;
}
interface GenCase {
  sumv: bigint;
  sl: bigint[];
  sanks: GenSank[];
}

const rub = (k: bigint): string => `${k / 100n}.${String(k % 100n).padStart(2, '0')}`;
const kop = (x: { toString(): string }): bigint => BigInt(new D(x.toString()).times(100).toFixed(0));

/** One case: its SL amounts and sanctions, the S_SUMs filled in from the reference under `combine`. */
function caseArb(combine: CombinePolicy): fc.Arbitrary<GenCase> {
  return fc
    .record({
      sl: fc.array(fc.bigInt({ min: 1n, max: 5_000_000_000n }), { minLength: 1, maxLength: 2 }),
      points: fc.uniqueArray(fc.constantFrom(...POINTS), { maxLength: 3, selector: (p) => p.osn }),
      tipPick: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 3 }),
      oneSl: fc.boolean(),
    })
    .map(({ sl, points, tipPick, words, oneSl }): GenCase => {
      const sumv = sl.reduce((a, b) => a + b, 0n);
      const section = (p: (typeof POINTS)[number]): 'MEK' | 'MEE' | 'EKMP' => p.section ?? 'MEK';
      const tip = (p: (typeof POINTS)[number], i: number): number => {
        const list = TIPS[section(p)];
        return list[(tipPick[i] as number) % list.length] as number;
      };
      if (oneSl && sl.length === 2 && points.length > 0) {
        // one sanction naming the second SL: S_SUM = SUM_M × Кно, rounded half up (decimal.js)
        const p = points[0] as (typeof POINTS)[number];
        const kno = builtinSanctionTable.entries.find((e) => e.code === p.osn)?.kno;
        const sum = kno === null || kno === undefined ? 0n : kop(new D(rub(sl[1] as bigint)).times(kno).toDecimalPlaces(2, D.ROUND_HALF_UP));
        return { sumv, sl, sanks: [{ code: 'Санкция-1', kod: p.kod, osn: p.osn, tip: tip(p, 0), slId: '2', sum, comment: words[0] as string }] };
      }
      if (points.length === 0) return { sumv, sl, sanks: [] };
      const ref = caseSanction({ tariff: rub(sumv), date: '2025-06-10', perCapitaRate: '1000', violations: points.map((p) => p.osn) }, { combine });
      const sanks = points.map((p, i): GenSank => ({ code: `С-${i + 1}`, kod: p.kod, osn: p.osn, tip: tip(p, i), sum: kop((ref.details[i] as { appliedNonPayment: unknown } & object).appliedNonPayment as object), comment: words[i] as string }));
      return { sumv, sl, sanks };
    });
}

const CLASS_OF_TIP = (tip: number): 'MEK' | 'MEE' | 'EKMP' => (tip === 1 ? 'MEK' : (TIPS.MEE as readonly number[]).includes(tip) ? 'MEE' : 'EKMP');

/** The register's XML, consistent: SANK_IT, SUMP, OPLATA and the invoice's totals from the sanctions. */
function registerXml(cases: GenCase[], encoding: 'UTF-8' | 'windows-1251'): string {
  let summav = 0n;
  let summap = 0n;
  const cls = { MEK: 0n, MEE: 0n, EKMP: 0n };
  const zaps = cases.map((c, i) => {
    const sankIt = c.sanks.reduce((a, s) => a + s.sum, 0n);
    const sump = c.sumv - sankIt;
    summav += c.sumv;
    summap += sump;
    for (const s of c.sanks) cls[CLASS_OF_TIP(s.tip)] += s.sum;
    const oplata = sankIt === 0n ? 1 : sankIt === c.sumv ? 2 : 3;
    const sl = c.sl.map((m, j) => `<SL><SL_ID>${j + 1}</SL_ID><PROFIL>97</PROFIL><TARIF>${rub(m)}</TARIF><SUM_M>${rub(m)}</SUM_M></SL>`).join('\n');
    const sank = c.sanks
      .map(
        (s) =>
          `<SANK><S_CODE>${s.code}</S_CODE><S_SUM>${rub(s.sum)}</S_SUM><S_TIP>${s.tip}</S_TIP>${s.slId === undefined ? '' : `<SL_ID>${s.slId}</SL_ID>`}<S_OSN>${s.kod}</S_OSN><DATE_ACT>2025-07-10</DATE_ACT><NUM_ACT>№ ${i}</NUM_ACT><S_COM>${s.comment}</S_COM></SANK>`,
      )
      .join('\n');
    return `<ZAP><N_ZAP>${i + 1}</N_ZAP><PACIENT><FAM>Иванов</FAM></PACIENT><Z_SL><IDCASE>${i + 1}</IDCASE><USL_OK>1</USL_OK><DATE_Z_2>2025-06-10</DATE_Z_2>\n${sl}\n<SUMV>${rub(c.sumv)}</SUMV><OPLATA>${oplata}</OPLATA><SUMP>${rub(sump)}</SUMP>\n${sank}\n<SANK_IT>${rub(sankIt)}</SANK_IT></Z_SL></ZAP>`;
  });
  return (
    `<?xml version="1.0" encoding="${encoding}"?>\n<ZL_LIST><ZGLV><VERSION>3.2</VERSION><SD_Z>${cases.length}</SD_Z></ZGLV>\n` +
    `<SCHET><SUMMAV>${rub(summav)}</SUMMAV><SUMMAP>${rub(summap)}</SUMMAP><SANK_MEK>${rub(cls.MEK)}</SANK_MEK><SANK_MEE>${rub(cls.MEE)}</SANK_MEE><SANK_EKMP>${rub(cls.EKMP)}</SANK_EKMP></SCHET>\n` +
    `${zaps.join('\n')}\n</ZL_LIST>\n`
  );
}

/** windows-1251 bytes of a text (ASCII, Cyrillic, Ё/ё, №, « »). */
function cp1251(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
    else if (c === 0x401) out[i] = 0xa8;
    else if (c === 0x451) out[i] = 0xb8;
    else if (c === 0x2116) out[i] = 0xb9;
    else if (c === 0xab) out[i] = 0xab;
    else if (c === 0xbb) out[i] = 0xbb;
    else throw new Error(`no windows-1251 byte for U+${c.toString(16)}`);
  }
  return out;
}

/** Bytes cut at the given positions. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

const registers = (combine: CombinePolicy): fc.Arbitrary<GenCase[]> => fc.array(caseArb(combine), { minLength: 1, maxLength: 12 });
const json = (findings: Finding[]): string => JSON.stringify(findings);

describe('auditRegistry — laws', () => {
  it.each(['max', 'sum-capped'] as const)('a generated consistent register has no findings (combine %s)', async (combine) => {
    await fc.assert(
      fc.asyncProperty(registers(combine), async (cases) => {
        const audit = await auditRegistry([new TextEncoder().encode(registerXml(cases, 'UTF-8'))], { combine });
        expect(audit.findings).toEqual([]);
        expect(audit.cases).toBe(cases.length);
        expect(audit.sanctions).toBe(cases.reduce((a, c) => a + c.sanks.length, 0));
      }),
    );
  });

  it('changing any one S_SUM by one kopeck gives exactly the findings that rule predicts', async () => {
    const withSank = registers('max').filter((cases) => cases.some((c) => c.sanks.length > 0));
    await fc.assert(
      fc.asyncProperty(withSank, fc.nat(), async (cases, pick) => {
        const all = cases.flatMap((c, i) => c.sanks.map((s) => ({ c, i, s })));
        const target = all[pick % all.length] as (typeof all)[number];
        const xml = registerXml(cases, 'UTF-8');
        // the S_SUM of that sanction alone is one kopeck more; SANK_IT, SUMP and the invoice stay
        const zap = xml.indexOf(`<ZAP><N_ZAP>${target.i + 1}</N_ZAP>`);
        const at = xml.indexOf(`<S_CODE>${target.s.code}</S_CODE><S_SUM>`, zap) + `<S_CODE>${target.s.code}</S_CODE><S_SUM>`.length;
        const end = xml.indexOf('</S_SUM>', at);
        const changed = `${xml.slice(0, at)}${rub(target.s.sum + 1n)}${xml.slice(end)}`;
        const audit = await auditRegistry([changed]);
        const element = { MEK: 'SANK_MEK', MEE: 'SANK_MEE', EKMP: 'SANK_EKMP' }[CLASS_OF_TIP(target.s.tip)];
        expect(audit.findings.map((f) => [f.rule, f.nZap ?? f.element, f.sCode ?? null, f.expected?.toString(), f.actual?.toString()])).toEqual([
          ['SANK_SUM_MISMATCH', String(target.i + 1), target.s.code, new D(rub(target.s.sum)).toString(), new D(rub(target.s.sum + 1n)).toString()],
          ['SANK_IT_MISMATCH', String(target.i + 1), null, new D(rub(target.s.sum + 1n)).plus(new D(rub(target.c.sanks.reduce((a, s) => a + s.sum, 0n) - target.s.sum))).toString(), new D(rub(target.c.sanks.reduce((a, s) => a + s.sum, 0n))).toString()],
          ['SCHET_SANK_MISMATCH', element, null, expect.any(String), expect.any(String)],
        ]);
      }),
    );
  });

  it('the same register as UTF-8 and as windows-1251, cut anywhere, gives the same findings', async () => {
    await fc.assert(
      fc.asyncProperty(registers('max'), fc.array(fc.nat(), { maxLength: 40 }), fc.nat(), async (cases, cuts, plant) => {
        // plant one defect so that there is something to find: one case's SUMP one kopeck less
        let xml = registerXml(cases, 'UTF-8');
        const n = (plant % cases.length) + 1;
        const zap = xml.indexOf(`<ZAP><N_ZAP>${n}</N_ZAP>`);
        const at = xml.indexOf('<SUMP>', zap) + '<SUMP>'.length;
        const end = xml.indexOf('</SUMP>', at);
        const sump = kop(xml.slice(at, end));
        if (sump > 0n) xml = `${xml.slice(0, at)}${rub(sump - 1n)}${xml.slice(end)}`;
        const utf8 = new TextEncoder().encode(xml);
        const win = cp1251(xml.replace('encoding="UTF-8"', 'encoding="windows-1251"'));
        const whole = await auditRegistry([utf8]);
        expect(json((await auditRegistry(cut(utf8, cuts))).findings)).toBe(json(whole.findings));
        expect(json((await auditRegistry(cut(win, cuts))).findings)).toBe(json(whole.findings));
        expect(whole.findings.map((f) => f.rule)).toEqual(sump > 0n ? ['SUMP_MISMATCH', 'SCHET_SUM_MISMATCH'] : []);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['max', 'sum-capped'] as const)('the recomputed totals equal sanctionTotals over the same cases as CaseInput (combine %s)', async (combine) => {
    await fc.assert(
      fc.asyncProperty(registers(combine), async (cases) => {
        const audit = await auditRegistry([registerXml(cases, 'UTF-8')], { combine });
        const inputs: CaseInput[] = cases
          .filter((c) => c.sanks.length > 0)
          .map((c) => {
            const s = c.sanks[0] as GenSank;
            const tariff = s.slId === undefined ? c.sumv : (c.sl[1] as bigint);
            return { tariff: rub(tariff), date: '2025-06-10', perCapitaRate: '1000', violations: c.sanks.map((x) => x.osn) };
          });
        const totals = await sanctionTotals(inputs.map((c) => caseSanction(c, { combine })));
        for (const cls of ['MEK', 'MEE', 'EKMP'] as const) expect(audit.totals.recomputed[cls].toString()).toBe(totals.bySection[cls].nonPayment.toString());
        const recomputed = audit.totals.recomputed;
        expect(recomputed.MEK.plus(recomputed.MEE).plus(recomputed.EKMP).toString()).toBe(totals.nonPayment.toString());
      }),
    );
  });
});
