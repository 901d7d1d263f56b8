import * as z from 'zod';
import {
  addIssues,
  amount,
  invalidInput,
  issueParams,
  kopeckAmount,
  kopecks,
  makeIssue,
  tableIssue,
  OmsCalcError,
  parseInput,
  show,
  toIssues,
  trace,
  ZERO,
  type DecimalInput,
  type OmsCalcIssue,
  type TraceBuilder,
  type TraceStep,
  type X,
} from '../_internal';
import { selectTable, unknownCodeMessage, type CompiledEntry } from './lookup';
import { resolveOptions, SanctionOptionsSchema, SETTINGS, type ResolvedOptions, type SanctionOptions, type Setting } from './options';
import { CODE_PATTERN, isoDate, type SanctionSection } from './table';

/** Приказ Минздрава России от 19.03.2021 № 231н, as cited in traces. */
export const ORDER_231N = 'Приказ Минздрава № 231н';

/** The rule Н = (РТ1 − РТ2) + РТ2 × Кно, as cited in traces (decision D13). */
export const RECOMPUTATION_SOURCE = 'решение D13: Н = (РТ1 − РТ2) + РТ2 × Кно, правило размера неоплаты при оплате по завышенному тарифу (Правила ОМС, Приказ Минздрава № 108н; пункт не сверен)';

/** One violation found in a case: its code, or its code with the recomputed tariff. */
export type ViolationInput =
  | string
  | {
      /** The violation code, `d.d` or `d.d.d`. */
      code: string;
      /**
       * РТ2, the tariff the case should have been billed at (e.g. the right КСГ); the non-payment
       * of this violation is then РТ1 − РТ2 (default), or (РТ1 − РТ2) + РТ2 × Кно under
       * `recomputation: 'difference-plus-kno'` (decision D13). Only for a code that has a Кно.
       */
      recomputedTariff?: DecimalInput | undefined;
    };

/** One case of medical care presented for payment, with the violations found in it. */
export interface CaseInput {
  /** The case's identifier, echoed in its result (and in an error row). */
  id?: string | undefined;
  /** The case's date (ISO `YYYY-MM-DD`): picks the table in force; default `options.date`. */
  date?: string | undefined;
  /** РТ, the tariff of the case presented for payment, rubles with at most 2 decimals; ≥ 0. */
  tariff: DecimalInput;
  /** The condition of care whose РП applies (used when `perCapitaRate` is absent). */
  setting?: Setting | undefined;
  /** РП for this case, rubles; overrides the rate of the setting. */
  perCapitaRate?: DecimalInput | undefined;
  /** The violations found: at least one, each code at most once. */
  violations: ViolationInput[];
}

/**
 * {@link CaseInput} after validation: amounts as Decimals, every violation as `{ code, recomputedTariff? }`.
 */
export type ParsedCaseInput = z.output<typeof CaseInputSchema>;

const violationObject = z.strictObject({
  code: z.string({ error: 'expected a violation code string such as "3.2.1"' }).refine((s) => CODE_PATTERN.test(s), {
    error: (issue) => `expected a violation code of the form d.d or d.d.d such as "3.2.1", got ${JSON.stringify(String(issue.input).slice(0, 40))}`,
    params: issueParams('not_a_code'),
  }),
  recomputedTariff: kopeckAmount.optional(),
});

const violation = z.custom<ViolationInput>(() => true).transform((value, ctx): { code: string; recomputedTariff?: X | undefined } => {
  if (typeof value === 'string') {
    if (CODE_PATTERN.test(value)) return { code: value };
    ctx.addIssue({
      code: 'custom',
      message: `expected a violation code of the form d.d or d.d.d such as "3.2.1", got ${JSON.stringify(value.slice(0, 40))}`,
      params: issueParams('not_a_code', { received: JSON.stringify(value.slice(0, 40)) }),
    });
    return z.NEVER;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const parsed = violationObject.safeParse(value);
    if (parsed.success) return parsed.data;
    addIssues(ctx, toIssues(parsed.error.issues));
    return z.NEVER;
  }
  ctx.addIssue({
    code: 'custom',
    message: 'expected a violation code such as "3.2.1" or an object { code, recomputedTariff? }',
    params: issueParams('invalid_type', { expected: 'string', received: show(value) }),
  });
  return z.NEVER;
});

/**
 * Schema of {@link CaseInput}: tariff and recomputed tariffs are kopeck amounts ≥ 0, the
 * per-capita rate an amount ≥ 0, the date ISO, at least one violation, each code at most once.
 */
