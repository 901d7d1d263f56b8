/** Test helpers of the sanctions module. */
import type { OmsCalcIssue } from '../../src/sanctions';
import { failure } from '../errors';

/** The code, message and issues of the OmsCalcError that `f` throws (fails the test otherwise). */
export function thrown(f: () => unknown): { code: string; message: string; issues: OmsCalcIssue[] } {
  const e = failure(f);
  return { code: e.code, message: e.message, issues: e.issues };
}

/** A value as plain JSON data (Decimals become strings). */
export const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
