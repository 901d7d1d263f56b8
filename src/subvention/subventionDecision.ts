import * as z from 'zod';
import { formatDecimal, min, parseInput, trace, ZERO, type DecimalInput, type TraceStep, type X } from '../_internal';
import { formAmount } from './amount';
import { inPoryadok, point } from './sources';

/**
 * Input of {@link subventionDecision}: the claim, what the fund's check found, and the reserve.
 */
export interface SubventionDecisionInput {
  /** The subvention claimed: line 12 of Form 1 (the `claim` of `subventionClaim`), rubles. */
  claim: DecimalInput;
  /** The actual missing amount the fund established from the documents and its check (п. 14), rubles. */
  verifiedNeed: DecimalInput;
  /** The balance of the fund's normed insurance reserve (НСЗ) the subvention is paid from (п. 4), rubles. */
  reserveBalance: DecimalInput;
  /** Whether the fund's experts established that the causes of the shortage are objective (пп. 7, 8, 16). */
  objectiveCauses: boolean;
  /** Whether the check found misuse (нецелевое или нерациональное использование) of ОМС funds (п. 7.2). */
  misuseFound: boolean;
  /** Whether the check found violations of law, of the financing contract, or of financial discipline (п. 7.2). */
  violationsFound: boolean;
  /**
   * Whether the insurer spent in full the funds received from the fund (except administration
   * money), its income from ОМС operations and its other ОМС income (пп. 7.1, 9).
   */
  fundsFullySpent: boolean;
}

/** {@link SubventionDecisionInput} after validation. */
export type ParsedSubventionDecisionInput = z.output<typeof SubventionDecisionInputSchema>;

/**
 * Schema of {@link SubventionDecisionInput}: amounts ≥ 0, below 10¹⁸, with at most 2 decimal places; flags strictly boolean.
 */
export const SubventionDecisionInputSchema = z.strictObject({
  claim: formAmount,
  verifiedNeed: formAmount,
  reserveBalance: formAmount,
  objectiveCauses: z.boolean(),
  misuseFound: z.boolean(),
  violationsFound: z.boolean(),
  fundsFullySpent: z.boolean(),
}) satisfies z.ZodType<unknown, SubventionDecisionInput>;

/** The outcome of the decision. */
export type SubventionDecisionStatus = 'granted' | 'partly-granted' | 'refused';

/**
 * Stable codes of the reasons for a refusal or a cut, in the order they are reported.
 *
 * Refusal (nothing is granted):
 * - `NO_CLAIM` — line 12 of Form 1 is zero: no shortage is claimed (пп. 5, 10).
 * - `NEED_NOT_CONFIRMED` — the check confirmed no need for additional funds (пп. 7.1, 14).
 * - `FUNDS_NOT_FULLY_SPENT` — the insurer has not spent all its ОМС funds and income (пп. 7.1, 9).
 * - `MISUSE_FOUND` — misuse of ОМС funds in the period (п. 7.2).
 * - `VIOLATIONS_FOUND` — violations of law, contract or financial discipline (п. 7.2).
 * - `OBJECTIVE_CAUSES_NOT_ESTABLISHED` — the fund's experts found no objective causes (пп. 7, 8, 16).
 * - `RESERVE_EXHAUSTED` — the reserve the subvention is paid from is empty (п. 4).
 *
 * Cut (part is granted):
 * - `CUT_TO_VERIFIED_NEED` — not more than the justified need (пп. 14, 16).
 * - `CUT_TO_RESERVE_BALANCE` — not more than the reserve's balance (п. 4).
 */
export type SubventionReasonCode =
  | 'NO_CLAIM'
  | 'NEED_NOT_CONFIRMED'
  | 'FUNDS_NOT_FULLY_SPENT'
  | 'MISUSE_FOUND'
  | 'VIOLATIONS_FOUND'
  | 'OBJECTIVE_CAUSES_NOT_ESTABLISHED'
  | 'RESERVE_EXHAUSTED'
  | 'CUT_TO_VERIFIED_NEED'
  | 'CUT_TO_RESERVE_BALANCE';

/** The amounts a reason involves, rubles. Which keys are present depends on the code. */
export type SubventionReasonAmounts = Partial<Record<'claim' | 'verifiedNeed' | 'reserveBalance' | 'requested' | 'reduction', X>>;

/** One cause of a refusal or a cut. */
export interface SubventionReason {
  /** Stable machine-readable code. */
  code: SubventionReasonCode;
  /** The reason in Russian, with the amounts and the point of the Порядок, fit for a motivated refusal (п. 18). */
  text: string;
  /**
   * The amounts involved: `claim` (line 12), `verifiedNeed`, `reserveBalance`, `requested`
   * (min(claim, verifiedNeed), what the reserve was asked for) and `reduction` (what a cut took off).
   */
  amounts: SubventionReasonAmounts;
  /** The document and point, as in the trace. */
  source: string;
}

