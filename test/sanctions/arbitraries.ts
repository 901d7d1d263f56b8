/** fast-check arbitraries of the sanctions module: cases, rates, violation lists, tables. */
import fc from 'fast-check';
import { builtinSanctionTable, type CaseInput, type Setting, type ViolationInput } from '../../src/sanctions';
import { centsToString } from '../arbitraries';

export const SETTINGS: readonly Setting[] = ['ambulatory', 'ambulance', 'all', 'hospital'];
export const CODES: readonly string[] = builtinSanctionTable.entries.map((e) => e.code);
export const KNO_CODES: readonly string[] = builtinSanctionTable.entries.filter((e) => e.kno !== null).map((e) => e.code);

/** Kopecks up to `max` (default 10 million rubles), biased to small and round values. */
export const cents = (max = 1_000_000_000n): fc.Arbitrary<bigint> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.bigInt({ min: 0n, max }) },
    { weight: 1, arbitrary: fc.constantFrom(0n, 1n, 5n, 50n, 99n, 100n, 12_345n) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: max / 100n }).map((r) => r * 100n) },
  );

/** An amount in one of the accepted forms: "123.45", "123.4", "123", or a number. */
export const money = (max?: bigint): fc.Arbitrary<string | number> =>
  fc.tuple(cents(max), fc.integer({ min: 0, max: 3 })).map(([k, form]) => {
    const s = centsToString(k);
    if (form === 0) return s; // "123.45"
    if (form === 1) return s.replace(/0+$/, '').replace(/\.$/, ''); // "123.4", "123"
    if (form === 2) return Number(s); // 123.45 as a number
    return s.replace(/\.(\d)0$/, '.$1');
  });

/** A per-capita rate: usually kopecks; sometimes with more places (the decimal path). */
export const rate: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 5, arbitrary: money(100_000_000n) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9_999 })).map(([r, f]) => `${r}.${String(f).padStart(4, '0')}`) },
);

/** 1–`max` distinct codes of the built-in table, as given (strings or objects with a recomputed tariff). */
export function violations(tariffCents: bigint, max = 4): fc.Arbitrary<ViolationInput[]> {
  return fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: max }).chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        KNO_CODES.includes(code)
          ? fc.oneof(
              { weight: 4, arbitrary: fc.constant<ViolationInput>(code) },
              { weight: 1, arbitrary: cents(tariffCents * 2n + 1n).map((r): ViolationInput => ({ code, recomputedTariff: centsToString(r) })) },
            )
          : fc.constant<ViolationInput>(code),
      ),
    ),
  );
}

/** The rates of all four settings, as options. */
export const perCapitaRates = fc.record({
  ambulatory: rate,
  ambulance: rate,
  all: rate,
  hospital: rate,
});

/** An ISO date in 2025. */
export const date2025 = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** A valid case for the built-in table with rates for every setting (so that it never fails). */
export const validCase: fc.Arbitrary<CaseInput> = cents(10_000_000_000n).chain((t) =>
  fc.record(
    {
      id: fc.string({ maxLength: 8 }),
      date: date2025,
      tariff: fc.oneof(fc.constant(centsToString(t)), fc.constant(Number(centsToString(t)))),
      setting: fc.constantFrom(...SETTINGS),
      perCapitaRate: rate,
      violations: violations(t),
    },
    { requiredKeys: ['tariff', 'setting', 'violations'] },
  ),
);

/** A case that may be invalid in one field (a near-valid input). */
export const nearValidCase: fc.Arbitrary<unknown> = fc.tuple(validCase, fc.constantFrom('tariff', 'violations', 'setting', 'date', 'perCapitaRate', 'id', 'extra'), fc.jsonValue()).map(
  ([c, field, value]) => ({ ...c, [field]: value }),
);
