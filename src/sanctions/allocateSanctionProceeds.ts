import * as z from 'zod';
import { D, invalidInput, issueParams, kopeckAmount, makeIssue, tableIssue, parseInput, SOURCES, sum, trace, unitInterval, type DecimalInput, type TraceStep, type X } from '../_internal';

/** Input of {@link allocateSanctionProceeds}, as its schema checks it. */
export interface AllocateSanctionProceedsInput {
  /** The amount to split, rubles with at most 2 decimals; ≥ 0. */
  amount: DecimalInput;
  /** Shares by recipient, each in [0, 1], adding up to exactly 1; default {@link DEFAULT_PROCEEDS_SHARES}. */
  shares?: Record<string, DecimalInput> | undefined;
}

/**
 * The default split of sanction money withheld after expertise: half to the territorial fund to
 * finance care, 35 % to the normed insurance reserve (НСЗ) to improve the quality of care, and
 * the remaining 15 % to the insurer.
 *
 * Source: «Возврат средств в систему ОМС…» (Комсомольская правда, Волгоград): «Половина этих
 * средств … идут в территориальный фонд ОМС …, 35 % — средства нормированного страхового запаса».
 */
export const DEFAULT_PROCEEDS_SHARES: Readonly<Record<'territorialFund' | 'reserve' | 'insurer', string>> = Object.freeze({
  territorialFund: '0.5',
  reserve: '0.35',
  insurer: '0.15',
});

/**
 * Schema of {@link AllocateSanctionProceedsInput}: the amount in kopecks, shares in [0, 1] adding
 * up to exactly 1 (the default shares when none are given).
 */
export const AllocateSanctionProceedsInputSchema: z.ZodType<{ amount: X; shares: Record<string, X> }, AllocateSanctionProceedsInput> = z
  .strictObject({
    amount: kopeckAmount,
    shares: z
      .record(z.string().min(1, 'a recipient name must not be empty'), unitInterval, { error: 'expected an object of shares by recipient' })
      .optional(),
  })
  .transform((v) => ({ amount: v.amount, shares: v.shares ?? Object.fromEntries(Object.entries(DEFAULT_PROCEEDS_SHARES).map(([k, s]) => [k, new D(s)])) }))
  .superRefine((v, ctx) => {
    const names = Object.keys(v.shares);
    if (names.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['shares'], message: 'give at least one recipient', params: issueParams('too_small', { minimum: '1', origin: 'array' }) });
      return;
    }
    const total = sum(Object.values(v.shares));
    if (!total.eq(1)) ctx.addIssue({ code: 'custom', path: ['shares'], message: `the shares add up to ${total.toString()}, not 1`, params: issueParams('shares_sum', { sum: total.toString() }) });
  });

/** Result of {@link allocateSanctionProceeds}. */
export interface SanctionProceeds {
  /** The amount split, rubles. */
  amount: X;
  /** The part of each recipient, rubles with kopecks, in the order of the shares; they add up to `amount`. */
  parts: Record<string, X>;
  /** How every part was obtained. */
  trace: TraceStep[];
}

/** Names that a plain object cannot hold as ordinary keys. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Splits sanction money by shares exactly to the kopeck, by the largest-remainder method, so that
 * the parts always add up to the amount: each recipient first gets its share rounded down to the
 * kopeck; the kopecks left over go one each to the largest remainders (ties: the larger share,
 * then the recipient's name in code-point order — the result does not depend on the order of the
 * keys).
 *
 *     part_i = ⌊amount × share_i⌋ (kopecks) + 1 kopeck for the (amount − Σ⌊…⌋) largest remainders
 *
 * The `reserve` part is income of the normed insurance reserve: pass it as an `income` event to
 * `reserveYear` of `oms-calc/replenishment`.
 *
 * Source: «Возврат средств в систему ОМС…» (Комсомольская правда, Волгоград) — 50 % to the
 * territorial fund, 35 % to the reserve (НСЗ); the rest, 15 %, to the insurer.
 *
 * @param amount - the money withheld, rubles with at most 2 decimals; ≥ 0
 * @param shares - shares by recipient, each in [0, 1], adding up to exactly 1; default
 *   `{ territorialFund: 0.5, reserve: 0.35, insurer: 0.15 }`
 * @returns the parts by recipient and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a negative amount or more than 2 decimals, a
 *   share outside [0, 1], no recipient, or shares that do not add up to 1
 * @example
 * ```ts
 * import { allocateSanctionProceeds } from 'oms-calc/sanctions';
 *
 * const { parts } = allocateSanctionProceeds('1000.01');
 * parts.territorialFund.toString(); // '500.01'  (500.005 → 500.00 + the largest remainder)
 * parts.reserve.toString();         // '350'     (350.0035)
 * parts.insurer.toString();         // '150'     (150.0015)
 * ```
 */
export function allocateSanctionProceeds(amount: DecimalInput, shares?: Record<string, DecimalInput>): SanctionProceeds {
  if (shares !== undefined && (typeof shares !== 'object' || shares === null || Array.isArray(shares))) {
    throw invalidInput('allocateSanctionProceeds', [makeIssue('invalid_type', ['shares'], { expected: 'object' }, 'expected an object of shares by recipient')]);
  }
  if (shares !== undefined) {
    // A key such as "__proto__" (an own key of parsed JSON) would be dropped by an object record:
    // the share would vanish and the error would speak of the sum. Name it instead.
    const reserved = Object.getOwnPropertyNames(shares).filter((k) => RESERVED_KEYS.has(k));
    if (reserved.length > 0) {
      throw invalidInput(
        'allocateSanctionProceeds',
        reserved.map((k) => tableIssue('reserved_name', ['shares', k], { value: JSON.stringify(k) })),
      );
    }
  }
  const v = parseInput(AllocateSanctionProceedsInputSchema, shares === undefined ? { amount } : { amount, shares }, 'allocateSanctionProceeds');
  const t = trace();
  const source = shares === undefined ? SOURCES.sanctionMoney : 'доли, заданные пользователем';
  const cents = BigInt(v.amount.times(100).toString()); // a whole number: the amount has at most 2 places
  const names = Object.keys(v.shares);
  const rows = names.map((name) => {
    const share = v.shares[name] as X;
    const exact = v.amount.times(100).times(share); // kopecks, exact
    const floor = BigInt(exact.floor().toString());
    return { name, share, exact, floor, remainder: exact.minus(exact.floor()) };
  });
  let left = cents - rows.reduce((s, r) => s + r.floor, 0n);
  const ranked = [...rows].sort((a, b) => b.remainder.comparedTo(a.remainder) || b.share.comparedTo(a.share) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const extra = new Set<string>();
  for (const r of ranked) {
    if (left <= 0n) break;
    extra.add(r.name);
    left -= 1n;
  }
  const parts: Record<string, X> = {};
  for (const r of rows) {
    const k = r.floor + (extra.has(r.name) ? 1n : 0n);
    const part = new D(k.toString()).div(100);
    Object.defineProperty(parts, r.name, { value: part, enumerable: true, writable: true, configurable: true });
    t.step(
      `Доля «${r.name}»`,
      `${v.amount.toString()} × ${r.share.toString()} = ${r.exact.div(100).toString()} → ${part.toString()}${extra.has(r.name) ? ' (+0.01 по наибольшему остатку)' : ''}`,
      part,
      `${source}; метод наибольшего остатка`,
    );
  }
  t.step('Σ', `сумма долей = ${Object.values(parts).map((p) => p.toString()).join(' + ')}`, sum(Object.values(parts)), 'части в сумме равны распределяемой сумме');
  return { amount: v.amount, parts, trace: t.steps };
}
