/**
 * Worked examples of the subvention module, computed by hand. Every figure is derived in the
 * comment above its assertion so that it can be checked with a pencil.
 *
 * Form 1 (Порядок предоставления субвенций, приложение): стр. 1 = 2 + 3 + 4 + 5 + 6;
 * стр. 8 = 8.2 + 8.3 + 8.4 + 8.5 (D2); стр. 7 = 0 + 1 − 8; стр. 11 = 8.1 − 8.2 unless given;
 * стр. 12 = max(0, стр. 11 − стр. 7).
 */
import { describe, expect, it } from 'vitest';
import { formatFormRows, subventionClaim, subventionDecision, type SubventionClaim, type SubventionClaimInput } from '../../src/subvention';

/** The lines as strings, in the form's order. */
const rows = (c: SubventionClaim): [string, string][] => c.formRows.map((r) => [r.line, r.amount.toString()]);

const shortage: SubventionClaimInput = {
  openingBalance: '12345678.90',
  capitationFunds: '250000000.00',
  omsIncome: '1234567.89',
  sanctionIncome: '2500000.55',
  damagesRecovered: '150000.00',
  reserveReturns: '3000000.00',
  acceptedInvoices: '290000000.00',
  invoicePayments: '255500000.50',
  administration: '3200000.00',
  prevention: '800000.25',
  otherExpenses: '120000.00',
};

/** Expenses beyond the funds: the form of the negative-line-7 example, printed again below. */
const negativeLine7 = {
  openingBalance: '0',
  capitationFunds: '5000000.00',
  omsIncome: '0',
  sanctionIncome: '0',
  damagesRecovered: '0',
  reserveReturns: '0',
  acceptedInvoices: '7000000.00',
  invoicePayments: '5200000.00',
  administration: '150000.00',
  prevention: '0',
  otherExpenses: '49999.99',
};

