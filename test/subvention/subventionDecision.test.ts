import { describe, expect, it } from 'vitest';
import { subventionDecision, type SubventionDecisionInput, type SubventionReasonCode } from '../../src/subvention';
import { failure } from '../errors';

const ok: SubventionDecisionInput = {
  claim: '1000000',
  verifiedNeed: '1000000',
  reserveBalance: '5000000',
  objectiveCauses: true,
  misuseFound: false,
  violationsFound: false,
  fundsFullySpent: true,
};

describe('subventionDecision input rules', () => {
  it('amounts: non-negative, at most two decimals; flags: booleans only', () => {
    const e = failure(() => subventionDecision({ ...ok, claim: '1.001', verifiedNeed: '-3', misuseFound: 'false' as never }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toMatchObject([
      { path: ['claim'], message: 'must have at most 2 decimal places, got 1.001' },
      { path: ['verifiedNeed'], message: 'must be at least 0, got -3' },
      { path: ['misuseFound'], message: 'Invalid input: expected boolean, received string' },
    ]);
  });

  it('every field is required', () => {
    const { fundsFullySpent: _, ...rest } = ok;
    expect(failure(() => subventionDecision(rest as SubventionDecisionInput)).issues.map((i) => i.path)).toEqual([['fundsFullySpent']]);
  });
});

describe('subventionDecision reasons', () => {
  const cases: [Partial<SubventionDecisionInput>, SubventionReasonCode, string][] = [
    [{ claim: '0' }, 'NO_CLAIM', 'пп. 5, 10 Порядка'],
    [{ verifiedNeed: '0' }, 'NEED_NOT_CONFIRMED', 'пп. 7.1, 14 Порядка'],
    [{ fundsFullySpent: false }, 'FUNDS_NOT_FULLY_SPENT', 'пп. 7.1, 9 Порядка'],
    [{ misuseFound: true }, 'MISUSE_FOUND', 'п. 7.2 Порядка'],
    [{ violationsFound: true }, 'VIOLATIONS_FOUND', 'п. 7.2 Порядка'],
    [{ objectiveCauses: false }, 'OBJECTIVE_CAUSES_NOT_ESTABLISHED', 'пп. 7, 8, 16 Порядка'],
    [{ reserveBalance: '0' }, 'RESERVE_EXHAUSTED', 'п. 4 Порядка'],
  ];

  it.each(cases)('%j → refused with %s, citing %s', (change, code, cited) => {
    const d = subventionDecision({ ...ok, ...change });
    expect(d.status).toBe('refused');
    expect(d.granted.toString()).toBe('0');
    expect(d.reasons.map((r) => r.code)).toEqual([code]);
    expect(d.reasons[0]?.text).toMatch(/^Отказ: /);
    expect(d.reasons[0]?.text).toContain(`(${cited} предоставления субвенций страховым медицинским организациям из средств НСЗ).`);
    expect(d.reasons[0]?.source).toContain('приложение 1 «Порядок предоставления субвенций');
  });

  it('lists every failed condition, in the order of the Порядок', () => {
    const d = subventionDecision({ ...ok, objectiveCauses: false, misuseFound: true, violationsFound: true, fundsFullySpent: false });
    expect(d.reasons.map((r) => r.code)).toEqual(['FUNDS_NOT_FULLY_SPENT', 'MISUSE_FOUND', 'VIOLATIONS_FOUND', 'OBJECTIVE_CAUSES_NOT_ESTABLISHED']);
    expect(d.trace.at(-1)).toMatchObject({ symbol: 'Решение', value: 'refused' });
  });

  it('a refusal states the amount claimed', () => {
    const d = subventionDecision({ ...ok, claim: '1234567.8', fundsFullySpent: false });
    expect(d.reasons[0]?.text).toContain('заявлено 1 234 567,80 руб.');
    expect(d.reasons[0]?.amounts.claim?.toString()).toBe('1234567.8');
  });

  it('granted in full has no reasons and traces min(claim, need, balance)', () => {
    const d = subventionDecision(ok);
    expect([d.status, d.granted.toString(), d.reasons.length]).toEqual(['granted', '1000000', 0]);
    expect(d.trace.map((s) => s.symbol)).toEqual(['Условия предоставления', 'Размер по потребности', 'Субвенция', 'Решение']);
    expect(d.trace.find((s) => s.symbol === 'Субвенция')?.formula).toBe('min(размер по потребности, остаток НСЗ) = min(1000000, 5000000)');
  });

  it('a claim equal to the reserve balance is granted in full, not cut', () => {
    const d = subventionDecision({ ...ok, reserveBalance: '1000000' });
    expect(d.status).toBe('granted');
  });
});

describe('subventionDecision output', () => {
  it('a zero written as "-0" serialises as "0"', () => {
    const d = JSON.parse(JSON.stringify(subventionDecision({ ...ok, claim: '-0', verifiedNeed: '-0.00' })));
    expect(d.granted).toBe('0');
    expect(d.reasons.map((r: { amounts: Record<string, string> }) => r.amounts)).toEqual([{ claim: '0' }, { claim: '0', verifiedNeed: '0' }]);
  });
});
