import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { subventionClaim, SubventionClaimInputSchema, type SubventionClaimInput } from '../../src/subvention';
import { failure } from '../errors';

const base: SubventionClaimInput = {
  openingBalance: '1000000',
  capitationFunds: '50000000',
  omsIncome: '200000',
  sanctionIncome: '300000',
  damagesRecovered: '0',
  reserveReturns: '0',
  acceptedInvoices: '58000000',
  invoicePayments: '49000000',
  administration: '1500000',
  prevention: '500000',
  otherExpenses: '100000',
};

describe('subventionClaim input rules', () => {
  it('more than two decimal places', () => {
    const e = failure(() => subventionClaim({ ...base, omsIncome: '200000.001' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([{ path: ['omsIncome'], message: 'must have at most 2 decimal places, got 200000.001' }]);
    expect(e.message).toBe('subventionClaim: invalid input: omsIncome: must have at most 2 decimal places, got 200000.001');
  });

  it('negative amounts, including line 11', () => {
    const e = failure(() => subventionClaim({ ...base, prevention: '-0.01', outstandingInvoices: -5 }));
    expect(e.issues).toMatchObject([
      { path: ['prevention'], message: 'must be at least 0, got -0.01' },
      { path: ['outstandingInvoices'], message: 'must be at least 0, got -5' },
    ]);
  });

  it('payments beyond the accepted invoices without line 11', () => {
    const e = failure(() => subventionClaim({ ...base, invoicePayments: '58000000.01' }));
    expect(e.issues).toMatchObject([
      {
        path: ['invoicePayments'],
        message:
          'payments on invoices (line 8.2, 58000000.01) exceed the invoices accepted (line 8.1, 58000000); give outstandingInvoices (line 11) explicitly',
      },
    ]);
    // equal is fine: nothing outstanding
    expect(subventionClaim({ ...base, invoicePayments: '58000000' }).lines['11'].toString()).toBe('0');
  });

  it('one issue per bad field, the invoice check included', () => {
    const e = failure(() =>
      subventionClaim({ ...base, openingBalance: '-1', sanctionIncome: '0.125', invoicePayments: '60000000', unknown: 1 } as SubventionClaimInput),
    );
    expect(e.issues.map((i) => i.path.join('.')).sort()).toEqual(['', 'invoicePayments', 'openingBalance', 'sanctionIncome']);
    expect(e.issues.find((i) => i.path.length === 0)?.message).toContain('"unknown"');
  });

  it('a bad invoice field is reported once, not also as "payments beyond"', () => {
    const e = failure(() => subventionClaim({ ...base, acceptedInvoices: '-1' }));
    expect(e.issues).toMatchObject([{ path: ['acceptedInvoices'], message: 'must be at least 0, got -1' }]);
  });

  it('missing fields and non-decimals', () => {
    const { otherExpenses: _, ...missing } = base;
    expect(failure(() => subventionClaim(missing as SubventionClaimInput)).issues.map((i) => i.path)).toEqual([['otherExpenses']]);
    expect(failure(() => subventionClaim({ ...base, administration: '1 500 000' })).issues[0]?.message).toBe(
      'expected a plain decimal string such as "1234.56", got "1 500 000"',
    );
    expect(failure(() => subventionClaim(null as never)).issues).toHaveLength(1);
  });

  it('amounts stay below 10^18 rubles, so that every line is exact', () => {
    // (10^18 − 0.01) + 200 000 + 300 000 = 10^18 + 499 999.99, to the kopeck
    expect(subventionClaim({ ...base, capitationFunds: '999999999999999999.99' }).lines['1'].toString()).toBe('1000000000000499999.99');
    expect(failure(() => subventionClaim({ ...base, capitationFunds: '1000000000000000000' })).issues).toMatchObject([
      { path: ['capitationFunds'], message: 'must be at most 999999999999999999.99, got 1000000000000000000' },
    ]);
  });

  it('accepts numbers and Decimals as well as strings', () => {
    const c = subventionClaim({ ...base, openingBalance: 1000000, capitationFunds: new Decimal('50000000') });
    expect(c.claim.toString()).toBe('8600000');
  });

  it('the schema validates JSON before calling', () => {
    expect(SubventionClaimInputSchema.safeParse(base).success).toBe(true);
    expect(SubventionClaimInputSchema.safeParse({ ...base, invoicePayments: '99999999' }).success).toBe(false);
    expect(SubventionClaimInputSchema.safeParse({ ...base, invoicePayments: '99999999', outstandingInvoices: '0' }).success).toBe(true);
  });
});

describe('subventionClaim result', () => {
  it('keys every line of the form and lists the rows in the form order', () => {
    const c = subventionClaim(base);
    const order = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '8.1', '8.2', '8.3', '8.4', '8.5', '11', '12'];
    expect(c.formRows.map((r) => r.line)).toEqual(order);
    expect(Object.keys(c.lines).sort()).toEqual([...order].sort());
    for (const r of c.formRows) expect(r.amount).toBe(c.lines[r.line]);
    expect(c.formRows[0]?.name).toBe(
      'Остаток средств ОМС на начало периода (остаток средств на начало периода, следующего за проведенной проверкой СМО, подтвержденный результатами проверки ТФОМС)',
    );
    expect(c.formRows.find((r) => r.line === '8.1')?.name).toBe('Принятые к оплате счета, всего');
  });

  it('traces every line with its source in Form 1', () => {
    const c = subventionClaim(base);
    expect(new Set(c.trace.map((s) => s.symbol))).toEqual(new Set(c.formRows.map((r) => `стр. ${r.line}`)));
    for (const s of c.trace) {
      expect(s.source).toContain('Порядок предоставления субвенций страховым медицинским организациям из средств НСЗ');
      expect(s.source).toContain('форма 1');
      expect(s.source).not.toMatch(/seed|\b00\d\b/);
    }
    expect(c.trace.find((s) => s.symbol === 'стр. 8')?.source).toContain('D2');
  });

  it('line 8.1 does not enter line 8 (D2)', () => {
    const a = subventionClaim({ ...base, outstandingInvoices: '1000' });
    const b = subventionClaim({ ...base, acceptedInvoices: '99999999', outstandingInvoices: '1000' });
    expect(b.lines['8'].eq(a.lines['8'])).toBe(true);
    expect(b.claim.eq(a.claim)).toBe(true);
  });

  it('a negative-zero amount is shown as 0', () => {
    expect(JSON.parse(JSON.stringify(subventionClaim({ ...base, omsIncome: '-0' }))).lines['3']).toBe('0');
  });
});
