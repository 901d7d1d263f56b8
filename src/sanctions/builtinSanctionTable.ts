import { annex25 } from './data/tariff-agreement-2025-01-09-annex-25';
import { defineSanctionTable } from './defineSanctionTable';
import type { SanctionTable } from './table';

/**
 * The built-in coefficient table: «Перечень оснований для отказа в оплате медицинской помощи
 * (уменьшения оплаты медицинской помощи)», Приложение № 25 к тарифному соглашению от 09.01.2025
 * (a regional copy of the federal list of Приказ Минздрава № 231н). Id
 * `tariff-agreement-2025-01-09-annex-25`, in force from 2025-01-01, 70 rows in three sections,
 * with the full Russian wording, Кно and Кшт assigned by decision D4, and `verified: false` on
 * every row whose column was inferred. It is the default of the `tables` option.
 *
 * Source: Тарифное соглашение от 09.01.2025, прил. 25; Приказ Минздрава № 231н.
 *
 * @example
 * ```ts
 * builtinSanctionTable.entries.length;                                   // 70
 * builtinSanctionTable.entries.find((e) => e.code === '3.2.4')?.kno?.toString(); // '1'
 * ```
 */
export const builtinSanctionTable: SanctionTable = /* @__PURE__ */ defineSanctionTable(annex25);
