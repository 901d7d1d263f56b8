/**
 * The audit of a register, record by record: every rule of `registry.md` §3 on every Z_SL and
 * SANK, then the invoice's totals at the end. Amounts are integer kopecks throughout; Decimals
 * are built only for findings and totals.
 *
 * @module
 */
import { D, type TraceStep, type X } from '../_internal';
import type { F014Entry, F014Table, SanctionTable, Setting } from '../sanctions';
import { controlIndex, lookupControl, type ControlIndex } from './controlTypes';
import { hundredthsOf, kopeckDecimal, kopeckFixed, KopeckSum, nonPaymentKopecks, productKopecks } from './money';
import type { ResolvedAuditOptions } from './options';
import { ABSENT, FORMAT_SOURCE, type CaseRec, type Rec, type SankRec, type SchetRec } from './scanner';
import type { ClassAmounts, ControlClass, Finding, FindingRule, PointTotals, RegistryAudit, RegistryTotals } from './types';

const ORDER_231N = 'Приказ Минздрава № 231н';
const F014_SOURCE = 'Классификатор F014 (ФФОМС)';
const F006_SOURCE = 'Классификатор F006 (ФФОМС)';
const CLASSES: readonly ControlClass[] = ['MEK', 'MEE', 'EKMP'];
const CLASS_RU: Record<ControlClass, string> = { MEK: 'МЭК', MEE: 'МЭЭ', EKMP: 'ЭКМП' };
const classIndex = (c: ControlClass): number => (c === 'MEK' ? 0 : c === 'MEE' ? 1 : 2);

/** A coefficient prepared for the integer path. */
interface Coefficient {
  /** Кно, or `null` when the point has none. */
  readonly kno: X | null;
  /** Кно × 100 (−1: none; −2: more than two places, computed with Decimals). */
  readonly kno100: number;
  /** Кшт, or `null`. */
  readonly ksht: X | null;
  /** Where it comes from, for the messages. */
  readonly from: string;
}

const compiledF014 = new WeakMap<F014Table, Map<number, readonly F014Entry[]>>();

function f014Index(t: F014Table): Map<number, readonly F014Entry[]> {
  let index = compiledF014.get(t);
  if (index === undefined) {
    const m = new Map<number, F014Entry[]>();
    for (const e of t.entries) {
      const list = m.get(e.kod);
      if (list === undefined) m.set(e.kod, [e]);
      else list.push(e);
    }
    index = m;
    compiledF014.set(t, index);
  }
  return index;
}

const tableIndexes = new WeakMap<SanctionTable, Map<string, Coefficient>>();

function knoHundredths(kno: X | null): number {
  if (kno === null) return -1;
  const h = hundredthsOf(kno);
  return h >= 0 ? h : -2;
}

function tableIndex(t: SanctionTable): Map<string, Coefficient> {
  let index = tableIndexes.get(t);
  if (index === undefined) {
    index = new Map();
    for (const e of t.entries) index.set(e.code, { kno: e.kno, kno100: knoHundredths(e.kno), ksht: e.ksht, from: `таблица ${t.id}` });
    tableIndexes.set(t, index);
  }
  return index;
}

const f014Coefficients = new WeakMap<F014Entry, Coefficient>();

function f014Coefficient(e: F014Entry, table: F014Table): Coefficient {
  let c = f014Coefficients.get(e);
  if (c === undefined) {
    c = { kno: e.kno, kno100: knoHundredths(e.kno), ksht: e.ksht, from: `K_NO ${table.id}` };
    f014Coefficients.set(e, c);
  }
  return c;
}

