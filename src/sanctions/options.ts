/**
 * The options shared by the sanction functions: tables, date, per-capita rates, combine policy.
 *
 * @module
 */
import * as z from 'zod';
import { addIssues, amount, issueParams, toIssues, type DecimalInput, type X } from '../_internal';
import { builtinSanctionTable } from './builtinSanctionTable';
import { compileTable, type CompiledTable } from './lookup';
import { isDefinedTable, isoDate, makeTable, SanctionTableInputSchema, type SanctionTable } from './table';

/**
 * The condition of care whose per-capita standard (РП) applies to a case:
 * `ambulatory` — амбулаторные условия; `ambulance` — скорая помощь вне медицинской организации;
 * `all` — оплата по подушевому нормативу по всем видам и условиям; `hospital` — стационар и
 * дневной стационар.
 */
export type Setting = 'ambulatory' | 'ambulance' | 'all' | 'hospital';

/** The four settings, in a fixed order. */
export const SETTINGS: readonly Setting[] = ['ambulatory', 'ambulance', 'all', 'hospital'];

/**
 * How the non-payments of several violations in one case combine (decision D5): `'max'` — the
 * largest single non-payment (default); `'sum-capped'` — their sum, capped at the tariff РТ.
 * Fines always add up.
 */
export type CombinePolicy = 'max' | 'sum-capped';

/**
 * How a violation with a recomputed tariff РТ2 (the case was billed at a higher tariff РТ1 than
 * the one that applied) is charged: `'difference-plus-kno'` — Н = (РТ1 − РТ2) + РТ2 × Кно, the
 * overcharge plus the ordinary non-payment at the right tariff; `'difference'` — Н = РТ1 − РТ2,
 * the overcharge alone (the default: decision D13 says why).
 */
export type RecomputationPolicy = 'difference' | 'difference-plus-kno';

/** The default of the `recomputation` option (decision D13). */
export const DEFAULT_RECOMPUTATION: RecomputationPolicy = 'difference';

/** РП, the per-capita standard of financing by setting, rubles. */
export interface PerCapitaRates {
  /** РП for ambulatory care. */
  ambulatory?: DecimalInput | undefined;
  /** РП for emergency care outside a medical organisation. */
  ambulance?: DecimalInput | undefined;
  /** РП for per-capita payment over all kinds and conditions of care. */
  all?: DecimalInput | undefined;
  /** РП for inpatient and day-hospital care. */
  hospital?: DecimalInput | undefined;
}

/** Options of {@link caseSanction}, {@link sanctionStream} and {@link findViolation}. */
export interface SanctionOptions {
  /**
   * The coefficient tables to choose from by date; default `[builtinSanctionTable]`. Tables from
   * {@link defineSanctionTable} are used as they are; plain objects are validated on each call.
   */
  tables?: readonly SanctionTable[] | undefined;
  /** The date used for a case that has none, ISO `YYYY-MM-DD`. */
  date?: string | undefined;
  /** РП by setting, used for a case that has a `setting` and no `perCapitaRate`. */
  perCapitaRates?: PerCapitaRates | undefined;
  /** Policy for several violations in one case (D5); default `'max'`. */
  combine?: CombinePolicy | undefined;
  /** Policy for a violation with a recomputed tariff (D13); default `'difference'`. */
  recomputation?: RecomputationPolicy | undefined;
}

/** Options of {@link sanctionStream}: those of {@link caseSanction} and `trace`. */
export interface SanctionStreamOptions extends SanctionOptions {
  /** Whether each row carries its `trace`; default `false` (rows are lighter and faster). */
  trace?: boolean | undefined;
}

/** Options after validation. */
export interface ResolvedOptions {
  readonly tables: readonly CompiledTable[];
  readonly date: string | undefined;
  /** РП by setting, in the order of {@link SETTINGS}. */
  readonly rates: readonly (X | undefined)[];
  readonly combine: CombinePolicy;
  readonly recomputation: RecomputationPolicy;
  readonly trace: boolean;
}

