/**
 * The two comparison paths of the sanctions benchmark, written as a fund would write them by
 * hand over the same cases and with the same rules (Н = РТ × Кно, Сшт = РП × Кшт, kopecks half
 * up, 'max' combine, the case's non-payment attributed to its largest violation, ties in table
 * order): an exact integer-kopeck loop (the practical limit) and a plain per-case decimal.js loop.
 */
import { Decimal } from 'decimal.js';
import { builtinSanctionTable, type CaseInput, type SanctionTotals, type X } from 'oms-calc/sanctions';
import { RATES, SETTINGS } from './sanctions-cases';

/** Totals in a form all three paths can be compared in: kopecks as strings. */
export interface PlainTotals {
  cases: number;
  errors: number;
  nonPayment: string;
  fine: string;
  byCode: Record<string, { cases: number; nonPayment: string; fine: string }>;
  bySection: Record<string, { nonPayment: string; fine: string }>;
}

const SECTIONS = ['MEK', 'MEE', 'EKMP'] as const;

/** Kopecks (an integer) as rubles "q.rr", without trailing zeros trimmed. */
function rubles(k: bigint): string {
  const r = k % 100n;
  return `${k / 100n}.${r < 10n ? '0' : ''}${r}`;
}

// ---------------------------------------------------------------------------------------------
// The exact integer-kopeck loop.

interface IntEntry {
  index: number;
  section: number;
  kno100: number; // −1 none
  ksht100: number; // −1 none
}

const intTable = new Map<string, IntEntry>(
  builtinSanctionTable.entries.map((e, index) => [
    e.code,
    {
      index,
      section: SECTIONS.indexOf(e.section),
      kno100: e.kno === null ? -1 : Math.round(Number(e.kno.toString()) * 100),
      ksht100: e.ksht === null ? -1 : Math.round(Number(e.ksht.toString()) * 100),
    },
  ]),
);
const intRates = SETTINGS.map((s) => Math.round(Number(RATES[s]) * 100));

const toKopecks = (s: unknown): number => Math.round(Number(s) * 100);
const half = (x: number): number => {
  const r = x % 100;
  return (x - r) / 100 + (r >= 50 ? 1 : 0);
};

/** Sanctions of every case in exact integer kopecks. */
export function integerLoop(cases: readonly CaseInput[]): PlainTotals {
  const n = builtinSanctionTable.entries.length;
  const codeCases = new Array<number>(n).fill(0);
  const codeNp = new Array<number>(n).fill(0);
  const codeFine = new Array<number>(n).fill(0);
  const secNp = [0, 0, 0];
  const secFine = [0, 0, 0];
  let errors = 0;
  let totalNp = 0;
  let totalFine = 0;
  const es: IntEntry[] = [];
  const nps: number[] = [];
  const fines: number[] = [];
  for (const c of cases) {
    const T = toKopecks(c.tariff);
    const rate = c.perCapitaRate !== undefined ? toKopecks(c.perCapitaRate) : intRates[SETTINGS.indexOf(c.setting as never)] as number;
    const vs = c.violations;
    let bad = false;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i] as CaseInput['violations'][number];
      const e = intTable.get(typeof v === 'string' ? v : v.code);
      if (e === undefined) {
        bad = true;
        break;
      }
      es[i] = e;
      if (typeof v !== 'string' && v.recomputedTariff !== undefined) nps[i] = Math.max(0, T - toKopecks(v.recomputedTariff));
      else nps[i] = e.kno100 < 0 ? 0 : half(T * e.kno100);
      fines[i] = e.ksht100 < 0 ? 0 : half(rate * e.ksht100);
    }
    if (bad) {
      errors++;
      continue;
    }
    let best = -1;
    for (let i = 0; i < vs.length; i++) {
      const e = es[i] as IntEntry;
      const bestEntry = best < 0 ? undefined : (es[best] as IntEntry);
      if (best < 0 || (nps[i] as number) > (nps[best] as number) || ((nps[i] as number) === (nps[best] as number) && e.index < (bestEntry as IntEntry).index)) best = i;
    }
    totalNp += nps[best] as number;
    for (let i = 0; i < vs.length; i++) {
      const e = es[i] as IntEntry;
      const applied = i === best ? (nps[i] as number) : 0;
      const fine = fines[i] as number;
      totalFine += fine;
      codeCases[e.index] = (codeCases[e.index] as number) + 1;
      codeNp[e.index] = (codeNp[e.index] as number) + applied;
      codeFine[e.index] = (codeFine[e.index] as number) + fine;
      secNp[e.section] = (secNp[e.section] as number) + applied;
      secFine[e.section] = (secFine[e.section] as number) + fine;
    }
  }
  const byCode: PlainTotals['byCode'] = {};
  builtinSanctionTable.entries.forEach((e, i) => {
    if ((codeCases[i] as number) > 0) byCode[e.code] = { cases: codeCases[i] as number, nonPayment: rubles(BigInt(codeNp[i] as number)), fine: rubles(BigInt(codeFine[i] as number)) };
  });
  const bySection: PlainTotals['bySection'] = {};
  SECTIONS.forEach((s, i) => (bySection[s] = { nonPayment: rubles(BigInt(secNp[i] as number)), fine: rubles(BigInt(secFine[i] as number)) }));
  return { cases: cases.length, errors, nonPayment: rubles(BigInt(totalNp)), fine: rubles(BigInt(totalFine)), byCode, bySection };
}

