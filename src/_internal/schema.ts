/**
 * zod helpers shared by every module: decimal fields and the translation of zod issues into
 * {@link OmsCalcIssue}s.
 *
 * @module
 */
import { z } from 'zod';
import { coerce, D, type DecimalInput, type X } from './decimal';
import { invalidInput, type OmsCalcIssue } from './errors';

/** Constraints of a decimal field. */
export interface DecimalRules {
  /** Inclusive lower bound. */
  min?: DecimalInput;
  /** Inclusive upper bound. */
  max?: DecimalInput;
  /** Exclusive lower bound. */
  greaterThan?: DecimalInput;
  /** At most this many decimal places (2 for kopecks). */
  maxPlaces?: number;
  /** Must be a whole number. */
  integer?: boolean;
}

/**
 * A zod schema that accepts a {@link DecimalInput} and outputs a library Decimal, checking the
 * given rules. Every failure is one issue with a message that shows the bad value.
 */
export function decimal(rules: DecimalRules = {}): z.ZodType<X, DecimalInput> {
  const min = rules.min === undefined ? undefined : new D(String(rules.min));
  const max = rules.max === undefined ? undefined : new D(String(rules.max));
  const above = rules.greaterThan === undefined ? undefined : new D(String(rules.greaterThan));
  return z.custom<DecimalInput>(() => true).transform((value, ctx): X => {
    const result = coerce(value);
    const fail = (message: string): X => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (typeof result === 'string') return fail(result);
    if (min !== undefined && result.lt(min)) return fail(`must be at least ${min.toString()}, got ${result.toString()}`);
    if (max !== undefined && result.gt(max)) return fail(`must be at most ${max.toString()}, got ${result.toString()}`);
    if (above !== undefined && result.lte(above)) return fail(`must be greater than ${above.toString()}, got ${result.toString()}`);
    if (rules.integer === true && !result.isInteger()) return fail(`must be a whole number, got ${result.toString()}`);
    if (rules.maxPlaces !== undefined && result.decimalPlaces() > rules.maxPlaces) {
      return fail(`must have at most ${rules.maxPlaces} decimal places, got ${result.toString()}`);
    }
    return result;
  });
}

/**
 * The largest amount of money any input may have: just under 10¹⁸ ₽, so that every sum, product
 * and square of the library's formulas stays exact in its 40-digit decimal context (10¹⁸ ₽ is
 * ten thousand times the whole budget of ОМС).
 */
export const MAX_MONEY = '999999999999999999.99';
/** A non-negative amount of money in rubles (any number of places; results are rounded), below 10¹⁸. */
export const amount: z.ZodType<X, DecimalInput> = decimal({ min: 0, max: MAX_MONEY });
/** A non-negative amount of money in rubles and kopecks (at most 2 decimal places), below 10¹⁸. */
export const kopeckAmount: z.ZodType<X, DecimalInput> = decimal({ min: 0, max: MAX_MONEY, maxPlaces: 2 });
/** A probability or a share, in [0, 1]. */
export const unitInterval: z.ZodType<X, DecimalInput> = decimal({ min: 0, max: 1 });

type ZodIssueLike = {
  path?: readonly PropertyKey[];
  message: string;
  code?: string;
  errors?: readonly (readonly ZodIssueLike[])[];
};

/** Translates zod issues into oms-calc issues (one per problem, with paths of strings and numbers). */
export function toIssues(issues: readonly ZodIssueLike[], prefix: (string | number)[] = []): OmsCalcIssue[] {
  const out: OmsCalcIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path ?? []).map((k) => (typeof k === 'number' ? k : String(k)))];
    if (issue.code === 'invalid_union' && issue.errors !== undefined && issue.errors.length > 0) {
      // Report the alternative that got furthest (deepest path, or at least past the type check):
      // its issues are the ones the caller meant.
      const score = (branch: readonly ZodIssueLike[]): number =>
        10 * Math.max(0, ...branch.map((i) => i.path?.length ?? 0)) + (branch.some((i) => i.code !== 'invalid_type') ? 1 : 0);
      const best = [...issue.errors].sort((a, b) => score(b) - score(a))[0] ?? [];
      if (score(best) > 0) {
        out.push(...toIssues(best, path));
        continue;
      }
    }
    out.push({ path, message: issue.message });
  }
  return out;
}

/**
 * Validates `input` against `schema` and returns the parsed value, or throws `INVALID_INPUT`
 * with one issue per problem.
 *
 * @param where - the public function's name, for the error message
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidInput(where, toIssues(result.error.issues as readonly ZodIssueLike[]));
  return result.data;
}