export const CaseInputSchema = z
  .strictObject({
    id: z.string({ error: 'expected a string id' }).optional(),
    date: isoDate.optional(),
    tariff: kopeckAmount,
    setting: z.enum(SETTINGS as [Setting, ...Setting[]], { error: 'expected a setting: "ambulatory", "ambulance", "all" or "hospital"' }).optional(),
    perCapitaRate: amount.optional(),
    violations: z.array(violation, { error: 'expected an array of violations' }).min(1, 'a case needs at least one violation'),
  })
  .superRefine((c, ctx) => {
    const seen = new Map<string, number>();
    c.violations.forEach((v, i) => {
      const first = seen.get(v.code);
      if (first === undefined) seen.set(v.code, i);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['violations', i],
          message: `violation code "${v.code}" is listed twice (also at ${first}); list each code once per case`,
          params: issueParams('duplicate', { value: JSON.stringify(v.code), first: String(first) }),
        });
      }
    });
  }) satisfies z.ZodType<unknown, CaseInput>;

/** What one violation costs the medical organisation in one case. */
export interface ViolationSanction {
  /** The violation code. */
  code: string;
  /** Its section (MEK, MEE, EKMP). */
  section: SanctionSection;
  /** Кно of the code, or `null` when it has none. */
  kno: X | null;
  /** Кшт of the code, or `null` when it has none. */
  ksht: X | null;
  /** The recomputed tariff, when the violation carried one. */
  recomputedTariff?: X | undefined;
  /** Н of this violation alone: РТ × Кно (or max(0, РТ − recomputed)), rubles, kopecks. */
  nonPayment: X;
  /**
   * The part of the case's non-payment accounted for by this violation, so that these add up to
   * the case's `nonPayment` (D5): under `'max'` all of it goes to the violation with the largest
   * Н (on a tie, the one listed first in the table); under `'sum-capped'` the violations take
   * their Н in table order until РТ is used up.
   */
  appliedNonPayment: X;
  /** Сшт of this violation: РП × Кшт, rubles, kopecks (0 when the code has no Кшт). */
  fine: X;
}

/** Result of {@link caseSanction}. Money in rubles, rounded to kopecks. */
export interface CaseSanction {
  /** The case's id, when it had one. */
  id?: string | undefined;
  /** The id of the coefficient table applied. */
  table: string;
  /** Н of the case: the non-payment (неоплата / неполная оплата), never above РТ. */
  nonPayment: X;
  /** Сшт of the case: the sum of the fines. */
  fine: X;
  /** One entry per violation, in the order given. */
  details: ViolationSanction[];
  /** How every figure was obtained. */
  trace: TraceStep[];
}

/**
 * A row of {@link sanctionStream}: a {@link CaseSanction} whose trace is present only on request.
 */
export type SanctionRow = Omit<CaseSanction, 'trace'> & {
  /** Present only when the stream was asked for `trace: true`. */
  trace?: TraceStep[] | undefined;
};

/**
 * The non-payment and the fine for one case of medical care and the violations found in it.
 *
 *     Н = РТ × Кно          (non-payment of one violation)
 *     Н = РТ1 − РТ2         (billed at РТ1 where РТ2 applied; 'difference-plus-kno': + РТ2 × Кно; D13)
 *     Сшт = РП × Кшт        (fine of one violation)
 *     case: Н = max Н_i ('max', default) or min(РТ, Σ Н_i) ('sum-capped'); Сшт = Σ Сшт_i
 *
 * Every amount is rounded to kopecks (half up) before it is combined. The coefficients come from
 * the table in force on the case's date (`options.tables`, default the built-in table of
 * Приложение № 25 к тарифному соглашению от 09.01.2025). РП is the case's `perCapitaRate`, or
 * else the rate given for its `setting` in `options.perCapitaRates`; it is needed only when a
 * violation has a Кшт.
 *
 * Source: Приказ Минздрава № 231н (Н = РТ × Кно, Сшт = РП × Кшт); Тарифное соглашение от
 * 09.01.2025, прил. 25 (Кно, Кшт by code); decisions D4 and D5.
 *
 * @param c - the case: tariff, violations, and optionally id, date, setting, perCapitaRate
 * @param options - tables, date, perCapitaRates, combine
 * @returns the case's non-payment and fine, one detail per violation, and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a negative tariff, an empty violation list, a
 *   malformed or repeated code, a recomputed tariff on a code without Кно; `UNKNOWN_CODE` for a
 *   code not in the table (naming the code and the table); `MISSING_PER_CAPITA_RATE` for a Кшт
 *   with no РП; `NO_TABLE_FOR_DATE` when no table is in force on the case's date
 * @example
 * ```ts
 * import { caseSanction } from 'oms-calc/sanctions';
 *
 * const r = caseSanction(
 *   { tariff: '25000.00', setting: 'hospital', violations: ['3.2.2', '2.13'] },
 *   { perCapitaRates: { hospital: '7000.00' } },
 * );
 * r.nonPayment.toString(); // '10000'  max(25000 × 0.4, 25000 × 0.1)
 * r.fine.toString();       // '2100'   7000 × 0.3
 * ```
 */