// ---------------------------------------------------------------------------------------------
// The plain per-case decimal.js implementation.

const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type Dx = InstanceType<typeof Dec>;

interface DecEntry {
  index: number;
  section: number;
  kno: Dx | null;
  ksht: Dx | null;
}

const decTable = new Map<string, DecEntry>(
  builtinSanctionTable.entries.map((e, index) => [
    e.code,
    { index, section: SECTIONS.indexOf(e.section), kno: e.kno === null ? null : new Dec(e.kno.toString()), ksht: e.ksht === null ? null : new Dec(e.ksht.toString()) },
  ]),
);
const decRates = SETTINGS.map((s) => new Dec(RATES[s]));

/** Sanctions of every case with decimal.js on every operation. */
export function decimalLoop(cases: readonly CaseInput[]): PlainTotals {
  const n = builtinSanctionTable.entries.length;
  const zero = new Dec(0);
  const codeCases = new Array<number>(n).fill(0);
  const codeNp: Dx[] = new Array<Dx>(n).fill(zero);
  const codeFine: Dx[] = new Array<Dx>(n).fill(zero);
  const secNp: Dx[] = [zero, zero, zero];
  const secFine: Dx[] = [zero, zero, zero];
  let errors = 0;
  let totalNp = zero;
  let totalFine = zero;
  for (const c of cases) {
    const T = new Dec(String(c.tariff));
    const rate = c.perCapitaRate !== undefined ? new Dec(String(c.perCapitaRate)) : (decRates[SETTINGS.indexOf(c.setting as never)] as Dx);
    const items: { e: DecEntry; np: Dx; fine: Dx }[] = [];
    let bad = false;
    for (const v of c.violations) {
      const e = decTable.get(typeof v === 'string' ? v : v.code);
      if (e === undefined) {
        bad = true;
        break;
      }
      const np =
        typeof v !== 'string' && v.recomputedTariff !== undefined
          ? Dec.max(zero, T.minus(new Dec(String(v.recomputedTariff))))
          : e.kno === null
            ? zero
            : T.times(e.kno).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
      const fine = e.ksht === null ? zero : rate.times(e.ksht).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
      items.push({ e, np, fine });
    }
    if (bad) {
      errors++;
      continue;
    }
    let best = items[0] as (typeof items)[number];
    for (const it of items) if (it.np.gt(best.np) || (it.np.eq(best.np) && it.e.index < best.e.index)) best = it;
    totalNp = totalNp.plus(best.np);
    for (const it of items) {
      const applied = it === best ? it.np : zero;
      totalFine = totalFine.plus(it.fine);
      codeCases[it.e.index] = (codeCases[it.e.index] as number) + 1;
      codeNp[it.e.index] = (codeNp[it.e.index] as Dx).plus(applied);
      codeFine[it.e.index] = (codeFine[it.e.index] as Dx).plus(it.fine);
      secNp[it.e.section] = (secNp[it.e.section] as Dx).plus(applied);
      secFine[it.e.section] = (secFine[it.e.section] as Dx).plus(it.fine);
    }
  }
  const k = (x: Dx): string => rubles(BigInt(x.times(100).toFixed(0)));
  const byCode: PlainTotals['byCode'] = {};
  builtinSanctionTable.entries.forEach((e, i) => {
    if ((codeCases[i] as number) > 0) byCode[e.code] = { cases: codeCases[i] as number, nonPayment: k(codeNp[i] as Dx), fine: k(codeFine[i] as Dx) };
  });
  const bySection: PlainTotals['bySection'] = {};
  SECTIONS.forEach((s, i) => (bySection[s] = { nonPayment: k(secNp[i] as Dx), fine: k(secFine[i] as Dx) }));
  return { cases: cases.length, errors, nonPayment: k(totalNp), fine: k(totalFine), byCode, bySection };
}

/** The library's totals in the same plain form. */
export function plainOf(t: SanctionTotals): PlainTotals {
  const k = (x: X): string => rubles(BigInt(x.times(100).toFixed(0)));
  const byCode: PlainTotals['byCode'] = {};
  for (const [code, v] of Object.entries(t.byCode)) byCode[code] = { cases: v.cases, nonPayment: k(v.nonPayment), fine: k(v.fine) };
  const bySection: PlainTotals['bySection'] = {};
  for (const s of SECTIONS) bySection[s] = { nonPayment: k(t.bySection[s].nonPayment), fine: k(t.bySection[s].fine) };
  return { cases: t.cases, errors: t.errors, nonPayment: k(t.nonPayment), fine: k(t.fine), byCode, bySection };
}
