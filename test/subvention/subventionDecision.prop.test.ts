/**
 * Laws of the fund's decision on a claim (Порядок предоставления субвенций, пп. 4, 7–9, 14, 16).
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { expect, it } from 'vitest';
import { subventionDecision, type SubventionReasonCode } from '../../src/subvention';
import { centsToString } from '../arbitraries';
import { cents, decisionCents, decisionInput } from './arbitraries';

const CUTS: SubventionReasonCode[] = ['CUT_TO_VERIFIED_NEED', 'CUT_TO_RESERVE_BALANCE'];

/** The conditions that fail, computed from the input alone, by the code each one should produce. */
function failing(d: { claim: bigint; verifiedNeed: bigint; reserveBalance: bigint; objectiveCauses: boolean; misuseFound: boolean; violationsFound: boolean; fundsFullySpent: boolean }): SubventionReasonCode[] {
  const out: SubventionReasonCode[] = [];
  if (d.claim === 0n) out.push('NO_CLAIM');
  if (d.verifiedNeed === 0n) out.push('NEED_NOT_CONFIRMED');
  if (!d.fundsFullySpent) out.push('FUNDS_NOT_FULLY_SPENT');
  if (d.misuseFound) out.push('MISUSE_FOUND');
  if (d.violationsFound) out.push('VIOLATIONS_FOUND');
  if (!d.objectiveCauses) out.push('OBJECTIVE_CAUSES_NOT_ESTABLISHED');
  if (d.reserveBalance === 0n) out.push('RESERVE_EXHAUSTED');
  return out;
}

it('the generator reaches every status and every reason', () => {
  const results = fc.sample(decisionCents, 2000).map((d) => subventionDecision(decisionInput(d)));
  expect(new Set(results.map((r) => r.status))).toEqual(new Set(['granted', 'partly-granted', 'refused']));
  expect(new Set(results.flatMap((r) => r.reasons.map((x) => x.code))).size).toBe(9);
});

const minOf = (...xs: bigint[]): bigint => xs.reduce((a, b) => (b < a ? b : a));

test.prop([decisionCents])('granted ≤ min(claim, verified need, reserve balance), and ≥ 0', (d) => {
  const r = subventionDecision(decisionInput(d));
  expect(r.granted.gte(0)).toBe(true);
  expect(r.granted.lte(centsToString(minOf(d.claim, d.verifiedNeed, d.reserveBalance)))).toBe(true);
});

test.prop([decisionCents])('refused exactly when a condition fails, with one reason per failed condition', (d) => {
  const r = subventionDecision(decisionInput(d));
  const failed = failing(d);
  expect(r.status === 'refused').toBe(failed.length > 0);
  if (failed.length > 0) {
    expect(r.granted.isZero()).toBe(true);
    expect(r.reasons.map((x) => x.code)).toEqual(failed);
  } else {
    // every condition holds: the whole minimum is granted
    expect(r.granted.eq(centsToString(minOf(d.claim, d.verifiedNeed, d.reserveBalance)))).toBe(true);
    expect(r.granted.gt(0)).toBe(true);
  }
});

test.prop([decisionCents])('the status says how much of the claim was granted; the cuts add up to the difference', (d) => {
  const r = subventionDecision(decisionInput(d));
  const claim = new Decimal(centsToString(d.claim));
  if (r.status === 'granted') {
    expect(r.granted.eq(claim)).toBe(true);
    expect(r.reasons).toEqual([]);
  }
  if (r.status === 'partly-granted') {
    expect(r.granted.gt(0) && r.granted.lt(claim)).toBe(true);
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(r.reasons.every((x) => CUTS.includes(x.code))).toBe(true);
    const cut = r.reasons.reduce((s, x) => s.plus(x.amounts.reduction ?? 0), new Decimal(0));
    expect(cut.eq(claim.minus(r.granted))).toBe(true);
  }
  if (r.status === 'refused') expect(r.reasons.every((x) => !CUTS.includes(x.code))).toBe(true);
});

/** "1 234 567,89 руб." (U+202F between groups), computed from kopecks independently of the library. */
function rub(k: bigint): string {
  const s = k.toString().padStart(3, '0');
  const int = s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  return `${int},${s.slice(-2)} руб.`;
}

test.prop([decisionCents])('every reason cites a point of the Порядок and states the amounts it involves', (d) => {
  const r = subventionDecision(decisionInput(d));
  for (const reason of r.reasons) {
    expect(reason.text).toMatch(/\((?:п\.|пп\.) \d+(?:\.\d+)?(?:, \d+(?:\.\d+)?)* Порядка предоставления субвенций страховым медицинским организациям из средств НСЗ\)\.$/);
    expect(Object.keys(reason.amounts).length).toBeGreaterThan(0);
    for (const value of Object.values(reason.amounts)) {
      expect(reason.text).toContain(rub(BigInt(value.times(100).toFixed(0))));
    }
  }
});

test.prop([decisionCents, cents(10n ** 9n), fc.constantFrom('objectiveCauses', 'misuseFound', 'violationsFound', 'fundsFullySpent')])(
  'a larger reserve or need never lowers the grant; a worse finding never raises it',
  (d, extra, flag) => {
    const granted = subventionDecision(decisionInput(d)).granted;
    expect(subventionDecision(decisionInput({ ...d, reserveBalance: d.reserveBalance + extra })).granted.gte(granted)).toBe(true);
    expect(subventionDecision(decisionInput({ ...d, verifiedNeed: d.verifiedNeed + extra })).granted.gte(granted)).toBe(true);
    const worse = { ...d, [flag]: flag === 'misuseFound' || flag === 'violationsFound' };
    expect(subventionDecision(decisionInput(worse)).granted.lte(granted)).toBe(true);
  },
);

test.prop([decisionCents])('JSON round-trip of the decision', (d) => {
  const r = subventionDecision(decisionInput(d));
  const json = JSON.parse(JSON.stringify(r)) as { granted: string; status: string; reasons: { code: string; text: string; amounts: Record<string, string>; source: string }[] };
  expect(json.granted).toBe(r.granted.toString());
  expect(json.status).toBe(r.status);
  expect(json.reasons).toEqual(
    r.reasons.map((x) => ({ ...x, amounts: Object.fromEntries(Object.entries(x.amounts).map(([k, v]) => [k, v.toString()])) })),
  );
  // the serialised grant is valid decision input again (e.g. as the claim of a re-examination)
  expect(subventionDecision({ ...decisionInput(d), claim: json.granted }).granted.eq(r.granted)).toBe(true);
});
