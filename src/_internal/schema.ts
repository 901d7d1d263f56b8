/**
 * zod helpers shared by every module: decimal fields and the translation of zod issues into
 * {@link OmsCalcIssue}s.
 *
 * @module
 */
import * as z from 'zod';
import { coerceDecimal, D, show, type DecimalInput, type X } from './decimal';
import { invalidInput, type OmsCalcIssue } from './errors';
import { isIssueCode, type IssueCode, type IssueParams } from './issues';

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
    const result = coerceDecimal(value);
    const fail = (code: IssueCode, params: IssueParams, message: string): X => {
      ctx.addIssue({ code: 'custom', message, params: issueParams(code, params) });
      return z.NEVER;
    };
    if (!(result instanceof D)) return fail(result.code, result.params, result.message);
    const got = result.toString();
    if (min !== undefined && result.lt(min)) return fail('too_small', { minimum: min.toString(), received: got }, `must be at least ${min.toString()}, got ${got}`);
    if (max !== undefined && result.gt(max)) return fail('too_big', { maximum: max.toString(), received: got }, `must be at most ${max.toString()}, got ${got}`);
    if (above !== undefined && result.lte(above)) {
      return fail('too_small', { minimum: above.toString(), inclusive: false, received: got }, `must be greater than ${above.toString()}, got ${got}`);
    }
    if (rules.integer === true && !result.isInteger()) return fail('not_an_integer', { received: got }, `must be a whole number, got ${got}`);
    if (rules.maxPlaces !== undefined && result.decimalPlaces() > rules.maxPlaces) {
      return fail('too_many_decimals', { places: rules.maxPlaces, received: got }, `must have at most ${rules.maxPlaces} decimal places, got ${got}`);
    }
    return result;
  });
}

/**
 * The `params` of a zod custom issue that carries an oms-calc {@link IssueCode}: {@link toIssues}
 * reads them back. Use in `ctx.addIssue({ code: 'custom', message, params: issueParams(…) })`
 * and in `.refine(…, { error, params: issueParams(…) })`.
 */
export function issueParams(code: IssueCode, params: IssueParams = {}): { omsCalcIssue: IssueCode; omsCalcParams: IssueParams } {
  return { omsCalcIssue: code, omsCalcParams: params };
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
  path?: readonly PropertyKey[] | undefined;
  message: string;
  code?: string | undefined;
  input?: unknown;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean | undefined;
  origin?: unknown;
  keys?: readonly string[] | undefined;
  values?: readonly unknown[] | undefined;
  params?: Record<string, unknown> | undefined;
  errors?: readonly (readonly ZodIssueLike[])[] | undefined;
};

const ORIGINS: readonly string[] = ['number', 'array', 'string'];

/** The oms-calc code and parameters of one zod issue. */
function codeOf(issue: ZodIssueLike): { code: IssueCode; params: IssueParams } {
  const own = issue.params?.['omsCalcIssue'];
  if (isIssueCode(own)) {
    const params = (issue.params?.['omsCalcParams'] as IssueParams | undefined) ?? {};
    const input = issue.input;
    const primitive = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean';
    return { code: own, params: params.received === undefined && primitive ? { ...params, received: show(input) } : params };
  }
  const received = 'input' in issue ? { received: show(issue.input) } : {};
  const origin = typeof issue.origin === 'string' && ORIGINS.includes(issue.origin) ? { origin: issue.origin as 'number' | 'array' | 'string' } : {};
  const bound = (key: 'minimum' | 'maximum', v: unknown): IssueParams => (v === undefined ? {} : { [key]: String(v) });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'not_an_integer', params: received };
      if ('input' in issue && issue.input === undefined) return { code: 'required', params: { expected: String(issue.expected) } };
      return { code: 'invalid_type', params: { expected: String(issue.expected), ...received } };
    case 'too_small':
    case 'too_big': {
      const shown = issue.origin === 'array' || issue.origin === 'string' ? {} : received;
      const open = issue.inclusive === false ? { inclusive: false } : {};
      return issue.code === 'too_small'
        ? { code: 'too_small', params: { ...bound('minimum', issue.minimum), ...open, ...origin, ...shown } }
        : { code: 'too_big', params: { ...bound('maximum', issue.maximum), ...open, ...origin, ...shown } };
    }
    case 'unrecognized_keys':
      return { code: 'unknown_key', params: { keys: [...(issue.keys ?? [])] } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: (issue.values ?? []).map(String), ...received } };
    default:
      return { code: 'custom', params: { detail: issue.message } };
  }
}

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
    const { code, params } = codeOf(issue);
    out.push({ code, path, params, message: issue.message });
  }
  return out;
}

/** Adds oms-calc issues (of a nested parse) to a zod context, keeping their codes and parameters. */
export function addIssues(ctx: z.RefinementCtx, issues: readonly OmsCalcIssue[]): void {
  for (const i of issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path, params: issueParams(i.code ?? 'custom', i.params ?? {}) });
}

/**
 * Validates `input` against `schema` and returns the parsed value, or throws `INVALID_INPUT`
 * with one issue per problem.
 *
 * @param where - the public function's name, for the error message
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw invalidInput(where, toIssues(result.error.issues as readonly ZodIssueLike[]));
  return result.data;
}
