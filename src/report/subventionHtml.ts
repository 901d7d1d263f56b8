import * as z from 'zod';
import { parseInput } from '../_internal/schema';
import type { SubventionClaim, SubventionDecision } from '../subvention';
import { h2, n, page, para, rub, table, traceSection, type DocumentOptions } from './html';
import { DocumentOptionsSchema, SubventionClaimResult, SubventionDecisionResult } from './schemas';

/**
 * What {@link subventionHtml} prints: Form 1 and, when given, the fund's decision.
 *
 * @example
 * ```ts
 * import { subventionClaim, subventionDecision } from 'oms-calc/subvention';
 * import type { SubventionDocument } from 'oms-calc/report';
 *
 * const claim = subventionClaim({ openingBalance: '0', capitationFunds: '100', omsIncome: '0', sanctionIncome: '0', damagesRecovered: '0', reserveReturns: '0', acceptedInvoices: '150', invoicePayments: '140', administration: '0', prevention: '0', otherExpenses: '0' });
 * const decision = subventionDecision({ claim: claim.claim, verifiedNeed: '10', reserveBalance: '1000', objectiveCauses: true, misuseFound: false, violationsFound: false, fundsFullySpent: true });
 * const doc: SubventionDocument = { claim, decision, insurer: 'СМО «Пример»', period: 'апрель 2027 г.' };
 * ```
 */
export interface SubventionDocument {
  /** The result of `subventionClaim` (or its JSON). */
  claim: SubventionClaim;
  /** The result of `subventionDecision` on that claim; optional. */
  decision?: SubventionDecision | undefined;
  /** The insurer (СМО) that claims, printed in the heading; optional. */
  insurer?: string | undefined;
  /** The period of the claim, as it is to be printed (e.g. `апрель 2027 г.`); optional. */
  period?: string | undefined;
}

const Schema = z
  .object({
    claim: SubventionClaimResult,
    decision: SubventionDecisionResult.optional(),
    insurer: z.string().optional(),
    period: z.string().optional(),
  })
  .strict();

const DECISION = { granted: 'предоставить субвенцию в заявленном размере', 'partly-granted': 'предоставить субвенцию частично', refused: 'отказать в предоставлении субвенции' } as const;

const FORM_1 = 'Порядок предоставления субвенций страховым медицинским организациям из средств НСЗ, приложение, форма 1 «Обоснование величины заявленной субвенции»';

/**
 * Form 1 «Обоснование величины заявленной субвенции» laid out as the form, with its line numbers
 * and names, then the fund's decision, the amount granted and its reasons citing the points of
 * the Порядок, and the trace. One self-contained HTML document, in Russian, for print.
 *
 * Source: проект Положения о НСЗ, приложение 1 (Порядок предоставления субвенций), форма 1, пп. 4–18.
 *
 * @param doc - the claim, the decision, the insurer and the period
 * @param options - the heading, the organisation and the date to print
 * @returns the HTML document
 * @throws OmsCalcError `INVALID_INPUT` when a result is not one of the library's
 * @example
 * ```ts
 * import { subventionClaim } from 'oms-calc/subvention';
 * import { subventionHtml } from 'oms-calc/report';
 *
 * const claim = subventionClaim({ openingBalance: '0', capitationFunds: '100', omsIncome: '0', sanctionIncome: '0', damagesRecovered: '0', reserveReturns: '0', acceptedInvoices: '150', invoicePayments: '140', administration: '0', prevention: '0', otherExpenses: '0' });
 * subventionHtml({ claim, insurer: 'СМО «Пример»' }).includes('форма 1'); // true
 * ```
 */
export function subventionHtml(doc: SubventionDocument, options?: DocumentOptions): string {
  const v = parseInput(Schema, doc, 'subventionHtml');
  const o = parseInput(DocumentOptionsSchema, options, 'subventionHtml') ?? {};
  const who = [v.insurer, v.period].filter((x): x is string => x !== undefined && x !== '').join(', ');
  const body: string[] = [
    h2(`Обоснование величины заявленной субвенции (форма 1)${who === '' ? '' : `: ${who}`}`),
    table(
      [{ html: '№ строки' }, 'Наименование показателя', n('Сумма, руб.')],
      v.claim.formRows.map((r) => [{ html: `<span class="line">${r.line}</span>` }, r.name, n(rub(r.amount))]),
      { total: (i) => v.claim.formRows[i]?.line === '12', widths: [9, 69, 22] },
    ).replace(/<td><span class="line">/g, '<td class="line"><span class="line">'),
    para(`Сумма заявленной субвенции (строка 12): ${rub(v.claim.claim)} руб.`, 'status'),
  ];
  if (v.decision !== undefined) {
    const d = v.decision;
    body.push(
      h2('Решение территориального фонда'),
      para(`Решение: ${DECISION[d.status]}. Предоставлено ${rub(d.granted)} руб.`, 'status'),
      ...(d.reasons.length === 0
        ? [para('Все условия предоставления выполнены (пп. 7, 7.1, 7.2, 14, 16 Порядка).')]
        : [table(['Основание', 'Код'], d.reasons.map((r) => [r.text, r.code]), { widths: [78, 22] })]),
    );
  }
  const steps = [...v.claim.trace, ...(v.decision?.trace ?? [])];
  body.push(traceSection(steps));
  return page('Обоснование величины заявленной субвенции', o, body, [FORM_1, ...(v.decision?.reasons.map((r) => r.source) ?? []), ...steps.map((s) => s.source)]);
}