/** Result of {@link subventionDecision}. */
export interface SubventionDecision {
  /** The subvention granted, rubles: min(claim, verifiedNeed, reserveBalance) when every condition holds, else 0. */
  granted: X;
  /** `granted` (the whole claim), `partly-granted` (a cut) or `refused` (nothing). */
  status: SubventionDecisionStatus;
  /** One entry per cause of refusal (when refused) or of cut (when partly granted); empty when granted in full. */
  reasons: SubventionReason[];
  /** How the decision was reached. */
  trace: TraceStep[];
}

/** "1 234 567,89 руб." — an amount as written in a Russian letter (the library's one formatter). */
function rub(value: X): string {
  return `${formatDecimal(value, 2)} руб.`;
}

/**
 * The fund's decision on an insurer's claim for a subvention from the normed insurance reserve:
 * granted only when the shortage is justified and confirmed, the causes are objective, the insurer
 * spent its ОМС funds in full and had no misuse and no violations; then not more than the
 * justified need, and — being paid from the reserve — not more than the reserve's balance.
 *
 *     eligible = claim > 0 ∧ verifiedNeed > 0 ∧ fundsFullySpent ∧ ¬misuseFound
 *                ∧ ¬violationsFound ∧ objectiveCauses ∧ reserveBalance > 0
 *     granted  = eligible ? min(claim, verifiedNeed, reserveBalance) : 0
 *
 * Rules and edge cases: docs/guides/subvention.md.
 *
 * Source: Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ, приложение 1 «Порядок
 * предоставления субвенций страховым медицинским организациям из средств НСЗ», пп. 4, 5, 7–10, 14, 16–18.
 *
 * @param input - the claim, the verified need, the reserve's balance and the four findings of the check
 * @returns the amount granted, the status, the reasons (codes, Russian texts, amounts) and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` — one issue per bad field: a missing, negative or
 *   non-decimal amount, more than 2 decimal places, an amount of 10¹⁸ ₽ or more, a flag that is
 *   not a boolean, an unknown key
 * @example
 * ```ts
 * import { subventionDecision } from 'oms-calc/subvention';
 *
 * const d = subventionDecision({
 *   claim: '8600000', verifiedNeed: '8000000', reserveBalance: '50000000',
 *   objectiveCauses: true, misuseFound: false, violationsFound: false, fundsFullySpent: true,
 * });
 * d.granted.toString(); // '8000000'
 * d.status;             // 'partly-granted'
 * d.reasons[0]?.code;   // 'CUT_TO_VERIFIED_NEED'
 * ```
 */