describe('subventionClaim — Form 1 by hand', () => {
  it('a shortage', () => {
    // стр. 1 = 250 000 000.00 + 1 234 567.89 + 2 500 000.55 + 150 000.00 + 3 000 000.00 = 256 884 568.44
    // стр. 8 = 255 500 000.50 + 3 200 000.00 + 800 000.25 + 120 000.00 = 259 620 000.75
    //          (стр. 8.1 = 290 000 000.00 is reported, not added)
    // стр. 7 = 12 345 678.90 + 256 884 568.44 − 259 620 000.75 = 9 610 246.59
    // стр. 11 = 8.1 − 8.2 = 290 000 000.00 − 255 500 000.50 = 34 499 999.50
    // стр. 12 = 34 499 999.50 − 9 610 246.59 = 24 889 752.91
    const c = subventionClaim(shortage);
    expect(rows(c)).toEqual([
      ['0', '12345678.9'],
      ['1', '256884568.44'],
      ['2', '250000000'],
      ['3', '1234567.89'],
      ['4', '2500000.55'],
      ['5', '150000'],
      ['6', '3000000'],
      ['7', '9610246.59'],
      ['8', '259620000.75'],
      ['8.1', '290000000'],
      ['8.2', '255500000.5'],
      ['8.3', '3200000'],
      ['8.4', '800000.25'],
      ['8.5', '120000'],
      ['11', '34499999.5'],
      ['12', '24889752.91'],
    ]);
    expect(c.claim.toString()).toBe('24889752.91');
    expect(c.lines['12']).toBe(c.claim);
    expect(c.formRows.map((r) => r.name)).toContain('Сумма заявленной субвенции');
    expect(c.trace.at(-1)).toMatchObject({ symbol: 'стр. 12', value: '24889752.91' });
    expect(c.trace.at(-1)?.source).toContain('Инструкция по расчету субвенции');
  });

  it('no shortage: the funds left cover the unpaid invoices', () => {
    // стр. 1 = 10 000 000 + 20 000 + 30 000 + 0 + 0 = 10 050 000
    // стр. 8 = 9 000 000 + 200 000 + 50 000 + 10 000 = 9 260 000
    // стр. 7 = 500 000 + 10 050 000 − 9 260 000 = 1 290 000
    // стр. 11 = 9 800 000 − 9 000 000 = 800 000
    // стр. 12 = max(0, 800 000 − 1 290 000) = max(0, −490 000) = 0
    const c = subventionClaim({
      openingBalance: '500000',
      capitationFunds: '10000000',
      omsIncome: '20000',
      sanctionIncome: '30000',
      damagesRecovered: '0',
      reserveReturns: '0',
      acceptedInvoices: '9800000',
      invoicePayments: '9000000',
      administration: '200000',
      prevention: '50000',
      otherExpenses: '10000',
    });
    expect([c.lines['1'], c.lines['8'], c.lines['7'], c.lines['11'], c.claim].map(String)).toEqual(['10050000', '9260000', '1290000', '800000', '0']);
  });

  it('a negative line 7: expenses beyond the funds add to the claim', () => {
    // стр. 1 = 5 000 000.00
    // стр. 8 = 5 200 000.00 + 150 000.00 + 0 + 49 999.99 = 5 399 999.99
    // стр. 7 = 0 + 5 000 000.00 − 5 399 999.99 = −399 999.99
    // стр. 11 = 7 000 000.00 − 5 200 000.00 = 1 800 000.00
    // стр. 12 = 1 800 000.00 − (−399 999.99) = 2 199 999.99
    const c = subventionClaim(negativeLine7);
    expect(c.lines['8'].toString()).toBe('5399999.99');
    expect(c.lines['7'].toString()).toBe('-399999.99');
    expect(c.lines['11'].toString()).toBe('1800000');
    expect(c.claim.toString()).toBe('2199999.99');
    expect(c.trace.at(-1)?.formula).toBe('max(0, стр. 11 − (стр. 0 + стр. 1 − стр. 8)) = max(0, 1800000 − (-399999.99))');
  });

  it('line 11 given explicitly (only the invoices issued in time)', () => {
    // As in «a shortage», but стр. 11 = 30 000 000.00 instead of 8.1 − 8.2:
    // стр. 7 = 9 610 246.59 (unchanged); стр. 12 = 30 000 000.00 − 9 610 246.59 = 20 389 753.41
    const c = subventionClaim({ ...shortage, outstandingInvoices: '30000000.00' });
    expect(c.lines['7'].toString()).toBe('9610246.59');
    expect(c.lines['11'].toString()).toBe('30000000');
    expect(c.claim.toString()).toBe('20389753.41');
    expect(c.trace.find((s) => s.symbol === 'стр. 11')?.formula).toBe('дано (outstandingInvoices)');
  });

  it('line 11 given explicitly lets payments exceed the accepted invoices (earlier invoices paid)', () => {
    // стр. 1 = 1 000 000; стр. 8 = 1 200 000 + 0 + 0 + 0 = 1 200 000
    // стр. 7 = 100 000 + 1 000 000 − 1 200 000 = −100 000
    // стр. 11 = 300 000 (given); стр. 12 = 300 000 − (−100 000) = 400 000
    const c = subventionClaim({
      openingBalance: '100000',
      capitationFunds: '1000000',
      omsIncome: '0',
      sanctionIncome: '0',
      damagesRecovered: '0',
      reserveReturns: '0',
      acceptedInvoices: '1000000',
      invoicePayments: '1200000',
      administration: '0',
      prevention: '0',
      otherExpenses: '0',
      outstandingInvoices: '300000',
    });
    expect([c.lines['7'], c.lines['11'], c.claim].map(String)).toEqual(['-100000', '300000', '400000']);
  });
});

