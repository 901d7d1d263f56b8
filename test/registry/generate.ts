/**
 * A generator of registers of invoices (the H-file of Приказ ФФОМС № 34н, `registry.md` §2) for
 * tests, the bench and the sample: seeded (the same options give the same bytes), streaming (a
 * generator of chunks: millions of cases never sit in memory), windows-1251 or UTF-8, and
 * consistent by default — every S_SUM = round_half_up(РТ × Кно) with Кно from the built-in
 * coefficient table and S_OSN the F014 Kod of that point, all sums of §3 kept — with the expected
 * totals reported beside the chunks. Defects can be planted, each with the rule it breaks.
 *
 * Money is integer kopecks here (safe integers up to 2⁵³: far above any generated file), so the
 * generator shares no arithmetic with the library.
 */
import { Decimal } from 'decimal.js';
import { builtinF014, builtinSanctionTable } from '../../src/sanctions/index';

/** A class of control, as S_TIP gives it (1 МЭК, 51 МЭЭ, 71 ЭКМП). */
export type GeneratedClass = 'MEK' | 'MEE' | 'EKMP';

/** The kinds of defect {@link generateRegistry} can plant, and the finding each one must produce. */
export const DEFECT_RULES = {
  /** One S_SUM one kopeck below the table's amount (SANK_IT, SUMP, OPLATA follow the written S_SUM). */
  S_SUM: 'SANK_SUM_MISMATCH',
  /** SANK_IT one kopeck below Σ S_SUM (SUMP and OPLATA follow the written SANK_IT). */
  SANK_IT: 'SANK_IT_MISMATCH',
  /** SUMP one kopeck off SUMV − SANK_IT. */
  SUMP: 'SUMP_MISMATCH',
  /** OPLATA that disagrees with SANK_IT. */
  OPLATA: 'OPLATA_MISMATCH',
  /** S_OSN 999, a Kod F014 does not have. */
  S_OSN: 'UNKNOWN_OSN',
} as const;

/** A kind of planted defect. */
export type DefectKind = keyof typeof DEFECT_RULES;

/** Options of {@link generateRegistry}. */
export interface GenerateOptions {
  /** The number of finished cases (Z_SL), one per ZAP. */
  cases: number;
  /** The seed; default 1. */
  seed?: number;
  /** The encoding of {@link GeneratedRegistry.bytes} and of the prolog; default windows-1251. */
  encoding?: 'windows-1251' | 'utf-8';
  /** The share of cases with at least one sanction; default 0.3. */
  sanctionShare?: number;
  /** Plant a defect in every `every`-th case (N_ZAP = every, 2·every, …), the kinds in turn. */
  defects?: { every: number; kinds?: readonly DefectKind[] };
  /** Characters per chunk (about); default 65 536. */
  chunkChars?: number;
}

/** One generated sanction. */
export interface GeneratedSank {
  sCode: string;
  /** The point of the list (F014's Osn). */
  point: string;
  /** S_OSN as written (F014's Kod, or 999 for a planted unknown one). */
  kod: number;
  tip: number;
  cls: GeneratedClass;
  slIds: string[];
  /** РТ, kopecks. */
  rt: number;
  /** What the table gives for this sanction under `combine: 'max'`, kopecks. */
  expected: number;
  /** S_SUM as written, kopecks. */
  sum: number;
  dateAct: string;
  comment: string;
}

/** One generated finished case. */
export interface GeneratedCase {
  nZap: number;
  uslOk: number;
  dateZ1: string;
  dateZ2: string;
  /** SUM_M of each SL, kopecks (SL_ID = 1, 2, …). */
  sl: number[];
  sumv: number;
  oplata: number;
  sump: number;
  sankIt: number;
  sank: GeneratedSank[];
  /** The planted defect, if any. */
  defect?: DefectKind | undefined;
}

/** Amounts by class, rubles as text with two decimals. */
export interface ExpectedClassAmounts {
  MEK: string;
  MEE: string;
  EKMP: string;
}

