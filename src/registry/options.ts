/**
 * The options of the audit, validated with zod.
 *
 * @module
 */
import * as z from 'zod';
import { invalidInput, isOmsCalcError, toIssues, type OmsCalcIssue, type X } from '../_internal';
import { builtinF014, builtinSanctionTable, defineF014, SanctionOptionsSchema, type CombinePolicy, type F014Table, type PerCapitaRates, type SanctionTable, type Setting } from '../sanctions';
import { builtinControlTypes, ControlTypeSchema, type ControlType } from './controlTypes';

/**
 * Where the audit takes Кно from: `'table'` — the coefficient table in force on the case's date
 * (`tables`, default the built-in one), F014's K_NO where the table has no row for the point;
 * `'f014'` — F014's own K_NO always.
 */
export type CoefficientSource = 'table' | 'f014';

/**
 * Options of {@link auditRegistry} and {@link registryFindings}: those of the sanctions
 * (`tables`, `date`, `perCapitaRates`, `combine`; a register carries no recomputed tariff, so
 * `recomputation` has no use here) and the register's own.
 */
export interface AuditRegistryOptions {
  /** The coefficient tables to choose from by the case's date (DATE_Z_2); default `[builtinSanctionTable]`. */
  tables?: readonly SanctionTable[] | undefined;
  /** The date used for a case without a valid DATE_Z_2, ISO `YYYY-MM-DD`. */
  date?: string | undefined;
  /** РП by setting, to report the fines (РП × Кшт) beside the sanctions; the setting comes from USL_OK. */
  perCapitaRates?: PerCapitaRates | undefined;
  /** Policy for several sanctions of one case (D5, D19); default `'max'`. */
  combine?: CombinePolicy | undefined;
  /** The encoding of the bytes; default: from the BOM or the XML prolog, else UTF-8. */
  encoding?: string | undefined;
  /** The copy of F014 that maps S_OSN (Kod) to the point on DATE_ACT; default `builtinF014`. Validated with `defineF014`. */
  f014?: F014Table | undefined;
  /** Where Кно comes from; default `'table'`. */
  coefficients?: CoefficientSource | undefined;
  /** The types of control by S_TIP (F006); default {@link builtinControlTypes}. */
  controlTypes?: readonly ControlType[] | undefined;
  /** At most this many findings are kept in {@link RegistryAudit}`.findings` (all are counted); default: all. */
  maxFindings?: number | undefined;
}

/** Validated options with their defaults. */
export interface ResolvedAuditOptions {
  readonly encoding: string | undefined;
  readonly tables: readonly SanctionTable[];
  readonly date: string | undefined;
  readonly rates: Partial<Record<Setting, X | undefined>> | undefined;
  readonly combine: 'max' | 'sum-capped';
  readonly f014: F014Table;
  readonly coefficients: CoefficientSource;
  readonly controlTypes: readonly ControlType[];
  readonly maxFindings: number;
}

const ownShape = z.strictObject({
  encoding: z.string({ error: 'expected an encoding label such as "windows-1251"' }).min(1, 'expected an encoding label such as "windows-1251"').optional(),
  f014: z.unknown().optional(),
  coefficients: z.enum(['table', 'f014'], { error: 'expected "table" or "f014"' }).optional(),
  controlTypes: z.array(ControlTypeSchema, { error: 'expected an array of control types { tip, class, dateBeg, dateEnd? }' }).optional(),
  maxFindings: z.number({ error: 'expected a whole number ≥ 0' }).int('expected a whole number ≥ 0').min(0, 'expected a whole number ≥ 0').optional(),
  tables: z.unknown().optional(),
  date: z.unknown().optional(),
  perCapitaRates: z.unknown().optional(),
  combine: z.unknown().optional(),
});

/**
 * Validates the options of the audit: every problem is one issue of one `INVALID_INPUT` error.
 *
 * @param where - the public function's name
 */
export function resolveAuditOptions(options: unknown, where: string): ResolvedAuditOptions {
  const value = options ?? {};
  const issues: OmsCalcIssue[] = [];
  const own = ownShape.safeParse(value);
  if (!own.success) issues.push(...toIssues(own.error.issues));
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const sanctionPart: Record<string, unknown> = {};
  for (const key of ['tables', 'date', 'perCapitaRates', 'combine']) if (o[key] !== undefined) sanctionPart[key] = o[key];
  const sanctions = SanctionOptionsSchema.safeParse(sanctionPart);
  if (!sanctions.success) issues.push(...toIssues(sanctions.error.issues));
  let f014 = builtinF014;
  if (o.f014 !== undefined && o.f014 !== builtinF014) {
    try {
      f014 = defineF014(o.f014);
    } catch (e) {
      if (!isOmsCalcError(e)) throw e;
      issues.push(...e.issues.map((i) => ({ ...i, path: ['f014', ...i.path] })));
    }
  }
  if (issues.length > 0 || !own.success || !sanctions.success) throw invalidInput(where, issues);
  const s = sanctions.data;
  return {
    encoding: own.data.encoding,
    tables: s.tables ?? [builtinSanctionTable],
    date: s.date,
    rates: s.perCapitaRates,
    combine: s.combine ?? 'max',
    f014,
    coefficients: own.data.coefficients ?? 'table',
    controlTypes: (o.controlTypes as readonly ControlType[] | undefined) ?? builtinControlTypes,
    maxFindings: own.data.maxFindings ?? Number.POSITIVE_INFINITY,
  };
}