export function subventionDecision(input: SubventionDecisionInput): SubventionDecision {
  const v = parseInput(SubventionDecisionInputSchema, input, 'subventionDecision');
  // A zero written as "-0" becomes 0, so that no amount shows or serialises as "-0".
  for (const field of ['claim', 'verifiedNeed', 'reserveBalance'] as const) if (v[field].isZero()) v[field] = ZERO;
  const t = trace();
  const claimed = `заявлено ${rub(v.claim)}`;

  const refusals: SubventionReason[] = [];
  const refuse = (code: SubventionReasonCode, text: string, amounts: SubventionReasonAmounts, points: string[]): void => {
    refusals.push({ code, text: `Отказ: ${text} (${inPoryadok(...points)}).`, amounts, source: point(...points) });
  };
  if (v.claim.isZero()) {
    refuse('NO_CLAIM', `сумма заявленной субвенции (стр. 12 формы 1) равна ${rub(v.claim)} — недостаток средств для оплаты медицинской помощи не заявлен`, { claim: v.claim }, ['5', '10']);
  }
  if (v.verifiedNeed.isZero()) {
    refuse(
      'NEED_NOT_CONFIRMED',
      `проверкой ТФОМС не подтверждена потребность СМО в дополнительных средствах на оплату медицинской помощи: обоснованная потребность ${rub(v.verifiedNeed)}, ${claimed}`,
      { claim: v.claim, verifiedNeed: v.verifiedNeed },
      ['7.1', '14'],
    );
  }
  if (!v.fundsFullySpent) {
    refuse(
      'FUNDS_NOT_FULLY_SPENT',
      `СМО не израсходовала полностью средства, полученные от ТФОМС на цели ОМС (кроме средств на ведение дела), доходы, связанные с проведением ОМС, и прочие доходы от операций по ОМС; ${claimed}`,
      { claim: v.claim },
      ['7.1', '9'],
    );
  }
  if (v.misuseFound) {
    refuse('MISUSE_FOUND', `в деятельности СМО за отчетный период выявлены факты нецелевого или нерационального использования средств ОМС; ${claimed}`, { claim: v.claim }, ['7.2']);
  }
  if (v.violationsFound) {
    refuse(
      'VIOLATIONS_FOUND',
      `в деятельности СМО за отчетный период выявлены нарушения законодательства и условий договора о финансировании ОМС, связанные с расходованием средств ОМС, или нарушения финансовой и иной деятельности по ОМС; ${claimed}`,
      { claim: v.claim },
      ['7.2'],
    );
  }
  if (!v.objectiveCauses) {
    refuse('OBJECTIVE_CAUSES_NOT_ESTABLISHED', `экспертами ТФОМС не установлено действие объективных причин недостатка средств у СМО; ${claimed}`, { claim: v.claim }, ['7', '8', '16']);
  }
  if (v.reserveBalance.isZero()) {
    refuse(
      'RESERVE_EXHAUSTED',
      `субвенция предоставляется за счет средств нормированного страхового запаса, остаток которого равен ${rub(v.reserveBalance)}; ${claimed}`,
      { claim: v.claim, reserveBalance: v.reserveBalance },
      ['4'],
    );
  }

  const yes = (b: boolean): string => (b ? 'да' : 'нет');
  t.step(
    'Условия предоставления',
    [
      `стр. 12 > 0: ${yes(!v.claim.isZero())}`,
      `потребность подтверждена (> 0): ${yes(!v.verifiedNeed.isZero())}`,
      `средства израсходованы полностью: ${yes(v.fundsFullySpent)}`,
      `нецелевое использование: ${yes(v.misuseFound)}`,
      `нарушения: ${yes(v.violationsFound)}`,
      `объективные причины: ${yes(v.objectiveCauses)}`,
      `остаток НСЗ > 0: ${yes(!v.reserveBalance.isZero())}`,
    ].join('; '),
    refusals.length === 0 ? 'выполнены' : `не выполнены: ${refusals.map((r) => r.code).join(', ')}`,
    point('4', '5', '7', '7.1', '7.2', '8', '9', '10', '14', '16'),
  );

  if (refusals.length > 0) {
    t.step('Субвенция', 'условия не выполнены: в предоставлении отказано', ZERO, point('17', '18'));
    t.step('Решение', `отказать в предоставлении субвенции (${refusals.map((r) => r.code).join(', ')})`, 'refused', point('17', '18'));
    return { granted: ZERO, status: 'refused', reasons: refusals, trace: t.steps };
  }

  const cuts: SubventionReason[] = [];
  const requested = t.step(
    'Размер по потребности',
    `min(стр. 12, обоснованная потребность) = min(${v.claim.toString()}, ${v.verifiedNeed.toString()})`,
    min(v.claim, v.verifiedNeed),
    point('14', '16'),
  );
  if (requested.lt(v.claim)) {
    const reduction = v.claim.minus(requested);
    cuts.push({
      code: 'CUT_TO_VERIFIED_NEED',
      text: `Субвенция уменьшена до обоснованной потребности: ${claimed}, проверкой ТФОМС подтверждено ${rub(v.verifiedNeed)}, уменьшение на ${rub(reduction)} (${inPoryadok('14', '16')}).`,
      amounts: { claim: v.claim, verifiedNeed: v.verifiedNeed, reduction },
      source: point('14', '16'),
    });
  }
  const granted = t.step(
    'Субвенция',
    `min(размер по потребности, остаток НСЗ) = min(${requested.toString()}, ${v.reserveBalance.toString()})`,
    min(requested, v.reserveBalance),
    point('4', '16'),
  );
  if (granted.lt(requested)) {
    const reduction = requested.minus(granted);
    cuts.push({
      code: 'CUT_TO_RESERVE_BALANCE',
      text: `Субвенция уменьшена до остатка нормированного страхового запаса: к предоставлению ${rub(requested)}, остаток НСЗ ${rub(v.reserveBalance)}, уменьшение на ${rub(reduction)} (${inPoryadok('4')}).`,
      amounts: { requested, reserveBalance: v.reserveBalance, reduction },
      source: point('4'),
    });
  }
  const status: SubventionDecisionStatus = cuts.length === 0 ? 'granted' : 'partly-granted';
  t.step('Решение', status === 'granted' ? 'предоставить в заявленном размере' : `предоставить частично (${cuts.map((c) => c.code).join(', ')})`, status, point('16', '17', '18'));
  return { granted, status, reasons: cuts, trace: t.steps };
}