describe('subventionDecision — on the claim of 24 889 752.91', () => {
  const ok = { objectiveCauses: true, misuseFound: false, violationsFound: false, fundsFullySpent: true };
  const claim = subventionClaim(shortage).claim;

  it('granted in full', () => {
    // min(24 889 752.91, 25 000 000, 100 000 000) = 24 889 752.91 = the claim
    const d = subventionDecision({ ...ok, claim, verifiedNeed: '25000000', reserveBalance: '100000000' });
    expect([d.granted.toString(), d.status, d.reasons]).toEqual(['24889752.91', 'granted', []]);
  });

  it('cut to the verified need (пп. 14, 16)', () => {
    // min(24 889 752.91, 20 000 000.00) = 20 000 000.00; cut 24 889 752.91 − 20 000 000 = 4 889 752.91
    const d = subventionDecision({ ...ok, claim, verifiedNeed: '20000000.00', reserveBalance: '100000000' });
    expect([d.granted.toString(), d.status]).toEqual(['20000000', 'partly-granted']);
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]?.code).toBe('CUT_TO_VERIFIED_NEED');
    expect(d.reasons[0]?.text).toBe(
      'Субвенция уменьшена до обоснованной потребности: заявлено 24 889 752,91 руб., проверкой ТФОМС подтверждено 20 000 000,00 руб., ' +
        'уменьшение на 4 889 752,91 руб. (пп. 14, 16 Порядка предоставления субвенций страховым медицинским организациям из средств НСЗ).',
    );
    expect(Object.fromEntries(Object.entries(d.reasons[0]?.amounts ?? {}).map(([k, v]) => [k, v.toString()]))).toEqual({
      claim: '24889752.91',
      verifiedNeed: '20000000',
      reduction: '4889752.91',
    });
  });

  it('cut to the reserve balance (п. 4)', () => {
    // min(24 889 752.91, 25 000 000) = 24 889 752.91; min(that, 15 000 000.10) = 15 000 000.10
    // cut = 24 889 752.91 − 15 000 000.10 = 9 889 752.81
    const d = subventionDecision({ ...ok, claim, verifiedNeed: '25000000', reserveBalance: '15000000.10' });
    expect([d.granted.toString(), d.status]).toEqual(['15000000.1', 'partly-granted']);
    expect(d.reasons.map((r) => [r.code, r.amounts.reduction?.toString()])).toEqual([['CUT_TO_RESERVE_BALANCE', '9889752.81']]);
    expect(d.reasons[0]?.text).toContain('(п. 4 Порядка предоставления субвенций');
  });

  it('cut twice: to the need, then to the reserve; the cuts add up to claim − granted', () => {
    // need: 24 889 752.91 → 20 000 000 (cut 4 889 752.91); reserve: 20 000 000 → 15 000 000 (cut 5 000 000)
    // 4 889 752.91 + 5 000 000 = 9 889 752.91 = 24 889 752.91 − 15 000 000
    const d = subventionDecision({ ...ok, claim, verifiedNeed: '20000000', reserveBalance: '15000000' });
    expect(d.granted.toString()).toBe('15000000');
    expect(d.reasons.map((r) => [r.code, r.amounts.reduction?.toString()])).toEqual([
      ['CUT_TO_VERIFIED_NEED', '4889752.91'],
      ['CUT_TO_RESERVE_BALANCE', '5000000'],
    ]);
  });

  it('refused for misuse of funds (п. 7.2), whatever the amounts', () => {
    const d = subventionDecision({ ...ok, misuseFound: true, claim, verifiedNeed: '25000000', reserveBalance: '100000000' });
    expect([d.granted.toString(), d.status]).toEqual(['0', 'refused']);
    expect(d.reasons).toHaveLength(1);
    expect(d.reasons[0]?.code).toBe('MISUSE_FOUND');
    expect(d.reasons[0]?.text).toBe(
      'Отказ: в деятельности СМО за отчетный период выявлены факты нецелевого или нерационального использования средств ОМС; ' +
        'заявлено 24 889 752,91 руб. (п. 7.2 Порядка предоставления субвенций страховым медицинским организациям из средств НСЗ).',
    );
  });
});

describe('formatFormRows — the negative-line-7 form, printed', () => {
  const c = subventionClaim(negativeLine7);

  it('as CSV for Excel: semicolons, decimal comma, CRLF', () => {
    const csv = formatFormRows(c.formRows, 'csv');
    const records = csv.split('\r\n');
    expect(records[0]).toBe('№ строки;Наименование показателей;Сумма, руб.');
    expect(records[8]).toBe('7;Остаток средств ОМС на конец периода;-399999,99');
    expect(records[16]).toBe('12;Сумма заявленной субвенции;2199999,99');
    expect(records).toHaveLength(18); // header + 16 lines + the empty string after the last CRLF
    expect(records[17]).toBe('');
  });

  it('as a text table', () => {
    const text = formatFormRows(c.formRows.slice(7, 10), 'text', { nameWidth: 20 });
    expect(text).toBe(
      [
        '№ строки  Наименование показателей   Сумма, руб.',
        '--------  ------------------------  ------------',
        // line: 8 + 2 columns; name: 24 (the heading) + 2; amount: 12 (the widest, 5 399 999,99 with U+202F), to the right
        '7         Остаток средств ОМС        \u2212399\u202f999,99',
        '          на конец периода',
        '8         Расходы                   5\u202f399\u202f999,99',
        '8.1       Принятые к оплате         7\u202f000\u202f000,00',
        '          счета, всего',
        '',
      ].join('\n'),
    );
  });
});
