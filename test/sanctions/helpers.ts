/** Test helpers of the sanctions module. */
import { isOmsCalcError, type OmsCalcIssue } from '../../src/sanctions';

/** The code, message and issues of the OmsCalcError that `f` throws (fails the test otherwise). */
export function thrown(f: () => unknown): { code: string; message: string; issues: OmsCalcIssue[] } {
  try {
    f();
  } catch (e) {
    if (isOmsCalcError(e)) return { code: e.code, message: e.message, issues: e.issues };
    throw new Error(`expected an OmsCalcError, got ${String(e)}`);
  }
  throw new Error('expected an OmsCalcError, got a result');
}

/** A value as plain JSON data (Decimals become strings). */
export const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