/** Natural order of points: 1.2 < 1.10 < 2.1; '0' first. */
export function comparePoints(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = Number(pa[i] ?? -1) - Number(pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

const SETTING_BY_USL_OK: readonly (Setting | undefined)[] = [undefined, 'hospital', 'hospital', 'ambulatory', 'ambulance'];

class PointAcc {
  sanctions = 0;
  readonly actual = new KopeckSum();
  readonly recomputed = new KopeckSum();
}

/** One sanction whose non-payment could be recomputed. */
interface Candidate {
  readonly sank: SankRec;
  readonly point: string;
  readonly kod: number;
  readonly cls: number;
  readonly rt: number;
  readonly coefficient: Coefficient;
  /** Н of this sanction alone, kopecks. */
  readonly n: number;
  readonly order: number;
}

/** A finding with its fields in a fixed order (rule, case, sanction, amounts, line, message), absent ones left out. */
function finding(rule: FindingRule, nZap: string | undefined, idcase: string | undefined, extra: Partial<Finding> | undefined, line: number, message: string): Finding {
  const f: Finding = { rule } as Finding;
  if (nZap !== undefined) f.nZap = nZap;
  if (idcase !== undefined) f.idcase = idcase;
  if (extra !== undefined) {
    if (extra.sCode !== undefined) f.sCode = extra.sCode;
    if (extra.point !== undefined) f.point = extra.point;
    if (extra.element !== undefined) f.element = extra.element;
    if (extra.expected !== undefined) f.expected = extra.expected;
    if (extra.actual !== undefined) f.actual = extra.actual;
  }
  f.line = line;
  f.message = message;
  return f;
}

/**
 * The audit's state. `record` takes the scanner's records in order; `finish` checks the invoice
 * and returns the result. Findings go to `onFinding` as they are made.
 */
export class Auditor {
  private readonly o: ResolvedAuditOptions;
  private readonly onFinding: (f: Finding) => void;
  private readonly f014: Map<number, readonly F014Entry[]>;
  private readonly control: ControlIndex;
  private readonly tableByDate = new Map<string, Map<string, Coefficient> | null>();

  cases = 0;
  sanctions = 0;
  private readonly sumv = new KopeckSum();
  private readonly sump = new KopeckSum();
  private readonly sankIt = new KopeckSum();
  private readonly actual = [new KopeckSum(), new KopeckSum(), new KopeckSum()];
  private readonly recomputed = [new KopeckSum(), new KopeckSum(), new KopeckSum()];
  private readonly fines = [new KopeckSum(), new KopeckSum(), new KopeckSum()];
  private readonly byPoint = new Map<string, PointAcc>();
  private schet: SchetRec | undefined;
  /** Whether a case's SUMV, SUMP or a sanction's S_SUM could not be read: the invoice's sums are then not compared. */
  private sumvBroken = false;
  private sumpBroken = false;
  private readonly classBroken = [false, false, false];
  private fromF014 = 0;
  /** Whether the file was cut short (the invoice's rules were then not checked). */
  private cut = false;
  private fromTable = 0;

  constructor(options: ResolvedAuditOptions, onFinding: (f: Finding) => void) {
    this.o = options;
    this.onFinding = onFinding;
    this.f014 = f014Index(options.f014);
    this.control = controlIndex(options.controlTypes);
  }

  /** Takes one record of the scanner. */
  record(r: Rec): void {
    if (r.kind === 'case') this.auditCase(r);
    else if (r.kind === 'schet') this.schet ??= r;
    else {
      this.onFinding(finding('MALFORMED', r.nZap, r.idcase, { sCode: r.sCode, element: r.element }, r.line, r.message));
    }
  }

  private find(rule: FindingRule, c: CaseRec, line: number, message: string, extra?: Partial<Finding>): void {
    this.onFinding(finding(rule, c.nZap, c.idcase, extra, line, message));
  }

  private point(key: string): PointAcc {
    let p = this.byPoint.get(key);
    if (p === undefined) {
      p = new PointAcc();
      this.byPoint.set(key, p);
    }
    return p;
  }

  /** The coefficient table's index in force on `date`, or `null`. */
  private tableOn(date: string | undefined): Map<string, Coefficient> | null {
    const key = date ?? '';
    const hit = this.tableByDate.get(key);
    if (hit !== undefined) return hit;
    let best: SanctionTable | undefined;
    const tables = this.o.tables;
    if (date === undefined) best = tables.length === 1 ? tables[0] : undefined;
    else {
      for (const t of tables) {
        if (t.validFrom <= date && (t.validTo === undefined || date <= t.validTo) && (best === undefined || t.validFrom > best.validFrom)) best = t;
      }
    }
    const index = best === undefined ? null : tableIndex(best);
    this.tableByDate.set(key, index);
    return index;
  }

  private caseLabel(c: CaseRec): string {
    return `N_ZAP ${c.nZap ?? '?'}, IDCASE ${c.idcase ?? '?'}`;
  }

  private auditCase(c: CaseRec): void {
    this.cases++;
    const sumv = c.sumvK;
    const sump = c.sumpK;
    const sankIt = c.sankItK;
    if (sumv >= 0) this.sumv.add(sumv);
    else this.sumvBroken = true;
    if (sump >= 0) this.sump.add(sump);
    else this.sumpBroken = true;
    if (sankIt >= 0) this.sankIt.add(sankIt);
    const label = this.caseLabel(c);
    let sankSum = 0;
    let sankOk = true;
    const candidates: Candidate[] = [];
    const sanks = c.sank;
    const caseDate = c.dateZ2Ok ?? this.o.date;
    const zeroMek: SankRec[] = [];
    for (let i = 0; i < sanks.length; i++) {
      const s = sanks[i] as SankRec;
      this.sanctions++;
      const sCode = s.sCode;
      const at = { sCode };
      const date = s.dateOk;
      // the class of control (F006, on DATE_ACT)
      let cls = -1;
      if (s.sTipN >= 0 && date !== undefined) {
        const t = lookupControl(this.control, s.sTipN, date);
        if (t === undefined) {
          this.find('UNKNOWN_S_TIP', c, s.line, `${label}, S_CODE ${sCode ?? '?'}: S_TIP = ${s.sTipN} не означает вида контроля на ${date} (${F006_SOURCE}; решение D20)`, at);
        } else cls = classIndex(t.class);
      }
      if (s.sSumK >= 0) {
        sankSum += s.sSumK;
        if (cls >= 0) (this.actual[cls] as KopeckSum).add(s.sSumK);
        else if (s.sSumK > 0 && (s.sTipN < 0 || date === undefined)) this.classBroken.fill(true); // its class cannot be read
      } else {
        sankOk = false;
        if (cls >= 0) this.classBroken[cls] = true;
      }
      // duplicates within the case
      for (let j = 0; j < i; j++) {
        const o = sanks[j] as SankRec;
        if (sCode !== undefined && o.sCode === sCode) {
          this.find('DUPLICATE_S_CODE', c, s.line, `${label}: S_CODE ${JSON.stringify(sCode)} повторён (строки ${o.line} и ${s.line}); S_CODE уникален в случае (${FORMAT_SOURCE})`, at);
        }
        if (s.sOsnN >= 0 && s.sSumK >= 0 && s.sTipN >= 0 && o.sOsnN === s.sOsnN && o.sSumK === s.sSumK && o.sTipN === s.sTipN) {
          this.find(
            'DUPLICATE_SANK',
            c,
            s.line,
            `${label}: две санкции с одинаковыми S_OSN = ${s.sOsnN}, S_SUM = ${kopeckFixed(s.sSumK)}, S_TIP = ${s.sTipN} (S_CODE ${o.sCode ?? '?'} и ${sCode ?? '?'}) (${FORMAT_SOURCE})`,
            at,
          );
        }
      }
      // the point (F014, by Kod on DATE_ACT)
      let point: string | undefined;
      let coefficient: Coefficient | undefined;
      if (s.sOsnN === 0) point = '0';
      else if (s.sOsnN > 0 && date !== undefined) {
        const entry = this.lookupF014(s.sOsnN, date);
        if (entry === undefined) {
          this.find('UNKNOWN_OSN', c, s.line, `${label}, S_CODE ${sCode ?? '?'}: S_OSN = ${s.sOsnN} нет в классификаторе F014 (${this.o.f014.id}) на DATE_ACT ${date} (${F014_SOURCE})`, at);
        } else {
          point = entry.osn;
          coefficient = this.coefficientOf(entry, caseDate ?? date);
        }
      }
      if (point !== undefined) {
        const p = this.point(point);
        p.sanctions++;
        if (s.sSumK >= 0) p.actual.add(s.sSumK);
      }
      if (cls === 0 && s.sSumK === 0 && sumv > 0) zeroMek.push(s);
      // РТ: the SL the sanction names, or the whole case
      const rt = this.baseOf(c, s, label);
      if (point !== undefined && rt >= 0) {
        let n = 0;
        const k = coefficient;
        if (k !== undefined && k.kno !== null) n = k.kno100 >= 0 ? nonPaymentKopecks(rt, k.kno100) : productKopecks(kopeckDecimal(rt), k.kno);
        candidates.push({ sank: s, point, kod: s.sOsnN, cls, rt, coefficient: k ?? NO_DEFECT, n, order: i });
        // the fine beside, when rates are given
        if (k !== undefined && k.ksht !== null && this.o.rates !== undefined && cls >= 0) {
          const setting = SETTING_BY_USL_OK[c.uslOkN];
          const rate = setting === undefined ? this.o.rates.all : (this.o.rates[setting] ?? this.o.rates.all);
          if (rate !== undefined) (this.fines[cls] as KopeckSum).add(productKopecks(rate, k.ksht));
        }
      }
    }
    const expected = candidates.length > 0 ? this.combine(c, candidates, sumv, label) : undefined;
    // a zero МЭК sanction on a case presented for payment, unless the table itself gives 0 for its
    // point (a point with no Кно, or a sanction whose non-payment another one carries: D19)
    for (const s of zeroMek) {
      const k = candidates.find((x) => x.sank === s);
      if (k !== undefined && k.point !== '0' && expected?.get(k) === 0) continue;
      this.find('ZERO_MEK_SANK', c, s.line, `${label}, S_CODE ${s.sCode ?? '?'}: санкция МЭК с S_SUM = 0 при SUMV = ${kopeckFixed(sumv)} ≠ 0 (${FORMAT_SOURCE})`, {
        sCode: s.sCode,
        ...(k === undefined ? {} : { point: k.point }),
      });
    }
    // Σ S_SUM = SANK_IT
    if (sankOk && sankIt >= 0 && sankSum !== sankIt) {
      this.find('SANK_IT_MISMATCH', c, c.line, `${label}: Σ S_SUM = ${kopeckFixed(sankSum)} ≠ SANK_IT = ${kopeckFixed(sankIt)} (${FORMAT_SOURCE}: SANK_IT — сумма S_SUM санкций случая)`, {
        expected: kopeckDecimal(sankSum),
        actual: kopeckDecimal(sankIt),
      });
    }
    if (sumv >= 0 && sump >= 0 && sankIt >= 0) {
      if (sumv - sump - sankIt !== 0) {
        const expected = sumv - sankIt;
        this.find('SUMP_MISMATCH', c, c.line, `${label}: SUMV − SUMP − SANK_IT = ${kopeckFixed(sumv)} − ${kopeckFixed(sump)} − ${kopeckFixed(sankIt)} ≠ 0 (${FORMAT_SOURCE})`, {
          ...(expected >= 0 ? { expected: kopeckDecimal(expected) } : {}),
          actual: kopeckDecimal(sump),
        });
      }
      this.checkOplata(c, sumv, sankIt, label);
    }
  }

  private checkOplata(c: CaseRec, sumv: number, sankIt: number, label: string): void {
    const oplata = c.oplataN;
    const it = kopeckFixed(sankIt);
    if (oplata === 1 && sankIt !== 0) {
      this.find('OPLATA_MISMATCH', c, c.line, `${label}: OPLATA = 1 (оплачено полностью), но SANK_IT = ${it} ≠ 0 (${FORMAT_SOURCE})`, {
        expected: kopeckDecimal(0),
        actual: kopeckDecimal(sankIt),
      });
    } else if (oplata === 2 && sankIt !== sumv) {
      this.find('OPLATA_MISMATCH', c, c.line, `${label}: OPLATA = 2 (отказ в оплате), но SANK_IT = ${it} ≠ SUMV = ${kopeckFixed(sumv)} (${FORMAT_SOURCE})`, {
        expected: kopeckDecimal(sumv),
        actual: kopeckDecimal(sankIt),
      });
    } else if (oplata === 3 && !(sankIt > 0 && sankIt < sumv)) {
      this.find('OPLATA_MISMATCH', c, c.line, `${label}: OPLATA = 3 (частичная оплата), но SANK_IT = ${it} не между 0 и SUMV = ${kopeckFixed(sumv)} (${FORMAT_SOURCE})`, {
        actual: kopeckDecimal(sankIt),
      });
    }
  }

  private lookupF014(kod: number, date: string): F014Entry | undefined {
    const rows = this.f014.get(kod);
    if (rows === undefined) return undefined;
    for (const e of rows) if (e.dateBeg <= date && (e.dateEnd === undefined || date <= e.dateEnd)) return e;
    return undefined;
  }

  private coefficientOf(entry: F014Entry, date: string): Coefficient {
    if (this.o.coefficients === 'table') {
      const row = this.tableOn(date)?.get(entry.osn);
      if (row !== undefined) {
        this.fromTable++;
        return row;
      }
    }
    this.fromF014++;
    return f014Coefficient(entry, this.o.f014);
  }

  /** РТ of a sanction in kopecks: Σ SUM_M of the SL it names, or SUMV; −1 when it cannot be read. */
  private baseOf(c: CaseRec, s: SankRec, label: string): number {
    if (s.slId.length === 0) return c.sumvK;
    let rt = 0;
    const ids = s.slId;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      if (ids.indexOf(id) < i) continue; // an SL named twice counts once
      const sl = c.sl.find((x) => x.slId === id);
      if (sl === undefined) {
        this.find('UNKNOWN_SL_ID', c, s.line, `${label}, S_CODE ${s.sCode ?? '?'}: SL_ID ${JSON.stringify(id)} санкции нет среди SL случая (${FORMAT_SOURCE})`, { sCode: s.sCode });
        return -1;
      }
      if (sl.sumMK < 0) return -1;
      rt += sl.sumMK;
    }
    return rt;
  }

  /** The expected S_SUM of every sanction under the combine policy (D5, D19), compared with the file. */
  private combine(c: CaseRec, candidates: Candidate[], sumv: number, label: string): Map<Candidate, number> {
    const ordered = candidates.length === 1 ? candidates : [...candidates].sort((a, b) => comparePoints(a.point, b.point) || a.order - b.order);
    const expected = new Map<Candidate, number>();
    if (this.o.combine === 'max') {
      let best: Candidate | undefined;
      for (const k of ordered) if (best === undefined || k.n > best.n) best = k;
      for (const k of ordered) expected.set(k, k === best ? k.n : 0);
    } else {
      let left = sumv >= 0 ? sumv : Number.POSITIVE_INFINITY;
      for (const k of ordered) {
        const take = Math.min(k.n, left);
        left -= take;
        expected.set(k, take);
      }
    }
    for (const k of candidates) {
      const e = expected.get(k) as number;
      if (k.cls >= 0) (this.recomputed[k.cls] as KopeckSum).add(e);
      this.point(k.point).recomputed.add(e);
      const actual = k.sank.sSumK;
      if (actual < 0 || actual === e) continue;
      this.find('SANK_SUM_MISMATCH', c, k.sank.line, this.sumMessage(label, k, e, actual, candidates.length), {
        sCode: k.sank.sCode,
        point: k.point,
        expected: kopeckDecimal(e),
        actual: kopeckDecimal(actual),
      });
    }
    return expected;
  }

  private sumMessage(label: string, k: Candidate, e: number, actual: number, count: number): string {
    const head = `${label}, S_CODE ${k.sank.sCode ?? '?'}: S_SUM = ${kopeckFixed(actual)} ≠ ${kopeckFixed(e)}`;
    if (k.point === '0') return `${head}: S_OSN = 0 — нарушений нет, санкция 0 (${FORMAT_SOURCE})`;
    const base = k.sank.slId.length === 0 ? `SUMV = ${kopeckFixed(k.rt)}` : `Σ SUM_M (SL_ID ${k.sank.slId.join(', ')}) = ${kopeckFixed(k.rt)}`;
    const coef = k.coefficient;
    const formula =
      coef.kno === null
        ? `у п. ${k.point} нет Кно (${coef.from}): неоплаты нет, штраф РП × Кшт в S_SUM не входит`
        : `РТ × Кно = ${kopeckFixed(k.rt)} × ${coef.kno.toString()} = ${kopeckFixed(k.n)} (РТ: ${base}; Кно п. ${k.point}: ${coef.from})`;
    const combined = count > 1 && e !== k.n ? `; по правилу «${this.o.combine}» (решения D5, D19) на эту санкцию приходится ${kopeckFixed(e)}` : '';
    return `${head}: ${formula}${combined} (${ORDER_231N}; F014 Kod ${k.kod} = п. ${k.point})`;
  }

  /** The invoice's checks and the result. */
  finish(scan: { sdZ: number; sdZLine: number; truncated: boolean }, findings: Finding[], counted: Partial<Record<FindingRule, number>>, truncated: boolean): RegistryAudit {
    const { sdZ, sdZLine } = scan;
    this.cut = scan.truncated;
    const s = this.schet;
    // a file cut short: the invoice's totals cannot be compared with the cases that were not read
    if (s !== undefined && !scan.truncated) this.checkSchet(s);
    if (sdZ >= 0 && sdZ !== this.cases && !scan.truncated) {
      this.onFinding(finding('SD_Z_MISMATCH', undefined, undefined, { element: 'SD_Z', expected: new D(this.cases), actual: new D(sdZ) }, sdZLine, `ZGLV/SD_Z = ${sdZ} ≠ числу Z_SL в файле, ${this.cases} (${FORMAT_SOURCE})`));
    }
    const recomputed: ClassAmounts = { MEK: (this.recomputed[0] as KopeckSum).value(), MEE: (this.recomputed[1] as KopeckSum).value(), EKMP: (this.recomputed[2] as KopeckSum).value() };
    const byPoint: Record<string, PointTotals> = {};
    for (const key of [...this.byPoint.keys()].sort(comparePoints)) {
      const p = this.byPoint.get(key) as PointAcc;
      byPoint[key] = { sanctions: p.sanctions, actual: p.actual.value(), recomputed: p.recomputed.value() };
    }
    const totals: RegistryTotals = {
      MEK: (this.actual[0] as KopeckSum).value(),
      MEE: (this.actual[1] as KopeckSum).value(),
      EKMP: (this.actual[2] as KopeckSum).value(),
      recomputed,
      byPoint,
      sumv: this.sumv.value(),
      sump: this.sump.value(),
      sankIt: this.sankIt.value(),
    };
    if (this.o.rates !== undefined) totals.fines = { MEK: (this.fines[0] as KopeckSum).value(), MEE: (this.fines[1] as KopeckSum).value(), EKMP: (this.fines[2] as KopeckSum).value() };
    return {
      cases: this.cases,
      sanctions: this.sanctions,
      findings,
      byRule: counted,
      truncated,
      combine: this.o.combine,
      coefficients: this.o.coefficients,
      totals,
      trace: this.trace(totals, counted),
    };
  }

  private checkSchet(s: SchetRec): void {
    const at = (element: string, message: string, expected: KopeckSum, actual: number): void => {
      this.onFinding(finding(element.startsWith('SANK') ? 'SCHET_SANK_MISMATCH' : 'SCHET_SUM_MISMATCH', undefined, undefined, { element, expected: expected.value(), actual: kopeckDecimal(actual) }, s.line, message));
    };
    if (s.summavK >= 0 && !this.sumvBroken && !this.sumv.equals(s.summavK)) {
      at('SUMMAV', `SCHET: SUMMAV = ${kopeckFixed(s.summavK)} ≠ Σ SUMV = ${kopeckFixed(this.sumv.total())} (${FORMAT_SOURCE})`, this.sumv, s.summavK);
    }
    if (s.summapK >= 0 && !this.sumpBroken && !this.sump.equals(s.summapK)) {
      at('SUMMAP', `SCHET: SUMMAP = ${kopeckFixed(s.summapK)} ≠ Σ SUMP = ${kopeckFixed(this.sump.total())} (${FORMAT_SOURCE})`, this.sump, s.summapK);
    }
    const fields = [
      ['SANK_MEK', s.sankMekK],
      ['SANK_MEE', s.sankMeeK],
      ['SANK_EKMP', s.sankEkmpK],
    ] as const;
    fields.forEach(([element, k], i) => {
      if (k === -1 || this.classBroken[i] === true) return;
      const value = k === ABSENT ? 0 : k; // an absent SANK_* is 0
      const sum = this.actual[i] as KopeckSum;
      if (!sum.equals(value)) {
        const cls = CLASS_RU[CLASSES[i] as ControlClass];
        at(element, `SCHET: ${element} = ${kopeckFixed(value)}${k === ABSENT ? ' (нет элемента)' : ''} ≠ Σ S_SUM санкций ${cls} = ${kopeckFixed(sum.total())} (${FORMAT_SOURCE}; класс по S_TIP, ${F006_SOURCE})`, sum, value);
      }
    });
  }

  private trace(t: RegistryTotals, counted: Partial<Record<FindingRule, number>>): TraceStep[] {
    const source = `${ORDER_231N}; ${F014_SOURCE}; ${F006_SOURCE}; ${FORMAT_SOURCE}`;
    const steps: TraceStep[] = [
      {
        symbol: 'Кно',
        formula:
          this.o.coefficients === 'table'
            ? `из таблицы коэффициентов в силе на DATE_Z_2 случая (${this.o.tables.map((x) => x.id).join(', ')}): ${this.fromTable} санкций; K_NO F014 (${this.o.f014.id}), где в таблице нет пункта или таблицы на дату: ${this.fromF014}`
            : `K_NO классификатора F014 (${this.o.f014.id}) по Kod = S_OSN на DATE_ACT: ${this.fromF014} санкций`,
        value: this.o.coefficients,
        source: `${F014_SOURCE}; решение D18`,
      },
      {
        symbol: 'Н',
        formula: `S_SUM = РТ × Кно, округлено до копеек; РТ = Σ SL/SUM_M по SL_ID санкции, без SL_ID — SUMV; несколько санкций случая — правило «${this.o.combine}»`,
        value: this.o.combine,
        source: `${ORDER_231N}; решения D5, D18, D19`,
      },
    ];
    CLASSES.forEach((cls) => {
      steps.push({
        symbol: `S_SUM ${CLASS_RU[cls]}`,
        formula: `Σ S_SUM санкций ${CLASS_RU[cls]} (класс по S_TIP) = ${t[cls].toString()}; пересчёт по таблице = ${t.recomputed[cls].toString()}`,
        value: t[cls].toString(),
        source,
      });
    });
    const rules = Object.entries(counted).map(([rule, n]) => `${rule}: ${n}`);
    steps.push({
      symbol: 'нарушения',
      formula: `${this.cases} случаев (Z_SL), ${this.sanctions} санкций (SANK); ${rules.length === 0 ? 'нарушений правил нет' : rules.join(', ')}${
        this.cut ? '; файл оборван — итоги SCHET и SD_Z не сверялись' : ''
      }`,
      value: String(Object.values(counted).reduce((a, b) => a + (b ?? 0), 0)),
      source: `registry.md §3; ${FORMAT_SOURCE}`,
    });
    return steps;
  }
}

const NO_DEFECT: Coefficient = { kno: null, kno100: -1, ksht: null, from: 'S_OSN = 0' };

/** Runs records through an auditor, keeping findings up to a limit and counting all. */
export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly counted: Partial<Record<FindingRule, number>> = {};
  truncated = false;
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  readonly add = (f: Finding): void => {
    this.counted[f.rule] = (this.counted[f.rule] ?? 0) + 1;
    if (this.findings.length < this.max) this.findings.push(f);
    else this.truncated = true;
  };
}
