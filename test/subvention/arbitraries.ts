/** fast-check arbitraries for Form 1 and the decision, as kopeck integers and as inputs. */
import fc from 'fast-check';
import type { SubventionClaimInput } from '../../src/subvention';
import { centsToString } from '../arbitraries';

/** Kopecks up to 10^13 rubles. */
export const cents = (max = 10n ** 15n): fc.Arbitrary<bigint> => fc.bigInt({ min: 0n, max });

/** The given lines of Form 1 in kopecks (bigint), with 8.2 ≤ 8.1 unless line 11 is given. */
export interface ClaimCents {
  openingBalance: bigint;
  capitationFunds: bigint;
  omsIncome: bigint;
  sanctionIncome: bigint;
  damagesRecovered: bigint;
  reserveReturns: bigint;
  acceptedInvoices: bigint;
  invoicePayments: bigint;
  administration: bigint;
  prevention: bigint;
  otherExpenses: bigint;
  outstandingInvoices?: bigint;
}

/** A mix of small and large amounts, so that shortages and surpluses both occur. */
const amount = fc.oneof(cents(10n ** 6n), cents(10n ** 11n), cents());

export const claimCents: fc.Arbitrary<ClaimCents> = fc
  .record(
    {
      openingBalance: amount,
      capitationFunds: amount,
      omsIncome: amount,
      sanctionIncome: amount,
      damagesRecovered: amount,
      reserveReturns: amount,
      unpaid: amount,
      invoicePayments: amount,
      administration: amount,
      prevention: amount,
      otherExpenses: amount,
      outstandingInvoices: amount,
    },
    { requiredKeys: ['openingBalance', 'capitationFunds', 'omsIncome', 'sanctionIncome', 'damagesRecovered', 'reserveReturns', 'unpaid', 'invoicePayments', 'administration', 'prevention', 'otherExpenses'] },
  )
  .map(({ unpaid, ...rest }) => ({ ...rest, acceptedInvoices: rest.invoicePayments + unpaid }));

/** Kopecks to the input strings of subventionClaim. */
export function claimInput(c: ClaimCents): SubventionClaimInput {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, centsToString(v as bigint)])) as unknown as SubventionClaimInput;
}

/** Mostly `good`, sometimes not: so that every condition holds often enough to reach the cuts. */
const mostly = (good: boolean): fc.Arbitrary<boolean> =>
  fc.oneof({ arbitrary: fc.constant(good), weight: 4 }, { arbitrary: fc.constant(!good), weight: 1 });
/** An amount that is zero now and then. */
const sometimesZero = fc.oneof({ arbitrary: fc.constant(0n), weight: 1 }, { arbitrary: cents(10n ** 9n), weight: 5 });

/** A decision input in kopecks plus its flags; amounts are sometimes zero or equal, to reach every branch. */
export const decisionCents = fc
  .record({
    claim: sometimesZero,
    verifiedNeed: sometimesZero,
    reserveBalance: sometimesZero,
    objectiveCauses: mostly(true),
    misuseFound: mostly(false),
    violationsFound: mostly(false),
    fundsFullySpent: mostly(true),
    tie: fc.constantFrom('none', 'need=claim', 'balance=claim', 'balance=need'),
  })
  .map(({ tie, ...d }) => ({
    ...d,
    verifiedNeed: tie === 'need=claim' ? d.claim : d.verifiedNeed,
    reserveBalance: tie === 'balance=claim' ? d.claim : tie === 'balance=need' ? d.verifiedNeed : d.reserveBalance,
  }));

export const decisionInput = (d: { claim: bigint; verifiedNeed: bigint; reserveBalance: bigint; objectiveCauses: boolean; misuseFound: boolean; violationsFound: boolean; fundsFullySpent: boolean }) => ({
  ...d,
  claim: centsToString(d.claim),
  verifiedNeed: centsToString(d.verifiedNeed),
  reserveBalance: centsToString(d.reserveBalance),
});
