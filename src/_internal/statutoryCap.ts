/**
 * The statutory cap of a territorial fund's reserve, shared by `reserve` (the plan) and
 * `replenishment` (the ledger): not more than the fund's average monthly planned income.
 *
 * @module
 */
import { kopecks, type X } from './decimal';

/** The federal law on ОМС, article and part that cap the territorial fund's НСЗ. */
export const STATUTORY_CAP_SOURCE =
  'Федеральный закон от 29.11.2010 № 326-ФЗ «Об обязательном медицинском страховании в Российской Федерации», ст. 26, ч. 6 (не более среднемесячного размера планируемых поступлений)';

/** The symbol of the cap in the traces: предельный размер НСЗ. */
export const STATUTORY_CAP_SYMBOL = 'НСЗпред';

/** The average monthly planned income, the statutory cap: plannedIncome / 12, rounded half up to kopecks. */
export function statutoryCapOf(plannedIncome: X): X {
  return kopecks(plannedIncome.div(12));
}