const tableSchema = z.custom<SanctionTable>(() => true).transform((value, ctx): SanctionTable => {
  if (isDefinedTable(value)) return value;
  const parsed = SanctionTableInputSchema.safeParse(value);
  if (parsed.success) return makeTable(parsed.data);
  addIssues(ctx, toIssues(parsed.error.issues));
  return z.NEVER;
});

/**
 * The tables given together must choose one table on every date, whatever their order: ids are
 * unique, and no two tables begin on the same day (of overlapping tables the one that begins
 * later supersedes the other; two that begin together would leave the choice to their order).
 */
function checkTableSet(tables: readonly SanctionTable[], ctx: z.RefinementCtx): void {
  const period = (t: SanctionTable): string => `${t.validFrom} – ${t.validTo ?? '…'}`;
  tables.forEach((t, j) => {
    for (let i = 0; i < j; i++) {
      const o = tables[i] as SanctionTable;
      if (o.id === t.id) {
        ctx.addIssue({
          code: 'custom',
          path: [j, 'id'],
          message: `two tables have the id "${t.id}" (tables ${i} and ${j}); give each table its own id`,
          params: issueParams('duplicate', { value: JSON.stringify(t.id), first: String(i) }),
        });
      } else if (o.validFrom === t.validFrom) {
        ctx.addIssue({
          code: 'custom',
          path: [j, 'validFrom'],
          params: issueParams('overlap', { value: t.validFrom, first: `${o.id} (${period(o)})`, second: `${t.id} (${period(t)})` }),
          message: `tables "${o.id}" (${period(o)}) and "${t.id}" (${period(t)}) both begin on ${t.validFrom}: on a date in both, the table in force would depend on their order; give them different periods`,
        });
      }
    }
  });
}

/** РП by setting: each a non-negative amount in rubles (the schema of `perCapitaRates`). */
export const settingRates = z.strictObject({
  ambulatory: amount.optional(),
  ambulance: amount.optional(),
  all: amount.optional(),
  hospital: amount.optional(),
});

const optionsShape = {
  tables: z
    .array(tableSchema, { error: 'expected an array of sanction tables' })
    .min(1, 'give at least one table, or leave tables out for the built-in one')
    .superRefine(checkTableSet)
    .optional(),
  date: isoDate.optional(),
  perCapitaRates: settingRates.optional(),
  combine: z.enum(['max', 'sum-capped'], { error: 'expected "max" or "sum-capped"' }).optional(),
  recomputation: z.enum(['difference', 'difference-plus-kno'], { error: 'expected "difference" or "difference-plus-kno"' }).optional(),
};

/** {@link SanctionStreamOptions} after validation: tables validated, rates as Decimals. */
export type ParsedSanctionOptions = z.output<typeof SanctionStreamOptionsSchema>;

/** Schema of {@link SanctionOptions}. */
export const SanctionOptionsSchema = z.strictObject(optionsShape) satisfies z.ZodType<unknown, SanctionOptions>;

/** Schema of {@link SanctionStreamOptions}. */
export const SanctionStreamOptionsSchema = z.strictObject({
  ...optionsShape,
  trace: z.boolean({ error: 'expected true or false' }).optional(),
}) satisfies z.ZodType<unknown, SanctionStreamOptions>;

/** Validated options with their defaults. */
export function resolveOptions(v: ParsedSanctionOptions | undefined): ResolvedOptions {
  const tables = (v?.tables ?? [builtinSanctionTable]).map(compileTable);
  const rates = SETTINGS.map((s) => v?.perCapitaRates?.[s]);
  return { tables, date: v?.date, rates, combine: v?.combine ?? 'max', recomputation: v?.recomputation ?? DEFAULT_RECOMPUTATION, trace: v?.trace ?? false };
}

/** Schema of the options of {@link findViolation}: `tables` and `date`. */
export const LookupOptionsSchema = z.strictObject({
  tables: optionsShape.tables,
  date: optionsShape.date,
}) satisfies z.ZodType<unknown, { tables?: readonly SanctionTable[] | undefined; date?: string | undefined }>;
