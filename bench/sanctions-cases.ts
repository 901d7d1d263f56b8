/**
 * Deterministic registries of cases for the sanctions benchmark: the same seed gives the same
 * cases, as objects (for the library and the two reference loops) or as CSV lines (for the CLI).
 */
import { builtinSanctionTable, type CaseInput, type Setting } from 'oms-calc/sanctions';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SETTINGS: readonly Setting[] = ['ambulatory', 'ambulance', 'all', 'hospital'];

/** РП by setting used by every path of the benchmark. */
export const RATES: Record<Setting, string> = { ambulatory: '1850.40', ambulance: '980.15', all: '2650.75', hospital: '7123.36' };

const CODES = builtinSanctionTable.entries.map((e) => e.code);
const WITH_KNO = new Set(builtinSanctionTable.entries.filter((e) => e.kno !== null).map((e) => e.code));

function money(k: number): string {
  const r = k % 100;
  return `${(k - r) / 100}.${r < 10 ? '0' : ''}${r}`;
}

/** A fresh copy of a short string (as a parser would produce). */
function fresh(s: string): string {
  return s.split('.').join('.');
}

/**
 * One generated case: tariff 10 … 500 000 rubles, 1–3 distinct violations (3 % of those with a
 * Кно carry a recomputed tariff), a setting, 2 % with their own per-capita rate, and 1 in 1000
 * with an unknown code (an error row).
 */
export function makeCase(i: number, rnd: () => number): CaseInput {
  const tariff = 1_000 + Math.floor(rnd() * 50_000_000);
  const n = 1 + Math.floor(rnd() * 3);
  const picked: string[] = [];
  while (picked.length < n) {
    const code = CODES[Math.floor(rnd() * CODES.length)] as string;
    if (!picked.includes(code)) picked.push(code);
  }
  const violations: CaseInput['violations'] = picked.map((code) =>
    WITH_KNO.has(code) && rnd() < 0.03 ? { code: fresh(code), recomputedTariff: money(Math.floor(rnd() * tariff)) } : fresh(code),
  );
  if (rnd() < 0.001) violations.push('9.9');
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const c: CaseInput = {
    id: `c${i}`,
    date: `2025-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`,
    tariff: money(tariff),
    setting: SETTINGS[Math.floor(rnd() * 4)] as Setting,
    violations,
  };
  if (rnd() < 0.02) c.perCapitaRate = money(50_000 + Math.floor(rnd() * 1_000_000));
  return c;
}

/** `count` generated cases. */
export function makeCases(count: number, seed = 20250109): CaseInput[] {
  const rnd = prng(seed);
  const out = new Array<CaseInput>(count);
  for (let i = 0; i < count; i++) out[i] = makeCase(i, rnd);
  return out;
}

/** The CSV header of {@link csvLine}. */
export const CSV_HEADER = 'id;date;tariff;setting;per_capita_rate;violations';

/** One case as a `;`-separated CSV line with decimal commas (the usual Russian export). */
export function csvLine(c: CaseInput): string {
  const comma = (s: unknown): string => String(s ?? '').replace('.', ',');
  const vs = c.violations.map((v) => (typeof v === 'string' ? v : `${v.code}:${comma(v.recomputedTariff)}`)).join('|');
  return `${c.id ?? ''};${c.date ?? ''};${comma(c.tariff)};${c.setting ?? ''};${comma(c.perCapitaRate)};${vs}`;
}

/**
 * One case as a line of a realistic export: a Cyrillic id, and one line in ten bad — an unknown
 * code (5 %), too few fields (3 %), a negative tariff (2 %). Written with CRLF after a BOM.
 */
export function realisticLine(c: CaseInput, i: number, rnd: () => number): string {
  const line = csvLine({ ...c, id: `Случай-${i}` });
  const r = rnd();
  if (r < 0.05) return line.replace(/;([^;]*)$/, ';8.8|$1');
  if (r < 0.08) return line.split(';').slice(0, 2).join(';');
  if (r < 0.1) return line.replace(/^([^;]*;[^;]*;)[^;]*/, '$1-5');
  return line;
}