/** What an audit of the generated register must find. */
export interface ExpectedTotals {
  cases: number;
  sanctions: number;
  /** Σ SUMV, Σ SUMP, Σ SANK_IT as written, rubles. */
  sumv: string;
  sump: string;
  sankIt: string;
  /** Σ S_SUM by class as written (and in SCHET/SANK_*), rubles. */
  actual: ExpectedClassAmounts;
  /** Σ of the table's amounts by class (a sanction with an unknown S_OSN adds nothing), rubles. */
  recomputed: ExpectedClassAmounts;
  /** By point: sanctions, Σ S_SUM written, Σ recomputed (rubles). */
  byPoint: Record<string, { sanctions: number; actual: string; recomputed: string }>;
  /** The planted defects: the rule each must produce and its case. */
  defects: { rule: (typeof DEFECT_RULES)[DefectKind]; kind: DefectKind; nZap: string }[];
}

/** A generated register: its expected totals and its text, in chunks. */
export interface GeneratedRegistry {
  /** The file's name without extension (the format's naming rule), e.g. `HM770001S77001_2506`. */
  filename: string;
  encoding: 'windows-1251' | 'utf-8';
  expected: ExpectedTotals;
  /** The XML text in chunks (a fresh generator on each call). */
  chunks(): Generator<string>;
  /** The XML encoded as {@link GeneratedRegistry.encoding}, in chunks. */
  bytes(): Generator<Uint8Array>;
  /** The cases, as generated (a fresh generator on each call). */
  cases(): Generator<GeneratedCase>;
}

// ---------------------------------------------------------------------------------------------
// windows-1251: TextEncoder has none; Cyrillic and the few signs the generator writes.

const CP1251 = new Map<number, number>([
  [0x401, 0xa8], [0x451, 0xb8], [0x2116, 0xb9], [0xab, 0xab], [0xbb, 0xbb], [0x2014, 0x97], [0x2013, 0x96], [0xa0, 0xa0],
  [0x404, 0xaa], [0x454, 0xba], [0x406, 0xb2], [0x456, 0xb3], [0x407, 0xaf], [0x457, 0xbf],
]);

/** Encodes text as windows-1251: ASCII, А–я, Ё/ё, №, «», —, –; any other character throws. */
export function encodeWindows1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x350;
    else {
      const b = CP1251.get(c);
      if (b === undefined) throw new RangeError(`windows-1251 has no U+${c.toString(16).padStart(4, '0')}`);
      out[i] = b;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Randomness: one small generator per case, so that a case is the same in every pass.

function mulberry32(a: number): () => number {
  let s = a >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseRandom(seed: number, n: number): () => number {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n, 0xc2b2ae35));
}

const int = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

// ---------------------------------------------------------------------------------------------
// The points: in the built-in table with a Кно > 0, and in F014 on the acts' dates.

const TIP: Record<GeneratedClass, number> = { MEK: 1, MEE: 51, EKMP: 71 };

interface Point {
  point: string;
  kod: number;
  cls: GeneratedClass;
  /** Кно in hundredths (1 → 100, 0.3 → 30). */
  kno: number;
  order: number[];
}

const POINTS: readonly Point[] = builtinSanctionTable.entries.flatMap((e): Point[] => {
  if (e.kno === null || e.kno.isZero()) return [];
  const f = builtinF014.entries.find((x) => x.osn === e.code && x.dateBeg <= '2025-07-01' && (x.dateEnd === undefined || x.dateEnd >= '2025-07-31'));
  if (f === undefined) return [];
  const hundredths = new Decimal(e.kno.toString()).times(100);
  if (!hundredths.isInteger()) throw new Error(`Кно of ${e.code} has more than two places`);
  return [{ point: e.code, kod: f.kod, cls: f.section ?? e.section, kno: hundredths.toNumber(), order: e.code.split('.').map(Number) }];
});

