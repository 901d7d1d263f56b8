/**
 * The data of the assessment (Приложение 1, пункт 2): twenty figures per insurer and region,
 * cumulative from January to the end of the reporting quarter, and their schema.
 *
 * @module
 */
import * as z from 'zod';
import { D, decimal, issueParams, type DecimalInput, type X } from '../_internal';
import type { IndicatorField } from './indicators';

/**
 * The figures an indicator is computed from, per insurer (СМО) and region, cumulative from
 * January to the end of the reporting quarter (Приказ ФФОМС № 140н, приложение 1, пункт 2).
 *
 * Every field is optional. An absent (or `undefined`) ДТ or СЧпо — the data the insurer sends
 * itself (приложение 1, пункт 4) — was not submitted, or was submitted late: indicator 8 counts
 * with the value 0 (пункт 7, decision D14). Any other absent field is data the fund takes from
 * the sources of пункт 3 (the register, form ЗПЗ, the reconciliation acts, its own control): the
 * indicators that need it cannot be computed and are 0 (пункты 2, 3).
 * Counts are whole numbers from 0 to 10¹²; money is in rubles, from 0 to 10¹⁵ with at most
 * 2 decimal places. A count above its denominator is `INVALID_INPUT`.
 */
export interface IndicatorData {
  /** ЧЗЛдост — insured persons of the СМО in the regional segment of the register (ЕРЗ) with reliable data, except those assigned under ч. 5.1 ст. 16 326-ФЗ. At most ЧЗЛсмо. */
  reliableInsured?: DecimalInput | undefined;
  /** ЧЗЛсмо — insured persons of the СМО in the region per ЕРЗ on the 1st day of the month after the period. */
  insured?: DecimalInput | undefined;
  /** КСЭрез — appeals about care under the base programme on which the СМО helped settle the matter. At most КСЭ. */
  appealsResolved?: DecimalInput | undefined;
  /** КСЭ — all such appeals received by the СМО. */
  appeals?: DecimalInput | undefined;
  /** ППМинфдвн — insured aged 18+ informed by the СМО who passed stage 1 of the adult dispensarisation. At most ИИдвн. */
  screeningCompleted?: DecimalInput | undefined;
  /** ИИдвн — insured aged 18+ individually informed about preventive measures. */
  screeningInformed?: DecimalInput | undefined;
  /** ППМИНФДН — insured aged 18+ informed about dispensary observation who passed it. At most ИИдн. */
  dispensaryCompleted?: DecimalInput | undefined;
  /** ИИдн — insured aged 18+ individually informed about dispensary observation. */
  dispensaryInformed?: DecimalInput | undefined;
  /** КОЖдосуд — justified complaints settled by the СМО before trial. КОЖдосуд + КОЖсуд is at most КОЖзл. */
  complaintsPreTrial?: DecimalInput | undefined;
  /** КОЖсуд — justified complaints settled by the СМО in court. */
  complaintsInCourt?: DecimalInput | undefined;
  /** КОЖзл — justified complaints received by the СМО. */
  complaints?: DecimalInput | undefined;
  /** КОЖзлсмо — justified complaints against the СМО received by the fund and the СМО. Not used when the territorial fund is the insurer. */
  complaintsAgainstSmo?: DecimalInput | undefined;
  /** КЗАсобл — advance requests sent to the fund in the established amount and order. At most КЗАвсего. */
  advanceRequestsCompliant?: DecimalInput | undefined;
  /** КЗАвсего — all advance requests sent to the fund. */
  advanceRequests?: DecimalInput | undefined;
  /** ДТ — money advanced to medical organisations not closed by invoices, rubles. */
  unclosedAdvances?: DecimalInput | undefined;
  /** СЧпо — total of medical organisations' invoices presented for payment, rubles. */
  invoicedTotal?: DecimalInput | undefined;
  /** КЭКМПподтв — СМО quality-expertise conclusions confirmed by the fund's repeated expertise. At most КЭКМПтфомс. */
  qualityReviewsConfirmed?: DecimalInput | undefined;
  /** КЭКМПтфомс — repeated quality expertises carried out by the fund. */
  qualityReviewsRechecked?: DecimalInput | undefined;
  /** КЗСМОподтв — СМО conclusions confirmed by the fund on a medical organisation's claim. At most КПМОтфомс. */
  conclusionsUpheld?: DecimalInput | undefined;
  /** КПМОтфомс — claims of medical organisations against СМО conclusions received by the fund. */
  moClaims?: DecimalInput | undefined;
}

/** {@link IndicatorData} after validation: every present field is a Decimal. */
export type ParsedIndicatorData = z.output<typeof IndicatorDataSchema>;

/** Whether a field is a count of persons, appeals, requests… or an amount of money. */
export type IndicatorFieldKind = 'count' | 'money';

/** The largest count accepted (10¹²), far above any register. */
export const INDICATOR_MAX_COUNT = '1000000000000';
/** The largest amount accepted (10¹⁵ rubles), far above any fund's budget. */
export const INDICATOR_MAX_MONEY = '1000000000000000';

/** One field of {@link IndicatorData}: its name, official symbol and kind. */
export interface IndicatorFieldInfo {
  /** The field of {@link IndicatorData}. */
  readonly field: IndicatorField;
  /** The official symbol, e.g. `ЧЗЛдост`. */
  readonly symbol: string;
  /** A count or an amount of money. */
  readonly kind: IndicatorFieldKind;
}

