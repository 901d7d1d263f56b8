import * as z from 'zod';
import { D, issueParams, max, parseInput, sum, trace, ZERO, type DecimalInput, type TraceStep, type X } from '../_internal';
import { formAmount } from './amount';
import { FORM_1 } from './sources';

/** The line numbers of Form 1, in the form's order. */
export type SubventionLine = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '8.1' | '8.2' | '8.3' | '8.4' | '8.5' | '11' | '12';

/**
 * Input of {@link subventionClaim}: the given lines of Form 1, rubles with at most 2 decimal places, all ≥ 0 and below 10¹⁸.
 */
export interface SubventionClaimInput {
  /** Line 0: the ОМС balance at the start of the period, as confirmed by the fund's check. */
  openingBalance: DecimalInput;
  /** Line 2: funds received from the fund by the differentiated per-capita rates over the period. */
  capitationFunds: DecimalInput;
  /** Line 3: income from ОМС operations (placement of reserves in deposits and securities, bank interest). */
  omsIncome: DecimalInput;
  /** Line 4: income from sanctions imposed after control of the volume and quality of care. */
  sanctionIncome: DecimalInput;
  /** Line 5: money due from persons liable for harm to the health of the insured. */
  damagesRecovered: DecimalInput;
  /** Line 6: reserve funds returned. */
  reserveReturns: DecimalInput;
  /** Line 8.1: invoices accepted for payment, in total (reported, not added into line 8 — decision D2). */
  acceptedInvoices: DecimalInput;
  /** Line 8.2: cash paid for medical care on the invoices of medical organisations. */
  invoicePayments: DecimalInput;
  /** Line 8.3: administration costs (расходы на ведение дела). */
  administration: DecimalInput;
  /** Line 8.4: cash spent on preventive measures. */
  prevention: DecimalInput;
  /** Line 8.5: other expenses. */
  otherExpenses: DecimalInput;
  /**
   * Line 11: invoices issued by medical organisations and accepted for payment but not yet paid.
   * Default: line 8.1 − line 8.2 (then line 8.2 must not exceed line 8.1).
   */
  outstandingInvoices?: DecimalInput | undefined;
}

/** {@link SubventionClaimInput} after validation. */
export type ParsedSubventionClaimInput = z.output<typeof SubventionClaimInputSchema>;

/** The fields that decide whether line 11 can default to 8.1 − 8.2. */
const INVOICE_FIELDS = new Set(['acceptedInvoices', 'invoicePayments', 'outstandingInvoices']);

/**
 * Schema of {@link SubventionClaimInput}: every amount ≥ 0, below 10¹⁸, with at most 2 decimal
 * places, no unknown keys, and — when line 11 is not given — line 8.2 not above line 8.1. Each bad
 * field is one issue; the invoice check is reported on `invoicePayments` even when other fields
 * are bad.
 */
export const SubventionClaimInputSchema = z
  .strictObject({
    openingBalance: formAmount,
    capitationFunds: formAmount,
    omsIncome: formAmount,
    sanctionIncome: formAmount,
    damagesRecovered: formAmount,
    reserveReturns: formAmount,
    acceptedInvoices: formAmount,
    invoicePayments: formAmount,
    administration: formAmount,
    prevention: formAmount,
    otherExpenses: formAmount,
    outstandingInvoices: formAmount.optional(),
  })
  .superRefine(
    (v, ctx) => {
      const { acceptedInvoices: accepted, invoicePayments: paid } = v;
      if (v.outstandingInvoices === undefined && D.isDecimal(accepted) && D.isDecimal(paid) && paid.gt(accepted)) {
        ctx.addIssue({
          code: 'custom',
          path: ['invoicePayments'],
          params: issueParams('exceeds', { field: 'invoicePayments (8.2)', value: paid.toString(), other: 'acceptedInvoices (8.1)', limit: accepted.toString() }),
          message:
            `payments on invoices (line 8.2, ${paid.toString()}) exceed the invoices accepted (line 8.1, ` +
            `${accepted.toString()}); give outstandingInvoices (line 11) explicitly`,
        });
      }
    },
    {
      // Run even when unrelated fields are bad, so that every bad field gets its issue.
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        !payload.issues.some((issue) => issue.path !== undefined && issue.path.length > 0 && INVOICE_FIELDS.has(String(issue.path[0]))),
    },
  ) satisfies z.ZodType<unknown, SubventionClaimInput>;

/** One row of Form 1: its line number, its Russian name as in the form, and the amount. */
export interface SubventionFormRow {
  /** The line number as printed in the form ('0' … '8.5', '11', '12'). */
  line: SubventionLine;
  /** The line's name, in Russian, as in the form. */
  name: string;
  /** The amount, rubles. */
  amount: X;
}