export function caseSanction(c: CaseInput, options?: SanctionOptions): CaseSanction {
  const parsed = parseInput(CaseInputSchema, c, 'caseSanction');
  const resolved = resolveOptions(parseInput(SanctionOptionsSchema, options === undefined ? {} : options, 'caseSanction'));
  return computeCase(parsed, resolved, 'caseSanction', true) as CaseSanction;
}

/**
 * The decimal reference computation of one validated case: Н = РТ × Кно and Сшт = РП × Кшт per
 * violation, combined by decision D5. With `withTrace` false the result has no `trace` (a stream
 * row).
 *
 * Source: Приказ Минздрава № 231н; Тарифное соглашение от 09.01.2025, прил. 25 (decision D4).
 */
export function computeCase(c: ParsedCaseInput, o: ResolvedOptions, where: string, withTrace: boolean): CaseSanction | SanctionRow {
  const t: TraceBuilder | undefined = withTrace ? trace() : undefined;
  const date = c.date ?? o.date;
  const compiled = selectTable(o.tables, date, where);
  const table = compiled.table;
  t?.step('Перечень', date === undefined ? 'единственная заданная таблица' : `таблица, действующая на ${date}: ${table.title}`, table.id, table.source);

  const entries: CompiledEntry[] = [];
  const unknown: OmsCalcIssue[] = [];
  c.violations.forEach((v, i) => {
    const e = compiled.byCode.get(v.code);
    if (e === undefined) unknown.push(makeIssue('unknown_code', ['violations', i], { code: v.code, table: table.id }, unknownCodeMessage(v.code, table)));
    else entries.push(e);
  });
  if (unknown.length > 0) {
    throw new OmsCalcError('UNKNOWN_CODE', `${where}: ${(unknown[0] as OmsCalcIssue).message}${unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : ''}`, unknown);
  }
  const misplaced: OmsCalcIssue[] = [];
  c.violations.forEach((v, i) => {
    if (v.recomputedTariff !== undefined && (entries[i] as CompiledEntry).kno === null) {
      misplaced.push(tableIssue('not_applicable', ['violations', i, 'recomputedTariff'], { code: v.code, table: table.id }));
    }
  });
  if (misplaced.length > 0) throw invalidInput(where, misplaced);

  const T = c.tariff;
  t?.step('РТ', 'тариф случая, предъявленный к оплате', T, `${ORDER_231N}, Н = РТ × Кно`);

  let rate: X | undefined;
  const fined = entries.filter((e) => e.ksht !== null);
  if (fined.length > 0) {
    rate = c.perCapitaRate ?? (c.setting === undefined ? undefined : o.rates[SETTINGS.indexOf(c.setting)]);
    if (rate === undefined) {
      const codes = fined.map((e) => e.code).join(', ');
      const why =
        c.setting === undefined
          ? 'the case has no perCapitaRate and no setting'
          : `the case has no perCapitaRate and options.perCapitaRates has no rate for setting "${c.setting}"`;
      const message = `a fine (Кшт) for code${fined.length > 1 ? 's' : ''} ${codes} needs the per-capita rate РП, but ${why}`;
      throw new OmsCalcError('MISSING_PER_CAPITA_RATE', `${where}: ${message}`, [makeIssue('missing_rate', ['perCapitaRate'], { code: codes }, message)]);
    }
    t?.step(
      'РП',
      c.perCapitaRate !== undefined ? 'подушевой норматив финансирования, заданный для случая' : `подушевой норматив финансирования для условий «${c.setting as string}»`,
      rate,
      `${ORDER_231N}, Сшт = РП × Кшт`,
    );
  }

  const nonPayments: X[] = [];
  const fines: X[] = [];
  entries.forEach((e, i) => {
    const v = c.violations[i] as ParsedCaseInput['violations'][number];
    const src = `${ORDER_231N}; таблица ${table.id}, код ${e.code}`;
    let n: X;
    if (v.recomputedTariff !== undefined) {
      const R = v.recomputedTariff;
      const diff = T.minus(R);
      const over = diff.isNegative() ? ZERO : diff;
      if (o.recomputation === 'difference') {
        n = over;
        t?.step('Н', `код ${e.code}: max(0, РТ1 − РТ2) = max(0, ${T.toString()} − ${R.toString()})`, n, `${src}; решение D13 (recomputation = 'difference')`);
      } else {
        const base = R.lt(T) ? R : T;
        const kno = e.kno as X;
        n = over.plus(kopecks(base.times(kno)));
        t?.step(
          'Н',
          `код ${e.code}: max(0, РТ1 − РТ2) + min(РТ1, РТ2) × Кно = ${over.toString()} + ${base.toString()} × ${kno.toString()}, до копеек`,
          n,
          `${RECOMPUTATION_SOURCE}; таблица ${table.id}, код ${e.code} (Кно = ${kno.toString()}); решение D13`,
        );
      }
    } else if (e.kno === null) {
      n = ZERO;
      t?.step('Н', `код ${e.code}: Кно не установлен`, n, src);
    } else {
      n = kopecks(T.times(e.kno));
      t?.step('Н', `код ${e.code}: РТ × Кно = ${T.toString()} × ${e.kno.toString()}, до копеек`, n, `${src} (Кно = ${e.kno.toString()})`);
    }
    let f: X;
    if (e.ksht === null) {
      f = ZERO;
      t?.step('Сшт', `код ${e.code}: Кшт не установлен`, f, src);
    } else {
      const r = rate as X;
      f = kopecks(r.times(e.ksht));
      t?.step('Сшт', `код ${e.code}: РП × Кшт = ${r.toString()} × ${e.ksht.toString()}, до копеек`, f, `${src} (Кшт = ${e.ksht.toString()})`);
    }
    nonPayments.push(n);
    fines.push(f);
  });

  // Combine (D5) and attribute the case's non-payment to the violations, in table order.
  const order = entries.map((e, i) => i).sort((a, b) => (entries[a] as CompiledEntry).index - (entries[b] as CompiledEntry).index);
  const applied: X[] = entries.map(() => ZERO);
  let nonPayment: X;
  if (o.combine === 'max') {
    let best = -1;
    for (const i of order) if (best < 0 || (nonPayments[i] as X).gt(nonPayments[best] as X)) best = i;
    nonPayment = nonPayments[best] as X;
    applied[best] = nonPayment;
    t?.step('Н', `max(${nonPayments.map((x) => x.toString()).join(', ')})`, nonPayment, `${ORDER_231N}; решение D5 (combine = 'max'): наибольшая неоплата по нарушениям случая`);
  } else {
    let sum = ZERO;
    for (const x of nonPayments) sum = sum.plus(x);
    nonPayment = sum.gt(T) ? T : sum;
    let left = nonPayment;
    for (const i of order) {
      const x = nonPayments[i] as X;
      const take = x.lte(left) ? x : left;
      applied[i] = take;
      left = left.minus(take);
    }
    t?.step(
      'Н',
      `min(РТ, ΣН) = min(${T.toString()}, ${nonPayments.map((x) => x.toString()).join(' + ')})`,
      nonPayment,
      `${ORDER_231N}; решение D5 (combine = 'sum-capped'): сумма неоплат, не более РТ`,
    );
  }
  let fine = ZERO;
  for (const x of fines) fine = fine.plus(x);
  t?.step('Сшт', `ΣСшт = ${fines.map((x) => x.toString()).join(' + ')}`, fine, `${ORDER_231N}; решение D5: штрафы по нарушениям складываются`);

  const details: ViolationSanction[] = entries.map((e, i) => {
    const v = c.violations[i] as ParsedCaseInput['violations'][number];
    return v.recomputedTariff === undefined
      ? { code: e.code, section: e.section, kno: e.kno, ksht: e.ksht, nonPayment: nonPayments[i] as X, appliedNonPayment: applied[i] as X, fine: fines[i] as X }
      : {
          code: e.code,
          section: e.section,
          kno: e.kno,
          ksht: e.ksht,
          recomputedTariff: v.recomputedTariff,
          nonPayment: nonPayments[i] as X,
          appliedNonPayment: applied[i] as X,
          fine: fines[i] as X,
        };
  });
  const head = c.id === undefined ? {} : { id: c.id };
  return t === undefined ? { ...head, table: table.id, nonPayment, fine, details } : { ...head, table: table.id, nonPayment, fine, details, trace: t.steps };
}
