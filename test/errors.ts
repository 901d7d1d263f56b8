/** The OmsCalcError that `run` throws; fails the test when it returns or throws anything else. */
import { isOmsCalcError, type OmsCalcError } from '../src/_internal/errors';

export function failure(run: () => unknown): OmsCalcError {
  try {
    run();
  } catch (e) {
    if (isOmsCalcError(e)) return e;
    throw e;
  }
  throw new Error('expected an OmsCalcError');
}