/** Result of {@link subventionClaim}: Form 1 filled in. Amounts in rubles and kopecks. */
export interface SubventionClaim {
  /**
   * Every line of the form by its number. (JavaScript lists the keys '0'–'12' before '8.1'–'8.5';
   * use {@link SubventionClaim.formRows} for the form's order.)
   */
  lines: Record<SubventionLine, X>;
  /** Line 12, the subvention claimed: max(0, line 11 − (line 0 + line 1 − line 8)). */
  claim: X;
  /** The lines in the form's order with their Russian names, ready to print or export. */
  formRows: SubventionFormRow[];
  /** How every line was obtained. */
  trace: TraceStep[];
}

/** The form's lines in order, with their names as printed in Form 1. */
const FORM_LINES: readonly { line: SubventionLine; name: string }[] = [
  {
    line: '0',
    name: 'Остаток средств ОМС на начало периода (остаток средств на начало периода, следующего за проведенной проверкой СМО, подтвержденный результатами проверки ТФОМС)',
  },
  { line: '1', name: 'Доходы' },
  { line: '2', name: 'Средства, полученные от ТФОМС по дифференцированным среднедушевым нормативам, всего за период' },
  {
    line: '3',
    name: 'Доходы, связанные с проведением ОМС, в том числе полученные от размещения в банковские депозиты и инвестирования в высоколиквидные государственные ценные бумаги временно свободных средств резервов, включая проценты банка по свободному остатку средств на счете ОМС',
  },
  { line: '4', name: 'Доходы, поступившие от применения санкций по результатам контроля объемов и качества медицинской помощи при осуществлении ОМС' },
  { line: '5', name: 'Финансовые средства, причитающиеся СМО от юридических или физических лиц, ответственных за причиненный вред здоровью застрахованных' },
  { line: '6', name: 'Сумма возврата средств резервов' },
  { line: '7', name: 'Остаток средств ОМС на конец периода' },
  { line: '8', name: 'Расходы' },
  { line: '8.1', name: 'Принятые к оплате счета, всего' },
  { line: '8.2', name: 'Кассовые расходы СМО на оплату медицинской помощи на основании предъявленных медицинским учреждением счетов' },
  { line: '8.3', name: 'Расходы на ведение дела' },
  { line: '8.4', name: 'Кассовые расходы на осуществление предупредительных мероприятий' },
  { line: '8.5', name: 'Прочие расходы' },
  { line: '11', name: 'Сумма выставленных медицинскими учреждениями и принятых СМО к оплате счетов за оказанную медицинскую помощь' },
  { line: '12', name: 'Сумма заявленной субвенции' },
];

/** A given zero written as "-0" becomes 0, so that no line shows or serialises as "-0". */
const unsigned = (x: X): X => (x.isZero() ? ZERO : x);

/** The input field of each given line. */
const GIVEN: readonly [SubventionLine, keyof ParsedSubventionClaimInput][] = [
  ['0', 'openingBalance'],
  ['2', 'capitationFunds'],
  ['3', 'omsIncome'],
  ['4', 'sanctionIncome'],
  ['5', 'damagesRecovered'],
  ['6', 'reserveReturns'],
  ['8.1', 'acceptedInvoices'],
  ['8.2', 'invoicePayments'],
  ['8.3', 'administration'],
  ['8.4', 'prevention'],
  ['8.5', 'otherExpenses'],
];

/**
 * Form 1 of the Порядок предоставления субвенций: the insurer's justification of the subvention it
 * claims from the territorial fund's normed insurance reserve (НСЗ). Every line is computed from
 * the given ones; the claim is what the accepted but unpaid invoices need beyond the funds left.
 *
 *     стр. 1  = стр. 2 + стр. 3 + стр. 4 + стр. 5 + стр. 6
 *     стр. 8  = стр. 8.2 + стр. 8.3 + стр. 8.4 + стр. 8.5          (стр. 8.1 is not added — D2)
 *     стр. 7  = стр. 0 + стр. 1 − стр. 8                          (may be negative)
 *     стр. 11 = outstandingInvoices, by default стр. 8.1 − стр. 8.2
 *     стр. 12 = max(0, стр. 11 − (стр. 0 + стр. 1 − стр. 8))
 *
 * All amounts are kopeck-exact, so no rounding happens.
 *
 * Source: Степанов, Головщинский (2011), раздел 4, проект Положения о НСЗ, приложение 1 «Порядок
 * предоставления субвенций страховым медицинским организациям из средств НСЗ», п. 10 and its
 * приложение: форма 1 «Обоснование величины заявленной субвенции» with the «Инструкция по расчету
 * субвенции»; decision D2 for lines 8 and 11.
 *
 * @param input - the given lines of the form, rubles (≥ 0, at most 2 decimal places)
 * @returns every line keyed by its number, the claim (line 12), the rows in the form's order, and the trace
 * @throws {@link OmsCalcError} `INVALID_INPUT` — one issue per bad field: a missing, negative or
 *   non-decimal amount, more than 2 decimal places, an amount of 10¹⁸ ₽ or more, an unknown key, or
 *   (without `outstandingInvoices`)
 *   `invoicePayments` above `acceptedInvoices`
 * @example
 * ```ts
 * import { subventionClaim } from 'oms-calc/subvention';
 *
 * const c = subventionClaim({
 *   openingBalance: '1000000', capitationFunds: '50000000', omsIncome: '200000',
 *   sanctionIncome: '300000', damagesRecovered: '0', reserveReturns: '0',
 *   acceptedInvoices: '58000000', invoicePayments: '49000000', administration: '1500000',
 *   prevention: '500000', otherExpenses: '100000',
 * });
 * c.lines['7'].toString(); // '400000'   (1 000 000 + 50 500 000 − 51 100 000)
 * c.lines['11'].toString(); // '9000000' (58 000 000 − 49 000 000)
 * c.claim.toString();       // '8600000'
 * ```
 */