const comparePoints = (a: Point, b: Point): number => {
  for (let i = 0; i < Math.max(a.order.length, b.order.length); i++) {
    const d = (a.order[i] ?? -1) - (b.order[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};

/** round_half_up(kopecks × Кно), Кно in hundredths: exact in integers. */
const nonPayment = (rt: number, kno: number): number => Math.floor((rt * kno + 50) / 100);

const COMMENTS = [
  'Отсутствие в медицинской документации результатов обследований',
  'Невыполнение необходимых мероприятий — «стандарт» № 5',
  'Ошибка в реестре: повторное предъявление счёта',
  'Нарушения, ограничившие доступность медицинской помощи',
  'Ёмкость коечного фонда превышена',
];
const DIAGNOSES = ['J06.9', 'I10', 'K29.7', 'M54.5', 'E11.9', 'I25.1', 'N39.0', 'S52.5'];

// ---------------------------------------------------------------------------------------------

function makeCase(seed: number, n: number, share: number, defect: DefectKind | undefined): GeneratedCase {
  const r = caseRandom(seed, n);
  const uslOk = pick(r, [1, 1, 2, 3, 3, 3, 4]);
  const slCount = uslOk === 1 && r() < 0.3 ? int(r, 2, 3) : 1;
  const range = uslOk === 1 ? [15_000, 150_000] : uslOk === 2 ? [10_000, 40_000] : uslOk === 3 ? [300, 3_000] : [2_000, 5_000];
  const sl = Array.from({ length: slCount }, () => int(r, (range[0] as number) * 100, (range[1] as number) * 100));
  const sumv = sl.reduce((a, b) => a + b, 0);
  const day1 = int(r, 1, 20);
  const day2 = day1 + int(r, 0, 9);
  const dateZ1 = `2025-06-${String(day1).padStart(2, '0')}`;
  const dateZ2 = `2025-06-${String(day2).padStart(2, '0')}`;
  const sank: GeneratedSank[] = [];
  const roll = r();
  const count = defect !== undefined ? (defect === 'S_OSN' ? 1 : int(r, 1, 2)) : roll < share * 0.85 ? 1 : roll < share ? 2 : 0;
  const points: Point[] = [];
  while (points.length < count) {
    const p = pick(r, POINTS);
    if (!points.includes(p)) points.push(p);
  }
  for (const [i, p] of points.entries()) {
    const one = slCount > 1 && r() < 0.5 ? int(r, 1, slCount) : 0;
    const rt = one === 0 ? sumv : (sl[one - 1] as number);
    sank.push({
      sCode: `${n}-${i + 1}`,
      point: p.point,
      kod: p.kod,
      tip: TIP[p.cls],
      cls: p.cls,
      slIds: one === 0 ? [] : [String(one)],
      rt,
      expected: nonPayment(rt, p.kno),
      sum: 0,
      dateAct: `2025-07-${String(int(r, 1, 28)).padStart(2, '0')}`,
      comment: pick(r, COMMENTS),
    });
  }
  // 'max' (D19): the largest non-payment carries it (ties: the point first in the list, then the file), the others 0.
  let carrier: GeneratedSank | undefined;
  for (const s of sank) {
    if (carrier === undefined || s.expected > carrier.expected) carrier = s;
    else if (s.expected === carrier.expected) {
      const a = POINTS.find((p) => p.point === s.point) as Point;
      const b = POINTS.find((p) => p.point === carrier?.point) as Point;
      if (comparePoints(a, b) < 0) carrier = s;
    }
  }
  for (const s of sank) {
    s.expected = s === carrier ? s.expected : 0;
    s.sum = s.expected;
  }
  if (defect === 'S_SUM' && carrier !== undefined) carrier.sum -= 1;
  if (defect === 'S_OSN' && carrier !== undefined) {
    carrier.kod = 999;
    carrier.expected = 0;
  }
  let sankIt = sank.reduce((a, s) => a + s.sum, 0);
  if (defect === 'SANK_IT') sankIt -= 1;
  let sump = sumv - sankIt;
  if (defect === 'SUMP') sump += sump > 0 ? -1 : 1;
  let oplata = sankIt === 0 ? 1 : sankIt === sumv ? 2 : 3;
  if (defect === 'OPLATA') oplata = oplata === 1 ? 3 : 1;
  return { nZap: n, uslOk, dateZ1, dateZ2, sl, sumv, oplata, sump, sankIt, sank, defect };
}

/** Kopecks as rubles with two decimals: 123456 → "1234.56". */
export function rubles(k: number): string {
  const r = k % 100;
  return `${(k - r) / 100}.${r < 10 ? '0' : ''}${r}`;
}

function caseXml(c: GeneratedCase): string {
  const n = c.nZap;
  const sl = c.sl
    .map(
      (m, i) =>
        `<SL>\n<SL_ID>${i + 1}</SL_ID>\n<PROFIL>97</PROFIL>\n<NHISTORY>И/Б-${n}-${i + 1}</NHISTORY>\n<DATE_1>${c.dateZ1}</DATE_1>\n<DATE_2>${c.dateZ2}</DATE_2>\n` +
        `<DS1>${DIAGNOSES[(n + i) % DIAGNOSES.length]}</DS1>\n<PRVS>76</PRVS>\n<IDDOKT>${String(10_000_000_000 + (n % 997)).slice(1)}</IDDOKT>\n<ED_COL>1</ED_COL>\n` +
        `<TARIF>${rubles(m)}</TARIF>\n<SUM_M>${rubles(m)}</SUM_M>\n</SL>\n`,
    )
    .join('');
  const sank = c.sank
    .map(
      (s) =>
        `<SANK>\n<S_CODE>${s.sCode}</S_CODE>\n<S_SUM>${rubles(s.sum)}</S_SUM>\n<S_TIP>${s.tip}</S_TIP>\n${s.slIds.map((id) => `<SL_ID>${id}</SL_ID>\n`).join('')}` +
        `<S_OSN>${s.kod}</S_OSN>\n<DATE_ACT>${s.dateAct}</DATE_ACT>\n<NUM_ACT>А-${n}</NUM_ACT>\n${s.cls === 'MEK' ? '' : '<CODE_EXP>1234567</CODE_EXP>\n'}` +
        `<S_COM>${s.comment}</S_COM>\n<S_IST>1</S_IST>\n</SANK>\n`,
    )
    .join('');
  return (
    `<ZAP>\n<N_ZAP>${n}</N_ZAP>\n<PR_NOV>0</PR_NOV>\n<PACIENT>\n<ID_PAC>${n}</ID_PAC>\n<VPOLIS>3</VPOLIS>\n<NPOLIS>${String(7_700_000_000_000_000 + n)}</NPOLIS>\n<ST_OKATO>45000</ST_OKATO>\n<SMO>77001</SMO>\n<NOVOR>0</NOVOR>\n</PACIENT>\n` +
    `<Z_SL>\n<IDCASE>${n}</IDCASE>\n<USL_OK>${c.uslOk}</USL_OK>\n<VIDPOM>${c.uslOk === 4 ? 21 : 31}</VIDPOM>\n<FOR_POM>3</FOR_POM>\n<LPU>770001</LPU>\n` +
    `<DATE_Z_1>${c.dateZ1}</DATE_Z_1>\n<DATE_Z_2>${c.dateZ2}</DATE_Z_2>\n<RSLT>101</RSLT>\n<ISHOD>101</ISHOD>\n${sl}` +
    `<IDSP>${c.uslOk === 3 ? 29 : 33}</IDSP>\n<SUMV>${rubles(c.sumv)}</SUMV>\n<OPLATA>${c.oplata}</OPLATA>\n<SUMP>${rubles(c.sump)}</SUMP>\n${sank}` +
    `<SANK_IT>${rubles(c.sankIt)}</SANK_IT>\n</Z_SL>\n</ZAP>\n`
  );
}

/**
 * Generates a register of `options.cases` cases: its expected totals at once (one pass over the
 * cases, nothing kept), its text on demand, chunk by chunk.
 */
export function generateRegistry(options: GenerateOptions): GeneratedRegistry {
  const { cases } = options;
  if (!Number.isSafeInteger(cases) || cases < 0) throw new RangeError('cases: a whole number ≥ 0');
  const seed = options.seed ?? 1;
  const encoding = options.encoding ?? 'windows-1251';
  const share = options.sanctionShare ?? 0.3;
  const chunkChars = options.chunkChars ?? 65_536;
  const every = options.defects?.every ?? 0;
  const kinds = options.defects?.kinds ?? (Object.keys(DEFECT_RULES) as DefectKind[]);
  const defectOf = (n: number): DefectKind | undefined => (every > 0 && n % every === 0 ? kinds[(n / every - 1) % kinds.length] : undefined);
  const filename = 'HM770001S77001_2506';

  function* allCases(): Generator<GeneratedCase> {
    for (let n = 1; n <= cases; n++) yield makeCase(seed, n, share, defectOf(n));
  }

  // The totals: one pass, integer kopecks.
  let sanctions = 0;
  let sumv = 0;
  let sump = 0;
  let sankIt = 0;
  const actual = { MEK: 0, MEE: 0, EKMP: 0 };
  const recomputed = { MEK: 0, MEE: 0, EKMP: 0 };
  const points = new Map<string, { sanctions: number; actual: number; recomputed: number }>();
  const defects: ExpectedTotals['defects'] = [];
  for (const c of allCases()) {
    sumv += c.sumv;
    sump += c.sump;
    sankIt += c.sankIt;
    if (c.defect !== undefined) defects.push({ rule: DEFECT_RULES[c.defect], kind: c.defect, nZap: String(c.nZap) });
    for (const s of c.sank) {
      sanctions++;
      actual[s.cls] += s.sum;
      if (s.kod === 999) continue;
      recomputed[s.cls] += s.expected;
      const p = points.get(s.point) ?? { sanctions: 0, actual: 0, recomputed: 0 };
      p.sanctions++;
      p.actual += s.sum;
      p.recomputed += s.expected;
      points.set(s.point, p);
    }
  }
  if (!Number.isSafeInteger(sumv)) throw new RangeError('the register is too large for exact kopecks');
  const classes = (a: { MEK: number; MEE: number; EKMP: number }): ExpectedClassAmounts => ({ MEK: rubles(a.MEK), MEE: rubles(a.MEE), EKMP: rubles(a.EKMP) });
  const expected: ExpectedTotals = {
    cases,
    sanctions,
    sumv: rubles(sumv),
    sump: rubles(sump),
    sankIt: rubles(sankIt),
    actual: classes(actual),
    recomputed: classes(recomputed),
    byPoint: Object.fromEntries([...points].map(([k, v]) => [k, { sanctions: v.sanctions, actual: rubles(v.actual), recomputed: rubles(v.recomputed) }])),
    defects,
  };

  const head =
    `<?xml version="1.0" encoding="${encoding === 'utf-8' ? 'UTF-8' : 'windows-1251'}"?>\n<ZL_LIST>\n<ZGLV>\n<VERSION>3.2</VERSION>\n<DATA>2025-07-05</DATA>\n<FILENAME>${filename}</FILENAME>\n<SD_Z>${cases}</SD_Z>\n</ZGLV>\n` +
    `<SCHET>\n<CODE>2506001</CODE>\n<CODE_MO>770001</CODE_MO>\n<YEAR>2025</YEAR>\n<MONTH>6</MONTH>\n<NSCHET>Счёт-2506/1</NSCHET>\n<DSCHET>2025-07-05</DSCHET>\n<PLAT>77001</PLAT>\n` +
    `<SUMMAV>${rubles(sumv)}</SUMMAV>\n<SUMMAP>${rubles(sump)}</SUMMAP>\n<SANK_MEK>${rubles(actual.MEK)}</SANK_MEK>\n<SANK_MEE>${rubles(actual.MEE)}</SANK_MEE>\n<SANK_EKMP>${rubles(actual.EKMP)}</SANK_EKMP>\n` +
    `<COMENTS>Реестр счетов за июнь 2025 года</COMENTS>\n</SCHET>\n`;

  function* chunks(): Generator<string> {
    let buffer = head;
    for (const c of allCases()) {
      buffer += caseXml(c);
      if (buffer.length >= chunkChars) {
        yield buffer;
        buffer = '';
      }
    }
    yield `${buffer}</ZL_LIST>\n`;
  }
  function* bytes(): Generator<Uint8Array> {
    const utf8 = new TextEncoder();
    for (const s of chunks()) yield encoding === 'utf-8' ? utf8.encode(s) : encodeWindows1251(s);
  }
  return { filename, encoding, expected, chunks, bytes, cases: allCases };
}