/**
 * The twenty fields of {@link IndicatorData} in the order of приложение 1, пункт 2, each with its
 * official symbol and kind.
 */
export const INDICATOR_FIELDS: readonly IndicatorFieldInfo[] = [
  { field: 'reliableInsured', symbol: 'ЧЗЛдост', kind: 'count' },
  { field: 'insured', symbol: 'ЧЗЛсмо', kind: 'count' },
  { field: 'appealsResolved', symbol: 'КСЭрез', kind: 'count' },
  { field: 'appeals', symbol: 'КСЭ', kind: 'count' },
  { field: 'screeningCompleted', symbol: 'ППМинфдвн', kind: 'count' },
  { field: 'screeningInformed', symbol: 'ИИдвн', kind: 'count' },
  { field: 'dispensaryCompleted', symbol: 'ППМИНФДН', kind: 'count' },
  { field: 'dispensaryInformed', symbol: 'ИИдн', kind: 'count' },
  { field: 'complaintsPreTrial', symbol: 'КОЖдосуд', kind: 'count' },
  { field: 'complaintsInCourt', symbol: 'КОЖсуд', kind: 'count' },
  { field: 'complaints', symbol: 'КОЖзл', kind: 'count' },
  { field: 'complaintsAgainstSmo', symbol: 'КОЖзлсмо', kind: 'count' },
  { field: 'advanceRequestsCompliant', symbol: 'КЗАсобл', kind: 'count' },
  { field: 'advanceRequests', symbol: 'КЗАвсего', kind: 'count' },
  { field: 'unclosedAdvances', symbol: 'ДТ', kind: 'money' },
  { field: 'invoicedTotal', symbol: 'СЧпо', kind: 'money' },
  { field: 'qualityReviewsConfirmed', symbol: 'КЭКМПподтв', kind: 'count' },
  { field: 'qualityReviewsRechecked', symbol: 'КЭКМПтфомс', kind: 'count' },
  { field: 'conclusionsUpheld', symbol: 'КЗСМОподтв', kind: 'count' },
  { field: 'moClaims', symbol: 'КПМОтфомс', kind: 'count' },
];

/** The official symbol of a field. */
export function symbolOf(field: IndicatorField): string {
  return INDICATOR_FIELDS.find((f) => f.field === field)?.symbol ?? field;
}

/** A count: a whole number from 0 to 10¹². */
const count = decimal({ min: 0, max: INDICATOR_MAX_COUNT, integer: true });
/** Money in rubles: from 0 to 10¹⁵, at most 2 decimal places. */
const money = decimal({ min: 0, max: INDICATOR_MAX_MONEY, maxPlaces: 2 });

/**
 * The pairs that must not exceed each other: the numerator (one field or a sum of fields) and
 * its denominator. Source: Приказ ФФОМС № 140н, приложение 2 (a count of a part is at most the
 * count of the whole).
 */
export const BOUNDED_BY: readonly { readonly parts: readonly IndicatorField[]; readonly whole: IndicatorField }[] = [
  { parts: ['reliableInsured'], whole: 'insured' },
  { parts: ['appealsResolved'], whole: 'appeals' },
  { parts: ['screeningCompleted'], whole: 'screeningInformed' },
  { parts: ['dispensaryCompleted'], whole: 'dispensaryInformed' },
  { parts: ['complaintsPreTrial', 'complaintsInCourt'], whole: 'complaints' },
  { parts: ['advanceRequestsCompliant'], whole: 'advanceRequests' },
  { parts: ['qualityReviewsConfirmed'], whole: 'qualityReviewsRechecked' },
  { parts: ['conclusionsUpheld'], whole: 'moClaims' },
];

const shape = Object.fromEntries(INDICATOR_FIELDS.map((f) => [f.field, (f.kind === 'count' ? count : money).optional()])) as Record<
  IndicatorField,
  z.ZodOptional<z.ZodType<X, DecimalInput>>
>;

/**
 * Schema of {@link IndicatorData}: counts are whole numbers from 0 to 10¹², money is from 0 to
 * 10¹⁵ rubles with at most 2 places, unknown fields are rejected, and a numerator above its
 * denominator (e.g. `appealsResolved` > `appeals`, or `complaintsPreTrial` + `complaintsInCourt`
 * > `complaints`) is an issue at the numerator's path.
 */
export const IndicatorDataSchema = z.strictObject(shape).superRefine(
  (data, ctx) => {
    // Runs even when some fields failed, so that every problem is reported at once; a field that
    // failed is not a Decimal and its comparisons are skipped.
    const get = (field: IndicatorField): X | undefined => {
      const x = (data as Record<string, unknown>)[field];
      return x instanceof D ? x : undefined;
    };
    for (const { parts, whole } of BOUNDED_BY) {
      const denominator = get(whole);
      const values = parts.map(get);
      if (denominator === undefined || values.some((x) => x === undefined)) continue;
      const numerator = (values as X[]).reduce((a, b) => a.plus(b));
      if (numerator.gt(denominator)) {
        const name = parts.map((p) => `${p} (${symbolOf(p)})`).join(' + ');
        ctx.addIssue({
          code: 'custom',
          path: [parts[0] as string],
          params: issueParams('exceeds', { field: name, value: numerator.toString(), other: `${whole} (${symbolOf(whole)})`, limit: denominator.toString() }),
          message: `${name} = ${numerator.toString()} exceeds ${whole} (${symbolOf(whole)}) = ${denominator.toString()}`,
        });
      }
    }
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
) satisfies z.ZodType<unknown, IndicatorData>;
