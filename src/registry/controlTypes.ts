/**
 * The types of control by S_TIP (classifier F006) and their class, МЭК/МЭЭ/ЭКМП, as dated data
 * (decision D20).
 *
 * @module
 */
import * as z from 'zod';
import { issueParams, parseInput } from '../_internal';
import type { ControlClass } from './types';

/**
 * One type of control of classifier F006: the S_TIP code, its class and the period the code has
 * that meaning (ISO dates, inclusive).
 */
export interface ControlType {
  /** S_TIP, the code of F006 (0–99). */
  readonly tip: number;
  /** The class of control. */
  readonly class: ControlClass;
  /** The first day the code has this meaning. */
  readonly dateBeg: string;
  /** The last day, inclusive; absent while it still has it. */
  readonly dateEnd?: string | undefined;
  /** What the code means. */
  readonly title?: string | undefined;
}

const FROM = '2021-05-25';

function range(from: number, to: number, cls: ControlClass, title: (tip: number) => string): ControlType[] {
  const out: ControlType[] = [];
  for (let tip = from; tip <= to; tip++) out.push(Object.freeze({ tip, class: cls, dateBeg: FROM, title: title(tip) }));
  return out;
}

/**
 * The types of control of F006 in force since 2021-05-25 (the list of Приказ Минздрава № 231н):
 * 1 — МЭК; 50–59, 88, 90–93 — МЭЭ (59 — повторная); 70–87, 89 — ЭКМП (79–84 —
 * мультидисциплинарная, 86 — повторная). The older codes (2, 3, 10–41) are not built in: a fund
 * that audits an older file adds them with their dates.
 *
 * Source: Классификатор F006 (ФФОМС), as `registry.md` §2 reads it.
 */
export const builtinControlTypes: readonly ControlType[] = Object.freeze([
  ...range(1, 1, 'MEK', () => 'медико-экономический контроль'),
  ...range(50, 59, 'MEE', (t) => (t === 59 ? 'повторная медико-экономическая экспертиза' : 'медико-экономическая экспертиза')),
  ...range(70, 87, 'EKMP', (t) =>
    t >= 79 && t <= 84 ? 'мультидисциплинарная экспертиза качества медицинской помощи' : t === 86 ? 'повторная экспертиза качества медицинской помощи' : 'экспертиза качества медицинской помощи',
  ),
  ...range(88, 88, 'MEE', () => 'медико-экономическая экспертиза'),
  ...range(89, 89, 'EKMP', () => 'экспертиза качества медицинской помощи'),
  ...range(90, 93, 'MEE', () => 'медико-экономическая экспертиза'),
]);

const isoDay = z
  .string({ error: 'expected an ISO date YYYY-MM-DD' })
  .refine((s) => /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/.test(s), { error: 'expected an ISO date YYYY-MM-DD', params: issueParams('not_a_date') });

/**
 * Schema of {@link ControlType}: S_TIP 0–99, a class, ISO dates with DATEEND not before DATEBEG.
 */
export const ControlTypeSchema: z.ZodType<ControlType, ControlType> = z
  .strictObject({
    tip: z.number({ error: 'expected S_TIP as an integer 0–99' }).int('expected S_TIP as an integer 0–99').min(0, 'S_TIP must be at least 0').max(99, 'S_TIP must be at most 99'),
    class: z.enum(['MEK', 'MEE', 'EKMP'], { error: 'expected a class: "MEK", "MEE" or "EKMP"' }),
    dateBeg: isoDay,
    dateEnd: isoDay.optional(),
    title: z.string({ error: 'expected a title string' }).optional(),
  })
  .refine((t) => t.dateEnd === undefined || t.dateBeg <= t.dateEnd, { error: 'dateEnd is before dateBeg', path: ['dateEnd'], params: issueParams('out_of_order', { field: 'dateEnd', other: 'dateBeg', relation: 'before' }) });

/** Control types indexed by S_TIP. */
export type ControlIndex = ReadonlyMap<number, readonly ControlType[]>;

const indexes = new WeakMap<readonly ControlType[], ControlIndex>();

/** The index of a list of control types (cached per list). */
export function controlIndex(types: readonly ControlType[]): ControlIndex {
  const hit = indexes.get(types);
  if (hit !== undefined) return hit;
  const index = new Map<number, ControlType[]>();
  for (const t of types) {
    const list = index.get(t.tip);
    if (list === undefined) index.set(t.tip, [t]);
    else list.push(t);
  }
  indexes.set(types, index);
  return index;
}

/** The class of S_TIP `tip` on `date` from an index, or `undefined`. */
export function lookupControl(index: ControlIndex, tip: number, date: string): ControlType | undefined {
  const list = index.get(tip);
  if (list === undefined) return undefined;
  for (const t of list) if (t.dateBeg <= date && (t.dateEnd === undefined || date <= t.dateEnd)) return t;
  return undefined;
}

/**
 * The class of control of S_TIP `tip` on `date` (DATE_ACT): МЭК, МЭЭ or ЭКМП, or `undefined` when
 * the code means none on that date.
 *
 * Source: Классификатор F006 (ФФОМС); decision D20.
 *
 * @param tip - S_TIP
 * @param date - the date, ISO `YYYY-MM-DD`
 * @param types - the control types; default {@link builtinControlTypes}
 * @returns the class, or `undefined`
 * @throws {@link OmsCalcError} `INVALID_INPUT` for a malformed S_TIP, date or list
 * @example
 * ```ts
 * import { controlClassOf } from 'oms-calc/registry';
 *
 * [controlClassOf(1, '2025-06-30'), controlClassOf(73, '2025-06-30'), controlClassOf(2, '2025-06-30')];
 * // ['MEK', 'EKMP', undefined]
 * ```
 */
export function controlClassOf(tip: number, date: string, types: readonly ControlType[] = builtinControlTypes): ControlClass | undefined {
  const args = parseInput(
    z.strictObject({ tip: z.number({ error: 'expected S_TIP as an integer' }).int('expected S_TIP as an integer'), date: isoDay, types: z.array(ControlTypeSchema) }),
    { tip, date, types },
    'controlClassOf',
  );
  return lookupControl(controlIndex(types === builtinControlTypes ? builtinControlTypes : args.types), tip, date)?.class;
}