export function subventionClaim(input: SubventionClaimInput): SubventionClaim {
  const v = parseInput(SubventionClaimInputSchema, input, 'subventionClaim');
  for (const [, field] of GIVEN) v[field] = unsigned(v[field] as X);
  if (v.outstandingInvoices !== undefined) v.outstandingInvoices = unsigned(v.outstandingInvoices);
  const t = trace();
  const line = (n: string): string => `стр. ${n}`;
  const source = (n: string): string => `${FORM_1}, стр. ${n}`;

  for (const [n, field] of GIVEN.slice(0, 6)) {
    t.step(line(n), `дано (${field})`, v[field] as X, source(n));
  }
  const income = t.step(
    line('1'),
    `стр. 2 + стр. 3 + стр. 4 + стр. 5 + стр. 6 = ${[v.capitationFunds, v.omsIncome, v.sanctionIncome, v.damagesRecovered, v.reserveReturns].map(String).join(' + ')}`,
    sum([v.capitationFunds, v.omsIncome, v.sanctionIncome, v.damagesRecovered, v.reserveReturns]),
    source('1'),
  );
  for (const [n, field] of GIVEN.slice(6)) {
    t.step(line(n), `дано (${field})`, v[field] as X, source(n));
  }
  const expenses = t.step(
    line('8'),
    `стр. 8.2 + стр. 8.3 + стр. 8.4 + стр. 8.5 = ${[v.invoicePayments, v.administration, v.prevention, v.otherExpenses].map(String).join(' + ')} (стр. 8.1 не суммируется: стр. 8.2 — оплаченная её часть)`,
    sum([v.invoicePayments, v.administration, v.prevention, v.otherExpenses]),
    `${source('8')} (толкование D2)`,
  );
  const closing = t.step(
    line('7'),
    `стр. 0 + стр. 1 − стр. 8 = ${v.openingBalance.toString()} + ${income.toString()} − ${expenses.toString()}`,
    v.openingBalance.plus(income).minus(expenses),
    source('7'),
  );
  const outstanding =
    v.outstandingInvoices === undefined
      ? t.step(
          line('11'),
          `стр. 8.1 − стр. 8.2 = ${v.acceptedInvoices.toString()} − ${v.invoicePayments.toString()} (принятые, но не оплаченные счета)`,
          v.acceptedInvoices.minus(v.invoicePayments),
          `${source('11')} (толкование D2)`,
        )
      : t.step(line('11'), 'дано (outstandingInvoices)', v.outstandingInvoices, source('11'));
  const claim = t.step(
    line('12'),
    `max(0, стр. 11 − (стр. 0 + стр. 1 − стр. 8)) = max(0, ${outstanding.toString()} − ${closing.isNegative() ? `(${closing.toString()})` : closing.toString()})`,
    max(ZERO, outstanding.minus(closing)),
    `${FORM_1}, Инструкция по расчету субвенции (стр. 12; не ниже нуля — D2)`,
  );

  const lines: Record<SubventionLine, X> = {
    '0': v.openingBalance,
    '1': income,
    '2': v.capitationFunds,
    '3': v.omsIncome,
    '4': v.sanctionIncome,
    '5': v.damagesRecovered,
    '6': v.reserveReturns,
    '7': closing,
    '8': expenses,
    '8.1': v.acceptedInvoices,
    '8.2': v.invoicePayments,
    '8.3': v.administration,
    '8.4': v.prevention,
    '8.5': v.otherExpenses,
    '11': outstanding,
    '12': claim,
  };
  const formRows = FORM_LINES.map(({ line: n, name }) => ({ line: n, name, amount: lines[n] }));
  return { lines, claim, formRows, trace: t.steps };
}
